"""Public URLs of the citizen's voice, under the language prefix (``/id/feedback/…``, ``/en/feedback/…``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("survey/<str:slug>/", views.survey, name="feedback-survey"),
    path("results/services/<str:slug>/", views.service_results, name="feedback-service-results"),
    path("results/offices/<str:slug>/", views.office_results, name="feedback-office-results"),
    path("report/<str:key>/", views.contact_report, name="feedback-contact-report"),
    path("complaint/<str:slug>/", views.complaint, name="feedback-complaint"),
    path("complaint/status/<str:token>/", views.complaint_status, name="feedback-complaint-status"),
]

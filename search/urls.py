"""What the results page links to, under ``/<lang>/search/``: an opened result and the citizen's answer."""

from django.urls import path

from . import views

urlpatterns = [
    path("open/", views.open_result, name="search-open"),
    path("answer/", views.answer, name="search-answer"),
]

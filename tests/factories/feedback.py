"""What citizens send: survey responses, contact reports and complaints."""

import factory
from factory.django import DjangoModelFactory

from feedback.models import Complaint, ComplaintCategory, ContactReport, ContactReportReason, SurveyResponse

from .directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory


class SurveyResponseFactory(DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    service = factory.SubFactory(ServicePageFactory)
    language = "id"


class ContactReportFactory(DjangoModelFactory):
    class Meta:
        model = ContactReport

    contact = factory.SubFactory(ContactPersonFactory)
    reason = ContactReportReason.choices[0][0]


class ComplaintFactory(DjangoModelFactory):
    class Meta:
        model = Complaint

    office = factory.SubFactory(OfficePageFactory)
    category = ComplaintCategory.choices[0][0]
    message = "Antrean di loket terlalu lama dan petugas tidak ada."
    language = "id"

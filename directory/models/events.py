"""Life events (peristiwa hidup): what a citizen goes through, and the services it takes, in order."""

from dataclasses import dataclass

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField

from core.mixins import IntroductionMixin, StableSlugMixin
from core.privacy import visible_to_public

from .contacts import ContactPerson
from .offices import OfficePage
from .services import ServicePage


class LifeEventIndexPage(IntroductionMixin, Page):
    """Every life event, in the editors' order."""

    parent_page_types = ["melayani.HomePage"]
    subpage_types = ["directory.LifeEventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("life events index")

    def events(self):
        return visible_to_public(LifeEventPage.objects.child_of(self)).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = self.events()
        return context


@dataclass
class EventStep:
    """One service of a life event as shown: the page in the visitor's language, its office and officer."""

    service: ServicePage
    office: OfficePage | None
    officer: ContactPerson | None
    lang: str = ""  # the service's language when it is not yet translated into the page's


class LifeEventPage(StableSlugMixin, IntroductionMixin, Page):
    """A life event (a baby is born, moving house …) with the services it takes, in the order a citizen needs them."""

    content_panels = IntroductionMixin.content_panels + [
        InlinePanel("service_links", label=_("Services, in the order a citizen needs them"), min_num=1),
    ]
    search_fields = IntroductionMixin.search_fields

    override_translatable_fields = [
        SynchronizedField("stable_slug"),
        # Services are chosen among the source pages and shown in the page's own language
        # (``steps``): wagtail-localize does not translate foreign keys on inline children
        # (wagtail-localize#710), as for a service's officers.
        SynchronizedField("service_links"),
    ]

    parent_page_types = ["directory.LifeEventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("life event")
        verbose_name_plural = _("life events")

    def steps(self) -> list[EventStep]:
        """The public services in the editors' order, each in this page's language, with its office and the
        officer responsible for it (the service's first contact, as its page shows). A fixed number of queries."""
        links = list(self.service_links.select_related("service"))
        keys = [link.service.translation_key for link in links]
        pages = visible_to_public(ServicePage.objects.filter(translation_key__in=keys)).select_related("locale")
        by_language = {(page.translation_key, page.locale_id): page for page in pages}
        services = []
        for link in links:
            key = link.service.translation_key
            service = by_language.get((key, self.locale_id)) or by_language.get((key, link.service.locale_id))
            if service is not None:
                services.append(service)
        return self._with_offices_and_officers(services)

    def _with_offices_and_officers(self, services) -> list[EventStep]:
        # Every language's page holds the same officer links (synchronized), to the source's contacts.
        prefetch_related_objects(services, "responsible_officers__contact")
        first_contacts = {
            service.pk: links[0].contact for service in services if (links := list(service.responsible_officers.all()))
        }
        localized = {
            contact.translation_key: contact
            for contact in ContactPerson.objects.filter(
                translation_key__in=[contact.translation_key for contact in first_contacts.values()],
                locale_id=self.locale_id,
            )
        }
        offices = {
            office.path: office
            for office in OfficePage.objects.filter(path__in={service.path[: -service.steplen] for service in services})
        }
        return [
            EventStep(
                service=service,
                office=offices.get(service.path[: -service.steplen]),
                officer=localized.get(contact.translation_key, contact)
                if (contact := first_contacts.get(service.pk))
                else None,
                lang=service.locale.language_code if service.locale_id != self.locale_id else "",
            )
            for service in services
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = self.steps()
        return context


class LifeEventService(Orderable):
    """One service of a life event, at its place in the citizen's order."""

    page = ParentalKey(LifeEventPage, on_delete=models.CASCADE, related_name="service_links")
    service = models.ForeignKey(ServicePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("service"))

    panels = [PageChooserPanel("service", "directory.ServicePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("service of a life event")
        verbose_name_plural = _("services of a life event")

"""A service page with its published service standard, and its responsible officers."""

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.mixins import StableSlugMixin
from core.offline import KeptOfflineMixin

from ..editorial.forms import ServicePageForm
from ..translation import status as translation_status
from .blocks import LegalBasisBlock, ListItemBlock, SituationBlock
from .contacts import ContactPerson
from .offices import OfficePage
from .schedule import HOURS_RELATIONS, state_for_page
from .sharing import mark_sharing
from .structured_data import service_data


class ServicePage(KeptOfflineMixin, StableSlugMixin, Page):
    """A public service with its published service standard (standar pelayanan)."""

    summary = models.TextField(_("summary"), blank=True)
    requirements = StreamField(
        [("requirement", ListItemBlock(label=_("Requirement")))],
        blank=True,
        verbose_name=_("requirements"),
    )
    procedure = StreamField(
        [("step", ListItemBlock(label=_("Step")))],
        blank=True,
        verbose_name=_("procedure"),
    )
    situations = StreamField(
        [("situation", SituationBlock())],
        blank=True,
        verbose_name=_("when you need this"),
        help_text=_(
            "Short situations in a citizen's own words, one each, e.g. “My wallet was stolen with my ID card in it”. "
            "Each one helps search find this service."
        ),
    )
    duration = models.CharField(_("duration"), max_length=255, blank=True)
    cost = models.CharField(_("cost"), max_length=255, blank=True)
    output = models.CharField(_("output"), max_length=255, blank=True)
    legal_basis = StreamField(
        [("regulation", LegalBasisBlock())],
        blank=True,
        verbose_name=_("legal basis"),
    )
    channels = StreamField(
        [("channel", ListItemBlock(label=_("Where to apply")))],
        blank=True,
        verbose_name=_("where to apply"),
    )
    keywords = models.TextField(
        _("keywords"),
        blank=True,
        help_text=_("Words citizens use for this service, separated by commas."),
    )
    yearly_service_users = models.PositiveIntegerField(
        _("number of service users per year"),
        null=True,
        blank=True,
        help_text=_(
            "About how many people use this service in a year. It sets the minimum number of survey "
            "responses before the satisfaction index is published (Krejcie–Morgan table, "
            "Permenpan RB 14/2017). Leave empty if unknown: a default minimum applies."
        ),
    )

    base_form_class = ServicePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("situations"),
        FieldPanel("requirements"),
        FieldPanel("procedure"),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("cost")]),
        FieldPanel("output"),
        FieldPanel("legal_basis"),
        FieldPanel("channels"),
        InlinePanel("responsible_officers", label=_("Responsible officers")),
        FieldPanel("keywords"),
        FieldPanel("yearly_service_users"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("keywords", boost=3),
        index.SearchField("situations"),
        index.SearchField("requirements"),
        index.SearchField("procedure"),
        index.AutocompleteField("keywords"),
    ]

    override_translatable_fields = [
        SynchronizedField("stable_slug"),
        # Titles of laws and names of systems are cited as published.
        SynchronizedField("legal_basis"),
        SynchronizedField("channels"),
        # A count of people, the same in every language; the survey reads it from the source page.
        SynchronizedField("yearly_service_users"),
        # Officers are chosen from the source page's contacts and shown in the
        # page's own language at render time (see ``officers``): wagtail-localize
        # does not translate foreign keys on inline children (wagtail-localize#710).
        SynchronizedField("responsible_officers"),
    ]

    parent_page_types = ["directory.OfficePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    @cached_property
    def office(self):
        return OfficePage.objects.parent_of(self).first()

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    def officers(self):
        """Responsible contacts in this page's language, in the editor's order."""
        links = list(self.responsible_officers.select_related("contact"))
        keys = [link.contact.translation_key for link in links]
        localized = {
            contact.translation_key: contact
            for contact in ContactPerson.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
        }
        return [localized.get(link.contact.translation_key, link.contact) for link in links]

    def schema_org(self, request, context):
        """For core's ``{% structured_data %}``: the office and officers the page's context already holds."""
        return service_data(self, context.get("office"), context.get("officers", []), request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["office"] = office = self.office
        context["fallback"] = fallback = translation_status.fallback_of(self)
        office_fallback = translation_status.fallback_of(office) if office else translation_status.NO_FALLBACK
        officers = translation_status.mark_contacts(self.officers(), office_fallback)
        context["officers"] = mark_sharing(officers, office) if office else officers
        context["situations"] = translation_status.stream_items(self, "situations", fallback)
        context["requirements"] = translation_status.stream_items(self, "requirements", fallback)
        context["procedure"] = translation_status.stream_items(self, "procedure", fallback)
        if office:
            prefetch_related_objects([office], *HOURS_RELATIONS)
        context["open_state"] = state_for_page(request, office) if office else None
        return context


class ServiceOfficer(Orderable):
    """Links a service to one of its office's contact persons."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="responsible_officers")
    contact = models.ForeignKey(ContactPerson, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("contact")]

    class Meta(Orderable.Meta):
        verbose_name = _("responsible officer")
        verbose_name_plural = _("responsible officers")

"""The directory index and an office page (its opening hours are in ``hours.py``, read by ``schedule.py``)."""

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.cache import accept_query
from core.mixins import IntroductionMixin, PhoneLinksMixin, StableSlugMixin
from core.offline import KeptOfflineMixin
from core.phone import validate_phone_number
from core.privacy import visible_to_public

from .. import villages
from ..editorial.panels import ContactsInlinePanel
from ..translation import status as translation_status
from ..views import office_poster, offline_directory
from .choices import OFFICE_KIND_ORDER, OfficeKind, group_offices_by_kind
from .contacts import ContactPerson
from .schedule import HOURS_RELATIONS, published_periods, state_for_page
from .sharing import mark_sharing
from .structured_data import office_data


class DirectoryIndexPage(RoutablePageMixin, IntroductionMixin, Page):
    """Every office of the regency, grouped by type and listed A–Z; ``offline/``, compact, to keep on a phone."""

    parent_page_types = ["melayani.HomePage"]
    subpage_types = ["directory.OfficePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory index")

    def offices(self):
        return visible_to_public(OfficePage.objects.child_of(self)).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected_kind = request.GET.get("kind", "")
        if selected_kind not in OFFICE_KIND_ORDER:
            selected_kind = ""
        offices = self.offices().prefetch_related(*HOURS_RELATIONS)
        if selected_kind:
            offices = offices.filter(kind=selected_kind)
            accept_query(request, kind=selected_kind)
        offices = list(offices)
        for office in offices:
            office.open_state = state_for_page(request, office)
        context["selected_kind"] = selected_kind
        context["kinds"] = OfficeKind.choices
        context["office_groups"] = group_offices_by_kind(offices)
        return context

    @path("offline/", name="offline")
    def offline(self, request):
        """Every office with its head and main number, small enough to keep on a phone."""
        return offline_directory(request, self)


class OfficePage(KeptOfflineMixin, PhoneLinksMixin, RoutablePageMixin, StableSlugMixin, Page):
    """A regency office with its contact persons and services."""

    kind = models.CharField(_("type of office"), max_length=20, choices=OfficeKind.choices)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    other_names = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names citizens type, separated by commas."),
    )
    summary = models.TextField(_("summary"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone_number])
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    requires_moderation = models.BooleanField(
        _("changes need approval"),
        default=True,
        help_text=_(
            "When on, changes by this office's editors go live only after the communications team approves them."
        ),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("other_names"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address and contact"),
        ),
        InlinePanel("opening_hours", label=_("Opening hours")),
        InlinePanel(
            "hours_exceptions",
            label=_("Special hours and closures"),
            help_text=_("Public holidays and collective leave close the office without an entry here."),
        ),
        ContactsInlinePanel("contacts", heading=_("Contact persons"), label=_("contact person")),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("requires_moderation", permission="directory.switch_office_moderation"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("acronym", boost=5),
        index.SearchField("other_names", boost=4),
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.AutocompleteField("acronym"),
    ]

    # Identifiers, numbers and places are the same in every language.
    override_translatable_fields = [
        SynchronizedField("stable_slug"),
        SynchronizedField("acronym"),
        SynchronizedField("other_names"),
        SynchronizedField("address"),
        SynchronizedField("phone"),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = ["directory.ServicePage"]

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        permissions = [("switch_office_moderation", _("Can switch the approval of an office's changes on or off"))]

    @property
    def other_name_list(self):
        return [name.strip() for name in self.other_names.split(",") if name.strip()]

    @property
    def display_name(self):
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    @property
    def postal_code(self):
        """From the address, else from the regency's villages data (HSDS requires one)."""
        return villages.postal_code(self.address, self.title)

    @property
    def map_url(self):
        """A plain OpenStreetMap link: no third-party script or tiles on our pages."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )

    def data_verified_on(self):
        """The oldest confirmation among the contacts: every entry was checked on or after it."""
        return min((contact.last_verified for contact in self.contacts.all()), default=None)

    def ranked_contacts(self):
        """Contacts from the head of office down; uses the prefetched list when there is one."""
        return sorted(self.contacts.all(), key=ContactPerson.rank_key)

    def live_services(self):
        # Looked up in the app registry: services.py imports this module for ServicePage.office.
        ServicePage = self._meta.apps.get_model("directory", "ServicePage")
        return visible_to_public(ServicePage.objects.child_of(self)).select_related("locale").order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The contact list, the verified date and the structured data all read the contacts: fetch them once.
        prefetch_related_objects([self], "contacts", *HOURS_RELATIONS)
        context["fallback"] = fallback = translation_status.fallback_of(self)
        contacts = translation_status.mark_contacts(self.ranked_contacts(), fallback)
        context["contacts"] = mark_sharing(contacts, self)
        context["services"] = self.live_services()
        context["opening_hours"] = list(self.opening_hours.all())
        context["hours_exceptions"] = self.coming_exceptions()
        context["open_state"] = state_for_page(request, self)
        return context

    def coming_exceptions(self):
        """Special hours and closures not yet over, soonest first."""
        today = timezone.localdate()
        return sorted(
            (exception for exception in self.hours_exceptions.all() if exception.until >= today),
            key=lambda exception: (exception.first_date, exception.sort_order or 0),
        )

    def structured_data(self, request=None, contacts=None):
        """schema.org ``GovernmentOrganization`` with a ``ContactPoint`` per contact (``structured_data.py``)."""
        contacts = self.ranked_contacts() if contacts is None else contacts
        return office_data(self, contacts, published_periods(self), request)

    def schema_org(self, request, context):
        """For core's ``{% structured_data %}``: the contacts the page's context already holds."""
        return self.structured_data(request, contacts=context.get("contacts"))

    @path("poster/", name="poster")
    def poster(self, request):
        """A one-page A4 poster for the service counter: the officers' numbers and a QR code to this page."""
        return office_poster(request, self)

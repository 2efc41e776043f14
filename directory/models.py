"""The regency directory: offices (OPD), their contact persons and their services."""

import datetime
import uuid

import segno
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import phone
from core.mixins import STABLE_ID_VALIDATOR, IntroductionMixin, StableSlugMixin
from core.phone import validate_phone_number
from melayani.caching import accept_query

from . import admin_panels, translation_status
from .blocks import LegalBasisBlock, ListItemBlock


class OfficeKind(models.TextChoices):
    """Types of regency office, in the order the directory lists them."""

    DINAS = "dinas", _("Department (dinas)")
    BADAN = "badan", _("Agency (badan)")
    SEKRETARIAT = "sekretariat", _("Secretariat")
    INSPEKTORAT = "inspektorat", _("Inspectorate")
    SATPOL = "satpol", _("Civil Service Police Unit")
    KECAMATAN = "kecamatan", _("District office (kecamatan)")
    RSUD = "rsud", _("Regional hospital")


OFFICE_KIND_ORDER = [kind.value for kind in OfficeKind]


class ContactLevel(models.TextChoices):
    """Rank of a contact person, from the head of office down."""

    HEAD = "head", _("Head of office")
    SECRETARY = "secretary", _("Secretary")
    DIVISION_HEAD = "division_head", _("Head of division")
    SECTION_HEAD = "section_head", _("Head of section")
    TECHNICAL = "technical", _("Technical officer")


CONTACT_LEVEL_RANK = {level.value: rank for rank, level in enumerate(ContactLevel)}


class Weekday(models.TextChoices):
    MON = "Mon", _("Monday")
    TUE = "Tue", _("Tuesday")
    WED = "Wed", _("Wednesday")
    THU = "Thu", _("Thursday")
    FRI = "Fri", _("Friday")
    SAT = "Sat", _("Saturday")
    SUN = "Sun", _("Sunday")


class DirectoryIndexPage(IntroductionMixin, Page):
    """Every office of the regency, grouped by type and listed A–Z."""

    parent_page_types = ["melayani.HomePage"]
    subpage_types = ["directory.OfficePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory index")

    def offices(self):
        return OfficePage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected_kind = request.GET.get("kind", "")
        if selected_kind not in OFFICE_KIND_ORDER:
            selected_kind = ""
        offices = self.offices()
        if selected_kind:
            offices = offices.filter(kind=selected_kind)
            accept_query(request, kind=selected_kind)
        context["selected_kind"] = selected_kind
        context["kinds"] = OfficeKind.choices
        context["office_groups"] = group_offices_by_kind(offices)
        return context


def group_offices_by_kind(offices):
    """[(kind, label, [office, …]), …] in the directory's order of types, offices A–Z."""
    grouped = {kind: [] for kind in OFFICE_KIND_ORDER}
    for office in offices:
        grouped.setdefault(office.kind, []).append(office)
    return [
        (kind, OfficeKind(kind).label, sorted(items, key=lambda o: o.title.casefold()))
        for kind, items in grouped.items()
        if items
    ]


class OfficePage(RoutablePageMixin, StableSlugMixin, Page):
    """A regency office (OPD) with its contact persons and services."""

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
        admin_panels.ContactsInlinePanel("contacts", heading=_("Contact persons"), label=_("contact person")),
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
    def phone_href(self):
        return phone.tel_href(self.phone)

    @property
    def phone_display(self):
        return phone.display(self.phone)

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
        return ServicePage.objects.child_of(self).live().public().select_related("locale").order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The contact list, the verified date and the structured data all read the contacts: fetch them once.
        prefetch_related_objects([self], "contacts", "opening_hours")
        context["fallback"] = fallback = translation_status.fallback_of(self)
        context["contacts"] = translation_status.mark_contacts(self.ranked_contacts(), fallback)
        context["services"] = self.live_services()
        context["opening_hours"] = list(self.opening_hours.all())
        return context

    def structured_data(self, request=None, contacts=None, opening_hours=None):
        """schema.org ``GovernmentOrganization`` with a ``ContactPoint`` per contact (``structured_data.py``)."""
        from .structured_data import office_data

        contacts = self.ranked_contacts() if contacts is None else contacts
        opening_hours = self.opening_hours.all() if opening_hours is None else opening_hours
        return office_data(self, contacts, opening_hours, request)

    @path("poster/", name="poster")
    def poster(self, request):
        """A one-page A4 poster for the service counter: the officers' numbers and a QR code to this page."""
        context = self.get_context(request)
        context["page_url"] = self.get_full_url(request)
        qr_code = segno.make(context["page_url"], error="m")
        context["qr_code"] = mark_safe(qr_code.svg_inline(omitsize=True, svgclass="poster__qr-code"))
        return TemplateResponse(request, "directory/office_poster.html", context)


class OpeningHours(Orderable):
    """One line of an office's opening hours, e.g. Monday–Thursday 07:30–15:30."""

    office = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="opening_hours")
    first_day = models.CharField(_("from"), max_length=3, choices=Weekday.choices)
    last_day = models.CharField(_("to"), max_length=3, choices=Weekday.choices, blank=True)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})

    @property
    def days_code(self):
        """The sample data's form: ``Mon-Thu`` or ``Fri``."""
        if self.last_day and self.last_day != self.first_day:
            return f"{self.first_day}-{self.last_day}"
        return self.first_day

    @property
    def days_label(self):
        first = Weekday(self.first_day).label
        if self.last_day and self.last_day != self.first_day:
            return f"{first}–{Weekday(self.last_day).label}"
        return first


class ContactPerson(TranslatableMixin, index.Indexed, Orderable):
    """A person citizens may contact directly, edited inside the office page.

    Being a child of the page, it shares the page's permissions, revisions and
    moderation. It is translatable (position, field, what they handle) by
    wagtail-localize together with its page.
    """

    office = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="contacts")
    key = models.CharField(
        _("stable identifier"),
        max_length=100,
        blank=True,
        validators=[STABLE_ID_VALIDATOR],
        help_text=_("Used by imports and the API. Generated when left empty."),
    )
    name = models.CharField(_("name"), max_length=150)
    level = models.CharField(_("level"), max_length=20, choices=ContactLevel.choices)
    position = models.CharField(_("position"), max_length=255)
    field_of_work = models.CharField(_("field of work"), max_length=255, blank=True)
    handles = models.TextField(
        _("what citizens should bring to this person"),
        blank=True,
        help_text=_("The problems and requests this person deals with."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone_number])
    whatsapp = models.CharField(_("WhatsApp"), max_length=40, blank=True, validators=[validate_phone_number])
    email = models.EmailField(_("e-mail"), blank=True)
    last_verified = models.DateField(
        _("last verified"),
        default=datetime.date.today,
        help_text=_("The date someone last confirmed this entry is correct."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("level")]),
        FieldPanel("position"),
        FieldPanel("field_of_work"),
        FieldPanel("handles"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("whatsapp"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("last_verified"), FieldPanel("key", read_only=True)]),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("position", boost=2),
        index.SearchField("field_of_work", boost=2),
        index.SearchField("handles", boost=3),
        index.FilterField("locale"),
        index.FilterField("office"),
    ]

    translatable_fields = [
        TranslatableField("position"),
        TranslatableField("field_of_work"),
        TranslatableField("handles"),
        SynchronizedField("key"),
        SynchronizedField("name"),
        SynchronizedField("level"),
        SynchronizedField("phone"),
        SynchronizedField("whatsapp"),
        SynchronizedField("email"),
        SynchronizedField("last_verified"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_contact_key_per_locale"),
        ]

    def __str__(self):
        return f"{self.name} — {self.position}"

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = self._generate_key()
        return super().save(*args, **kwargs)

    def _generate_key(self):
        base = slugify(f"{self.office.stable_slug or self.office.slug} {self.name}")[:80] or "contact"
        candidate = base
        while ContactPerson.objects.filter(key=candidate).exists():
            candidate = f"{base}-{uuid.uuid4().hex[:6]}"
        return candidate

    @staticmethod
    def rank_key(contact):
        return (CONTACT_LEVEL_RANK.get(contact.level, len(CONTACT_LEVEL_RANK)), contact.sort_order or 0)

    @property
    def phone_href(self):
        return phone.tel_href(self.phone)

    @property
    def phone_display(self):
        return phone.display(self.phone)

    @property
    def whatsapp_href(self):
        return phone.whatsapp_href(self.whatsapp)

    @property
    def whatsapp_display(self):
        return phone.display(self.whatsapp)


class ServicePageForm(WagtailAdminPageForm):
    """Offers only the parent office's contacts as responsible officers."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        office = parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if office is None:
            return
        office = office.specific
        if not isinstance(office, OfficePage):
            return
        contacts = ContactPerson.objects.filter(office=office)
        formset = self.formsets.get("responsible_officers")
        if formset is None:
            return
        for form in [*formset.forms, formset.empty_form]:
            form.fields["contact"].queryset = contacts


class ServicePage(StableSlugMixin, Page):
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

    base_form_class = ServicePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("requirements"),
        FieldPanel("procedure"),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("cost")]),
        FieldPanel("output"),
        FieldPanel("legal_basis"),
        FieldPanel("channels"),
        InlinePanel("responsible_officers", label=_("Responsible officers")),
        FieldPanel("keywords"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("keywords", boost=3),
        index.SearchField("requirements"),
        index.SearchField("procedure"),
        index.AutocompleteField("keywords"),
    ]

    override_translatable_fields = [
        SynchronizedField("stable_slug"),
        # Titles of laws and names of systems are cited as published.
        SynchronizedField("legal_basis"),
        SynchronizedField("channels"),
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["office"] = office = self.office
        context["fallback"] = fallback = translation_status.fallback_of(self)
        office_fallback = translation_status.fallback_of(office) if office else translation_status.NO_FALLBACK
        context["officers"] = translation_status.mark_contacts(self.officers(), office_fallback)
        context["requirements"] = translation_status.stream_items(self, "requirements", fallback)
        context["procedure"] = translation_status.stream_items(self, "procedure", fallback)
        return context


class ServiceOfficer(Orderable):
    """Links a service to one of its office's contact persons."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="responsible_officers")
    contact = models.ForeignKey(ContactPerson, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("contact")]

    class Meta(Orderable.Meta):
        verbose_name = _("responsible officer")
        verbose_name_plural = _("responsible officers")


class SourceTextChange(models.Model):
    """When a translatable text of an original took its current wording (``translation_sync`` records it).

    wagtail-localize keeps no date for a source string; the *Translation status* report
    needs one to say how long a translation has been out of date.
    """

    context = models.ForeignKey("wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+")
    string = models.ForeignKey("wagtail_localize.String", on_delete=models.CASCADE, related_name="+")
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("source text change")
        verbose_name_plural = _("source text changes")
        constraints = [models.UniqueConstraint(fields=["context", "string"], name="unique_source_text_change")]

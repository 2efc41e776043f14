"""A contact person: an inline, translatable child of its office page."""

import datetime
import uuid

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import phone
from core.mixins import STABLE_ID_VALIDATOR, PhoneLinksMixin
from core.phone import validate_phone_number

from .choices import CONTACT_LEVEL_RANK, ContactLevel


class ContactPerson(PhoneLinksMixin, TranslatableMixin, index.Indexed, Orderable):
    """A person citizens may contact directly, edited inside the office page.

    Being a child of the page, it shares the page's permissions, revisions and
    moderation. It is translatable (position, field, what they handle) by
    wagtail-localize together with its page.
    """

    office = ParentalKey("directory.OfficePage", on_delete=models.CASCADE, related_name="contacts")
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
    def whatsapp_href(self):
        return phone.whatsapp_href(self.whatsapp)

    @property
    def whatsapp_display(self):
        return phone.display(self.whatsapp)

"""Fields shared by several page types: an introduction, the stable identifier of imports and the API."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from . import phone

STABLE_ID_VALIDATOR = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use lowercase letters, digits and single hyphens only."),
)


class IntroductionMixin(models.Model):
    """A short plain-text introduction at the top of a page."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        abstract = True


class StableSlugMixin(models.Model):
    """The sample data's stable identifier, kept apart from the editable URL slug.

    Imports, exports and the API are keyed on it; the same value is shared by
    a page and its translations, so it is unique per locale.
    """

    stable_slug = models.CharField(
        _("stable identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        validators=[STABLE_ID_VALIDATOR],
        help_text=_("Used by imports and the API. Filled from the URL slug when left empty."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("stable_slug", read_only=True)]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.stable_slug:
            self.stable_slug = self.slug
        clash = type(self).objects.filter(stable_slug=self.stable_slug, locale_id=self.locale_id).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"stable_slug": _("Another page already uses this identifier.")})

    def save(self, *args, **kwargs):
        if not self.stable_slug:
            self.stable_slug = self.slug
        return super().save(*args, **kwargs)


class PhoneLinksMixin:
    """The ``phone`` field as a visitor sees it: shown in Indonesian form, dialled through ``tel:``."""

    @property
    def phone_href(self):
        return phone.tel_href(self.phone)

    @property
    def phone_display(self):
        return phone.display(self.phone)

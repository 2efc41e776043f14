"""Site-wide pages and settings: the home page and the regency's contact settings."""

from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Page

from directory.models import DirectoryIndexPage, OfficeKind
from melayani.mixins import IntroductionMixin


class HomePage(RoutablePageMixin, IntroductionMixin, Page):
    """The front door: search, the call centre and the ways into the directory."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def directory_index(self):
        return DirectoryIndexPage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["directory"] = self.directory_index()
        context["office_kinds"] = OfficeKind.choices
        return context

    @path("untranslated/<int:page_id>/", name="untranslated")
    def untranslated(self, request, page_id):
        """Says plainly that a page exists only in another language, and links to it."""
        original = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
        if original.locale_id == self.locale_id:
            return redirect(original.url)
        return TemplateResponse(
            request,
            "melayani/untranslated.html",
            {"page": self, "original": original, "directory": self.directory_index()},
            status=200,
        )


@register_setting(icon="site")
class RegencySettings(BaseGenericSetting):
    """How citizens reach the regency when no office page answers them."""

    call_center = models.CharField(_("call centre number"), max_length=20, default="112")
    response_hours = models.PositiveSmallIntegerField(
        _("promised response time (hours)"),
        default=4,
        help_text=_("Every report is answered within this many hours."),
    )
    complaint_sms = models.CharField(_("complaint SMS number"), max_length=40, blank=True)
    complaint_whatsapp = models.CharField(_("complaint WhatsApp number"), max_length=40, blank=True)
    lapor_url = models.URLField(_("SP4N-LAPOR! address"), blank=True, default="https://www.lapor.go.id")
    # The region block of the last imported directory file, written back by the export.
    imported_region = models.JSONField(default=dict, blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [FieldPanel("call_center"), FieldPanel("response_hours")],
            heading=_("Call centre"),
        ),
        MultiFieldPanel(
            [FieldPanel("complaint_sms"), FieldPanel("complaint_whatsapp"), FieldPanel("lapor_url")],
            heading=_("Complaint channels"),
        ),
    ]

    class Meta:
        verbose_name = _("regency contact settings")

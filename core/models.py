"""The regency's own settings: how citizens reach it when no office page answers them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .phone import validate_phone_number


@register_setting(icon="site")
class RegencySettings(BaseGenericSetting):
    """How citizens reach the regency when no office page answers them."""

    call_center = models.CharField(
        _("call centre number"), max_length=20, default="112", validators=[validate_phone_number]
    )
    response_hours = models.PositiveSmallIntegerField(
        _("promised response time (hours)"),
        default=4,
        help_text=_("Every report is answered within this many hours."),
    )
    complaint_sms = models.CharField(
        _("complaint SMS number"), max_length=40, blank=True, validators=[validate_phone_number]
    )
    complaint_whatsapp = models.CharField(
        _("complaint WhatsApp number"), max_length=40, blank=True, validators=[validate_phone_number]
    )
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
        # The table was created by the melayani app, where the model lived before: it keeps that
        # name so hosts still running the older code read the same table during a rolling deploy.
        db_table = "melayani_regencysettings"

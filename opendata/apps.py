from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """The directory published as Open Referral HSDS 3.0: a read-only API and a tabular export."""

    name = "opendata"
    verbose_name = _("Open data")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MelayaniConfig(AppConfig):
    name = "melayani"
    verbose_name = _("Banyuwangi Melayani")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared pieces every app builds on; imports none of the project's other apps."""

    name = "core"
    verbose_name = _("Shared pieces")

    def ready(self):
        from .cache.purges import connect_purge_signals
        from .privacy import connect_privacy_signals

        connect_purge_signals()
        connect_privacy_signals()

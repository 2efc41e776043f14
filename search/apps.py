from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Site search")

    def ready(self):
        from . import engine_cache, query_log, signals  # noqa: F401

        query_log.connect()
        engine_cache.connect()

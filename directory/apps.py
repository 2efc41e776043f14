from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from core.cache import purges
        from search.registry import register, register_api_hit

        from . import signals  # noqa: F401
        from .api import CONTACT_API_HIT
        from .editorial.freshness import contact_verified
        from .search_source import DIRECTORY_SOURCE, LIFE_EVENT_SOURCE

        register(DIRECTORY_SOURCE)
        register(LIFE_EVENT_SOURCE)
        register_api_hit(CONTACT_API_HIT)
        # Confirming a contact changes the office page's "last verified" date without a publish.
        purges.refresh_on_signal(contact_verified, "contact-verified")

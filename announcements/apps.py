from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "announcements"
    verbose_name = _("Announcements")

    def ready(self):
        from core.cache import purges
        from search.registry import register

        from .models import AnnouncementCategory
        from .search import ANNOUNCEMENT_SOURCE

        register(ANNOUNCEMENT_SOURCE)
        # The news categories show on pages.
        purges.refresh_on_save(AnnouncementCategory)

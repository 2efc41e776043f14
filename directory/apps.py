from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from search.registry import register

        from . import signals  # noqa: F401
        from .search import DIRECTORY_SOURCE

        register(DIRECTORY_SOURCE)

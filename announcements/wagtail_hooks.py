from wagtail.snippets.models import register_snippet

from .viewsets import AnnouncementCategoryViewSet

register_snippet(AnnouncementCategoryViewSet)

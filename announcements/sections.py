"""Announcements on other apps' pages: the service-notice banner, an office's latest news.

Each function returns the context of its template; ``announcement_tags`` and the
``page_section_*`` hooks (``wagtail_hooks.py``) render it.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from directory.models import OfficePage

from .models import AnnouncementIndexPage, AnnouncementPage, RelatedOffice
from .notices import current_service_notices

NOTICES_TEMPLATE = "components/announcements/service_notice_banner.html"
SECTION_TEMPLATE = "announcements/announcement_section.html"


def index_for(page):
    """The live announcement index of ``page``'s language, or None."""
    return AnnouncementIndexPage.objects.live().filter(locale_id=page.locale_id).first()


def notices_context(page, request=None):
    """Current service notices of the page's language; on an office page, only that office's."""
    office = page if isinstance(page, OfficePage) else None
    return {"notices": list(current_service_notices(page.locale_id, office=office)), "request": request}


def latest_context(page, request=None, count=3):
    """The newest announcements of the page's language."""
    index_page = index_for(page)
    announcements = list(index_page.announcements()[:count]) if index_page else []
    return {
        "request": request,
        "announcements": announcements,
        "heading": _("News and announcements"),
        "heading_id": "latest-announcements-heading",
        "more_url": index_page.get_url(request) if index_page else "",
        "more_label": _("All news and announcements"),
    }


def office_context(page, request=None, count=5):
    """The newest announcements related to an office page."""
    index_page = index_for(page)
    announcements = list(
        AnnouncementPage.published().filter(locale_id=page.locale_id, pk__in=RelatedOffice.announcement_ids(page))[
            :count
        ]
    )
    more_url = ""
    if index_page is not None and announcements:
        more_url = f"{index_page.get_url(request)}?{urlencode({'office': page.stable_slug})}"
    return {
        "request": request,
        "announcements": announcements,
        "heading": _("News and announcements"),
        "heading_id": "office-announcements-heading",
        "more_url": more_url,
        "more_label": _("All announcements about this office"),
    }

"""Announcements on other pages: service notice banners, latest news, an office's announcements.

Load with ``{% load announcement_tags %}``.
"""

from urllib.parse import urlencode

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from directory.models import OfficePage

from ..models import AnnouncementIndexPage, AnnouncementPage, RelatedOffice
from ..notices import current_service_notices

register = template.Library()


def index_for(page):
    """The live announcement index of ``page``'s language, or None."""
    return AnnouncementIndexPage.objects.live().filter(locale_id=page.locale_id).first()


@register.inclusion_tag("components/service_notice_banner.html", takes_context=True)
def current_notices(context, page):
    """``{% current_notices page %}``: current service notices of the page's language.

    On an office page, only the notices related to that office.
    """
    office = page if isinstance(page, OfficePage) else None
    return {
        "notices": list(current_service_notices(page.locale_id, office=office)),
        "request": context.get("request"),
    }


@register.inclusion_tag("announcements/announcement_section.html", takes_context=True)
def latest_announcements(context, page, count=3):
    """``{% latest_announcements page count=3 %}``: the newest announcements of the page's language."""
    index_page = index_for(page)
    announcements = list(index_page.announcements()[:count]) if index_page else []
    return {
        "request": context.get("request"),
        "announcements": announcements,
        "heading": _("News and announcements"),
        "heading_id": "latest-announcements-heading",
        "more_url": index_page.get_url(context.get("request")) if index_page else "",
        "more_label": _("All news and announcements"),
    }


@register.inclusion_tag("announcements/announcement_section.html", takes_context=True)
def office_announcements(context, page, count=5):
    """``{% office_announcements page %}``: the newest announcements related to an office page."""
    index_page = index_for(page)
    announcements = list(
        AnnouncementPage.published().filter(locale_id=page.locale_id, pk__in=RelatedOffice.announcement_ids(page))[
            :count
        ]
    )
    more_url = ""
    if index_page is not None and announcements:
        more_url = f"{index_page.get_url(context.get('request'))}?{urlencode({'office': page.stable_slug})}"
    return {
        "request": context.get("request"),
        "announcements": announcements,
        "heading": _("News and announcements"),
        "heading_id": "office-announcements-heading",
        "more_url": more_url,
        "more_label": _("All announcements about this office"),
    }


@register.simple_tag(takes_context=True)
def feed_link(context):
    """``{% feed_link %}``: the ``<link rel="alternate">`` of the current language's Atom feed, on every page."""
    index_page = (
        AnnouncementIndexPage.objects.live().filter(locale__language_code=get_language()).only("pk", "title").first()
    )
    url = index_page.feed_url(context.get("request")) if index_page is not None else ""
    if not url:
        return ""
    return format_html('<link rel="alternate" type="application/atom+xml" href="{}" title="{}">', url, index_page.title)

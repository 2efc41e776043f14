"""Announcements on the shell's pages: service notice banners, latest news, an office's announcements, the feed.

Load with ``{% load announcement_tags %}``.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from .. import sections
from ..models import AnnouncementIndexPage

register = template.Library()


@register.inclusion_tag(sections.NOTICES_TEMPLATE, takes_context=True)
def current_notices(context, page):
    """``{% current_notices page %}``: current service notices of the page's language (of the office on its page)."""
    return sections.notices_context(page, context.get("request"))


@register.inclusion_tag(sections.SECTION_TEMPLATE, takes_context=True)
def latest_announcements(context, page, count=3):
    """``{% latest_announcements page count=3 %}``: the newest announcements of the page's language."""
    return sections.latest_context(page, context.get("request"), count)


@register.inclusion_tag(sections.SECTION_TEMPLATE, takes_context=True)
def office_announcements(context, page, count=5):
    """``{% office_announcements page %}``: the newest announcements related to an office page."""
    return sections.office_context(page, context.get("request"), count)


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

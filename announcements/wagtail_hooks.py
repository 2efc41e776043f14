from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import sections
from .viewsets import AnnouncementCategoryViewSet

register_snippet(AnnouncementCategoryViewSet)


@hooks.register("page_section_notices")
def service_notices(context, page):
    """The service-notice banner on office and service pages (``{% page_sections "notices" page %}``)."""
    request = context.get("request")
    return render_to_string(sections.NOTICES_TEMPLATE, sections.notices_context(page, request), request)


@hooks.register("page_section_office_news")
def office_news(context, page):
    """An office's latest announcements on its page (``{% page_sections "office_news" page %}``)."""
    request = context.get("request")
    return render_to_string(sections.SECTION_TEMPLATE, sections.office_context(page, request), request)


@hooks.register("register_cache_query_params")
def news_query_params():
    """The news index's filters and pagination: each filtered page is cached apart."""
    return ["category", "office", "year", "page"]

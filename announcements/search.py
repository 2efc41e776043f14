"""Announcements in the site search (type ``news``): a search source, registered in ``apps.py``."""

from django.utils.text import Truncator
from wagtail.models import Locale

from core.privacy import visible_to_public
from directory.models import OfficePage
from search.registry import Ranked, SearchHit, SearchSource

from .models import AnnouncementPage

SNIPPET_LENGTH = 180


def body_text(page):
    """The body as plain text: paragraphs, headings, quotes, captions, alt texts and table cells."""
    return " ".join(str(text) for text in page.body.stream_block.get_searchable_content(page.body) if text)


def news_scope(stable_slug):
    return f"news:{stable_slug}"


def announcement_documents(scopes=None):
    """One document per live, public announcement and language; a page and its translations share the id."""
    pages = AnnouncementPage.published()
    if scopes is not None:
        pages = pages.filter(stable_slug__in=[scope.split(":", 1)[1] for scope in scopes if scope.startswith("news:")])
    pages = list(pages.select_related("locale").prefetch_related("related_offices__office").order_by("path"))
    keys = {link.office.translation_key for page in pages for link in page.related_offices.all()}
    offices = {
        (office.translation_key, office.locale_id): office
        for office in OfficePage.objects.live().filter(translation_key__in=keys)
    }
    documents = []
    for page in pages:
        links = page.related_offices.all()
        related = [offices.get((link.office.translation_key, page.locale_id), link.office) for link in links]
        documents.append(
            {
                "type": "news",
                "id": page.stable_slug,
                "office": related[0].stable_slug if related else "",
                "locale": page.locale.language_code,
                "title": page.title,
                "meaning": f"{page.title}. {page.lead}",
                "fields": {
                    "lead": page.lead,
                    "body": body_text(page),
                    "category": page.category.name,
                    "office": [name for office in related for name in (office.acronym, office.title) if name],
                },
                "boost": 1.0,
                "level": None,
                "scope": news_scope(page.stable_slug),
            }
        )
    return documents


def announcement_scopes_for_pages(page_ids):
    return {
        news_scope(slug)
        for slug in AnnouncementPage.objects.filter(id__in=page_ids).values_list("stable_slug", flat=True)
    }


def announcement_scope_members():
    slugs = set(AnnouncementPage.published().values_list("stable_slug", flat=True))
    return {news_scope(slug): {("news", slug)} for slug in slugs}


def localized_announcements(slugs, locale):
    """``{("news", stable slug): page}``, each in ``locale`` when translated, else in the default language."""
    default = Locale.get_default()
    pages = visible_to_public(AnnouncementPage.objects.filter(stable_slug__in=slugs, locale__in=[locale, default]))
    chosen = {}
    for page in pages:
        if page.stable_slug not in chosen or page.locale_id == locale.pk:
            chosen[page.stable_slug] = page
    return {("news", slug): page for slug, page in chosen.items()}


def load_announcement_hits(items, locale, default_locale, request):
    pages = localized_announcements([item.id for item in items if item.type == "news"], locale)
    hits = {}
    for item in items:
        page = pages.get((item.type, item.id))
        if page is not None:
            hits[(item.type, item.id)] = SearchHit.for_item(
                item,
                title=page.title,
                url=page.get_url(request) or "",
                snippet=Truncator(page.lead).chars(SNIPPET_LENGTH),
                page=page,
            )
    return hits


def announcement_page_item(page):
    if isinstance(page, AnnouncementPage):
        return Ranked("news", page.stable_slug, "", 0.0, promoted=True)
    return None


ANNOUNCEMENT_SOURCE = SearchSource(
    types=("news",),
    page_types=("news",),
    documents=announcement_documents,
    load_hits=load_announcement_hits,
    page_item=announcement_page_item,
    scopes_for_pages=announcement_scopes_for_pages,
    scope_members=announcement_scope_members,
)

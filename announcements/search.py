"""Announcements in the site search (type ``news``): documents for the engine and pages for the hits.

``search.service`` imports both functions lazily; the document shape is the one
``search.documents`` builds for offices, contacts and services.
"""

from wagtail.models import Locale

from directory.models import OfficePage

from .models import AnnouncementPage


def body_text(page):
    """The body as plain text: paragraphs, headings, quotes, captions, alt texts and table cells."""
    return " ".join(str(text) for text in page.body.stream_block.get_searchable_content(page.body) if text)


def announcement_documents():
    """One document per live, public announcement and language; a page and its translations share the id."""
    pages = list(
        AnnouncementPage.published()
        .select_related("locale")
        .prefetch_related("related_offices__office")
        .order_by("path")
    )
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
                "fields": {
                    "lead": page.lead,
                    "body": body_text(page),
                    "category": page.category.name,
                    "office": [name for office in related for name in (office.acronym, office.title) if name],
                },
                "boost": 1.0,
                "level": None,
            }
        )
    return documents


def localized_announcements(slugs, locale):
    """``{("news", stable slug): page}``, each in ``locale`` when translated, else in the default language."""
    default = Locale.get_default()
    pages = AnnouncementPage.objects.live().public().filter(stable_slug__in=slugs, locale__in=[locale, default])
    chosen = {}
    for page in pages:
        if page.stable_slug not in chosen or page.locale_id == locale.pk:
            chosen[page.stable_slug] = page
    return {("news", slug): page for slug, page in chosen.items()}

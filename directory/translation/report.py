"""The *Translation status* report: per translated page, how many strings are translated and what changed since."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from ..models import OfficePage, ServicePage, SourceTextChange
from .status import HIDDEN_PATHS, is_translated, source_of


@dataclass
class PageStatus:
    """How far the translation of one page has come: counts of its text strings, and what changed in the original."""

    total: int = 0
    translated: int = 0
    changed: int = 0
    changed_since: object = None


def _segments(sources, locale_id):
    """``{source id: [(context id, string id, translated, was translated)]}``: the visible text of ``sources``."""
    segments = (
        StringSegment.objects.filter(source__in=sources)
        .exclude(context__path__in=HIDDEN_PATHS)
        .annotate(
            translated=is_translated(locale_id),
            was_translated=Exists(
                StringTranslation.objects.filter(context_id=OuterRef("context_id"), locale_id=locale_id)
            ),
        )
        .values_list("source_id", "context_id", "string_id", "translated", "was_translated")
    )
    by_source = defaultdict(list)
    for source_id, *segment in segments:
        by_source[source_id].append(segment)
    return by_source


def _statuses(pages, sources):
    """Give each page its ``translation_status``: a query per language, and one for the dates of the changes."""
    segments = {
        locale_id: _segments(
            [sources[page] for page in pages if page.locale_id == locale_id and sources[page]], locale_id
        )
        for locale_id in {page.locale_id for page in pages}
    }
    changed = {}
    for page in pages:
        rows = segments[page.locale_id].get(sources[page].pk, []) if sources[page] else []
        changed[page.pk] = [(context, string) for context, string, translated, was in rows if was and not translated]
        page.translation_status = PageStatus(
            total=len(rows), translated=sum(1 for row in rows if row[2]), changed=len(changed[page.pk])
        )
    contexts = {context for pairs in changed.values() for context, _string in pairs}
    dates = {
        (context, string): changed_at
        for context, string, changed_at in SourceTextChange.objects.filter(context_id__in=contexts).values_list(
            "context_id", "string_id", "changed_at"
        )
    }
    for page in pages:
        if changed[page.pk]:
            known = [dates[pair] for pair in changed[page.pk] if pair in dates]
            page.translation_status.changed_since = min(known) if known else sources[page].last_updated_at


def translated_pages(office=None):
    """Translations (not aliases) of offices and services, optionally of one office (given in any language)."""
    pages = (
        Page.objects.type(OfficePage, ServicePage).exclude(locale=Locale.get_default()).filter(alias_of__isnull=True)
    )
    if office is not None:
        offices = OfficePage.objects.filter(translation_key=office.translation_key)
        under = Q(pk__in=[])
        for version in offices:
            under |= Q(path__startswith=version.path)
        pages = pages.filter(under)
    return pages.select_related("locale").order_by("path")


def with_status(pages):
    """Each page given its ``translation_status`` (a ``PageStatus``) in a fixed number of queries."""
    pages = list(pages)
    by_key = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=[page.translation_key for page in pages], locale=Locale.get_default()
        )
    }
    _statuses(pages, {page: by_key.get(page.translation_key) or source_of(page) for page in pages})
    office_titles = dict(
        OfficePage.objects.filter(locale__in={page.locale_id for page in pages}).values_list("path", "title")
    )
    for page in pages:
        page.office_title = office_titles.get(page.path) or office_titles.get(page.path[: -Page.steplen], "")
    return pages

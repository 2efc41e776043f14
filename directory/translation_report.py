"""The *Translation status* report: per translated page, how many strings are translated and what changed since."""

from dataclasses import dataclass

from django.db.models import Exists, Min, OuterRef, Q
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from .models import OfficePage, ServicePage, SourceTextChange
from .translation_status import HIDDEN_PATHS, source_of


@dataclass
class PageStatus:
    """How far the translation of one page has come: counts of its text strings, and what changed in the original."""

    total: int = 0
    translated: int = 0
    changed: int = 0
    changed_since: object = None


def status_of(page, source=None):
    """The ``PageStatus`` of the translated ``page``; ``source`` saves a query when the caller has it."""
    source = source or source_of(page)
    if source is None:
        return PageStatus()
    segments = (
        StringSegment.objects.filter(source=source)
        .exclude(context__path__in=HIDDEN_PATHS)
        .annotate(
            is_translated=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=page.locale_id,
                    has_error=False,
                )
            ),
            was_translated=Exists(
                StringTranslation.objects.filter(context_id=OuterRef("context_id"), locale_id=page.locale_id)
            ),
        )
        .values_list("context_id", "string_id", "is_translated", "was_translated")
    )
    status = PageStatus()
    changed = []
    for context_id, string_id, is_translated, was_translated in segments:
        status.total += 1
        if is_translated:
            status.translated += 1
        elif was_translated:
            changed.append((context_id, string_id))
    status.changed = len(changed)
    if changed:
        status.changed_since = _oldest_change(changed) or source.last_updated_at
    return status


def _oldest_change(context_and_string_ids):
    query = Q(pk__in=[])
    for context_id, string_id in context_and_string_ids:
        query |= Q(context_id=context_id, string_id=string_id)
    return SourceTextChange.objects.filter(query).aggregate(oldest=Min("changed_at"))["oldest"]


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
    """Each page given its ``translation_status`` (a ``PageStatus``), sources fetched in one query."""
    pages = list(pages)
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=[page.translation_key for page in pages], locale=Locale.get_default()
        )
    }
    office_titles = dict(
        OfficePage.objects.filter(locale__in={page.locale_id for page in pages}).values_list("path", "title")
    )
    for page in pages:
        page.translation_status = status_of(page, sources.get(page.translation_key))
        page.office_title = office_titles.get(page.path) or office_titles.get(page.path[: -Page.steplen], "")
    return pages

"""Site search: one entry point for the search page and the JSON API.

Ranking is done in process by ``search.engine`` (Indonesian/English analysis,
phone-typing repair, synonyms, BM25F and the ranking rules), over documents
built from the published directory. The engine is rebuilt in each process as
soon as anything is published, unpublished, moved, deleted or put behind a
view restriction (every such action writes a Wagtail log entry) or a synonym group changes. The configured
Wagtail search backend (SQLite FTS5, PostgreSQL full text with Indonesian
stemming, or Elasticsearch 9) is asked too, and what only it finds is added
after the engine's results.
"""

import logging
import threading
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import DatabaseError
from django.db.models import Count, Max
from django.utils.text import Truncator
from wagtail.models import Locale, PageLogEntry
from wagtail.search.backends import get_search_backend

from directory.models import ContactPerson, OfficePage, ServicePage
from directory.records import published_opds

from .analysis import normalize_text, tokenize
from .documents import documents_from_directory
from .engine import SearchEngine
from .models import SynonymGroup

logger = logging.getLogger(__name__)

RESULT_TYPES = ("contact", "service", "office", "news")
# Logged page actions that change what search may show (locks, comments and the like do not).
CONTENT_ACTIONS = (
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.copy",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)
MAX_QUERY_LENGTH = 200
SNIPPET_LENGTH = 180


@dataclass
class SearchHit:
    type: str
    id: str
    title: str
    office: str
    url: str
    snippet: str
    score: float
    promoted: bool = False
    contact: ContactPerson | None = None
    page: object = None
    office_page: OfficePage | None = None


@dataclass
class SearchOutcome:
    query: str
    hits: list = field(default_factory=list)
    suggestion: str | None = None
    closest_offices: list = field(default_factory=list)


def clean_query(raw):
    """The query as the engine should see it: no control characters, bounded length."""
    text = "".join(char if char.isprintable() else " " for char in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


class _EngineCache:
    """One engine per process, rebuilt when the published content or the synonyms change."""

    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._engine = None

    @staticmethod
    def content_version():
        synonyms = SynonymGroup.objects.aggregate(latest=Max("updated_at"), last_id=Max("id"), count=Count("id"))
        return (
            PageLogEntry.objects.filter(action__in=CONTENT_ACTIONS).aggregate(last=Max("id"))["last"],
            synonyms["latest"],
            synonyms["last_id"],
            synonyms["count"],
        )

    def get(self):
        version = self.content_version()
        with self._lock:
            if self._engine is None or version != self._version:
                self._engine = build_engine()
                self._version = version
            return self._engine

    def clear(self):
        with self._lock:
            self._engine = None
            self._version = None


def build_engine():
    documents = documents_from_directory(published_opds())
    documents.extend(news_documents())
    engine = SearchEngine(documents, synonym_groups=SynonymGroup.all_groups())
    # What may be shown: the published objects the engine was built from.
    engine.published_ids = {(document["type"], document["id"], document.get("office", "")) for document in documents}
    return engine


def news_documents():
    """Announcements join the search once the announcements app provides them."""
    try:
        from announcements.search import announcement_documents
    except ImportError:
        return []
    return announcement_documents()


engine_cache = _EngineCache()


class Ranked(NamedTuple):
    type: str
    id: str
    office: str
    score: float
    promoted: bool = False


def search(query, language_code, types=None, limit=10, request=None):
    """Ranked hits for ``query`` in the browsing language, best first."""
    query = clean_query(query)
    outcome = SearchOutcome(query=query)
    if not query:
        return outcome
    engine = engine_cache.get()
    promoted = promoted_items(query, types)
    promoted_keys = {(item.type, item.id) for item in promoted}
    ranked = [
        Ranked(doc["type"], doc["id"], doc.get("office", ""), score)
        for doc, score in engine.search(query, types=types, limit=limit)
        if (doc["type"], doc["id"]) not in promoted_keys
    ]
    if len(ranked) < limit:
        # Room left: add what only the configured search backend finds.
        seen = promoted_keys | {(item.type, item.id) for item in ranked}
        ranked += [item for item in backend_matches(query, types, engine) if (item.type, item.id) not in seen]
    outcome.hits = load_hits((promoted + ranked)[:limit], language_code, request)
    if not outcome.hits:
        outcome.suggestion = engine.did_you_mean(query)
        offices = engine.search(outcome.suggestion or query, types=["office"], limit=3)
        outcome.closest_offices = load_hits(
            [Ranked(doc["type"], doc["id"], doc["id"], score) for doc, score in offices], language_code, request
        )
    return outcome


def suggest(prefix, limit=8):
    prefix = clean_query(prefix)
    if not prefix:
        return []
    return engine_cache.get().suggest(prefix, limit=limit)


def promoted_items(query, types):
    """Editors' promoted pages for this query (Wagtail search promotions), as (type, id)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    try:
        # A read, unlike Query.get(), which creates a row for every new query string.
        promotions = (
            SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
            .select_related("page")
            .order_by("sort_order")
        )
        items = []
        for promotion in promotions:
            if promotion.page is None or not promotion.page.live:
                continue
            item = page_item(promotion.page.specific)
            if item and (not types or item.type in types):
                items.append(item)
        return items
    except DatabaseError:
        logger.exception("Search promotions could not be read")
        return []


def page_item(page):
    """A promoted page as a ranked item, or None for pages search does not list."""
    if isinstance(page, OfficePage):
        return Ranked("office", page.stable_slug, page.stable_slug, 0.0, promoted=True)
    if isinstance(page, ServicePage):
        office = page.office
        return Ranked("service", page.stable_slug, office.stable_slug if office else "", 0.0, promoted=True)
    kind = getattr(page, "search_result_type", None)
    if kind:
        return Ranked(kind, page.stable_slug, "", 0.0, promoted=True)
    return None


def backend_matches(query, types, engine):
    """What the configured Wagtail backend finds, limited to objects the engine knows (published ones)."""
    words = [word for word in tokenize(normalize_text(query)) if word.isalnum()]
    if not words:
        return []
    backend = get_search_backend()
    source = Locale.get_default()
    models = {"office": OfficePage, "service": ServicePage, "contact": ContactPerson}
    matches = []
    office_of = {(doc_type, doc_id): office for doc_type, doc_id, office in engine.published_ids}
    for kind, model in models.items():
        if types and kind not in types:
            continue
        queryset = model.objects.filter(locale=source)
        if kind != "contact":
            queryset = queryset.live()
        try:
            for item in backend.search(" ".join(words), queryset, operator="or")[:10]:
                identifier = item.key if kind == "contact" else item.stable_slug
                if (kind, identifier) in office_of:
                    matches.append(Ranked(kind, identifier, office_of[(kind, identifier)], 0.0))
        except Exception:  # a backend outage must not take search down with it
            logger.exception("Search backend query failed")
    return matches


def load_hits(items, language_code, request):
    """Display data for (type, id, score, promoted) items in the browsing language, original as fallback."""
    default = Locale.get_default()
    locale = Locale.objects.filter(language_code=language_code).first() or default
    locales = [locale, default]
    by_type = {}
    for item in items:
        by_type.setdefault(item.type, []).append(item.id)
    objects = {}
    if by_type.get("contact"):
        objects.update(_localized_contacts(by_type["contact"], locale, locales))
    for kind, model in (("service", ServicePage), ("office", OfficePage)):
        if by_type.get(kind):
            objects.update(_localized_pages(kind, model, by_type[kind], locale, locales))
    if by_type.get("news"):
        from announcements.search import localized_announcements

        objects.update(localized_announcements(by_type["news"], locale))
    return [_hit(item, objects[(item.type, item.id)], request) for item in items if (item.type, item.id) in objects]


def _prefer_locale(candidates, locale):
    chosen = {}
    for candidate in candidates:
        key = candidate[0]
        if key not in chosen or candidate[1].locale_id == locale.pk:
            chosen[key] = candidate[1]
    return chosen


def _localized_contacts(keys, locale, locales):
    contacts = (
        ContactPerson.objects.filter(key__in=keys, office__live=True)
        .filter(locale__in=locales)
        .select_related("office", "office__locale")
    )
    chosen = _prefer_locale([(contact.key, contact) for contact in contacts], locale)
    return {("contact", key): contact for key, contact in chosen.items()}


def _localized_pages(kind, model, slugs, locale, locales):
    # Only published, public pages reach the engine; live is checked again for pages unpublished since.
    pages = model.objects.live().filter(stable_slug__in=slugs, locale__in=locales).select_related("locale")
    chosen = _prefer_locale([(page.stable_slug, page) for page in pages], locale)
    return {(kind, slug): page for slug, page in chosen.items()}


def _hit(item, obj, request):
    if item.type == "contact":
        office_url = obj.office.get_url(request) or ""
        return SearchHit(
            type=item.type,
            id=item.id,
            title=obj.name,
            office=item.office,
            url=f"{office_url}#contact-{obj.key}",
            snippet=Truncator(obj.handles).chars(SNIPPET_LENGTH),
            score=item.score,
            promoted=item.promoted,
            contact=obj,
            office_page=obj.office,
        )
    return SearchHit(
        type=item.type,
        id=item.id,
        title=obj.title,
        office=item.office,
        url=obj.get_url(request) or "",
        snippet=Truncator(getattr(obj, "summary", "") or getattr(obj, "lead", "")).chars(SNIPPET_LENGTH),
        score=item.score,
        promoted=item.promoted,
        page=obj,
    )

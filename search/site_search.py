"""Site search: one entry point for the search page and the JSON API.

The documents come from the apps' search sources (``search.registry``): the published,
public objects only. Ranking is done in process by ``search.engine.hybrid``: the
lexical engine (Indonesian/English analysis, phone-typing repair, synonyms, BM25F and
the ranking rules) fused with the semantic index (stored sentence embeddings). The
engine is rebuilt in each process as soon as anything is published, unpublished, moved,
deleted or put behind a view restriction (every such action writes a Wagtail log
entry) or a synonym group changes. The configured Wagtail search backend (SQLite FTS5,
PostgreSQL full text, or Elasticsearch 9) is asked too, and what only it finds is
added after the engine's results.
"""

import gc
import logging
import time
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.db import DatabaseError
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from . import embedding_store
from .backends.analysis import synonym_rules
from .embeddings import embed_query
from .engine.grouping import ServiceGroups
from .engine.hybrid import HybridEngine, confident
from .engine.lexical import LexicalEngine
from .engine.remote.client import EngineClient, EngineError, alias_name, engine_url
from .engine.remote.site import EngineIndex, RemoteSite
from .engine.semantic import SemanticIndex
from .engine_cache import EngineCache
from .models import SynonymGroup
from .registry import Ranked, sources
from .shown_hits import load_with_memo
from .text.normalize import normalize_text, tokenize

logger = logging.getLogger(__name__)

RESULT_TYPES = ("contact", "service", "office", "news", "event")
MAX_QUERY_LENGTH = 200
# The Wagtail backend gets the distinct words of the query, at most this many: its work
# grows with every word, once per model.
MAX_BACKEND_WORDS = 10
# Same-named services are folded after ranking, so the engine is asked for more.
CANDIDATES_PER_RESULT = 3
# After the search engine failed, searches are answered in process for this long before
# the engine is asked again: a dead engine must not cost every search a timeout.
ENGINE_RETRY_SECONDS = 30


@dataclass
class SearchOutcome:
    query: str
    hits: list = field(default_factory=list)
    suggestion: str | None = None
    closest_offices: list = field(default_factory=list)
    # Whether the best hit is a good answer (an editor's promotion, or ``hybrid.confident``);
    # when not, the results page says so and offers next steps.
    confident: bool = False


def clean_query(raw):
    """The query as the engine should see it: no control characters, bounded length."""
    text = "".join(char if char.isprintable() else " " for char in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


class SiteEngine:
    """The hybrid engine over every source's documents, with the same-service groups.

    ``update`` re-indexes only the scopes (an office with its contacts and services, an
    announcement) that the given pages belong to, plus any scope whose published pages
    changed by a deletion or a move; answers stay those of a full rebuild.
    """

    def __init__(self, documents, synonym_groups, vectors):
        self._documents: dict[tuple, dict] = {}  # (type, id, locale) -> document
        self._vectors: dict[tuple, object] = {}
        self._passages: dict[tuple, list] = {}  # (type, id, locale) -> its passages' vectors
        self._remember(documents, vectors)
        self.hybrid = HybridEngine(LexicalEngine(documents, synonym_groups=synonym_groups), None, embed_query)
        self._refresh()

    @staticmethod
    def _key(document):
        return (document["type"], str(document["id"]), document.get("locale") or "id")

    def _remember(self, documents, vectors):
        passages = _stored_passage_vectors(documents)
        for document, vector in zip(documents, vectors, strict=True):
            key = self._key(document)
            self._documents[key] = document
            self._vectors[key] = vector
            self._passages[key] = passages.get(key, [])

    def _refresh(self):
        documents = list(self._documents.values())
        # Each object once per vector: its document's, then its passages' (the best one answers).
        entries = [
            (key, vector, number > 0)
            for key in self._documents
            for number, vector in enumerate((self._vectors[key], *self._passages[key]))
        ]
        keys, vectors, passages = zip(*entries, strict=True) if entries else ((), (), ())
        self.hybrid.semantic = SemanticIndex([key[:2] for key in keys], vectors, passages)
        self.groups = ServiceGroups(documents, Locale.get_default().language_code)
        # What may be shown: the published objects the engine was built from.
        self.published = {(document["type"], str(document["id"])): document.get("office", "") for document in documents}
        self.scope_keys: dict[str, set] = {}
        for document in documents:
            self.scope_keys.setdefault(document.get("scope", ""), set()).add((document["type"], str(document["id"])))

    def document(self, key, locale):
        return self.hybrid.lexical.document(key, locale)

    def replace(self, scopes, removed, documents, vectors) -> None:
        """Re-index the scopes: ``removed`` keys out, ``documents`` (with their vectors) in."""
        for key in [key for key in self._documents if key[:2] in removed]:
            del self._documents[key], self._vectors[key], self._passages[key]
        self._remember(documents, vectors)
        self.hybrid.lexical.update(removed, documents)
        self._refresh()

    def caught_up(self, content_version) -> None:
        """Nothing to record: a worker's own engine lives and dies with the worker."""


def changed_scopes(scope_keys, page_ids) -> set[str]:
    """The scopes of the given pages, and those whose published pages differ from the index's."""
    scopes = scopes_of_pages(page_ids)
    for source in sources():
        members = source.scope_members()
        indexed = {
            scope: {key for key in keys if key[0] in source.page_types}
            for scope, keys in scope_keys.items()
            if any(key[0] in source.types for key in keys)
        }
        scopes |= {scope for scope in set(members) | set(indexed) if members.get(scope) != indexed.get(scope)}
    return scopes


def update_engine(engine, page_ids, content_version) -> None:
    """Re-index only the scopes the pages changed (in process, or in the search engine), up to ``content_version``."""
    scopes = changed_scopes(engine.scope_keys, page_ids)
    if scopes:
        documents = searchable_documents(scopes)
        removed = set().union(*(engine.scope_keys.get(scope, set()) for scope in scopes))
        engine.replace(scopes, removed, documents, _stored_vectors(documents))
    engine.caught_up(content_version)


def searchable_documents(scopes=None):
    return [document for source in sources() for document in source.documents(scopes)]


def build_engine():
    """The site's engine: the search engine's index when one is configured, else in process."""
    return build_remote_engine() if engine_url() else build_local_engine()


def engine_index() -> EngineIndex:
    return EngineIndex(
        EngineClient(engine_url()),
        alias_name(),
        opensearch=bool(settings.OPENSEARCH_URL),
        passage_vectors=_stored_passage_vectors,
    )


def build_remote_engine(rebuild=False) -> RemoteSite:
    """The worker's side of the search engine's index; the index is rebuilt (behind its alias) when
    asked, or when it lacks changes no worker has sent it yet, and takes the editors' new synonyms
    without a rebuild."""
    index = engine_index()
    rules, content = synonym_rules(), EngineCache.content_version()[0]
    current = not rebuild and index.current(rules, content)  # fails fast when the engine does not answer
    documents = searchable_documents()
    if not current:
        index.bring_up_to_date(documents, lambda: _stored_vectors(documents), rules, content, rebuild)
    default = Locale.get_default().language_code
    return RemoteSite(index, documents, SynonymGroup.all_groups(), embed_query, default)


def build_local_engine() -> SiteEngine:
    documents = searchable_documents()
    engine = SiteEngine(documents, SynonymGroup.all_groups(), _stored_vectors(documents))
    # The engine lives as long as the worker: keep its objects out of every later
    # cycle collection, which would otherwise scan them all (seconds at 20x the demo).
    gc.freeze()
    return engine


def _stored_vectors(documents):
    """The documents' embeddings: normally all stored (computed at publish or import); missing ones now."""
    vectors, computed = embedding_store.vectors_for(documents)
    if computed:
        logger.warning("Computed %d missing search embeddings for the engine", computed)
    return vectors


def _stored_passage_vectors(documents):
    """The vectors of the documents' passages (a service's situations), by document key."""
    vectors, computed = embedding_store.passage_vectors(documents)
    if computed:
        logger.warning("Computed %d missing passage embeddings for the engine", computed)
    return vectors


def refresh_embeddings(progress=None) -> int:
    """Embed whatever is new or changed anywhere; called by imports and ``update_index``."""
    return embedding_store.refresh(searchable_documents(), progress)


def scopes_of_pages(page_ids) -> set[str]:
    return set().union(*(source.scopes_for_pages(page_ids) for source in sources()))


def refresh_embeddings_for_pages(page_ids) -> int:
    """Embed what the given pages changed: only their scopes are read, after a publish."""
    scopes = scopes_of_pages(page_ids)
    return embedding_store.refresh(searchable_documents(scopes), scopes=scopes) if scopes else 0


engine_cache = EngineCache(build_engine, update_engine)
# Answers when the search engine does not (only used when one is configured).
local_engine_cache = EngineCache(build_local_engine, update_engine)
_engine_down_until = [0.0]


def site_engine():
    """The engine that ranks: the search engine's when configured and answering, else in process."""
    if not engine_url():
        return engine_cache.get()
    if time.monotonic() < _engine_down_until[0]:
        return local_engine_cache.get()
    try:
        return engine_cache.get()
    except EngineError as error:
        return engine_failed(error)


def send_changes_to_engine() -> None:
    """After a commit: the search engine gets the changed scopes now, not at this process's next search."""
    if engine_url() and engine_cache.built and time.monotonic() >= _engine_down_until[0]:
        try:
            engine_cache.get()
        except EngineError as error:
            logger.warning("Search engine not updated after publishing (the next search retries): %s", error)


def engine_failed(error):
    logger.warning("Search engine unavailable, answering in process for %d s: %s", ENGINE_RETRY_SECONDS, error)
    _engine_down_until[0] = time.monotonic() + ENGINE_RETRY_SECONDS
    return local_engine_cache.get()


def search(query, language_code, types=None, limit=10, request=None):
    """Ranked hits for ``query`` in the browsing language, best first."""
    query = clean_query(query)
    if not query:
        return SearchOutcome(query=query)
    engine = site_engine()
    try:
        return answer(engine, query, language_code, types, limit, request)
    except EngineError as error:
        return answer(engine_failed(error), query, language_code, types, limit, request)


def answer(engine, query, language_code, types, limit, request) -> SearchOutcome:
    outcome = SearchOutcome(query=query)
    promoted = promoted_items(query, types)
    promoted_keys = {(item.type, item.id) for item in promoted}
    ranked_hits, reading = engine.hybrid.rank_with_reading(query, types=types, limit=limit * CANDIDATES_PER_RESULT)
    fused = [hit for hit in ranked_hits if hit.key not in promoted_keys]
    outcome.confident = bool(promoted) or confident(fused)
    # A district named with a typo ("blimbngsari") still counts: the repaired reading is added.
    grouped = engine.groups.fold([hit.key for hit in fused], f"{query} {reading.corrected_phrase}")
    score_of = {hit.key: hit.score for hit in fused}
    ranked = [
        Ranked(group.key[0], group.key[1], engine.published.get(group.key, ""), score_of.get(group.key, 0.0))
        for group in grouped
    ][:limit]
    also = {group.key: group.also for group in grouped}
    if len(fused) < limit:
        # The engine itself found too few: add what only the configured search backend finds. Not merely
        # when folding left room: the backend's full-text queries cost more than the rest of a search.
        seen = (
            promoted_keys | {(item.type, item.id) for item in ranked} | {key for keys in also.values() for key in keys}
        )
        ranked += [item for item in backend_matches(query, types, engine) if (item.type, item.id) not in seen]
    # The engine cache gives each content version an empty memo; an engine of its own (tests) none.
    memo = getattr(engine, "shown_hits", {})
    load = partial(load_hits, language_code=language_code, request=request)
    outcome.hits = load_with_memo((promoted + ranked)[:limit], language_code, request, memo, load)
    for hit in outcome.hits:
        hit.also_offered_by = [engine.document(key, language_code) for key in also.get((hit.type, hit.id), [])]
    if not outcome.hits:
        outcome.suggestion = engine.hybrid.did_you_mean(query)
        offices = engine.hybrid.lexical.search(outcome.suggestion or query, types=["office"], limit=3)
        outcome.closest_offices = load_hits(
            [Ranked(doc["type"], doc["id"], doc["id"], score) for doc, score in offices], language_code, request
        )
    return outcome


def suggest(prefix, limit=8):
    prefix = clean_query(prefix)
    if not prefix:
        return []
    engine = site_engine()
    try:
        return engine.hybrid.suggest(prefix, limit=limit)
    except EngineError as error:
        return engine_failed(error).hybrid.suggest(prefix, limit=limit)


def promoted_items(query, types):
    """Editors' promoted pages for this query (Wagtail search promotions), as ranked items."""
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
    return next((item for source in sources() if (item := source.page_item(page)) is not None), None)


def backend_words(query) -> list[str]:
    """The distinct words of the query, in order, at most ``MAX_BACKEND_WORDS``."""
    words = [word for word in tokenize(normalize_text(query)) if word.isalnum()]
    return list(dict.fromkeys(words))[:MAX_BACKEND_WORDS]


def backend_matches(query, types, engine):
    """What the configured Wagtail backend finds, limited to objects the engine knows (published ones)."""
    words = backend_words(query)
    if not words:
        return []
    backend = get_search_backend()
    source_locale = Locale.get_default()
    matches = []
    for source in sources():
        for kind, (queryset, identifier_of) in source.backend_querysets(source_locale).items():
            if types and kind not in types:
                continue
            try:
                for item in backend.search(" ".join(words), queryset, operator="or")[:10]:
                    identifier = identifier_of(item)
                    if (kind, identifier) in engine.published:
                        matches.append(Ranked(kind, identifier, engine.published[(kind, identifier)], 0.0))
            except Exception:  # a backend outage must not take search down with it
                logger.exception("Search backend query failed")
    return matches


def load_hits(items, language_code, request):
    """Display data for ranked items in the browsing language, the original as fallback."""
    default = Locale.get_default()
    locale = Locale.objects.filter(language_code=language_code).first() or default
    found = {}
    for source in sources():
        mine = [item for item in items if item.type in source.types]
        if mine:
            found.update(source.load_hits(mine, locale, default, request))
    return [found[(item.type, item.id)] for item in items if (item.type, item.id) in found]

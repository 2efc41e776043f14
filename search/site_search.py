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
from wagtail.models import Locale

from . import embedding_store
from .backends.analysis import synonym_rules
from .choosing import choose
from .content_memo import ContentMemo
from .embeddings import embed_query
from .engine.grouping import ServiceGroups
from .engine.hybrid import HybridEngine
from .engine.lexical import LexicalEngine
from .engine.remote.client import EngineClient, EngineError, alias_name, engine_url
from .engine.remote.site import EngineIndex, RemoteSite
from .engine.semantic import SemanticIndex
from .engine_cache import EngineCache
from .models import SynonymGroup
from .registry import Ranked, sources
from .shown_hits import load_with_memo

logger = logging.getLogger(__name__)

RESULT_TYPES = ("contact", "service", "office", "news", "event")
MAX_QUERY_LENGTH = 200
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


engine_cache = EngineCache(build_engine, update_engine, "site")
# Answers when the search engine does not (only used when one is configured).
local_engine_cache = EngineCache(build_local_engine, update_engine, "in-process")
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
    # The engine cache gives each content version an empty memo; an engine of its own (tests) none.
    memo = getattr(engine, "memo", None) or ContentMemo()
    key = (query, tuple(types) if types else None, limit)
    chosen = memo.answer(key, lambda: choose(engine, query, types, limit, memo))
    outcome = SearchOutcome(query=query, confident=chosen.confident)
    load = partial(load_hits, language_code=language_code, request=request)
    outcome.hits = load_with_memo(chosen.items, language_code, memo.site_key(request), memo.hits, load)
    for hit in outcome.hits:
        hit.also_offered_by = [engine.document(key, language_code) for key in chosen.also.get((hit.type, hit.id), [])]
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

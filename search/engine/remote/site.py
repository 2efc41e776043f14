"""The site's documents held by the engine: built behind an alias, updated per scope, ranked by our rules.

``RemoteSite`` answers like the in-process site engine (``search.site_search.SiteEngine``):
``hybrid`` is the same ``HybridEngine``, fed by the engine's lexical candidates and its
k-NN neighbours instead of the in-process indices. The worker keeps only what query
understanding and grouping need: the vocabulary (for typo repair), the same-service
groups and the keys of what is published.
"""

import logging
import time
from array import array
from collections import Counter, defaultdict

from ...backends.analysis import synonym_rules
from ...text.lexicon import Lexicon
from ...text.query import QueryAnalyzer
from ..fields import EXACT_ONLY_FIELDS, document_fields, field_values, index_terms
from ..grouping import ServiceGroups
from ..hybrid import HybridEngine
from ..index import LexicalIndex
from .client import EngineClient, EngineError
from .lock import LOCK_SECONDS, BuildLock
from .mapping import (
    LAYOUT,
    average_lengths,
    document_id,
    index_body,
    object_id,
    object_source,
    object_terms,
    passage_source,
    rules_version,
    source,
)
from .ranking import RemoteLexical, RemoteSemantic

logger = logging.getLogger(__name__)

BULK_DOCUMENTS = 200
BUILD_WAIT_SECONDS = 20  # a worker waits this long for another's build before serving the index as it is
BUILD_POLL_SECONDS = 0.5
MAX_SCOPE_DOCUMENTS = 10_000  # an office with its contacts and services, in every language
GROUPING_FIELDS = ("type", "id", "locale", "title", "office", "office_name")


class EngineIndex:
    """The alias searches read, and the writes that keep the index behind it current."""

    def __init__(self, client: EngineClient, alias: str, opensearch: bool, passage_vectors=None):
        """``passage_vectors(documents)`` gives the vectors of the documents' passages (a service's
        situations) by ``(type, id, locale)``; without it only the documents' own vectors are indexed."""
        self.client, self.alias, self.opensearch = client, alias, opensearch
        self.passage_vectors = passage_vectors or (lambda documents: {})
        self._averages: dict[str, float] | None = None

    def state(self, rules, content_version) -> str:
        """How the index stands: "current"; "synonyms" when only the editors' synonyms changed since;
        "stale" when it lacks a change, has an older layout or is missing."""
        meta = self.client.meta(self.alias)
        if meta.get("layout") != LAYOUT or meta.get("content") != content_version:
            return "stale"
        return "current" if meta.get("synonyms") == rules_version(rules) else "synonyms"

    def current(self, rules, content_version) -> bool:
        return self.state(rules, content_version) == "current"

    def bring_up_to_date(self, documents, vectors_of, rules, content_version, rebuild=False) -> None:
        """Rebuilt (``vectors_of()`` gives the documents' vectors) or given the new synonyms, by one worker
        at a time. A worker that finds another building waits for it (``BUILD_WAIT_SECONDS``), then
        serves the index as it is: the build under way brings in every change."""
        lock = BuildLock(self.client, self.alias)
        deadline = time.monotonic() + (LOCK_SECONDS if rebuild else BUILD_WAIT_SECONDS)
        while not lock.acquire():
            if not rebuild and self.current(rules, content_version):
                return
            if time.monotonic() > deadline:
                if rebuild or not self.client.indices_of(self.alias):
                    raise EngineError("the search engine's index is being built by another process")
                logger.info("Search engine index being rebuilt by another process; serving it as it is")
                return
            time.sleep(BUILD_POLL_SECONDS)
        try:
            state = "stale" if rebuild else self.state(rules, content_version)
            if state == "synonyms":
                self.update_synonyms(rules)
            elif state == "stale":
                self.build(documents, vectors_of(), rules, content_version)
        finally:
            lock.release()

    def update_synonyms(self, rules) -> None:
        """The editors' synonyms changed: they only analyse queries, so the index is closed for a
        moment to take them (searches meanwhile are asked again) instead of being rebuilt."""
        analysis = index_body(rules, self.opensearch)["settings"]["analysis"]
        synonyms = {"analysis": {"filter": {"melayani_synonyms": analysis["filter"]["melayani_synonyms"]}}}
        for index in self.client.indices_of(self.alias):
            self.client.request("POST", f"{index}/_close", timeout=30)
            try:
                self.client.request("PUT", f"{index}/_settings", synonyms, timeout=30)
            finally:
                self.client.request("POST", f"{index}/_open?wait_for_active_shards=1", timeout=30)
        meta = self.client.meta(self.alias)
        meta.update(synonyms=rules_version(rules))
        self.client.request("PUT", f"{self.alias}/_mapping", {"_meta": meta})

    def mark(self, rules, content_version) -> None:
        meta = self.client.meta(self.alias)
        meta.update(synonyms=rules_version(rules), content=content_version)
        self.client.request("PUT", f"{self.alias}/_mapping", {"_meta": meta})

    def averages(self) -> dict[str, float]:
        """The field lengths the index was built with: an update weighs its terms with them."""
        if self._averages is None:
            self._averages = self.client.meta(self.alias).get("lengths", {})
        return self._averages

    def build(self, documents, vectors, rules, content_version) -> str:
        """A new index with every document, then the alias swapped onto it and the old ones dropped."""
        name = f"{self.alias}_{time.strftime('%Y%m%d%H%M%S')}_{time.time_ns() % 1_000_000:06d}"
        averages = average_lengths(object_terms(group)[1] for group in by_object(documents).values())
        body = index_body(rules, self.opensearch)
        body["mappings"]["_meta"].update(content=content_version, lengths=averages)
        self.client.request("PUT", name, body, timeout=30)
        self._write(name, documents, vectors, averages)
        self.client.request("POST", f"{name}/_refresh", timeout=30)
        old = self.client.indices_of(self.alias)
        if not old and self.client.request("GET", self.alias, missing_ok=True):
            self.client.request("DELETE", self.alias, timeout=30)  # a plain index in the alias's place
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        self.client.request("POST", "_aliases", {"actions": [*actions, {"add": {"index": name, "alias": self.alias}}]})
        for index in old:
            self.client.request("DELETE", index, timeout=30)
        self._averages = averages
        return name

    def replace(self, scopes, documents, vectors) -> None:
        """The scopes' documents now, and none of theirs that are gone."""
        self._write(self.alias, documents, vectors, self.averages(), refresh=True)
        keep = [document_id(document) for document in documents]
        keep += sorted({f"{document['type']}:{document['id']}" for document in documents})
        keep += [identifier for identifier, _ in self._passages(documents)]
        query = {"bool": {"filter": [{"terms": {"scope": sorted(scopes)}}], "must_not": [{"ids": {"values": keep}}]}}
        # Found, then deleted in bulk: _delete_by_query lives in the reindex module, which a node may lack.
        gone = self.client.search(self.alias, {"size": MAX_SCOPE_DOCUMENTS, "query": query, "_source": False})
        self.client.bulk([{"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in gone], refresh=True)

    def _write(self, index, documents, vectors, averages, refresh=False) -> None:
        """Each document in its language (its vector, its display data) and each object once in all of them."""
        objects: dict[str, list[dict]] = {}
        lines = []
        for document, vector in zip(documents, vectors, strict=True):
            body = source(document, vector)
            objects.setdefault(object_id(body), []).append(body)
            lines += [{"index": {"_index": index, "_id": document_id(document)}}, body]
        for identifier, body in self._passages(documents):
            lines += [{"index": {"_index": index, "_id": identifier}}, body]
        grouped = by_object(documents)
        for identifier, parts in objects.items():
            body = object_source(parts, grouped[identifier], averages, self.opensearch)
            lines += [{"index": {"_index": index, "_id": identifier}}, body]
        for start in range(0, max(len(lines), 1), 2 * BULK_DOCUMENTS):
            self.client.bulk(lines[start : start + 2 * BULK_DOCUMENTS], refresh=refresh)

    def _passages(self, documents) -> list[tuple[str, dict]]:
        """A document per passage of the documents, with its vector: the meaning search's best one answers."""
        vectors = self.passage_vectors(documents)
        return [
            (f"{document_id(document)}:{number}", passage_source(document, vector))
            for document in documents
            for number, vector in enumerate(
                vectors.get((document["type"], str(document["id"]), document.get("locale") or "id"), ()), 1
            )
        ]


def by_object(documents) -> dict[str, list[dict]]:
    """The documents of each object (its first in each language, as the lexical engine keeps them)."""
    grouped: dict[str, dict[str, dict]] = {}
    for document in documents:
        languages = grouped.setdefault(f"{document['type']}:{document['id']}", {})
        languages.setdefault(str(document.get("locale") or "id"), document)
    return {key: list(languages.values()) for key, languages in grouped.items()}


class Vocabulary:
    """The (word, index term) pairs of the documents, counted over all objects, for the query analyzer's
    lexicon. Each object keeps only the numbers and counts of its pairs, packed in an array, so that a
    publish can take its old counts out: at 50x the demo, tuples per object took 340 MB of each worker."""

    def __init__(self):
        self._ids: dict[tuple[str, str, bool], int] = {}
        self._pairs: list[tuple[str, str, bool]] = []  # (word, term, correctable) by number
        self._counts: list[int] = []  # by pair number, summed over the objects
        self._holding: Counter = Counter()  # term -> objects that hold it
        self._objects: dict[tuple[str, str], array] = {}  # pair numbers and counts, interleaved

    def replace(self, removed_keys, documents) -> None:
        grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for document in documents:
            grouped[(document["type"], str(document["id"]))].append(document)
        for key in removed_keys | set(grouped):
            self._count(self._objects.pop(key, None), -1)
        for key, object_documents in grouped.items():  # one object's counts at a time: a small peak
            pairs = Counter()
            for document in object_documents:
                locale = str(document.get("locale") or "id")
                for name, value in document_fields(document).items():
                    correctable = name not in EXACT_ONLY_FIELDS
                    for text in field_values(value):
                        words, terms = index_terms(text, locale)
                        pairs.update(
                            self._number((word, term, correctable)) for word, term in zip(words, terms, strict=True)
                        )
            self._objects[key] = array("I", [value for pair in pairs.items() for value in pair])
            self._count(self._objects[key], 1)

    def _number(self, pair: tuple[str, str, bool]) -> int:
        number = self._ids.get(pair)
        if number is None:
            number = self._ids[pair] = len(self._pairs)
            self._pairs.append(pair)
            self._counts.append(0)
        return number

    def _count(self, packed: array | None, sign: int) -> None:
        if not packed:
            return
        terms = set()
        for number, count in zip(packed[::2], packed[1::2], strict=True):
            self._counts[number] += sign * count
            terms.add(self._pairs[number][1])
        for term in terms:
            self._holding[term] += sign

    def lexicon(self) -> Lexicon:
        lexicon = Lexicon()
        for (word, term, correctable), count in zip(self._pairs, self._counts, strict=True):
            if correctable and count > 0:
                lexicon.add(word, term, count)
        lexicon.freeze({term: objects for term, objects in self._holding.items() if objects > 0})
        return lexicon


class RemoteSite:
    def __init__(self, index: EngineIndex, documents, synonym_groups, embed_query, default_locale):
        """What the worker keeps of ``documents``, which the engine's index holds."""
        self.index = index
        self._synonym_groups = synonym_groups
        self._default_locale = default_locale
        self._grouped: dict[tuple, dict] = {}
        self.vocabulary = Vocabulary()
        self.published: dict[tuple[str, str], str] = {}
        self.scope_keys: dict[str, set] = {}
        lexical = RemoteLexical(index.client, index.alias, index.opensearch)
        self.hybrid = HybridEngine(lexical, RemoteSemantic(lexical), embed_query)
        self._remember(set(), documents)

    def _remember(self, removed_keys, documents) -> None:
        for key in removed_keys:
            self.published.pop(key, None)
            for locale in ("id", "en", self._default_locale):
                self._grouped.pop((*key, locale), None)
        for scope, keys in list(self.scope_keys.items()):
            self.scope_keys[scope] = keys - removed_keys
        for document in documents:
            key = (document["type"], str(document["id"]))
            self.published[key] = document.get("office", "")
            self.scope_keys.setdefault(document.get("scope", ""), set()).add(key)
            if document["type"] == "service":
                self._grouped[(*key, document.get("locale") or "id")] = {f: document.get(f) for f in GROUPING_FIELDS}
        self.vocabulary.replace(removed_keys, documents)
        self.groups = ServiceGroups(list(self._grouped.values()), self._default_locale)
        analyzer = QueryAnalyzer(
            self.vocabulary.lexicon(), self._synonym_groups, LexicalIndex.synonym_weight, LexicalIndex.bigram_weight
        )
        self.hybrid.lexical.analyzer = analyzer

    def replace(self, scopes, removed_keys, documents, vectors) -> None:
        self.index.replace(scopes, documents, vectors)
        self._remember(removed_keys, documents)

    def caught_up(self, content_version) -> None:
        """The index records the change it holds, so a worker starting later need not rebuild it."""
        self.index.mark(synonym_rules(), content_version)

    def document(self, key, locale):
        return self.hybrid.lexical.document(key, locale)


__all__ = ["EngineError", "EngineIndex", "RemoteSite"]

"""The site's documents held by the engine: built behind an alias, updated per scope, ranked by our rules.

``RemoteSite`` answers like the in-process site engine (``search.service.SiteEngine``):
``hybrid`` is the same ``HybridEngine``, fed by the engine's lexical candidates and its
k-NN neighbours instead of the in-process indices. The worker keeps only what query
understanding and grouping need: the vocabulary (for typo repair), the same-service
groups and the keys of what is published.
"""

import time
from collections import Counter, defaultdict

from ...backends.analysis import synonym_rules
from ...text.lexicon import Lexicon
from ...text.query import QueryAnalyzer
from ..fields import EXACT_ONLY_FIELDS, document_fields, field_values, index_terms
from ..grouping import ServiceGroups
from ..hybrid import HybridEngine
from ..index import LexicalIndex
from .client import EngineClient, EngineError
from .mapping import (
    LAYOUT,
    average_lengths,
    document_id,
    index_body,
    object_id,
    object_source,
    object_terms,
    rules_version,
    source,
)
from .ranking import RemoteLexical, RemoteSemantic

BULK_DOCUMENTS = 200
MAX_SCOPE_DOCUMENTS = 10_000  # an office with its contacts and services, in every language
GROUPING_FIELDS = ("type", "id", "locale", "title", "office", "office_name")


class EngineIndex:
    """The alias searches read, and the writes that keep the index behind it current."""

    def __init__(self, client: EngineClient, alias: str, opensearch: bool):
        self.client, self.alias, self.opensearch = client, alias, opensearch
        self._averages: dict[str, float] | None = None

    def current(self, rules, content_version) -> bool:
        """Whether the index has today's layout and synonyms and holds every change up to ``content_version``."""
        meta = self.client.meta(self.alias)
        wanted = {"synonyms": rules_version(rules), "content": content_version, "layout": LAYOUT}
        return all(meta.get(name) == value for name, value in wanted.items())

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
        grouped = by_object(documents)
        for identifier, parts in objects.items():
            body = object_source(parts, grouped[identifier], averages)
            lines += [{"index": {"_index": index, "_id": identifier}}, body]
        for start in range(0, max(len(lines), 1), 2 * BULK_DOCUMENTS):
            self.client.bulk(lines[start : start + 2 * BULK_DOCUMENTS], refresh=refresh)


def by_object(documents) -> dict[str, list[dict]]:
    """The documents of each object (its first in each language, as the lexical engine keeps them)."""
    grouped: dict[str, dict[str, dict]] = {}
    for document in documents:
        languages = grouped.setdefault(f"{document['type']}:{document['id']}", {})
        languages.setdefault(str(document.get("locale") or "id"), document)
    return {key: list(languages.values()) for key, languages in grouped.items()}


class Vocabulary:
    """The (word, index term) pairs of the documents, per object, for the query analyzer's lexicon."""

    def __init__(self):
        self._pairs: dict[tuple[str, str], Counter] = {}

    def replace(self, removed_keys, documents) -> None:
        for key in removed_keys | {(d["type"], str(d["id"])) for d in documents}:
            self._pairs.pop(key, None)
        for document in documents:
            pairs = self._pairs.setdefault((document["type"], str(document["id"])), Counter())
            locale = str(document.get("locale") or "id")
            for name, value in document_fields(document).items():
                for text in field_values(value):
                    words, terms = index_terms(text, locale)
                    pairs.update(
                        (word, term, name not in EXACT_ONLY_FIELDS) for word, term in zip(words, terms, strict=True)
                    )

    def lexicon(self) -> Lexicon:
        lexicon, objects = Lexicon(), defaultdict(int)
        for pairs in self._pairs.values():
            for (word, term, correctable), count in pairs.items():
                if correctable:
                    lexicon.add(word, term, count)
            for term in {term for _, term, _ in pairs}:
                objects[term] += 1
        lexicon.freeze(dict(objects))
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

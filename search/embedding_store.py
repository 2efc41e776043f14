"""Stored embeddings: computed once per object, language and text, read by every worker.

``vectors_for`` gives the engine a vector for every document, loading what is stored and
computing (and storing) only what is missing or stale. ``refresh`` runs when content is
published, imported or re-indexed, so that building an engine normally computes nothing.
Vectors shipped with the code (``SEARCH_SHIPPED_VECTORS``: the demo's, by text hash, made
by ``manage.py export_search_vectors``) count as stored, so a fresh demo or test database
embeds nothing that has not changed.

A document may also carry ``passages``: short texts (a service's situations, "my wallet
was stolen with my ID card in it") that each get a vector of their own, stored as rows
numbered from 1 beside the document's row 0. ``passage_vectors`` gives them to the engine,
which lets an object's best passage answer for it rather than an average of them all.
"""

import logging
import time
from collections import OrderedDict

import numpy as np
from django.conf import settings
from django.db import transaction

from .embeddings import embed_passages, text_hash
from .models import DocumentEmbedding

logger = logging.getLogger(__name__)

BATCH_SIZE = 32
SUBSET_LIMIT = 500
# Vectors computed in this process, by text hash: a test or a rolled-back transaction
# does not pay for the same text twice. Bounded, as it only saves recomputation.
_recent: OrderedDict[str, np.ndarray] = OrderedDict()
RECENT_LIMIT = 5_000


def _key(document: dict) -> tuple[str, str, str, int]:
    return (
        str(document["type"]),
        str(document["id"]),
        str(document.get("locale") or "id"),
        int(document.get("passage") or 0),
    )


def passages_of(documents: list[dict]) -> list[dict]:
    """Each passage of the documents as a document of its own for the store, numbered from 1."""
    return [
        {
            "type": document["type"],
            "id": document["id"],
            "locale": document.get("locale") or "id",
            "scope": document.get("scope", ""),
            "passage": number,
            "meaning": text,
        }
        for document in documents
        for number, text in enumerate(document.get("passages") or (), 1)
    ]


def passage_vectors(documents: list[dict]) -> tuple[dict[tuple[str, str, str], list[np.ndarray]], int]:
    """``{(type, id, locale): [vector of each passage]}`` for the documents that have passages,
    and how many had to be computed now."""
    passages = passages_of(documents)
    if not passages:
        return {}, 0
    vectors, computed = vectors_for(passages)
    by_document: dict[tuple[str, str, str], list[np.ndarray]] = {}
    for passage, vector in zip(passages, vectors, strict=True):
        by_document.setdefault(_key(passage)[:3], []).append(vector)
    return by_document, computed


_shipped: dict[str, np.ndarray] | None = None


def shipped_vectors() -> dict[str, np.ndarray]:
    """The vectors shipped in ``SEARCH_SHIPPED_VECTORS`` files, by text hash (a missing file ships none)."""
    global _shipped
    if _shipped is None:
        found = {}
        for path in getattr(settings, "SEARCH_SHIPPED_VECTORS", []):
            try:
                with np.load(path) as data:
                    found.update(zip(data["hashes"].tolist(), data["vectors"].astype(np.float32), strict=True))
            except (OSError, KeyError, ValueError) as error:
                logger.warning("Shipped search vectors not read from %s: %s", path, error)
        _shipped = found
    return _shipped


def write_shipped_vectors(path, hashes: list[str], vectors: list[np.ndarray]) -> None:
    np.savez_compressed(path, hashes=np.array(hashes), vectors=np.asarray(vectors, dtype=np.float32))


def _remember(digest: str, vector: np.ndarray) -> None:
    _recent[digest] = vector
    _recent.move_to_end(digest)
    while len(_recent) > RECENT_LIMIT:
        _recent.popitem(last=False)


def _compute(texts: list[str], progress=None) -> list[np.ndarray]:
    vectors = []
    for start in range(0, len(texts), BATCH_SIZE):
        vectors.extend(embed_passages(texts[start : start + BATCH_SIZE]))
        if progress:
            progress(min(start + BATCH_SIZE, len(texts)), len(texts))
    return vectors


def vectors_for(documents: list[dict], progress=None) -> tuple[list[np.ndarray], int]:
    """A vector per document (same order) and how many had to be computed now."""
    rows = DocumentEmbedding.objects.only(
        "kind", "identifier", "language_code", "passage", "scope", "text_hash", "vector"
    )
    identifiers = {str(document["id"]) for document in documents}
    if len(identifiers) <= SUBSET_LIMIT:  # a publish: read just its objects' rows
        rows = rows.filter(identifier__in=identifiers)
    stored = {(row.kind, row.identifier, row.language_code, row.passage): row for row in rows}
    # The same text under another key (a copy of a page) needs no second computation.
    by_hash = {row.text_hash: row.vector for row in stored.values()}
    shipped = shipped_vectors()
    vectors: list[np.ndarray | None] = []
    to_store: list[tuple[dict, str, np.ndarray]] = []  # (document, text hash, vector)
    missing: dict[str, list[int]] = {}
    for position, document in enumerate(documents):
        digest = text_hash(document.get("meaning", ""))
        row = stored.get(_key(document))
        if row is not None and row.text_hash == digest:
            vectors.append(np.frombuffer(bytes(row.vector), dtype=np.float32))
            if row.scope != document.get("scope", ""):
                to_store.append((document, digest, vectors[-1]))
        elif digest in by_hash or digest in _recent or digest in shipped:
            known = by_hash.get(digest)
            if known is not None:
                vectors.append(np.frombuffer(bytes(known), dtype=np.float32))
            else:
                vectors.append(_recent[digest] if digest in _recent else shipped[digest])
            to_store.append((document, digest, vectors[-1]))
        else:
            vectors.append(None)
            missing.setdefault(digest, []).append(position)
    if missing:
        texts = [documents[positions[0]].get("meaning", "") for positions in missing.values()]
        for (digest, positions), vector in zip(missing.items(), _compute(texts, progress), strict=True):
            _remember(digest, vector)
            for position in positions:
                vectors[position] = vector
                to_store.append((documents[position], digest, vector))
    _store(to_store)
    return vectors, len(missing)


def _store(rows: list[tuple[dict, str, np.ndarray]]) -> None:
    if not rows:
        return
    DocumentEmbedding.objects.bulk_create(
        [
            DocumentEmbedding(
                kind=kind,
                identifier=identifier,
                language_code=language,
                passage=passage,
                scope=document.get("scope", ""),
                text_hash=digest,
                vector=np.asarray(vector, dtype=np.float32).tobytes(),
            )
            for document, digest, vector in rows
            for kind, identifier, language, passage in [_key(document)]
        ],
        update_conflicts=True,
        unique_fields=["kind", "identifier", "language_code", "passage"],
        update_fields=["scope", "text_hash", "vector", "updated_at"],
        batch_size=500,
    )


def refresh(documents: list[dict], progress=None, scopes=None) -> int:
    """Compute what is missing or stale (documents and their passages) and drop what no document
    needs any more, in the given scopes (a publish) or everywhere; returns how many were computed."""
    started = time.perf_counter()
    documents = documents + passages_of(documents)
    with transaction.atomic():
        _, computed = vectors_for(documents, progress)
        wanted = {_key(document) for document in documents}
        rows = DocumentEmbedding.objects.all() if scopes is None else DocumentEmbedding.objects.filter(scope__in=scopes)
        stale = [
            row[0]
            for row in rows.values_list("pk", "kind", "identifier", "language_code", "passage")
            if row[1:] not in wanted
        ]
        DocumentEmbedding.objects.filter(pk__in=stale).delete()
    if computed:
        logger.info("Embedded %d search documents in %.1f s", computed, time.perf_counter() - started)
    return computed

"""Stored embeddings: computed once per object, language and text, read by every worker.

``vectors_for`` gives the engine a vector for every document, loading what is stored and
computing (and storing) only what is missing or stale. ``refresh`` runs when content is
published, imported or re-indexed, so that building an engine normally computes nothing.
"""

import logging
import time
from collections import OrderedDict

import numpy as np
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


def _key(document: dict) -> tuple[str, str, str]:
    return (str(document["type"]), str(document["id"]), str(document.get("locale") or "id"))


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
    rows = DocumentEmbedding.objects.only("kind", "identifier", "language_code", "text_hash", "vector")
    identifiers = {str(document["id"]) for document in documents}
    if len(identifiers) <= SUBSET_LIMIT:  # a publish: read just its objects' rows
        rows = rows.filter(identifier__in=identifiers)
    stored = {(row.kind, row.identifier, row.language_code): (row.text_hash, row.vector) for row in rows}
    # The same text under another key (a copy of a page) needs no second computation.
    by_hash = dict(stored.values())
    vectors: list[np.ndarray | None] = []
    to_store: dict[tuple[str, str, str], tuple[str, np.ndarray]] = {}
    missing: dict[str, list[int]] = {}
    for position, document in enumerate(documents):
        key, digest = _key(document), text_hash(document.get("meaning", ""))
        found = stored.get(key)
        if found and found[0] == digest:
            vectors.append(np.frombuffer(bytes(found[1]), dtype=np.float32))
        elif digest in by_hash:
            vectors.append(np.frombuffer(bytes(by_hash[digest]), dtype=np.float32))
            to_store[key] = (digest, vectors[-1])
        elif digest in _recent:
            vectors.append(_recent[digest])
            to_store[key] = (digest, _recent[digest])
        else:
            vectors.append(None)
            missing.setdefault(digest, []).append(position)
    if missing:
        texts = [documents[positions[0]].get("meaning", "") for positions in missing.values()]
        for (digest, positions), vector in zip(missing.items(), _compute(texts, progress), strict=True):
            _remember(digest, vector)
            for position in positions:
                vectors[position] = vector
                to_store[_key(documents[position])] = (digest, vector)
    _store(to_store)
    return vectors, len(missing)


def _store(rows: dict[tuple[str, str, str], tuple[str, np.ndarray]]) -> None:
    if not rows:
        return
    DocumentEmbedding.objects.bulk_create(
        [
            DocumentEmbedding(
                kind=kind,
                identifier=identifier,
                language_code=language,
                text_hash=digest,
                vector=np.asarray(vector, dtype=np.float32).tobytes(),
            )
            for (kind, identifier, language), (digest, vector) in rows.items()
        ],
        update_conflicts=True,
        unique_fields=["kind", "identifier", "language_code"],
        update_fields=["text_hash", "vector", "updated_at"],
        batch_size=500,
    )


def refresh(documents: list[dict], progress=None) -> int:
    """Compute what is missing or stale, drop what no document needs any more; returns how many were computed."""
    started = time.perf_counter()
    with transaction.atomic():
        _, computed = vectors_for(documents, progress)
        wanted = {_key(document) for document in documents}
        stale = [
            pk
            for pk, kind, identifier, language in DocumentEmbedding.objects.values_list(
                "pk", "kind", "identifier", "language_code"
            )
            if (kind, identifier, language) not in wanted
        ]
        DocumentEmbedding.objects.filter(pk__in=stale).delete()
    if computed:
        logger.info("Embedded %d search documents in %.1f s", computed, time.perf_counter() - started)
    return computed

"""WSGI entry point for latency benchmarks: the site, with N times the documents in its search engine.

``MELAYANI_BENCH_SCALE=N`` adds N-1 synthetic copies of every search document
(new identifiers, same text, so the same stored embeddings) when the engine is
built. Never used by the site.
"""

import os

from melayani.wsgi import application
from search import site_search

SCALE = int(os.environ.get("MELAYANI_BENCH_SCALE", "1"))
_searchable_documents = site_search.searchable_documents


def _scaled_documents(documents):
    copies = list(documents)
    for number in range(1, SCALE):
        copies += [{**document, "id": f"{document['id']}~{number}"} for document in documents]
    return copies


if SCALE > 1:
    site_search.searchable_documents = lambda scopes=None: _scaled_documents(_searchable_documents(scopes))

__all__ = ["application"]

"""WSGI entry point for latency benchmarks: the site, with N times the documents in its search engine.

``MELAYANI_BENCH_SCALE=N`` adds N-1 synthetic copies of every search document
(new identifiers, same text) when the engine is built. Never used by the site.
"""

import os

from melayani.wsgi import application
from search import service

SCALE = int(os.environ.get("MELAYANI_BENCH_SCALE", "1"))
_build_engine = service.build_engine


def _scaled_documents(documents):
    copies = list(documents)
    for number in range(1, SCALE):
        copies += [{**document, "id": f"{document['id']}~{number}"} for document in documents]
    return copies


def scaled_build_engine():
    original = service.documents_from_directory
    service.documents_from_directory = lambda opds: _scaled_documents(original(opds))
    try:
        return _build_engine()
    finally:
        service.documents_from_directory = original


if SCALE > 1:
    service.build_engine = scaled_build_engine

__all__ = ["application"]

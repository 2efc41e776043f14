"""A worker gets ready before its first request: the language model loaded, the search engine built.

``gunicorn.conf.py`` calls ``warm_up_worker`` in each worker after it loaded the site and before it
takes requests, so that no citizen waits for the model (1.7 s) or the engine. Nothing else calls
it: tests and ``manage.py`` commands that never search never pay for it.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import connections

from . import embeddings, shown_hits, site_search

logger = logging.getLogger(__name__)

# How often a worker that is still warming up tells gunicorn it is alive (gunicorn's timeout is 30 s).
HEARTBEAT_SECONDS = 1.0
WARM_UP_QUERY = "ktp hilang"


def warm_up():
    """Load the model and build the engine; a failure (the database down) is logged, never raised:
    the worker then starts anyway and its first search does the rest."""
    started = time.monotonic()
    try:
        embeddings.load_model()
        # A whole search, not just the engine: the analysis and the pages' loading have first-time costs too.
        site_search.search(WARM_UP_QUERY, settings.LANGUAGE_CODE)
        # What every document shows, read now: a query never seen before then reads no page.
        language_codes = [code for code, _name in settings.LANGUAGES]
        shown = shown_hits.fill(site_search.site_engine(), language_codes, _load_hits)
    except Exception:
        logger.exception("Search warm-up failed; the first search will load what is missing")
        return False
    logger.info("Search ready in %.1f s (%d hits read)", time.monotonic() - started, shown)
    return True


def _load_hits(items, language_code):
    return site_search.load_hits(items, language_code, None)


def _warm_up_and_disconnect():
    try:
        warm_up()
    finally:
        connections.close_all()  # the thread's own connections: nobody would close them otherwise


def warm_up_worker(worker):
    """``warm_up`` in a gunicorn worker, telling the arbiter it is alive while the engine is built."""
    if not settings.SEARCH_WARM_UP:
        return
    thread = threading.Thread(target=_warm_up_and_disconnect, name="search-warm-up", daemon=True)
    thread.start()
    while thread.is_alive():
        worker.notify()
        thread.join(HEARTBEAT_SECONDS)

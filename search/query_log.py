"""Counting a search in the log once its answer is sent: the log never delays or fails a search.

The search page and the API call ``count_after_response``; the count is written when
Django finishes the request (``request_finished``, sent when the server closes the
response, after the last byte went out). A database that refuses the write (locked,
down) costs one uncounted search and a warning, nothing else.
"""

import contextlib
import logging
import threading

from django.core.signals import request_finished, request_started
from django.db import Error, connection, transaction

from .models import SearchQueryLog

logger = logging.getLogger(__name__)
_pending = threading.local()  # the searches of the request this thread is answering

# A count is not worth holding a worker: the write waits this long for a lock, then gives up.
LOCK_WAIT_MILLISECONDS = 500


def count_after_response(query, language_code, result_count, on_results_page=False):
    """Count this search in the log when the response has been sent; ``on_results_page``: a citizen saw
    it on the results page, where what they open is followed (the API's callers are not)."""
    if not hasattr(_pending, "searches"):
        _pending.searches = []
    _pending.searches.append((query, language_code, result_count, on_results_page))


def _forget_pending(**kwargs):
    _pending.searches = []


def write_pending(**kwargs):
    """Write the counts of the request just finished; a refusal is logged and dropped."""
    searches, _pending.searches = getattr(_pending, "searches", []), []
    for query, language_code, result_count, on_results_page in searches:
        try:
            with _short_lock_wait():
                SearchQueryLog.record(query, language_code, result_count, on_results_page)
        except Error as error:  # InterfaceError too (a connection closed under it): no DatabaseError
            logger.warning("A search was not counted in the search log: %s", error)


@contextlib.contextmanager
def _short_lock_wait():
    """A transaction whose writes wait at most ``LOCK_WAIT_MILLISECONDS`` for another connection's lock."""
    if connection.vendor != "sqlite":
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{LOCK_WAIT_MILLISECONDS}ms"])
            yield
        return
    # SQLite waits for the connection's busy timeout, already when the transaction begins.
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        usual = int(cursor.fetchone()[0])
        cursor.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_MILLISECONDS}")
        try:
            with transaction.atomic():
                yield
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {usual}")


def connect():
    """Called once, from the app's ``ready``."""
    request_started.connect(_forget_pending, dispatch_uid="search-log-forget")
    request_finished.connect(write_pending, dispatch_uid="search-log-write")

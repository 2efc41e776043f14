"""Embeddings follow content: after a publish or unpublish commits, what changed is embedded,
and sent to the search engine when one is configured."""

import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signals import page_published, page_unpublished

from . import site_search

logger = logging.getLogger(__name__)
_deferred = threading.local()
_pending = threading.local()  # ids of the pages published or unpublished in this thread's transaction


@contextmanager
def embeddings_deferred():
    """For bulk writers (an import) that refresh the embeddings once themselves, with progress."""
    _deferred.active = getattr(_deferred, "active", 0) + 1
    try:
        yield
    finally:
        _deferred.active -= 1


@contextmanager
def index_updates_deferred():
    """For a bulk writer that rebuilds the search index once at the end (``update_index``): saves in this
    block do not index their object one by one.

    A page is saved five or six times on its way through an import (created, revised, published, then
    its translation likewise), and each save re-indexed it: a fifth of the demo's build. The handlers are
    disconnected for the whole process, so this is for management commands, not for a serving process.
    """
    paused = [model for model in get_indexed_models() if post_save.disconnect(post_save_signal_handler, sender=model)]
    try:
        yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)


def _refresh():
    page_ids, _pending.page_ids = getattr(_pending, "page_ids", set()), set()
    try:
        site_search.refresh_embeddings_for_pages(page_ids)
    except Exception:  # the publish has happened; a missing embedding is computed at the next engine build
        logger.exception("Search embeddings could not be refreshed")
    site_search.send_changes_to_engine()


@receiver(page_published)
@receiver(page_unpublished)
def refresh_embeddings_after_commit(sender, instance, **kwargs):
    if getattr(_deferred, "active", 0):
        return
    _pending.page_ids = getattr(_pending, "page_ids", set()) | {instance.pk}
    connection = transaction.get_connection()
    # Once per transaction, however many pages it publishes.
    if not any(callback[1] is _refresh for callback in connection.run_on_commit):
        transaction.on_commit(_refresh)

"""The whole-page cache for anonymous visitors (``pages``), its Redis backend and its purges.

Apps tell it what else shows on public pages from their ``AppConfig.ready``:
``purges.refresh_on_signal(signal, name)`` for a signal of theirs,
``purges.refresh_on_save(Model)`` for a snippet shown on pages.
"""

from .pages import GENERATION_KEY, PageCacheMiddleware, accept_query, page_cache, valid_until

__all__ = ["GENERATION_KEY", "PageCacheMiddleware", "accept_query", "page_cache", "valid_until"]

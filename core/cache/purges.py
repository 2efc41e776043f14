"""When the page cache starts a new generation: after every committed change anonymous visitors could see.

Office, service, directory, news and home pages show each other's titles and
the site settings, so one change purges every page (the demo site is a few
hundred pages; refilling it costs little). The purge runs after the
transaction commits: before it, a render in flight would read and store the
old content. Changes that may hide something (unpublish, deletion, move, view
restrictions, sites, locales) also renew the epoch, so that no copy from
before them is served even when a render fails (``core/cache/pages.py``). Apps add
what only they know from their ``AppConfig.ready`` (``refresh_on_signal``,
``refresh_on_save``): this module imports none of them..
"""

from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .pages import start_new_generation


def purge_after_commit(hide=False):
    if settings.PAGE_CACHE_TIMEOUT:
        transaction.on_commit(partial(start_new_generation, hide=hide), robust=True)


def refresh_pages(**kwargs):
    """Something shown on public pages changed."""
    purge_after_commit()


def hide_pages(**kwargs):
    """Something may no longer be public: no older copy of any page may be served, not even on an error."""
    purge_after_commit(hide=True)


def _connect(signal, receiver, sender, name):
    signal.connect(receiver, sender=sender, dispatch_uid=f"melayani-page-cache-{name}")


def connect_purge_signals():
    """Called once from ``CoreConfig.ready``."""
    _connect(page_published, refresh_pages, None, "published")
    _connect(page_unpublished, hide_pages, None, "unpublished")
    _connect(post_page_move, hide_pages, None, "moved")
    # Per model, not for every sender: a post_delete receiver for all models would turn
    # off Django's fast deletes everywhere.
    _connect(post_delete, hide_pages, Page, "page-delete")
    # A password or a group restriction, its change or removal (Wagtail's privacy dialog
    # saves the restriction, then its groups).
    for signal in (post_save, post_delete):
        _connect(signal, hide_pages, PageViewRestriction, f"restriction-{signal is post_save}")
        _connect(signal, hide_pages, Site, f"site-{signal is post_save}")
        _connect(signal, hide_pages, Locale, f"locale-{signal is post_save}")
    _connect(m2m_changed, hide_pages, PageViewRestriction.groups.through, "restriction-groups")
    for model in apps.get_models():
        if issubclass(model, (BaseGenericSetting, BaseSiteSetting)):
            for signal in (post_save, post_delete):
                _connect(signal, refresh_pages, model, f"{model._meta.label}-{signal is post_save}")


def refresh_on_signal(signal, name):
    """Purge every page after ``signal``: something an app shows changed without a publish."""
    _connect(signal, refresh_pages, None, name)


def refresh_on_save(model):
    """Purge every page after ``model`` is saved or deleted: a snippet that pages show."""
    for signal in (post_save, post_delete):
        _connect(signal, refresh_pages, model, f"{model._meta.label}-{signal is post_save}")

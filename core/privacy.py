"""Private means private in every language: a page's view restrictions follow its translations.

Wagtail asks for the password or the login when it serves a page under a view restriction,
and ``PageQuerySet.public()`` leaves such pages out; neither knows about translations. A
wagtail-localize translation is a page of its own in another tree (``/en/...``) that shares
only the ``translation_key``, so an office made private in Indonesian stayed public in
English, and so did everything that falls back to another language.

Rather than teach every reader about translations, the translations of a page keep the same
restrictions (type, password, groups): whenever a restriction is saved or deleted, or its
groups change, each translation of its page is given the same set. Wagtail itself then guards
the English page and its descendants (the services of an office), its admin shows both pages
as private, ``.public()`` leaves out both languages, each copy writes Wagtail's
``wagtail.view_restriction.*`` log entry (which the site search follows) and the page cache
purges on its signals. A restriction on an ancestor (the directory index) is copied to the
ancestor's translations in the same way and reaches the descendants through Wagtail. A page
translated later (``copy_for_translation``, as wagtail-localize does) takes the restrictions
of its translations, for itself and its ancestors: Wagtail's copy brings the page's own,
except under a parent that is already private, where the invariant would otherwise break.
The data migration ``core.0003`` copies those made before this module existed.

A restriction is copied at once, inside the same transaction. Its removal is copied after the
commit, and only while its page still exists: a page that is deleted takes its restriction
with it, which must not make its translations public (becoming public later is never a
leak). The copies are written with the same signals; a context flag keeps them from being
copied back (no loop).

``visible_to_public`` is the one filter public views and APIs use: live, public and with no
private translation, which holds even for restrictions this module has not copied.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done

_copying = ContextVar("copying_view_restrictions", default=False)


def visible_to_public(pages):
    """``pages`` that anyone may see: live, not under a view restriction, in any of their languages.

    What ``live().public()`` does, in as many queries (one reads the restrictions): a page under a
    restriction is among the pages whose translation key is left out.
    """
    private_keys = Page.objects.filter(Page.objects.private_q()).values("translation_key")
    return pages.live().exclude(translation_key__in=private_keys)


def public_page_ids():
    """A subquery of the ids of every page ``visible_to_public``: for the models pages hold (contacts)."""
    return visible_to_public(Page.objects.all()).values("pk")


def _terms(restriction):
    return restriction.restriction_type, restriction.password, {group.pk for group in restriction.groups.all()}


@contextmanager
def _copying_restrictions():
    token = _copying.set(True)
    try:
        yield
    finally:
        _copying.reset(token)


def copy_restrictions(source, targets):
    """Give each page of ``targets`` the same view restrictions as ``source``, changing only what differs."""
    wanted = [_terms(restriction) for restriction in source.view_restrictions.prefetch_related("groups")]
    with _copying_restrictions():
        for target in targets:
            existing = list(target.view_restrictions.prefetch_related("groups").order_by("pk"))
            for restriction, terms in zip(existing, wanted, strict=False):
                if _terms(restriction) != terms:
                    restriction.restriction_type, restriction.password, groups = terms
                    restriction.save()
                    restriction.groups.set(groups)
            for restriction_type, password, groups in wanted[len(existing) :]:
                restriction = PageViewRestriction(page=target, restriction_type=restriction_type, password=password)
                restriction.save()
                restriction.groups.set(groups)
            for restriction in existing[len(wanted) :]:
                restriction.delete()


def translations_of(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def copy_to_translations(page):
    """Make the restrictions of every translation of ``page`` the same as those of ``page``."""
    copy_restrictions(page, translations_of(page))


def adopt_restrictions(page):
    """A new translation: ``page`` and each ancestor without restrictions take those of a restricted translation."""
    for node in page.get_ancestors(inclusive=True).filter(depth__gt=1):
        if node.view_restrictions.exists():
            continue
        restricted = translations_of(node).filter(view_restrictions__isnull=False).order_by("pk").first()
        if restricted is not None:
            copy_restrictions(restricted, [node])


def _copy_after_delete(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        copy_to_translations(page)


def restriction_saved(instance, **kwargs):
    if not _copying.get():
        copy_to_translations(instance.page)


def restriction_deleted(instance, **kwargs):
    if not _copying.get():
        transaction.on_commit(partial(_copy_after_delete, instance.page_id), robust=True)


def restriction_groups_changed(instance, action, reverse, pk_set, **kwargs):
    if _copying.get() or action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        copy_to_translations(instance.page)
        return
    # Restrictions changed from the group's side: ``pk_set`` names them (None after a clear).
    for restriction in PageViewRestriction.objects.filter(pk__in=pk_set or ()).select_related("page"):
        copy_to_translations(restriction.page)


def translation_created(source_obj, target_obj, **kwargs):
    if isinstance(target_obj, Page):
        adopt_restrictions(target_obj)


def connect_privacy_signals():
    """Called once from ``CoreConfig.ready``."""
    uid = "melayani-privacy-{}".format
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid=uid("saved"))
    post_delete.connect(restriction_deleted, sender=PageViewRestriction, dispatch_uid=uid("deleted"))
    groups = PageViewRestriction.groups.through
    m2m_changed.connect(restriction_groups_changed, sender=groups, dispatch_uid=uid("groups"))
    copy_for_translation_done.connect(translation_created, dispatch_uid=uid("translated"))

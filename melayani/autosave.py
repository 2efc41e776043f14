"""A page typed into the admin's create form is created once, whether autosave or *Publish* reaches the server first.

Wagtail's autosave posts the create form in the background and, only once its
answer is back, turns the form into the edit form of the page it created. A
*Publish* clicked right after typing is therefore posted to the create view too:
it either met the autosaved page's slug ("slug already in use", the typed text
shown again on an unsaved form) or, while the autosave was still being written,
crashed in ``add_child`` with a 500 and lost the text. Here every create posted
under one parent is serialised, and a create form whose page the same user's
autosave has just made is handed to that page's edit view, which saves or
publishes it with what was typed.
"""

import contextvars
import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

# How recent a never-published page of the same user and slug must be to count as this form's autosave.
AUTOSAVE_WINDOW = datetime.timedelta(minutes=30)

_creating = contextvars.ContextVar("melayani_creating_page", default=False)


def autosaved_draft(request, parent_page, page_class):
    """The page this user's autosave created from the posted form: same type, parent and slug, never published."""
    slug = request.POST.get("slug", "").strip()
    if not slug:
        return None
    return (
        page_class.objects.child_of(parent_page)
        .filter(
            slug=slug,
            owner=request.user,
            live=False,
            first_published_at__isnull=True,
            alias_of__isnull=True,
            latest_revision_created_at__gte=timezone.now() - AUTOSAVE_WINDOW,
        )
        .first()
    )


def create_once(request, parent_page, page_class):
    """``before_create_page``: run a posted create alone under its parent, as an edit when autosave got there first."""
    if request.method != "POST" or _creating.get():
        return None
    token = _creating.set(True)
    try:
        with transaction.atomic():
            # A write first: the database holds a concurrent create under the same parent
            # here until this one commits (row lock on PostgreSQL, write lock on SQLite).
            Page.objects.filter(pk=parent_page.pk).update(numchild=F("numchild"))
            draft = autosaved_draft(request, parent_page, page_class)
            if draft is not None:
                return EditView.as_view()(request, page_id=draft.pk)
            return CreateView.as_view()(request, **request.resolver_match.kwargs)
    finally:
        _creating.reset(token)

"""English follows Indonesian: publishing an original brings its translations up to date at once.

wagtail-localize only refreshes a translation when someone with the
*submit translation* permission runs *Sync translated pages*; until then the
English page keeps every old phone number. Here each publish of an Indonesian
office or service page refreshes its translation source from the database and
saves and publishes each enabled (synced) translation with wagtail-localize's
own machinery: synchronised fields (numbers, names, dates, officers) and inline
contacts are copied, text keeps its translation where the Indonesian did not
change, and changed text falls back to the Indonesian until a translator
catches up (``status`` tells the templates which fields those are).
"""

import contextlib
import contextvars

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.log_actions import get_active_log_context
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from ..models import SourceTextChange

_suspended = contextvars.ContextVar("directory_translation_sync_suspended", default=False)


@contextlib.contextmanager
def suspended():
    """Within this block publishing does not refresh translations: the importer writes both languages itself."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def follows_source(page):
    """Whether publishing ``page`` should refresh its translations: a live original, outside an import."""
    return not _suspended.get() and page.live and page.alias_of_id is None and page.locale_id == Locale.get_default().pk


def record_changes(source, before):
    """Date the texts of ``source`` whose wording differs from ``before`` (``{context id: string id}``)."""
    now = timezone.now()
    # A wording already dated keeps its first date (the unique constraint, ignored).
    SourceTextChange.objects.bulk_create(
        [
            SourceTextChange(context_id=context_id, string_id=string_id, changed_at=now)
            for context_id, string_id in source.stringsegment_set.values_list("context_id", "string_id")
            if before.get(context_id) not in (None, string_id)
        ],
        ignore_conflicts=True,
    )


def update_translations(page, user=None):
    """Refresh the translation source of ``page`` and publish each synced translation; return those published.

    A translation whose target fails validation (a translator's text too long for a
    changed field, say) is left as it was, as wagtail-localize's own sync does.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return []
    user = user or get_active_log_context().user
    before = dict(source.stringsegment_set.values_list("context_id", "string_id"))
    source.update_from_db()
    record_changes(source, before)
    published = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        with contextlib.suppress(ValidationError):
            # Saved as a draft, then published here rather than in wagtail-localize's
            # ``transaction.on_commit``: the English page must be live within this
            # request (cache purge, search) and outlast no outer transaction.
            translation.save_target(user=user, publish=False)
            target = page.get_translation(translation.target_locale)
            # The original's publish was authorised; its translation follows it.
            target.get_latest_revision().publish(user=user, skip_permission_checks=True)
            published.append(target)
    return published

"""Which text of a translated page still shows the original's words, and since when.

When Indonesian text changes, wagtail-localize keeps the old English translation
stored against the old Indonesian string, and the synced English page falls back
to the new Indonesian text (``sync``). Readers must see that this text
is in Indonesian (``lang="id"`` and a note), and the communications team needs to
see what awaits a translator.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils.translation import get_language_info
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

# Segments that readers never see as text.
HIDDEN_PATHS = frozenset({"slug", "seo_title", "search_description"})
CONTACT_TEXT_FIELDS = ("position", "field_of_work", "handles")


@dataclass(frozen=True)
class Fallback:
    """The segment paths of one translated page that show the original text, and the original's language."""

    language: str = ""
    paths: frozenset = field(default_factory=frozenset)

    def lang(self, path):
        """The ``lang`` of the text at ``path`` when it is not the page's own language, else ``""``."""
        return self.language if path in self.paths else ""

    @property
    def text_lang(self):
        """``{path: language}`` of the untranslated text, for templates (``text_lang.summary``)."""
        return dict.fromkeys(self.paths, self.language)

    @property
    def any_visible(self):
        return bool(self.paths - HIDDEN_PATHS)

    @property
    def language_name(self):
        return get_language_info(self.language)["name_translated"] if self.language else ""


NO_FALLBACK = Fallback()


def source_of(page):
    """The translation source ``page`` was translated from, or ``None`` for an original."""
    return (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .first()
    )


def is_translated(locale_id):
    """For an annotation of ``StringSegment``: whether the segment has a usable translation into ``locale_id``."""
    return Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
    )


def fallback_of(page):
    """Text segments of ``page`` with no translation into its language (shown in the original's language)."""
    source = source_of(page)
    if source is None:
        return NO_FALLBACK
    paths = (
        StringSegment.objects.filter(source=source)
        .exclude(is_translated(page.locale_id))
        .values_list("context__path", flat=True)
    )
    return Fallback(source.locale.language_code, frozenset(paths))


def mark_contacts(contacts, fallback):
    """Give each contact ``text_lang``: ``{field: language}`` for its text still in the original's language."""
    for contact in contacts:
        contact.text_lang = {
            name: fallback.language
            for name in CONTACT_TEXT_FIELDS
            if f"contacts.{contact.translation_key}.{name}" in fallback.paths
        }
    return contacts


def stream_items(page, field_name, fallback):
    """``[(text, lang)]`` for the blocks of a stream of plain-text items."""
    return [(block.value, fallback.lang(f"{field_name}.{block.id}")) for block in getattr(page, field_name)]

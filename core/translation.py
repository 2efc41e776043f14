"""English versions of imported pages as real wagtail-localize translations.

The importer knows both languages of every text. Rather than writing a second
page tree by hand, it stores the English strings as translations of the
Indonesian page's segments and lets wagtail-localize build the English page,
so editors later see and edit it in the translation interface.
"""

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue


def store_translations(instance, translations_by_path, locale):
    """Record ``{segment path: text}`` as the ``locale`` strings of ``instance``; return its Translation.

    Segments without an entry keep the source text (wagtail-localize's fallback).
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("context")
    wanted = {}
    for segment in segments:
        text = translations_by_path.get(segment.context.path)
        if text:
            wanted[segment.string_id, segment.context_id] = StringValue.from_plaintext(text).data
    existing = StringTranslation.objects.filter(
        locale=locale, translation_of_id__in={string for string, _ in wanted}, context_id__in={c for _, c in wanted}
    )
    for translation in existing:
        data = wanted.pop((translation.translation_of_id, translation.context_id), None)
        if data is not None:
            _set_manual(translation, data).save()
    # A new page's strings are all new: one insert, not a query and an insert each. Plain text never
    # holds the invalid HTML or links that StringTranslation.save() checks for.
    StringTranslation.objects.bulk_create(
        _set_manual(StringTranslation(translation_of_id=string, context_id=context, locale=locale), data)
        for (string, context), data in wanted.items()
    )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


def _set_manual(translation, data):
    translation.data = data
    translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    translation.has_error = False
    translation.field_error = ""
    return translation


def translate_page(page, translations_by_path, locale):
    """Create or update the ``locale`` translation of ``page`` from ``{segment path: text}``, published."""
    translation = store_translations(page, translations_by_path, locale)
    # wagtail-localize defers the publish to transaction.on_commit, publishing a
    # revision whose page carries the tree counters of that moment; inside the
    # importer's transaction, children added meanwhile would then be lost from
    # the parent's numchild. Publish here instead, from a freshly loaded revision.
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    translated.get_latest_revision().publish()
    return page.get_translation(locale)


def ensure_bilingual_child(parent, page_class, texts, locale):
    """The ``page_class`` child of ``parent``, created and translated into ``locale`` when missing.

    ``texts`` maps each field (``title``, ``slug``, ``introduction`` …) to ``{"id": …, "en": …}``;
    what already exists is left as it is.
    """
    page = page_class.objects.child_of(parent).first()
    if page is None:
        page = parent.add_child(instance=page_class(**{field: value["id"] for field, value in texts.items()}))
        page.save_revision().publish()
    if page.get_translation_or_none(locale) is None:
        translate_page(page, {field: value["en"] for field, value in texts.items()}, locale)
    return page


def translate_snippet(instance, translations_by_path, locale):
    """The snippet counterpart of ``translate_page``: editors later find it under *Translate*."""
    store_translations(instance, translations_by_path, locale).save_target()
    return instance.get_translation(locale)


def stream_paths(field_name, stream, texts):
    """Pair each block of a StreamField with the translated text at the same position."""
    return {f"{field_name}.{block.id}": text for block, text in zip(stream, texts, strict=False)}


def contact_paths(relation_name, contacts_with_texts):
    """Segment paths of translatable contact fields: ``contacts.<translation key>.<field>``."""
    paths = {}
    for contact, texts in contacts_with_texts:
        for field_name, text in texts.items():
            paths[f"{relation_name}.{contact.translation_key}.{field_name}"] = text
    return paths

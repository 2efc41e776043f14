"""The announcements' fixed parts: the four categories and the index page, in both languages."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from directory.translation import translate_page

from .models import SERVICE_NOTICE, AnnouncementCategory, AnnouncementIndexPage

CATEGORIES = {
    "news": {"id": "Berita", "en": "News"},
    "announcement": {"id": "Pengumuman", "en": "Announcement"},
    "agenda": {"id": "Agenda", "en": "Events"},
    SERVICE_NOTICE: {"id": "Info layanan", "en": "Service notice"},
}
INDEX = {
    "slug": {"id": "berita", "en": "news"},
    "title": {"id": "Berita dan Pengumuman", "en": "News and Announcements"},
    "introduction": {
        "id": "Berita, pengumuman, agenda dan info layanan dari perangkat daerah Kabupaten Banyuwangi.",
        "en": "News, announcements, events and service notices from the offices of the Banyuwangi regency.",
    },
}


@transaction.atomic
def ensure_announcement_index(home):
    """Create what is missing under ``home`` (the source-language home page); change nothing that exists."""
    english, _created = Locale.objects.get_or_create(language_code="en")
    ensure_categories(home.locale, english)
    index_page = AnnouncementIndexPage.objects.child_of(home).first()
    if index_page is None:
        index_page = home.add_child(
            instance=AnnouncementIndexPage(
                title=INDEX["title"]["id"],
                slug=INDEX["slug"]["id"],
                introduction=INDEX["introduction"]["id"],
            )
        )
        index_page.save_revision().publish()
    if index_page.get_translation_or_none(english) is None:
        translate_page(
            index_page,
            {"title": INDEX["title"]["en"], "slug": INDEX["slug"]["en"], "introduction": INDEX["introduction"]["en"]},
            english,
        )
    return index_page


def ensure_categories(source_locale, english):
    for code, names in CATEGORIES.items():
        category, _created = AnnouncementCategory.objects.get_or_create(
            code=code, locale=source_locale, defaults={"name": names["id"]}
        )
        if category.get_translation_or_none(english) is None:
            translate_snippet(category, {"name": names["en"]}, english)


def translate_snippet(instance, translations_by_path, locale):
    """Create the ``locale`` translation of a translatable snippet through wagtail-localize.

    The snippet counterpart of ``directory.translation.translate_page``: editors
    later find the translation under *Translate* like any other.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = translations_by_path.get(segment.context.path)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(text).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "has_error": False,
                    "field_error": "",
                },
            )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target()
    return instance.get_translation(locale)

"""The announcements' fixed parts: the four categories and the index page, in both languages."""

from django.db import transaction
from wagtail.models import Locale

from core.translation import ensure_bilingual_child, translate_snippet

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
    index_page = ensure_bilingual_child(home, AnnouncementIndexPage, INDEX, english)
    return index_page


def ensure_categories(source_locale, english):
    for code, names in CATEGORIES.items():
        category, _created = AnnouncementCategory.objects.get_or_create(
            code=code, locale=source_locale, defaults={"name": names["id"]}
        )
        if category.get_translation_or_none(english) is None:
            translate_snippet(category, {"name": names["en"]}, english)

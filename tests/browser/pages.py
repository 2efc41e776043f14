"""The public pages every browser check visits, per language."""

from urllib.parse import urlsplit

LANGUAGES = ("id", "en")
PAGES = {
    "id": {
        "home": "/id/",
        "directory": "/id/direktori/",
        "directory by type": "/id/direktori/?kind=kecamatan",
        "office": "/id/direktori/dispendukcapil/",
        "service": "/id/direktori/dispendukcapil/ktp-el-hilang-rusak/",
        "search results": "/id/search/?q=ktp+hilang",
        "page not found": "/id/halaman-yang-tidak-ada/",
    },
    "en": {
        "home": "/en/",
        "directory": "/en/directory/",
        "directory by type": "/en/directory/?kind=kecamatan",
        "office": "/en/directory/dispendukcapil/",
        "service": "/en/directory/dispendukcapil/ktp-el-hilang-rusak/",
        "search results": "/en/search/?q=lost+id+card",
        "page not found": "/en/no-such-page/",
    },
}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def announcements_index_path(language):
    """Path of the announcements index in ``language``, or None when the database has none."""
    try:
        from announcements.models import AnnouncementIndexPage
    except ImportError:
        return None
    index = AnnouncementIndexPage.objects.live().filter(locale__language_code=language).first()
    return urlsplit(index.url).path if index is not None and index.url else None

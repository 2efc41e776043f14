import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from announcements.models import AnnouncementPage
from tests.factories.announcements import AnnouncementPageFactory
from tests.support.html import hrefs, json_ld, language, links, meta_properties, page, text_of, texts, visible_text

from .conftest import SECRETARIAT
from .helpers import listed_titles

pytestmark = pytest.mark.django_db


def test_announcement_page_shows_title_date_lead_and_body(client, site):
    article = page(client, "/id/berita/peluncuran/").select_one("main article")
    assert text_of(article, "h1") == "Banyuwangi Melayani diluncurkan"
    date = article.select_one(".kicker time")
    assert (date["datetime"], visible_text(date)) == ("2025-03-10", "10 Maret 2025")
    assert text_of(article, ".lead").startswith("Temukan petugas yang tepat")
    body = article.select_one(".announcement__body")
    assert texts(body, "h2") == ["Apa yang bisa dilakukan warga"]
    assert texts(body, "blockquote") == ["Satu pencarian menemukan petugas yang tepat."]
    assert texts(body, "table caption") == ["Jam buka"]
    [(title, href)] = [link for link in links(body) if link[1].startswith("/documents/")]
    assert title == "Jadwal pelayanan" and href.endswith("/jadwal.pdf")


def test_images_are_responsive_renditions_in_modern_formats_with_alt_text(client, site):
    article = page(client, "/id/berita/peluncuran/").select_one("main article")
    featured = article.select_one(".announcement-figure picture")
    assert {source["type"] for source in featured.select("source")} >= {"image/avif", "image/webp"}
    assert all(source["sizes"] == "(min-width: 50rem) 50rem, 100vw" for source in featured.select("source"))
    assert featured.select_one("img")["alt"] == "Petugas pada acara peluncuran"
    assert [image["alt"] for image in article.select(".announcement__body img")] == [
        "Ruang pelayanan pada hari peluncuran"
    ]


def test_news_article_data_is_valid_json_ld(client, site):
    data = json_ld(page(client, "/id/berita/peluncuran/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Banyuwangi Melayani diluncurkan"
    assert data["inLanguage"] == "id"
    assert data["datePublished"].startswith("2025-03-10")
    assert data["image"][0].startswith("http://testserver/")
    assert data["publisher"]["name"] == "Pemerintah Kabupaten Banyuwangi"
    assert data["about"][0]["@type"] == "GovernmentOrganization"
    assert data["about"][0]["url"] == f"http://localhost/id/direktori/{SECRETARIAT}/"


def test_json_ld_cannot_close_its_script_element(client, site):
    announcement = AnnouncementPage.objects.get(pk=site.agenda.pk)
    announcement.lead = "</script><script>alert(1)</script>"
    announcement.save_revision().publish()
    document = page(client, "/id/berita/jemput-bola-ktp-el/")
    assert not [script for script in document.select("script:not([type])") if "alert(1)" in script.get_text()]
    assert json_ld(document)["description"] == "</script><script>alert(1)</script>"


def test_open_graph_tags_describe_the_announcement(client, site):
    tags = meta_properties(page(client, "/en/news/banyuwangi-melayani-launched/"))
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["Banyuwangi Melayani launched"]
    assert tags["og:url"] == ["http://localhost/en/news/banyuwangi-melayani-launched/"]
    assert tags["og:locale"] == ["en_US"]
    assert tags["og:locale:alternate"] == ["id_ID"]
    assert tags["og:image:alt"] == ["Officers at the launch"]
    [image] = tags["og:image"]
    assert image.startswith("http://testserver/") and image.endswith(".jpg")


def test_english_translation_shows_english_text_and_offices(client, site):
    document = page(client, "/en/news/banyuwangi-melayani-launched/")
    assert language(document) == "en"
    article = document.select_one("main article")
    assert text_of(article, "h1") == "Banyuwangi Melayani launched"
    assert text_of(article, ".kicker").startswith("News ·")
    body = article.select_one(".announcement__body")
    assert texts(body, "h2") == ["What citizens can do"]
    assert texts(body, "table caption") == ["Opening hours"]
    assert "Monday" in texts(body, "table td, table th")
    assert [image["alt"] for image in body.select("img")] == ["The service hall on launch day"]
    assert f"/en/directory/{SECRETARIAT}/" in hrefs(article, ".office-list a")


def test_english_translation_is_a_wagtail_localize_translation(site):
    english = AnnouncementPage.objects.get(translation_key=site.launch.translation_key, locale__language_code="en")
    assert english.stable_slug == site.launch.stable_slug
    assert english.category.code == "news"
    assert english.category.locale.language_code == "en"
    # Related offices are kept in sync with the source page, as chosen there.
    assert [link.office_id for link in english.related_offices.all()] == [
        link.office_id for link in site.launch.related_offices.all()
    ]


def test_language_switcher_links_the_translation(client, site):
    switcher = page(client, "/id/berita/peluncuran/").select(".language-switcher a[hreflang=en]")
    assert [link["href"] for link in switcher] == ["/en/news/banyuwangi-melayani-launched/"]


def test_scheduled_announcement_appears_only_once_its_time_has_come(client, site):
    go_live_at = timezone.now() + datetime.timedelta(days=1)
    announcement = AnnouncementPageFactory(
        parent=site.index, title="Pengumuman terjadwal", slug="pengumuman-terjadwal", live=False, go_live_at=go_live_at
    )
    announcement.save_revision().publish()
    call_command("publish_scheduled")
    assert "Pengumuman terjadwal" not in listed_titles(page(client, "/id/berita/"))
    page(client, "/id/berita/pengumuman-terjadwal/", status=404)

    with mock.patch("django.utils.timezone.now", return_value=go_live_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    assert "Pengumuman terjadwal" in listed_titles(page(client, "/id/berita/"))
    page(client, "/id/berita/pengumuman-terjadwal/")


def test_expired_announcement_is_withdrawn_by_publish_scheduled(client, site):
    announcement = AnnouncementPage.objects.get(pk=site.agenda.pk)
    announcement.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    announcement.save()
    call_command("publish_scheduled")
    assert site.agenda.title not in listed_titles(page(client, "/id/berita/"))

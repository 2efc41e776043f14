import datetime
import json
import re
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from announcements.models import AnnouncementCategory, AnnouncementPage

from .helpers import html_of, listed_titles

pytestmark = pytest.mark.django_db


def json_ld_of(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_announcement_page_shows_title_date_lead_and_body(client, site):
    html = html_of(client, "/id/berita/peluncuran/")
    assert "<h1>Banyuwangi Melayani diluncurkan</h1>" in html
    assert '<time datetime="2025-03-10">10 Maret 2025</time>' in html
    assert "Temukan petugas yang tepat" in html
    assert "<h2>Apa yang bisa dilakukan warga</h2>" in html
    assert "<blockquote><p>Satu pencarian menemukan petugas yang tepat.</p></blockquote>" in html
    assert "<caption>Jam buka</caption>" in html
    assert re.search(r'<a href="/documents/\d+/jadwal\.pdf">Jadwal pelayanan</a>', html)


def test_images_are_responsive_renditions_in_modern_formats_with_alt_text(client, site):
    html = html_of(client, "/id/berita/peluncuran/")
    assert '<source type="image/avif"' in html or 'type="image/avif"' in html
    assert 'type="image/webp"' in html
    assert 'sizes="(min-width: 50rem) 50rem, 100vw"' in html
    assert 'alt="Petugas pada acara peluncuran"' in html
    assert 'alt="Ruang pelayanan pada hari peluncuran"' in html


def test_news_article_data_is_valid_json_ld(client, site):
    data = json_ld_of(html_of(client, "/id/berita/peluncuran/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Banyuwangi Melayani diluncurkan"
    assert data["inLanguage"] == "id"
    assert data["datePublished"].startswith("2025-03-10")
    assert data["image"][0].startswith("http://testserver/")
    assert data["publisher"]["name"] == "Pemerintah Kabupaten Banyuwangi"
    assert data["about"][0]["@type"] == "GovernmentOrganization"
    assert data["about"][0]["url"] == "http://localhost/id/direktori/setda/"


def test_json_ld_cannot_close_its_script_element(client, site):
    page = AnnouncementPage.objects.get(pk=site.agenda.pk)
    page.lead = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    html = html_of(client, "/id/berita/jemput-bola-ktp-el/")
    assert "<script>alert(1)" not in html
    assert json_ld_of(html)["description"] == "</script><script>alert(1)</script>"


def test_open_graph_tags_describe_the_announcement(client, site):
    html = html_of(client, "/en/news/banyuwangi-melayani-launched/")
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Banyuwangi Melayani launched">' in html
    assert '<meta property="og:url" content="http://localhost/en/news/banyuwangi-melayani-launched/">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<meta property="og:locale:alternate" content="id_ID">' in html
    assert '<meta property="og:image:alt" content="Officers at the launch">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.jpg">', html)


def test_english_translation_shows_english_text_and_offices(client, site):
    html = html_of(client, "/en/news/banyuwangi-melayani-launched/")
    assert '<html lang="en"' in html
    assert "<h1>Banyuwangi Melayani launched</h1>" in html
    assert "<h2>What citizens can do</h2>" in html
    assert "<caption>Opening hours</caption>" in html
    assert "Monday" in html
    assert 'alt="The service hall on launch day"' in html
    assert "News ·" in html
    assert 'href="/en/directory/setda/"' in html


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
    html = html_of(client, "/id/berita/peluncuran/")
    assert 'href="/en/news/banyuwangi-melayani-launched/" hreflang="en"' in html


def test_scheduled_announcement_appears_only_once_its_time_has_come(client, site):
    go_live_at = timezone.now() + datetime.timedelta(days=1)
    page = site.index.add_child(
        instance=AnnouncementPage(
            title="Pengumuman terjadwal",
            slug="pengumuman-terjadwal",
            category=AnnouncementCategory.objects.get(code="news", locale=Locale.get_default()),
            lead="Terbit besok.",
            live=False,
            go_live_at=go_live_at,
        )
    )
    page.save_revision().publish()
    call_command("publish_scheduled")
    assert "Pengumuman terjadwal" not in listed_titles(html_of(client, "/id/berita/"))
    html_of(client, "/id/berita/pengumuman-terjadwal/", status=404)

    with mock.patch("django.utils.timezone.now", return_value=go_live_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    assert "Pengumuman terjadwal" in listed_titles(html_of(client, "/id/berita/"))
    html_of(client, "/id/berita/pengumuman-terjadwal/")


def test_expired_announcement_is_withdrawn_by_publish_scheduled(client, site):
    page = AnnouncementPage.objects.get(pk=site.agenda.pk)
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()
    call_command("publish_scheduled")
    assert site.agenda.title not in listed_titles(html_of(client, "/id/berita/"))

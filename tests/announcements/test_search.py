import pytest
from wagtail.models import Locale

from announcements.search import announcement_documents, localized_announcements
from search import site_search

from .conftest import REGISTRY

pytestmark = pytest.mark.django_db


def test_search_documents_include_every_announcement_in_each_language(site):
    documents = {(doc["id"], doc["locale"]): doc for doc in announcement_documents()}
    renovation = documents[(site.current_notice.stable_slug, "en")]
    assert renovation["type"] == "news"
    assert renovation["title"] == "Dispendukcapil service hall under renovation"
    assert renovation["office"] == REGISTRY
    assert renovation["fields"]["category"] == "Service notice"
    assert "Population and Civil Registration" in " ".join(renovation["fields"]["office"])
    assert documents[(site.current_notice.stable_slug, "id")]["fields"]["category"] == "Info layanan"
    assert (site.announcement.stable_slug, "en") not in documents


def test_search_documents_carry_the_body_as_plain_text(site):
    documents = {(doc["id"], doc["locale"]): doc for doc in announcement_documents()}
    body = documents[(site.launch.stable_slug, "en")]["fields"]["body"]
    assert "The regency opened its directory to citizens." in body
    assert "<p>" not in body


def test_localized_announcements_prefer_the_locale_and_fall_back_to_the_original(site):
    english = Locale.objects.get(language_code="en")
    found = localized_announcements([site.launch.stable_slug, site.announcement.stable_slug], english)
    assert found[("news", site.launch.stable_slug)].title == "Banyuwangi Melayani launched"
    assert found[("news", site.announcement.stable_slug)].title == site.announcement.title


def test_site_search_finds_announcements_as_news(site):
    outcome = site_search.search("renovation Dispendukcapil", "en", types=["news"])
    assert outcome.hits
    assert outcome.hits[0].type == "news"
    assert outcome.hits[0].url == "/en/news/dispendukcapil-renovation/"
    assert outcome.hits[0].snippet == "Services move temporarily to the Public Service Mall."

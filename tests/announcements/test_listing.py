import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from announcements import models
from tests.support.html import hrefs, page, section, visible_text

from .conftest import DISTRICT, REGISTRY
from .helpers import listed_titles

pytestmark = pytest.mark.django_db


def test_index_lists_announcements_newest_first(client, site):
    titles = listed_titles(page(client, "/id/berita/"))
    assert titles == [
        site.current_notice.title,
        site.expired_notice.title,
        site.launch.title,
        site.agenda.title,
        site.announcement.title,
    ]


def test_category_filter_keeps_only_that_category(client, site):
    titles = listed_titles(page(client, "/id/berita/?category=service-notice"))
    assert titles == [site.current_notice.title, site.expired_notice.title]


def test_office_filter_keeps_announcements_about_that_office(client, site):
    titles = listed_titles(page(client, f"/id/berita/?office={DISTRICT}"))
    assert titles == [site.expired_notice.title, site.agenda.title]


def test_year_filter_keeps_that_year(client, site):
    titles = listed_titles(page(client, "/id/berita/?year=2024"))
    assert titles == [site.agenda.title, site.announcement.title]


def test_filters_combine(client, site):
    titles = listed_titles(page(client, f"/id/berita/?office={REGISTRY}&year=2024&category=agenda"))
    assert titles == [site.agenda.title]


def test_filter_form_offers_categories_offices_and_years_without_javascript(client, site):
    document = page(client, "/id/berita/?year=2024")
    form = document.select_one("form.filter-form[method=get]")
    options = {option["value"]: visible_text(option) for option in form.select("option")}
    assert options["service-notice"] == "Info layanan"
    assert REGISTRY in options
    assert [option["value"] for option in form.select("option[selected]")] == ["2024"]
    assert not document.select("body script")


@pytest.mark.parametrize(
    "query",
    [
        "category=<script>alert(1)</script>",
        "office=no-such-office",
        "year=abc",
        "year=²",
        "year=1999",
        "page=abc",
        "page=-1",
        "page=99999999999999999999",
        "category=",
    ],
)
def test_bad_filter_values_are_ignored(client, site, query):
    document = page(client, f"/id/berita/?{query}")
    assert len(listed_titles(document)) == 5
    assert not document.select("body script")


def test_no_match_says_so_and_links_to_everything(client, site):
    document = page(client, "/id/berita/?category=agenda&year=2025")
    assert listed_titles(document) == []
    assert "/id/berita/" in hrefs(document, "main a[href]")


def test_pagination_splits_the_list_and_keeps_filters(client, site, monkeypatch):
    monkeypatch.setattr(models, "PAGE_SIZE", 2)
    first = page(client, "/id/berita/")
    assert listed_titles(first) == [site.current_notice.title, site.expired_notice.title]
    assert hrefs(first, "a[rel=next]") == ["/id/berita/?page=2"]
    last = page(client, "/id/berita/?page=3")
    assert listed_titles(last) == [site.announcement.title]
    filtered = page(client, "/id/berita/?year=2024&page=1")
    assert listed_titles(filtered) == [site.agenda.title, site.announcement.title]
    assert not filtered.select("a[rel=next]")


def test_page_beyond_the_last_shows_the_last(client, site, monkeypatch):
    monkeypatch.setattr(models, "PAGE_SIZE", 2)
    assert listed_titles(page(client, "/id/berita/?page=9")) == [site.announcement.title]


def test_listing_runs_in_a_fixed_number_of_queries(client, site, monkeypatch):
    client.get("/id/berita/")  # warm per-process caches (site root paths, content types)

    def queries(page_size):
        monkeypatch.setattr(models, "PAGE_SIZE", page_size)
        with CaptureQueriesContext(connection) as captured:
            client.get("/id/berita/")
        return len(captured.captured_queries)

    assert queries(1) == queries(5)


def test_english_index_lists_english_pages_with_english_categories(client, site):
    document = page(client, "/en/news/")
    titles = listed_titles(document)
    assert "Dispendukcapil service hall under renovation" in titles
    assert site.current_notice.title not in titles
    assert "Service notice" in visible_text(document.select_one("main"))


def test_untranslated_announcement_is_not_listed_in_english(client, site):
    assert site.announcement.title not in listed_titles(page(client, "/en/news/"))


def test_home_page_shows_the_latest_announcements(client, site):
    latest = section(page(client, "/id/"), "latest-announcements-heading")
    assert listed_titles(latest) == [site.current_notice.title, site.expired_notice.title, site.launch.title]
    assert "/id/berita/" in hrefs(latest)


def test_office_page_lists_announcements_related_to_it(client, site):
    related = section(page(client, f"/en/directory/{DISTRICT}/"), "office-announcements-heading")
    assert listed_titles(related) == [
        "Licin district office closed during a power cut",
        "Mobile e-ID recording in Licin",
    ]
    assert f"/en/news/?office={DISTRICT}" in hrefs(related)

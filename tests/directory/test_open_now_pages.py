"""The "open now" line on office and service pages and in the directory list, right even from the page cache."""

import datetime
import json

import pytest
from django.core.cache import caches

from core.cache import pages as caching
from core.hours import JAKARTA
from directory.models import OpeningHours
from tests.factories.directory import (
    OfficePageFactory,
    OpeningHoursExceptionFactory,
    OpeningHoursFactory,
    ServicePageFactory,
    translate,
)
from tests.support.hours import FrozenClock, add_regency_hours
from tests.support.html import page, text_of, texts

pytestmark = pytest.mark.django_db

TIME = datetime.time
TUESDAY_MORNING = datetime.datetime(2026, 12, 8, 9, 0, tzinfo=JAKARTA)
FRIDAY_NOON = datetime.datetime(2026, 12, 11, 12, 0, tzinfo=JAKARTA)


@pytest.fixture
def clock(monkeypatch):
    return FrozenClock(monkeypatch, TUESDAY_MORNING)


@pytest.fixture
def office():
    return add_regency_hours(OfficePageFactory(title="Dinas Jam Buka", slug="dinas-jam-buka"))


@pytest.fixture
def page_cache(settings):
    """The page cache on, in memory of this test only."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "open-now-test"},
    }
    settings.PAGE_CACHE_TIMEOUT = 600
    caching.health.unavailable_until = 0.0
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def test_an_office_page_says_it_is_open_and_when_it_closes(client, clock, office):
    assert text_of(page(client, office.url), "main .open-now") == "Buka sekarang · tutup 15:30"


def test_the_english_page_says_it_in_english(client, clock, office):
    english = translate(office)
    assert text_of(page(client, english.url), "main .open-now") == "Open now · closes 15:30"


def test_at_friday_noon_the_office_page_says_it_opens_after_the_break(client, clock, office):
    clock.now = FRIDAY_NOON
    assert text_of(page(client, office.url), "main .open-now") == "Tutup · buka hari ini 13:00"


def test_the_office_page_lists_the_break_and_the_coming_special_hours(client, clock, office):
    OpeningHoursExceptionFactory(office=office, first_date=datetime.date(2026, 12, 24), closed=True)
    OpeningHoursExceptionFactory(office=office, first_date=datetime.date(2026, 1, 5), closed=True)  # over
    hours = page(client, office.url).select_one(".opening-hours")
    friday = hours.select(".opening-hours__line")[1]
    assert friday.get_text() == "Jumat07.30–14.30 (istirahat 11.30–13.00)"
    exceptions = hours.parent.select(".opening-hours__exceptions li")
    assert [item.get_text() for item in exceptions] == ["24 Desember 2026: tutup"]


def test_an_office_without_weekly_hours_shows_no_line(client, clock):
    office = OfficePageFactory()
    assert page(client, office.url).select(".open-now") == []
    OpeningHoursExceptionFactory(office=office, first_date=datetime.date(2026, 12, 9), closed=True)
    assert page(client, office.url).select(".open-now") == []


def test_a_service_page_shows_its_offices_line(client, clock, office):
    service = ServicePageFactory(parent=office)
    clock.now = FRIDAY_NOON
    assert text_of(page(client, service.url), "main .open-now") == "Tutup · buka hari ini 13:00"


def test_the_directory_list_shows_each_offices_line(client, clock, office):
    OpeningHoursFactory(office=OfficePageFactory(title="Dinas Sabtu"), last_day="Sat", opens=TIME(8), closes=TIME(12))
    clock.now = datetime.datetime(2026, 12, 12, 9, 0, tzinfo=JAKARTA)  # Saturday
    directory = page(client, "/id/direktori/")
    offices = directory.select(".office-link")
    lines = {text_of(office, ".office-link__title"): text_of(office, ".open-now") for office in offices}
    assert lines["Dinas Jam Buka"] == "Tutup · buka Senin 07:30"
    assert lines["Dinas Sabtu"] == "Buka sekarang · tutup 12:00"


@pytest.mark.parametrize("path", ["office", "/id/direktori/"])
def test_a_cached_page_that_crosses_closing_time_shows_the_new_state(client, clock, office, page_cache, path):
    url = office.url if path == "office" else path
    clock.now = datetime.datetime(2026, 12, 8, 15, 29, tzinfo=JAKARTA)
    assert "Buka sekarang · tutup 15:30" in texts(page(client, url), ".open-now")
    OpeningHours.objects.filter(office=office).update(closes=TIME(15, 45))  # unseen by visitors while the copy is fresh
    clock.now = datetime.datetime(2026, 12, 8, 15, 29, 50, tzinfo=JAKARTA)
    assert "Buka sekarang · tutup 15:30" in texts(page(client, url), ".open-now"), "served from the cache"
    OpeningHours.objects.filter(office=office).update(closes=TIME(15, 30))
    clock.now = datetime.datetime(2026, 12, 8, 15, 30, 1, tzinfo=JAKARTA)
    assert "Tutup · buka besok 07:30" in texts(page(client, url), ".open-now")


def test_the_line_carries_its_coming_texts_for_a_copy_read_later(client, clock, office):
    clock.now = datetime.datetime(2026, 12, 10, 16, 0, tzinfo=JAKARTA)  # Thursday after closing
    line = page(client, office.url).select_one("main .open-now")
    changes = json.loads(line["data-open-now"])
    assert changes[0] == ["2026-12-10T00:00:00+07:00", "closed", line.get_text()]
    assert ["2026-12-11T07:30:00+07:00", "open", "Buka sekarang · tutup 11:30"] in changes
    assert ["2026-12-11T00:00:00+07:00", "closed", "Tutup · buka hari ini 07:30"] in changes
    assert changes[-1] == ["2026-12-14T00:00:00+07:00", "", ""]


def test_the_pages_with_the_line_load_the_script_that_updates_it(client, clock, office):
    for url in (office.url, "/id/direktori/", ServicePageFactory(parent=office).url):
        scripts = [script["src"] for script in page(client, url).select("head script[defer][src]")]
        assert any(src.endswith("/open-now.js") for src in scripts), url

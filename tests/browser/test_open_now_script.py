"""A page read later than it was made (as from the offline store) shows the "open now" line of the moment it is read."""

import datetime

import pytest
from playwright.sync_api import expect

from core.hours import JAKARTA
from tests.support.hours import FrozenClock

# Only reads: shares the prepared database (tests/browser/conftest.py).
pytestmark = pytest.mark.browser

OFFICE = "/id/direktori/dispendukcapil/"
# The sample office is open Monday–Thursday 07:30–15:30, Friday 07:30–14:00 and Saturday 08:00–12:00.
THURSDAY_AFTERNOON = datetime.datetime(2026, 12, 10, 15, 0, tzinfo=JAKARTA)


def test_the_script_moves_the_line_on_to_the_moment_the_page_is_read(browser, site, monkeypatch):
    FrozenClock(monkeypatch, THURSDAY_AFTERNOON)
    context = browser.new_context(base_url=site)
    page = context.new_page()
    page.clock.install(time=THURSDAY_AFTERNOON + datetime.timedelta(hours=2))  # 17:00: closed since 15:30
    page.goto(OFFICE)
    expect(page.locator("main .open-now")).to_have_text("Tutup · buka besok 07:30")
    expect(page.locator("main .open-now")).to_have_class("open-now open-now--closed")
    context.close()


def test_without_script_the_line_is_the_one_made_at_render(browser, site, monkeypatch):
    FrozenClock(monkeypatch, THURSDAY_AFTERNOON)
    context = browser.new_context(base_url=site, java_script_enabled=False)
    page = context.new_page()
    page.goto(OFFICE)
    expect(page.locator("main .open-now")).to_have_text("Buka sekarang · tutup 15:30")
    context.close()

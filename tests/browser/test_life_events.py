"""Life events in a real browser: the home page, the index, an event and a service with its situations pass axe in
both languages."""

import pytest
from playwright.sync_api import expect

from .conftest import WRITES, run_axe

pytestmark = [pytest.mark.browser, WRITES]

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def birth_event():
    """The demo's "a baby is born", with the services of the imported slice it lists (committed for the live server)."""
    from directory.models import LifeEventIndexPage, LifeEventPage
    from directory.transfer.life_events import life_events_data, load_life_events

    index = LifeEventIndexPage.objects.get(locale__language_code="id")
    events = [event for event in life_events_data()["events"] if event["slug"] == "bayi-lahir"]
    load_life_events(index, events)
    return {page.locale.language_code: page for page in LifeEventPage.objects.filter(stable_slug="bayi-lahir")}


def blocking_violations(page, path):
    page.goto(path)
    return [violation for violation in run_axe(page) if violation["impact"] in BLOCKING_IMPACTS]


@pytest.mark.parametrize("language", ["id", "en"])
def test_life_event_pages_have_no_serious_or_critical_violations(phone_with_js, birth_event, language):
    event = birth_event[language]
    page = phone_with_js
    assert blocking_violations(page, event.url) == []
    expect(page.locator(".event-step")).to_have_count(3)  # the slice's birth certificate, family card and child ID
    expect(page.locator(".event-step__officer-name").first).to_be_visible()
    service = page.locator(".event-step__title a").first.get_attribute("href")
    assert blocking_violations(page, event.get_parent().url) == []
    assert blocking_violations(page, service) == []
    expect(page.locator(".situations li").first).to_be_visible()
    assert blocking_violations(page, f"/{language}/") == []  # the home page with its life events
    expect(page.locator(f'main a[href="{event.url}"]')).to_be_visible()

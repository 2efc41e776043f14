"""WCAG 2.1 AA as axe-core sees it in Chromium, and a keyboard-only search."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import run_axe
from .pages import LANGUAGES, PAGES, announcements_index_path

# Only reads: shares the prepared database (tests/browser/conftest.py).
pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page, paths):
    found = {}
    for path in paths:
        page.goto(path)
        violations = [v for v in run_axe(page) if v["impact"] in BLOCKING_IMPACTS]
        if violations:
            found[path] = violations
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_serious_or_critical_violations(phone_with_js, language):
    paths = [*PAGES[language].values(), PAGES[language]["office"] + "poster/"]
    assert blocking_violations(phone_with_js, paths) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_announcements_have_no_serious_or_critical_violations(phone_with_js, language):
    path = announcements_index_path(language)
    if path is None:
        pytest.skip("no announcements index in this database: the announcements app did not create one")
    assert blocking_violations(phone_with_js, [path]) == {}


def test_server_error_page_offers_search_in_both_languages_without_violations(phone_with_js):
    from django.template.loader import render_to_string

    phone_with_js.set_content(render_to_string("500.html"))
    expect(phone_with_js.get_by_role("searchbox")).to_have_count(2)
    assert [v for v in run_axe(phone_with_js) if v["impact"] in BLOCKING_IMPACTS] == []


def focus_is_visible(page):
    """The focused element is in view and drawn with an outline or a focus ring."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
            const ringed = style.boxShadow && style.boxShadow !== "none";
            const inView = box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
            return (outlined || ringed) && inView;
        }"""
    )


def active(page, expression):
    return page.evaluate(f"() => {{ const element = document.activeElement; return {expression}; }}")


def test_search_works_by_keyboard_alone(phone_with_js):
    page = phone_with_js
    page.goto("/id/search/")

    page.keyboard.press("Tab")
    assert active(page, "element.classList.contains('skip-link')")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    assert active(page, "element.id") == "main"

    page.keyboard.press("Tab")
    assert active(page, "element.type") == "search"
    assert active(page, "[...element.labels].map(label => label.textContent.trim()).join()")
    assert focus_is_visible(page)

    page.keyboard.type("ktp hilang")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/id/search/\?q=ktp\+hilang"))
    expect(page.locator(".search-hit").first).to_be_visible()

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert active(page, "element.value") == "ktp hilang"
    page.keyboard.press("Tab")
    assert active(page, "element.type") == "submit"
    assert focus_is_visible(page)
    page.keyboard.press("Tab")
    assert active(page, "element.closest('.search-hit') !== null")
    assert focus_is_visible(page)

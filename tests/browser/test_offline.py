"""Contacts without signal: the service worker keeps the pages a citizen opened and shows them offline."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import PageViewRestriction

from directory.models import OfficePage

from .conftest import WRITES, run_axe
from .pages import PAGES

pytestmark = pytest.mark.browser

PAGES_STORE = "melayani-pages-v1"
OFFICE = PAGES["id"]["office"]


def wait_until_kept(page, path):
    """The worker keeps a page after answering it: wait until its copy is in the store."""
    page.wait_for_function(
        """async ([store, path]) => {
            const cache = await caches.open(store);
            return Boolean(await cache.match(new URL(path, location.href).href));
        }""",
        arg=[PAGES_STORE, path],
        polling=100,
    )


def is_kept(page, path):
    return page.evaluate(
        "async ([store, path]) => Boolean(await (await caches.open(store)).match(new URL(path, location.href).href))",
        [PAGES_STORE, path],
    )


def open_with_worker(page, path):
    """Open ``path`` and wait until the service worker controls the page."""
    page.goto(path)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", polling=100)


def phone_links(page):
    return page.eval_on_selector_all("main a[href^='tel:']", "links => links.map(link => link.href)")


def test_an_office_page_opened_before_opens_offline_with_its_numbers_and_the_time_it_was_saved(phone_with_js):
    open_with_worker(phone_with_js, OFFICE)
    wait_until_kept(phone_with_js, OFFICE)
    numbers = phone_links(phone_with_js)
    expect(phone_with_js.locator(".saved-copy")).to_be_hidden()

    phone_with_js.context.set_offline(True)
    phone_with_js.reload()

    assert numbers and phone_links(phone_with_js) == numbers
    saved = phone_with_js.locator(".saved-copy")
    expect(saved).to_be_visible()
    expect(saved).to_contain_text("Disimpan di ponsel ini pada")
    expect(saved.locator("time[datetime]")).to_have_text(re.compile(r"\d{4}"))


@pytest.mark.parametrize(
    ("language", "heading"),
    [("id", "Tidak ada koneksi"), ("en", "No connection")],
)
def test_a_page_never_opened_shows_the_offline_page_in_its_language_with_112_and_the_saved_pages(
    phone_with_js, language, heading
):
    open_with_worker(phone_with_js, PAGES[language]["office"])
    wait_until_kept(phone_with_js, PAGES[language]["office"])

    phone_with_js.context.set_offline(True)
    phone_with_js.goto(PAGES[language]["service"])

    expect(phone_with_js.locator("html")).to_have_attribute("lang", language)
    expect(phone_with_js.locator("h1")).to_have_text(heading)
    expect(phone_with_js.locator("main a[href='tel:112']")).to_be_visible()
    saved = phone_with_js.locator(".saved-pages a")
    expect(saved).to_have_count(1)
    expect(saved).to_have_attribute("href", re.compile(re.escape(PAGES[language]["office"]) + "$"))


def test_the_directory_saved_with_one_button_opens_offline(phone_with_js):
    open_with_worker(phone_with_js, PAGES["id"]["directory"])
    phone_with_js.get_by_role("button", name="Simpan nomor perangkat daerah di ponsel ini").click()
    expect(phone_with_js.get_by_role("status")).to_contain_text("Tersimpan")

    phone_with_js.context.set_offline(True)
    phone_with_js.goto(PAGES["id"]["directory"] + "offline/")

    expect(phone_with_js.locator("h1")).to_have_text("Perangkat daerah dan nomornya")
    expect(phone_with_js.locator(".offline-directory li").first).to_be_visible()
    assert phone_links(phone_with_js)
    expect(phone_with_js.locator(".saved-copy")).to_be_visible()


@WRITES
def test_a_page_made_private_after_it_was_saved_leaves_the_phone_when_next_opened_online(phone_with_js):
    open_with_worker(phone_with_js, OFFICE)
    wait_until_kept(phone_with_js, OFFICE)

    office = OfficePage.objects.get(url_path__endswith="/dispendukcapil/", locale__language_code="id")
    PageViewRestriction.objects.create(page=office, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")
    phone_with_js.reload()
    phone_with_js.wait_for_function(
        "async ([store, path]) => !(await (await caches.open(store)).match(new URL(path, location.href).href))",
        arg=[PAGES_STORE, OFFICE],
        polling=100,
    )

    phone_with_js.context.set_offline(True)
    phone_with_js.reload()
    expect(phone_with_js.locator("h1")).to_have_text("Tidak ada koneksi")
    assert not is_kept(phone_with_js, OFFICE)


def test_the_offline_page_passes_axe(phone_with_js):
    open_with_worker(phone_with_js, OFFICE)
    wait_until_kept(phone_with_js, OFFICE)
    phone_with_js.context.set_offline(True)
    phone_with_js.goto(PAGES["id"]["home"])
    expect(phone_with_js.locator("h1")).to_have_text("Tidak ada koneksi")

    assert run_axe(phone_with_js) == []

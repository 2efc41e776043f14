"""Share a contact: the phone's share sheet where the browser has the Web Share API, with the WhatsApp link's text."""

import pytest
from playwright.sync_api import expect

# Only reads: shares the prepared database (tests/browser/conftest.py).
pytestmark = pytest.mark.browser

# A share sheet that records what it was given, as a phone's would receive it.
RECORDING_SHARE = "navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); };"


def test_the_share_sheet_gets_the_contacts_text_and_the_page_stays(phone_with_js):
    phone_with_js.add_init_script(RECORDING_SHARE)
    phone_with_js.goto("/en/directory/dispendukcapil/")
    card = phone_with_js.locator(".contact-card").first
    name = card.locator(".contact-card__name").inner_text()
    card.locator(".button--share").click()
    shared = phone_with_js.evaluate("window.sharedData")
    assert shared["text"].splitlines()[0] == name
    assert any(line.startswith(("Phone: ", "WhatsApp: ")) for line in shared["text"].splitlines())
    expect(phone_with_js).to_have_url("/en/directory/dispendukcapil/")

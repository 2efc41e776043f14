"""An unsure answer and the citizen's yes/no in a real browser: accessible, and working without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import WRITES, run_axe

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}
WEAK = {"id": "/id/search/?q=resep+nasi+goreng", "en": "/en/search/?q=resep+nasi+goreng"}


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_unsure_answer_has_no_serious_or_critical_violations(phone_with_js, language):
    phone_with_js.goto(WEAK[language])
    expect(phone_with_js.locator("#unsure-heading")).to_be_visible()
    assert [v for v in run_axe(phone_with_js) if v["impact"] in BLOCKING_IMPACTS] == []


@WRITES
def test_a_result_opens_and_a_no_brings_the_next_steps(phone, javascript):
    phone.goto("/en/search/?q=ktp+hilang")
    phone.get_by_role("button", name="No").click()
    expect(phone.get_by_role("status")).to_contain_text("Thank you for your answer")
    expect(phone.locator("#unsure-heading")).to_contain_text("Sorry that you did not find what you needed.")
    phone.locator(".search-hit__title a").first.click()
    phone.wait_for_url(re.compile(r"/en/directory/"))

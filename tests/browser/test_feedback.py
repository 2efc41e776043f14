"""The citizen's voice and the phone layout, on a 360×740 phone with JavaScript and without."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import WRITES, run_axe

pytestmark = pytest.mark.browser

SCREEN = 740
SERVICE_SLUG = "ktp-el-hilang-rusak"
SERVICE = f"/id/direktori/dispendukcapil/{SERVICE_SLUG}/"
OFFICE = "/id/direktori/dispendukcapil/"
NEW_PAGES = {
    "id": [
        f"/id/feedback/survey/{SERVICE_SLUG}/",
        f"/id/feedback/results/services/{SERVICE_SLUG}/",
        "/id/feedback/results/offices/dispendukcapil/",
        "/id/feedback/complaint/dispendukcapil/",
    ],
    "en": [
        f"/en/feedback/survey/{SERVICE_SLUG}/",
        f"/en/feedback/results/services/{SERVICE_SLUG}/",
        "/en/feedback/results/offices/dispendukcapil/",
        "/en/feedback/complaint/dispendukcapil/",
    ],
}


@pytest.fixture(autouse=True)
def quick_forms(settings):
    settings.FEEDBACK_MIN_FILL_SECONDS = 0
    # One answer shows the index and its chart; the minimum sample is tested in tests/feedback/.
    settings.IKM_DEFAULT_MINIMUM_RESPONSES = 1


def bottom(page, selector):
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")


def top(page, selector):
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + window.scrollY")


def test_home_search_and_the_112_call_centre_are_on_the_first_screen(phone):
    phone.goto("/id/")
    assert phone.locator("input[type=search]").count() == 1
    assert bottom(phone, "main input[type=search]") <= SCREEN
    assert bottom(phone, "main .call-centre .button") <= SCREEN


def test_a_services_requirements_start_within_the_first_two_screens(phone):
    phone.goto(SERVICE)
    assert top(phone, ".checklist li") <= 2 * SCREEN


@WRITES
def test_completing_the_survey_shows_the_result(phone):
    phone.goto(SERVICE)
    phone.get_by_role("link", name="Isi survei").click()
    phone.wait_for_url(re.compile(r"/id/feedback/survey/"))
    for fieldset in phone.locator("fieldset.choices:has(input[type=radio])").all():
        fieldset.locator("label").nth(3).click()
    phone.get_by_role("button", name="Kirim jawaban saya").click()
    phone.wait_for_url(re.compile(r"/id/feedback/results/services/ktp-el-hilang-rusak/\?sent=1"))
    expect(phone.locator(".ikm-score__value")).to_have_text("100,00")
    expect(phone.locator("svg.chart")).to_be_visible()


@WRITES
def test_reporting_a_contact_shows_in_the_editors_report(phone, django_user_model):
    from directory.editorial.roles import grant_office_editor, setup_roles

    setup_roles()
    editor = grant_office_editor("editor-browser", "dispendukcapil").user
    editor.set_password("browser-test-pass")
    editor.save()

    phone.goto(OFFICE)
    card = phone.locator(".contact-card").first
    name = card.locator(".contact-card__name").inner_text()
    card.locator(".contact-card__report a").click()
    phone.get_by_label("Nomor ini salah").check()
    phone.get_by_role("button", name="Kirim laporan").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Terima kasih atas laporan Anda")

    phone.goto("/admin/login/")
    phone.locator("#id_username").fill("editor-browser")
    phone.locator("#id_password").fill("browser-test-pass")
    phone.locator("form button[type=submit], form input[type=submit]").first.click()
    phone.wait_for_url(re.compile(r"/admin/$"))
    phone.goto("/admin/reports/contact-data/")
    section = phone.locator("[data-problem=reported]")
    expect(section).to_contain_text(name)
    expect(section.locator("[data-reports]").first).to_have_text("1")


@WRITES
def test_submitting_a_complaint_and_reading_its_status(phone):
    phone.goto(OFFICE)
    phone.get_by_role("link", name="Kirim pengaduan atau saran ke kantor ini").click()
    phone.get_by_label("Kategori").select_option("service")
    phone.get_by_label("Pesan Anda").fill("Antrean perekaman KTP sangat panjang.")
    phone.get_by_role("button", name="Kirim", exact=True).click()
    phone.wait_for_url(re.compile(r"/id/feedback/complaint/status/[\w-]+/\?sent=1"))
    reference = phone.locator("h1").inner_text().split()[-1]
    assert re.fullmatch(r"ADU-[2-9A-Z]{6}", reference)
    status_url = phone.url.split("?")[0]
    phone.goto(status_url)
    expect(phone.locator(".clock")).to_have_text(re.compile("Menunggu jawaban"))
    expect(phone.locator(".message").first).to_contain_text("Antrean perekaman KTP")


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_new_pages_have_no_serious_or_critical_violations(phone_with_js, language):
    found = {}
    for path in NEW_PAGES[language]:
        phone_with_js.goto(path)
        violations = [v["id"] for v in run_axe(phone_with_js) if v["impact"] in {"serious", "critical"}]
        if violations:
            found[path] = violations
    assert found == {}


def test_layout_figures(phone_with_js):
    """Where things start on a 360×740 phone; printed for docs/citizens.md."""
    page = phone_with_js
    page.goto("/id/")
    figures = {"home search": top(page, "main input[type=search]"), "home 112": top(page, "main .call-centre .button")}
    page.goto(SERVICE)
    figures["service requirements"] = top(page, "#service-requirements-heading")
    page.goto(OFFICE)
    figures["office services"] = top(page, "#office-services-heading")
    figures["office height"] = page.evaluate("document.documentElement.scrollHeight")
    page.goto("/id/direktori/?kind=kecamatan")
    figures["directory first office"] = top(page, ".office-link")
    print(figures)
    assert figures["directory first office"] < SCREEN

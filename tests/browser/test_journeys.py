"""What a citizen does on a 360×740 phone, with JavaScript and without."""

import re

import pytest
from playwright.sync_api import expect

# Only reads: shares the prepared database (tests/browser/conftest.py).
pytestmark = pytest.mark.browser


def test_from_a_problem_to_the_officers_call_and_whatsapp_buttons(phone):
    phone.goto("/id/")
    field = phone.locator("main").get_by_label("Cari layanan dan perangkat daerah")
    field.fill("ktp hilang")
    field.press("Enter")
    phone.wait_for_url(re.compile(r"/id/search/\?q=ktp\+hilang"))

    officer = phone.locator(".search-hit--contact").first
    expect(officer).to_be_visible()
    officer.locator(".search-hit__title a").click()

    phone.wait_for_url(re.compile(r"/id/direktori/dispendukcapil/#contact-[a-z0-9-]+$"))
    key = phone.url.rsplit("#contact-", 1)[1]
    card = phone.locator(f"#contact-{key}")
    expect(card.locator(".button--call")).to_be_in_viewport(ratio=1)
    expect(card.locator(".button--whatsapp")).to_be_in_viewport(ratio=1)
    expect(card.locator(".button--call")).to_have_attribute("href", re.compile(r"^tel:\+62\d+$"))
    expect(card.locator(".button--whatsapp")).to_have_attribute("href", re.compile(r"^https://wa\.me/62\d+$"))


def test_switching_language_on_an_office_page_stays_on_that_office(phone):
    phone.goto("/id/direktori/kecamatan-licin/")
    phone.locator(".language-switcher a[hreflang=en]").click()
    phone.wait_for_url("**/en/directory/kecamatan-licin/")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Licin")

    phone.locator(".language-switcher a[hreflang=id]").click()
    phone.wait_for_url("**/id/direktori/kecamatan-licin/")
    expect(phone.locator("html")).to_have_attribute("lang", "id")


def test_browsing_by_office_type_reaches_a_services_requirements(phone):
    phone.goto("/en/")
    phone.locator("a[href$='?kind=dinas']").first.click()
    phone.wait_for_url("**/en/directory/?kind=dinas")
    expect(phone.locator(".office-group")).to_have_count(1)

    phone.locator(".office-link", has_text="Population and Civil Registration").click()
    phone.wait_for_url("**/en/directory/dispendukcapil/")
    phone.locator(".service-list a").first.click()

    requirements = phone.get_by_role("heading", name="Requirements")
    expect(requirements).to_be_visible()
    expect(phone.locator(".checklist li").first).to_be_visible()


def test_save_contact_downloads_a_vcard(phone_with_js):
    phone_with_js.goto("/id/direktori/dispendukcapil/")
    phone_with_js.locator(".contact-card__more summary").first.click()
    with phone_with_js.expect_download() as download_info:
        phone_with_js.locator(".button--save").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".vcf")
    with open(download.path(), encoding="utf-8", newline="") as handle:
        text = handle.read()
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")


def test_office_poster_prints_on_one_a4_page(phone_with_js):
    for path in ("/id/direktori/dispendukcapil/poster/", "/en/directory/setda/poster/"):
        phone_with_js.goto(path)
        phone_with_js.emulate_media(media="print")
        pdf = phone_with_js.pdf(format="A4", prefer_css_page_size=True)
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        assert pages == 1, f"{path} prints on {pages} pages"


def test_typing_offers_suggestions_when_javascript_runs(phone_with_js):
    phone_with_js.goto("/id/")
    field = phone_with_js.locator("main input[type=search]")
    field.fill("akta kel")
    options = phone_with_js.locator(f"datalist#{field.get_attribute('list')} option")
    expect(options.first).to_have_attribute("value", re.compile("akta kelahiran", re.I))

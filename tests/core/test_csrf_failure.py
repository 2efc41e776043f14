"""A citizen's form refused by the CSRF check (cookies blocked, a page open too long) loses nothing."""

import pytest
from django.test import Client

from tests.support.html import soup, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.sample]

OFFICE = "dispendukcapil"
COMPLAINT = {"category": "service", "message": "Antrean KTP tiga jam, loket 2 tutup.", "name": "Sri", "contact": ""}


@pytest.mark.parametrize(
    ("language", "says"), [("id", "Tidak ada tulisan Anda yang hilang"), ("en", "Nothing you wrote is lost")]
)
def test_a_complaint_refused_by_the_csrf_check_gives_the_text_back_in_the_pages_language(language, says):
    browser = Client(enforce_csrf_checks=True)  # a browser that kept no cookie of ours
    form_page = f"/{language}/feedback/complaint/{OFFICE}/"
    response = browser.post(form_page, COMPLAINT, HTTP_REFERER=f"http://testserver{form_page}")
    page = soup(response, 403)
    assert says in visible_text(page.select_one("[role=alert]"))
    assert COMPLAINT["message"] in [area.get_text() for area in page.select("textarea[readonly]")]
    assert page.select_one(f"a[href='http://testserver{form_page}']") is not None
    assert "no-cache" in response["Cache-Control"]


def test_the_way_back_never_leads_to_another_site():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(f"/id/feedback/complaint/{OFFICE}/", COMPLAINT, HTTP_REFERER="https://evil.example/")
    links = [link["href"] for link in soup(response, 403).select("a[href]")]
    assert links and not any("evil.example" in href for href in links)

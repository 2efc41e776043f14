"""The editors' report of searches that did not help, and its one-click remedies (synonyms, promotions)."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import SearchPromotion

from directory.editorial.roles import COMMUNICATIONS_TEAM, OFFICE_GROUP_PREFIX, setup_roles
from directory.models import ServicePage
from search.models import SynonymGroup
from tests.support import html

pytestmark = [pytest.mark.django_db, pytest.mark.sample]

REPORT = "/admin/reports/failed-searches/"
PROMOTE = "/admin/reports/failed-searches/promote/"
SYNONYM_FORM = "/admin/snippets/search/synonymgroup/add/"
SERVICE_URL = "/id/direktori/dispendukcapil/ktp-el-hilang-rusak/"


@pytest.fixture
def roles():
    setup_roles()


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def team_member(roles):
    return member_of(COMMUNICATIONS_TEAM, "tim")


@pytest.fixture
def office_editor(roles):
    return member_of(OFFICE_GROUP_PREFIX + "dispendukcapil", "siti")


def assert_refused(response):
    """Wagtail answers a denied admin view with a 403, or a redirect to the dashboard with a message."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


def search(client, query):
    return html.page(client, f"/id/search/?{urlencode({'q': query})}")


def open_result(client, query, url):
    link = next(href for href in html.hrefs(search(client, query), ".search-hit__title a") if f"to={url}" in href)
    client.get(link)


def answer(client, query, found):
    form = search(client, query).select_one("form.answer-form")
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    client.post(form["action"], {**fields, "found": found})


def report_rows(client):
    rows = html.page(client, REPORT).select("table.listing tbody tr")
    return {row.select_one("td").get_text(strip=True): row for row in rows}


@pytest.fixture
def failed_searches(client):
    """One search nobody followed, one that helped, one opened but answered "no"."""
    search(client, "resep nasi goreng")
    open_result(client, "akta kelahiran", "/id/direktori/dispendukcapil/akta-kelahiran/")
    open_result(client, "ktp hilang", SERVICE_URL)
    answer(client, "ktp hilang", "no")


def test_the_report_lists_abandoned_searches_and_no_answers_with_what_was_opened(client, failed_searches, team_member):
    client.force_login(team_member)
    rows = report_rows(client)
    assert set(rows) == {"resep nasi goreng", "ktp hilang"}
    assert [html.visible_text(cell) for cell in rows["resep nasi goreng"].select("td")[2:5]] == ["1", "1", "0"]
    ktp = rows["ktp hilang"]
    assert html.visible_text(ktp.select("td")[4]) == "1"
    opened = ServicePage.objects.get(
        url_path__endswith="/dispendukcapil/ktp-el-hilang-rusak/", locale__language_code="id"
    )
    assert opened.title in html.visible_text(ktp.select("td")[5])


def test_an_office_editor_does_not_get_the_report(client, failed_searches, office_editor):
    client.force_login(office_editor)
    response = client.get(REPORT)
    assert_refused(response)
    assert "ktp hilang" not in response.content.decode()


def test_one_click_promotes_the_opened_page_for_the_query(client, failed_searches, team_member):
    client.force_login(team_member)
    form = report_rows(client)["ktp hilang"].select_one(f"form[action='{PROMOTE}']")
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    response = client.post(PROMOTE, fields)
    assert response.status_code == 302
    promotion = SearchPromotion.objects.get()
    assert (promotion.query.query_string, promotion.page.url) == ("ktp hilang", SERVICE_URL)
    client.logout()
    first = html.page(client, "/en/search/?q=ktp+hilang").select_one(".search-hit")
    assert "Recommended" in html.text_of(first, ".search-hit__type")


def test_an_office_editor_cannot_promote_a_page(client, failed_searches, office_editor):
    page = ServicePage.objects.filter(locale__language_code="id").first()
    client.force_login(office_editor)
    assert_refused(client.post(PROMOTE, {"query": "ktp hilang", "page": page.pk}))
    assert not SearchPromotion.objects.exists()


def test_one_click_opens_a_synonym_group_prefilled_with_the_query_and_saving_it_creates_the_group(
    client, failed_searches, team_member
):
    client.force_login(team_member)
    link = report_rows(client)["resep nasi goreng"].select_one(f"a[href^='{SYNONYM_FORM}']")["href"]
    form = html.page(client, link)
    assert form.select_one("textarea[name=terms]").get_text().strip() == "resep nasi goreng"
    client.post(link, {"terms": "resep nasi goreng, cara memasak", "note": ""})
    assert SynonymGroup.objects.filter(terms="resep nasi goreng, cara memasak").exists()


def test_an_office_editor_cannot_add_a_synonym_group(client, office_editor):
    client.force_login(office_editor)
    assert_refused(client.post(SYNONYM_FORM, {"terms": "a, b", "note": ""}))
    assert not SynonymGroup.objects.filter(terms="a, b").exists()


def test_a_search_kept_masked_offers_no_promotion_and_cannot_be_promoted(client, team_member):
    open_result(client, "ktp hilang 0812 3456 7890", SERVICE_URL)
    answer(client, "ktp hilang 0812 3456 7890", "no")
    client.force_login(team_member)
    row = report_rows(client)["ktp hilang ########"]
    assert "KTP" in html.visible_text(row.select("td")[5])  # what was opened is listed …
    assert row.select_one(f"form[action='{PROMOTE}']") is None  # … with no promotion offered
    page = ServicePage.objects.get(url_path__endswith="/ktp-el-hilang-rusak/", locale__language_code="id")
    response = client.post(PROMOTE, {"query": "ktp hilang ########", "page": page.pk}, follow=True)
    assert "tidak dapat diunggulkan" in html.visible_text(html.soup(response))  # the admin speaks Indonesian
    assert not SearchPromotion.objects.exists()


def test_a_page_promoted_twice_for_a_query_is_promoted_and_shown_once(client, failed_searches, team_member):
    client.force_login(team_member)
    form = report_rows(client)["ktp hilang"].select_one(f"form[action='{PROMOTE}']")
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    client.post(PROMOTE, fields)
    client.post(PROMOTE, fields)  # the button clicked again
    assert SearchPromotion.objects.count() == 1
    promotion = SearchPromotion.objects.get()
    promotion.pk = None
    promotion.save()  # as two editors at the same moment could leave it
    client.logout()
    hits = html.page(client, "/en/search/?q=ktp+hilang").select(".search-hit")
    recommended = [hit for hit in hits if "Recommended" in html.text_of(hit, ".search-hit__type")]
    assert len(recommended) == 1


def test_a_synonym_group_of_one_term_is_refused_with_a_message(client, failed_searches, team_member):
    client.force_login(team_member)
    link = report_rows(client)["resep nasi goreng"].select_one(f"a[href^='{SYNONYM_FORM}']")["href"]
    response = client.post(link, {"terms": "resep nasi goreng", "note": ""})
    assert response.status_code == 200
    assert "sedikitnya dua kata" in html.visible_text(html.soup(response))
    assert not SynonymGroup.objects.filter(terms="resep nasi goreng").exists()


def test_searches_through_the_api_are_counted_but_never_as_abandoned(client, team_member):
    for _ in range(3):
        client.get("/api/search/", {"q": "resep rendang"})  # an app's searches: what it opens is not followed
    client.force_login(team_member)
    assert "resep rendang" not in report_rows(client)
    client.logout()
    search(client, "resep rendang")
    client.force_login(team_member)
    cells = report_rows(client)["resep rendang"].select("td")
    assert [html.visible_text(cell) for cell in cells[2:5]] == ["4", "1", "0"]

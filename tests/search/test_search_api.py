"""The search API and page as a citizen or an app developer sees them, on the configured engine."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import PageViewRestriction

from directory.models import OfficePage, ServicePage
from search.models import SearchQueryLog, SynonymGroup

pytestmark = [pytest.mark.django_db, pytest.mark.database_specific, pytest.mark.sample]


def search_json(client, status=200, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == status, response.content
    return response.json()


def result_ids(data):
    return [f"{result['type']}:{result['id']}" for result in data["results"]]


def test_results_carry_type_id_title_office_url_and_snippet(client):
    data = search_json(client, q="ktp hilang")
    assert data["query"] == "ktp hilang"
    first = data["results"][0]
    assert set(first) >= {"type", "id", "title", "office", "url", "snippet"}
    assert first["url"].startswith("http://testserver/id/")
    assert "service:ktp-el-hilang-rusak" in result_ids(data)[:3]


def test_officer_results_show_who_they_are_and_how_to_reach_them(client):
    data = search_json(client, q="ktp hilang", type="contact")
    officer = data["results"][0]
    assert officer["id"] == "dispendukcapil-teknis-ktp"
    assert officer["office"] == "dispendukcapil"
    assert officer["links"]["tel"].startswith("tel:+62")
    assert officer["links"]["whatsapp"].startswith("https://wa.me/62")
    assert officer["url"].endswith("/id/direktori/dispendukcapil/#contact-dispendukcapil-teknis-ktp")


def test_an_officer_found_is_shown_as_the_directory_api_shows_that_contact(client):
    officer = search_json(client, q="ktp hilang", type="contact")["results"][0]
    office = client.get(f"/api/directory/offices/{officer['office']}/").json()
    contact = next(contact for contact in office["contacts"] if contact["key"] == officer["id"])
    assert {name: officer[name] for name in contact} == contact
    assert officer["office_name"] == office["name"]


def test_technical_officer_ranks_above_the_head_of_office(client):
    ids = result_ids(search_json(client, q="pelayanan kependudukan akta kelahiran", type="contact", limit=50))
    assert ids[0] == "contact:dispendukcapil-teknis-akta"
    if "contact:dispendukcapil-kadis" in ids:
        assert ids.index("contact:dispendukcapil-teknis-akta") < ids.index("contact:dispendukcapil-kadis")


def test_exact_acronym_puts_its_office_first(client):
    assert result_ids(search_json(client, q="dukcapil"))[0] == "office:dispendukcapil"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pembuatan akta kelahiran", "service:akta-kelahiran"),  # word forms
        ("akta kelahrian", "service:akta-kelahiran"),  # typo
        ("akte lahir", "service:akta-kelahiran"),  # old spelling
        ("birth certificate", "service:akta-kelahiran"),  # English
        ("kartu keluarga baru", "service:kartu-keluarga-baru"),
    ],
)
def test_citizen_wording_finds_the_service(client, query, expected):
    assert expected in result_ids(search_json(client, q=query))[:3]


def test_english_query_shows_english_results_when_browsing_in_english(client):
    data = search_json(client, q="birth certificate", lang="en", type="service")
    assert data["results"][0]["title"] == "Birth certificate"
    assert "/en/directory/" in data["results"][0]["url"]


def test_indonesian_query_finds_results_in_english_too(client):
    data = search_json(client, q="akta kelahiran", lang="en", type="service")
    assert data["results"][0]["id"] == "akta-kelahiran"
    assert "/en/" in data["results"][0]["url"]


def test_type_and_limit_narrow_the_results(client):
    data = search_json(client, q="ktp", type="service,office", limit=2)
    assert len(data["results"]) <= 2
    assert {result["type"] for result in data["results"]} <= {"service", "office"}


def test_empty_limit_counts_as_absent(client):
    assert search_json(client, q="ktp", limit="") == search_json(client, q="ktp")


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "ktp", "lang": "fr"},
        {"q": "ktp", "type": "person"},
        {"q": "ktp", "limit": "0"},
        {"q": "ktp", "limit": "abc"},
        {"q": "ktp", "limit": "-1"},
        {"q": "ktp", "limit": "1000"},
    ],
)
def test_malformed_parameters_get_a_clear_400(client, params):
    data = search_json(client, status=400, **params)
    assert data["error"]


@pytest.mark.parametrize(
    "query",
    [
        "k",
        "x" * 1000,
        '"ktp',
        "ktp*",
        "-ktp",
        "(ktp",
        "ktp OR kk",
        "NEAR(ktp kk)",
        "ktp AND",
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert(1)</script>",
        "ktp 🙂🙂",
        "身份证 丢失",
        "ktp\x00hilang",
        "%%%%",
    ],
)
def test_strange_queries_return_results_or_nothing_never_an_error(client, query):
    response = client.get("/api/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert b"<script>" not in response.content
    page = client.get("/id/search/", {"q": query})
    assert page.status_code == 200
    assert b"<script>alert(1)</script>" not in page.content


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(min_size=0, max_size=300), lang=st.sampled_from(["id", "en", "xx", ""]))
def test_random_text_never_breaks_the_api(client, query, lang):
    response = client.get("/api/search/", {"q": query, "lang": lang})
    assert response.status_code in (200, 400)
    suggest = client.get("/api/search/suggest/", {"q": query, "lang": lang})
    assert suggest.status_code in (200, 400)


def test_suggestions_complete_what_is_being_typed(client):
    response = client.get("/api/search/suggest/", {"q": "akta kel"})
    assert response.status_code == 200
    suggestions = [text.casefold() for text in response.json()["suggestions"]]
    assert any(text.startswith("akta kelahiran") for text in suggestions)


def test_unpublished_service_disappears_at_once(client):
    assert "service:akta-kelahiran" in result_ids(search_json(client, q="akta kelahiran"))
    for page in ServicePage.objects.filter(stable_slug="akta-kelahiran"):
        page.unpublish()
    assert "service:akta-kelahiran" not in result_ids(search_json(client, q="akta kelahiran"))
    assert "service:akta-kelahiran" not in result_ids(search_json(client, q="akta kelahiran", lang="en"))


def test_deleted_office_and_its_officers_disappear(client):
    for page in OfficePage.objects.filter(stable_slug="kecamatan-licin").order_by("-locale_id"):
        page.delete()
    ids = result_ids(search_json(client, q="kecamatan licin", limit=50))
    assert not [item for item in ids if "licin" in item]


def test_private_pages_never_appear(client):
    service = ServicePage.objects.get(stable_slug="akta-kelahiran", locale__language_code="id")
    PageViewRestriction.objects.create(page=service, restriction_type=PageViewRestriction.LOGIN)
    service.save_revision().publish()
    assert "service:akta-kelahiran" not in result_ids(search_json(client, q="akta kelahiran"))


def test_drafts_never_appear(client):
    office = OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id")
    draft = office.add_child(
        instance=ServicePage(title="Layanan Rahasia Zebra", slug="zebra", stable_slug="zebra", live=False)
    )
    draft.save_revision()
    assert "service:zebra" not in result_ids(search_json(client, q="layanan rahasia zebra"))


def test_synonyms_from_the_admin_apply_at_once(client):
    assert "service:akta-kelahiran" not in result_ids(search_json(client, q="surat brojol"))[:3]
    SynonymGroup.objects.create(terms="surat brojol, akta kelahiran")
    assert "service:akta-kelahiran" in result_ids(search_json(client, q="surat brojol"))[:2]


def test_promoted_result_comes_first_in_both_languages(client):
    office = OfficePage.objects.get(stable_slug="kecamatan-licin", locale__language_code="id")
    Query.get("ktp").editors_picks.create(page=office, sort_order=0, description="")
    indonesian = search_json(client, q="KTP")
    assert indonesian["results"][0]["id"] == "kecamatan-licin"
    assert indonesian["results"][0]["promoted"] is True
    english = search_json(client, q="ktp", lang="en")
    assert english["results"][0]["url"].endswith("/en/directory/kecamatan-licin/")


def test_searches_are_logged_per_language_with_the_ones_that_found_nothing(client):
    search_json(client, q="ktp hilang")
    search_json(client, q="Qwxzv Plorkt", lang="en")
    assert SearchQueryLog.objects.get(query="ktp hilang", language_code="id").searches_without_results == 0
    assert SearchQueryLog.objects.get(query="qwxzv plorkt", language_code="en").searches_without_results == 1


def test_search_page_lists_officers_with_call_buttons(client):
    html = client.get("/id/search/", {"q": "ktp hilang"}).content.decode()
    assert 'href="tel:+62' in html
    assert 'href="https://wa.me/62' in html
    assert "/id/direktori/dispendukcapil/ktp-el-hilang-rusak/" in html


def test_no_results_page_is_not_a_dead_end(client):
    response = client.get("/en/search/", {"q": "qwxzv plorkt"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="tel:112"' in html
    assert "/en/directory/" in html


def test_misspelt_query_gets_a_did_you_mean(client):
    data = search_json(client, q="kelahirran akte")
    suggestion = client.get("/en/search/", {"q": "xqzv kelahirran"}).content.decode()
    assert data["results"] or data.get("suggestion")
    assert "search" in suggestion


def test_report_lists_queries_that_found_nothing(admin_client):
    SearchQueryLog.record("qwxzv plorkt", "id", 0)
    response = admin_client.get("/admin/reports/searches/", {"without_results": "true"})
    assert response.status_code == 200
    assert "qwxzv plorkt" in response.content.decode()

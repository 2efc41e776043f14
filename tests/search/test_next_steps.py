"""When search is unsure, the results page says so plainly and offers next steps, in both languages."""

from urllib.parse import urlencode

import pytest
from wagtail import hooks

from search import site_search
from tests.support import html

pytestmark = [pytest.mark.django_db, pytest.mark.sample]

# Nothing in the directory is about cooking: the best results are far-fetched (Dispendukcapil's officers).
WEAK = "resep nasi goreng"
GOOD = "ktp hilang"
NOTHING = "qwxzv plorkt"
DIRECTORY = {"id": "/id/direktori/", "en": "/en/directory/"}
UNSURE = {"id": "Kami belum yakin", "en": "We are not sure"}


def results_page(client, language, query, **extra):
    return html.page(client, f"/{language}/search/?{urlencode({'q': query, **extra})}")


def test_the_outcome_says_whether_its_best_result_is_a_good_answer():
    assert site_search.search(GOOD, "id").confident
    assert not site_search.search(WEAK, "id").confident
    assert not site_search.search(NOTHING, "id").confident


def test_the_search_api_tells_an_app_whether_its_first_result_is_a_good_answer(client):
    def answer(query):
        response = client.get("/api/search/", {"q": query})
        assert response.status_code == 200
        return response.json()

    assert answer(GOOD)["confident"] is True
    weak = answer(WEAK)
    assert weak["results"], "a weak answer still lists what comes closest"
    assert weak["confident"] is False
    assert answer(NOTHING)["confident"] is False


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_weak_answer_says_so_plainly(client, language):
    unsure = html.section(results_page(client, language, WEAK), "unsure-heading")
    assert UNSURE[language] in html.text_of(unsure, "h2")


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_weak_answer_offers_the_types_of_office_it_touches_112_and_the_complaint_channels(client, language):
    links = html.hrefs(html.section(results_page(client, language, WEAK), "unsure-heading"))
    assert f"{DIRECTORY[language]}?kind=dinas" in links
    assert "tel:112" in links
    assert f"/{language}/feedback/complaint/dispendukcapil/" in links
    assert "https://www.lapor.go.id" in links


def test_weak_results_are_shown_only_as_a_less_prominent_maybe(client):
    page = results_page(client, "en", WEAK)
    results = html.section(page, "results-heading")
    assert html.text_of(results, "h2").startswith("Maybe")
    assert "result-list--maybe" in results.select_one("ol")["class"]
    # The next steps come first.
    assert str(page).index('id="unsure-heading"') < str(page).index('id="results-heading"')


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_good_answer_shows_its_results_without_doubt_or_next_steps(client, language):
    page = results_page(client, language, GOOD)
    assert html.section(page, "unsure-heading") is None
    assert UNSURE[language] not in html.visible_text(page)
    assert not html.section(page, "results-heading").select(".result-list--maybe")


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_query_that_finds_nothing_offers_112_and_the_complaint_channels(client, language):
    links = html.hrefs(html.section(results_page(client, language, NOTHING), "results-heading"))
    assert "tel:112" in links
    assert "https://www.lapor.go.id" in links


def test_answering_no_turns_even_a_good_list_into_next_steps(client):
    unsure = html.section(results_page(client, "en", GOOD, answered="no"), "unsure-heading")
    assert "Sorry that you did not find what you needed." in html.text_of(unsure, "h2")
    assert "/en/feedback/complaint/dispendukcapil/" in html.hrefs(unsure)


def test_an_app_adds_its_own_next_steps_through_the_hook(client):
    calls = []

    def life_events(query, results, language_code):
        calls.append((query, results[0].office, language_code))
        return [{"title": "A baby is born", "url": "/en/life-events/a-baby-is-born/"}]

    with hooks.register_temporarily("search_next_steps", life_events):
        unsure = html.section(results_page(client, "en", WEAK), "unsure-heading")
    assert ("A baby is born", "/en/life-events/a-baby-is-born/") in html.links(unsure, ".next-steps__topics a")
    assert calls == [(WEAK, "dispendukcapil", "en")]

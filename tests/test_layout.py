"""Pages built for the phone: one search box, 112 before the notices, the feed advertised, the dev 404."""

import pytest
from bs4 import BeautifulSoup

from tests.support.html import positions

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("path", ["/id/", "/en/", "/id/search/?q=ktp", "/en/search/"])
def test_home_and_search_pages_have_one_search_box(client, path):
    assert len(soup(client, path).select("input[type=search]")) == 1


def test_other_pages_keep_the_search_box_in_the_header(client):
    assert soup(client, "/id/direktori/dispendukcapil/").select(".site-header input[type=search]")


def test_the_home_page_puts_search_then_112_then_entry_points_before_notices(client):
    main = soup(client, "/id/").select_one("main")
    found = positions(main, ["input[type=search]", ".call-centre", "#home-kinds-heading"])
    assert None not in found and found == sorted(found)


def test_the_112_promise_does_not_make_emergencies_wait(client):
    text = soup(client, "/en/").select_one("main .call-centre").get_text(" ", strip=True)
    assert "Emergencies get help sent at once" in text


@pytest.mark.parametrize(
    ("path", "feed"), [("/id/", "/id/berita/feed/"), ("/en/directory/dispendukcapil/", "/en/news/feed/")]
)
def test_the_feed_is_advertised_on_every_page_of_its_language(client, path, feed):
    links = soup(client, path).select('link[rel=alternate][type="application/atom+xml"]')
    if not links:
        pytest.skip("no announcements index in the test database")
    assert [link["href"] for link in links] == [f"http://testserver{feed}"] or links[0]["href"].endswith(feed)


def test_a_service_page_shows_requirements_cost_duration_and_channels_before_its_officers(client):
    main = soup(client, "/id/direktori/dispendukcapil/ktp-el-hilang-rusak/").select_one("main")
    order = ["#service-requirements-heading", "#service-cost-heading", "#service-duration-heading"]
    order += ["#service-channels-heading", "#service-who-heading", 'a[href*="feedback/survey/"]']
    found = positions(main, order)
    assert None not in found and found == sorted(found)


def test_an_office_page_lists_services_as_links_and_offers_jump_links(client):
    page = soup(client, "/id/direktori/dispendukcapil/")
    assert page.select(".service-list--compact a")
    assert not page.select(".service-list--compact p")
    jumps = [a["href"] for a in page.select(".jump-links a")]
    assert jumps[:2] == ["#office-contacts-heading", "#office-services-heading"]


def test_in_development_an_unknown_url_shows_the_sites_404_page(client, settings):
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "melayani.middleware.SiteNotFoundPageMiddleware"]
    response = client.get("/id/halaman-yang-tidak-ada/")
    assert BeautifulSoup(response.content, "html.parser").select("header.site-header")

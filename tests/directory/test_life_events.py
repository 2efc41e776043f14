"""Life events: pages in both languages listing their services in order with each one's officer, reached
from the home page, in the sitemap and in search; a service's situations on its page and in search."""

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import Locale

from directory.models import LifeEventIndexPage, LifeEventPage
from directory.transfer.life_events import life_events_data, load_life_events
from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, translate
from tests.support.html import hrefs, language, page, texts

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LOST_WALLET = ("Dompet saya dicopet dan KTP ikut hilang", "My wallet was stolen with my ID card in it")
ALONE = (
    "Nenek saya tinggal sendirian dan tidak bisa memasak lagi",
    "My grandmother lives alone and can no longer cook",
)


def event_record(slug, services, title=("Bayi lahir", "A baby is born")):
    return {
        "slug": slug,
        "title": {"id": title[0], "en": title[1]},
        "introduction": {"id": "Dari persalinan sampai akta.", "en": "From the birth to the certificate."},
        "services": services,
    }


@pytest.fixture
def office():
    office = OfficePageFactory(title="Dinas Kependudukan Percobaan")
    office.registrar = ContactPersonFactory(office=office, name="Sri Wahyuni", position="Petugas Akta")
    office.clerk = ContactPersonFactory(office=office, name="Budi Santoso", position="Petugas KK")
    translate(
        office,
        {"title": "Civil Registry Test Office"},
        contacts={
            office.registrar: {"position": "Certificate officer"},
            office.clerk: {"position": "Family card clerk"},
        },
    )
    return office


def service(office, slug, title, english_title, officers, situations=((), ())):
    source = ServicePageFactory(
        parent=office,
        slug=slug,
        title=title,
        officers=officers,
        situations=[("situation", text) for text in situations[0]],
    )
    texts = {"title": english_title}
    texts.update({f"situations.{block.id}": text for block, text in zip(source.situations, situations[1], strict=True)})
    translate(source, texts)
    return source


@pytest.fixture
def birth_services(office):
    return [
        service(office, "akta-lahir-uji", "Akta kelahiran uji", "Test birth certificate", [office.registrar]),
        service(office, "kk-uji", "Perubahan KK uji", "Test family card update", [office.clerk, office.registrar]),
    ]


@pytest.fixture
def event(birth_services):
    index = LifeEventIndexPage.objects.get(locale__language_code="id")
    load_life_events(index, [event_record("bayi-lahir-uji", ["kk-uji", "akta-lahir-uji"])])
    return LifeEventPage.objects.get(stable_slug="bayi-lahir-uji", locale__language_code="id")


def steps(document):
    """The services' names, and each one's officer as "name, position", in page order."""
    officers = zip(
        texts(document, ".event-step__officer-name"), texts(document, ".event-step__officer-position"), strict=True
    )
    return texts(document, ".event-step__title"), [", ".join(officer) for officer in officers]


def opened(links):
    """The pages the results lead to: a result's link goes through /search/open/ (which records it)."""
    return [parse_qs(urlsplit(link).query).get("to", [link])[0] for link in links]


def english():
    return Locale.objects.get(language_code="en")


def test_an_event_lists_its_services_in_the_citizens_order_each_with_its_officer(client, event):
    titles, officers = steps(page(client, event.url))
    assert titles == ["Perubahan KK uji", "Akta kelahiran uji"]
    assert officers == ["Budi Santoso, Petugas KK", "Sri Wahyuni, Petugas Akta"]


def test_the_english_event_shows_the_english_services_and_officers(client, event):
    translated = event.get_translation(english())
    document = page(client, translated.url)
    assert language(document) == "en"
    titles, officers = steps(document)
    assert titles == ["Test family card update", "Test birth certificate"]
    assert officers == ["Budi Santoso, Family card clerk", "Sri Wahyuni, Certificate officer"]
    assert translated.url == "/en/life-events/a-baby-is-born/"


@pytest.mark.parametrize("url", ["/id/", "/en/"])
def test_the_home_page_leads_to_the_life_events(client, event, url):
    home = page(client, url)
    index = LifeEventIndexPage.objects.get(locale__language_code=url.strip("/"))
    event_in_language = LifeEventPage.objects.get(stable_slug="bayi-lahir-uji", locale=index.locale)
    assert index.url in hrefs(home)
    assert event_in_language.url in hrefs(home)
    assert event_in_language.url in hrefs(page(client, index.url), "main a[href]")


def test_the_sitemap_lists_the_event_in_both_languages(client, event):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {url.findtext(f"{SITEMAP}loc") for url in ET.fromstring(response.content).findall(f"{SITEMAP}url")}
    translated = event.get_translation(english())
    assert {f"http://localhost{event.url}", f"http://localhost{translated.url}"} <= locations


def test_loading_the_same_events_again_changes_nothing_and_names_missing_services(event):
    index = event.get_parent().specific
    record = event_record("bayi-lahir-uji", ["kk-uji", "akta-lahir-uji", "tidak-ada"])
    report = load_life_events(index, [record, event_record("kosong", ["tidak-ada"], ("Kosong", "Empty"))])
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert report.missing_services == ("tidak-ada",)
    assert not LifeEventPage.objects.filter(stable_slug="kosong").exists()


def test_the_demo_events_name_services_of_the_sample_directory():
    from tests.conftest import load_sample

    slugs = {service["slug"] for office in load_sample()["opds"] for service in office["services"]}
    events = life_events_data()["events"]
    assert len(events) >= 10
    assert all(set(event["services"]) <= slugs for event in events)


def test_a_service_page_shows_when_you_need_it_in_both_languages(client, office):
    source = service(
        office, "ktp-uji", "KTP uji", "Test ID card", [office.registrar], (LOST_WALLET[:1], LOST_WALLET[1:])
    )
    assert LOST_WALLET[0] in texts(page(client, source.url), ".situations li")
    assert LOST_WALLET[1] in texts(page(client, source.get_translation(english()).url), ".situations li")


@pytest.mark.parametrize(("url", "query"), [("/id/search/", "bayi lahir"), ("/en/search/", "baby born")])
def test_search_finds_the_event_page(client, event, url, query):
    results = page(client, f"{url}?q={query}")
    english_or_not = event if url.startswith("/id/") else event.get_translation(english())
    assert english_or_not.url in opened(hrefs(results, ".search-hit a"))


def test_search_finds_a_service_by_one_of_its_situations(client, office):
    wanted = service(
        office,
        "permakanan-uji",
        "Layanan Percobaan Satu",
        "Trial Service One",
        [office.clerk],
        ([ALONE[0]], [ALONE[1]]),
    )
    service(office, "lain-uji", "Layanan Percobaan Dua", "Trial Service Two", [office.clerk])
    results = page(client, "/en/search/?q=grandma living by herself cannot make her own meals")
    found = opened(hrefs(results, ".search-hit__title a"))
    assert found and found[0] == wanted.get_translation(english()).url


def test_an_editors_new_order_reaches_the_english_page_when_published(client, event):
    source = LifeEventPage.objects.get(pk=event.pk)
    links = list(source.service_links.all())
    for order, link in enumerate(reversed(links)):
        link.sort_order = order
    source.service_links = list(reversed(links))
    source.save_revision().publish()
    titles, _officers = steps(page(client, event.get_translation(english()).url))
    assert titles == ["Test birth certificate", "Test family card update"]


def test_editors_can_open_a_life_event_and_add_one_in_the_admin(admin_client, event):
    assert admin_client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
    # The English page opens in wagtail-localize's translation editor.
    assert admin_client.get(f"/admin/pages/{event.get_translation(english()).pk}/edit/").status_code == 200
    index = event.get_parent()
    assert admin_client.get(f"/admin/pages/add/directory/lifeeventpage/{index.pk}/").status_code == 200


@pytest.mark.parametrize("language_code", ["id", "en"])
def test_an_unsure_search_offers_the_life_events_that_list_its_services(event, language_code):
    from directory.search_source import life_event_steps
    from search.site_search import Ranked

    found = [Ranked("service", "akta-lahir-uji", "dispendukcapil", 1.0), Ranked("office", "dinkes", "dinkes", 0.5)]
    steps = life_event_steps("anak saya lahir", found, language_code)
    expected = event if language_code == "id" else event.get_translation(english())
    assert [step["url"] for step in steps] == [expected.url]
    assert expected.title in steps[0]["title"]
    assert life_event_steps("kantor", [Ranked("office", "dinkes", "dinkes", 0.5)], language_code) == []

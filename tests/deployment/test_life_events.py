"""Production settings on gunicorn: the demo's life events over HTTP in both languages, in the sitemap and in
search, and a service's situations on its page."""

import re

import pytest

from tests.support import servers

from .conftest import require_binaries

pytestmark = [pytest.mark.servers, pytest.mark.django_db, pytest.mark.sample]

# The demo's events, with the services of the imported slice they list; removed again afterwards.
LOAD = """
from directory.transfer.life_events import life_events_data, load_life_events
from directory.models import LifeEventIndexPage
load_life_events(LifeEventIndexPage.objects.get(locale__language_code="id"), life_events_data()["events"])
"""
REMOVE = """
from directory.models import LifeEventPage
for page in LifeEventPage.objects.order_by("-locale__language_code"):
    page.delete()
"""
BIRTH = {"id": "/id/peristiwa-hidup/bayi-lahir/", "en": "/en/life-events/a-baby-is-born/"}


@pytest.fixture
def host(test_database_url, static_root, tmp_path):
    require_binaries("gunicorn")
    servers.manage(test_database_url, "shell", "-c", LOAD)
    environment = {"DATABASE_URL": test_database_url, "STATIC_ROOT": static_root, "PAGE_CACHE_DIR": tmp_path}
    try:
        with servers.gunicorn(workers=1, **environment) as port:
            yield port
    finally:
        servers.manage(test_database_url, "shell", "-c", REMOVE)


def step_titles(response):
    return re.findall(r'class="event-step__title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_life_events_are_served_in_both_languages_and_found(host):
    home = servers.request(host, "/id/")
    assert BIRTH["id"] in home.text
    indonesian, english = (servers.request(host, BIRTH[language]) for language in ("id", "en"))
    assert indonesian.status == english.status == 200
    assert step_titles(indonesian) == [
        "Penerbitan akta kelahiran",
        "Perubahan data Kartu Keluarga",
        "Kartu Identitas Anak (KIA)",
    ]
    assert len(step_titles(english)) == 3
    assert english.text.count('class="event-step__officer-name"') == 3
    sitemap = servers.request(host, "/sitemap.xml").text
    assert all(f"{path}</loc>" in sitemap for path in BIRTH.values())
    results = servers.request(host, "/en/search/?q=a+baby+is+born")
    # A result opens through /search/open/, which records the choice and leads to the page.
    assert f"?to={BIRTH['en']}&amp;" in results.text


def test_a_service_page_says_when_a_citizen_needs_it(host):
    service = servers.request(host, "/en/directory/dispendukcapil/ktp-el-hilang-rusak/")
    assert service.status == 200
    assert "My wallet was stolen with my ID card in it" in service.text

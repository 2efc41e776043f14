import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from tests.support.html import page

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, as Atom (RFC 4287 §3.3) requires.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def feed_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def is_iri(value):
    parts = urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


def assert_valid_atom(feed):
    """The MUSTs of RFC 4287 for a feed and its entries."""
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert is_iri(feed.findtext(f"{ATOM}id"))
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
    assert [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    entries = feed.findall(f"{ATOM}entry")
    every_entry_has_author = all(entry.find(f"{ATOM}author") is not None for entry in entries)
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None or every_entry_has_author
    ids = [feed.findtext(f"{ATOM}id")]
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        if entry.find(f"{ATOM}published") is not None:
            assert RFC3339.match(entry.findtext(f"{ATOM}published"))
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and is_iri(alternates[0].get("href"))
        assert entry.find(f"{ATOM}content") is not None or alternates
        assert is_iri(entry.findtext(f"{ATOM}id"))
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids))
    return entries


@pytest.mark.parametrize(("url", "language"), [("/id/berita/feed/", "id"), ("/en/news/feed/", "en")])
def test_feed_is_valid_atom_in_each_language(client, site, url, language):
    feed = feed_of(client, url)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert assert_valid_atom(feed)


def test_feed_lists_the_languages_own_pages_newest_first(client, site):
    entries = feed_of(client, "/en/news/feed/").findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles[0] == "Dispendukcapil service hall under renovation"
    assert site.current_notice.title not in titles
    assert all("/en/news/" in entry.find(f"{ATOM}link").get("href") for entry in entries)


def test_backdated_announcement_is_published_on_its_date(client, site):
    entries = feed_of(client, "/id/berita/feed/").findall(f"{ATOM}entry")
    agenda = next(entry for entry in entries if entry.findtext(f"{ATOM}title") == site.agenda.title)
    assert agenda.findtext(f"{ATOM}published").startswith("2024-06-01")


def test_index_page_advertises_its_feed(client, site):
    feeds = page(client, "/id/berita/").select('head link[rel=alternate][type="application/atom+xml"]')
    assert [link["href"] for link in feeds] == ["/id/berita/feed/"]

"""Pages read as a visitor reads them: parsed, then headings, text, links and attributes picked out."""

import json

from bs4 import BeautifulSoup


def soup(response, status=200):
    """The parsed page of a test-client ``response`` (its status checked first)."""
    assert response.status_code == status, (response.status_code, getattr(response, "url", ""))
    return BeautifulSoup(response.content, "html.parser")


def page(client, url, status=200):
    """``url`` fetched with ``client`` and parsed."""
    return soup(client.get(url), status)


def visible_text(node):
    """What a reader sees of ``node``: its text without scripts (JSON-LD is for machines) or styles."""
    node = BeautifulSoup(str(node), "html.parser")
    for hidden in node.select("script, style, template"):
        hidden.decompose()
    return " ".join(node.get_text(" ").split())


def text_of(node, selector):
    """The visible text of the first element matching ``selector`` (an AssertionError when none does)."""
    found = node.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return visible_text(found)


def texts(node, selector):
    """The visible text of every element matching ``selector``, in page order."""
    return [visible_text(found) for found in node.select(selector)]


def links(node, selector="a[href]"):
    """``[(text, href), …]`` of the links in ``node``, in page order."""
    return [(visible_text(link), link["href"]) for link in node.select(selector)]


def hrefs(node, selector="a[href]"):
    return [link["href"] for link in node.select(selector)]


def language(node):
    """The page's ``<html lang>``."""
    return node.select_one("html")["lang"]


def section(node, heading_id):
    """The region labelled by the heading ``heading_id`` (``aria-labelledby``), or None when the page has none."""
    return node.select_one(f'[aria-labelledby="{heading_id}"]')


def json_ld(node):
    """The page's one schema.org JSON-LD object."""
    scripts = node.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD scripts"
    return json.loads(scripts[0].string)


def meta_properties(node):
    """The page's ``<meta property>`` values (Open Graph): {property: [content, …]}."""
    found = {}
    for tag in node.select("head meta[property]"):
        found.setdefault(tag["property"], []).append(tag["content"])
    return found


def all_text(node):
    """Every string of ``node``, scripts (JSON-LD) and comments included: for checking that something is absent."""
    return " ".join(node.find_all(string=True))


def positions(node, selectors):
    """Where the first element matching each selector stands in ``node``, in document order (None when absent)."""
    elements = node.find_all(True)
    found = []
    for selector in selectors:
        match = node.select_one(selector)
        found.append(None if match is None else elements.index(match))
    return found

"""Where each app hands in its searchable objects.

An app registers a ``SearchSource`` in its ``AppConfig.ready``; the search imports no
app of the site. A source gives the engine its documents (see ``search.engine.lexical``
for their shape, plus ``meaning``: plain text for the embedding model), turns ranked
``(type, id)`` items back into hits to show, in the visitor's language, and may name the
item a promoted page stands for and the querysets the Wagtail search backend can search.
Hits that the JSON API shows as more than a page register their schema (``ApiHit``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple


class Ranked(NamedTuple):
    type: str
    id: str
    office: str
    score: float
    promoted: bool = False


@dataclass
class SearchHit:
    type: str
    id: str
    title: str
    office: str
    url: str
    snippet: str
    score: float
    promoted: bool = False
    contact: object = None  # a contact person, for officer results
    page: object = None
    office_page: object = None  # the office a contact or service belongs to
    also_offered_by: list = field(default_factory=list)  # other offices with the same service

    @classmethod
    def for_item(cls, item: Ranked, **shown) -> "SearchHit":
        """A hit for a ranked item; ``shown`` gives what is displayed (title, url, snippet …)."""
        return cls(type=item.type, id=item.id, office=item.office, score=item.score, promoted=item.promoted, **shown)


@dataclass(frozen=True)
class SearchSource:
    """Documents carry a ``scope``: the part of the index that one page's change rebuilds
    (an office with its contacts and services, an announcement)."""

    types: tuple[str, ...]
    # (scopes or None for all) -> documents of the published, public objects, in every language
    documents: Callable[..., list[dict]]
    # (ranked items of this source's types, locale, fallback locale, request) -> {(type, id): SearchHit}
    load_hits: Callable
    # (page) -> Ranked or None: the item a promoted page stands for
    page_item: Callable = lambda page: None
    # (locale) -> {type: (queryset, function giving an object's id)} for the Wagtail search backend
    backend_querysets: Callable = lambda locale: {}
    # (page ids) -> the scopes of the pages that still exist
    scopes_for_pages: Callable = lambda page_ids: set()
    # () -> {scope: keys of its published, public pages}: finds what a deletion or a move changed
    scope_members: Callable = lambda: {}
    # the types of ``types`` that are pages of their own (contacts are parts of office pages)
    page_types: tuple[str, ...] = ()


_sources: list[SearchSource] = []


def register(source: SearchSource) -> None:
    if source not in _sources:
        _sources.append(source)


def sources() -> list[SearchSource]:
    return list(_sources)


@dataclass(frozen=True)
class ApiHit:
    """How ``/api/search/`` shows hits of ``type``, when more than as a page (``search.api.Hit``).

    ``schema`` is a ninja ``Schema`` whose ``type`` field is ``Literal[type]``;
    ``serialize(request, hit, shown)`` gives it for a ``SearchHit``, ``shown`` holding what
    every result has (``id``, ``title``, ``snippet``, ``promoted``).
    """

    type: str
    schema: type
    serialize: Callable


_api_hits: dict[str, ApiHit] = {}


def register_api_hit(api_hit: ApiHit) -> None:
    _api_hits[api_hit.type] = api_hit


def api_hits() -> dict[str, ApiHit]:
    return dict(_api_hits)

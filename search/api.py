"""The search and its suggestions as JSON (``/api/search/…``).

Most results are pages (``Hit``). Contact persons are shown with the directory's
``Contact`` schema, which the search, below the directory, may not import: the directory
registers its ``ContactHit`` (``search.registry.register_api_hit``) in its
``AppConfig.ready``, as it registers its documents. Registering, rather than moving this
router above the directory, keeps the endpoint in the search app and the OpenAPI document
as it was: the same paths, schemas and operation ids (ninja derives those from this
module's name). The result schemas are built from what is registered when this module is
imported, so it refuses to be imported before every app is ready (the URLconf imports it after).
"""

from typing import Annotated, Literal, Union

from django.apps import apps
from django.core.exceptions import AppRegistryNotReady
from ninja import Query, Router, Schema
from pydantic import Field

from core.api import ERROR_RESPONSES, ApiError, Language, empty_as

from . import query_log, registry, site_search

if not apps.ready:
    raise AppRegistryNotReady(
        "search.api builds its schemas from the apps' registrations: import it once they are ready."
    )

router = Router(tags=["search"])

DEFAULT_LIMIT, MAX_LIMIT = 10, 50
API_HITS = registry.api_hits()
PAGE_TYPES = tuple(kind for kind in site_search.RESULT_TYPES if kind not in API_HITS)


class Hit(Schema):
    """A service, office, news item or life event found."""

    type: Literal[PAGE_TYPES]
    id: str = Field(description="Stable identifier of what was found.")
    title: str
    office: str = Field(description="Stable identifier of its office; empty when it has none.")
    url: str
    snippet: str
    promoted: bool = Field(description="Chosen by the editors for this query.")


def _result():
    schemas = (*(api_hit.schema for api_hit in API_HITS.values()), Hit)
    return Annotated[Union[schemas], Field(discriminator="type")] if len(schemas) > 1 else Hit  # noqa: UP007


Result = _result()


class SearchResults(Schema):
    query: str = Field(description="The query as searched: control characters removed, bounded length.")
    lang: str
    results: list[Result]
    confident: bool = Field(
        description="Whether the first result is a good answer rather than merely the closest one. When false, "
        "the search page says so and offers topics, the 112 emergency number and the complaint channels."
    )
    suggestion: str | None = Field(None, description="Only when nothing was found: a query that may do better.")
    closest_offices: list[Result] | None = Field(None, description="Only when nothing was found.")


class Suggestions(Schema):
    query: str
    lang: str
    suggestions: list[str]


Words = Annotated[str, Query(description="The words to search for.")]
Types = Annotated[
    str,
    Query("", alias="type", description=f"Comma-separated, of: {', '.join(site_search.RESULT_TYPES)}; all when empty."),
]
Limit = Annotated[
    int,
    empty_as(DEFAULT_LIMIT),
    Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most this many results (default {DEFAULT_LIMIT})."),
]


def _types(raw):
    if not raw:
        return None
    types = [item.strip() for item in raw.split(",") if item.strip()]
    unknown = [item for item in types if item not in site_search.RESULT_TYPES]
    if unknown or not types:
        raise ApiError(400, f"type must be one or more of: {', '.join(site_search.RESULT_TYPES)} (comma-separated).")
    return types


def _query(raw):
    query = site_search.clean_query(raw)
    if not query:
        raise ApiError(400, "q is required: the words to search for.")
    return query


def hit_data(request, hit):
    shown = {"id": hit.id, "title": hit.title, "snippet": hit.snippet, "promoted": hit.promoted}
    if hit.type in API_HITS:
        return API_HITS[hit.type].serialize(request, hit, shown)
    url = request.build_absolute_uri(hit.url) if hit.url else hit.url
    return Hit(type=hit.type, office=hit.office, url=url, **shown)


@router.get("/", response={200: SearchResults, **ERROR_RESPONSES}, exclude_unset=True, url_name="api-search")
def search_api(
    request,
    q: Words,
    lang: Language = "id",
    types: Types = "",
    limit: Limit = DEFAULT_LIMIT,
):
    """Services, offices, contact persons and news for citizen's words, best first."""
    types, query = _types(types), _query(q)
    outcome = site_search.search(query, lang, types=types, limit=limit, request=request)
    query_log.count_after_response(query, lang, len(outcome.hits))
    data = {
        "query": query,
        "lang": lang,
        "results": [hit_data(request, hit) for hit in outcome.hits],
        "confident": outcome.confident,
    }
    if not outcome.hits:
        data["suggestion"] = outcome.suggestion
        data["closest_offices"] = [hit_data(request, hit) for hit in outcome.closest_offices]
    return data


@router.get("/suggest/", response={200: Suggestions, **ERROR_RESPONSES}, url_name="api-search-suggest")
def suggest_api(request, q: Words, lang: Language = "id"):
    """Completions of what is being typed."""
    query = _query(q)
    return {"query": query, "lang": lang, "suggestions": site_search.suggest(query)}

"""What every app's JSON API shares: one error shape, HTML-safe JSON, pagination, absolute links.

Apps declare a ninja ``Router``; the shell adds them to one ``SiteAPI``. Errors of any
kind are answered as ``{"error": message, "status": code}`` with a 400, 404 or 405 (a 503
with ``Retry-After`` when the database is locked or down), never ninja's 422 nor an HTML
page. Their messages are for developers and, like pydantic's validation messages they
include, always in English, whatever ``lang`` asks for. The
API is read-only: GET, and HEAD wherever GET is allowed.
"""

import functools
from typing import Annotated, Generic, Literal, TypeVar

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer
from pydantic import BeforeValidator, Field, WrapValidator
from wagtail.models import Locale

from .unavailable import DATABASE_UNAVAILABLE, log_unavailable, retry_later

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class ApiError(HttpError):
    """A client's mistake, answered in the API's error shape with ``status_code``."""


class Error(Schema):
    error: str = Field(description="What was wrong with the request, for a developer to read.")
    status: int = Field(description="The HTTP status code, repeated.")


# Every operation declares these beside its own 200 answer.
ERROR_RESPONSES = {400: Error, 404: Error, 503: Error}


class HtmlSafeJSONRenderer(JSONRenderer):
    """UTF-8 JSON whose text never holds a literal ``<``, ``>`` or ``&``.

    The API echoes what it was sent (a search query, an identifier in an error); escaped
    this way, an answer shown by a careless client or sniffed as HTML cannot become markup.
    """

    json_dumps_params = {"ensure_ascii": False}

    def render(self, request, data, *, response_status):
        text = super().render(request, data, response_status=response_status)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


RENDERER = HtmlSafeJSONRenderer()


NOT_FOUND = "Not found."
UNAVAILABLE = "The database is busy or unavailable; try again in a moment (see Retry-After)."
READ_ONLY_METHODS = ("GET", "HEAD")


def error_response(request, status, message):
    content = RENDERER.render(request, {"error": str(message), "status": status}, response_status=status)
    return HttpResponse(content, status=status, content_type=RENDERER.media_type)


def database_unavailable(request, error=None):
    """The JSON 503 for a database that is locked or down (``core.unavailable``)."""
    if error is not None:
        log_unavailable(request, error)
    return retry_later(error_response(request, 503, UNAVAILABLE))


def not_found(request, *args, **kwargs):
    """A plain Django view: unknown addresses under ``/api/`` get the API's JSON 404 too."""
    return error_response(request, 404, NOT_FOUND)


def read_only(view):
    """``view`` answering HEAD as GET without the body, and other methods with a JSON 405."""

    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        if request.method not in READ_ONLY_METHODS:
            response = error_response(request, 405, f"Method {request.method} not allowed; this API is read-only.")
            response["Allow"] = ", ".join(READ_ONLY_METHODS)
            return response
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return answer


def _validation_message(errors):
    parts = []
    for error in errors:
        name = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        parts.append(f"{name}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) + "."


class SiteAPI(NinjaAPI):
    """A ``NinjaAPI`` answering in the site's error shape and its HTML-safe JSON."""

    def __init__(self, **kwargs):
        kwargs.setdefault("renderer", RENDERER)
        super().__init__(**kwargs)
        self.add_exception_handler(ValidationError, lambda request, exc: self._error(request, 400, exc))
        self.add_exception_handler(HttpError, lambda request, exc: self._error(request, exc.status_code, exc))
        self.add_exception_handler(Http404, lambda request, exc: error_response(request, 404, NOT_FOUND))
        for error in DATABASE_UNAVAILABLE:
            self.add_exception_handler(error, database_unavailable)

    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            pattern.callback = read_only(pattern.callback)
        return patterns

    @staticmethod
    def _error(request, status, exc):
        message = _validation_message(exc.errors) if isinstance(exc, ValidationError) else exc.message
        return error_response(request, status, message)

    def get_content_type(self):
        # As Django's JsonResponse: UTF-8 is JSON's only encoding, so no charset parameter.
        return self.renderer.media_type


def empty_as(default):
    """A query parameter sent empty (``?lang=``) counts as absent, as in the site's forms."""
    return BeforeValidator(lambda value: default if value in ("", None) else value)


LANGUAGE_CODES = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
DEFAULT_LANGUAGE = LANGUAGE_CODES[0]
UNKNOWN_LANGUAGE = f"lang must be one of: {', '.join(LANGUAGE_CODES)}."


def requested_locale(code):
    """The content locale ``?lang=`` asks for (the default when empty or absent); any other is a 400."""
    code = code or DEFAULT_LANGUAGE
    locale = Locale.objects.filter(language_code=code).first() if code in LANGUAGE_CODES else None
    if locale is None:
        raise ApiError(400, UNKNOWN_LANGUAGE)
    return locale


def _known_language(value, handler):
    # Not a ValueError, so pydantic lets it through to the API's handler: the same message everywhere.
    if value not in LANGUAGE_CODES:
        raise ApiError(400, UNKNOWN_LANGUAGE)
    return handler(value)


# ``?lang=`` of every endpoint: a content language, the default when empty or absent.
Language = Annotated[
    Literal[LANGUAGE_CODES],
    WrapValidator(_known_language),
    empty_as(DEFAULT_LANGUAGE),  # the last validator listed runs first
    Query(DEFAULT_LANGUAGE, description="Language of the answer."),
]
PageNumber = Annotated[int, empty_as(1), Query(1, ge=1, description="Page of results, from 1.")]
PageSize = Annotated[
    int,
    empty_as(DEFAULT_PAGE_SIZE),
    Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"Results per page (default {DEFAULT_PAGE_SIZE})."),
]

T = TypeVar("T")


class Paginated(Schema, Generic[T]):
    count: int = Field(description="Results on all pages.")
    next: str | None = Field(description="Absolute URL of the next page, if any.")
    previous: str | None = Field(description="Absolute URL of the previous page, if any.")
    results: list[T]


def paginate(request, items, page_number, page_size, serialize):
    """One page of ``items`` as ``Paginated``: links keep the request's other parameters; past the end is a 404."""
    paginator = Paginator(items, page_size)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        raise ApiError(404, "That page of results does not exist.") from None

    def page_link(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": paginator.count,
        "next": page_link(page.next_page_number()) if page.has_next() else None,
        "previous": page_link(page.previous_page_number()) if page.has_previous() else None,
        "results": [serialize(item) for item in page.object_list],
    }


def unstorable(text):
    """Text no database column holds (PostgreSQL refuses NUL): as an identifier, it names nothing."""
    return "\x00" in text


def absolute_url(request, page):
    """The page's public address: on the requested host in an answer, the site's own without a request (exports)."""
    if request is None:
        return page.get_full_url()
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None

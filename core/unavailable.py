"""When the database is locked or down: a 503 with ``Retry-After``, never a 500, and nothing typed is lost.

A write that waits longer than ``DATABASE_LOCK_TIMEOUT`` for another connection's lock, or
a database that cannot be reached, raises ``OperationalError`` (``InterfaceError`` for a
connection that went away). Views that know their form show it again with the visitor's
answers (the citizens' forms do); everything else meets the safety net here: the
middleware for errors in views and templates, ``server_error`` (the site's ``handler500``)
for errors in other middleware. JSON under ``/api/`` gets the API's error shape; a page
gets ``503.html``, rendered without the database, which offers a form that was sent to
be sent again as it was.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# Long enough for a lock or a restart to pass, short enough that the visitor tries again.
RETRY_AFTER_SECONDS = 30
API_PREFIX = "/api/"
# Posted fields never written back into a page.
SECRET_FIELD_MARKERS = ("password",)


def log_unavailable(request, error):
    logger.warning("Database unavailable for %s %s: %s", request.method, request.path, error)


def retry_later(response):
    """``response`` told to come back in ``RETRY_AFTER_SECONDS``, and kept by no cache."""
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def posted_fields(request):
    """The text fields a POST carried, as ``(name, value)`` pairs, secrets left out."""
    if request.method != "POST":
        return []
    try:
        items = [(name, value) for name, values in request.POST.lists() for value in values]
    except Exception:  # a body that cannot be read again has nothing to offer back
        return []
    return [(name, value) for name, value in items if not any(mark in name.lower() for mark in SECRET_FIELD_MARKERS)]


def unavailable_page(request):
    """``503.html``: no database, no context processors; a form that was sent comes back ready to resend."""
    fields = posted_fields(request)
    context = {
        "action": request.get_full_path(),
        "fields": fields,
        # What was written in words (a message, a note), shown so that it can also be copied.
        "texts": [value for _name, value in fields if len(value.split()) > 1],
    }
    content = loader.render_to_string("503.html", context)
    return retry_later(HttpResponse(content, status=503))


def unavailable_response(request):
    if request.path_info.startswith(API_PREFIX):
        from .api import database_unavailable  # core.api builds on this module

        return database_unavailable(request)
    return unavailable_page(request)


class DatabaseUnavailableMiddleware:
    """A view or template that found the database locked or down is answered with a 503, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        log_unavailable(request, exception)
        return unavailable_response(request)


def server_error(request, *args, **kwargs):
    """The site's ``handler500``: a 503 when the error was the database's unavailability."""
    if isinstance(sys.exception(), DATABASE_UNAVAILABLE):
        return unavailable_response(request)
    return defaults.server_error(request, *args, **kwargs)

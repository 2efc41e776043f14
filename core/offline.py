"""Which responses the site's service worker may keep on a citizen's phone for use without signal.

The site's service worker (the shell serves it at ``/sw.js``) keeps only responses that carry
``KEEP_OFFLINE_HEADER``, and only when they are shareable (no ``private``/``no-store``/``no-cache``): office pages,
service pages, vCards and the compact directory mark themselves with ``keep_offline``. A page
that stops being marked (made private, unpublished) is dropped from the phone the next time it
is opened online, because the worker then gets the password form or a 404 without the mark.
"""

from django.conf import settings

KEEP_OFFLINE_HEADER = "X-Keep-Offline"


def has_no_session(request):
    """No session cookie, so nobody logged in and no password typed: what everybody sees.

    Read from the cookie rather than ``request.user``, which would add ``Vary: Cookie`` and keep
    the page out of the page cache.
    """
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def keep_offline(request, response):
    """Mark ``response`` as one the service worker may keep, unless the visitor has a session."""
    if request.method == "GET" and response.status_code == 200 and has_no_session(request):
        response[KEEP_OFFLINE_HEADER] = "1"
    return response


class KeptOfflineMixin:
    """A page type whose pages a citizen's phone keeps for use without signal (``keep_offline``)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return keep_offline(request, response)

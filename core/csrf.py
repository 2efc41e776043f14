"""A form refused by the CSRF check: the citizen's text comes back to copy, never a bare 403.

The check fails when the browser keeps no cookie of ours (blocked, or cleared) or a page stayed
open past its token. The form is not sent again from here: a form posted from another site
would then go through with one click. What was written is shown, to copy into the form again.
"""

from django.http import HttpResponseForbidden
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from .unavailable import posted_fields


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a page in the site's language that says why and gives back what was written."""
    referer = request.META.get("HTTP_REFERER", "")
    same_site = url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure())
    context = {
        # The page the form was on (the form's own address may answer only a POST).
        "back": referer if referer and same_site else "/",
        # What was written in words (a message, an address), as the 503 page shows it.
        "texts": [value for _name, value in posted_fields(request) if len(value.split()) > 1],
    }
    response = HttpResponseForbidden(loader.render_to_string("403_csrf.html", context))
    add_never_cache_headers(response)
    return response

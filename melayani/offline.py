"""The site as an installable web app that keeps the contacts a citizen opened for use without signal.

``/sw.js`` is the service worker (``templates/melayani/service_worker.js``), served from the
root so that its scope is the whole site; its cache name carries a version, the hash of its own text
(which names the stylesheet's hashed file), so a new stylesheet or worker replaces the old
shell. ``/<lang>/manifest.webmanifest`` describes the app in each language and
``/<lang>/offline/`` is the page the worker shows for a page it has not kept. What it may
keep is decided by the pages themselves (``core.offline``). Browsers without service workers
never ask for any of this.
"""

import functools
import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.offline import KEEP_OFFLINE_HEADER

WORKER_TEMPLATE = "melayani/service_worker.js"
# Pages kept on a phone: about 50 office and service pages, a few hundred kilobytes at most.
MAX_KEPT_PAGES = 50
THEME_COLOUR = "#0a4f8a"
# The worker shows the saved time and the saved pages by rewriting these exact pieces of markup
# (templates/base.html, templates/melayani/offline_page.html).
SAVED_NOTE = {
    "hidden": '<p class="saved-copy" hidden>',
    "shown": '<p class="saved-copy">',
    "time": "<time data-saved-at></time>",
}
SAVED_LIST = {
    "hidden": '<ul class="saved-pages" hidden>',
    "shown": '<ul class="saved-pages">',
    "none": '<p class="saved-none">',
    "noneHidden": '<p class="saved-none" hidden>',
}
# How the worker writes dates, per language of the site.
DATE_LOCALES = {"id": "id-ID", "en": "en-GB"}


def _in_each_language(view_name):
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse(view_name)
    return urls


def worker_config():
    return {
        "stylesheet": static("css/site.css"),
        "offlinePages": _in_each_language("offline-page"),
        "keepHeader": KEEP_OFFLINE_HEADER,
        "maxPages": MAX_KEPT_PAGES,
        "savedNote": SAVED_NOTE,
        "savedList": SAVED_LIST,
        "locales": DATE_LOCALES,
    }


def worker_script():
    """The worker's text, its version being the hash of the text with an empty version."""
    return _versioned_worker(json.dumps(worker_config(), sort_keys=True))


@functools.lru_cache(maxsize=4)
def _versioned_worker(config_json):
    # Browsers ask for /sw.js on every visit: rendered once per configuration, not per request.
    config = json.loads(config_json)
    unversioned = render_to_string(WORKER_TEMPLATE, {"config_json": json.dumps({**config, "version": ""})})
    version = hashlib.sha256(unversioned.encode()).hexdigest()[:12]
    return render_to_string(WORKER_TEMPLATE, {"config_json": json.dumps({**config, "version": version})})


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    """``/sw.js``: always checked with the server, so that a new version is found on the next visit."""
    response = HttpResponse(worker_script(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
@cache_control(public=True, max_age=86400)
def manifest(request):
    """The web app manifest in the browsing language: installed, the app opens on that language's home."""
    home = f"/{translation.get_language()}/"
    data = {
        "name": _("Banyuwangi Melayani"),
        "short_name": _("Melayani"),
        "description": _("Contacts and services of the Banyuwangi Regency offices, also without signal."),
        "lang": translation.get_language(),
        "id": home,
        "start_url": home,
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": [
            {"src": static("icons/app.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("icons/app-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/app-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_GET
def offline_page(request):
    """What the worker shows, without signal, for a page it has not kept: 112 and the pages it has."""
    return TemplateResponse(request, "melayani/offline_page.html", {})

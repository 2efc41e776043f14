"""What search engines and link previews read: meta description, Open Graph and schema.org JSON-LD.

Plain functions that models and the ``seo`` tag library share. Values are
built in Python and serialised with ``json.dumps``, escaped for a ``<script>``
element; templates only print the result. Domain builders (an office's
``GovernmentOrganization``) stay in their app and hand their dictionary to
``json_ld_script``.
"""

import json
import re

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

SCHEMA_CONTEXT = "https://schema.org"
OPEN_GRAPH_LOCALES = {"id": "id_ID", "en": "en_US"}
META_DESCRIPTION_LENGTH = 160
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
_WHITESPACE = re.compile(r"\s+")


def without_empty(data):
    """``data`` without the keys whose value is empty: schema.org readers prefer a missing property."""
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def squash(text):
    """``text`` on one line, runs of white space made one space."""
    return _WHITESPACE.sub(" ", str(text or "")).strip()


def page_summary(page):
    """The page's own short text: ``summary`` or ``introduction``, else its search description."""
    if page is None:
        return ""
    for field_name in ("summary", "introduction"):
        text = squash(getattr(page, field_name, ""))
        if text:
            return text
    return squash(getattr(page, "search_description", ""))


def meta_description(page, length=META_DESCRIPTION_LENGTH):
    """``search_description``, else the summary/introduction, truncated to ``length`` characters."""
    if page is None:
        return ""
    text = squash(getattr(page, "search_description", "")) or page_summary(page)
    return Truncator(text).chars(int(length))


def json_ld_script(data):
    """``<script type="application/ld+json">`` with ``<``, ``>`` and ``&`` escaped, so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def open_graph_properties(page, description, request=None):
    """[(property, content), …] for a page shared in a chat or on social media."""
    language = page.locale.language_code
    properties = [
        ("og:type", "website"),
        ("og:site_name", _("Banyuwangi Melayani")),
        ("og:title", page.seo_title or page.title),
        ("og:description", description),
        ("og:url", page.get_full_url(request) or ""),
        ("og:locale", OPEN_GRAPH_LOCALES.get(language, language)),
    ]
    for translation in page.get_translations().live().select_related("locale"):
        code = translation.locale.language_code
        properties.append(("og:locale:alternate", OPEN_GRAPH_LOCALES.get(code, code)))
    return [(name, content) for name, content in properties if content]

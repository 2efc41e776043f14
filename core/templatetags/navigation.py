"""Finding one's way on the public pages: home, language switcher, breadcrumbs, what a page is.

Everything a template would otherwise compute lives here as a small function:
the home page of the current language, the language switcher's links, the
breadcrumb trail, a web address short enough to read and the language a page
was written in. The home page's model is ``settings.HOME_PAGE_MODEL`` (the
project shell's), so this library imports none of our apps. The meta
description, Open Graph and JSON-LD are the ``seo`` library.

Load with ``{% load navigation %}``.
"""

from urllib.parse import urlsplit

from django import template
from django.apps import apps
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

register = template.Library()


# --- the current language's home page ----------------------------------------


def current_language():
    """The active language code reduced to one of settings.LANGUAGES (``"id"`` by default)."""
    active = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    codes = [code for code, _name in settings.LANGUAGES]
    if active in codes:
        return active
    base = active.split("-")[0]
    return base if base in codes else settings.LANGUAGE_CODE


def home_page_model():
    """The project's home page class (``settings.HOME_PAGE_MODEL``, e.g. ``"melayani.HomePage"``)."""
    return apps.get_model(settings.HOME_PAGE_MODEL)


def home_for_language(language_code, request=None):
    """The live home page of ``language_code``, or None; looked up once per request."""
    cache = getattr(request, "_melayani_homes", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._melayani_homes = cache
    if language_code not in cache:
        cache[language_code] = home_page_model().objects.filter(locale__language_code=language_code).live().first()
    return cache[language_code]


@register.simple_tag(takes_context=True)
def localized_home(context):
    """``{% localized_home as home %}``: the home page in the page's language (None if missing)."""
    return home_for_language(current_language(), context.get("request"))


@register.simple_tag(takes_context=True)
def home_url(context):
    """``{% home_url as href %}``: URL of the current language's home page, ``/<lang>/`` if none."""
    request = context.get("request")
    language = current_language()
    home = home_for_language(language, request)
    url = home.get_url(request) if home is not None else None
    return url or f"/{language}/"


# --- language switcher ----------------------------------------------------------


def _switcher_page(context):
    """The Wagtail page the switcher translates: the original on 'untranslated' pages."""
    for name in ("original", "page"):
        candidate = context.get(name)
        if isinstance(candidate, Page):
            return candidate
    return None


def _translated_path(request, language_code):
    if request is None:
        return f"/{language_code}/"
    return translate_url(request.get_full_path(), language_code)


def page_url_in_language(page, locale, request=None, query_string=""):
    """URL of ``page`` in ``locale``: its live translation, else the 'untranslated' notice there.

    ``query_string`` (e.g. ``kind=dinas``) is kept on a translation's URL only.
    None when the locale has neither (no live translation and no live home page).
    """
    target = page if page.locale_id == locale.id else page.get_translation_or_none(locale)
    if target is not None and target.live:
        url = target.get_url(request)
        if url:
            return f"{url}?{query_string}" if query_string else url
    home = home_for_language(locale.language_code, request)
    if home is None:
        return None
    home_url_ = home.get_url(request)
    if not home_url_:
        return None
    return home_url_ + home.reverse_subpage("untranslated", args=[page.id])


def language_links(context, home_only=False):
    """[{code, name, url, is_current}, …] for each of settings.LANGUAGES, in that order.

    With ``home_only`` (e.g. on "page not found") every language links to its home page.
    """
    request = context.get("request")
    current = current_language()
    page = _switcher_page(context)
    if home_only:
        links = []
        for code, name in settings.LANGUAGES:
            home = home_for_language(code, request)
            url = (home.get_url(request) if home is not None else None) or f"/{code}/"
            links.append({"code": code, "name": name, "url": url, "is_current": code == current})
        return links
    locales = {}
    if page is not None:
        codes = [code for code, _name in settings.LANGUAGES]
        locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    # True on the page being shown (not on an 'untranslated' notice about another page).
    shown = request is not None and page is not None and page is context.get("page")
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if code == current and shown:
            url = request.get_full_path()
        elif page is not None and code in locales:
            # Keep a directory filter (?kind=…) when changing language on the page shown.
            query_string = request.GET.urlencode() if shown else ""
            url = page_url_in_language(page, locales[code], request, query_string)
        if not url:
            url = _translated_path(request, code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context, home_only=False):
    """``{% language_switcher %}``: needs ``request`` and, on Wagtail pages, ``page`` in the context.

    ``{% language_switcher home_only=True %}`` links every language to its home page.
    """
    return {"languages": language_links(context, home_only=home_only)}


# --- breadcrumbs -------------------------------------------------------------------


def breadcrumb_items(page, request=None):
    """[{title, url}, …] from the home page down to the parent of ``page``."""
    home_class = home_page_model()
    items = []
    for ancestor in page.get_ancestors().filter(depth__gt=1).live():
        url = ancestor.get_url(request)
        if not url:
            continue
        specific_class = ancestor.specific_class
        is_home = specific_class is not None and issubclass(specific_class, home_class)
        items.append({"title": _("Home") if is_home else ancestor.title, "url": url})
    return items


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """``{% breadcrumbs page %}``: home › … › parent › the page itself (not a link)."""
    return {"items": breadcrumb_items(page, context.get("request")), "current": page.title}


# --- addresses kept as plain text ------------------------------------------------------


@register.filter
def url_host(url):
    """``"https://www.lapor.go.id/x"`` → ``"lapor.go.id"``: a web address short enough to read."""
    if not url:
        return ""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


# --- short texts about a page ---------------------------------------------------------


@register.filter
def source_language(page):
    """Language code of the version ``page`` was translated from (its own when it is the source).

    Synchronized fields (legal basis, where to apply) are shown as written in that
    language on every translation, so templates mark them with ``lang``.
    """
    if page is None:
        return ""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .select_related("locale")
        .only("locale__language_code")
        .first()
    )
    locale = source.locale if source is not None else page.locale
    return locale.language_code

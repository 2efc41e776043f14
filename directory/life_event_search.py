"""Life events in the site search (type ``event``): a search source, registered in ``apps.py``."""

from django.db.models import Q
from django.utils.text import Truncator
from wagtail.models import Locale

from core.privacy import visible_to_public
from search.registry import Ranked, SearchHit, SearchSource

from .models import LifeEventPage, LifeEventService, ServicePage
from .search_documents import sentences

SNIPPET_LENGTH = 180


def event_scope(stable_slug):
    return f"event:{stable_slug}"


def _event_document(page, service_names):
    return {
        "type": "event",
        "id": page.stable_slug,
        "office": "",
        "locale": page.locale.language_code,
        "title": page.title,
        # What the citizen goes through; the services' own situations already find the services.
        "meaning": sentences(page.title, page.introduction),
        "fields": {"summary": page.introduction, "related_services": service_names},
        "boost": 1.0,
        "level": None,
        "scope": event_scope(page.stable_slug),
    }


def event_documents(scopes=None):
    """One document per public life event and language; a page and its translations share the id."""
    pages = visible_to_public(LifeEventPage.objects.all())
    if scopes is not None:
        slugs = [scope.split(":", 1)[1] for scope in scopes if scope.startswith("event:")]
        if not slugs:
            return []
        pages = pages.filter(stable_slug__in=slugs)
    pages = list(pages.select_related("locale").order_by("path"))
    return [_event_document(page, names) for page, names in zip(pages, _service_names(pages), strict=True)]


def _service_names(pages):
    """For each event page, the names of its public services in its language (else the original's), in order."""
    links = LifeEventService.objects.filter(page__in=pages).select_related("service").order_by("sort_order")
    by_page = {}
    for link in links:
        by_page.setdefault(link.page_id, []).append(link.service)
    keys = {service.translation_key for services in by_page.values() for service in services}
    titles = {
        (key, locale): title
        for key, locale, title in visible_to_public(ServicePage.objects.filter(translation_key__in=keys)).values_list(
            "translation_key", "locale_id", "title"
        )
    }
    return [
        [
            name
            for service in by_page.get(page.pk, [])
            if (
                name := titles.get(
                    (service.translation_key, page.locale_id), titles.get((service.translation_key, service.locale_id))
                )
            )
        ]
        for page in pages
    ]


def event_scopes_for_pages(page_ids):
    """The events among the pages, and those that list a service among them (they show its name)."""
    services = ServicePage.objects.filter(id__in=page_ids).values("translation_key")
    events = LifeEventPage.objects.filter(Q(id__in=page_ids) | Q(service_links__service__translation_key__in=services))
    return {event_scope(slug) for slug in events.values_list("stable_slug", flat=True).distinct()}


def event_scope_members():
    slugs = set(visible_to_public(LifeEventPage.objects.all()).values_list("stable_slug", flat=True))
    return {event_scope(slug): {("event", slug)} for slug in slugs}


def load_event_hits(items, locale, default_locale, request):
    slugs = [item.id for item in items if item.type == "event"]
    pages = visible_to_public(LifeEventPage.objects.filter(stable_slug__in=slugs, locale__in=[locale, default_locale]))
    chosen = {}
    for page in pages.select_related("locale"):
        if page.stable_slug not in chosen or page.locale_id == locale.pk:
            chosen[page.stable_slug] = page
    return {
        (item.type, item.id): SearchHit.for_item(
            item,
            title=page.title,
            url=page.get_url(request) or "",
            snippet=Truncator(page.introduction).chars(SNIPPET_LENGTH),
            page=page,
        )
        for item in items
        if (page := chosen.get(item.id)) is not None
    }


def event_page_item(page):
    if isinstance(page, LifeEventPage):
        return Ranked("event", page.stable_slug, "", 0.0, promoted=True)
    return None


def event_backend_querysets(locale):
    pages = visible_to_public(LifeEventPage.objects.filter(locale=locale or Locale.get_default()))
    return {"event": (pages, lambda page: page.stable_slug)}


LIFE_EVENT_SOURCE = SearchSource(
    types=("event",),
    page_types=("event",),
    documents=event_documents,
    load_hits=load_event_hits,
    page_item=event_page_item,
    backend_querysets=event_backend_querysets,
    scopes_for_pages=event_scopes_for_pages,
    scope_members=event_scope_members,
)

"""The directory in the site search: its search sources and the next steps it suggests.

- ``DIRECTORY_SOURCE``: offices, contact persons and services (types ``office``, ``contact``,
  ``service``), their documents built by ``search_documents``;
- ``LIFE_EVENT_SOURCE``: life events (type ``event``);
- ``office_kind_steps``, ``life_event_steps``: the ``search_next_steps`` of an unsure search.

``apps.py`` registers the sources, ``wagtail_hooks.py`` the next steps.
"""

from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.privacy import public_page_ids, visible_to_public
from search.registry import Ranked, SearchHit, SearchSource

from .models import (
    ContactPerson,
    DirectoryIndexPage,
    LifeEventPage,
    LifeEventService,
    OfficeKind,
    OfficePage,
    ServicePage,
)
from .search_documents import documents_from_directory, office_scope, sentences
from .transfer.records import published_offices

SNIPPET_LENGTH = 180


def directory_documents(scopes=None):
    if scopes is None:
        return documents_from_directory(published_offices())
    slugs = [scope.split(":", 1)[1] for scope in scopes if scope.startswith("office:")]
    return documents_from_directory(published_offices(office_slugs=slugs)) if slugs else []


def directory_scopes_for_pages(page_ids):
    """The offices whose part of the index the given pages (either language) belong to."""
    offices = OfficePage.objects.filter(id__in=page_ids).values_list("stable_slug", flat=True)
    service_paths = ServicePage.objects.filter(id__in=page_ids).values_list("path", flat=True)
    parent_paths = {path[: -ServicePage.steplen] for path in service_paths}
    parents = OfficePage.objects.filter(path__in=parent_paths).values_list("stable_slug", flat=True)
    return {office_scope(slug) for slug in [*offices, *parents]}


def directory_scope_members():
    """Per office, its own key and those of its published, public services."""
    source = Locale.get_default()
    offices = dict(visible_to_public(OfficePage.objects.filter(locale=source)).values_list("path", "stable_slug"))
    members = {office_scope(slug): {("office", slug)} for slug in offices.values()}
    services = visible_to_public(ServicePage.objects.filter(locale=source)).values_list("path", "stable_slug")
    for path, slug in services:
        office = offices.get(path[: -ServicePage.steplen])
        if office is not None:
            members[office_scope(office)].add(("service", slug))
    return members


def _prefer_locale(pairs, locale):
    chosen = {}
    for key, obj in pairs:
        if key not in chosen or obj.locale_id == locale.pk:
            chosen[key] = obj
    return chosen


def _contact_hit(item, contact, request):
    office_url = contact.office.get_url(request) or ""
    return SearchHit.for_item(
        item,
        title=contact.name,
        url=f"{office_url}#contact-{contact.key}",
        snippet=Truncator(contact.handles).chars(SNIPPET_LENGTH),
        contact=contact,
        office_page=contact.office,
    )


def _page_hit(item, page, request, office_page=None):
    return SearchHit.for_item(
        item,
        title=page.title,
        url=page.get_url(request) or "",
        snippet=Truncator(page.summary).chars(SNIPPET_LENGTH),
        page=page,
        office_page=office_page,
    )


def load_directory_hits(items, locale, default_locale, request):
    """Hits for ranked contacts, services and offices, each in ``locale`` when translated."""
    locales = [locale, default_locale]
    ids = {kind: [item.id for item in items if item.type == kind] for kind in ("contact", "service", "office")}
    found = {}
    if ids["contact"]:
        contacts = (
            ContactPerson.objects.filter(key__in=ids["contact"], office__in=public_page_ids(), locale__in=locales)
            .select_related("office", "office__locale")
            .order_by("pk")
        )
        found.update({("contact", key): c for key, c in _prefer_locale(((c.key, c) for c in contacts), locale).items()})
    for kind, model in (("service", ServicePage), ("office", OfficePage)):
        if ids[kind]:
            # Only published, public pages reach the engine; checked again for pages unpublished or hidden since.
            pages = visible_to_public(model.objects.filter(stable_slug__in=ids[kind], locale__in=locales))
            pages = pages.select_related("locale")
            chosen = _prefer_locale(((page.stable_slug, page) for page in pages), locale)
            found.update({(kind, slug): page for slug, page in chosen.items()})
    offices = _offices_of_services([obj for (kind, _), obj in found.items() if kind == "service"])
    hits = {}
    for item in items:
        obj = found.get((item.type, item.id))
        if obj is None:
            continue
        if item.type == "contact":
            hits[(item.type, item.id)] = _contact_hit(item, obj, request)
        else:
            hits[(item.type, item.id)] = _page_hit(item, obj, request, offices.get(obj.pk))
    return hits


def _offices_of_services(services):
    """``{service page pk: its office page}`` in one query."""
    parent_path = {service.pk: service.path[: -service.steplen] for service in services}
    offices = {office.path: office for office in OfficePage.objects.filter(path__in=set(parent_path.values()))}
    return {pk: offices[path] for pk, path in parent_path.items() if path in offices}


def directory_page_item(page):
    if isinstance(page, OfficePage):
        return Ranked("office", page.stable_slug, page.stable_slug, 0.0, promoted=True)
    if isinstance(page, ServicePage):
        office = page.office
        return Ranked("service", page.stable_slug, office.stable_slug if office else "", 0.0, promoted=True)
    return None


def directory_backend_querysets(locale):
    return {
        "office": (visible_to_public(OfficePage.objects.filter(locale=locale)), lambda page: page.stable_slug),
        "service": (visible_to_public(ServicePage.objects.filter(locale=locale)), lambda page: page.stable_slug),
        "contact": (
            ContactPerson.objects.filter(locale=locale, office__in=public_page_ids()),
            lambda contact: contact.key,
        ),
    }


DIRECTORY_SOURCE = SearchSource(
    types=("contact", "service", "office"),
    page_types=("service", "office"),
    documents=directory_documents,
    load_hits=load_directory_hits,
    page_item=directory_page_item,
    backend_querysets=directory_backend_querysets,
    scopes_for_pages=directory_scopes_for_pages,
    scope_members=directory_scope_members,
)


# --- life events (type ``event``) ---


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
    chosen = _prefer_locale(((page.stable_slug, page) for page in pages.select_related("locale")), locale)
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


# --- next steps of an unsure search: the types of office of its results (each the directory
# filtered with ``?kind=``) and the life events that list its services, in the citizen's language ---


def office_kind_steps(query, results, language_code) -> list[dict]:
    """The ``search_next_steps`` of the directory: one filtered list per type of the results' offices."""
    slugs = list(dict.fromkeys(result.office for result in results if result.office))
    directory = DirectoryIndexPage.objects.live().public().filter(locale__language_code=language_code).first()
    if not slugs or directory is None:
        return []
    offices = visible_to_public(OfficePage.objects.filter(stable_slug__in=slugs))
    kind_of = dict(offices.values_list("stable_slug", "kind"))
    kinds = dict.fromkeys(kind_of[slug] for slug in slugs if slug in kind_of)
    return [
        {"title": _("Offices: %(kind)s") % {"kind": OfficeKind(kind).label}, "url": f"{directory.url}?kind={kind}"}
        for kind in kinds
    ]


MAX_LIFE_EVENTS = 3


def life_event_steps(query, results, language_code) -> list[dict]:
    """The ``search_next_steps`` of the life events: those that list a service among the results."""
    services = [result.id for result in results if result.type == "service"]
    events = [result.id for result in results if result.type == "event"]
    if not services and not events:
        return []
    pages = visible_to_public(LifeEventPage.objects.live().filter(locale__language_code=language_code))
    listing = pages.filter(service_links__service__stable_slug__in=services) if services else pages.none()
    found = (listing | pages.filter(stable_slug__in=events)).distinct().order_by("title")[:MAX_LIFE_EVENTS]
    return [{"title": _("Life event: %(title)s") % {"title": page.title}, "url": page.url} for page in found]

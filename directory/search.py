"""The directory in the site search: offices, contact persons and services as a search source."""

from django.utils.text import Truncator
from wagtail.models import Locale

from core.privacy import public_page_ids, visible_to_public
from search.registry import Ranked, SearchHit, SearchSource

from .models import ContactPerson, OfficePage, ServicePage
from .records import published_opds
from .search_documents import documents_from_directory, office_scope

SNIPPET_LENGTH = 180


def directory_documents(scopes=None):
    if scopes is None:
        return documents_from_directory(published_opds())
    slugs = [scope.split(":", 1)[1] for scope in scopes if scope.startswith("office:")]
    return documents_from_directory(published_opds(office_slugs=slugs)) if slugs else []


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

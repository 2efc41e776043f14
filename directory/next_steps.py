"""The directory's next steps for an unsure search: the types of office its results belong to,
and the life events that list its services.

Each type links to the directory filtered to it (``?kind=``), each event to its page, in the
citizen's language.
"""

from django.utils.translation import gettext as _

from core.privacy import visible_to_public

from .models import DirectoryIndexPage, LifeEventPage, OfficePage
from .models.choices import OfficeKind


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

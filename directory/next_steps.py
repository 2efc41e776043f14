"""The directory's next steps for an unsure search: the types of office its results belong to.

Each type links to the directory filtered to it (``?kind=``), in the citizen's language.
"""

from django.utils.translation import gettext as _

from core.privacy import visible_to_public

from .models import DirectoryIndexPage, OfficePage
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

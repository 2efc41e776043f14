"""The citizen's voice as a next step for an unsure search: the complaint box of the closest office."""

from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import OfficePage

from . import results as office_results


def complaint_box_steps(query, results, language_code) -> list[dict]:
    """The ``search_next_steps`` of feedback: the complaint box of the best result's office, when it has one."""
    slug = next((result.office for result in results if result.office), "")
    office = office_results.source_page(OfficePage, slug) if slug else None
    if office is None:
        return []
    title = office_results.localized(office, language_code).title
    return [
        {
            "title": _("Ask or complain to %(office)s (complaint box)") % {"office": title},
            "url": reverse("feedback-complaint", args=[slug]),
            "group": "help",
        }
    ]

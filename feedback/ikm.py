"""The public satisfaction index (IKM) as Permenpan RB 14/2017 defines it, in small pure functions.

Each of the nine service elements (unsur pelayanan) is scored 1–4 by a respondent.
The unit value of an element (nilai rata-rata, NRR) is the mean of its scores; the
weighted unit value (NRR tertimbang) is the unit value times the element's weight,
1/9 for each (the regulation prints it rounded as 0.111); the index of the service
unit is the sum of the weighted unit values, and IKM is that sum × 25 (25–100).
The service quality category follows the regulation's table of converted values.

An element nobody answered has no unit value; the index is then taken over the
answered elements with equal weights, so that a skipped element neither counts as
a score of zero nor changes the scale.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

SCALE = (1, 2, 3, 4)
CONVERSION_FACTOR = 25


@dataclass(frozen=True)
class Element:
    """One service element of the regulation, with its question and the four answers of its scale."""

    field: str
    code: str
    label: str
    question: str
    answers: tuple


ELEMENTS = (
    Element(
        "requirements",
        "U1",
        _("Requirements"),
        _("How well do the requirements match the kind of service?"),
        (_("Not suitable"), _("Somewhat suitable"), _("Suitable"), _("Very suitable")),
    ),
    Element(
        "procedure",
        "U2",
        _("Procedure"),
        _("How easy was the service procedure?"),
        (_("Not easy"), _("Somewhat easy"), _("Easy"), _("Very easy")),
    ),
    Element(
        "time",
        "U3",
        _("Time"),
        _("How fast was the service completed?"),
        (_("Not fast"), _("Somewhat fast"), _("Fast"), _("Very fast")),
    ),
    Element(
        "cost",
        "U4",
        _("Cost"),
        _("How fair was the cost or fee of the service?"),
        (_("Very expensive"), _("Rather expensive"), _("Cheap"), _("Free")),
    ),
    Element(
        "product",
        "U5",
        _("Product"),
        _("How well did what you received match the service standard?"),
        (_("Not suitable"), _("Somewhat suitable"), _("Suitable"), _("Very suitable")),
    ),
    Element(
        "competence",
        "U6",
        _("Staff competence"),
        _("How competent were the staff?"),
        (_("Not competent"), _("Somewhat competent"), _("Competent"), _("Very competent")),
    ),
    Element(
        "conduct",
        "U7",
        _("Staff conduct"),
        _("How polite and friendly were the staff?"),
        (
            _("Not polite and friendly"),
            _("Somewhat polite and friendly"),
            _("Polite and friendly"),
            _("Very polite and friendly"),
        ),
    ),
    Element(
        "complaint_handling",
        "U8",
        _("Complaint handling"),
        _("How are complaints, suggestions and feedback handled?"),
        (
            _("There is no way to complain"),
            _("There is one, but it does not work"),
            _("It works, but not fully"),
            _("Handled well"),
        ),
    ),
    Element(
        "facilities",
        "U9",
        _("Facilities"),
        _("How good are the facilities and infrastructure?"),
        (pgettext_lazy("facilities", "Poor"), _("Fair"), pgettext_lazy("facilities", "Good"), _("Very good")),
    ),
)
ELEMENT_FIELDS = tuple(element.field for element in ELEMENTS)
ELEMENT_WEIGHT = 1 / len(ELEMENTS)


@dataclass(frozen=True)
class Category:
    """A service quality category (mutu pelayanan) with the bounds of its converted IKM interval."""

    letter: str
    label: str
    lower: float
    upper: float


# Permenpan RB 14/2017, table of perception values, IKM intervals and converted intervals.
CATEGORIES = (
    Category("A", _("Very good"), 88.31, 100.00),
    Category("B", pgettext_lazy("quality", "Good"), 76.61, 88.30),
    Category("C", _("Less than good"), 65.00, 76.60),
    Category("D", _("Not good"), 25.00, 64.99),
)


@dataclass(frozen=True)
class Result:
    """IKM of a set of responses: their number, each element's unit value and answers, the index and category.

    ``minimum_responses`` is the period's minimum sample: until the responses reach it the
    figures are provisional, for editors only (``public()`` blanks them).
    """

    responses: int
    unit_values: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)
    ikm: float | None = None
    category: Category | None = None
    minimum_responses: int = 1

    @property
    def published(self):
        """Whether the responses reach the minimum sample, so that the index may be made public."""
        return self.responses >= max(self.minimum_responses, 1)

    def public(self):
        """The result as the public sees it: before the minimum sample, no index, category or unit value."""
        if self.published:
            return self
        return replace(self, unit_values=dict.fromkeys(self.unit_values), ikm=None, category=None)


def unit_value(total, answered):
    """The mean score of an element (NRR), or None when nobody answered it."""
    return total / answered if answered else None


def weighted_index(unit_values: Mapping):
    """Sum of unit value × weight over the answered elements, re-weighted equally when some are unanswered."""
    answered = [value for value in unit_values.values() if value is not None]
    if not answered:
        return None
    weight = 1 / len(answered)
    return sum(value * weight for value in answered)


def converted(index):
    """The index on the regulation's 25–100 scale, to two decimals as published."""
    return None if index is None else round(index * CONVERSION_FACTOR, 2)


def category_of(ikm):
    """The service quality category of a converted IKM value, or None when there is none."""
    if ikm is None:
        return None
    for category in CATEGORIES:
        if ikm >= category.lower:
            return category
    return CATEGORIES[-1]


def from_totals(responses: int, totals: Mapping):
    """IKM from per-element ``(sum of scores, number of answers)``: what a database aggregate gives."""
    unit_values = {}
    answers = {}
    for name in ELEMENT_FIELDS:
        total, answered = totals.get(name, (0, 0))
        unit_values[name] = unit_value(total or 0, answered or 0)
        answers[name] = answered or 0
    ikm = converted(weighted_index(unit_values))
    return Result(responses=responses, unit_values=unit_values, answers=answers, ikm=ikm, category=category_of(ikm))


def compute(responses: Iterable[Mapping]):
    """IKM of responses given as mappings of element field → score (1–4), None or missing when unanswered."""
    responses = list(responses)
    totals = {}
    for name in ELEMENT_FIELDS:
        scores = [response.get(name) for response in responses if response.get(name) is not None]
        totals[name] = (sum(scores), len(scores))
    return from_totals(len(responses), totals)


def element_rows(result):
    """``[(element, unit value, answers), …]`` in the regulation's order, for tables."""
    return [
        (element, result.unit_values.get(element.field), result.answers.get(element.field, 0)) for element in ELEMENTS
    ]

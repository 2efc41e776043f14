"""IKM as Permenpan RB 14/2017 computes it, checked against published worksheets in the regulation's format."""

import pytest

from feedback import ikm

FIELDS = ikm.ELEMENT_FIELDS


def responses(*rows):
    return [dict(zip(FIELDS, row, strict=True)) for row in rows]


# A regency's published worksheet (Disdukcapil Tulang Bawang Barat, 2023 semester 1): one respondent
# scoring 4 everywhere; NRR 4, weighted NRR 0.44 per element, IKM 100, "Sangat Baik".
ALL_FOURS = responses((4, 4, 4, 4, 4, 4, 4, 4, 4))

# The first ten respondents of a published worksheet (Sekadau, semester I 2019), U1–U9.
TEN_RESPONDENTS = responses(
    (2, 2, 3, 4, 3, 4, 4, 4, 3),
    (3, 3, 2, 3, 3, 3, 3, 2, 3),
    (3, 3, 3, 4, 4, 3, 3, 3, 4),
    (2, 2, 4, 4, 4, 4, 3, 4, 3),
    (3, 3, 2, 3, 3, 3, 3, 2, 3),
    (3, 3, 3, 4, 3, 3, 3, 3, 4),
    (3, 3, 3, 3, 3, 3, 3, 2, 4),
    (3, 4, 3, 3, 3, 4, 4, 3, 4),
    (3, 3, 3, 3, 3, 3, 3, 3, 3),
    (3, 2, 3, 4, 4, 4, 4, 4, 3),
)


def test_the_regulation_weights_each_of_nine_elements_equally():
    assert len(ikm.ELEMENTS) == 9
    assert pytest.approx(0.111, abs=0.001) == ikm.ELEMENT_WEIGHT


def test_one_respondent_scoring_four_everywhere_gives_100_very_good():
    result = ikm.compute(ALL_FOURS)
    assert all(value == 4 for value in result.unit_values.values())
    assert round(result.unit_values["requirements"] * ikm.ELEMENT_WEIGHT, 2) == 0.44
    assert result.ikm == 100.0
    assert result.category.letter == "A"


def test_unit_values_are_the_mean_score_of_each_element():
    result = ikm.compute(TEN_RESPONDENTS)
    assert [round(result.unit_values[name], 2) for name in FIELDS] == [2.8, 2.8, 2.9, 3.5, 3.3, 3.4, 3.3, 3.0, 3.4]


def test_ikm_is_the_weighted_sum_of_unit_values_times_25():
    # (2.8 + 2.8 + 2.9 + 3.5 + 3.3 + 3.4 + 3.3 + 3.0 + 3.4) / 9 = 3.1556; × 25 = 78.89
    result = ikm.compute(TEN_RESPONDENTS)
    assert result.responses == 10
    assert result.ikm == 78.89
    assert result.category.letter == "B"


def test_no_responses_give_no_index_and_no_category():
    result = ikm.compute([])
    assert result.responses == 0
    assert result.ikm is None
    assert result.category is None
    assert all(value is None for value in result.unit_values.values())


def test_an_element_nobody_answered_is_left_out_rather_than_counted_as_zero():
    rows = [dict(row, cost=None) for row in ALL_FOURS]
    result = ikm.compute(rows)
    assert result.unit_values["cost"] is None
    assert result.answers["cost"] == 0
    assert result.ikm == 100.0


def test_an_element_some_skipped_averages_over_those_who_answered():
    rows = responses((4, 4, 4, 4, 4, 4, 4, 4, 4), (2, 2, 2, 2, 2, 2, 2, 2, 2))
    rows[1]["time"] = None
    result = ikm.compute(rows)
    assert result.unit_values["time"] == 4
    assert result.answers["time"] == 1
    # (8 × 3 + 4) / 9 × 25 = 77.78
    assert result.ikm == 77.78


@pytest.mark.parametrize(
    ("value", "letter"),
    [(100.0, "A"), (88.31, "A"), (88.30, "B"), (76.61, "B"), (76.60, "C"), (65.00, "C"), (64.99, "D"), (25.0, "D")],
)
def test_categories_follow_the_published_interval_bounds(value, letter):
    assert ikm.category_of(value).letter == letter


def test_the_regulations_unit_index_bounds_fall_in_the_same_categories():
    # NI 3.5324–4.00 is A, 3.0644–3.532 is B, 2.60–3.064 is C, 1.00–2.5996 is D.
    assert ikm.category_of(ikm.converted(3.5324)).letter == "A"
    assert ikm.category_of(ikm.converted(3.532)).letter == "B"
    assert ikm.category_of(ikm.converted(3.0644)).letter == "B"
    assert ikm.category_of(ikm.converted(3.064)).letter == "C"
    assert ikm.category_of(ikm.converted(2.60)).letter == "C"
    assert ikm.category_of(ikm.converted(2.5996)).letter == "D"


def test_database_totals_give_the_same_result_as_the_responses():
    totals = {name: (sum(row[name] for row in TEN_RESPONDENTS), 10) for name in FIELDS}
    assert ikm.from_totals(10, totals) == ikm.compute(TEN_RESPONDENTS)

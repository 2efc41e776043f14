"""The survey's minimum sample: the Krejcie–Morgan table as Permenpan RB 14/2017 prints it."""

from types import SimpleNamespace

import pytest

from feedback import periods, results, sampling


@pytest.mark.parametrize(
    ("population", "sample"),
    [(10, 10), (50, 44), (100, 80), (500, 217), (1000, 278), (10000, 370), (100000, 384)],
)
def test_a_population_in_the_table_needs_the_sample_printed_beside_it(population, sample):
    assert sampling.minimum_sample(population) == sample


@pytest.mark.parametrize(("population", "sample"), [(41, 40), (101, 86), (501, 226), (1001, 285), (76000, 384)])
def test_a_population_between_two_rows_needs_the_larger_rows_sample(population, sample):
    assert sampling.minimum_sample(population) == sample


def test_a_population_above_the_last_row_needs_the_last_rows_sample():
    assert sampling.minimum_sample(5_000_000) == 384


def test_a_population_smaller_than_the_first_row_asks_everyone():
    assert sampling.minimum_sample(4) == 4


@pytest.mark.parametrize("population", [None, 0])
def test_an_unknown_population_needs_the_default_minimum(population, settings):
    settings.IKM_DEFAULT_MINIMUM_RESPONSES = 25
    assert sampling.minimum_sample(population) == 25


def test_the_table_is_read_from_its_data_file_in_ascending_order():
    populations, samples = sampling.table()
    assert len(populations) == len(samples) > 80
    assert list(populations) == sorted(set(populations))
    assert list(samples) == sorted(samples)


@pytest.mark.parametrize(("key", "users"), [("2025", 1000), ("2025-S2", 500), ("2025-Q3", 250), ("2025-Q1", 250)])
def test_a_shorter_period_has_its_share_of_the_yearly_users(key, users):
    assert sampling.users_in_period(1000, periods.parse_period(key)) == users


def test_the_share_of_a_period_is_rounded_up():
    assert sampling.users_in_period(10, periods.parse_period("2025-Q2")) == 3


def test_a_quarter_of_a_service_with_1000_users_a_year_needs_152_responses():
    service = SimpleNamespace(yearly_service_users=1000)
    assert results.service_minimum(service, periods.parse_period("2025-Q1")) == 152
    assert results.service_minimum(service, periods.parse_period("2025")) == 278


def test_an_office_needs_the_sample_of_all_its_services_users_together():
    services = [SimpleNamespace(yearly_service_users=users) for users in (600, 400)]
    assert results.office_minimum(services, periods.parse_period("2025")) == 278


def test_an_office_with_services_of_unknown_users_never_needs_less_than_the_default(settings):
    settings.IKM_DEFAULT_MINIMUM_RESPONSES = 30
    services = [SimpleNamespace(yearly_service_users=users) for users in (12, None)]
    assert results.office_minimum(services, periods.parse_period("2025")) == 30
    assert results.office_minimum([], periods.parse_period("2025")) == 30

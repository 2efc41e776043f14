"""The survey's minimum sample (Permenpan RB 14/2017): the Krejcie–Morgan table, read from a data file.

The regulation publishes a unit's index once the responses of the period reach the sample the
Krejcie–Morgan table gives for the number of service users (the population) in that period.
"""

import bisect
import csv
import functools
import math
from pathlib import Path

from django.conf import settings

TABLE = Path(__file__).resolve().parent / "data" / "krejcie-morgan.tsv"
MONTHS_IN_A_YEAR = 12


@functools.cache
def table():
    """``(populations, samples)``, two ascending tuples from the data file."""
    with TABLE.open(encoding="utf-8") as source:
        rows = csv.DictReader((line for line in source if not line.startswith("#")), delimiter="\t")
        pairs = [(int(row["population"]), int(row["sample"])) for row in rows]
    return tuple(population for population, _sample in pairs), tuple(sample for _population, sample in pairs)


def default_minimum():
    """The minimum when no number of service users is known (``IKM_DEFAULT_MINIMUM_RESPONSES``)."""
    return settings.IKM_DEFAULT_MINIMUM_RESPONSES


def minimum_sample(population):
    """The responses needed for ``population`` service users; the default minimum when it is unknown or zero.

    Between two rows of the table the larger row's sample applies (the conservative reading);
    above the last row, the last row's. Never more than the population itself: a unit with
    fewer users than the table's first row asks each of them.
    """
    if not population:
        return default_minimum()
    populations, samples = table()
    row = min(bisect.bisect_left(populations, population), len(populations) - 1)
    return min(samples[row], population)


def months_in(period):
    return (period.end.year - period.start.year) * MONTHS_IN_A_YEAR + period.end.month - period.start.month + 1


def users_in_period(yearly_users, period):
    """Service users of a period from a yearly number, in proportion to its months, rounded up; None if unknown."""
    if not yearly_users:
        return None
    return math.ceil(yearly_users * months_in(period) / MONTHS_IN_A_YEAR)

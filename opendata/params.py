"""Query parameters of the HSDS API, checked into clear 400 messages instead of errors deep in a query.

As every message of the site's API, they are for developers and in English (see ``core.api``).
"""

import datetime
import uuid
from functools import cache

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from core.api import unstorable

from .config import hsds_config
from .schemas import load


class BadParameter(Exception):
    """A query parameter the API cannot use; the message says which and why."""


@cache
def reference_parameters():
    """Every query parameter of HSDS's API reference (``schema/hsds-3.0/openapi.json``)."""
    reference = load("openapi.json")
    names = {parameter["name"] for parameter in reference["components"]["parameters"].values()}
    for operations in reference["paths"].values():
        for operation in operations.values():
            if isinstance(operation, dict):
                names.update(each["name"] for each in operation.get("parameters", []) if each.get("in") == "query")
    return frozenset(names)


def unsupported(accepted):
    """The parameters of HSDS's API reference an endpoint taking ``accepted`` does not implement, A–Z."""
    return sorted(reference_parameters() - set(accepted))


def refuse_unsupported(query, accepted):
    """A filter of HSDS's reference this endpoint does not implement is refused, not silently ignored."""
    sent = [name for name in unsupported(accepted) if name in query]
    if sent:
        raise BadParameter(f"{sent[0]} is not supported by this API.")


def text(value, name):
    """Free text for a search; a NUL character, which no database column holds, is refused."""
    if value and unstorable(value):
        raise BadParameter(f"{name} must not contain NUL characters.")
    return value or ""


def record_id(value, name="id"):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise BadParameter(f"{name} must be a UUID.") from None


def whole_number(value, name, default, maximum):
    """A number from 1 to ``maximum``: bounded, so no offset grows past what a database column holds."""
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= maximum:
        raise BadParameter(f"{name} must be a whole number from 1 to {maximum}.")
    return number


def page_numbers(page, per_page):
    config = hsds_config()
    return (
        whole_number(page, "page", 1, config["max_page"]),
        whole_number(per_page, "per_page", config["default_per_page"], config["max_per_page"]),
    )


def moment(value, name="modified_after"):
    """An ISO 8601 date or date-time; a date means its midnight, a time without zone the regency's time."""
    if value is None:
        return None
    try:
        parsed = parse_datetime(value)
        if parsed is None and (day := parse_date(value)) is not None:
            parsed = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:
        parsed = None
    if parsed is None:
        raise BadParameter(f"{name} must be an ISO 8601 date or date-time.")
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    try:
        return parsed.astimezone(datetime.UTC)
    except OverflowError:
        # Within a day of the calendar's ends: before everything, or after everything.
        return None if parsed.year == 1 else datetime.datetime.max.replace(tzinfo=datetime.UTC)

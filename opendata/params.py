"""Query parameters of the HSDS API, checked into clear 400 messages instead of errors deep in a query."""

import datetime
import uuid

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.api import unstorable

from .config import hsds_config


class BadParameter(Exception):
    """A query parameter the API cannot use; the message says which and why."""


def locale(code):
    code = "id" if code is None else code
    languages = [language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    found = Locale.objects.filter(language_code=code).first() if code in languages else None
    if found is None:
        raise BadParameter(_("Unknown lang; use one of: %(languages)s.") % {"languages": ", ".join(languages)})
    return found


def text(value, name):
    """Free text for a search; a NUL character, which no database column holds, is refused."""
    if value and unstorable(value):
        raise BadParameter(_("%(name)s must not contain NUL characters.") % {"name": name})
    return value or ""


def record_id(value, name="id"):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise BadParameter(_("%(name)s must be a UUID.") % {"name": name}) from None


def whole_number(value, name, default, maximum):
    """A number from 1 to ``maximum``: bounded, so no offset grows past what a database column holds."""
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= maximum:
        raise BadParameter(
            _("%(name)s must be a whole number from 1 to %(maximum)s.") % {"name": name, "maximum": maximum}
        )
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
        raise BadParameter(_("%(name)s must be an ISO 8601 date or date-time.") % {"name": name})
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    try:
        return parsed.astimezone(datetime.UTC)
    except OverflowError:
        # Within a day of the calendar's ends: before everything, or after everything.
        return None if parsed.year == 1 else datetime.datetime.max.replace(tzinfo=datetime.UTC)

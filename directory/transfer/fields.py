"""The field types of the directory file format (``schema.py``), each with the message of its check.

Text limits come from the Django fields the values are stored in: a value the
site lets an editor leave empty may be empty in the file, so an export of any
site the editors can build imports back.

Every text is a ``text()``: PostgreSQL stores no NUL character, so a file
holding one is refused here rather than failing half-way through the import.

Each check an editor's form also makes raises a ``PydanticCustomError`` whose
message reads after the record-and-field label (``validation.py``).
"""

import re
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db.backends.base.operations import BaseDatabaseOperations
from pydantic import AfterValidator, Field, StrictInt, StrictStr, WrapValidator
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

from core import phone
from core.api import unstorable

from ..models.blocks import ListItemBlock, SituationBlock

IDENTIFIER_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Listed words (aliases, keywords) are stored joined by ", ": no comma, not blank, no space at either end.
LISTED_PATTERN = r"^[^,\s\x00](?:[^,\x00]*[^,\s\x00])?$"
NO_NUL_PATTERN = r"^[^\x00]*$"
ITEM_MAX_LENGTH = ListItemBlock().field.max_length
TIME_PATTERN = r"^(?:[01]\d|2[0-3]):[0-5]\d$"
NOT_A_PHONE_NUMBER = "{got} is not a phone number that can be dialled"


def reworded(message):
    """A validator that replaces the errors of the inner check by one ``message`` (``{got}`` is the input)."""

    def validate(value, handler):
        try:
            return handler(value)
        except PydanticValidationError:
            raise PydanticCustomError("invalid", message, {"got": repr(value)}) from None

    return WrapValidator(validate)


def _check(test, message):
    """An after-validator raising ``message`` (``{got}`` is the value) when ``test(value)`` fails."""

    def validate(value):
        if not test(value):
            raise PydanticCustomError("invalid", message, {"got": repr(value)})
        return value

    return AfterValidator(validate)


NO_NUL = "must not contain the NUL character (\\u0000)"


def text(pattern=NO_NUL_PATTERN, **field):
    """A string the database can store (no NUL), with the length limits of ``field``, checked first."""
    return Annotated[
        StrictStr,
        Field(json_schema_extra={"pattern": pattern}, **field),
        _check(lambda value: not unstorable(value), NO_NUL),
    ]


# Every text of the file without further limits.
Text = text()


def matching(pattern, message, **field):
    """Text matching ``pattern`` (published in the JSON Schema), else ``message``; type and length errors apart."""
    expression = re.compile(pattern)
    return Annotated[
        text(pattern, **field),
        _check(lambda value: expression.search(value) is not None, message),
    ]


def _passes(validator):
    def test(value):
        if not value:
            return True
        try:
            validator(value)
        except ValidationError:
            return False
        return True

    return test


def stored_text(model, name, description=None):
    """Text stored in ``model.name``: required unless the field may be blank, no longer than it allows."""
    field = model._meta.get_field(name)
    return text(min_length=None if field.blank else 1, max_length=field.max_length, description=description)


def identifier(what, model, name):
    return matching(
        IDENTIFIER_PATTERN,
        what + " must be lowercase letters, digits and single hyphens, got {got}",
        max_length=model._meta.get_field(name).max_length,
    )


def phone_number(model, name):
    return Annotated[
        text(max_length=model._meta.get_field(name).max_length, description="as dialled in Indonesia, or +62 …"),
        _check(lambda value: not value or phone.is_dialable(value), NOT_A_PHONE_NUMBER),
    ]


def email_address(model, name):
    return Annotated[
        text(max_length=model._meta.get_field(name).max_length, description="an e-mail address, or empty"),
        _check(_passes(EmailValidator()), "{got} is not an e-mail address"),
    ]


def one_of(values):
    return Annotated[
        Literal[tuple(values)],
        reworded(f"must be one of {', '.join(values)}, got " + "{got}"),
    ]


def web_address(max_length, description="a web address, or empty"):
    """An http(s) address no longer than ``max_length``, or empty: no ``javascript:`` reaches a link."""
    return Annotated[
        text(max_length=max_length, description=description),
        _check(_passes(URLValidator(schemes=["http", "https"])), "{got} is not a web address (http or https)"),
    ]


def listed(what):
    """One of a list stored as comma-separated text (aliases, keywords), so that it reads back the same."""
    return matching(LISTED_PATTERN, what + " {got} must not be blank, contain a comma or start or end with a space")


def whole_number(model, name):
    """A positive whole number that fits ``model.name`` (PositiveSmallIntegerField: at most 32767)."""
    _low, high = BaseDatabaseOperations.integer_field_ranges[model._meta.get_field(name).get_internal_type()]
    return Annotated[StrictInt, Field(gt=0, le=high)]


ListItem = text(min_length=1, max_length=ITEM_MAX_LENGTH)
Keyword = listed("keyword")
Situation = text(min_length=1, max_length=SituationBlock().field.max_length)
Time = matching(TIME_PATTERN, "must be a time HH:MM, got {got}")


def items(model, name, item=ListItem):
    """A list stored in ``model.name`` (a StreamField or a comma-separated text): empty when it may be blank."""
    return Annotated[list[item], Field(min_length=None if model._meta.get_field(name).blank else 1)]


def storable(value):
    """True when no string in ``value`` (keys included) holds a NUL character."""
    if isinstance(value, str):
        return not unstorable(value)
    if isinstance(value, dict):
        return all(storable(key) and storable(item) for key, item in value.items())
    if isinstance(value, list):
        return all(storable(item) for item in value)
    return True

"""The directory file format (``SCHEMA.md``) as pydantic models: the declared schema of an import.

Text limits come from the Django fields the values are stored in: a value the
site lets an editor leave empty may be empty in the file, so an export of any
site the editors can build imports back. ``json_schema()`` publishes the same
declaration as a JSON Schema (``docs/schema/directory.schema.json``).

Each check an editor's form also makes raises a ``PydanticCustomError`` whose
message reads after the record-and-field label (``validation.py``).
"""

import re
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    WrapValidator,
    create_model,
    field_validator,
    model_validator,
)
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

from core import phone
from core.models import RegencySettings

from ..blocks import ListItemBlock
from ..models import CONTACT_LEVEL_RANK, OFFICE_KIND_ORDER, ContactPerson, OfficePage, ServicePage, Weekday

SCHEMA_ID = "https://github.com/banyuwangi/melayani/blob/main/docs/schema/directory.schema.json"
IDENTIFIER_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_DAY = "|".join(Weekday.values)
DAYS_PATTERN = rf"^({_DAY})(?:-({_DAY}))?$"
TIME_PATTERN = r"^(?:[01]\d|2[0-3]):[0-5]\d$"
ITEM_MAX_LENGTH = ListItemBlock().field.max_length
CLOSED = ConfigDict(extra="forbid")
NOT_A_PHONE_NUMBER = "{got} is not a phone number that can be dialled"


def _reworded(message):
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


def matching(pattern, message, **field):
    """Text matching ``pattern`` (published in the JSON Schema), else ``message``; type and length errors apart."""
    expression = re.compile(pattern)
    return Annotated[
        StrictStr,
        Field(json_schema_extra={"pattern": pattern}, **field),
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
    return Annotated[
        StrictStr,
        Field(min_length=None if field.blank else 1, max_length=field.max_length, description=description),
    ]


def identifier(what, model, name):
    return matching(
        IDENTIFIER_PATTERN,
        what + " must be lowercase letters, digits and single hyphens, got {got}",
        max_length=model._meta.get_field(name).max_length,
    )


def phone_number(model, name):
    return Annotated[
        StrictStr,
        Field(max_length=model._meta.get_field(name).max_length, description="as dialled in Indonesia, or +62 …"),
        _check(lambda value: not value or phone.is_dialable(value), NOT_A_PHONE_NUMBER),
    ]


def email_address(model, name):
    return Annotated[
        StrictStr,
        Field(max_length=model._meta.get_field(name).max_length, description="an e-mail address, or empty"),
        _check(_passes(EmailValidator()), "{got} is not an e-mail address"),
    ]


def _one_of(values):
    return Annotated[
        Literal[tuple(values)],
        _reworded(f"must be one of {', '.join(values)}, got " + "{got}"),
    ]


ListItem = Annotated[StrictStr, Field(min_length=1, max_length=ITEM_MAX_LENGTH)]
Keyword = matching(r"^[^,]*$", "keyword {got} must not contain a comma", min_length=1)
Time = matching(TIME_PATTERN, "must be a time HH:MM, got {got}")


def items(model, name, item=ListItem):
    """A list stored in ``model.name`` (a StreamField or a comma-separated text): empty when it may be blank."""
    return Annotated[list[item], Field(min_length=None if model._meta.get_field(name).blank else 1)]


class Bilingual(BaseModel):
    """Both languages or neither: the English page takes its text from translations of the Indonesian."""

    model_config = CLOSED

    @model_validator(mode="after")
    def _both_or_neither(self):
        if bool(self.id) != bool(self.en):
            raise PydanticCustomError("bilingual", "'id' and 'en' must both be empty or both be given")
        return self


def bilingual(class_name, text, description):
    """``{"id": …, "en": …}``: Indonesian (the site's source language) and English."""
    return create_model(class_name, __base__=Bilingual, __doc__=description, id=(text, ...), en=(text, ...))


class AlignedLists(BaseModel):
    """Lists whose items translate one another, position by position."""

    model_config = CLOSED

    @model_validator(mode="after")
    def _aligned(self):
        if len(self.id) != len(self.en):
            raise PydanticCustomError(
                "aligned",
                "'id' has {id} items but 'en' has {en}; they must align",
                {"id": len(self.id), "en": len(self.en)},
            )
        return self


class Requirements(AlignedLists):
    """Documents and conditions (persyaratan), the same items in both languages."""

    id: items(ServicePage, "requirements")
    en: items(ServicePage, "requirements")


class Procedure(AlignedLists):
    """The steps of the procedure (prosedur) in order, the same steps in both languages."""

    id: items(ServicePage, "procedure")
    en: items(ServicePage, "procedure")


class Keywords(Bilingual):
    """Words citizens use for the service, in each language (the lists need not align)."""

    id: items(ServicePage, "keywords", Keyword)
    en: items(ServicePage, "keywords", Keyword)


class OpeningHours(BaseModel):
    """One line of opening hours, such as {"days": "Mon-Thu", "opens": "07:30", "closes": "15:30"}."""

    model_config = CLOSED

    days: matching(DAYS_PATTERN, "must look like 'Mon-Thu' or 'Fri', got {got}")
    opens: Time
    closes: Time

    @field_validator("closes")
    @classmethod
    def _closes_after_opening(cls, closes, info):
        opens = info.data.get("opens")
        if opens and closes <= opens:
            raise PydanticCustomError("closes", "must be after the opening time")
        return closes


Latitude = Annotated[StrictFloat, Field(ge=-90, le=90)]
Longitude = Annotated[StrictFloat, Field(ge=-180, le=180)]
Coordinates = Annotated[
    tuple[Latitude, Longitude] | None,
    _reworded("must be [latitude, longitude] in degrees"),
    Field(description="WGS84 [latitude, longitude], or null"),
]


class Contact(BaseModel):
    """A contact person of the office (CONTACT in SCHEMA.md)."""

    model_config = CLOSED

    key: identifier("contact key", ContactPerson, "key")
    name: stored_text(ContactPerson, "name")
    level: _one_of(list(CONTACT_LEVEL_RANK))
    position: bilingual("Position", stored_text(ContactPerson, "position"), "Job title.")
    field: bilingual("FieldOfWork", stored_text(ContactPerson, "field_of_work"), "The field of work (bidang).")
    handles: bilingual("Handles", stored_text(ContactPerson, "handles"), "What citizens should bring to this person.")
    phone: phone_number(ContactPerson, "phone")
    whatsapp: phone_number(ContactPerson, "whatsapp")
    email: email_address(ContactPerson, "email")


def _service_text(name, class_name, description):
    return bilingual(class_name, stored_text(ServicePage, name), description)


class Service(BaseModel):
    """A public service with its published service standard (SERVICE in SCHEMA.md)."""

    model_config = CLOSED

    slug: identifier("service slug", ServicePage, "stable_slug")
    name: _service_text("title", "ServiceName", "The service's name.")
    summary: _service_text("summary", "ServiceSummary", "What the citizen gets and who it is for.")
    requirements: Requirements
    procedure: Procedure
    duration: _service_text("duration", "Duration", "How long it takes (jangka waktu).")
    cost: _service_text("cost", "Cost", "The fee (biaya/tarif).")
    output: _service_text("output", "Output", "What the citizen receives (produk layanan).")
    legal_basis: items(ServicePage, "legal_basis")
    channels: items(ServicePage, "channels")
    contacts: Annotated[list[StrictStr], Field(description="Keys of the office's contacts responsible for it.")]
    keywords: Keywords


class Office(BaseModel):
    """A regency office (OPD in SCHEMA.md) with its contacts and services."""

    model_config = CLOSED

    slug: identifier("office slug", OfficePage, "stable_slug")
    kind: _one_of(OFFICE_KIND_ORDER)
    acronym: stored_text(OfficePage, "acronym")
    aliases: Annotated[list[Annotated[StrictStr, Field(min_length=1)]], Field(description="Other names citizens type.")]
    name: bilingual("OfficeName", stored_text(OfficePage, "title"), "The full official name.")
    summary: bilingual("OfficeSummary", stored_text(OfficePage, "summary"), "What the office does.")
    address: stored_text(OfficePage, "address")
    phone: phone_number(OfficePage, "phone")
    email: email_address(OfficePage, "email")
    website: Annotated[
        StrictStr,
        Field(max_length=OfficePage._meta.get_field("website").max_length, description="a web address, or empty"),
        _check(_passes(URLValidator()), "{got} is not a web address"),
    ]
    opening_hours: list[OpeningHours]
    coordinates: Coordinates
    contacts: list[Contact]
    services: list[Service]


class ComplaintChannel(BaseModel):
    """A way to complain: its name says which (SMS, WhatsApp, LAPOR), its contact how."""

    model_config = ConfigDict(extra="allow")

    name: StrictStr
    contact: StrictStr

    @field_validator("contact")
    @classmethod
    def _phone_channels_have_a_number(cls, contact, info):
        # The regency settings take the SMS and WhatsApp numbers from here (core.regency.apply_region).
        name = info.data.get("name", "").lower()
        if ("sms" in name or "whatsapp" in name) and not phone.is_dialable(contact):
            raise PydanticCustomError("phone", NOT_A_PHONE_NUMBER, {"got": repr(contact)})
        return contact


class Region(BaseModel):
    """The regency: its call centre and complaint channels set the site's contact settings."""

    model_config = ConfigDict(extra="allow")

    name: StrictStr = ""
    call_center: phone_number(RegencySettings, "call_center") = ""
    response_time_hours: Annotated[StrictInt, Field(gt=0)] | None = None
    complaint_channels: list[ComplaintChannel] = []


class DirectoryFile(BaseModel):
    """A directory of the regency's offices, contacts and services, in Indonesian and English."""

    model_config = ConfigDict(
        extra="forbid",
        title="Banyuwangi Melayani directory file",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID},
    )

    version: Literal[1]
    region: Region = Region()
    opds: list[Office]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a directory file, as published in ``docs/schema/``."""
    return DirectoryFile.model_json_schema()

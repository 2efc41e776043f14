"""The directory file format as pydantic models: the declared schema of an import.

The field types and their checks are in ``fields.py``. ``json_schema()`` publishes
the same declaration as a JSON Schema (``docs/schema/directory.schema.json``).
"""

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    TypeAdapter,
    create_model,
    field_validator,
    model_validator,
)
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

from core.models import RegencySettings
from core.regency import LAPOR_SETTING, channel_setting

from ..models import CONTACT_LEVEL_RANK, OFFICE_KIND_ORDER, ContactPerson, OfficePage, ServicePage, Weekday
from .fields import (
    NO_NUL,
    Keyword,
    Situation,
    Text,
    Time,
    email_address,
    identifier,
    items,
    listed,
    matching,
    one_of,
    phone_number,
    reworded,
    storable,
    stored_text,
    web_address,
    whole_number,
)

SCHEMA_ID = "https://github.com/banyuwangi/melayani/blob/main/docs/schema/directory.schema.json"
_DAY = "|".join(Weekday.values)
DAYS_PATTERN = rf"^({_DAY})(?:-({_DAY}))?$"
CLOSED = ConfigDict(extra="forbid")


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


class Situations(AlignedLists):
    """When a citizen needs the service, in their own words; the same situations in both languages."""

    id: items(ServicePage, "situations", Situation)
    en: items(ServicePage, "situations", Situation)


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
    """One line of opening hours, such as {"days": "Mon-Thu", "opens": "07:30", "closes": "15:30"}.

    A break inside the day (the Friday prayer) adds ``"break_starts": "11:30", "break_ends": "13:00"``.
    """

    model_config = CLOSED

    days: matching(DAYS_PATTERN, "must look like 'Mon-Thu' or 'Fri', got {got}")
    opens: Time
    closes: Time
    break_starts: Time | None = None
    break_ends: Time | None = None

    @model_validator(mode="after")
    def _break_inside_the_hours(self):
        if (self.break_starts is None) != (self.break_ends is None):
            raise PydanticCustomError("break", "give both break_starts and break_ends, or neither")
        if self.break_starts is not None and not self.opens < self.break_starts < self.break_ends < self.closes:
            raise PydanticCustomError("break", "the break must fall between the opening and closing times")
        return self

    @field_validator("days")
    @classmethod
    def _a_range_spans_two_days(cls, days):
        first, _dash, last = days.partition("-")
        if first == last:
            raise PydanticCustomError("days", "write one day as '{day}', not '{got}'", {"day": first, "got": days})
        return days

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
    reworded("must be [latitude, longitude] in degrees"),
    Field(description="WGS84 [latitude, longitude], or null"),
]


class Contact(BaseModel):
    """A contact person of the office (an item of its ``contacts``)."""

    model_config = CLOSED

    key: identifier("contact key", ContactPerson, "key")
    name: stored_text(ContactPerson, "name")
    level: one_of(list(CONTACT_LEVEL_RANK))
    position: bilingual("Position", stored_text(ContactPerson, "position"), "Job title.")
    field: bilingual("FieldOfWork", stored_text(ContactPerson, "field_of_work"), "The field of work (bidang).")
    handles: bilingual("Handles", stored_text(ContactPerson, "handles"), "What citizens should bring to this person.")
    phone: phone_number(ContactPerson, "phone")
    whatsapp: phone_number(ContactPerson, "whatsapp")
    email: email_address(ContactPerson, "email")


def _service_text(name, class_name, description):
    return bilingual(class_name, stored_text(ServicePage, name), description)


class Service(BaseModel):
    """A public service with its published service standard (an item of its office's ``services``)."""

    model_config = CLOSED

    slug: identifier("service slug", ServicePage, "stable_slug")
    name: _service_text("title", "ServiceName", "The service's name.")
    summary: _service_text("summary", "ServiceSummary", "What the citizen gets and who it is for.")
    # Optional, so that files written before situations existed still import (as none).
    situations: Situations = Situations(id=[], en=[])
    requirements: Requirements
    procedure: Procedure
    duration: _service_text("duration", "Duration", "How long it takes (jangka waktu).")
    cost: _service_text("cost", "Cost", "The fee (biaya/tarif).")
    output: _service_text("output", "Output", "What the citizen receives (produk layanan).")
    legal_basis: items(ServicePage, "legal_basis")
    channels: items(ServicePage, "channels")
    contacts: Annotated[list[Text], Field(description="Keys of the office's contacts responsible for it.")]
    keywords: Keywords


class Office(BaseModel):
    """A regency office (an item of the file's ``opds``) with its contacts and services."""

    model_config = CLOSED

    slug: identifier("office slug", OfficePage, "stable_slug")
    kind: one_of(OFFICE_KIND_ORDER)
    acronym: stored_text(OfficePage, "acronym")
    aliases: Annotated[list[listed("alias")], Field(description="Other names citizens type.")]
    name: bilingual("OfficeName", stored_text(OfficePage, "title"), "The full official name.")
    summary: bilingual("OfficeSummary", stored_text(OfficePage, "summary"), "What the office does.")
    address: stored_text(OfficePage, "address")
    phone: phone_number(OfficePage, "phone")
    email: email_address(OfficePage, "email")
    website: web_address(OfficePage._meta.get_field("website").max_length)
    opening_hours: list[OpeningHours]
    coordinates: Coordinates
    contacts: list[Contact]
    services: list[Service]


class Extensible(BaseModel):
    """A record that keeps the fields it does not declare (the regency settings store them): each must be storable."""

    model_config = ConfigDict(extra="allow")

    @model_validator(mode="after")
    def _other_fields_are_storable(self):
        for name, value in (self.model_extra or {}).items():
            if not storable(value):
                raise PydanticCustomError("invalid", "{field} " + NO_NUL, {"field": name})
        return self


# The regency setting each complaint channel sets (core.regency.apply_region), as it may be stored.
CHANNEL_CONTACTS = {
    name: TypeAdapter(phone_number(RegencySettings, name)) for name in ("complaint_sms", "complaint_whatsapp")
} | {LAPOR_SETTING: TypeAdapter(web_address(RegencySettings._meta.get_field(LAPOR_SETTING).max_length))}


class ComplaintChannel(Extensible):
    """A way to complain: its name says which (SMS, WhatsApp, LAPOR), its contact how."""

    name: Text
    contact: Text

    @field_validator("contact")
    @classmethod
    def _fits_its_setting(cls, contact, info):
        contact_type = CHANNEL_CONTACTS.get(channel_setting(info.data.get("name", "")))
        if contact_type is not None:
            try:
                contact_type.validate_python(contact)
            except PydanticValidationError as error:
                first = error.errors()[0]
                raise PydanticCustomError(first["type"], first["msg"], first.get("ctx")) from None
        return contact


class Region(Extensible):
    """The regency: its call centre and complaint channels set the site's contact settings."""

    name: Text = ""
    call_center: phone_number(RegencySettings, "call_center") = ""
    response_time_hours: whole_number(RegencySettings, "response_hours") | None = None
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

"""Read-only JSON API of the directory, keyed on the stable identifiers (``/api/directory/…``).

Its ``Contact`` is how every answer shows a contact person, the search's too (``CONTACT_API_HIT``).
"""

import datetime
from typing import Annotated, Literal

from django.utils.translation import override
from ninja import Query, Router, Schema
from pydantic import Field

from core.api import (
    DEFAULT_PAGE_SIZE,
    ERROR_RESPONSES,
    ApiError,
    Language,
    PageNumber,
    PageSize,
    Paginated,
    absolute_url,
    empty_as,
    paginate,
    requested_locale,
    unstorable,
)
from core.privacy import visible_to_public
from search.registry import ApiHit

from .models import OFFICE_KIND_ORDER, OfficePage, ServicePage
from .transfer.records import stream_texts

router = Router(tags=["directory"])

OfficeKind = Annotated[
    Literal[tuple(OFFICE_KIND_ORDER)] | None, empty_as(None), Query(None, description="Only offices of this type.")
]


class ContactLinks(Schema):
    tel: str = Field(description="``tel:`` link, empty without a phone number.")
    whatsapp: str = Field(description="``https://wa.me/…`` link, empty without a WhatsApp number.")
    email: str = Field(description="``mailto:`` link, empty without an e-mail address.")


class Contact(Schema):
    """A person citizens may contact directly, as every endpoint shows one."""

    key: str = Field(description="Stable identifier of the contact.")
    name: str
    level: str = Field(description="Rank in the office, from the head down; ``level_label`` names it.")
    level_label: str
    position: str
    field: str = Field(description="Field of work.")
    handles: str = Field(description="The problems and requests this person deals with.")
    phone: str
    whatsapp: str
    email: str
    links: ContactLinks
    last_verified: datetime.date | None = Field(description="When someone last confirmed the entry.")
    office: str = Field(description="Stable identifier of the contact's office.")
    url: str | None = Field(description="The contact on the office's public page.")

    @classmethod
    def of(cls, request, contact, office=None, office_url=None):
        """From a contact person of ``office`` (its own office by default) whose page is at ``office_url``."""
        office = office or contact.office
        office_url = office_url or absolute_url(request, office)
        return cls(
            key=contact.key,
            name=contact.name,
            level=contact.level,
            level_label=str(contact.get_level_display()),
            position=contact.position,
            field=contact.field_of_work,
            handles=contact.handles,
            phone=contact.phone,
            whatsapp=contact.whatsapp,
            email=contact.email,
            links=ContactLinks(
                tel=contact.phone_href,
                whatsapp=contact.whatsapp_href,
                email=f"mailto:{contact.email}" if contact.email else "",
            ),
            last_verified=contact.last_verified,
            office=office.stable_slug,
            url=f"{office_url}#contact-{contact.key}" if office_url else None,
        )


class ContactHit(Contact):
    """A contact person found: the contact as everywhere in the API, with what the search adds."""

    type: Literal["contact"]
    id: str = Field(description="The contact's key.")
    title: str
    snippet: str
    promoted: bool
    office_name: str


def contact_hit(request, hit, shown):
    """A contact hit of the search (``search.registry.SearchHit``) as ``/api/search/`` answers it."""
    # The hit links to the contact on its office's page: that page's address, without asking Wagtail again.
    office_path = hit.url.partition("#")[0]
    office_url = request.build_absolute_uri(office_path) if office_path else None
    contact = Contact.of(request, hit.contact, hit.office_page, office_url)
    return ContactHit(**contact.model_dump(), type=hit.type, office_name=hit.office_page.title, **shown)


# Registered with the search in ``DirectoryConfig.ready``: search sits below the directory.
CONTACT_API_HIT = ApiHit("contact", ContactHit, contact_hit)


class OfficeSummary(Schema):
    slug: str = Field(description="Stable identifier of the office.")
    kind: str
    kind_label: str
    acronym: str
    name: str
    summary: str
    address: str
    phone: str
    email: str
    website: str
    language: str = Field(description="Language of this answer: the requested one, else the original's.")
    url: str | None = Field(description="The office's public page.")


class ServiceSummary(Schema):
    slug: str = Field(description="Stable identifier of the service.")
    name: str
    summary: str
    url: str | None = Field(description="The service's public page.")


class OfficeList(Paginated[OfficeSummary]):
    pass


class OpeningHours(Schema):
    days: str
    opens: str = Field(description="HH:MM, local time (Asia/Jakarta).")
    closes: str = Field(description="HH:MM, local time (Asia/Jakarta).")


class OfficeDetail(OfficeSummary):
    aliases: list[str]
    coordinates: list[float] | None = Field(description="Latitude and longitude.")
    map_url: str
    opening_hours: list[OpeningHours]
    contacts: list[Contact] = Field(description="Head of office first.")
    services: list[ServiceSummary]


class ServiceDetail(ServiceSummary):
    language: str
    office: OfficeSummary | None
    requirements: list[str]
    procedure: list[str]
    duration: str
    cost: str
    output: str
    legal_basis: list[str]
    channels: list[str]
    keywords: list[str]
    contacts: list[Contact] = Field(description="The officers responsible for the service.")


def in_locale(model, stable_slug, locale):
    """The page in the requested language, else its original (the API says which it is)."""
    pages = visible_to_public(model.objects.filter(stable_slug=stable_slug)).select_related("locale")
    page = None if unstorable(stable_slug) else pages.filter(locale=locale).first() or pages.order_by("id").first()
    if page is None:
        raise ApiError(404, f"No {model._meta.model_name.removesuffix('page')} with identifier '{stable_slug}'.")
    return page


def office_summary(request, office):
    return OfficeSummary(
        slug=office.stable_slug,
        kind=office.kind,
        kind_label=str(office.get_kind_display()),
        acronym=office.acronym,
        name=office.title,
        summary=office.summary,
        address=office.address,
        phone=office.phone,
        email=office.email,
        website=office.website,
        language=office.locale.language_code,
        url=absolute_url(request, office),
    )


def service_summary(request, service):
    return ServiceSummary(
        slug=service.stable_slug, name=service.title, summary=service.summary, url=absolute_url(request, service)
    )


def _time(value: datetime.time):
    return value.strftime("%H:%M")


@router.get("/offices/", response={200: OfficeList, **ERROR_RESPONSES}, url_name="api-office-list")
def office_list(
    request,
    lang: Language = "id",
    kind: OfficeKind = None,
    page: PageNumber = 1,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
):
    """Offices in one language, A–Z, optionally of one type."""
    locale = requested_locale(lang)
    offices = visible_to_public(OfficePage.objects.filter(locale=locale)).order_by("title").select_related("locale")
    if kind:
        offices = offices.filter(kind=kind)
    with override(locale.language_code):
        return paginate(request, offices, page, page_size, lambda office: office_summary(request, office))


@router.get("/offices/{slug}/", response={200: OfficeDetail, **ERROR_RESPONSES}, url_name="api-office-detail")
def office_detail(request, slug: str, lang: Language = "id"):
    """One office with its contacts (head first) and its services."""
    locale = requested_locale(lang)
    office = in_locale(OfficePage, slug, locale)
    with override(locale.language_code):
        summary = office_summary(request, office)
        return OfficeDetail(
            **summary.model_dump(),
            aliases=office.other_name_list,
            coordinates=[float(office.latitude), float(office.longitude)] if office.latitude is not None else None,
            map_url=office.map_url,
            opening_hours=[
                OpeningHours(days=hours.days_code, opens=_time(hours.opens), closes=_time(hours.closes))
                for hours in office.opening_hours.all()
            ],
            contacts=[Contact.of(request, contact, office, summary.url) for contact in office.ranked_contacts()],
            services=[service_summary(request, service) for service in office.live_services()],
        )


@router.get("/services/{slug}/", response={200: ServiceDetail, **ERROR_RESPONSES}, url_name="api-service-detail")
def service_detail(request, slug: str, lang: Language = "id"):
    """A service's whole published standard and the officers responsible for it."""
    locale = requested_locale(lang)
    service = in_locale(ServicePage, slug, locale)
    office = service.office
    with override(locale.language_code):
        office_data = office_summary(request, office) if office else None
        office_url = office_data.url if office_data else None
        return ServiceDetail(
            **service_summary(request, service).model_dump(),
            language=service.locale.language_code,
            office=office_data,
            requirements=stream_texts(service.requirements),
            procedure=stream_texts(service.procedure),
            duration=service.duration,
            cost=service.cost,
            output=service.output,
            legal_basis=stream_texts(service.legal_basis),
            channels=stream_texts(service.channels),
            keywords=service.keyword_list,
            contacts=[Contact.of(request, contact, office, office_url) for contact in service.officers()],
        )

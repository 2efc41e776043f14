"""Read-only JSON API of the directory, keyed on the stable identifiers."""

from django.core.paginator import EmptyPage, Paginator
from django.urls import path, re_path
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from melayani.jsonresponse import SafeJsonResponse as JsonResponse

from .models import OFFICE_KIND_ORDER, OfficePage, ServicePage

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def json_error(status, message):
    return JsonResponse({"error": message, "status": status}, status=status)


def api_view(view):
    """GET only, JSON errors for bad input and unknown identifiers, interface strings in ``lang``."""

    @require_GET
    def wrapper(request, *args, **kwargs):
        try:
            locale = requested_locale(request)
            with override(locale.language_code):
                return view(request, locale, *args, **kwargs)
        except ApiError as error:
            return json_error(error.status, error.message)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def requested_locale(request):
    code = request.GET.get("lang", "id") or "id"
    try:
        return Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        raise ApiError(400, "Unknown lang; use one of: id, en.") from None


def absolute_url(request, page):
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def in_locale(model, stable_slug, locale):
    """The page in the requested language, else its original (the API says which it is)."""
    pages = model.objects.live().public().filter(stable_slug=stable_slug).select_related("locale")
    page = pages.filter(locale=locale).first() or pages.order_by("id").first()
    if page is None:
        raise ApiError(404, f"No {model._meta.model_name.removesuffix('page')} with identifier '{stable_slug}'.")
    return page


def office_summary(request, office):
    return {
        "slug": office.stable_slug,
        "kind": office.kind,
        "kind_label": str(office.get_kind_display()),
        "acronym": office.acronym,
        "name": office.title,
        "summary": office.summary,
        "address": office.address,
        "phone": office.phone,
        "email": office.email,
        "website": office.website,
        "language": office.locale.language_code,
        "url": absolute_url(request, office),
    }


def contact_data(request, contact, office, office_url=None):
    office_url = office_url or absolute_url(request, office)
    return {
        "key": contact.key,
        "name": contact.name,
        "level": contact.level,
        "level_label": str(contact.get_level_display()),
        "position": contact.position,
        "field": contact.field_of_work,
        "handles": contact.handles,
        "phone": contact.phone,
        "whatsapp": contact.whatsapp,
        "email": contact.email,
        "links": {
            "tel": contact.phone_href,
            "whatsapp": contact.whatsapp_href,
            "email": f"mailto:{contact.email}" if contact.email else "",
        },
        "last_verified": contact.last_verified.isoformat() if contact.last_verified else None,
        "office": office.stable_slug,
        "url": f"{office_url}#contact-{contact.key}" if office_url else None,
    }


def service_summary(request, service):
    return {
        "slug": service.stable_slug,
        "name": service.title,
        "summary": service.summary,
        "url": absolute_url(request, service),
    }


def stream_texts(stream):
    return [str(child.value) for child in stream]


@api_view
def office_list(request, locale):
    """Offices in one language, A–Z, optionally of one type."""
    offices = OfficePage.objects.live().public().filter(locale=locale).order_by("title")
    kind = request.GET.get("kind", "")
    if kind:
        if kind not in OFFICE_KIND_ORDER:
            raise ApiError(400, f"Unknown kind; use one of: {', '.join(OFFICE_KIND_ORDER)}.")
        offices = offices.filter(kind=kind)
    page_number, page_size = pagination_params(request)
    paginator = Paginator(offices.select_related("locale"), page_size)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        raise ApiError(404, "That page of results does not exist.") from None

    def page_link(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "count": paginator.count,
            "next": page_link(page.next_page_number()) if page.has_next() else None,
            "previous": page_link(page.previous_page_number()) if page.has_previous() else None,
            "results": [office_summary(request, office) for office in page.object_list],
        }
    )


def pagination_params(request):
    try:
        page_number = int(request.GET.get("page", "1"))
        page_size = int(request.GET.get("page_size", str(DEFAULT_PAGE_SIZE)))
    except ValueError:
        raise ApiError(400, "page and page_size must be whole numbers.") from None
    if page_number < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ApiError(400, f"page must be 1 or more and page_size between 1 and {MAX_PAGE_SIZE}.")
    return page_number, page_size


@api_view
def office_detail(request, locale, slug):
    """One office with its contacts (head first) and its services."""
    office = in_locale(OfficePage, slug, locale)
    data = office_summary(request, office)
    data["aliases"] = office.other_name_list
    data["coordinates"] = [float(office.latitude), float(office.longitude)] if office.latitude is not None else None
    data["map_url"] = office.map_url
    data["opening_hours"] = [
        {"days": hours.days_code, "opens": hours.opens.strftime("%H:%M"), "closes": hours.closes.strftime("%H:%M")}
        for hours in office.opening_hours.all()
    ]
    data["contacts"] = [contact_data(request, contact, office, data["url"]) for contact in office.ranked_contacts()]
    data["services"] = [service_summary(request, service) for service in office.live_services()]
    return JsonResponse(data)


@api_view
def service_detail(request, locale, slug):
    """A service's whole published standard and the officers responsible for it."""
    service = in_locale(ServicePage, slug, locale)
    office = service.office
    office_url = absolute_url(request, office) if office else None
    data = service_summary(request, service)
    data.update(
        {
            "language": service.locale.language_code,
            "office": office_summary(request, office) if office else None,
            "requirements": stream_texts(service.requirements),
            "procedure": stream_texts(service.procedure),
            "duration": service.duration,
            "cost": service.cost,
            "output": service.output,
            "legal_basis": stream_texts(service.legal_basis),
            "channels": stream_texts(service.channels),
            "keywords": service.keyword_list,
            "contacts": [contact_data(request, contact, office, office_url) for contact in service.officers()],
        }
    )
    return JsonResponse(data)


def not_found(request, *args, **kwargs):
    return json_error(404, _("Not found."))


urlpatterns = [
    path("offices/", office_list, name="api-office-list"),
    path("offices/<str:slug>/", office_detail, name="api-office-detail"),
    path("services/<str:slug>/", service_detail, name="api-service-detail"),
    re_path(r"^.*$", not_found),
]

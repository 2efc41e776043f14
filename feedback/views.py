"""Public pages of the citizen's voice: the survey and its results, reports on contacts, the complaint box.

Forms and status pages are never cached (``never_cache``; ``feedback/`` is also left
out of the page cache, see ``core/cache/pages.py``): each carries a fresh signed
token, and a status page belongs to one citizen.
"""

import logging

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from core.unavailable import DATABASE_UNAVAILABLE, retry_later
from directory.models import ContactPerson, OfficePage, ServicePage

from . import bursts, chart, ikm, periods, protection, results
from .complaints import retention_days, submit_complaint
from .forms import ComplaintForm, ContactReportForm, SurveyForm
from .models import Complaint, ContactReport

logger = logging.getLogger(__name__)
UNAVAILABLE = _("We could not save your answers just now. Nothing is lost: please send the form again in a minute.")


def _page_or_404(model, slug):
    page = results.source_page(model, slug)
    if page is None:
        raise Http404
    return page, results.localized(page, get_language())


def _period_or_404(request):
    try:
        return periods.parse_period(request.GET.get("period", ""))
    except ValueError:
        raise Http404 from None


def _protected_submission(request, form, kind, target, once_a_day=True):
    """Run the abuse checks in order; returns the rejection (message and status) or None."""
    try:
        protection.check_rate_limit(request, kind)
        if once_a_day and protection.done_today(request, kind, target):
            raise protection.Rejected(form.already_sent_message, status=409)
        form.check_protection()
    except protection.Rejected as rejected:
        return rejected
    return None


def _render_form(request, template, context, form, rejected=None):
    if rejected is not None:
        context["rejection"] = rejected.message
        form = form.with_fresh_token()
    context["form"] = form
    status = rejected.status if rejected else (400 if form.is_bound else 200)
    return TemplateResponse(request, template, context, status=status)


def _unavailable(request, template, context, form, error):
    """The form again with the citizen's answers and a 503: the database is locked or down."""
    logger.warning("A %s could not be saved: %s", form.purpose, error)
    return retry_later(_render_form(request, template, context, form, protection.Rejected(UNAVAILABLE, status=503)))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def survey(request, slug):
    """The satisfaction survey of one service (Permenpan RB 14/2017), answered without login or script."""
    source, service = _page_or_404(ServicePage, slug)
    context = {"service": service, "office": results.office_of(service)}
    template = "feedback/survey.html"
    if request.method != "POST":
        context["already_sent"] = protection.done_today(request, "survey", slug)
        return _render_form(request, template, context, SurveyForm(target=slug))
    form = SurveyForm(request.POST, target=slug)
    rejected = _protected_submission(request, form, "survey", slug)
    if rejected is None and form.is_valid():
        data = {name: form.cleaned_data.get(name) or None for name in ikm.ELEMENT_FIELDS}
        data.update({name: form.cleaned_data[name] for name in ("age_band", "sex", "education", "occupation")})
        try:
            with transaction.atomic():
                bursts.record_response(
                    service=source, language=get_language(), suggestion=form.cleaned_data["suggestion"].strip(), **data
                )
        except DATABASE_UNAVAILABLE as error:
            return _unavailable(request, template, context, form, error)
        response = redirect(reverse("feedback-service-results", args=[slug]) + "?sent=1")
        return protection.mark_done(request, response, "survey", slug)
    return _render_form(request, template, context, form, rejected)


@require_GET
def service_results(request, slug):
    source, service = _page_or_404(ServicePage, slug)
    period = _period_or_404(request)
    result = results.service_result(source, period).public()
    context = {
        "service": service,
        "office": results.office_of(service),
        "period": period,
        "periods": periods.recent_periods(),
        "result": result,
        "chart": chart.bar_chart(result, "ikm-chart"),
        "elements": ikm.element_rows(result),
        "categories": ikm.CATEGORIES,
        "sent": request.GET.get("sent") == "1",
    }
    return TemplateResponse(request, "feedback/service_results.html", context)


@require_GET
def office_results(request, slug):
    source, office = _page_or_404(OfficePage, slug)
    period = _period_or_404(request)
    services = [(service, result.public()) for service, result in results.service_results(source, period)]
    result = results.office_result(source, period).public()
    context = {
        "office": office,
        "period": period,
        "periods": periods.recent_periods(),
        "result": result,
        "chart": chart.bar_chart(result, "ikm-chart"),
        "elements": ikm.element_rows(result),
        "categories": ikm.CATEGORIES,
        "services": services,
    }
    return TemplateResponse(request, "feedback/office_results.html", context)


def _contact_or_404(key):
    default = Locale.get_default()
    source = ContactPerson.objects.filter(key=key, locale=default).select_related("office").first()
    if source is None or not source.office.live:
        raise Http404
    here = ContactPerson.objects.filter(translation_key=source.translation_key, locale__language_code=get_language())
    return source, here.select_related("office").first() or source


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contact_report(request, key):
    """ "This number does not answer / is wrong": one tap, an optional note."""
    source, contact = _contact_or_404(key)
    context = {"contact": contact, "office": contact.office}
    template = "feedback/contact_report.html"
    if request.method != "POST":
        return _render_form(request, template, context, ContactReportForm(target=key))
    form = ContactReportForm(request.POST, target=key)
    rejected = _protected_submission(request, form, "contact", key)
    if rejected is None and form.is_valid():
        try:
            with transaction.atomic():
                ContactReport.objects.create(
                    contact=source, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"]
                )
        except DATABASE_UNAVAILABLE as error:
            return _unavailable(request, template, context, form, error)
        response = TemplateResponse(request, "feedback/contact_report_sent.html", context)
        return protection.mark_done(request, response, "contact", key)
    return _render_form(request, template, context, form, rejected)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def complaint(request, slug):
    """The office's online complaint box: category, message, optional name and number for an answer."""
    source, office = _page_or_404(OfficePage, slug)
    context = {"office": office, "retention_days": retention_days()}
    template = "feedback/complaint.html"
    if request.method != "POST":
        return _render_form(request, template, context, ComplaintForm(target=slug))
    form = ComplaintForm(request.POST, target=slug)
    rejected = _protected_submission(request, form, "complaint", slug, once_a_day=False)
    if rejected is not None or not form.is_valid():
        return _render_form(request, template, context, form, rejected)
    data = {name: form.cleaned_data[name].strip() for name in ("category", "message", "name", "contact")}
    try:
        with transaction.atomic():
            created = submit_complaint(source, data, get_language())
    except DATABASE_UNAVAILABLE as error:
        return _unavailable(request, template, context, form, error)
    return redirect(reverse("feedback-complaint-status", args=[created.status_token]) + "?sent=1")


@never_cache
@require_GET
def complaint_status(request, token):
    """The citizen's private status link: reference, when the answer is due, and the office's answer."""
    item = get_object_or_404(Complaint.objects.select_related("office"), status_token=token)
    office = results.localized(item.office, get_language())
    context = {"complaint": item, "office": office, "sent": request.GET.get("sent") == "1"}
    response = TemplateResponse(request, "feedback/complaint_status.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response

"""Public pages of the citizen's voice: the survey and its results, reports on contacts, the complaint box.

Forms and status pages are never cached (``never_cache``; ``feedback/`` is also left
out of the page cache, see ``wagtail_hooks.py``): each carries a fresh signed
token, and a status page belongs to one citizen.
"""

import logging

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from core.privacy import public_page_ids
from core.unavailable import DATABASE_UNAVAILABLE, retry_later
from directory.models import ContactPerson, OfficePage, ServicePage

from . import bursts, chart, ikm, periods, protection, results
from .complaints import retention_days, submit_complaint
from .forms import ComplaintForm, ContactReportForm, SurveyForm
from .models import Complaint, ContactReport, SurveyResponse

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


def _submit(request, form, kind, target, store, earlier=None, once_a_day=True, allowance=None):
    """Check a citizen's post in order, cheapest first, and store it once; returns ``(stored, rejection)``.

    ``earlier()`` finds a submission this one repeats: refused (409) for a once-a-day form,
    otherwise (a complaint) handed back as what was stored, even when the repeat is a
    double-click resending the same token. Only a post that would be stored spends an allowance.
    """
    fold = not once_a_day
    try:
        form.check_protection()
        if once_a_day and protection.done_today(request, kind, target):
            raise protection.Rejected(form.already_sent_message, status=409)
        if not form.is_valid():
            return None, None
        repeated = earlier() if earlier else None
        if repeated is not None and fold:
            return repeated, None
        protection.check_unused(form.nonce)
        if repeated is not None:
            raise protection.Rejected(form.already_sent_message, status=409)
        (allowance or protection.spend_allowance)(request, kind, target)
        return protection.store_once(form.nonce, store, form.already_sent_message), None
    except protection.Rejected as rejected:
        repeated = earlier() if fold and earlier and rejected.status == 409 else None
        return (repeated, None) if repeated is not None else (None, rejected)
    except DATABASE_UNAVAILABLE as error:
        # Locked or down: nothing was stored (one transaction), the answers go back to the citizen.
        logger.warning("A %s could not be saved: %s", form.purpose, error)
        return None, protection.Rejected(UNAVAILABLE, status=503)


def _render_form(request, template, context, form, rejected=None):
    if rejected is not None:
        context["rejection"] = rejected.message
        form = form.with_fresh_token()
    context["form"] = form
    status = rejected.status if rejected else (400 if form.is_bound else 200)
    response = TemplateResponse(request, template, context, status=status)
    return retry_later(response) if status == 503 else response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def survey(request, slug):
    """The satisfaction survey of one service (Permenpan RB 14/2017), answered without login or script."""
    source, service = _page_or_404(ServicePage, slug)
    context = {"service": service, "office": results.office_of(service)}
    template = "feedback/survey.html"
    if request.method != "POST":
        context["already_sent"] = (
            protection.done_today(request, "survey", slug)
            or SurveyResponse.objects.filter(service=source, client_day=protection.client_day(request)).exists()
        )
        return _render_form(request, template, context, SurveyForm(target=slug))
    form = SurveyForm(request.POST, target=slug)
    client_day = protection.client_day(request)

    def store():
        data = {name: form.cleaned_data.get(name) or None for name in ikm.ELEMENT_FIELDS}
        data.update({name: form.cleaned_data[name] for name in ("age_band", "sex", "education", "occupation")})
        suggestion = form.cleaned_data["suggestion"].strip()
        return bursts.record_response(
            service=source, language=get_language(), suggestion=suggestion, client_day=client_day, **data
        )

    def answered_today():
        return SurveyResponse.objects.filter(service=source, client_day=client_day).first()

    stored, rejected = _submit(request, form, "survey", slug, store, answered_today)
    if stored is not None:
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
    # The office must be live and public in every language: a private office's numbers are nobody's to report.
    contacts = ContactPerson.objects.filter(office__in=public_page_ids())
    source = contacts.filter(key=key, locale=default).select_related("office").first()
    if source is None:
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
    client_day = protection.client_day(request)

    def store():
        data = {name: form.cleaned_data[name] for name in ("reason", "note")}
        return ContactReport.objects.create(contact=source, client_day=client_day, **data)

    def reported_today():
        return ContactReport.objects.filter(contact=source, client_day=client_day).first()

    stored, rejected = _submit(request, form, "contact", key, store, reported_today)
    if stored is not None:
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

    def store():
        data = {name: form.cleaned_data[name].strip() for name in ("category", "message", "name", "contact")}
        return submit_complaint(source, data, get_language())

    def allowance(request, kind, target):
        protection.spend_complaint_allowance(request, kind, target, source)

    def repeated():
        # Folded: the citizen gets the first complaint's reference, nobody gets a second mail.
        return protection.earlier_duplicate(source, form.cleaned_data["message"])

    stored, rejected = _submit(request, form, "complaint", slug, store, repeated, once_a_day=False, allowance=allowance)
    if stored is None:
        return _render_form(request, template, context, form, rejected)
    return redirect(reverse("feedback-complaint-status", args=[stored.status_token]) + "?sent=1")


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

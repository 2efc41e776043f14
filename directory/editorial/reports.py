"""The directory's admin reports: contact data to check (office editors) and translation status (the team)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from ..models import OfficePage
from ..translation import report as translation_report
from . import freshness


def offices_for_request(request):
    return freshness.editable_offices(request.user) if request else OfficePage.objects.none()


class FreshnessFilterSet(WagtailFilterSet):
    office = django_filters.ModelChoiceFilter(label=_("Office"), queryset=offices_for_request, field_name="pk")

    class Meta:
        model = OfficePage
        fields = []


class OfficeEditorsOnlyMixin:
    """For admin views shown to whoever edits an office: its editors, the team and admins."""

    def dispatch(self, request, *args, **kwargs):
        if not freshness.editable_offices(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FreshnessReportView(OfficeEditorsOnlyMixin, ReportView):
    """Per office: contacts not verified lately, contacts citizens cannot call, services nobody answers for."""

    page_title = _("Contact data to check")
    header_icon = "user"
    results_template_name = "directory/admin/freshness_report_results.html"
    filterset_class = FreshnessFilterSet
    paginate_by = 20

    def get_queryset(self):
        return freshness.offices_needing_attention(freshness.editable_offices(self.request.user))

    def decorate_paginated_queryset(self, object_list):
        return freshness.problems_of(list(object_list))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["stale_after_days"] = freshness.stale_after_days()
        context["stale_before"] = freshness.stale_before()
        # Other apps add what they know about the contacts (e.g. citizens' reports) without directory importing them.
        context["extra_sections"] = [fn(self.request) for fn in hooks.get_hooks("directory_contact_data_sections")]
        return context


def edits_an_office(user):
    """Who sees the office editors' reports: their editors, the team and admins (see ``OfficeEditorsOnlyMixin``)."""
    return freshness.editable_offices(user).exists()


TRANSLATION_PERMISSION = "wagtail_localize.submit_translation"


class TranslationStatusFilterSet(WagtailFilterSet):
    office = django_filters.ModelChoiceFilter(
        label=_("Office"), queryset=lambda request: source_offices(), method="filter_office"
    )

    class Meta:
        model = Page
        fields = []

    def filter_office(self, queryset, name, value):
        return queryset & translation_report.translated_pages(value) if value else queryset


def source_offices():
    return OfficePage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True).order_by("title")


class TranslationStatusReportView(ReportView):
    """For the communications team: per translated page, strings translated and text changed in Indonesian since."""

    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "directory/admin/translation_status_results.html"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    list_export = [
        "title",
        "locale.language_code",
        "office_title",
        "translation_status.total",
        "translation_status.translated",
        "translation_status.changed",
        "translation_status.changed_since",
    ]
    export_headings = {
        "title": _("Page"),
        "locale.language_code": _("Language"),
        "office_title": _("Office"),
        "translation_status.total": _("Strings"),
        "translation_status.translated": _("Translated"),
        "translation_status.changed": _("Changed in the original since translated"),
        "translation_status.changed_since": _("Changed since"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATION_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return translation_report.translated_pages()

    def decorate_paginated_queryset(self, object_list):
        return translation_report.with_status(object_list)


def may_submit_translations(user):
    return user.has_perm(TRANSLATION_PERMISSION)

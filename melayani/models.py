"""The site-wide home page (the regency's contact settings live in ``core.models``)."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.mixins import IntroductionMixin
from core.privacy import visible_to_public
from directory.models import DirectoryIndexPage, LifeEventIndexPage, OfficeKind


class HomePage(RoutablePageMixin, IntroductionMixin, Page):
    """The front door: search, the call centre and the ways into the directory."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def directory_index(self):
        return DirectoryIndexPage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["directory"] = self.directory_index()
        context["office_kinds"] = OfficeKind.choices
        life_events = LifeEventIndexPage.objects.child_of(self).live().first()
        context["life_events"] = life_events
        context["events"] = list(life_events.events()) if life_events else []
        return context

    @path("untranslated/<int:page_id>/", name="untranslated")
    def untranslated(self, request, page_id):
        """Says plainly that a page exists only in another language, and links to it."""
        original = get_object_or_404(visible_to_public(Page.objects.all()), pk=page_id).specific
        if original.locale_id == self.locale_id:
            return redirect(original.url)
        return TemplateResponse(
            request,
            "melayani/untranslated.html",
            {"page": self, "original": original, "directory": self.directory_index()},
            status=200,
        )

"""The editors' synonym groups, a snippet viewset (the search reports are in ``search.reports``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import SynonymGroup


class SynonymGroupCreateView(CreateView):
    """The new group's form, prefilled with ``?terms=`` (the report of failed searches links here with a query)."""

    def get_initial_form_instance(self):
        return SynonymGroup(terms=self.request.GET.get("terms", "")[:200])


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    add_view_class = SynonymGroupCreateView
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms"]

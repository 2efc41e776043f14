"""Admin panels of the directory that Wagtail's own do not cover."""

from wagtail.admin.panels import InlinePanel


class ContactsInlinePanel(InlinePanel):
    """An office's contacts, each headed by its name and position, starting closed when the office has many.

    With a dozen contacts of seven fields each, the office form is some ninety fields long
    and every contact is headed "Contact person N". Closed, the list reads as a list of
    people; a contact with an error opens by itself (Wagtail's collapsible panels).
    """

    collapse_from = 6

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "directory/admin/contacts_inline_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["collapsed"] = len(self.children) >= self.panel.collapse_from
            return context

"""Admin forms of the directory's pages."""

from wagtail.admin.forms import WagtailAdminPageForm

from ..models.contacts import ContactPerson
from ..models.offices import OfficePage


class ServicePageForm(WagtailAdminPageForm):
    """Offers only the parent office's contacts as responsible officers."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        office = parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if office is None:
            return
        office = office.specific
        if not isinstance(office, OfficePage):
            return
        contacts = ContactPerson.objects.filter(office=office)
        formset = self.formsets.get("responsible_officers")
        if formset is None:
            return
        for form in [*formset.forms, formset.empty_form]:
            form.fields["contact"].queryset = contacts

"""The admin's one-click contact check."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request

from ..models.contacts import ContactPerson
from . import freshness


@require_POST
def verify_contact(request, pk):
    """Confirm with one click that a contact is still right: today becomes its last-verified date."""
    contact = get_object_or_404(ContactPerson.objects.select_related("office"), pk=pk)
    if not contact.office.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    verified_on = freshness.verify_contact(contact, request.user)
    messages.success(
        request,
        _("“%(name)s” confirmed as correct on %(date)s.")
        % {"name": contact.name, "date": date_format(verified_on, "j F Y")},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("directory_freshness_report"))

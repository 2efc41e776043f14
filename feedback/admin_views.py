"""The office editor answers a complaint; the answer shows on the citizen's status page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.editorial.freshness import editable_offices

from . import complaints
from .models import Complaint


class AnswerForm(forms.Form):
    answer = forms.CharField(label=gettext_lazy("Answer to the citizen"), widget=forms.Textarea(attrs={"rows": 6}))


def answer_complaint(request, pk):
    complaint = get_object_or_404(Complaint.objects.select_related("office"), pk=pk)
    if not editable_offices(request.user).filter(pk=complaint.office_id).exists():
        raise PermissionDenied
    form = AnswerForm(request.POST or None, initial={"answer": complaint.answer})
    if request.method == "POST" and form.is_valid():
        complaints.answer_complaint(complaint, form.cleaned_data["answer"].strip(), request.user)
        messages.success(
            request,
            _("The answer to %(reference)s is on the citizen's status page.") % {"reference": complaint.reference},
        )
        return redirect("feedback_complaints")
    return TemplateResponse(request, "feedback/admin/answer_complaint.html", {"complaint": complaint, "form": form})

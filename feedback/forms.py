"""The citizens' forms, each carrying a signed token and a honeypot field."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from . import ikm, protection
from .models import (
    AgeBand,
    ComplaintCategory,
    ContactReportReason,
    Education,
    Occupation,
    Sex,
)

HONEYPOT_FIELD = "website"
PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ()\-.]{5,24}$", _("Enter a phone or WhatsApp number, e.g. 0812 3456 7890.")
)


def _optional_choice(label, choices):
    return forms.ChoiceField(
        label=label, choices=[("", _("Prefer not to say")), *choices], required=False, widget=forms.Select
    )


class ProtectedForm(forms.Form):
    """A form that proves it came from our page, was not filled in by a robot in an instant, and has an empty trap."""

    purpose = ""
    already_sent_message = ""

    form_token = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        if not self.is_bound:
            self.initial["form_token"] = protection.issue_token(self.purpose, target)

    def check_protection(self):
        """Raise ``protection.Rejected`` for a filled trap or a token that is not ours, too fresh or too old.

        Keeps the token's one-time nonce in ``self.nonce``, to be recorded with what the form stores.
        """
        if self.data.get(HONEYPOT_FIELD):
            raise protection.Rejected(_("This form could not be sent. Please leave the last field empty."))
        self.nonce = protection.check_token(self.data.get("form_token"), self.purpose, self.target)

    def with_fresh_token(self):
        """The same answers with a new token, to show again after a rejection."""
        data = self.data.copy()
        data["form_token"] = protection.issue_token(self.purpose, self.target)
        data[HONEYPOT_FIELD] = ""
        return type(self)(data, target=self.target)


class SurveyForm(ProtectedForm):
    purpose = "survey"
    already_sent_message = _("You already answered the survey of this service today. Thank you!")

    age_band = _optional_choice(_("Age"), AgeBand.choices)
    sex = _optional_choice(_("Sex"), Sex.choices)
    education = _optional_choice(_("Education"), Education.choices)
    occupation = _optional_choice(_("Occupation"), Occupation.choices)
    suggestion = forms.CharField(
        label=_("Your suggestion (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for element in ikm.ELEMENTS:
            self.fields[element.field] = forms.TypedChoiceField(
                label=element.question,
                choices=list(zip(ikm.SCALE, element.answers, strict=True)),
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )

    def element_fields(self):
        return [(element, self[element.field]) for element in ikm.ELEMENTS]

    def respondent_fields(self):
        return [self[name] for name in ("age_band", "sex", "education", "occupation")]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) not in (None, "") for name in ikm.ELEMENT_FIELDS):
            raise forms.ValidationError(_("Please answer at least one question about the service."))
        return cleaned


class ContactReportForm(ProtectedForm):
    purpose = "contact-report"
    already_sent_message = _("You already reported this contact today. Thank you: the office will check it.")

    reason = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=ContactReportReason.choices,
        initial=ContactReportReason.NO_ANSWER,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_("For example when you called. Please do not write your own number."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ComplaintForm(ProtectedForm):
    purpose = "complaint"
    already_sent_message = _("This complaint was already received.")

    category = forms.ChoiceField(label=_("Category"), choices=[("", "—"), *ComplaintCategory.choices])
    message = forms.CharField(label=_("Your message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6}))
    name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=100)
    contact = forms.CharField(
        label=_("Phone or WhatsApp for an answer (optional)"),
        required=False,
        max_length=40,
        validators=[PHONE_VALIDATOR],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

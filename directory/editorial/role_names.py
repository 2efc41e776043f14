"""The team, its workflow and task, and the office groups, named in each admin user's language.

``roles`` stores and finds them by their Indonesian names (``Tim Komunikasi``,
``Editor OPD: <slug>`` …). Wagtail prints the stored ``name`` in many places (the
*Submit to …* button, the workflow status, the users and groups admin), so each
instance loaded while a language is active carries its name in that language
(``show_in_active_language``), and a save puts the stored name back
(``keep_stored_name``), whichever language the form was filled in.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from .roles import COMMUNICATIONS_TEAM, MODERATION_TASK, MODERATION_WORKFLOW, OFFICE_GROUP_PREFIX

LABELS = {
    COMMUNICATIONS_TEAM: _("Communications team"),
    MODERATION_WORKFLOW: _("Communications team review"),
    MODERATION_TASK: _("Communications team approval"),
}
OFFICE_GROUP_LABEL = _("Office editors: {office}")


class DisplayName(str):
    """A stored name as the admin user reads it; ``stored`` is what the database holds."""

    def __new__(cls, text, stored):
        name = super().__new__(cls, text)
        name.stored = stored
        return name


def label(stored):
    """``stored`` in the active language, or ``None`` for a name that is not ours."""
    if stored in LABELS:
        return str(LABELS[stored])
    if stored.startswith(OFFICE_GROUP_PREFIX):
        return str(OFFICE_GROUP_LABEL).format(office=stored.removeprefix(OFFICE_GROUP_PREFIX))
    return None


def labels_in_every_language(stored):
    labels = set()
    for code, _name in settings.LANGUAGES:
        with override(code):
            labels.add(label(stored))
    return labels - {None}


def show_in_active_language(sender, instance, **kwargs):
    stored = instance.__dict__.get("name")
    if not stored or isinstance(stored, DisplayName):
        return
    text = label(stored)
    if text is not None and text != stored:
        instance.name = DisplayName(text, stored)


def keep_stored_name(sender, instance, raw=False, **kwargs):
    name = instance.name
    if isinstance(name, DisplayName):
        instance.name = name.stored
    elif not raw and instance.pk is not None:
        stored = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        if stored is not None and name in labels_in_every_language(stored):
            instance.name = stored

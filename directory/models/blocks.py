"""StreamField blocks of the service standard."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ListItemBlock(blocks.CharBlock):
    """One item of a list shown in order: a requirement, a procedure step, a channel."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)

    class Meta:
        icon = "list-ol"


class LegalBasisBlock(ListItemBlock):
    """A law or regulation, cited as published."""

    class Meta:
        icon = "doc-full"
        label = _("Regulation")


class SituationBlock(ListItemBlock):
    """When a citizen needs a service, in their own words: one short sentence."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    class Meta:
        icon = "help"
        label = _("Situation")

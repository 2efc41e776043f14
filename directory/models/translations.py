"""When a translatable text of an original took its current wording."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceTextChange(models.Model):
    """When a translatable text of an original took its current wording (``translation.sync`` records it).

    wagtail-localize keeps no date for a source string; the *Translation status* report
    needs one to say how long a translation has been out of date.
    """

    context = models.ForeignKey("wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+")
    string = models.ForeignKey("wagtail_localize.String", on_delete=models.CASCADE, related_name="+")
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("source text change")
        verbose_name_plural = _("source text changes")
        constraints = [models.UniqueConstraint(fields=["context", "string"], name="unique_source_text_change")]

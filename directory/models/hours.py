"""An office's opening hours: weekly lines with an optional break, and dated exceptions.

Both are inline children of the office page, edited in its admin form. ``schedule.py``
reads them as ``core.hours.Period`` values, the one source of the "open now" line, the
structured data, the HSDS schedules and the complaint clock.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.models import Orderable

from core.hours import Period, days_of

from .choices import Weekday


class TimesWithBreak(models.Model):
    """Opening and closing times with an optional break inside them."""

    break_starts = models.TimeField(_("break from"), null=True, blank=True)
    break_ends = models.TimeField(_("break until"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})
        if (self.break_starts is None) != (self.break_ends is None):
            raise ValidationError({"break_ends": _("Give both the start and the end of the break, or neither.")})
        has_break = self.break_starts is not None and self.opens and self.closes
        if has_break and not self.opens < self.break_starts < self.break_ends < self.closes:
            raise ValidationError({"break_starts": _("The break must fall between opening and closing time.")})

    @property
    def days_code(self):
        """The sample data's form: ``Mon-Thu`` or ``Fri``; empty for every day."""
        if self.last_day and self.last_day != self.first_day:
            return f"{self.first_day}-{self.last_day}"
        return self.first_day

    @property
    def days_label(self):
        if not self.first_day:
            return ""
        first = Weekday(self.first_day).label
        if self.last_day and self.last_day != self.first_day:
            return f"{first}–{Weekday(self.last_day).label}"
        return first

    def weekdays(self):
        return tuple(days_of(self.days_code)) if self.first_day else tuple(range(7))


class OpeningHours(TimesWithBreak, Orderable):
    """One line of an office's opening hours, e.g. Monday–Thursday 07:30–15:30, or Friday with a break."""

    office = ParentalKey("directory.OfficePage", on_delete=models.CASCADE, related_name="opening_hours")
    first_day = models.CharField(_("from"), max_length=3, choices=Weekday.choices)
    last_day = models.CharField(_("to"), max_length=3, choices=Weekday.choices, blank=True)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldRowPanel([FieldPanel("break_starts"), FieldPanel("break_ends")], heading=_("Break (e.g. Friday prayer)")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def period(self):
        return Period(self.weekdays(), self.opens, self.closes, self.break_starts, self.break_ends)


class OpeningHoursException(TimesWithBreak, Orderable):
    """Other hours, or a closure, between two dates: the fasting month's hours, a day the office is closed.

    On the days it covers it replaces the weekly hours, public holidays included (an office may
    open on one). Several rows may share dates, e.g. one for Monday–Thursday and one for Friday.
    """

    office = ParentalKey("directory.OfficePage", on_delete=models.CASCADE, related_name="hours_exceptions")
    first_date = models.DateField(_("from date"))
    last_date = models.DateField(_("until date"), null=True, blank=True, help_text=_("Empty for a single day."))
    first_day = models.CharField(
        _("on days from"), max_length=3, choices=Weekday.choices, blank=True, help_text=_("Empty for every day.")
    )
    last_day = models.CharField(_("to"), max_length=3, choices=Weekday.choices, blank=True)
    closed = models.BooleanField(_("closed"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)

    panels = [
        HelpPanel(_("Replaces the weekly hours on these dates. Tick 'closed', or give the hours of those days.")),
        FieldRowPanel([FieldPanel("first_date"), FieldPanel("last_date")]),
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldPanel("closed"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldRowPanel([FieldPanel("break_starts"), FieldPanel("break_ends")], heading=_("Break")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("special hours or closure")
        verbose_name_plural = _("special hours and closures")

    def clean(self):
        super().clean()
        if self.last_date and self.last_date < self.first_date:
            raise ValidationError({"last_date": _("The last date must not be before the first.")})
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError({"opens": _("Give the opening and closing times, or tick 'closed'.")})

    @property
    def until(self):
        return self.last_date or self.first_date

    def period(self):
        opens, closes = (None, None) if self.closed else (self.opens, self.closes)
        return Period(
            self.weekdays(), opens, closes, self.break_starts, self.break_ends, self.first_date, self.last_date
        )

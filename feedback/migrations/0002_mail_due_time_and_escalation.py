"""Complaints keep their due time (working hours of their office, holidays skipped) and when they were escalated.

Existing complaints get the due time the one rule gives them (``feedback/clock.py``).
"""

from django.db import migrations, models

from core.hours import weekly_hours
from feedback.clock import due_in_week


def days_code(line):
    return f"{line.first_day}-{line.last_day}" if line.last_day and line.last_day != line.first_day else line.first_day


def fill_due_times(apps, schema_editor):
    Complaint = apps.get_model("feedback", "Complaint")
    OpeningHours = apps.get_model("directory", "OpeningHours")
    weeks = {}
    for complaint in Complaint.objects.filter(due_at__isnull=True).only("office_id", "submitted_at").iterator():
        if complaint.office_id not in weeks:
            lines = OpeningHours.objects.filter(office_id=complaint.office_id)
            weeks[complaint.office_id] = weekly_hours((days_code(line), line.opens, line.closes) for line in lines)
        complaint.due_at = due_in_week(weeks[complaint.office_id], complaint.submitted_at)
        complaint.save(update_fields=["due_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_phone_numbers_are_validated"),
        ("feedback", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="due_at",
            field=models.DateTimeField(db_index=True, editable=False, null=True, verbose_name="answer due by"),
        ),
        migrations.AddField(
            model_name="complaint",
            name="escalated_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="escalated at"),
        ),
        migrations.RunPython(fill_due_times, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="complaint",
            name="due_at",
            field=models.DateTimeField(db_index=True, editable=False, verbose_name="answer due by"),
        ),
    ]

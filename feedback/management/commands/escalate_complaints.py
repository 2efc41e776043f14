from django.core.management.base import BaseCommand

from feedback.escalation import escalate_overdue


class Command(BaseCommand):
    help = "Queue one mail to the office's head and the team for each complaint past its due time; run every 15 min."

    def handle(self, *args, **options):
        escalated = escalate_overdue()
        self.stdout.write(f"Escalated {len(escalated)} overdue complaint(s).")

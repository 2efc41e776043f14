from django.conf import settings
from django.core.management.base import BaseCommand

from search.models import SearchFollowUp, SearchQueryLog


class Command(BaseCommand):
    help = (
        "Delete citizens' search log entries, and what they opened and answered, older than "
        "SEARCH_LOG_RETENTION_DAYS (run daily; safe to repeat)."
    )

    def handle(self, *args, **options):
        deleted = SearchQueryLog.purge_expired()
        follow_ups = SearchFollowUp.purge_expired()
        days = getattr(settings, "SEARCH_LOG_RETENTION_DAYS", 90)
        self.stdout.write(f"Search log: {deleted} entries older than {days} days deleted.")
        self.stdout.write(f"Search follow-ups (results opened, answers): {follow_ups} older than {days} days deleted.")

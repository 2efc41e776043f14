from django.conf import settings
from django.core.management.base import BaseCommand

from search.models import SearchQueryLog


class Command(BaseCommand):
    help = "Delete citizens' search log entries older than SEARCH_LOG_RETENTION_DAYS (run daily; safe to repeat)."

    def handle(self, *args, **options):
        deleted = SearchQueryLog.purge_expired()
        days = getattr(settings, "SEARCH_LOG_RETENTION_DAYS", 90)
        self.stdout.write(f"Search log: {deleted} entries older than {days} days deleted.")

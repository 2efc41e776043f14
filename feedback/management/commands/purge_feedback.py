from django.core.management.base import BaseCommand

from feedback.complaints import purge_expired, retention_days


class Command(BaseCommand):
    help = "Delete complaints (with the personal data in them) older than COMPLAINT_RETENTION_DAYS; run daily."

    def handle(self, *args, **options):
        deleted, blanked = purge_expired()
        self.stdout.write(
            f"Deleted {deleted} complaint(s) and {blanked} report note(s) older than {retention_days()} days."
        )

from django.core.management.base import BaseCommand

from feedback.complaints import note_retention_days, purge_expired, retention_days
from feedback.protection import blank_client_days, purge_used_tokens


class Command(BaseCommand):
    help = (
        "Delete complaints (with the personal data in them) older than COMPLAINT_RETENTION_DAYS, erase "
        "citizens' notes on contact reports older than CONTACT_REPORT_NOTE_RETENTION_DAYS, forget expired "
        "form tokens and yesterday's client-day hashes; run daily."
    )

    def handle(self, *args, **options):
        deleted, blanked = purge_expired()
        self.stdout.write(
            f"Deleted {deleted} complaint(s) older than {retention_days()} days and erased {blanked} report "
            f"note(s) older than {note_retention_days()} days."
        )
        self.stdout.write(
            f"Forgot {purge_used_tokens()} used form token(s) and {blank_client_days()} client-day hash(es)."
        )

"""The complaint box's own limits: daily ceilings per client and per office, and folding repeated complaints."""

import datetime
import re

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Complaint
from .base import Rejected, setting
from .daily import start_of_today
from .limits import DAY, check_allowance, client_key, logger, spend_allowance

# Numbers and reasons: docs/citizens.md, "Abuse protection, without third parties".
DEFAULT_CLIENT_DAILY_LIMIT = 10
DEFAULT_OFFICE_DAILY_LIMIT = 200
DEFAULT_DUPLICATE_MINUTES = 10
CLIENT_DAILY_MESSAGE = _(
    "Too many complaints were sent to this office from your connection today. "
    "Please call the office or try again tomorrow."
)
OFFICE_DAILY_MESSAGE = _(
    "This office has received very many complaints today. Please call the office or try again tomorrow."
)


def normalised(message):
    """The message as compared for duplicates: case, spacing and punctuation do not matter."""
    return " ".join(re.sub(r"[^\w]+", " ", message.casefold()).split())


def earlier_duplicate(office, message, now=None):
    """The first complaint to ``office`` with the same message in the last few minutes, if any."""
    since = (now or timezone.now()) - datetime.timedelta(
        minutes=setting("COMPLAINT_DUPLICATE_MINUTES", DEFAULT_DUPLICATE_MINUTES)
    )
    wanted = normalised(message)
    recent = Complaint.objects.filter(office=office, submitted_at__gte=since).order_by("submitted_at")
    recent = recent.only("pk", "message", "status_token")
    return next((item for item in recent if normalised(item.message) == wanted), None)


def spend_complaint_allowance(request, kind, office_slug, office):
    """The hourly allowances of every form, then the complaint box's daily ceilings."""
    spend_allowance(request, kind, office_slug)
    client_limit = setting("COMPLAINT_CLIENT_DAILY_LIMIT", DEFAULT_CLIENT_DAILY_LIMIT)
    today = timezone.localdate().isoformat()
    check_allowance(f"{kind}-day:{office_slug}:{client_key(request)}", client_limit, CLIENT_DAILY_MESSAGE, DAY, today)
    # Counted in the database: the stored complaints are the truth, whatever the cache kept.
    office_limit = setting("COMPLAINT_OFFICE_DAILY_LIMIT", DEFAULT_OFFICE_DAILY_LIMIT)
    if Complaint.objects.filter(office=office, submitted_at__gte=start_of_today()).count() >= office_limit:
        logger.warning("Complaint flood: office %s reached its daily ceiling of %s", office_slug, office_limit)
        raise Rejected(OFFICE_DAILY_MESSAGE, status=429)

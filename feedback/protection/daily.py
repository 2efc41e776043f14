"""Once per target per client per day: a signed cookie in the browser, and a day-keyed hash on the server.

The server's "client" is the address together with the browser's User-Agent and
Accept-Language. The address alone would make a whole district behind one carrier
(CGNAT) address a single respondent per service per day; the browser's headers tell
its phones apart. A script that varies them is held by the hourly allowance per
address (``limits.py``). The hash is keyed with the site's secret and the date, so it
reveals no address and links nothing across days; ``purge_feedback`` blanks it the
next day.
"""

import datetime

from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.client import client_address

from ..models import ContactReport, SurveyResponse

DONE_COOKIE = "melayani_feedback_done"
DONE_SALT = "feedback.done-today"


def client_day(request, day=None):
    """A keyed hash of this client (address and browser) and the day: equal only for the same client, same day."""
    day = day or timezone.localdate()
    meta = request.META
    client = "|".join(
        (client_address(request), meta.get("HTTP_USER_AGENT", "")[:300], meta.get("HTTP_ACCEPT_LANGUAGE", "")[:100])
    )
    return salted_hmac(f"feedback.client-day:{day.isoformat()}", client).hexdigest()[:40]


def start_of_today():
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


def blank_client_days():
    """Blank the client-day hashes of responses and reports from before today; returns how many."""
    cutoff = start_of_today()
    responses = SurveyResponse.objects.filter(submitted_at__lt=cutoff)
    reports = ContactReport.objects.filter(reported_at__lt=cutoff)
    return sum(rows.exclude(client_day="").update(client_day="") for rows in (responses, reports))


def _done_today(request):
    today = timezone.localdate().isoformat()
    value = request.get_signed_cookie(DONE_COOKIE, default="", salt=DONE_SALT)
    day, _sep, items = value.partition("|")
    return set(items.split(",")) - {""} if day == today else set()


def done_today(request, kind, target):
    """Whether this browser already sent ``kind`` for ``target`` today."""
    return f"{kind}:{target}" in _done_today(request)


def mark_done(request, response, kind, target):
    """Remember in the browser, until midnight, that ``kind`` was sent for ``target`` today."""
    now = timezone.localtime()
    items = _done_today(request) | {f"{kind}:{target}"}
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time.min, now.tzinfo)
    response.set_signed_cookie(
        DONE_COOKIE,
        f"{now.date().isoformat()}|{','.join(sorted(items))}",
        salt=DONE_SALT,
        max_age=int((midnight - now).total_seconds()) + 1,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response

"""Abuse protection without third parties: signed form tokens, a honeypot, a per-client rate limit, once a day.

Nothing here stores who a citizen is: the client address is only hashed (with the
site's secret) into a short-lived cache key, and "already answered today" lives in
a signed cookie in the citizen's own browser.
"""

import datetime
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

TOKEN_SALT = "feedback.form-token"
DONE_COOKIE = "melayani_feedback_done"
DONE_SALT = "feedback.done-today"
RATE_WINDOW_SECONDS = 3600

DEFAULT_MIN_FILL_SECONDS = 3
DEFAULT_TOKEN_MAX_AGE = 24 * 3600
# Generous: many citizens share one address behind a carrier's NAT or a service counter's Wi-Fi.
DEFAULT_RATE_LIMIT = 30


class Rejected(Exception):
    """A submission turned away, with the message the citizen sees and the HTTP status to answer with."""

    def __init__(self, message, status=400):
        super().__init__(str(message))
        self.message = message
        self.status = status


def _setting(name, default):
    return getattr(settings, name, default)


def issue_token(purpose, target, now=None):
    """A signed token naming the form and its object, with the time it was handed out."""
    return signing.dumps({"p": purpose, "t": str(target), "at": int(now or time.time())}, salt=TOKEN_SALT)


def check_token(token, purpose, target, now=None):
    """Raise ``Rejected`` unless ``token`` was issued by us, for this form, long enough ago and not too long ago."""
    now = now or time.time()
    try:
        data = signing.loads(
            token or "", salt=TOKEN_SALT, max_age=_setting("FEEDBACK_TOKEN_MAX_AGE", DEFAULT_TOKEN_MAX_AGE)
        )
    except signing.SignatureExpired:
        raise Rejected(_("This form was opened too long ago. Please fill it in again.")) from None
    except signing.BadSignature:
        raise Rejected(_("This form could not be checked. Please fill it in again.")) from None
    if not isinstance(data, dict) or data.get("p") != purpose or data.get("t") != str(target):
        raise Rejected(_("This form could not be checked. Please fill it in again."))
    if now - data.get("at", now) < _setting("FEEDBACK_MIN_FILL_SECONDS", DEFAULT_MIN_FILL_SECONDS):
        raise Rejected(_("That was very quick. Please check your answers and send the form again."))


def client_hash(request):
    """A keyed hash of the client address: usable as a cache key, useless to anyone without the secret key."""
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("feedback.client", address).hexdigest()[:32]


def check_rate_limit(request, purpose):
    """Count this submission against the client's hourly allowance; raise ``Rejected`` (429) beyond it."""
    key = f"feedback-rate:{purpose}:{client_hash(request)}"
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    if count > _setting("FEEDBACK_RATE_LIMIT", DEFAULT_RATE_LIMIT):
        raise Rejected(_("Too many forms were sent from your connection. Please try again in an hour."), status=429)


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

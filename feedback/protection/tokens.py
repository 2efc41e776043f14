"""Signed form tokens: issued with the form, accepted once (their nonce is recorded with the submission)."""

import datetime
import secrets
import time

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import UsedFormToken
from .base import Rejected, setting

TOKEN_SALT = "feedback.form-token"
DEFAULT_MIN_FILL_SECONDS = 3
DEFAULT_TOKEN_MAX_AGE = 24 * 3600
UNCHECKABLE = _("This form could not be checked. Please fill it in again.")
ALREADY_USED = _("This form was already sent once. Nothing was counted twice; open the form again to send a new one.")


def token_max_age():
    return setting("FEEDBACK_TOKEN_MAX_AGE", DEFAULT_TOKEN_MAX_AGE)


def issue_token(purpose, target, now=None):
    """A signed token naming the form and its object, the time it was handed out and a one-time nonce."""
    data = {"p": purpose, "t": str(target), "at": int(now or time.time()), "n": secrets.token_urlsafe(12)}
    return signing.dumps(data, salt=TOKEN_SALT)


def check_token(token, purpose, target, now=None):
    """The token's nonce; raise ``Rejected`` unless it is ours, for this form, not too fresh and not too old."""
    now = now or time.time()
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT, max_age=token_max_age())
    except signing.SignatureExpired:
        raise Rejected(_("This form was opened too long ago. Please fill it in again.")) from None
    except signing.BadSignature:
        raise Rejected(UNCHECKABLE) from None
    if not isinstance(data, dict) or data.get("p") != purpose or data.get("t") != str(target) or not data.get("n"):
        raise Rejected(UNCHECKABLE)
    if now - data.get("at", now) < setting("FEEDBACK_MIN_FILL_SECONDS", DEFAULT_MIN_FILL_SECONDS):
        raise Rejected(_("That was very quick. Please check your answers and send the form again."))
    return data["n"]


def check_unused(nonce):
    """Refuse a token already accepted, before anything is counted (``store_once`` closes the race)."""
    if UsedFormToken.objects.filter(nonce=nonce).exists():
        raise Rejected(ALREADY_USED, status=409)


def store_once(nonce, store, duplicate_message):
    """``store()`` and the token's nonce in one transaction: a replayed token, even a concurrent one, stores nothing.

    Any other unique constraint ``store`` hits (once per client and day) is refused with ``duplicate_message``.
    """
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    UsedFormToken.objects.create(nonce=nonce)
            except IntegrityError:
                raise Rejected(ALREADY_USED, status=409) from None
            return store()
    except IntegrityError:
        raise Rejected(duplicate_message, status=409) from None


def purge_used_tokens(now=None):
    """Forget nonces of tokens that have expired anyway; returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=token_max_age())
    deleted, _by_model = UsedFormToken.objects.filter(used_at__lt=cutoff).delete()
    return deleted

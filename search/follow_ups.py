"""What citizens do with a results page: the result they open, and whether they found what they needed.

Each results page draws a random reference that ties its opens and its answer together
(``SearchFollowUp``); it names the page, never the person. A result's link goes through
``/search/open/`` with the result and its address signed by the site, so the redirect
can only lead where the results page pointed, and works without JavaScript. The query
travels and is stored as the search log keeps it, personal numbers masked.
"""

import json
import logging
import secrets
from urllib.parse import urlencode

from django.core import signing
from django.db import Error, transaction
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from wagtail.models import Page

from .models import SearchFollowUp, SearchOpen, logged_query

logger = logging.getLogger(__name__)

OPEN_SALT = "search.follow_ups.open"
ANSWER_SALT = "search.follow_ups.answer"
# Titles are kept for the editors' report, which needs no more of them.
TITLE_LENGTH = 120
OPEN_FIELDS = ("to", "r", "q", "l", "k", "t", "g", "p")


def new_reference() -> str:
    return secrets.token_hex(16)


def _page_id(hit):
    page = hit.page or hit.office_page  # an officer's result opens their office page
    return page.pk if page is not None else None


def open_url(hit, position, query, language_code, reference) -> str:
    """The address of ``hit`` on the results page: through the redirect that records the open.

    The fields stay readable (the destination shows as ``to=/id/…``) and are signed together."""
    fields = {
        "to": hit.url,
        "r": reference,
        "q": logged_query(query),
        "l": language_code,
        "k": f"{hit.type}:{hit.id}",
        "t": hit.title[:TITLE_LENGTH],
        "g": str(_page_id(hit) or ""),
        "p": str(position),
    }
    return f"{reverse('search-open')}?{urlencode({**fields, 'sig': _signature(fields)}, safe='/')}"


def _signature(fields) -> str:
    return signing.Signer(salt=OPEN_SALT).signature(json.dumps(fields, sort_keys=True))


def read_open(params) -> dict | None:
    """The fields of an opened result's link (``open_url``); None when they were not signed here or were altered."""
    fields = {name: params.get(name, "") for name in OPEN_FIELDS}
    return fields if constant_time_compare(_signature(fields), params.get("sig", "")) else None


def answer_token(query, language_code, reference) -> str:
    """The signed reference the "did you find it?" form sends back."""
    return signing.dumps({"r": reference, "q": logged_query(query), "l": language_code}, salt=ANSWER_SALT)


def read_answer(token) -> dict | None:
    """The reference an answer form sent back; None when it was not signed here or was altered."""
    try:
        payload = signing.loads(token or "", salt=ANSWER_SALT)
    except signing.BadSignature:
        return None
    return payload if isinstance(payload, dict) and payload.get("r") else None


def _follow_up(payload) -> SearchFollowUp:
    follow_up, _ = SearchFollowUp.objects.get_or_create(
        reference=str(payload["r"])[:32],
        defaults={"query": logged_query(str(payload.get("q", ""))), "language_code": str(payload.get("l", ""))[:10]},
    )
    return follow_up


def _existing_page(page_id: str):
    """The page id, if it still exists: a page deleted since the search is no longer promotable."""
    return int(page_id) if page_id.isdigit() and Page.objects.filter(pk=int(page_id)).exists() else None


def record_open(payload) -> None:
    """Count an opened result once per results page; a refused write loses the count, not the citizen's way."""
    try:
        with transaction.atomic():
            SearchOpen.objects.get_or_create(
                follow_up=_follow_up(payload),
                result=payload["k"][:300],
                defaults={
                    "title": payload["t"][:TITLE_LENGTH],
                    "page_id": _existing_page(payload["g"]),
                    "position": int(payload["p"]) if payload["p"].isdigit() else 0,
                },
            )
    except Error as error:  # InterfaceError too: no DatabaseError
        logger.warning("An opened search result was not recorded: %s", error)


def record_answer(payload, found: bool) -> None:
    """Keep the citizen's answer for this results page (a changed mind replaces it)."""
    try:
        with transaction.atomic():
            follow_up = _follow_up(payload)
            follow_up.found = found
            follow_up.save(update_fields=["found"])
    except Error as error:  # InterfaceError too: no DatabaseError
        logger.warning("A search answer was not recorded: %s", error)

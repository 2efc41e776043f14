"""Abuse protection of the citizens' forms, without third parties.

A signed form token accepted once (``tokens``), a honeypot (the forms), allowances per
client and target with a ceiling per target (``limits``), once per target per client
per day (``daily``), and the complaint box's daily ceilings and folding (``complaints``).
Nothing here stores who a citizen is: the client's address only enters keyed hashes.
"""

from .base import Rejected
from .complaints import earlier_duplicate, spend_complaint_allowance
from .daily import DONE_COOKIE, blank_client_days, client_day, done_today, mark_done
from .limits import client_key, spend_allowance
from .tokens import TOKEN_SALT, check_token, check_unused, issue_token, purge_used_tokens, store_once

__all__ = [
    "DONE_COOKIE",
    "TOKEN_SALT",
    "Rejected",
    "blank_client_days",
    "check_token",
    "check_unused",
    "client_day",
    "client_key",
    "done_today",
    "earlier_duplicate",
    "issue_token",
    "mark_done",
    "purge_used_tokens",
    "spend_allowance",
    "spend_complaint_allowance",
    "store_once",
]

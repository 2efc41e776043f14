"""Normalisation shared by documents and queries: casefold, accents stripped, split on
anything that is not a letter or digit, spelling variants unified, function words known."""

import re
import unicodedata
from functools import lru_cache

from .vocabulary import SPELLING_VARIANTS, STOPWORDS

MAX_TOKEN_LENGTH = 40
_TOKEN_PATTERN = re.compile(r"[^\W_]+")
# "5thn" is a number glued to an abbreviation; "b3" or "ak1" are names and stay whole.
_DIGITS_THEN_LETTERS = re.compile(r"^(\d+)([^\W\d_]{2,})$")
_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")


def normalize_text(text) -> str:
    """Casefold and strip accents; anything that is not text becomes an empty string."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", text.casefold())


def tokenize(text) -> list[str]:
    """Normalised word tokens with spelling variants unified (``akte`` -> ``akta``)."""
    return list(_tokenize(text if isinstance(text, str) else normalize_text(text)))


@lru_cache(maxsize=20_000)
def _tokenize(text: str) -> tuple[str, ...]:
    tokens = []
    for raw in _TOKEN_PATTERN.findall(normalize_text(text)):
        raw = raw[:MAX_TOKEN_LENGTH]
        glued = _DIGITS_THEN_LETTERS.match(raw)
        for token in glued.groups() if glued else (raw,):
            tokens.extend(SPELLING_VARIANTS.get(token, token).split())
    return tuple(tokens)


PARTICLES = ("nya", "lah", "kah", "pun")


def is_stopword(word: str) -> bool:
    if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
        return True
    # "caranya", "syaratnya", "bisakah": a function word with a particle attached.
    return any(word.endswith(particle) and word[: -len(particle)] in STOPWORDS for particle in PARTICLES)


def content_words(text) -> list[str]:
    return [token for token in tokenize(text) if not is_stopword(token)]

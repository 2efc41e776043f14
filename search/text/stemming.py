"""Stemming: Indonesian and English word forms reduced to a shared root (``perizinan`` -> ``izin``).

Indonesian uses Sastrawi's dictionary stemmer (29,931 root words): it keeps roots whole
(``sekolah``, ``persalinan`` -> ``salin``, ``kependudukan`` -> ``duduk``) where Snowball
over-stems, and it scored as well as Snowball with hand-patched word families on the dev
queries and better on the keyword-less generalisation check (docs/benchmarks.md). Stems are
cached: the dictionary look-up costs about 70 µs a word.
"""

from functools import lru_cache

import snowballstemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from .normalize import content_words
from .vocabulary import STEM_EXCEPTIONS

_indonesian_stemmer = StemmerFactory().create_stemmer()
_english_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem_indonesian(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    # A root of another sense ("meninggal" -> "tinggal") would mix two needs (stem-exceptions.tsv).
    return STEM_EXCEPTIONS.get(word) or _indonesian_stemmer.stem(word) or word


@lru_cache(maxsize=200_000)
def stem_english(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    return _english_stemmer.stemWord(word)


def stem(word: str, locale: str) -> str:
    return stem_english(word) if locale == "en" else stem_indonesian(word)


def word_stems(word: str) -> set[str]:
    """Index terms a query word may correspond to when its language is unknown."""
    return {word, stem_indonesian(word), stem_english(word)}


def analyze(text, locale: str = "id") -> list[str]:
    """Index terms of a text: content words stemmed in the text's language."""
    return [stem(word, locale) for word in content_words(text)]

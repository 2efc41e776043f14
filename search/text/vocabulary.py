"""The curated vocabulary of the citizen search, read from the data files in ``search/data/``.

Everything there is general knowledge about Indonesian public services and about how
citizens of East Java type; none of it is tied to particular queries. Each file starts
with a comment that says what it holds. The synonym groups are seeded into the editors'
*Search synonyms* (the site reads them from the database); ``builtin_synonym_groups``
serves the seeding and the benchmarks, which run without a database.
"""

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _lines(name: str):
    """Non-empty lines of a data file, without comments."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].rstrip("\n")
            if line.strip():
                yield line


def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in _lines(name) for word in line.split())


def _table(name: str) -> dict[str, str]:
    """A two-column TSV file with a header row, as a mapping from the first column to the second."""
    rows = (line.split("\t") for line in _lines(name))
    next(rows)  # header
    return {key.strip(): value.strip() for key, value in rows}


SPELLING_VARIANTS = _table("spelling-variants.tsv")
SLANG = _table("slang.tsv")
STEM_EXCEPTIONS = _table("stem-exceptions.tsv")
STOPWORDS_ID = _words("stopwords-id.txt")
STOPWORDS_EN = _words("stopwords-en.txt")
ASPECT_WORDS = _words("aspect-words.txt")
STOPWORDS = STOPWORDS_ID | STOPWORDS_EN | ASPECT_WORDS
LEADERSHIP_WORDS = _words("leadership-words.txt")
OFFICE_WORDS = _words("office-words.txt")
KECAMATAN_WORDS = _words("kecamatan-words.txt")
VILLAGE_WORDS = _words("village-words.txt")
JOB_GRADE_PHRASES = [tuple(line.split()) for line in _lines("job-grades.txt")]


@cache
def builtin_synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The curated concept groups, each a tuple of phrases (``synonyms.txt``)."""
    groups = []
    for line in _lines("synonyms.txt"):
        phrases = tuple(phrase.strip() for phrase in line.split(",") if phrase.strip())
        if len(phrases) > 1:
            groups.append(phrases)
    return tuple(groups)

"""Fields of a search document: how much each tells, and how their text becomes index terms."""

import math
from functools import lru_cache

from ..text.normalize import is_stopword, tokenize
from ..text.stemming import stem
from ..text.vocabulary import JOB_GRADE_PHRASES

# How much a word found in each field tells about the document. Fields not listed
# count with DEFAULT_FIELD_WEIGHT.
FIELD_WEIGHTS = {
    "title": 3.0,
    "acronym": 4.0,
    "aliases": 3.0,
    "keywords": 2.5,
    "handles": 2.0,
    "position": 1.5,
    "field": 1.5,
    "services": 1.2,
    "related_services": 0.4,
    "name": 1.0,
    "summary": 1.0,
    "output": 1.0,
    "body": 0.8,
    "office": 0.6,
    # A village names its kecamatan's office about as the kecamatan's name in a title does: at
    # 0.5 the meaning fused in ("legalisir kk" leans to the regency's civil registry) put the
    # registry above Licin's counter for "legalisir kk warga desa kluncing", not for "... kecamatan
    # licin". It lifts the kecamatan's services for any query naming the village, so regency
    # services asked for with a village lose a little (docs/benchmarks.md, the village check).
    "places": 3.0,
    "requirements": 0.35,
    "procedure": 0.3,
    "cost": 0.2,
    "duration": 0.2,
    "channels": 0.2,
    "legal_basis": 0.1,
}
DEFAULT_FIELD_WEIGHT = 0.5
# Short, precise fields barely depend on their length; prose does.
LENGTH_NORMALISATION = {"title": 0.3, "acronym": 0.0, "aliases": 0.2, "keywords": 0.3, "position": 0.3}
DEFAULT_LENGTH_NORMALISATION = 0.75
K1 = 1.2
ABOUT_THRESHOLD = 0.3  # weighted frequency from which a document counts towards a word's document frequency
PAIR_SEPARATOR = "\x1f"  # joins two neighbouring terms into one index term
# People's names are found when typed as written, but are never offered as the
# correction of a misspelt word ("hrs" is not "Haris").
EXACT_ONLY_FIELDS = ("name",)
# Fields whose values name the object; they feed exact-name matching and autocomplete.
NAME_FIELDS = ("acronym", "aliases")
# Fields whose values name a service: a phrase that is both one of these and an alias of
# the service's office ("uji kir") names the service rather than the office.
SERVICE_NAME_FIELDS = ("title", "keywords")
SUGGESTION_FIELDS = ("title", "acronym", "aliases", "keywords")
# The names of the places an office serves (a kecamatan's villages) and whose people it
# serves: a query naming one of them names the office, as its own name would.
PLACES_FIELD = "places"


@lru_cache(maxsize=50_000)
def index_terms(text: str, locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = tuple(word for word in without_job_grades(tokenize(text)) if not is_stopword(word))
    return words, tuple(stem(word, locale) for word in words)


def without_job_grades(words: list[str]) -> list[str]:
    kept, position = [], 0
    while position < len(words):
        grade = next((g for g in JOB_GRADE_PHRASES if tuple(words[position : position + len(g)]) == g), None)
        if grade:
            position += len(grade)
        else:
            kept.append(words[position])
            position += 1
    return kept


def document_fields(document: dict) -> dict:
    """The document's title and its other fields, by name."""
    extra = document.get("fields")
    return {"title": document.get("title"), **(extra if isinstance(extra, dict) else {})}


def with_pairs(terms) -> list[str]:
    """The terms, then each pair of neighbouring terms, so that phrases typed in order score extra."""
    return [*terms, *(f"{previous}{PAIR_SEPARATOR}{term}" for previous, term in zip(terms, terms[1:], strict=False))]


def field_terms(field_name: str, text: str, locale: str) -> tuple[tuple[str, ...], tuple[str, ...], list[str]]:
    """The text's words, their stems, and the index terms they give in the field: the stems and
    each pair of neighbours. A place's name of several words gives only its pairs, for alone its
    words are ordinary ones: "izin usaha baru" names no village Sumber Baru."""
    words, stems = index_terms(text, locale)
    terms = with_pairs(stems)
    if field_name == PLACES_FIELD and len(stems) > 1:
        terms = terms[len(stems) :]
    return words, stems, terms


def pseudo_frequency(field_counts, lengths: dict[str, int], average_length: dict[str, float]) -> float:
    """BM25F's weighted, length-normalised frequency of a term from its count in each field."""
    value = 0.0
    for field_name, count in field_counts:
        b = LENGTH_NORMALISATION.get(field_name, DEFAULT_LENGTH_NORMALISATION)
        average = average_length.get(field_name) or max(1.0, lengths.get(field_name, 0))
        norm = 1 - b + b * lengths.get(field_name, 0) / average
        value += FIELD_WEIGHTS.get(field_name, DEFAULT_FIELD_WEIGHT) * count / norm
    return value


def rarity(objects: int, about: int) -> float:
    """BM25's idf, where ``about`` counts the objects whose pseudo-frequency reaches ``ABOUT_THRESHOLD``."""
    about = max(1, about)
    return math.log(1 + (objects - about + 0.5) / (about + 0.5))


def saturated(value: float) -> float:
    return value * (K1 + 1) / (K1 + value)


def field_values(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def place_names(value) -> list[str]:
    """The names in a ``PLACES_FIELD`` value, each as its words joined by one space."""
    return [name for name in (" ".join(tokenize(place)) for place in field_values(value)) if name]


def number(value, default: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def type_filter(types) -> set[str] | None:
    """The document types asked for, or None for all; nonsense means no filter."""
    if types is None or types == "":
        return None
    if isinstance(types, str):
        return {types}
    try:
        return {str(item) for item in types} or None
    except TypeError:
        return None

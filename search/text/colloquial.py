"""How citizens type on phones: slang, colloquial verb forms, dropped vowels."""

from .vocabulary import SLANG

VOWELS = frozenset("aeiou")

POSSESSIVE_SUFFIXES = ("nya", "ku", "mu")


def standard_words(word: str) -> list[str]:
    """Standard Indonesian for a slang or regional word (``bocahku`` -> ``anak``)."""
    if word in SLANG:
        return SLANG[word].split()
    for suffix in POSSESSIVE_SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and base in SLANG:
            return SLANG[base].split()
    return [word]


def only_vowels_dropped(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with some of its vowels left out (``rusk`` <- ``rusak``)."""
    if len(typed) >= len(word):
        return False
    position = 0
    for letter in word:
        if position < len(typed) and typed[position] == letter:
            position += 1
        elif letter not in VOWELS:
            return False
    return position == len(typed)


def consonant_skeleton(word: str) -> str:
    """First letter plus the consonants: how people abbreviate by dropping vowels."""
    return word[:1] + "".join(ch for ch in word[1:] if ch not in VOWELS)


def loose_skeleton(word: str) -> str:
    """Skeleton that also ignores the half-vowels w, y and h (``bwt`` ~ ``buat``)."""
    return word[:1] + "".join(ch for ch in word[1:] if ch not in VOWELS and ch not in "wyh")


def colloquial_base_forms(word: str) -> list[str]:
    """Standard forms behind colloquial Indonesian and Javanese verbs and nouns.

    Covers the nasal prefixes (``ngadu`` -> ``adu``, ``nyusul`` -> ``susul``,
    ``mbayar`` -> ``bayar``, ``nutup`` -> ``tutup``), the Betawi ``-in`` suffix
    (``daftarin`` -> ``daftar``) and the Javanese ``-e``/``-ne`` suffix (``kancane``).
    """
    stems = [word]
    if word.startswith("di") and len(word) >= 6:  # passive of a loan word: "dibully"
        stems.append(word[2:])
    for suffix in ("nin", "in", "ne", "e", "ke"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.append(word[: -len(suffix)])
    forms = []
    for base in stems:
        forms.append(base)
        if base.startswith("nge") and len(base) > 5:
            forms.append(base[3:])
        if base.startswith("ng") and len(base) > 4:
            rest = base[2:]
            forms.extend([rest, "k" + rest] if rest[0] in VOWELS else [rest])
        elif base.startswith("ny") and len(base) > 4 and base[2] in VOWELS:
            forms.extend(["s" + base[2:], "c" + base[2:]])
        elif base.startswith(("mb", "mp", "nd", "nj")) and len(base) > 4:
            forms.append(base[1:])
        elif base.startswith("n") and len(base) > 4 and base[1] in VOWELS:
            forms.append("t" + base[1:])
        elif base.startswith("m") and len(base) > 4 and base[1] in VOWELS:
            forms.append("p" + base[1:])
    seen = set()
    return [form for form in forms[1:] if form != word and not (form in seen or seen.add(form))]

"""The regency's villages and kelurahan, by kecamatan, with their postal codes.

Read from ``directory/data/villages.tsv`` (written by ``tools/build_villages.py``). A
kecamatan office's search documents carry the names of its villages, so that a query
naming a village finds that kecamatan's services; offices whose address has no postal
code get one from here. Plain Python: no Django import.
"""

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VILLAGES_FILE = Path(__file__).resolve().parent / "data" / "villages.tsv"
POSTAL_CODE = re.compile(r"\b(\d{5})\b")
# How an address or an office's name says which kecamatan it is in.
KECAMATAN_NAMED = re.compile(r"\bKecamatan\s+([^,]+)", re.IGNORECASE)
OFFICE_KIND_KECAMATAN = "kecamatan"


@dataclass(frozen=True)
class Village:
    kecamatan: str
    name: str
    postal_code: str
    other_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)


class Gazetteer:
    """The villages of each kecamatan, looked up by name without regard to case or spacing."""

    def __init__(self, villages):
        self.villages = list(villages)
        self._by_kecamatan: dict[str, list[Village]] = defaultdict(list)
        for village in self.villages:
            self._by_kecamatan[comparable(village.kecamatan)].append(village)

    @property
    def kecamatan(self) -> list[str]:
        return sorted({village.kecamatan for village in self.villages})

    def villages_of(self, kecamatan: str) -> list[Village]:
        return list(self._by_kecamatan.get(comparable(kecamatan), []))

    def kecamatan_of_village(self, name: str) -> list[str]:
        """Every kecamatan with a village of that name (Tamansari: Licin and Tegalsari)."""
        wanted = comparable(name)
        return sorted({village.kecamatan for village in self.villages if wanted in map(comparable, village.names)})

    def kecamatan_of_office(self, office: dict) -> str | None:
        """The kecamatan a kecamatan office serves, from its name in the site's default language."""
        if office.get("kind") != OFFICE_KIND_KECAMATAN:
            return None
        names = office.get("name") or {}
        return self.kecamatan_named(names.get("id", "") if isinstance(names, dict) else str(names))

    def kecamatan_named(self, text: str) -> str | None:
        """The kecamatan that ``Kecamatan <name>`` in the text names, if it is one of ours."""
        for match in KECAMATAN_NAMED.finditer(text or ""):
            if self._by_kecamatan.get(comparable(match.group(1))):
                return self._by_kecamatan[comparable(match.group(1))][0].kecamatan
        return None

    def postal_code(self, address: str, office_name: str = "") -> str:
        """The postal code of the village the address names in its kecamatan, else the kecamatan's
        commonest; the kecamatan is named in the address or in the office's name. "" when unknown."""
        kecamatan = self.kecamatan_named(address) or self.kecamatan_named(office_name)
        if kecamatan is None:
            return ""
        villages = self.villages_of(kecamatan)
        address_parts = {comparable(part) for part in (address or "").split(",")}
        named = [village for village in villages if address_parts & set(map(comparable, village.names))]
        if named:
            return named[0].postal_code
        return Counter(village.postal_code for village in villages).most_common(1)[0][0]


def postal_code(address: str, office_name: str = "") -> str:
    """The postal code written in the address, else the one of the village or kecamatan it names."""
    written = POSTAL_CODE.search(address or "")
    return written.group(1) if written else gazetteer().postal_code(address, office_name)


def comparable(name: str) -> str:
    return "".join(name.split()).casefold()


def read_villages(path=VILLAGES_FILE) -> list[Village]:
    with open(path, encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [Village(row["kecamatan"], row["village"], row["postal_code"], other_names(row)) for row in rows]


def other_names(row) -> tuple[str, ...]:
    return tuple(name for name in row["other_names"].split(";") if name)


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(read_villages())

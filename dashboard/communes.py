"""Every commune of France, and the search behind the header's box: by name or postcode,
accent-, case- and hyphen-insensitive ("st etienne", "saint-étienne" and "42000" all find
Saint-Étienne).

The communes are real public data (`data/geo/communes.csv` and `epci.csv`, built by
`scripts/build_communes.py`, see data/geo/SOURCES.md), joined to the department and region
names of `territories.csv`. They are read once per process, on first use (`commune_index`,
cached like the display geometry in `dashboard.geography`), into a `CommuneIndex`: a sorted
list of search keys, so that a query is two binary searches and a walk over the keys it
prefixes (well under a millisecond for a typical query, a few for a single letter).

A commune is also found by the names of the former communes that live on inside it
(communes déléguées and associées: "Annecy-le-Vieux" finds Annecy), and the suggestion then
says which (`former_match`).

Ranking: an exact name (or postcode) first, then names (postcodes) that start with the
query, then names with a later word that starts with it ("etienne" finds
Saint-Étienne); within each, the larger population first, and a commune's own name before
a former commune's. A last token that is a department code or the start of a postcode
narrows homonyms: "saint martin 73".
"""
from __future__ import annotations

import csv
import heapq
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dashboard.geography import GEO_DIR
from dashboard.limits import MAX_QUERY_CHARS, MAX_SEARCH_RESULTS
from dashboard.paths import commune_path

COMMUNES_FILE = GEO_DIR / "communes.csv"
EPCI_FILE = GEO_DIR / "epci.csv"
FORMER_FILE = GEO_DIR / "former_communes.csv"
TERRITORIES_FILE = GEO_DIR / "territories.csv"
RESULTS_PATH = "/communes"  # the results page, where the search form leads
POPULATION_YEAR = 2017  # the millésime of every population in data/geo (SOURCES.md)

# Abbreviations people type, as whole words: "st etienne", "ste foy".
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
# Small words a name's later word may be, that no one searches by ("sur", "les"…): a name
# gets no search key starting at them, which keeps the index a third smaller.
LINK_WORDS = frozenset({"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la",
                        "las", "le", "les", "lez", "los", "sous", "sur", "s"})
ARTICLES = ("le ", "la ", "les ", "l ", "aux ", "las ", "los ")
# A match's rank: how the key matched, then whether it is the commune's own name (0) or a
# former commune's (1), so that "Cran" puts a commune named Cran… before Annecy's Cran-Gevrier.
EXACT, PREFIX, LATER_WORD = 0, 2, 4
FORMER = 1
NO_MATCH = LATER_WORD + FORMER + 1
_WORD = re.compile(r"[a-z0-9]+")
_PLACE = re.compile(r"[0-9][0-9ab][0-9]{0,3}")  # a department code or a postcode's start
_END = "\uffff"  # sorts after every normalised key


@dataclass(frozen=True, slots=True)
class Commune:
    code: str                  # INSEE code
    name: str                  # as INSEE writes it, with its article: "Le Havre"
    postcodes: tuple[str, ...]
    population: int            # population municipale, POPULATION_YEAR
    department: str
    department_name: str
    region: str
    region_name: str
    epci: str                  # SIREN, "" for the few communes in no EPCI
    epci_name: str
    former: tuple[Former, ...] = ()  # the communes déléguées / associées inside it


@dataclass(frozen=True, slots=True)
class Former:
    """A former commune that lives on inside a commune: a commune déléguée (inside a commune
    nouvelle) or associée."""

    code: str                  # its own INSEE code, no longer a commune's
    name: str
    kind: str                  # "deleguee" | "associee"


def _fold_table() -> dict[int, str]:
    """Latin letters with accents (and ligatures) → plain lower-case ASCII, for str.translate:
    a name is folded in one pass instead of a Unicode decomposition per character."""
    table = {ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae"}
    for point in range(0xC0, 0x250):
        char = chr(point)
        if point in table:
            continue
        plain = "".join(c for c in unicodedata.normalize("NFKD", char)
                        if not unicodedata.combining(c))
        if plain != char and plain.isascii():
            table[point] = plain.lower()
    return table


_FOLD = _fold_table()


def normalise(text: str, expand: bool = True) -> str:
    """Lower case, no accents, no punctuation, single spaces; with `expand`, "st" → "saint"
    and "ste" → "sainte" as whole words. "Saint-Étienne" and "st etienne" → "saint etienne"."""
    text = text[:MAX_QUERY_CHARS].translate(_FOLD).lower()
    if not text.isascii():  # a letter the table does not know: decompose it
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    words = _WORD.findall(text)
    if expand:
        words = [ABBREVIATIONS.get(w, w) for w in words]
    return " ".join(words)


def _name_keys(name: str) -> list[tuple[str, bool]]:
    """A name's search keys: (key, whether it starts the name). The whole name, the name
    without its article ("havre" finds Le Havre as exactly as "le havre"), and each later
    word on (except small link words)."""
    full = normalise(name)
    keys = [(full, True)]
    article = next((a for a in ARTICLES if full.startswith(a)), None)
    if article:
        keys.append((full[len(article):], True))
    words = full.split(" ")
    start = len(words[0]) + 1
    for word in words[1:]:
        if word not in LINK_WORDS and (article is None or start > len(article)):
            keys.append((full[start:], False))
        start += len(word) + 1
    return keys


class CommuneIndex:
    """The communes by code, and their search keys (names, postcodes) sorted,
    each with the commune it leads to and whether it starts the name. Immutable once built."""

    def __init__(self, communes: Iterable[Commune]) -> None:
        # communes in display order (largest first), so that an index is also a rank. INSEE
        # codes are not search keys: people type postcodes, and 69003 is both Lyon 3e's
        # postcode and the INSEE code of Albigny-sur-Saône.
        self._communes = sorted(communes, key=lambda c: (-c.population, c.name, c.code))
        self._by_code = {c.code: c for c in self._communes}
        self._former_of = {f.code: (f, c) for c in self._communes for f in c.former}
        # (key, commune, rank when the key starts with the query, rank when it equals it)
        entries: list[tuple[str, int, int, int]] = []
        for order, commune in enumerate(self._communes):
            names = [(commune.name, 0)] + [(f.name, FORMER) for f in commune.former]
            for name, former in names:
                entries += [(key, order, (PREFIX if starts else LATER_WORD) + former,
                             (EXACT if starts else LATER_WORD) + former)
                            for key, starts in _name_keys(name)]
            entries += [(code, order, PREFIX, EXACT) for code in commune.postcodes]
        entries.sort()
        self._keys = [e[0] for e in entries]
        self._orders = [e[1] for e in entries]
        self._prefix_ranks = [e[2] for e in entries]
        self._exact_ranks = [e[3] for e in entries]

    def __len__(self) -> int:
        return len(self._communes)

    def get(self, code: str) -> Commune | None:
        return self._by_code.get(code.strip().upper())

    def get_former(self, code: str) -> tuple[Former, Commune] | None:
        """A former commune's code → it and the commune it is now part of."""
        return self._former_of.get(code.strip().upper())

    def search(self, query: str, limit: int = 10) -> list[Commune]:
        """The communes that match `query`, best first (see the module's docstring); none for
        a query with nothing searchable in it."""
        limit = max(1, min(limit, MAX_SEARCH_RESULTS))
        texts, place = _parse(query)
        best: dict[int, int] = {}
        for text, exact in texts:
            self._collect(text, best, exact)
        if place:
            best = {o: r for o, r in best.items() if self._in_place(self._communes[o], place)}
        top = heapq.nsmallest(limit, best.items(), key=lambda item: (item[1], item[0]))
        return [self._communes[order] for order, _rank in top]

    def _collect(self, text: str, best: dict[int, int], exact: bool) -> None:
        """Every commune with a key that `text` prefixes, with its best rank (an exact one
        only if `exact`)."""
        low = bisect_left(self._keys, text)
        high = bisect_left(self._keys, text + _END, low)
        for i in range(low, high):
            equal = exact and self._keys[i] == text
            rank = self._exact_ranks[i] if equal else self._prefix_ranks[i]
            order = self._orders[i]
            if rank < best.get(order, NO_MATCH):
                best[order] = rank

    @staticmethod
    def _in_place(commune: Commune, place: str) -> bool:
        return (commune.department.lower() == place
                or any(p.startswith(place) for p in commune.postcodes))


def _parse(query: str) -> tuple[list[tuple[str, bool]], str]:
    """A query → the texts to look up (each with whether it may match a key exactly) and the
    department or postcode start that narrows the answers ("" when none)."""
    words = normalise(query, expand=False).split(" ")
    place = words.pop() if len(words) > 1 and _PLACE.fullmatch(words[-1]) else ""
    if not words[0]:
        return [], place
    texts = [(" ".join(words), True)]
    expanded = [ABBREVIATIONS.get(w, w) for w in words]
    if expanded != words:
        # "st" may be "saint" or the start of "Strasbourg": both are looked up, and while
        # the abbreviation is the word being typed, "saint" matches no name exactly
        texts.append((" ".join(expanded), expanded[-1] == words[-1]))
    return texts, place


def former_match(commune: Commune, query: str) -> Former | None:
    """The former commune through which `query` found `commune` (None when its own name or
    a postcode did): what a suggestion for "annecy le vieux" says beside Annecy."""
    texts = [text for text, _exact in _parse(query)[0]]

    def matches(name: str) -> bool:
        return any(key.startswith(text) for key, _starts in _name_keys(name) for text in texts)

    if not texts or matches(commune.name) or any(
            code.startswith(text) for code in commune.postcodes for text in texts):
        return None
    return next((f for f in commune.former if matches(f.name)), None)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_communes(communes_file: Path = COMMUNES_FILE, epci_file: Path = EPCI_FILE,
                  territories_file: Path = TERRITORIES_FILE,
                  former_file: Path = FORMER_FILE) -> list[Commune]:
    """The communes with the names of their department, region and EPCI, and their former
    communes."""
    territories = _rows(territories_file)
    departments = {r["code"]: r for r in territories if r["level"] == "department"}
    regions = {r["code"]: r["name"] for r in territories if r["level"] == "region"}
    epci = {r["code"]: r["name"] for r in _rows(epci_file)}
    former: dict[str, list[Former]] = {}
    for row in _rows(former_file):
        former.setdefault(row["commune"], []).append(Former(row["code"], row["name"],
                                                            row["kind"]))
    communes = []
    for row in _rows(communes_file):
        department = departments[row["department"]]
        communes.append(Commune(
            code=row["code"], name=row["name"], postcodes=tuple(row["postcodes"].split()),
            population=int(row["population"]), department=row["department"],
            department_name=department["name"], region=department["parent_code"],
            region_name=regions[department["parent_code"]], epci=row["epci"],
            epci_name=epci.get(row["epci"], ""),
            former=tuple(sorted(former.get(row["code"], ()), key=lambda f: f.name))))
    return communes


@cache
def commune_index() -> CommuneIndex:
    """The index of every commune, built on first use and kept for the process (read-only,
    shared by every request)."""
    return CommuneIndex(load_communes())


# a legal status with no English equivalent: English pages say it in French too
FORMER_KINDS = {"deleguee": "commune déléguée", "associee": "commune associée"}


def former_label(former: Former) -> str:
    """"Annecy-le-Vieux, commune déléguée"."""
    return f"{former.name}, {FORMER_KINDS[former.kind]}"


def label(commune: Commune, via: Former | None = None) -> str:
    """A commune as a suggestion or a result names it, its department always shown so that
    homonyms (there are some 200 Saint-Martin…) can be told apart: "Saint-Martin (Gers, 32)";
    found through a former commune, that one too: "Annecy (Haute-Savoie, 74) — Annecy-le-Vieux,
    commune déléguée"."""
    named = f"{commune.name} ({commune.department_name}, {commune.department})"
    return f"{named} — {former_label(via)}" if via else named


def as_json(communes: Sequence[Commune], query: str = "") -> list[dict[str, object]]:
    """Search results as the JSON endpoint sends them; `former` names the former commune
    through which `query` found a commune (null otherwise)."""
    answers: list[dict[str, object]] = []
    for c in communes:
        via = former_match(c, query)
        answers.append({
            "code": c.code, "name": c.name, "label": label(c, via),
            "department": c.department, "department_name": c.department_name,
            "region": c.region, "postcodes": list(c.postcodes), "population": c.population,
            "former": None if via is None else {"code": via.code, "name": via.name,
                                                "kind": via.kind},
            "url": commune_path(c.code)})
    return answers

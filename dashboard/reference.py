"""The project's reference files, read once into immutable objects.

`data/reference/` holds the vocabulary (taxonomy.json), the question catalogue
(questions.csv) and the measure definitions (measures.csv). They are data, not code: a data
manager can add a question or a measure without touching Python.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from dashboard.commune_bands import BAND_ATTRIBUTE, BANDS
from dashboard.settings import DATA_DIR

REFERENCE_DIR = DATA_DIR / "reference"
QUESTION_KINDS = ("score_0_10", "multiple_choice", "yes_no", "single_choice")
STATISTICS = ("mean", "share", "share_above", "share_in")


@dataclass(frozen=True)
class Term:
    slug: str
    label_fr: str
    label_en: str
    position: int
    axis: str = ""
    short_fr: str = ""
    short_en: str = ""


@dataclass(frozen=True)
class Population:
    """A sub-population reported separately: an actor restricted by one attribute."""

    slug: str
    actor: str
    attribute: str
    value: str
    label_fr: str
    label_en: str


@dataclass(frozen=True)
class QuestionDef:
    code: str
    kind: str
    items: str  # domains | categories | scopes | '' (no items)
    options: tuple[str, ...]
    label_fr: str
    label_en: str


@dataclass(frozen=True)
class MeasureDef:
    measure: str
    question: str
    statistic: str
    item: str  # '{domain}' = the requested domain; '' = none; else a fixed item
    options: tuple[str, ...]
    threshold: float | None
    unit: str
    label_fr: str
    label_en: str

    @property
    def needs_domain(self) -> bool:
        return self.item == "{domain}"


@dataclass(frozen=True)
class SourcedText:
    """A passage of the source documents rewritten for the pages (data/reference), with the
    document it comes from."""

    source_fr: str
    source_en: str
    file: str


@dataclass(frozen=True)
class ActionStep(SourcedText):
    """A step (`kind` step) or a function (`kind` function) of a territorial co-construction
    approach, written for a mayor (action_steps.csv)."""

    position: int = 0
    kind: str = ""
    slug: str = ""
    title_fr: str = ""
    title_en: str = ""
    text_fr: str = ""
    text_en: str = ""


@dataclass(frozen=True)
class ActorRole(SourcedText):
    """What mayors see as one actor's role, and the domains they expect it on (`*`: all)
    (actor_roles.csv, after PHARE-Institutions 2016)."""

    actor: str = ""
    domains: tuple[str, ...] = ()
    text_fr: str = ""
    text_en: str = ""

    def covers(self, domain: str) -> bool:
        return "*" in self.domains or domain in self.domains


@dataclass(frozen=True)
class ExampleCategory:
    """Which category of partnership an example of a function illustrates (an empty
    `initiative` is the function's rule; a named one overrides it), and why
    (example_categories.csv)."""

    function: str
    initiative: str
    category: str
    why_fr: str
    why_en: str
    file: str


@dataclass(frozen=True)
class Document:
    """A source document by its title (documents.csv): the pages cite a document by what it
    is, never by the file the project keeps it in."""

    file: str
    label_fr: str
    label_en: str


@dataclass(frozen=True)
class Reference:
    axes: tuple[Term, ...]
    domains: tuple[Term, ...]
    actors: tuple[Term, ...]
    populations: Mapping[str, Population]
    categories: tuple[Term, ...]
    functions: tuple[Term, ...]
    scopes: tuple[Term, ...]
    questions: Mapping[str, QuestionDef]
    measures: Mapping[str, MeasureDef]
    action_steps: tuple[ActionStep, ...] = ()
    roles: tuple[ActorRole, ...] = ()
    example_categories: tuple[ExampleCategory, ...] = ()
    documents: Mapping[str, Document] = field(default_factory=dict)  # by file

    @property
    def domain_slugs(self) -> tuple[str, ...]:
        return tuple(d.slug for d in self.domains)

    @property
    def actor_slugs(self) -> tuple[str, ...]:
        return tuple(a.slug for a in self.actors)

    def items_for(self, question: QuestionDef) -> tuple[str, ...]:
        """The item slugs a question is asked about (empty for yes/no, single choice)."""
        return {
            "domains": self.domain_slugs,
            "categories": tuple(c.slug for c in self.categories),
            "scopes": tuple(s.slug for s in self.scopes),
        }.get(question.items, ())

    def resolve_actor(self, actor: str) -> tuple[str, Population | None]:
        """`entreprises_pme` → ('entreprises', its filter); a base actor → (actor, None)."""
        if actor in self.populations:
            pop = self.populations[actor]
            return pop.actor, pop
        return actor, None


def _terms(rows: list[dict[str, str]]) -> tuple[Term, ...]:
    return tuple(
        Term(slug=r["slug"], label_fr=r["label_fr"], label_en=r["label_en"], position=i,
             axis=r.get("axis", ""), short_fr=r.get("short_fr", ""),
             short_en=r.get("short_en", ""))
        for i, r in enumerate(rows, start=1)
    )


def read_questions(path: Path) -> dict[str, QuestionDef]:
    """Read a question catalogue (the shipped one or a user's `--questions` file)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    questions = {}
    for row in rows:
        kind = row["kind"].strip()
        if kind not in QUESTION_KINDS:
            raise ValueError(f"{path.name}: question {row['code']!r} has unknown kind {kind!r}"
                             f" (expected one of {', '.join(QUESTION_KINDS)})")
        questions[row["code"].strip()] = QuestionDef(
            code=row["code"].strip(), kind=kind, items=(row.get("items") or "").strip(),
            options=tuple(o for o in (row.get("options") or "").split("|") if o),
            label_fr=row["label_fr"], label_en=row["label_en"])
    return questions


def _read_measures(path: Path) -> dict[str, MeasureDef]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    measures = {}
    for row in rows:
        if row["statistic"] not in STATISTICS:
            raise ValueError(f"{path.name}: measure {row['measure']!r} has unknown statistic")
        measures[row["measure"]] = MeasureDef(
            measure=row["measure"], question=row["question"], statistic=row["statistic"],
            item=row["item"], options=tuple(o for o in row["options"].split("|") if o),
            threshold=float(row["threshold"]) if row["threshold"] else None,
            unit=row["unit"], label_fr=row["label_fr"], label_en=row["label_en"])
    return measures


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def band_populations() -> dict[str, Population]:
    """The mayors by commune-size band (`dashboard.commune_bands`), as sub-populations: every
    survey figure, and the API's `actor=maires_moins_2000`, can be asked per band."""
    return {f"maires_{b.slug}": Population(
        slug=f"maires_{b.slug}", actor="maires", attribute=BAND_ATTRIBUTE, value=b.slug,
        label_fr=f"Maires — {b.label_fr}", label_en=f"Mayors — {b.label_en}") for b in BANDS}


def _action_texts(directory: Path) -> tuple[tuple[ActionStep, ...], tuple[ActorRole, ...],
                                            tuple[ExampleCategory, ...]]:
    """The action page's texts: steps and functions, actors' roles, examples' categories."""
    steps = tuple(ActionStep(
        source_fr=r["source_fr"], source_en=r["source_en"], file=r["file"],
        position=int(r["position"]), kind=r["kind"], slug=r["slug"], title_fr=r["title_fr"],
        title_en=r["title_en"], text_fr=r["text_fr"], text_en=r["text_en"])
        for r in _rows(directory / "action_steps.csv"))
    roles = tuple(ActorRole(
        source_fr=r["source_fr"], source_en=r["source_en"], file=r["file"], actor=r["actor"],
        domains=tuple(r["domains"].split("|")), text_fr=r["text_fr"], text_en=r["text_en"])
        for r in _rows(directory / "actor_roles.csv"))
    categories = tuple(ExampleCategory(**r) for r in _rows(directory / "example_categories.csv"))
    return tuple(sorted(steps, key=lambda s: s.position)), roles, categories


@lru_cache(maxsize=4)
def load_reference(directory: Path = REFERENCE_DIR) -> Reference:
    """Read the reference files (cached: they are immutable for the life of a process)."""
    tax = json.loads((directory / "taxonomy.json").read_text(encoding="utf-8"))
    steps, roles, categories = _action_texts(directory)
    populations = {
        p["slug"]: Population(slug=p["slug"], actor=p["actor"], attribute=p["attribute"],
                              value=p["value"], label_fr=p["label_fr"], label_en=p["label_en"])
        for p in tax["populations"]
    } | band_populations()
    return Reference(
        axes=_terms(tax["axes"]), domains=_terms(tax["domains"]), actors=_terms(tax["actors"]),
        populations=MappingProxyType(populations), categories=_terms(tax["categories"]),
        functions=_terms(tax["functions"]), scopes=_terms(tax["scopes"]),
        questions=MappingProxyType(read_questions(directory / "questions.csv")),
        measures=MappingProxyType(_read_measures(directory / "measures.csv")),
        action_steps=steps, roles=roles, example_categories=categories,
        documents=MappingProxyType({r["file"]: Document(r["file"], r["title_fr"], r["title_en"])
                                    for r in _rows(directory / "documents.csv")}),
    )

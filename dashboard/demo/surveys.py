"""Demonstration survey microdata: one file per study wave, in the import format a user
would bring (docs/data-formats.md §3), drawn so that the project's own aggregation
reproduces every figure in `data/reference/published_figures.csv`.

How a wave is drawn:
1. Respondents per metropolitan region (the PHARE samples covered the 13 regions), with a
   floor per region so that small regions still have readable cells, and post-stratification
   weights that give each region its share of the real population (data/geo).
2. For each question item, a target per region: the published national figure (or, where
   nothing is published, a plausible prior from `priors.csv`), spread across regions —
   following the fragility index of the demonstration indicators for domain items, so that
   perception and statistics mostly agree — then shifted so the weighted national figure is
   exactly the published one. Published regional figures are fixed; what the sources say of
   rankings holds (employment is every region's first priority; a region's published top
   items stay its top items).
3. Sub-populations (employer associations, TPE/PME) get their own published rates, centred
   within each region so that the regional figures do not move.
4. Answers are drawn cell by cell and nudged to their target (`calibrate`).

Everything is deterministic (one seed), and the same on every CPU: weights are whole units
(`calibrate.weight_units`) and their sums exact integers; sums of floats are `math.fsum` in a
fixed order, never numpy's reductions or BLAS, whose SIMD kernels round differently from one
CPU to the next; targets are rounded to `TARGET_DECIMALS` before any draw or search uses
them. numpy's random generators themselves give the same stream everywhere. A test runs the
generator with numpy's dispatched CPU features switched off and compares the bytes.

The files say `study`, `year`, `actor` as the
published figures do, and every dataset made from them is flagged as demonstration data.
"""
from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.analytics.methodology import EXTREME_REGIONS
from dashboard.commune_bands import BAND_ATTRIBUTE
from dashboard.demo.calibrate import (
    WEIGHT_SCALE,
    draw_scores,
    draw_scores_with_share,
    pick_weight,
    weight_units,
)
from dashboard.reference import Reference

PRIORS_FILE = Path(__file__).with_name("priors.csv")
#: Communes of metropolitan France per commune-size band (scripts/build_commune_band_shares.py)
COMMUNE_BANDS_FILE = Path(__file__).with_name("commune_bands.csv")
LEADER = "emploi"
# Where the sources say employment comes first in every region (003: citizens' priorities,
# what companies should act on; Grand Est's first co-construction domain for all actors).
LEADS = {("citoyens", "priority_domains"), ("entreprises", "companies_should_act"),
         ("associations", "companies_should_act"), ("*", "coconstruction_domains")}
SCORE_RANGE, SHARE_RANGE = (0.0, 10.0), (0.0, 100.0)
MISSING_SCORE_RATE = 0.015
#: Targets are rounded to this many decimals: far below what a figure shows (±0.05 point)
#: and far above the last bits in which two CPUs may disagree.
TARGET_DECIMALS = 6


@dataclass(frozen=True)
class Segment:
    """A respondent attribute with its sampling proportions, and the offsets (points) of
    some values on given questions — before the published sub-population rates apply."""

    attribute: str
    proportions: Mapping[str, float]
    offsets: Mapping[str, Mapping[str, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class Wave:
    study: str
    year: int
    actor: str
    n: int
    min_per_region: int
    questions: tuple[str, ...]
    file: str
    segment: Segment | None = None
    shifts: Mapping[tuple[str, str], float] = field(default_factory=dict)
    bands_by: str = ""  # mayors: the yes/no question the commune-size bands are balanced on


DOMAIN_QUESTIONS = ("fragility_score", "priority_domains", "coconstruction_domains")
COMPANY_SIZE = Segment("taille", {"tpe": 0.55, "pme": 0.35, "eti_ge": 0.10},
                       {"has_partnerships": {"tpe": -7.0, "pme": 5.0, "eti_ge": 18.0}})
EMPLOYER = Segment("employeuse", {"oui": 0.35, "non": 0.65})
PARTNERSHIPS = ("has_partnerships", "partnership_modes", "partnership_scopes")

WAVES: tuple[Wave, ...] = (
    Wave("PHARE-Citoyens", 2015, "citoyens", 3000, 80,
         (*DOMAIN_QUESTIONS, "partnership_lever", "alliances_innovation"),
         "phare_citoyens_2015.csv"),
    Wave("PHARE-Entreprises", 2015, "entreprises", 2000, 60,
         (*DOMAIN_QUESTIONS, "companies_should_act", *PARTNERSHIPS, "alliances_innovation"),
         "phare_entreprises_2015.csv", COMPANY_SIZE),
    Wave("PHARE-Associations", 2015, "associations", 1500, 50,
         (*DOMAIN_QUESTIONS, "companies_should_act", *PARTNERSHIPS, "alliances_innovation"),
         "phare_associations_2015.csv", EMPLOYER),
    Wave("PHARE-Institutions", 2016, "maires", 300, 15,
         (*DOMAIN_QUESTIONS, "domain_merits_partnerships", "alliances_innovation",
          "priority_drive_alliances", "coconstruction_stage"),
         "phare_institutions_maires_2016.csv", bands_by="alliances_innovation"),
    Wave("IMPACT-Citoyens", 2019, "citoyens", 2500, 70,
         (*DOMAIN_QUESTIONS, "alliances_innovation", "duty_of_alliance", "must_work_together"),
         "impact_citoyens_2019.csv",
         shifts={("fragility_score", "environnement"): 0.3,
                 ("fragility_score", "transition_energetique"): 0.4,
                 ("fragility_score", "sante"): 0.2}),
    Wave("ARPEA", 2008, "citoyens", 1000, 30, ("urgent_partnerships",),
         "arpea_citoyens_2008.csv"),
    Wave("ARPEA", 2012, "citoyens", 1000, 30, ("urgent_partnerships",),
         "arpea_citoyens_2012.csv"),
    Wave("ARPEA", 2011, "entreprises", 1000, 30, ("has_partnerships",),
         "arpea_entreprises_2011.csv", COMPANY_SIZE,
         shifts={("has_partnerships", ""): -4.5}),  # 28.5 % in 2011 (PHARE-Entreprises)
)


# --- targets ----------------------------------------------------------------------------

@dataclass
class ItemTargets:
    """What one question item must show in one wave."""

    national: float | None = None
    regions: dict[str, float] = field(default_factory=dict)
    segments: dict[str, float] = field(default_factory=dict)  # attribute value → national
    share_above: tuple[float, float | None, dict[str, float]] | None = None  # threshold…
    extremes: tuple[float, float] | None = None  # published lowest / highest region


WaveKey = tuple[str, int, str]
Targets = dict[WaveKey, dict[tuple[str, str], ItemTargets]]


def published_targets(rows: list[dict[str, str]], ref: Reference) -> Targets:
    """Read the published figures into targets per wave and question item."""
    targets: Targets = defaultdict(lambda: defaultdict(ItemTargets))
    option_sums: dict[tuple[WaveKey, str, str], list[tuple[tuple[str, ...], float]]] = \
        defaultdict(list)
    for row in rows:
        if row["actor"] == "all":  # partnerships, not respondents: cited as published
            continue
        definition = ref.measures[row["measure"]]
        actor, population = ref.resolve_actor(row["actor"])
        wave: WaveKey = (row["study"], int(row["year"]), actor)
        region = EXTREME_REGIONS.get(row["region"], row["region"])
        value = float(row["value"])
        if definition.statistic == "share_in":
            option_sums[(wave, definition.question, region)].append((definition.options, value))
            continue
        item = row["domain"] if definition.needs_domain else definition.item
        entry = targets[wave][(definition.question, item)]
        if definition.statistic == "share_above":
            threshold = float(definition.threshold or 0)
            _, national, regional = entry.share_above or (threshold, None, {})
            if region == "FR":
                national = value
            else:
                regional[region] = value
            entry.share_above = (threshold, national, regional)
        elif population is not None:
            entry.segments[population.value] = value
        elif region == "FR":
            entry.national = value
        else:
            entry.regions[region] = value
            if row["region"] in EXTREME_REGIONS:
                low, high = entry.extremes or (value, value)
                entry.extremes = (min(low, value), max(high, value))
    for (wave, question, region), sums in option_sums.items():
        for option, value in _single_options(sums).items():
            entry = targets[wave][(question, option)]
            if region == "FR":
                entry.national = value
            else:
                entry.regions[region] = value
    return targets


def _single_options(sums: list[tuple[tuple[str, ...], float]]) -> dict[str, float]:
    """Shares of single options from shares of option sets: {a}=46 and {a,b}=76 → b=30."""
    known = {opts[0]: v for opts, v in sums if len(opts) == 1}
    for options, total in sums:
        unknown = [o for o in options if o not in known]
        if len(options) > 1 and len(unknown) == 1:
            known[unknown[0]] = total - sum(known[o] for o in options if o in known)
    return known


def read_priors(path: Path = PRIORS_FILE) -> dict[tuple[str, str, str], float]:
    """(actor, question, item) → plausible national level where nothing is published."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["actor"], r["question"], r["item"]): float(r["value"])
                for r in csv.DictReader(fh)}


# --- regional spread -----------------------------------------------------------------------

def solve_regional(national: float | None, start: dict[str, float], shares: dict[str, float],
                   fixed: dict[str, float], low: dict[str, float],
                   high: dict[str, float]) -> dict[str, float]:
    """Regional targets inside their bounds whose share-weighted mean is `national`.

    Fixed regions keep their published value; the others move together by one shift,
    those that hit a bound drop out and the rest move again, until the mean is exact.
    """
    values = {r: fixed.get(r, _clip(start[r], low[r], high[r])) for r in start}
    if national is not None:
        free = [r for r in start if r not in fixed]
        for _ in range(60):
            gap = national - math.fsum(shares[r] * values[r] for r in values)
            movable = [r for r in free if (gap > 0 and values[r] < high[r] - 1e-9)
                       or (gap < 0 and values[r] > low[r] + 1e-9)]
            if abs(gap) < 1e-9 or not movable:
                break
            shift = gap / math.fsum(shares[r] for r in movable)
            for r in movable:
                values[r] = _clip(values[r] + shift, low[r], high[r])
    return {r: round(v, TARGET_DECIMALS) for r, v in values.items()}


def _clip(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def _domain_signal(index: Mapping[tuple[str, str], float], regions: list[str],
                   domain: str) -> dict[str, float]:
    """How fragile each region is on a domain by the statistics, centred, in -1…1."""
    raw = {r: index.get((r, domain)) for r in regions}
    known = [v for v in raw.values() if v is not None]
    centre = math.fsum(known) / len(known) if known else 0.0
    return {r: 0.0 if v is None else _clip((v - centre) / 5, -1.0, 1.0)
            for r, v in raw.items()}


# Where perception departs from the statistics on purpose, after what the sources say:
# digital access is PACA's highest objective fragility, which its inhabitants do not rank.
PERCEPTION_OVERRIDES = {("citoyens", "93", "numerique"): -1.0}


@dataclass(frozen=True)
class Sample:
    """A wave's respondents and the region weight shares the targets are solved against."""

    frame: pd.DataFrame  # respondent_id, region, department, weight, [attr.*]
    regions: list[str]


class WaveDrawer:
    """Draws the answers of one wave, question by question, into `columns`."""

    def __init__(self, wave: Wave, sample: Sample, targets: dict[tuple[str, str], ItemTargets],
                 priors: dict[tuple[str, str, str], float], ref: Reference,
                 index: Mapping[tuple[str, str], float], rng: np.random.Generator) -> None:
        self.wave, self.sample, self.targets = wave, sample, targets
        self.priors, self.ref, self.index, self.rng = priors, ref, index, rng
        self.columns: dict[str, pd.Series] = {}
        self.units = weight_units(sample.frame["weight"])
        self.region_of = sample.frame["region"].to_numpy()

    def _units_of(self, mask: np.ndarray) -> int:
        """The exact weight (in units) of the respondents in `mask`."""
        return int(self.units[mask].sum())

    # which respondents answer, and at what weight per region
    def _shares(self, answering: np.ndarray) -> dict[str, float]:
        by_region = {r: self._units_of(answering & (self.region_of == r))
                     for r in self.sample.regions}
        total = sum(by_region.values())
        return {r: w / total for r, w in by_region.items()}

    def _prior(self, question: str, item: str) -> float:
        key = (self.wave.actor, question, item)
        if key not in self.priors:
            raise KeyError(f"no prior for {key}: add it to {PRIORS_FILE.name}")
        return self.priors[key] + self.wave.shifts.get((question, item), 0.0)

    def _start(self, question: str, item: str, national: float, scale: float,
               noise: float) -> dict[str, float]:
        """Regional starting points: national level, pushed by the statistics, plus noise."""
        signal = (_domain_signal(self.index, self.sample.regions, item)
                  if item in self.ref.domain_slugs else {r: 0.0 for r in self.sample.regions})
        return {r: national + scale * PERCEPTION_OVERRIDES.get((self.wave.actor, r, item),
                                                               signal[r])
                + float(self.rng.normal(0, noise)) for r in self.sample.regions}

    def draw(self) -> dict[str, pd.Series]:
        for question in self.wave.questions:
            definition = self.ref.questions[question]
            if definition.kind == "single_choice":
                self._single_choice(question, definition.options)
            elif definition.kind == "yes_no":
                self._binary(question, "", question, np.ones(len(self.units), dtype=bool))
            else:
                self._items(question, self.ref.items_for(definition), definition.kind)
        return self.columns

    def _answering(self, question: str) -> np.ndarray:
        """Partnership modes and scopes are asked only of those who have partnerships."""
        if question in ("partnership_modes", "partnership_scopes"):
            return (self.columns["has_partnerships"] == 1).to_numpy(dtype=bool, na_value=False)
        return np.ones(len(self.units), dtype=bool)

    def _items(self, question: str, items: tuple[str, ...], kind: str) -> None:
        """Domain (or category, scope) items; the leader rule and published top lists hold."""
        is_score = kind == "score_0_10"
        bounds, margin = (SCORE_RANGE, 0.1) if is_score else (SHARE_RANGE, 2.0)
        answering = self._answering(question)
        order = sorted(items, key=lambda i: i != LEADER)  # the leader first
        fixed_by_region: dict[str, dict[str, float]] = defaultdict(dict)
        for item in items:
            for region, value in self.targets.get((question, item), ItemTargets()).regions.items():
                fixed_by_region[region][item] = value
        leads = (self.wave.actor, question) in LEADS or ("*", question) in LEADS
        solved: dict[str, dict[str, float]] = {}
        for item in order:
            high = {r: bounds[1] for r in self.sample.regions}
            low = {r: bounds[0] for r in self.sample.regions}
            for r in self.sample.regions:
                fixed_here = fixed_by_region.get(r, {})
                others_fixed = [v for k, v in fixed_here.items() if k != LEADER]
                if item == LEADER and leads and others_fixed:
                    low[r] = max(others_fixed) + margin
                if item != LEADER and item not in fixed_here:
                    if len(fixed_here) >= 2:  # a published top list: others rank below it
                        high[r] = min(fixed_here.values()) - margin
                    if leads:
                        high[r] = min(high[r], solved[LEADER][r] - 1.5 * margin)
            solved[item] = self._item(question, item, is_score, answering, low, high)

    def _regional_targets(self, question: str, item: str, is_score: bool,
                          answering: np.ndarray, low: dict[str, float] | None = None,
                          high: dict[str, float] | None = None) -> dict[str, float]:
        entry = self.targets.get((question, item), ItemTargets())
        national = entry.national if entry.national is not None else \
            self._prior(question, item)
        bounds = SCORE_RANGE if is_score else SHARE_RANGE
        low = dict(low or {r: bounds[0] for r in self.sample.regions})
        high = dict(high or {r: bounds[1] for r in self.sample.regions})
        if entry.extremes is not None:  # the published range holds the other regions
            for r in self.sample.regions:
                low[r] = max(low[r], entry.extremes[0] + 1)
                high[r] = min(high[r], entry.extremes[1] - 1)
        scale, noise = (0.5, 0.15) if is_score else (min(6.0, national / 5), 2.5)
        start = self._start(question, item, national, scale, noise)
        return solve_regional(national, start, self._shares(answering), entry.regions, low, high)

    def _item(self, question: str, item: str, is_score: bool, answering: np.ndarray,
              low: dict[str, float], high: dict[str, float]) -> dict[str, float]:
        regional = self._regional_targets(question, item, is_score, answering, low, high)
        column = f"{question}.{item}"
        if is_score:
            self._scores(question, item, column, regional, answering)
        else:
            self._binary(question, item, column, answering, regional)
        return regional

    def _scores(self, question: str, item: str, column: str, regional: dict[str, float],
                answering: np.ndarray) -> None:
        answered = answering & (self.rng.random(len(self.units)) >= MISSING_SCORE_RATE)
        entry = self.targets.get((question, item), ItemTargets())
        above: dict[str, float] | None = None
        threshold = 0
        if entry.share_above is not None:
            limit, national, fixed = entry.share_above
            threshold = int(limit)
            start = self._start(question, item, national or 50.0, 4.0, 2.0)
            above = solve_regional(national, start, self._shares(answered), fixed,
                                   {r: 0.0 for r in start}, {r: 100.0 for r in start})
        values = np.full(len(self.units), np.nan)
        for region in self.sample.regions:
            cell = answered & (self.region_of == region)
            w = self.units[cell]
            if above is None:
                values[cell] = draw_scores(w, regional[region], self.rng)
            else:
                values[cell] = draw_scores_with_share(w, regional[region], above[region],
                                                      threshold, self.rng)
        self.columns[column] = pd.Series(values).astype("Int64")

    def _binary(self, question: str, item: str, column: str, answering: np.ndarray,
                regional: dict[str, float] | None = None) -> None:
        """0/1 answers hitting regional (and sub-population) targets."""
        if regional is None:
            regional = self._regional_targets(question, item, False, answering)
        cells = self._cell_targets(question, item, answering, regional)
        values = np.full(len(self.units), np.nan)
        for mask, target in cells:
            w = self.units[mask]
            values[mask] = pick_weight(w, target / 100 * int(w.sum()), self.rng).astype(float)
        self.columns[column] = pd.Series(values).astype("Int64")

    def _cell_targets(self, question: str, item: str, answering: np.ndarray,
                      regional: dict[str, float]) -> list[tuple[np.ndarray, float]]:
        """(respondent mask, target %) per region, or per region × sub-population.

        A sub-population's offset is centred within each region (the region's figure does
        not move) and tuned until the sub-population's national figure is the published one.
        """
        segment = self.wave.segment
        entry = self.targets.get((question, item), ItemTargets())
        offsets = dict(segment.offsets.get(question, {})) if segment else {}
        if segment is None or not (offsets or entry.segments):
            return [(answering & (self.region_of == r), regional[r]) for r in self.sample.regions]
        values = self.sample.frame[f"attr.{segment.attribute}"].to_numpy()
        levels = list(segment.proportions)
        weight = {(r, s): self._units_of(answering & (self.region_of == r) & (values == s))
                  for r in self.sample.regions for s in levels}
        delta = {s: offsets.get(s, 0.0) for s in levels}

        def cell(r: str, s: str) -> float:
            total = sum(weight[(r, x)] for x in levels)
            centre = math.fsum(weight[(r, x)] * delta[x] for x in levels) / total
            return round(_clip(regional[r] + delta[s] - centre, 0.0, 100.0), TARGET_DECIMALS)

        for _ in range(100):
            worst = 0.0
            for s, target in entry.segments.items():
                w_s = sum(weight[(r, s)] for r in self.sample.regions)
                achieved = math.fsum(weight[(r, s)] * cell(r, s)
                                     for r in self.sample.regions) / w_s
                delta[s] += target - achieved
                worst = max(worst, abs(target - achieved))
            if worst < 1e-6:
                break
        return [(answering & (self.region_of == r) & (values == s), cell(r, s))
                for r in self.sample.regions for s in levels]

    def _single_choice(self, question: str, options: tuple[str, ...]) -> None:
        """One option per respondent: the targeted options drawn in turn, the rest last."""
        answering = np.ones(len(self.units), dtype=bool)
        targeted = [o for o in options if (self.wave.actor, question, o) in self.priors
                    or (question, o) in self.targets]
        remainder = next(o for o in options if o not in targeted)
        chosen = np.full(len(self.units), remainder, dtype=object)
        free = answering.copy()
        for option in targeted:
            regional = self._regional_targets(question, option, False, answering)
            for region in self.sample.regions:
                in_region = self.region_of == region
                pool = free & in_region
                goal = regional[region] / 100 * self._units_of(in_region)
                picked = np.flatnonzero(pool)[pick_weight(self.units[pool], goal, self.rng)]
                chosen[picked] = option
                free[picked] = False
        self.columns[question] = pd.Series(chosen)


# --- respondents -------------------------------------------------------------------------

def read_commune_bands(path: Path = COMMUNE_BANDS_FILE) -> dict[str, int]:
    """Band slug → communes of metropolitan France in that band, in band order."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["band"]: int(r["communes"]) for r in csv.DictReader(fh)}


def band_counts(total: int, communes: Mapping[str, int]) -> dict[str, int]:
    """`total` respondents split in proportion to the communes of each band: whole numbers
    (largest remainders, ties to the first band), computed on integers only."""
    all_communes = sum(communes.values())
    counts = {b: total * c // all_communes for b, c in communes.items()}
    remainders = sorted(communes, key=lambda b: -(total * communes[b] % all_communes))
    for band in remainders[:total - sum(counts.values())]:
        counts[band] += 1
    return counts


def smooth_sequence(counts: list[int]) -> list[int]:
    """Band positions spread as evenly as possible along a list: band b exactly counts[b]
    times, and any stretch of the list holds each band in proportion, within one or two
    (each step takes the band furthest behind its due share, integers only)."""
    total = sum(counts)
    given = [0] * len(counts)
    sequence = []
    for step in range(1, total + 1):
        behind = [c * step - total * g for c, g in zip(counts, given, strict=True)]
        band = max(range(len(counts)), key=lambda b: (behind[b], -b))
        given[band] += 1
        sequence.append(band)
    return sequence


def assign_commune_bands(regions: pd.Series, answers: pd.Series, communes: Mapping[str, int],
                         rng: np.random.Generator) -> pd.Series:
    """Each mayor's commune-size band, as a systematic sample with a random start.

    Exactly `band_counts` mayors per band nationally, so the bands follow the real share of
    communes of each size (most communes are small). The mayors are listed by region, then
    by their answer to `answers` (yes, no, none), in random order within that; the bands are
    laid along the list evenly (`smooth_sequence`, rotated by a random start). Each region
    thus gets its proportional share of each band (within one or two mayors), and each band
    the same share of yes answers as the whole sample: alliances are a source of innovation
    "whatever the size of the mayor's commune", as PHARE-Institutions 2016 published.
    """
    slugs = list(communes)
    counts = band_counts(len(regions), communes)
    sequence = smooth_sequence([counts[s] for s in slugs])
    start = int(rng.integers(len(sequence)))
    sequence = sequence[start:] + sequence[:start]
    region_rank = pd.factorize(regions, sort=True)[0]
    answer_rank = answers.map({1: 0, 0: 1}).fillna(2).to_numpy(dtype=np.int64)
    shuffle = rng.permutation(len(regions))
    order = np.lexsort((shuffle, region_rank, answer_rank))  # last key sorts first; stable
    bands = np.empty(len(regions), dtype=object)
    bands[order] = [slugs[b] for b in sequence]
    return pd.Series(bands, index=regions.index)


def draw_sample(wave: Wave, regions: pd.DataFrame, departments: pd.DataFrame,
                rng: np.random.Generator) -> Sample:
    """Respondents by region (population-proportional with a floor) and weights that give
    each region its population share; departments drawn by population within the region."""
    population = regions.set_index("code")["population"].astype(float)
    share = population / population.sum()
    sizes = np.maximum(wave.min_per_region, np.round(share * wave.n)).astype(int)
    total = int(sizes.sum())
    frames = []
    for code, size in zip(population.index, sizes, strict=True):
        expected = share[code] * total  # the region's weight total
        raw = rng.lognormal(0.0, 0.35, size)
        # an exact sum (fsum), then whole weight units: no SIMD reduction decides a weight
        units = np.rint(raw / math.fsum(raw) * (expected * WEIGHT_SCALE))
        weight = units / WEIGHT_SCALE
        deps = departments[departments["parent_code"] == code]
        frames.append(pd.DataFrame({
            "region": code,
            "department": rng.choice(deps["code"].to_numpy(), size,
                                     p=(deps["population"] / deps["population"].sum())
                                     .to_numpy()),
            "weight": np.maximum(weight, 1 / WEIGHT_SCALE)}))
    frame = pd.concat(frames, ignore_index=True)
    prefix = f"{wave.study[:5].lower()}{wave.year}{wave.actor[:3]}"
    frame.insert(0, "respondent_id", [f"{prefix}-{i:05d}" for i in range(len(frame))])
    if wave.segment is not None:
        levels = list(wave.segment.proportions)
        frame[f"attr.{wave.segment.attribute}"] = rng.choice(
            levels, len(frame), p=list(wave.segment.proportions.values()))
    return Sample(frame=frame, regions=list(population.index))


def write_survey_files(out_dir: Path, territories: pd.DataFrame, ref: Reference,
                       published: list[dict[str, str]],
                       index: Mapping[tuple[str, str], float] | None = None,
                       seed: int = 2015) -> list[str]:
    """Write one CSV per wave into out_dir; return their paths relative to out_dir."""
    targets = published_targets(published, ref)
    priors = read_priors()
    regions = territories[(territories["level"] == "region") &
                          (territories["overseas"].astype(str) == "false")]
    departments = territories[territories["level"] == "department"]
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for number, wave in enumerate(WAVES):
        rng = np.random.default_rng([seed, number])
        sample = draw_sample(wave, regions, departments, rng)
        drawer = WaveDrawer(wave, sample, targets.get((wave.study, wave.year, wave.actor), {}),
                            priors, ref, index or {}, rng)
        answers = pd.DataFrame(drawer.draw())
        respondents = sample.frame
        if wave.bands_by:  # drawn after the answers: they and their figures do not move
            respondents = respondents.assign(**{f"attr.{BAND_ATTRIBUTE}": assign_commune_bands(
                respondents["region"], answers[wave.bands_by], read_commune_bands(), rng)})
        frame = pd.concat([
            pd.DataFrame({"study": wave.study, "year": wave.year, "actor": wave.actor},
                         index=sample.frame.index),
            respondents, answers], axis=1)
        frame.to_csv(out_dir / wave.file, index=False, float_format="%.4f",
                     lineterminator="\n")
        written.append(wave.file)
    return written

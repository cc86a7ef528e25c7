"""A region's profile, after the published PHARE/IMPACT regional reports: who the region is,
how fragile the statistics say it is, how its actors perceive it, where perception and
statistics disagree, what its actors want to build together, what they already practise, and
which regions resemble it.

Every function here is plain: a session or frames in, frames or dataclasses out. The page
reads one `RegionProfile` through the cache (`dashboard.data_access.profile`), built by
`build_profile` from frames that are themselves cached (the fragility index, `item_table`).

Frames in "profile shape" have one row per item (domain or category) and series (`index` or
an actor): columns PROFILE_COLUMNS, `value` for the region, `france` for France, `n` the
region's sample size (or, for the index, how many indicators it rests on).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from dashboard.analytics.catalogue import DEFINITION, indicator_values
from dashboard.analytics.departments import DEPARTMENT_COLUMNS, region_departments
from dashboard.analytics.perception import Wave, waves_asking
from dashboard.analytics.survey_figures import (
    NATIONAL,
    Figure,
    FigureRequest,
    NoData,
    compute_figure,
)
from dashboard.frames import as_records
from dashboard.i18n.labels import t
from dashboard.i18n.numbers import format_number
from dashboard.models import Indicator, Initiative, Territory
from dashboard.reference import Reference

INDEX = "index"  # the statistics' series, beside the actors
KEY_INDICATORS = ("taux_chomage", "taux_pauvrete", "revenu_median", "part_75_ans_plus",
                  "medecins_generalistes_pour_100000", "couverture_tres_haut_debit")
PROFILE_COLUMNS = ["item", "group", "position", "series", "value", "france", "n"]
GAP_COLUMNS = ["domain", "axis", "position", "actor", "index", "score", "gap"]
FIGURE_COLUMNS = ["actor", "study", "year", "value", "france", "n", "n_france", "ci_low",
                  "ci_high", "demo"]
INDICATOR_COLUMNS = ["code", "domain", *DEFINITION, "year", "value", "france", "demo"]
INITIATIVE_COLUMNS = ["name", "department_code", "department", "function", "domain",
                      "partners", "partners_en", "note", "note_en", "source"]
SIMILAR_COLUMNS = ["code", "name", "distance"]
PRACTICE_ACTORS = ("associations", "entreprises")  # who was asked about their partnerships
STRONG_GAP = 3.0        # |perception − index| from which a fragility is "not perceived"
FRANCE_DIFFERENCE = 2.0  # index points from which a region "differs" from France


# --- identity -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Identity:
    """The region's identity card."""

    code: str
    name: str
    population: int
    population_year: int
    area_km2: float
    overseas: bool
    departments: tuple[str, ...]
    indicators: pd.DataFrame  # INDICATOR_COLUMNS, the region's latest year beside France

    @property
    def density(self) -> float:
        """Inhabitants per km²."""
        return self.population / self.area_km2 if self.area_km2 else float("nan")


def identity(session: Session, code: str,
             indicator_codes: tuple[str, ...] = KEY_INDICATORS) -> Identity | None:
    """Name, population, area, departments and key indicators of a region (None if the code
    is not a region)."""
    region = session.scalar(select(Territory).where(Territory.level == "region",
                                                    Territory.code == code))
    if region is None:
        return None
    departments = session.scalars(
        select(Territory.name).where(Territory.level == "department",
                                     Territory.parent_id == region.id)
        .order_by(Territory.code)).all()
    return Identity(code=region.code, name=region.name, population=region.population,
                    population_year=region.population_year, area_km2=region.area_km2,
                    overseas=bool(region.overseas), departments=tuple(departments),
                    indicators=key_indicators(session, code, indicator_codes))


def key_indicators(session: Session, code: str,
                   indicator_codes: tuple[str, ...] = KEY_INDICATORS) -> pd.DataFrame:
    """For each indicator the region has, its latest year's value and France's the same year
    (None when France has no value that year), in the order asked."""
    values = indicator_values(session, Indicator.code.in_(indicator_codes),
                              Territory.level.in_(("region", "country")),
                              Territory.code.in_((code, NATIONAL))
                              ).rename(columns={"indicator": "code"})
    records = []
    for indicator in indicator_codes:
        own = values[(values["code"] == indicator) & (values["territory"] == code)]
        if own.empty:
            continue
        latest = own.iloc[own["year"].argmax()]
        france = values[(values["code"] == indicator) & (values["territory"] == NATIONAL)
                        & (values["year"] == latest["year"])]
        records.append({**{k: latest[k] for k in ("code", "domain", *DEFINITION)},
                        "year": int(latest["year"]), "value": float(latest["value"]),
                        "france": float(france["value"].iloc[0]) if len(france) else None,
                        "demo": bool(latest["demo"])})
    return pd.DataFrame(records, columns=INDICATOR_COLUMNS)


# --- waves --------------------------------------------------------------------------------

def actor_waves(waves: list[Wave], actors: tuple[str, ...], question: str,
                citizens_wave: str | None = None) -> dict[str, Wave | None]:
    """Each actor's newest wave that asked a question; for the citizens, the wave the reader
    picked (`IMPACT-Citoyens:2019`) when it asked it."""
    chosen: dict[str, Wave | None] = {}
    for actor in actors:
        available = waves_asking(waves, actor, question)
        picked = next((w for w in available if actor == "citoyens" and w.key == citizens_wave),
                      None)
        chosen[actor] = picked or (available[0] if available else None)
    return chosen


# --- per-domain profiles ------------------------------------------------------------------

def _domain_frame(ref: Reference) -> pd.DataFrame:
    return pd.DataFrame([{"item": d.slug, "group": d.axis, "position": d.position}
                         for d in ref.domains])


def index_series(ref: Reference, index: pd.DataFrame, code: str) -> pd.DataFrame:
    """The fragility index of every domain for the region and France, in profile shape."""
    def pick(territory: str, column: str) -> pd.Series:
        own = index[index["territory_code"] == territory]
        return own.set_index("domain")[column]

    out = _domain_frame(ref).assign(series=INDEX)
    out["value"] = out["item"].map(pick(code, "index"))
    out["france"] = out["item"].map(pick(NATIONAL, "index"))
    out["n"] = out["item"].map(pick(code, "n_indicators"))
    return out[PROFILE_COLUMNS]


def actor_series(ref: Reference, tables: Mapping[str, pd.DataFrame | None],
                 code: str) -> pd.DataFrame:
    """A per-domain survey measure (`item_table` frames, one per actor; None for an actor
    without a wave) for the region and France, in profile shape: 16 rows per actor."""
    parts = []
    for actor, table in tables.items():
        out = _domain_frame(ref).assign(series=actor)
        if table is None or table.empty:
            out["value"] = out["france"] = out["n"] = np.nan
        else:
            own = table[table["territory_code"] == code].set_index("item")
            national = table[table["territory_code"] == NATIONAL].set_index("item")
            out["value"] = out["item"].map(own["value"])
            out["france"] = out["item"].map(national["value"])
            out["n"] = out["item"].map(own["n"])
        parts.append(out[PROFILE_COLUMNS])
    if not parts:
        return pd.DataFrame(columns=PROFILE_COLUMNS)
    return pd.concat(parts, ignore_index=True)


def fragility_profile(ref: Reference, index: pd.DataFrame,
                      scores: Mapping[str, pd.DataFrame | None], code: str) -> pd.DataFrame:
    """Section 2: for every domain, the region's index and each actor's mean perceived score
    (0-10), beside France's."""
    return pd.concat([index_series(ref, index, code), actor_series(ref, scores, code)],
                     ignore_index=True)


def has_values(frame: pd.DataFrame, series: str | None = None) -> bool:
    """Whether a profile-shaped frame holds any regional value (for one series)."""
    chosen = frame if series is None else frame[frame["series"] == series]
    return bool(chosen["value"].notna().any()) if len(chosen) else False


# --- perception against statistics -------------------------------------------------------

def perception_gaps(profile: pd.DataFrame) -> pd.DataFrame:
    """Perceived score minus index (both 0-10) for every domain and actor with both, the
    largest disagreements first: below zero, the actor feels the domain less fragile than the
    statistics rank it."""
    index = profile[profile["series"] == INDEX].set_index("item")["value"]
    scores = profile[(profile["series"] != INDEX) & profile["value"].notna()]
    out = pd.DataFrame({"domain": scores["item"], "axis": scores["group"],
                        "position": scores["position"], "actor": scores["series"],
                        "index": scores["item"].map(index).astype(float),
                        "score": scores["value"].astype(float)})
    out = out.dropna(subset=["index"])
    out["gap"] = out["score"] - out["index"]
    order = out["gap"].abs().sort_values(ascending=False, kind="stable").index
    return out.loc[order, GAP_COLUMNS].reset_index(drop=True)


def largest_gaps(gaps: pd.DataFrame, limit: int = 3, actor: str | None = None,
                 one_per_domain: bool = True) -> pd.DataFrame:
    """The `limit` largest |gaps| (of one actor, or of any actor keeping each domain's
    largest)."""
    chosen = gaps if actor is None else gaps[gaps["actor"] == actor]
    chosen = chosen.reindex(chosen["gap"].abs().sort_values(ascending=False,
                                                            kind="stable").index)
    if one_per_domain:
        chosen = chosen.drop_duplicates("domain")
    return chosen.head(limit).reset_index(drop=True)


# --- survey figures (compute_figure) -----------------------------------------------------

def actor_figures(session: Session, ref: Reference, waves: Mapping[str, Wave | None],
                  measure: str, code: str) -> pd.DataFrame:
    """A measure that is not per domain (share_with_partnerships…), for each actor's wave, in
    the region and in France: columns FIGURE_COLUMNS (value NaN where there is no answer)."""
    records = []
    for actor, wave in waves.items():
        if wave is None:
            continue
        found: dict[str, Figure | None] = {}
        for territory in (code, NATIONAL):
            try:
                found[territory] = compute_figure(session, ref, FigureRequest(
                    study=wave.study, year=wave.year, actor=actor, region=territory,
                    measure=measure))
            except NoData:
                found[territory] = None
        own, national = found[code], found[NATIONAL]
        records.append({
            "actor": actor, "study": wave.study, "year": wave.year,
            "value": own.value if own else np.nan,
            "france": national.value if national else np.nan,
            "n": own.n if own else np.nan, "n_france": national.n if national else np.nan,
            "ci_low": own.ci_low if own else np.nan, "ci_high": own.ci_high if own else np.nan,
            "demo": wave.demo})
    return pd.DataFrame(records, columns=FIGURE_COLUMNS)


def mode_shares(session: Session, ref: Reference, waves: Mapping[str, Wave | None],
                code: str) -> pd.DataFrame:
    """Section 5: the share of each actor practising each of the 4 partnership categories
    (among those with partnerships), region and France, in profile shape (item = category)."""
    parts = []
    for category in ref.categories:
        figures = actor_figures(session, ref, waves, f"share_mode_{category.slug}", code)
        for row in figures.to_dict("records"):
            parts.append({"item": category.slug, "group": "", "position": category.position,
                          "series": row["actor"], "value": row["value"],
                          "france": row["france"], "n": row["n"]})
    return pd.DataFrame(parts, columns=PROFILE_COLUMNS)


# --- initiatives and similar regions -------------------------------------------------------

def region_initiatives(session: Session, code: str) -> pd.DataFrame:
    """The named partnership examples located in one of the region's departments."""
    department = aliased(Territory)
    region = aliased(Territory)
    rows = session.execute(
        select(Initiative.name, Initiative.department_code, department.name,
               Initiative.function, Initiative.domain_slug, Initiative.partners,
               Initiative.partners_en, Initiative.note, Initiative.note_en, Initiative.source)
        .join(department, (department.code == Initiative.department_code)
              & (department.level == "department"))
        .join(region, region.id == department.parent_id)
        .where(region.code == code, region.level == "region")
        .order_by(Initiative.department_code, Initiative.name)).all()
    return pd.DataFrame(rows, columns=INITIATIVE_COLUMNS)


def index_vectors(index: pd.DataFrame, ref: Reference) -> pd.DataFrame:
    """One row per region with an index in every domain (France excluded), one column per
    domain."""
    regional = index[index["territory_code"] != NATIONAL]
    wide = regional.pivot_table(index="territory_code", columns="domain", values="index")
    wide = wide.reindex(columns=list(ref.domain_slugs))
    return wide.dropna()


def similar_regions(index: pd.DataFrame, ref: Reference, regions: pd.DataFrame, code: str,
                    limit: int = 3) -> pd.DataFrame:
    """The regions nearest by fragility profile: euclidean distance between the 16-domain
    index vectors, nearest first, the region itself excluded. Empty when the region's profile
    is incomplete (it cannot be compared)."""
    vectors = index_vectors(index, ref)
    if code not in vectors.index:
        return pd.DataFrame(columns=SIMILAR_COLUMNS)
    others = vectors.drop(index=code)
    distances = np.sqrt(((others - vectors.loc[code]) ** 2).sum(axis=1))
    out = distances.rename("distance").rename_axis("code").reset_index()
    out = out.merge(regions[["code", "name"]], on="code", how="left")
    out = out.sort_values(["distance", "code"], kind="stable").head(limit)
    return out[SIMILAR_COLUMNS].reset_index(drop=True)


# --- the whole profile --------------------------------------------------------------------

@dataclass(frozen=True)
class RegionProfile:
    """Everything the region page shows, computed once and cached as a whole."""

    identity: Identity
    index_year: int | None
    fragility: pd.DataFrame          # profile shape: index + the 4 actors' mean scores
    score_waves: dict[str, Wave | None]
    gaps: pd.DataFrame               # GAP_COLUMNS
    coconstruction: pd.DataFrame     # profile shape: share_coconstruction_domain
    coconstruction_waves: dict[str, Wave | None]
    alliances: pd.DataFrame          # FIGURE_COLUMNS: share_alliances_source_of_innovation
    partnerships: pd.DataFrame       # FIGURE_COLUMNS: share_with_partnerships
    modes: pd.DataFrame              # profile shape, item = category
    practice_waves: dict[str, Wave | None]
    initiatives: pd.DataFrame
    similar: pd.DataFrame
    citizens_waves: tuple[str, ...] = field(default=())  # the keys a reader can pick
    # its departments on the indicators that have department values (`region_departments`)
    departments: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=DEPARTMENT_COLUMNS))

    @property
    def surveyed(self) -> bool:
        """Whether any actor answered in this region."""
        return has_values(self.fragility[self.fragility["series"] != INDEX])

    @property
    def n_index_domains(self) -> int:
        return int(self.fragility.loc[self.fragility["series"] == INDEX, "value"].notna()
                   .sum())


ItemLoader = Callable[[Wave, str, str], pd.DataFrame]


def build_profile(session: Session, ref: Reference, code: str, index: pd.DataFrame,
                  waves: list[Wave], regions: pd.DataFrame, load_items: ItemLoader,
                  citizens_wave: str | None = None) -> RegionProfile | None:
    """Assemble a region's profile (None for an unknown region). `load_items(wave, actor,
    measure)` returns an `item_table` frame: the caller passes a cached loader."""
    card = identity(session, code)
    if card is None:
        return None
    actors = ref.actor_slugs

    def tables(chosen: Mapping[str, Wave | None], measure: str) -> dict[str, pd.DataFrame | None]:
        return {actor: (load_items(wave, actor, measure) if wave is not None else None)
                for actor, wave in chosen.items()}

    score_waves = actor_waves(waves, actors, "fragility_score", citizens_wave)
    fragility = fragility_profile(ref, index, tables(score_waves, "mean_score"), code)
    co_waves = actor_waves(waves, actors, "coconstruction_domains", citizens_wave)
    alliance_waves = actor_waves(waves, actors, "alliances_innovation", citizens_wave)
    practice_waves = actor_waves(waves, PRACTICE_ACTORS, "has_partnerships")
    years = index.loc[index["territory_code"] == code, "year"]
    return RegionProfile(
        identity=card,
        index_year=int(years.max()) if len(years) else None,
        fragility=fragility, score_waves=score_waves, gaps=perception_gaps(fragility),
        coconstruction=actor_series(ref, tables(co_waves, "share_coconstruction_domain"),
                                    code),
        coconstruction_waves=co_waves,
        alliances=actor_figures(session, ref, alliance_waves,
                                "share_alliances_source_of_innovation", code),
        partnerships=actor_figures(session, ref, practice_waves, "share_with_partnerships",
                                   code),
        modes=mode_shares(session, ref, practice_waves, code), practice_waves=practice_waves,
        initiatives=region_initiatives(session, code),
        similar=similar_regions(index, ref, regions, code),
        citizens_waves=tuple(w.key for w in waves_asking(waves, "citoyens",
                                                           "fragility_score")),
        departments=region_departments(session, code),
    )


# --- synthesis ----------------------------------------------------------------------------

def _enumerate(items: list[str], lang: str) -> str:
    """`a, b et c` / `a, b and c`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t("profile_and", lang) + items[-1]


def _domain_name(ref: Reference, slug: str, lang: str) -> str:
    term = next(d for d in ref.domains if d.slug == slug)
    text = (term.short_en or term.label_en) if lang == "en" else (term.short_fr or term.label_fr)
    return text[:1].lower() + text[1:]


def _actor_name(ref: Reference, slug: str, lang: str, lower: bool = False) -> str:
    term = next(a for a in ref.actors if a.slug == slug)
    text = term.label_en if lang == "en" else term.label_fr
    return text[:1].lower() + text[1:] if lower else text


def gap_reading(gap: float, lang: str = "fr") -> str:
    """How a gap reads: not perceived (≤ −3), underestimated (< 0), felt beyond (> 0)."""
    if gap <= -STRONG_GAP:
        return t("profile_not_perceived", lang)
    return t("profile_under_perceived" if gap < 0 else "profile_over_perceived", lang)


def gap_sentence(ref: Reference, row: Mapping[str, Any], lang: str = "fr",
                 inline: bool = False) -> str:
    """A disagreement in words: `Numérique : indice 9,2, citoyens 4,4 — la fragilité n'est pas
    perçue` (a list item), or inline `numérique (indice 9,2, citoyens 4,4 — …)`. `row`: a
    row of `largest_gaps` (domain, actor, index, score, gap)."""
    domain = _domain_name(ref, str(row["domain"]), lang)
    actor = _actor_name(ref, str(row["actor"]), lang, lower=True).split(" / ")[0]
    return t("profile_gap_item" if inline else "profile_gap_line", lang,
             domain=domain if inline else domain[:1].upper() + domain[1:],
             index=format_number(float(row["index"]), 1, lang),
             actor=actor,
             score=format_number(float(row["score"]), 1, lang),
             reading=gap_reading(float(row["gap"]), lang))


def france_differences(profile: pd.DataFrame,
                       threshold: float = FRANCE_DIFFERENCE) -> pd.DataFrame:
    """Domains whose index is at least `threshold` points above or below France's: item,
    value, france, difference, largest differences first."""
    index = profile[(profile["series"] == INDEX)].dropna(subset=["value", "france"])
    out = index.assign(difference=index["value"] - index["france"])
    out = out[out["difference"].abs() >= threshold]
    out = out.reindex(out["difference"].abs().sort_values(ascending=False, kind="stable").index)
    return out[["item", "value", "france", "difference"]].reset_index(drop=True)


def synthesis(profile: RegionProfile, ref: Reference, lang: str = "fr",
              top: int = 3) -> list[str]:
    """The page's summary in sentences, from the data: each actor's top fragilities, the
    statistics' top fragilities, the largest perception gaps, how the region differs from
    France."""
    sentences = []
    fragility = profile.fragility

    def listed(frame: pd.DataFrame) -> str:
        return _enumerate([f"{_domain_name(ref, r['item'], lang)} "
                           f"({format_number(r['value'], 1, lang)}/10)"
                           for r in frame.to_dict("records")], lang)

    for actor in ref.actor_slugs:
        wave = profile.score_waves.get(actor)
        scores = fragility[(fragility["series"] == actor)].dropna(subset=["value"])
        if wave is None or scores.empty:
            continue
        best = scores.sort_values(["value", "position"], ascending=[False, True]).head(top)
        sentences.append(t("profile_top_actor", lang, actor=_actor_name(ref, actor, lang),
                           study=wave.study, year=wave.year, items=listed(best)))
    if not profile.surveyed:
        sentences.append(t("profile_no_survey", lang))
    index = fragility[fragility["series"] == INDEX].dropna(subset=["value"])
    if index.empty:
        sentences.append(t("profile_no_index", lang))
        return sentences
    best = index.sort_values(["value", "position"], ascending=[False, True]).head(top)
    if len(index) == 1:
        sentences.append(t("profile_only_index", lang, year=profile.index_year,
                           items=listed(best)))
    else:
        sentences.append(t("profile_top_index", lang, year=profile.index_year,
                           items=listed(best)))
    if 1 < len(index) < len(ref.domains):
        sentences.append(t("profile_partial_index", lang, n=len(index)))
    gaps = largest_gaps(profile.gaps, limit=top)
    if len(gaps):
        sentences.append(t("profile_gaps", lang, items=t("list_separator", lang).join(
            gap_sentence(ref, row, lang, inline=True) for row in as_records(gaps))))
    differences = france_differences(fragility)

    def versus(frame: pd.DataFrame) -> str:
        return _enumerate([f"{_domain_name(ref, r['item'], lang)} ("
                           + t("profile_versus", lang, value=format_number(r["value"], 1, lang),
                               france=format_number(r["france"], 1, lang)) + ")"
                           for r in frame.head(4).to_dict("records")], lang)

    above = differences[differences["difference"] > 0]
    below = differences[differences["difference"] < 0]
    if len(above):
        sentences.append(t("profile_above_france", lang, items=versus(above)))
        if len(below):
            sentences.append(t("profile_below_france", lang, items=versus(below)))
    elif len(below):
        sentences.append(t("profile_only_below_france", lang, items=versus(below)))
    else:
        sentences.append(t("profile_near_france", lang,
                           threshold=format_number(FRANCE_DIFFERENCE, 0, lang)))
    return sentences


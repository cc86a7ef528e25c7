"""Survey figures: one measure for one study, year, actor (or sub-population), region and
domain, computed in SQL from the long answer table.

A request uses the vocabulary of `published_figures.csv` (`PHARE-Citoyens`, `2015`,
`associations_employeuses`, `93`, `emploi`, `mean_score`), so that every published figure
can be recomputed and compared. `region` is `FR` for France, a region code, or
`REGION_MIN` / `REGION_MAX` for the lowest / highest metropolitan region.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Float, Select, case, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from dashboard.analytics.estimates import Estimate, Sums, estimate_mean, estimate_share
from dashboard.models import (
    Answer,
    Dataset,
    PublishedFigure,
    Question,
    Respondent,
    Survey,
    Territory,
)
from dashboard.reference import MeasureDef, Reference

NATIONAL = "FR"
EXTREMES = ("REGION_MIN", "REGION_MAX")
PARTNERSHIP_ACTOR = "all"  # rows describing partnerships, kept as cited figures


class BadRequest(ValueError):
    """A parameter is malformed or unknown (HTTP 400)."""


class NoData(LookupError):
    """Well-formed, but there is no such data (HTTP 404)."""


@dataclass(frozen=True)
class FigureRequest:
    study: str
    year: int
    actor: str
    region: str = NATIONAL
    domain: str = ""
    measure: str = "mean_score"


@dataclass(frozen=True)
class Figure:
    request: FigureRequest
    value: float
    unit: str
    n: int | None
    ci_low: float | None
    ci_high: float | None
    region: str
    provenance: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        r = self.request
        return {"study": r.study, "year": r.year, "actor": r.actor, "region": self.region,
                "domain": r.domain or None, "measure": r.measure, "value": self.value,
                "unit": self.unit, "n": self.n, "ci_low": self.ci_low,
                "ci_high": self.ci_high, "provenance": self.provenance}


def parse_request(ref: Reference, params: dict[str, str]) -> FigureRequest:
    """Turn query parameters into a request, or raise BadRequest saying which one is wrong."""
    missing = [k for k in ("study", "year", "actor", "measure") if not params.get(k)]
    if missing:
        raise BadRequest(f"paramètre(s) manquant(s) : {', '.join(missing)}")
    try:
        year = int(params["year"])
    except ValueError:
        raise BadRequest(f"year={params['year']!r} n'est pas une année") from None
    actor, measure = params["actor"], params["measure"]
    if actor not in (*ref.actor_slugs, *ref.populations, PARTNERSHIP_ACTOR):
        raise BadRequest(f"actor={actor!r} inconnu (acteurs : {', '.join(ref.actor_slugs)}; "
                         f"sous-populations : {', '.join(ref.populations)}; {PARTNERSHIP_ACTOR})")
    if measure not in ref.measures and actor != PARTNERSHIP_ACTOR:
        raise BadRequest(f"measure={measure!r} inconnue")
    domain = params.get("domain") or ""
    if domain and domain not in ref.domain_slugs:
        raise BadRequest(f"domain={domain!r} inconnu")
    definition = ref.measures.get(measure)
    if definition is not None and actor != PARTNERSHIP_ACTOR:
        if definition.needs_domain and not domain:
            raise BadRequest(f"la mesure {measure} demande un domaine (domain=…)")
        if not definition.needs_domain and domain:
            raise BadRequest(f"la mesure {measure} ne porte pas sur un domaine")
    region = params.get("region") or NATIONAL
    return FigureRequest(study=params["study"], year=year, actor=actor, region=region,
                         domain=domain, measure=measure)


def _check_region(session: Session, region: str) -> None:
    if region == NATIONAL or region in EXTREMES:
        return
    known = session.scalar(select(Territory.id).where(Territory.level == "region",
                                                      Territory.code == region))
    if known is None:
        raise BadRequest(f"region={region!r} inconnue (FR, un code de région INSEE, "
                         f"REGION_MIN ou REGION_MAX)")


def _answer_value(definition: MeasureDef) -> ColumnElement[float]:
    """The per-answer x whose weighted mean is the measure."""
    if definition.statistic == "share_above":
        return case((Answer.value > definition.threshold, 1.0), else_=0.0)
    if definition.statistic == "share_in":
        return case((Answer.item.in_(definition.options), 1.0), else_=0.0)
    return cast(Answer.value, Float)


def _sums_query(ref: Reference, request: FigureRequest, definition: MeasureDef,
                every_item: bool = False) -> Select[*tuple[Any, ...]]:
    base_actor, population = ref.resolve_actor(request.actor)
    w = Respondent.weight
    x = _answer_value(definition)
    query = (
        select(func.count(), func.sum(w), func.sum(w * w), func.sum(w * x), func.sum(w * x * x))
        .select_from(Answer)
        .join(Respondent, Respondent.id == Answer.respondent_id)
        .join(Question, Question.id == Answer.question_id)
        .join(Survey, Survey.id == Question.survey_id)
        .where(Survey.study == request.study, Survey.year == request.year,
               Survey.actor_slug == base_actor, Survey.effective,
               Question.code == definition.question)
    )
    if every_item and definition.needs_domain:
        query = query.add_columns(Answer.item).group_by(Answer.item)
    elif definition.statistic != "share_in":
        item = request.domain if definition.needs_domain else definition.item
        query = query.where(Answer.item == item)
    if population is not None:
        query = query.where(
            Respondent.attributes[population.attribute].as_string() == population.value)
    return query


def _to_sums(row: Any) -> Sums | None:
    n, sw, sw2, swx, swx2 = row
    if not n or not sw:
        return None
    return Sums(int(n), float(sw), float(sw2), float(swx), float(swx2))


def _estimate(definition: MeasureDef, sums: Sums) -> Estimate:
    return estimate_mean(sums) if definition.statistic == "mean" else estimate_share(sums)


def regional_estimates(session: Session, ref: Reference,
                       request: FigureRequest) -> dict[str, Estimate]:
    """The measure for every region with answers, in one GROUP BY query."""
    definition = ref.measures[request.measure]
    query = _sums_query(ref, request, definition)
    query = query.add_columns(Respondent.region_code).group_by(Respondent.region_code)
    out = {}
    for row in session.execute(query):
        sums = _to_sums(tuple(row)[:5])
        if sums is not None:
            out[row.region_code] = _estimate(definition, sums)
    return out


def _survey_provenance(session: Session, ref: Reference,
                       request: FigureRequest) -> dict[str, Any]:
    base = session.execute(
        select(Dataset.id, Dataset.file_name, Dataset.is_demo, Dataset.imported_at)
        .join(Survey, Survey.dataset_id == Dataset.id)
        .where(Survey.study == request.study, Survey.year == request.year,
               Survey.actor_slug == ref.resolve_actor(request.actor)[0],
               Survey.effective)).first()
    return {"kind": "survey", "study": request.study, "year": request.year,
            "file": base.file_name if base else None,
            "dataset": base.id if base else None,
            "imported_at": base.imported_at.date().isoformat() if base else None,
            "demo": bool(base.is_demo) if base else None}


def _published(session: Session, request: FigureRequest) -> PublishedFigure | None:
    return session.scalar(select(PublishedFigure).where(
        PublishedFigure.study == request.study, PublishedFigure.year == request.year,
        PublishedFigure.actor == request.actor, PublishedFigure.region == request.region,
        PublishedFigure.domain == request.domain, PublishedFigure.measure == request.measure))


def compute_figure(session: Session, ref: Reference, request: FigureRequest) -> Figure:
    """The figure, from survey answers (or, for partnership rows, as cited)."""
    _check_region(session, request.region)
    published = _published(session, request)
    cited = ({"published_value": published.value, "published_source": published.source}
             if published is not None else {})
    if request.actor == PARTNERSHIP_ACTOR:
        if published is None:
            raise NoData("aucun chiffre publié pour ces paramètres")
        return Figure(request, published.value, published.unit, None, None, None,
                      request.region, {"kind": "published", "source": published.source,
                                       "note": published.note, "note_en": published.note_en,
                                       "demo": False, **cited})
    definition = ref.measures[request.measure]
    if request.region in EXTREMES:
        regional = regional_estimates(session, ref, request)
        metropolitan = set(session.scalars(select(Territory.code).where(
            Territory.level == "region", Territory.overseas.is_(False))))
        regional = {k: v for k, v in regional.items() if k in metropolitan}
        if not regional:
            raise NoData("aucune donnée régionale pour ces paramètres")
        pick = min if request.region == "REGION_MIN" else max
        region = pick(regional, key=lambda code: regional[code].value)
        estimate = regional[region]
    else:
        query = _sums_query(ref, request, definition)
        if request.region != NATIONAL:
            query = query.where(Respondent.region_code == request.region)
        sums = _to_sums(session.execute(query).one())
        if sums is None:
            raise NoData("aucune réponse pour ces paramètres (étude, année, acteur, région, "
                         "domaine)")
        estimate = _estimate(definition, sums)
        region = request.region
    return Figure(request, round(estimate.value, 4), definition.unit, estimate.n,
                  _round(estimate.ci_low), _round(estimate.ci_high), region,
                  {**_survey_provenance(session, ref, request), **cited})


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)

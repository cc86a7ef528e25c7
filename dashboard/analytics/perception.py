"""Survey measures for every domain and every territory at once: what the maps, the region
profiles and the actor comparisons draw.

`item_table` answers "this measure, for every domain, in every region and in France" with two
GROUP BY queries, instead of 16 × 14 single figures; `survey_waves` says which study waves
hold which questions, so that pages offer only what exists.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.analytics.survey_figures import (
    NATIONAL,
    FigureRequest,
    _estimate,
    _sums_query,
    _to_sums,
)
from dashboard.models import Dataset, Question, Respondent, Survey
from dashboard.reference import Reference

TABLE_COLUMNS = ["territory_code", "item", "value", "n", "ci_low", "ci_high"]


@dataclass(frozen=True)
class Wave:
    """One study wave of one actor, with the questions it asked."""

    study: str
    year: int
    actor: str
    questions: frozenset[str]
    demo: bool

    @property
    def key(self) -> str:
        """`PHARE-Citoyens:2015` — how a wave travels in URLs and cache keys."""
        return f"{self.study}:{self.year}"


def survey_waves(session: Session) -> list[Wave]:
    """Every wave the dashboard shows (its effective version), oldest first."""
    rows = session.execute(
        select(Survey.study, Survey.year, Survey.actor_slug, Question.code, Dataset.is_demo)
        .join(Question, Question.survey_id == Survey.id)
        .join(Dataset, Dataset.id == Survey.dataset_id)
        .where(Survey.effective)).all()
    grouped: dict[tuple[str, int, str], tuple[set[str], bool]] = {}
    for study, year, actor, code, demo in rows:
        questions, _ = grouped.setdefault((study, year, actor), (set(), bool(demo)))
        questions.add(code)
    return sorted((Wave(s, y, a, frozenset(q), d) for (s, y, a), (q, d) in grouped.items()),
                  key=lambda w: (w.year, w.study, w.actor))


def waves_asking(waves: list[Wave], actor: str, question: str) -> list[Wave]:
    """The waves of an actor that asked a question, newest first."""
    return sorted((w for w in waves if w.actor == actor and question in w.questions),
                  key=lambda w: (w.year, w.study), reverse=True)


def item_table(session: Session, ref: Reference, study: str, year: int, actor: str,
               measure: str) -> pd.DataFrame:
    """A per-domain measure (mean_score, share_priority…) for every domain, in every region
    with answers and in France (`FR`): columns territory_code, item, value, n, ci_low,
    ci_high."""
    definition = ref.measures[measure]
    request = FigureRequest(study=study, year=year, actor=actor, measure=measure)
    national = _sums_query(ref, request, definition, every_item=True)
    regional = national.add_columns(Respondent.region_code).group_by(Respondent.region_code)
    records = []
    for query, by_region in ((national, False), (regional, True)):
        for row in session.execute(query):
            sums = _to_sums(tuple(row)[:5])
            if sums is None:
                continue
            estimate = _estimate(definition, sums)
            records.append((row.region_code if by_region else NATIONAL, row.item,
                            estimate.value, estimate.n, estimate.ci_low, estimate.ci_high))
    return pd.DataFrame.from_records(records, columns=TABLE_COLUMNS)

"""Facts the methodology page reads from the database: the survey waves with their sample
sizes, and every imported dataset with whether it is demonstration data."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.models import Dataset, Respondent, Survey

WAVE_COLUMNS = ["study", "year", "actor", "respondents", "file", "demo"]
# Which regions the sources' unnamed lowest / highest company partnership rates are given to
# by the demonstration data (`dashboard.demo.surveys`): a choice the methodology page states.
EXTREME_REGIONS = {"REGION_MIN": "94", "REGION_MAX": "52"}
DATASET_COLUMNS = ["kind", "name", "file", "rows", "demo", "source", "id", "sha256",
                   "imported_by", "imported_at", "active"]


def wave_sizes(session: Session) -> pd.DataFrame:
    """Every survey wave (study, year, actor) with its number of respondents, its file and
    whether it is demonstration data, oldest first."""
    counts = (select(Respondent.survey_id, func.count().label("n"))
              .group_by(Respondent.survey_id).subquery())
    rows = session.execute(
        select(Survey.study, Survey.year, Survey.actor_slug, func.coalesce(counts.c.n, 0),
               Dataset.file_name, Dataset.is_demo)
        .join(Dataset, Dataset.id == Survey.dataset_id)
        .outerjoin(counts, counts.c.survey_id == Survey.id)
        .where(Survey.effective)
        .order_by(Survey.year, Survey.study, Survey.actor_slug)).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=WAVE_COLUMNS)
    return frame.astype({"respondents": int, "demo": bool})


def dataset_list(session: Session) -> pd.DataFrame:
    """Every dataset with its provenance (kind, name, file, rows, demo, source, id,
    checksum, who imported it, when — a date —, whether it is active), demonstration data
    first, then by kind and file, newest version first."""
    rows = session.execute(
        select(Dataset.kind, Dataset.name, Dataset.file_name, Dataset.row_count,
               Dataset.is_demo, Dataset.source, Dataset.id, Dataset.sha256,
               Dataset.imported_by, Dataset.imported_at, Dataset.active)
        .order_by(Dataset.is_demo.desc(), Dataset.kind, Dataset.file_name,
                  Dataset.id.desc())).all()
    frame = pd.DataFrame([(*r[:9], r.imported_at.date().isoformat(), r.active) for r in rows],
                         columns=DATASET_COLUMNS)
    return frame.astype({"rows": int, "demo": bool, "active": bool})

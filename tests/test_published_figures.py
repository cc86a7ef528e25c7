"""The demonstration data, aggregated by the project's own code, reproduce every figure the
source documents publish — one test per figure, on every database backend."""
import csv
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.analytics.survey_figures import (
    FigureRequest,
    compute_figure,
    regional_estimates,
)
from dashboard.models import Territory
from dashboard.reference import load_reference

PUBLISHED = Path(__file__).resolve().parents[1] / "data" / "reference" / "published_figures.csv"
with PUBLISHED.open(encoding="utf-8") as fh:
    ROWS = list(csv.DictReader(fh))
REF = load_reference()
TOLERANCE = {"score_0_10": 0.05, "percent": 0.5}


@pytest.mark.parametrize("row", ROWS, ids=[r["figure_id"] for r in ROWS])
def test_demonstration_data_reproduce_published_figure(demo_engine, row):
    request = FigureRequest(study=row["study"], year=int(row["year"]), actor=row["actor"],
                            region=row["region"], domain=row["domain"], measure=row["measure"])
    with Session(demo_engine) as session:
        figure = compute_figure(session, REF, request)
    expected = float(row["value"])
    if row["actor"] == "all":
        # partnerships, not respondents: served as the cited figure, flagged as such
        assert figure.value == expected and figure.provenance["kind"] == "published"
        return
    assert figure.provenance["kind"] == "survey" and figure.provenance["demo"] is True
    assert figure.value == pytest.approx(expected, abs=TOLERANCE[row["unit"]])
    assert figure.ci_low <= figure.value <= figure.ci_high
    assert figure.n >= 10


def test_company_partnership_rates_range_from_23_to_45_percent_across_regions(demo_engine):
    request = FigureRequest(study="PHARE-Entreprises", year=2015, actor="entreprises",
                            measure="share_with_partnerships")
    with Session(demo_engine) as session:
        metropolitan = set(session.scalars(select(Territory.code).where(
            Territory.level == "region", Territory.overseas.is_(False))))
        regional = regional_estimates(session, REF, request)
    assert set(regional) == metropolitan
    values = [e.value for e in regional.values()]
    assert min(values) == pytest.approx(23, abs=0.5)
    assert max(values) == pytest.approx(45, abs=0.5)


def test_mayors_innovation_share_stays_between_77_and_100_in_every_region(demo_engine):
    request = FigureRequest(study="PHARE-Institutions", year=2016, actor="maires",
                            measure="share_alliances_source_of_innovation")
    with Session(demo_engine) as session:
        regional = regional_estimates(session, REF, request)
    assert len(regional) == 13
    assert all(76.5 <= e.value <= 100 for e in regional.values())


def test_employment_is_every_regions_first_priority_for_citizens(demo_engine):
    with Session(demo_engine) as session:
        by_domain = {
            domain: regional_estimates(session, REF, FigureRequest(
                study="PHARE-Citoyens", year=2015, actor="citoyens", domain=domain,
                measure="share_priority"))
            for domain in REF.domain_slugs}
    for region in by_domain["emploi"]:
        top = max(REF.domain_slugs, key=lambda d: by_domain[d][region].value)
        assert top == "emploi", region

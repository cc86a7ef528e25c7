"""Creating and filling a database: schema, reference vocabulary, real territories, cited
figures and initiatives (`init_database`), then the demonstration data (`load_demo`).

Both are idempotent, so `python app.py` can run them on every start of a fresh machine and
the Procfile's release step can run them on every deploy.
"""
from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from dashboard.db import bump_data_version, make_engine, migrate
from dashboard.importers.indicators import IndicatorDef
from dashboard.importers.service import (
    ImportReport,
    file_sha256,
    import_indicators,
    import_surveys,
)
from dashboard.models import (
    Actor,
    Axis,
    Dataset,
    Domain,
    Indicator,
    Initiative,
    PartnershipCategory,
    PublishedFigure,
    Survey,
    Territory,
)
from dashboard.reference import Reference, load_reference
from dashboard.settings import DATA_DIR

log = logging.getLogger("territoires.bootstrap")
TERRITORIES_FILE = DATA_DIR / "geo" / "territories.csv"
PUBLISHED_FILE = DATA_DIR / "reference" / "published_figures.csv"
INITIATIVES_FILE = DATA_DIR / "reference" / "initiatives.csv"
DEMO_MANIFEST = DATA_DIR / "demo" / "manifest.json"
DEMO_LOADER = "load-demo"  # `imported_by` of the demonstration datasets


def init_database(engine: Engine, ref: Reference | None = None) -> None:
    """Migrate the schema and load the reference data that every view needs."""
    ref = ref or load_reference()
    migrate(engine)
    with Session(engine) as session, session.begin():
        changed = _sync_vocabulary(session, ref)
        changed |= _sync_territories(session, TERRITORIES_FILE)
        changed |= _sync_reference_file(session, PUBLISHED_FILE, _published_rows)
        changed |= _sync_reference_file(session, INITIATIVES_FILE, _initiative_rows)
        if changed:
            bump_data_version(session)
    log.info("base initialisée (%s)", engine.url.render_as_string(hide_password=True))


def _upsert(session: Session, model: type, key: dict[str, Any], values: dict[str, Any]) -> bool:
    row = session.get(model, tuple(key.values()) if len(key) > 1 else next(iter(key.values())))
    if row is None:
        session.add(model(**key, **values))
        return True
    if any(getattr(row, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(row, k, v)
        return True
    return False


def _sync_vocabulary(session: Session, ref: Reference) -> bool:
    changed = False
    for term in ref.axes:
        changed |= _upsert(session, Axis, {"slug": term.slug}, dict(
            label_fr=term.label_fr, label_en=term.label_en, position=term.position))
    session.flush()
    for term in ref.domains:
        changed |= _upsert(session, Domain, {"slug": term.slug}, dict(
            axis_slug=term.axis, label_fr=term.label_fr, label_en=term.label_en,
            short_fr=term.short_fr, short_en=term.short_en, position=term.position))
    for model, terms in ((Actor, ref.actors), (PartnershipCategory, ref.categories)):
        for term in terms:
            changed |= _upsert(session, model, {"slug": term.slug}, dict(
                label_fr=term.label_fr, label_en=term.label_en, position=term.position))
    session.flush()
    return changed


def _sync_territories(session: Session, path: Path) -> bool:
    """Territories from the geography build (real populations and areas), parents first."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    order = {"country": 0, "region": 1, "department": 2}
    rows.sort(key=lambda r: order[r["level"]])
    existing = {(t.level, t.code): t for t in session.scalars(select(Territory))}
    parent_level = {"region": "country", "department": "region"}
    changed = False
    for r in rows:
        parent = existing.get((parent_level.get(r["level"], ""), r["parent_code"]))
        values = dict(name=r["name"], population=int(r["population"]),
                      population_year=int(r["population_year"]),
                      area_km2=float(r["area_km2"]), overseas=r["overseas"] == "true",
                      parent_id=parent.id if parent else None)
        territory = existing.get((r["level"], r["code"]))
        if territory is None:
            territory = Territory(level=r["level"], code=r["code"], **values)
            session.add(territory)
            session.flush()
            existing[(r["level"], r["code"])] = territory
            changed = True
        elif any(getattr(territory, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(territory, k, v)
            changed = True
    return changed


def _published_rows(rows: list[dict[str, str]], dataset_id: int) -> list[PublishedFigure]:
    return [PublishedFigure(figure_id=r["figure_id"], study=r["study"], year=int(r["year"]),
                            actor=r["actor"], region=r["region"], domain=r["domain"],
                            measure=r["measure"], value=float(r["value"]), unit=r["unit"],
                            source=r["source"], note=r["note"], note_en=r["note_en"],
                            dataset_id=dataset_id)
            for r in rows]


def _initiative_rows(rows: list[dict[str, str]], dataset_id: int) -> list[Initiative]:
    return [Initiative(name=r["name"], department_code=r["departement"] or None,
                       function=r["function"], domain_slug=r["domain"] or None,
                       partners=r["partners"], partners_en=r["partners_en"],
                       source=r["source"], note=r["note"], note_en=r["note_en"],
                       dataset_id=dataset_id)
            for r in rows]


def _sync_reference_file(session: Session, path: Path, build: Any) -> bool:
    """Replace a cited-reference table when its shipped file changed (by content hash)."""
    sha = file_sha256(path)
    known = session.scalar(select(Dataset).where(Dataset.kind == "reference",
                                                 Dataset.file_name == path.name)
                           .order_by(Dataset.id.desc()))
    if known is not None and known.sha256 == sha:
        return False
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    dataset = Dataset(kind="reference", name=path.stem, file_name=path.name, sha256=sha,
                      source="Observatoire des partenariats (PHARE, IMPACT) — documents sources",
                      is_demo=False, row_count=len(rows))
    session.add(dataset)
    session.flush()
    objects = build(rows, dataset.id)
    model = type(objects[0])
    session.query(model).delete()
    session.add_all(objects)
    session.flush()
    return True


def database_is_empty(engine: Engine) -> bool:
    """True when no survey and no indicator has been imported yet."""
    with Session(engine) as session:
        return not (session.scalar(select(func.count(Survey.id))) or
                    session.scalar(select(func.count(Indicator.id))))


def manifest_definition(entry: dict[str, Any]) -> IndicatorDef:
    """The definition a wide export's manifest entry gives (its English optional: an entry
    without it is shown in French)."""
    return IndicatorDef(code=entry["indicator_code"], label=entry["indicator_label"],
                        domain=entry["domain"], unit=entry["unit"], direction=entry["direction"],
                        source=entry["source"], label_en=entry.get("indicator_label_en", ""),
                        source_en=entry.get("source_en", ""))


def load_demo(engine: Engine, manifest: Path = DEMO_MANIFEST,
              progress: bool = False) -> list[ImportReport]:
    """Load the demonstration files through the same importers a user runs, flagged demo."""
    spec = json.loads(manifest.read_text(encoding="utf-8"))
    base = manifest.parent
    reports = []
    for entry in spec["indicators"]:
        path = base / entry["path"]
        if entry["format"] == "wide":
            reports.append(import_indicators(engine, path, wide=manifest_definition(entry),
                                             year=int(entry["year"]),
                                             is_demo=True, imported_by=DEMO_LOADER))
        else:
            reports.append(import_indicators(engine, path, is_demo=True,
                                             imported_by=DEMO_LOADER))
    reports.extend(import_surveys(engine, [base / p for p in spec["surveys"]], is_demo=True,
                                  progress=progress, imported_by=DEMO_LOADER))
    return reports


def create_demo_database(url: str) -> None:
    """A database at `url` holding everything a fresh install shows (benchmarks, browser
    tests): schema, reference data, territories and the demonstration data."""
    engine = make_engine(url)
    try:
        init_database(engine)
        load_demo(engine)
    finally:
        engine.dispose()

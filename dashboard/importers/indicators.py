"""Indicator files → validated indicator definitions and values (nothing written here).

Two shapes: the project's long format (one value per row, all metadata in columns) and the
wide exports of INSEE and the Observatoire des territoires (title lines, `Code;Libellé;value`,
metadata given by the caller). Both end as the same `ParsedIndicators`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.i18n.numbers import format_number, format_percent
from dashboard.importers.errors import Problems
from dashboard.importers.reading import (
    MISSING_MARKERS,
    check_numbers,
    read_table,
    require_columns,
    to_numbers,
)
from dashboard.importers.wide import read_wide
from dashboard.reference import Reference
from dashboard.territories import LEVEL_ALIASES, TerritoryIndex

SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
DIRECTIONS = ("higher_is_worse", "higher_is_better")
LONG_COLUMNS = ("indicator_code", "indicator_label", "domain", "territory_code", "year",
                "value", "unit", "source", "direction")
# Optional: the name and source in English (a file without them is shown in French)
ENGLISH_COLUMNS = ("indicator_label_en", "source_en")
DEFINITION_FIELDS = ("indicator_label", "domain", "unit", "source", "direction",
                     *ENGLISH_COLUMNS)


@dataclass(frozen=True)
class IndicatorDef:
    code: str
    label: str
    domain: str
    unit: str
    direction: str
    source: str
    label_en: str = ""
    source_en: str = ""


@dataclass(frozen=True)
class ParsedIndicators:
    """A validated file: definitions by code and a frame of values with columns
    indicator_code, level, territory_code, year, value."""

    file: str
    definitions: dict[str, IndicatorDef]
    values: pd.DataFrame
    skipped_cells: int = 0


def max_year() -> int:
    return date.today().year + 1


def check_definition(meta: IndicatorDef, ref: Reference, problems: Problems,
                     row: int | None = None) -> None:
    """The rules every indicator definition obeys, whatever file shape it came from."""
    if not SLUG.match(meta.code):
        problems.add(f"« {meta.code} » n'est pas un code valide (lettres minuscules, chiffres, _)",
                     row, "indicator_code")
    if not meta.label:
        problems.add("libellé vide", row, "indicator_label")
    if meta.domain not in ref.domain_slugs:
        problems.add(f"domaine inconnu « {meta.domain} » (attendu : un des 16 domaines, "
                     f"p. ex. emploi, mobilite)", row, "domain")
    if meta.direction not in DIRECTIONS:
        problems.add(f"direction « {meta.direction} » invalide (attendu : "
                     f"{' ou '.join(DIRECTIONS)})", row, "direction")
    if not meta.unit:
        problems.add("unité vide", row, "unit")
    if not meta.source:
        problems.add("source vide", row, "source")


def check_year(year: float, problems: Problems, row: int | None, column: str = "year") -> None:
    if not (1900 <= year <= max_year()) or year != int(year):
        problems.add(f"année {year:g} hors de 1900-{max_year()}", row, column)


def parse_long(path: Path, ref: Reference, territories: TerritoryIndex) -> ParsedIndicators:
    """Validate a long-format indicator file completely; raise ImportRejected on any problem."""
    problems = Problems(path.name)
    table = read_table(path, problems)
    frame = table.frame
    require_columns(frame, LONG_COLUMNS, problems)
    frame = frame.assign(**{c: "" for c in ENGLISH_COLUMNS if c not in frame.columns})
    values = check_numbers(frame, table, "value", problems)
    years = check_numbers(frame, table, "year", problems)
    levels = frame["territory_level"] if "territory_level" in frame.columns else None

    definitions: dict[str, IndicatorDef] = {}
    first_row: dict[str, int] = {}
    resolved: list[tuple[str, str]] = []
    for i, rec in enumerate(frame.itertuples(index=False)):  # every cell is text (read_table)
        row = int(table.row_numbers[i])
        meta = IndicatorDef(code=str(rec.indicator_code), label=str(rec.indicator_label),
                            domain=str(rec.domain), unit=str(rec.unit),
                            direction=str(rec.direction), source=str(rec.source),
                            label_en=str(rec.indicator_label_en),
                            source_en=str(rec.source_en))
        known = definitions.get(meta.code)
        if known is None:
            check_definition(meta, ref, problems, row)
            definitions[meta.code] = meta
            first_row[meta.code] = row
        elif known != meta:
            field = next(f for f, a, b in zip(
                DEFINITION_FIELDS,
                (known.label, known.domain, known.unit, known.source, known.direction,
                 known.label_en, known.source_en),
                (meta.label, meta.domain, meta.unit, meta.source, meta.direction,
                 meta.label_en, meta.source_en),
                strict=True) if a != b)
            problems.add(f"l'indicateur « {meta.code} » a une autre valeur ici qu'à la ligne "
                         f"{first_row[meta.code]}", row, field)
        level = _level(levels.iloc[i] if levels is not None else "", problems, row)
        key = territories.resolve(str(rec.territory_code), level)
        if key is None:
            problems.add(f"territoire inconnu « {rec.territory_code} »", row, "territory_code")
        else:  # an unknown territory refuses the file: past raise_if_any, one key a row
            resolved.append(key)
        if not np.isnan(years.iloc[i]):
            check_year(float(years.iloc[i]), problems, row)
        if meta.unit == "percent" and not np.isnan(values.iloc[i]) \
                and not 0 <= values.iloc[i] <= 100:
            problems.add(f"part de {format_percent(values.iloc[i], 4, trim=True)} hors de 0-100 "
                         "(unité percent)", row, "value")
    problems.raise_if_any()

    out = pd.DataFrame({
        "indicator_code": frame["indicator_code"],
        "level": [k[0] for k in resolved],
        "territory_code": [k[1] for k in resolved],
        "year": years.astype(int),
        "value": values.astype(float),
        "row": table.row_numbers,
    })
    _refuse_conflicting_duplicates(out, problems)
    out = out.drop_duplicates(["indicator_code", "level", "territory_code", "year"])
    return ParsedIndicators(path.name, definitions, out.drop(columns="row"))


def _level(raw: str, problems: Problems, row: int) -> str | None:
    raw = raw.strip().lower()
    if not raw:
        return None
    if raw not in LEVEL_ALIASES:
        problems.add(f"niveau « {raw} » inconnu (region, department ou country)",
                     row, "territory_level")
        return None
    return LEVEL_ALIASES[raw]


def _refuse_conflicting_duplicates(frame: pd.DataFrame, problems: Problems) -> None:
    """The same indicator, territory and year twice is fine only with the same value."""
    keys = ["indicator_code", "level", "territory_code", "year"]
    dup = frame[frame.duplicated(keys, keep=False)]
    for _, group in dup.groupby(keys, sort=False):
        if group["value"].nunique() > 1:
            first = group.iloc[0]
            for _, other in group.iloc[1:].iterrows():
                if other["value"] != first["value"]:
                    problems.add(
                        f"doublon en conflit : {first['indicator_code']} / "
                        f"{first['territory_code']} / {first['year']} vaut "
                        f"{format_number(first['value'], 6, trim=True)} à la ligne "
                        f"{first['row']} et {format_number(other['value'], 6, trim=True)} ici",
                        int(other["row"]), "value")
    problems.raise_if_any()


def parse_wide(path: Path, meta: IndicatorDef, year: int, ref: Reference,
               territories: TerritoryIndex, level: str | None = None) -> ParsedIndicators:
    """Validate an INSEE-style wide export: title lines, then `Code;Libellé;<value>`.

    `level` forces region or department codes; by default a file whose codes are all region
    codes is a regional file, otherwise a departmental one.
    """
    problems = Problems(path.name)
    check_definition(meta, ref, problems)
    check_year(year, problems, None, "--year")
    problems.raise_if_any()
    table = read_wide(path, problems)
    if table is None:
        problems.fail("en-tête « Code;Libellé;… » introuvable (export INSEE / Observatoire des "
                      "territoires attendu)")
    if len(table.header) < 3:
        problems.fail("il faut au moins trois colonnes : Code, Libellé, valeur",
                      row=table.first_line - 1)
    value_column = table.header[2]
    codes = pd.Series([row[0].strip() if row else "" for row in table.rows], dtype=str)
    raw_values = pd.Series([row[2].strip() if len(row) > 2 else "" for row in table.rows],
                           dtype=str)
    # The table ends where lines stop starting with a plausible territory code (notes follow).
    in_table = codes.str.match(r"^(FR|FRANCE|\d{1,3}|2[AB])$", case=False)
    end = int(np.argmin(in_table.to_numpy())) if not in_table.all() else len(codes)
    codes, raw_values = codes.iloc[:end], raw_values.iloc[:end]
    row_numbers = np.arange(end) + table.first_line
    if level is None:
        level = "region" if set(codes.map(lambda c: c.zfill(2))) <= \
            territories.region_codes | {"FR", "FRANCE"} else "department"

    missing = raw_values.str.lower().isin(MISSING_MARKERS)
    numbers = to_numbers(raw_values)
    records = []
    for i in range(end):
        row = int(row_numbers[i])
        code = codes.iloc[i]
        key = territories.resolve(code, None if code.upper() in {"FR", "FRANCE"} else level)
        if key is None:
            problems.add(f"territoire inconnu « {code} » ({level})", row, "Code")
            continue
        if missing.iloc[i]:
            continue
        value = numbers.iloc[i]
        if not np.isfinite(value):
            problems.add(f"« {raw_values.iloc[i]} » n'est pas un nombre fini", row, value_column)
        elif meta.unit == "percent" and not 0 <= value <= 100:
            problems.add(f"part de {format_percent(value, 4, trim=True)} hors de 0-100", row,
                         value_column)
        else:
            records.append((meta.code, key[0], key[1], int(year), float(value)))
    if not records and not problems:
        problems.add("aucune valeur numérique dans le tableau")
    problems.raise_if_any()
    out = pd.DataFrame(records, columns=["indicator_code", "level", "territory_code", "year",
                                         "value"])
    out = out.drop_duplicates()
    if out.duplicated(["level", "territory_code"]).any():
        problems.fail("un même territoire apparaît deux fois avec des valeurs différentes")
    return ParsedIndicators(path.name, {meta.code: meta}, out, int(missing.sum()))

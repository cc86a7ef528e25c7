"""What the initiatives page shows for a choice of filters: the department map (the whole
figure on the first call, a Patch of its values afterwards) and the list, each with its
title, source line and CSV rows."""
from __future__ import annotations

from typing import Any

import pandas as pd
from dash import html

from dashboard.analytics.initiatives import (
    Filters,
    department_counts,
    filter_initiatives,
    initiative_map_values,
    unlocated,
)
from dashboard.analytics.practices import nan_to_none
from dashboard.data_access import departments, initiatives, regions
from dashboard.figures.choropleth import VALUE_TRACE, as_patch, base_map
from dashboard.figures.initiatives import count_update
from dashboard.frames import as_records
from dashboard.geography import geometry_bounds, load_insets
from dashboard.i18n.labels import localised, t, term_label
from dashboard.services import Services
from layouts.components import aria, empty_state
from layouts.pages import initiatives as page
from views.common import documents_cited


def _source_prefix(lang: str) -> str:
    return f"{t('source', lang)}{': ' if lang == 'en' else ' : '}"


def filters_label(svc: Services, filters: Filters, lang: str) -> str:
    """' — Nord-Pas… · Emploi' : what the filters keep, for titles ('' when none)."""
    parts = []
    if filters.domain:
        parts += [term_label(d, lang) for d in svc.reference.domains if d.slug == filters.domain]
    if filters.function:
        parts.append(page.function_label(svc.reference, filters.function, lang))
    if filters.region:
        frame = regions(svc)
        names = dict(zip(frame["code"], frame["name"], strict=True))
        parts.append(str(names.get(filters.region, filters.region)))
    return t("init_filters", lang, filters=" · ".join(parts)) if parts else ""


def map_output(svc: Services, filters: Filters, lang: str, first: bool) -> dict[str, Any]:
    """The map (whole figure on the first call, else a Patch of the value layer), its
    title, source, the count of unlocated initiatives, the CSV (and table) rows."""
    frame = filter_initiatives(initiatives(svc), filters)
    depts = departments(svc)
    counts = department_counts(frame, depts)
    codes = depts["code"].tolist()
    update = count_update(initiative_map_values(counts), codes,
                          {"count": t("init_count", lang), "unit": t("init_unit", lang)}, lang)
    if first:
        figure: Any = base_map(codes, geometry_bounds("department"), load_insets(), lang,
                               level="department")
        figure.data[VALUE_TRACE].update(**update)
    else:
        figure = as_patch(update)
    missing = len(unlocated(frame))
    located = counts[counts["count"] > 0]
    if located.empty:
        note: Any = empty_state(t("init_none_mapped", lang))
    else:
        note = (t("init_unlocated", lang, n=missing) if missing
                else t("init_all_located", lang))
    documents = documents_cited(svc.reference, sorted(initiatives(svc)["source"]), lang)
    columns = [("code", t("code", lang)), ("name", t("init_col_department", lang)),
               ("count", t("init_col_count", lang))]
    rows = nan_to_none(as_records(located[["code", "name", "count"]]))
    return {"figure": figure,
            "title": t("init_map_title", lang, filters=filters_label(svc, filters, lang)),
            "source": _source_prefix(lang) + t("init_source", lang, documents=documents),
            "note": note,
            "store": {"filename": "initiatives_departements.csv", "columns": columns,
                      "rows": rows}}


def _place(row: dict[str, Any], lang: str) -> str:
    if not row["department_code"]:
        return t("init_not_located", lang)
    return f"{row['department_name']} ({row['department_code']}), {row['region_name']}"


def list_rows(svc: Services, frame: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    """The initiatives as the list and its CSV show them (labels in the interface's
    language)."""
    domains = {d.slug: term_label(d, lang) for d in svc.reference.domains}
    rows = []
    for row in as_records(frame):
        rows.append({"name": row["name"],
                     "function": page.function_label(svc.reference, row["function"], lang),
                     "domain": domains.get(row["domain"] or "", t("init_no_domain", lang)),
                     "place": _place(row, lang),
                     "partners": localised(row, "partners", lang) or None,
                     "note": localised(row, "note", lang) or None,
                     "source": documents_cited(svc.reference, [row["source"]], lang)})
    return rows


def _card(row: dict[str, Any], lang: str) -> html.Li:
    # terms and definitions as the list's own children (no wrapper per pair): the list is
    # the largest answer the page sends, and every component costs some 70 bytes of JSON
    details: list[Any] = []
    for key in ("function", "domain", "place", "partners", "note"):
        if row[key]:
            details += [html.Dt(t(f"init_col_{key}", lang)), html.Dd(row[key])]
    details += [html.Dt(t("init_col_source", lang)), html.Dd(row["source"])]
    return html.Li(html.Article([html.H3(row["name"]), html.Dl(details)]),
                   className="initiative" + ("" if row["place"] != t("init_not_located", lang)
                                             else " unlocated"))


def list_output(svc: Services, filters: Filters, lang: str) -> dict[str, Any]:
    """The filtered list (or words when nothing matches), title, source, CSV (and table)
    rows."""
    frame = filter_initiatives(initiatives(svc), filters)
    rows = list_rows(svc, frame, lang)
    columns = [("name", t("init_col_name", lang)), ("function", t("init_col_function", lang)),
               ("domain", t("init_col_domain", lang)), ("place", t("init_col_place", lang)),
               ("partners", t("init_col_partners", lang)), ("note", t("init_col_note", lang)),
               ("source", t("init_col_source", lang))]
    title = t("init_list_title", lang, filters=filters_label(svc, filters, lang), n=len(rows))
    # the list scrolls beside the map: focusable, so that a keyboard can scroll it too
    body: Any = (html.Ul([_card(r, lang) for r in rows], className="initiative-list",
                         tabIndex="0", **aria(label=title))
                 if rows else empty_state(t("init_no_match", lang)))
    documents = documents_cited(svc.reference, sorted(frame["source"]), lang)
    return {"body": body,
            "title": title,
            "source": _source_prefix(lang) + t("init_source", lang, documents=documents),
            "store": {"filename": "initiatives.csv", "columns": columns, "rows": rows}}

"""The domain page's views: plain functions (services, the domain and the page's controls,
the language in; a `View` or the map's outputs out), which the page's callbacks, slides and
a printed report call. The map reuses the map page's machinery (`views.maps.render_map`: a
Patch of values, the ranking, the CSV rows)."""
from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from dash import html

from dashboard import data_access
from dashboard.analytics.domain import indicator_summary
from dashboard.analytics.perception import Wave
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.figures.actors import coconstruction_bars
from dashboard.figures.matrix import indicator_strips, matrix_heatmap
from dashboard.i18n.labels import LABELS, t, term_label
from dashboard.i18n.numbers import format_number
from dashboard.services import Services
from layouts.components import empty_state, graph
from views.common import View, clean, in_language, interval_columns, records, source_line
from views.maps import map_source_line, render_map

STORE_DIGITS = 3  # the CSV's precision: more than any published figure


def cell(value: Any) -> Any:
    """A CSV cell of this page and the actors' (floats rounded to `STORE_DIGITS`)."""
    return clean(value, STORE_DIGITS)


def actor_short(actor: str, lang: str) -> str:
    return t(f"domaine_actor_{actor}", lang)


def column_labels(picked: Mapping[str, Wave], actors: tuple[str, ...],
                  lang: str) -> dict[str, str]:
    """'Citoyens 2019': an actor's column named with the year of the wave it comes from."""
    return {a: t("domaine_column", lang, actor=actor_short(a, lang), year=picked[a].year)
            if a in picked else actor_short(a, lang) for a in actors}


def _domain_name(svc: Services, slug: str, lang: str) -> str:
    return next(term_label(d, lang) for d in svc.reference.domains if d.slug == slug)


def waves_with_n(picked: Mapping[str, Wave], frame: Any, lang: str) -> str:
    """'IMPACT-Citoyens 2019 (n = 2 525), PHARE-Entreprises 2015 (n = 2 024)…': each wave
    with the largest number of respondents behind one of its values in the frame (France's
    when the frame holds several territories)."""
    parts = []
    for actor, wave in picked.items():
        rows = frame[frame["actor"] == actor]
        if "territory_code" in frame.columns:
            rows = rows[rows["territory_code"] == NATIONAL]
        n = rows["n"].max() if len(rows) else None
        parts.append(t("domaine_wave_n", lang, study=wave.study, year=wave.year,
                       n=format_number(None if n is None or n != n else float(n), 0, lang)))
    return ", ".join(parts)


def map_view(svc: Services, slug: str, lens: str, actor: str, wave: str | None,
             lang: str) -> tuple[Any, ...]:
    """The map and ranking of the domain through a lens: Patch, ranking, titles, sources and
    the CSV store (the same rows for both cards)."""
    data, _used = data_access.load_map(svc, slug, lens, actor,
                                       wave if actor == "citoyens" else None)
    codes = data_access.regions(svc)["code"].tolist()
    view = render_map(data, codes, "quantile", lang, f"domaine_{slug}_{lens}.csv")
    name = _domain_name(svc, slug, lang)
    lens_name = t(f"lens_{lens}", lang)
    if lens != "index":
        lens_name += " — " + term_label(next(a for a in svc.reference.actors
                                             if a.slug == actor), lang)
    source = map_source_line(data, lang)
    return (view.patch, view.ranking, t("map_chart_title", lang, lens=lens_name, subject=name),
            t("ranking_title", lang, subject=name), source, source, view.store,
            {**view.store, "filename": f"domaine_{slug}_{lens}_classement.csv"})


def matrix_view(svc: Services, slug: str, wave: str | None, lang: str) -> View:
    """The region × actor heatmap of perceived scores for the domain."""
    matrix, picked = data_access.domain_matrix(svc, slug, wave)
    name = _domain_name(svc, slug, lang)
    title = t("domaine_matrix_title", lang, domain=name)
    actors = svc.reference.actor_slugs
    labels = column_labels(picked, actors, lang)
    filename = f"domaine_{slug}_matrice.csv"
    if matrix.empty or matrix["value"].isna().all():
        return View(empty_state(t("no_data", lang, what=title)), title, "",
                         {"filename": filename, "columns": [], "rows": []})
    figure = matrix_heatmap(matrix, labels, {"value": t("acteurs_score", lang),
                                             "ci": t("ci", lang), "france": t("france", lang),
                                             "unit": t("unit_score_0_10", lang)}, lang)
    columns = [("name", t("region", lang))]
    for actor in actors:
        columns += [(actor, labels[actor]), (f"{actor}_n", f"{t('n', lang)} {labels[actor]}")]
    rows = []
    for code, group in matrix.groupby("territory_code", sort=False):
        rows.append({"name": t("france", lang) if code == NATIONAL else group["name"].iloc[0],
                     **actor_cells(group, actors)})
    demo = any(w.demo for w in picked.values())
    source = source_line(lang, waves_with_n(picked, matrix, lang),
                         t("domaine_matrix_note", lang), demo=demo)
    return View(graph("domain-matrix-graph", figure, title, lang=lang), title, source,
                     {"filename": filename, "columns": columns, "rows": rows})


def actor_cells(group: Any, actors: Any) -> dict[str, Any]:
    """One table row's value and n for each actor (None where the actor has no answer)."""
    cells = group.set_index("actor")
    row: dict[str, Any] = {}
    for actor in actors:
        row[actor] = cell(cells["value"].get(actor))
        n = cell(cells["n"].get(actor))
        row[f"{actor}_n"] = None if n is None else int(n)
    return row


def cocon_row_label(actor: str, year: int, measure: str, lang: str) -> str:
    """'Citoyens 2019<br>veut co-construire<br>sur ce domaine': narrow enough for a phone."""
    question = textwrap.wrap(t(f"domaine_measure_{measure}", lang), 19,
                             break_on_hyphens=False)
    return "<br>".join([f"{actor_short(actor, lang)} {year}", *question])


def cocon_view(svc: Services, slug: str, wave: str | None, region: str | None,
               lang: str) -> View:
    """Which actors want co-construction on the domain (France, and a region if chosen)."""
    frame = data_access.domain_coconstruction(svc, slug, wave, region)
    known = data_access.regions(svc)
    names = {NATIONAL: t("france", lang), **dict(zip(known["code"], known["name"], strict=True))}
    where = (t("domaine_cocon_vs", lang, region=names.get(region, region))
             if region and region != NATIONAL else t("france", lang))
    title = t("domaine_cocon_title", lang, domain=_domain_name(svc, slug, lang), where=where)
    filename = f"domaine_{slug}_coconstruction.csv"
    if frame.empty or frame["value"].isna().all():
        return View(empty_state(t("no_data", lang, what=title)), title, "",
                         {"filename": filename, "columns": [], "rows": []})
    first = frame.drop_duplicates(["actor", "measure"])
    row_labels = [cocon_row_label(r.actor, r.year, r.measure, lang)
                  for r in records(first)]
    figure = coconstruction_bars(frame, row_labels, names,
                                 {"value": t("acteurs_share", lang), "ci": t("ci", lang),
                                  "unit": t("acteurs_share", lang)}, lang)
    columns = [("actor", t("domaine_actor", lang)), ("question", t("domaine_question", lang)),
               ("study", t("domaine_study", lang)), ("year", t("domaine_year", lang)),
               ("territory", t("domaine_territory", lang)),
               ("value", t("acteurs_share", lang)), ("n", t("n", lang)),
               *interval_columns(lang)]
    rows = [{"actor": actor_short(r.actor, lang),
             "question": t(f"domaine_measure_{r.measure}", lang), "study": r.study,
             "year": int(r.year), "territory": names.get(r.territory_code, r.territory_code),
             "value": cell(r.value), "n": None if r.n != r.n else int(r.n),
             "ci_low": cell(r.ci_low), "ci_high": cell(r.ci_high)}
            for r in records(frame)]
    used = first.assign(n=[frame[(frame["actor"] == r.actor) & (frame["study"] == r.study) &
                                 (frame["territory_code"] == NATIONAL)]["n"].max()
                           for r in records(first)])
    text = ", ".join(dict.fromkeys(
        t("domaine_wave_n", lang, study=r.study, year=r.year,
          n=format_number(None if r.n != r.n else float(r.n), 0, lang))
        for r in records(used)))
    demo = any(w.demo for w in data_access.waves(svc)
               if (w.study, w.year) in set(zip(first["study"], first["year"], strict=True)))
    return View(graph("domain-cocon-graph", figure, title, lang=lang), title,
                     source_line(lang, text, t("domaine_cocon_note", lang), demo=demo),
                     {"filename": filename, "columns": columns, "rows": rows})


def unit_name(unit: str, lang: str) -> str:
    key = f"domaine_unit_{unit}"
    return t(key, lang) if key in LABELS else unit


def indicators_view(svc: Services, slug: str, lang: str) -> View:
    """The indicators behind the domain's index: their definitions (visible), a strip of
    regional values per indicator, and the values by region (table, CSV)."""
    values = data_access.domain_indicator_values(svc, slug)
    name = _domain_name(svc, slug, lang)
    title = t("domaine_indicators_title", lang, domain=name)
    filename = f"domaine_{slug}_indicateurs.csv"
    if values.empty:
        return View(empty_state(t("no_data", lang, what=title)), title, "",
                         {"filename": filename, "columns": [], "rows": []})
    summary = in_language(indicator_summary(values), lang, "label", "source")
    units = {r.code: unit_name(r.unit, lang) for r in records(summary)}
    directions = {r.code: t(f"domaine_direction_{r.direction}", lang)
                  for r in records(summary)}
    definitions = html.Ul([html.Li([
        html.Strong(r.label), html.Br(),
        html.Span(" · ".join([units[r.code], directions[r.code], str(r.year),
                              f"{t('france', lang)} {format_number(r.france, 1, lang)}",
                              t("domaine_range", lang, low=format_number(r.min, 1, lang),
                                high=format_number(r.max, 1, lang))])),
        html.Br(), html.Span(r.source, className="source")])
        for r in records(summary)], className="indicator-list")
    strips = values.assign(
        title=values["code"].map({
            r.code: "<br>".join(textwrap.wrap(f"{r.label} ({units[r.code]}, {r.year})", 44))
            for r in records(summary)}),
        direction_label=values["direction"])
    figure = indicator_strips(strips, {"france": t("france", lang),
                                       "more_fragile": t("domaine_more_fragile", lang)},
                              lang)
    columns = [("name", t("region", lang))] + [
        (r.code, f"{r.label} ({units[r.code]}, {r.year})")
        for r in records(summary)]
    rows: dict[str, dict[str, Any]] = {}
    for r in records(values):
        row = rows.setdefault(r.territory_code, {
            "name": t("france", lang) if r.territory_code == NATIONAL else r.name})
        row[r.code] = cell(float(r.value))
    ordered = [v for k, v in rows.items() if k != NATIONAL] + (
        [rows[NATIONAL]] if NATIONAL in rows else [])
    sources = "; ".join(dict.fromkeys(f"{r.source} ({r.year})"
                                      for r in records(summary)))
    body = html.Div([definitions, graph("domain-indicators-graph", figure, title, lang=lang)])
    return View(body, title, source_line(lang, sources, t("domaine_indicators_note", lang)),
                     {"filename": filename, "columns": columns, "rows": ordered})

"""Practices page callbacks: thin wiring from the controls to `dashboard.data_access`, the
analytics of `dashboard.analytics.practices` and the figure builders. The map reuses the
shared map glue (`callbacks.map_view.render_map`: value Patch, ranking, CSV rows).

The `*_output` functions do the work and are what the tests call."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from dash import Dash, Input, Output, State, ctx, no_update

from callbacks.map_view import register_lazy_tables, render_map
from dashboard.analytics.practices import (
    NATIONAL,
    PARTNER_ACTORS,
    RATE,
    categories_frame,
    category_measures,
    nan_to_none,
    observed_range,
    scope_comparison,
)
from dashboard.data_access import (
    practice_evolution,
    practice_map,
    practice_scopes,
    practice_subpopulations,
    practice_table,
    regions,
    waves,
)
from dashboard.figures.practices import (
    category_bars,
    evolution_lines,
    scope_bars,
    subpopulation_bars,
)
from dashboard.figures.style import format_number
from dashboard.services import Services, services
from layouts import ids
from layouts.components import data_table, empty_state, graph
from layouts.context import build_search
from layouts.labels import t, term_label
from layouts.pages import pratiques as page

MAP_CLASSES = "equal"  # equal steps show the spread between the extreme regions


@dataclass(frozen=True)
class ChartOutput:
    """What a chart card receives: the chart (or words), its title, source, table, CSV."""

    body: Any
    title: str
    source: str
    table: Any
    store: dict[str, Any]


def actor_name(actor: str, lang: str) -> str:
    return t(f"pratiques_actor_{actor}", lang)


def population_name(svc: Services, population: str, lang: str) -> str:
    """`entreprises` → 'Entreprises (toutes)'; `entreprises_tpe` → its label."""
    if population in PARTNER_ACTORS:
        return t(f"pratiques_all_{population}", lang)
    return term_label(svc.reference.populations[population], lang)


def region_names(svc: Services, lang: str) -> dict[str, str]:
    """Territory code → name, France included."""
    frame = regions(svc)
    return {NATIONAL: t("france", lang), **dict(zip(frame["code"], frame["name"]))}


def document(source: str) -> str:
    """A source document as the interface names it: '003_ec65….txt' → '003'."""
    head = str(source or "").split("_")[0]
    return head if head.isdigit() else str(source or "–")


def _demo(demo: bool, lang: str) -> str:
    return f" — {t('demo_short', lang).lower()}" if demo else ""


def _sourced(text: str, lang: str) -> str:
    return f"{t('source', lang)}{': ' if lang == 'en' else ' : '}{text}"


def _semicolons(parts: list[str], lang: str) -> str:
    return ("; " if lang == "en" else " ; ").join(parts)


def _percent(value: float | None, lang: str, digits: int = 1) -> str:
    return format_number(value, digits, lang)


def _rows(frame: pd.DataFrame, columns: list[tuple[str, str]]) -> list[dict[str, Any]]:
    keys = [k for k, _ in columns]
    return nan_to_none(frame[keys].to_dict("records")) if len(frame) else []


def _chart(chart: str, figure: Any, title: str, source: str, rows: list[dict[str, Any]],
           columns: list[tuple[str, str]], lang: str, filename: str) -> ChartOutput:
    return ChartOutput(graph(f"{chart}-graph", figure, label=title), title, source,
                       data_table(rows, columns, lang),
                       {"filename": filename, "columns": columns, "rows": rows})


def _empty(what_key: str, title: str, lang: str, filename: str) -> ChartOutput:
    return ChartOutput(empty_state(t("no_data", lang, what=t(what_key, lang))), title, "",
                       None, {"filename": filename, "columns": [], "rows": []})


# --- map and ranking ------------------------------------------------------------------

def map_output(svc: Services, actor: str, lang: str) -> dict[str, Any]:
    """The map Patch, the ranking, titles, source line, summary sentence and CSV rows."""
    data, wave = practice_map(svc, actor)
    codes = regions(svc)["code"].tolist()
    view = render_map(data, codes, MAP_CLASSES, lang, f"partenariats_{actor}_regions.csv")
    name = actor_name(actor, lang)
    s = data.source
    study, year = s.get("study", "–"), s.get("year", "–")
    title = t("pratiques_map_title", lang, actor=name,
              partner=t(f"pratiques_partner_{actor}", lang), study=study, year=year)
    parts = [t("pratiques_source_wave", lang, study=study, year=year,
               n=format_number(s.get("n"), 0, lang))]
    if "published_min" in s:
        parts.append(t("pratiques_source_cited", lang,
                       france=_percent(s.get("published_france"), lang, 0),
                       low=_percent(s["published_min"], lang, 0),
                       high=_percent(s["published_max"], lang, 0)))
    source = _sourced(_semicolons(parts, lang), lang) + _demo(bool(wave and wave.demo), lang)
    extremes = observed_range(data)
    if extremes is None or wave is None:
        summary: Any = empty_state(t("no_data", lang, what=t("pratiques_what_map", lang)))
    else:
        low, high = extremes
        summary = t("pratiques_summary", lang, actor=name, low=_percent(low["value"], lang),
                    low_region=low["name"], high=_percent(high["value"], lang),
                    high_region=high["name"], france=_percent(data.france, lang),
                    study=study, year=year)
        if "published_min" in s and wave.demo:
            summary += " " + t("pratiques_summary_cited", lang,
                               low=_percent(s["published_min"], lang, 0),
                               high=_percent(s["published_max"], lang, 0))
    ranking_store = {**view.store, "filename": f"partenariats_{actor}_classement.csv"}
    return {"patch": view.patch, "ranking": view.ranking, "title": title,
            "ranking_title": t("pratiques_ranking_title", lang, actor=name),
            "source": source, "summary": summary, "store": view.store,
            "ranking_store": ranking_store}


# --- categories -----------------------------------------------------------------------

def categories_output(svc: Services, region: str | None, lang: str) -> ChartOutput:
    """The four categories by actor, France and (if it has answers) the chosen region."""
    tables, waves = {}, {}
    for actor in PARTNER_ACTORS:
        table, wave = practice_table(svc, actor)
        if wave is not None:
            tables[actor], waves[actor] = table, wave
    frame = categories_frame(tables, svc.reference, region)
    territories = region_names(svc, lang)
    shown_region = region if region and (frame["territory_code"] == region).any() else None
    where = (t("pratiques_france_and", lang, region=territories[shown_region])
             if shown_region else t("france", lang))
    title = t("pratiques_categories_title", lang, where=where)
    filename = f"partenariats_categories_{shown_region or 'FR'}.csv"
    if frame.empty:
        return _empty("pratiques_what_categories", title, lang, filename)
    names = {c.slug: term_label(c, lang) for c in svc.reference.categories}
    frame = frame.assign(
        actor_label=frame["actor"].map(lambda a: actor_name(a, lang)),
        territory=frame["territory_code"].map(territories),
        category_label=frame["category"].map(names))
    series = {(a, c): f"{actor_name(a, lang)} — {territories[c]}"
              for a, c in zip(frame["actor"], frame["territory_code"])}
    figure = category_bars(frame, names, series, t("unit_percent", lang), lang)
    national = frame[frame["territory_code"] == NATIONAL]
    parts = [f"{waves[a].study} {waves[a].year} "
             f"({t('pratiques_among_partners', lang, n=format_number(n, 0, lang))})"
             for a, n in national.groupby("actor", sort=False)["n"].first().items()]
    source = _sourced(", ".join(parts), lang) + _demo(any(w.demo for w in waves.values()),
                                                      lang)
    if region and not shown_region:
        source += " " + t("pratiques_no_region_answers", lang,
                          region=territories.get(region, region))
    columns = [("actor_label", t("pratiques_col_actor", lang)),
               ("territory", t("pratiques_col_territory", lang)),
               ("category_label", t("pratiques_col_category", lang)),
               ("value", t("unit_percent", lang)), ("n", t("n", lang)),
               ("ci_low", t("ci", lang) + " −"), ("ci_high", t("ci", lang) + " +"),
               ("published", t("pratiques_col_published", lang))]
    return _chart(page.CATEGORIES, figure, title, source, _rows(frame, columns), columns, lang,
                  filename)


# --- scopes ---------------------------------------------------------------------------

def scopes_output(svc: Services, lang: str) -> ChartOutput:
    """Published scopes of all partnerships beside the actors' survey answers."""
    published = practice_scopes(svc)
    tables, waves = {}, {}
    for actor in PARTNER_ACTORS:
        table, wave = practice_table(svc, actor)
        if wave is not None:
            tables[actor], waves[actor] = table, wave
    frame = scope_comparison(published, tables, svc.reference)
    title = t("pratiques_scopes_title", lang)
    if frame.empty:
        return _empty("pratiques_what_scopes", title, lang, "partenariats_echelles.csv")
    names = {s.slug: term_label(s, lang) for s in svc.reference.scopes}
    series: dict[str, str] = {}
    parts = []
    if len(published):
        first = published.iloc[0]
        series["published"] = t("pratiques_scope_published", lang, study=first["study"],
                                year=first["year"])
        parts.append(t("pratiques_source_published", lang, study=first["study"],
                       year=first["year"], doc=document(first["source"])))
    for actor, wave in waves.items():
        series[actor] = t("pratiques_scope_survey", lang, actor=actor_name(actor, lang))
        n = frame.loc[frame["series"] == actor, "n"]
        parts.append(f"{wave.study} {wave.year} "
                     f"({t('pratiques_among_partners', lang, n=format_number(n.max(), 0, lang))})")
    figure = scope_bars(frame, names, series, t("unit_percent", lang), lang)
    frame = frame.assign(series_label=frame["series"].map(series),
                         kind_label=frame["kind"].map(
                             lambda k: t(f"pratiques_kind_{k}", lang)),
                         scope_label=frame["scope"].map(names))
    columns = [("series_label", t("pratiques_col_series", lang)),
               ("kind_label", t("pratiques_col_kind", lang)),
               ("scope_label", t("pratiques_col_scope", lang)),
               ("value", t("unit_percent", lang)), ("n", t("n", lang)),
               ("ci_low", t("ci", lang) + " −"), ("ci_high", t("ci", lang) + " +")]
    source = _sourced(_semicolons(parts, lang), lang) + _demo(any(w.demo for w in waves.values()),
                                                       lang)
    return _chart(page.SCOPES, figure, title, source, _rows(frame, columns), columns, lang,
                  "partenariats_echelles.csv")


# --- evolution ------------------------------------------------------------------------

def evolution_output(svc: Services, lang: str) -> tuple[ChartOutput, str]:
    """The share with partnerships across waves, and the note citing published notes."""
    frame = practice_evolution(svc)
    title = t("pratiques_evolution_title", lang)
    if frame.empty:
        return _empty("pratiques_what_evolution", title, lang,
                      "partenariats_evolution.csv"), ""
    names = {p: population_name(svc, p, lang) for p in frame["population"].unique()}
    figure = evolution_lines(frame, names, t("unit_percent", lang), lang)
    quotes = [t("pratiques_note_quote", lang, population=names[r["population"]],
                year=r["year"], note=r["note"])
              for r in frame[frame["kind"] == "note"].to_dict("records")]
    note = t("pratiques_evolution_note", lang, notes="; ".join(quotes) or "–")
    surveyed = frame[(frame["kind"] == "survey") & (frame["population"] == frame["actor"])]
    parts = [f"{r['study']} {r['year']} (n = {format_number(r['n'], 0, lang)})"
             for r in surveyed.sort_values("year").to_dict("records")]
    cited = frame[(frame["kind"] != "survey") | frame["published"].notna()]
    if len(cited):
        docs = sorted({document(s) for s in cited["source"] if s})
        parts.append(t("pratiques_source_notes", lang, doc=", ".join(docs)))
    keys = set(zip(surveyed["study"], surveyed["year"]))
    demo = any(w.demo for w in waves(svc) if (w.study, w.year) in keys)
    source = _sourced(_semicolons(parts, lang), lang) + _demo(demo, lang)
    frame = frame.assign(population_label=frame["population"].map(names),
                         kind_label=frame["kind"].map(lambda k: t(f"pratiques_kind_{k}", lang)),
                         study=frame["study"].replace("", "–"))
    columns = [("population_label", t("pratiques_col_population", lang)),
               ("year", t("pratiques_col_year", lang)),
               ("study", t("pratiques_col_study", lang)),
               ("value", t("unit_percent", lang)), ("n", t("n", lang)),
               ("ci_low", t("ci", lang) + " −"), ("ci_high", t("ci", lang) + " +"),
               ("kind_label", t("pratiques_col_kind", lang)),
               ("published", t("pratiques_col_published", lang)),
               ("note", t("pratiques_col_note", lang))]
    return _chart(page.EVOLUTION, figure, title, source, _rows(frame, columns), columns, lang,
                  "partenariats_evolution.csv"), note


# --- sub-populations ------------------------------------------------------------------

def subpopulations_output(svc: Services, actor: str, lang: str) -> ChartOutput:
    """An actor and its sub-populations: partnership rate and the four categories."""
    frame, wave = practice_subpopulations(svc, actor)
    name = actor_name(actor, lang)
    title = t("pratiques_subpops_title", lang, actor=name,
              study=wave.study if wave else "–", year=wave.year if wave else "–")
    filename = f"partenariats_{actor}_sous_populations.csv"
    if frame.empty or wave is None:
        return _empty("pratiques_what_subpops", title, lang, filename)
    measures = {RATE: t("pratiques_rate_short", lang)}
    measures.update({m: term_label(c, lang) for c in svc.reference.categories
                     for slug, m in category_measures(svc.reference).items()
                     if slug == c.slug})
    populations = {p: population_name(svc, p, lang) for p in frame["population"].unique()}
    figure = subpopulation_bars(frame, measures, populations, actor, t("unit_percent", lang),
                                lang)
    sizes = frame[frame["measure"] == RATE]
    parts = ", ".join(f"{populations[p]} n = {format_number(n, 0, lang)}"
                      for p, n in zip(sizes["population"], sizes["n"]))
    source = _sourced(f"{wave.study} {wave.year} ({parts})", lang) + _demo(wave.demo, lang)
    frame = frame.assign(population_label=frame["population"].map(populations),
                         measure_label=frame["measure"].map(measures))
    columns = [("population_label", t("pratiques_col_population", lang)),
               ("measure_label", t("pratiques_col_measure", lang)),
               ("value", t("unit_percent", lang)), ("n", t("n", lang)),
               ("ci_low", t("ci", lang) + " −"), ("ci_high", t("ci", lang) + " +"),
               ("published", t("pratiques_col_published", lang))]
    return _chart(page.SUBPOPS, figure, title, source, _rows(frame, columns), columns, lang,
                  filename)


def _card_outputs(chart: str) -> list[Output]:
    return [Output(page.body_id(chart), "children"), Output(f"{chart}-title", "children"),
            Output(f"{chart}-source", "children"), Output(f"{chart}-table", "children"),
            Output(ids.chart_data(chart), "data")]


def _card_values(out: ChartOutput) -> tuple[Any, ...]:
    return out.body, out.title, out.source, out.table, out.store


def register(app: Dash) -> None:
    @app.callback(
        Output(page.MAP_GRAPH, "figure"), Output(page.RANKING_GRAPH, "figure"),
        Output(f"{page.MAP}-title", "children"), Output(f"{page.RANKING}-title", "children"),
        Output(f"{page.MAP}-source", "children"), Output(f"{page.RANKING}-source", "children"),
        Output(page.SUMMARY, "children"), Output(ids.chart_data(page.MAP), "data"),
        Output(ids.chart_data(page.RANKING), "data"),
        *_card_outputs(page.SUBPOPS),
        Input(page.ACTOR, "value"), State(ids.LANG, "data"))
    def update_actor(actor: str, lang: str) -> tuple[Any, ...]:
        svc = services(app.server)
        out = map_output(svc, actor, lang)
        return (out["patch"], out["ranking"], out["title"], out["ranking_title"],
                out["source"], out["source"], out["summary"], out["store"],
                out["ranking_store"], *_card_values(subpopulations_output(svc, actor, lang)))

    register_lazy_tables(app, (page.MAP, page.RANKING))

    @app.callback(*_card_outputs(page.CATEGORIES), Input(page.REGION, "value"),
                  State(ids.LANG, "data"))
    def update_categories(region: str | None, lang: str) -> tuple[Any, ...]:
        return _card_values(categories_output(services(app.server), region, lang))

    @app.callback(*_card_outputs(page.SCOPES), *_card_outputs(page.EVOLUTION),
                  Output(f"{page.EVOLUTION}-note", "children"), Input(page.INIT, "data"))
    def static_charts(lang: str) -> tuple[Any, ...]:
        svc = services(app.server)
        evolution, note = evolution_output(svc, lang)
        return (*_card_values(scopes_output(svc, lang)), *_card_values(evolution), note)

    @app.callback(Output(page.REGION, "value"),
                  Input(page.MAP_GRAPH, "clickData"), Input(page.RANKING_GRAPH, "clickData"),
                  prevent_initial_call=True)
    def pick_region(map_click: dict | None, bar_click: dict | None) -> Any:
        """Clicking a region (map or ranking) compares it with France in the categories."""
        click = map_click if ctx.triggered_id == page.MAP_GRAPH else bar_click
        point = (click or {}).get("points", [{}])[0]
        return point.get("location") or point.get("customdata") or no_update

    @app.callback(Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.ACTOR, "value"), Input(page.REGION, "value"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def remember_view(actor: str, region: str | None, lang: str) -> str:
        """The actor and the compared region in the URL: a copied link reproduces the view."""
        return build_search({"actor": actor, "region": region}, lang)

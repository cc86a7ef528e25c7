"""The practices page's views: plain functions (services, the page's controls, the language
in; a `View` or the map's outputs out) that the page's callbacks, slides and a printed report
call. The map reuses the shared map glue (`views.maps.render_map`: value Patch,
ranking, CSV rows)."""
from __future__ import annotations

from typing import Any, cast

import pandas as pd

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
from dashboard.i18n.labels import localised, t, term_label
from dashboard.i18n.numbers import format_number
from dashboard.services import Services
from layouts.components import empty_state, graph
from layouts.pages import practices as page
from views.common import (
    View,
    csv_store,
    documents_cited,
    empty_view,
    in_language,
    interval_columns,
    source_line,
)
from views.maps import render_map

MAP_CLASSES = "equal"  # equal steps show the spread between the extreme regions


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
    names = dict(zip(frame["code"], frame["name"], strict=True))
    return {NATIONAL: t("france", lang), **names}


def _percent(value: float | None, lang: str, digits: int = 1) -> str:
    return format_number(value, digits, lang)


def _rows(frame: pd.DataFrame, columns: list[tuple[str, str]]) -> list[dict[str, Any]]:
    keys = [k for k, _ in columns]
    found = cast(list[dict[str, Any]], frame[keys].to_dict("records"))
    return nan_to_none(found) if len(frame) else []


def _chart(chart: str, figure: Any, title: str, source: str, rows: list[dict[str, Any]],
           columns: list[tuple[str, str]], lang: str, filename: str) -> View:
    return View(graph(f"{chart}-graph", figure, label=title, lang=lang), title, source,
                csv_store(filename, columns, rows))


def _empty(what_key: str, title: str, lang: str, filename: str) -> View:
    return empty_view(t("no_data", lang, what=t(what_key, lang)), title, filename)


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
    source = source_line(lang, t("list_separator", lang).join(parts), demo=bool(wave and wave.demo))
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

def categories_output(svc: Services, region: str | None, lang: str) -> View:
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
              for a, c in zip(frame["actor"], frame["territory_code"], strict=True)}
    figure = category_bars(frame, names, series, t("unit_percent", lang), lang)
    national = frame[frame["territory_code"] == NATIONAL]
    parts = [f"{waves[str(a)].study} {waves[str(a)].year} "
             f"({t('pratiques_among_partners', lang, n=format_number(n, 0, lang))})"
             for a, n in national.groupby("actor", sort=False)["n"].first().items()]
    source = source_line(lang, ", ".join(parts), demo=any(w.demo for w in waves.values()))
    if region and not shown_region:
        source += " " + t("pratiques_no_region_answers", lang,
                          region=territories.get(region, region))
    columns = [("actor_label", t("pratiques_col_actor", lang)),
               ("territory", t("pratiques_col_territory", lang)),
               ("category_label", t("pratiques_col_category", lang)),
               ("value", t("unit_percent", lang)), ("n", t("n", lang)),
               *interval_columns(lang),
               ("published", t("pratiques_col_published", lang))]
    return _chart(page.CATEGORIES, figure, title, source, _rows(frame, columns), columns, lang,
                  filename)


# --- scopes ---------------------------------------------------------------------------

def scopes_output(svc: Services, lang: str) -> View:
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
                       year=first["year"],
                       document=documents_cited(svc.reference, [first["source"]], lang)))
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
               *interval_columns(lang)]
    source = source_line(lang, t("list_separator", lang).join(parts),
                         demo=any(w.demo for w in waves.values()))
    return _chart(page.SCOPES, figure, title, source, _rows(frame, columns), columns, lang,
                  "partenariats_echelles.csv")


# --- evolution ------------------------------------------------------------------------

def evolution_output(svc: Services, lang: str) -> tuple[View, str]:
    """The share with partnerships across waves, and the note citing published notes."""
    frame = practice_evolution(svc)
    title = t("pratiques_evolution_title", lang)
    if frame.empty:
        return _empty("pratiques_what_evolution", title, lang,
                      "partenariats_evolution.csv"), ""
    names = {p: population_name(svc, p, lang) for p in frame["population"].unique()}
    figure = evolution_lines(frame, names, t("unit_percent", lang), lang)
    quotes = [t("pratiques_note_quote", lang, population=names[r["population"]],
                year=r["year"], note=localised(r, "note", lang))
              for r in frame[frame["kind"] == "note"].to_dict("records")]
    note = t("pratiques_evolution_note", lang, notes="; ".join(quotes) or "–")
    surveyed = frame[(frame["kind"] == "survey") & (frame["population"] == frame["actor"])]
    parts = [f"{r['study']} {r['year']} (n = {format_number(r['n'], 0, lang)})"
             for r in surveyed.sort_values("year").to_dict("records")]
    cited = frame[(frame["kind"] != "survey") | frame["published"].notna()]
    if len(cited):
        parts.append(t("pratiques_source_notes", lang, documents=documents_cited(
            svc.reference, sorted(cited["source"]), lang)))
    keys = set(zip(surveyed["study"], surveyed["year"], strict=True))
    demo = any(w.demo for w in waves(svc) if (w.study, w.year) in keys)
    source = source_line(lang, t("list_separator", lang).join(parts), demo=demo)
    frame = in_language(frame, lang, "note").assign(
        population_label=frame["population"].map(names),
        kind_label=frame["kind"].map(lambda k: t(f"pratiques_kind_{k}", lang)),
        study=frame["study"].replace("", "–"))
    columns = [("population_label", t("pratiques_col_population", lang)),
               ("year", t("pratiques_col_year", lang)),
               ("study", t("pratiques_col_study", lang)),
               ("value", t("unit_percent", lang)), ("n", t("n", lang)),
               *interval_columns(lang),
               ("kind_label", t("pratiques_col_kind", lang)),
               ("published", t("pratiques_col_published", lang)),
               ("note", t("pratiques_col_note", lang))]
    return _chart(page.EVOLUTION, figure, title, source, _rows(frame, columns), columns, lang,
                  "partenariats_evolution.csv"), note


# --- sub-populations ------------------------------------------------------------------

def subpopulations_output(svc: Services, actor: str, lang: str) -> View:
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
                      for p, n in zip(sizes["population"], sizes["n"], strict=True))
    source = source_line(lang, f"{wave.study} {wave.year} ({parts})", demo=wave.demo)
    frame = frame.assign(population_label=frame["population"].map(populations),
                         measure_label=frame["measure"].map(measures))
    columns = [("population_label", t("pratiques_col_population", lang)),
               ("measure_label", t("pratiques_col_measure", lang)),
               ("value", t("unit_percent", lang)), ("n", t("n", lang)),
               *interval_columns(lang),
               ("published", t("pratiques_col_published", lang))]
    return _chart(page.SUBPOPS, figure, title, source, _rows(frame, columns), columns, lang,
                  filename)

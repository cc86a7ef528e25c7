"""Région page callbacks: one cached profile (`data_access.profile`) → every section.

The section functions below are plain (profile, reference, language in; a `Filled` card out)
so tests call them without a browser; the page callback reads the profile and draws the
sections whole (`layouts.pages.region.render_cards`).
"""
from __future__ import annotations

from typing import Any, Mapping

import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update

from dashboard.analytics.perception import Wave
from dashboard.analytics.profile import (
    INDEX,
    PRACTICE_ACTORS,
    RegionProfile,
    gap_sentence,
    has_values,
    largest_gaps,
    synthesis,
)
from dashboard.data_access import profile as load_profile
from callbacks.map_view import wave_options
from dashboard.data_access import score_waves
from dashboard.figures.profile import actor_bars, dot_profile, gap_scatter
from dashboard.figures.style import format_number
from dashboard.reference import Reference
from dashboard.services import services
from layouts import ids
from layouts.components import data_table, empty_state, graph
from layouts.context import build_search, href
from layouts.labels import LABELS, t, term_label
from layouts.pages import region as page
from layouts.pages.region import Filled

CALLOUTS = 4  # disagreements called out on the perception chart


# --- labels -------------------------------------------------------------------------------

def domain_labels(ref: Reference, lang: str) -> dict[str, str]:
    return {d.slug: term_label(d, lang, short=True) for d in ref.domains}


def axis_labels(ref: Reference, lang: str) -> dict[str, str]:
    return {a.slug: term_label(a, lang) for a in ref.axes}


def actor_labels(ref: Reference, lang: str) -> dict[str, str]:
    return {a.slug: term_label(a, lang) for a in ref.actors}


def category_labels(ref: Reference, lang: str) -> dict[str, str]:
    return {c.slug: term_label(c, lang) for c in ref.categories}


def _source(lang: str, *parts: str, demo: bool = False) -> str:
    colon, separator = (" : ", " ; ") if lang == "fr" else (": ", "; ")
    text = t("source", lang) + colon + separator.join(p for p in parts if p)
    return text + (t("region_demo", lang) if demo else "")


def waves_text(waves: Mapping[str, Wave | None], sizes: Mapping[str, float | None],
               lang: str) -> str:
    """`IMPACT-Citoyens 2019 (n = 190), PHARE-Entreprises 2015 (n = 152)` for the waves with
    regional answers (n: the region's respondents)."""
    return ", ".join(t("region_wave_n", lang, study=w.study, year=w.year,
                       n=format_number(sizes.get(a), 0, lang))
                     for a, w in waves.items() if w is not None and sizes.get(a))


def _sizes(frame: pd.DataFrame) -> dict[str, float | None]:
    """The largest regional n of each series of a profile-shaped frame."""
    counted = frame[frame["n"].notna()]
    return {str(k): float(v) for k, v in counted.groupby("series")["n"].max().items()}


def _clean(value: Any) -> Any:
    """A cell for a table or CSV: NaN → None, numpy numbers → Python numbers."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        value = value.item()
        return None if isinstance(value, float) and value != value else value
    return value


def _rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in r.items()} for r in records]


def _store(filename: str, columns: list[tuple[str, str]],
           rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"filename": filename, "columns": columns, "rows": rows}


def _any_demo(waves: Mapping[str, Wave | None]) -> bool:
    return any(w.demo for w in waves.values() if w is not None)


def _nothing_imported(waves: Mapping[str, Wave | None]) -> bool:
    return all(w is None for w in waves.values())


# --- 1. identity --------------------------------------------------------------------------

def unit_label(unit: str, lang: str) -> str:
    key = f"region_unit_{unit}"
    return t(key, lang) if key in LABELS else unit


def reading(direction: str, value: float, france: float | None, lang: str) -> str:
    """Whether the region is more or less fragile than France on an indicator."""
    if france is None or france != france:
        return "–"
    if value == france:
        return t("region_as_france", lang)
    worse = (value > france) == (direction == "higher_is_worse")
    return t("region_more_fragile" if worse else "region_less_fragile", lang)


def identity_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    card = profile.identity
    facts = [
        (t("region_population", lang, year=card.population_year),
         format_number(float(card.population), 0, lang)),
        (t("region_area", lang), f"{format_number(card.area_km2, 0, lang)} km²"),
        (t("region_density", lang),
         f"{format_number(card.density, 1, lang)} {t('region_density_unit', lang)}"),
        (t("region_departments", lang, n=len(card.departments)), ", ".join(card.departments)),
    ]
    facts_list = html.Dl([part for label, value in facts
                          for part in (html.Dt(label), html.Dd(value))], className="facts")
    indicators = card.indicators
    rows = _rows([{
        "indicator": r["label"], "year": r["year"], "value": r["value"], "france": r["france"],
        "unit": unit_label(r["unit"], lang),
        "reading": reading(r["direction"], r["value"], r["france"], lang)}
        for r in indicators.to_dict("records")])
    columns = [("indicator", t("region_indicator", lang)), ("year", t("region_year", lang)),
               ("value", t("region_value_region", lang)),
               ("france", t("region_value_france", lang)), ("unit", t("region_unit", lang)),
               ("reading", t("region_reading", lang))]
    if rows:
        shown = [{**r, "year": str(r["year"]),
                  "value": format_number(r["value"], _digits(r["value"]), lang),
                  "france": format_number(r["france"], _digits(r["france"]), lang)}
                 for r in rows]
        table: Any = data_table(shown, columns, lang)
    else:
        table = empty_state(t("region_no_indicators", lang))
    body = html.Div([facts_list, html.H3(t("region_key_indicators", lang)),
                     html.Div(table, className="table-scroll")])
    sources = (t("region_indicators_source", lang,
                 sources=", ".join(dict.fromkeys(indicators["source"])))
               if len(indicators) else "")
    return Filled(body, _source(lang, t("region_geo_source", lang, year=card.population_year),
                                sources),
                  store=_store(f"region_{card.code}_identite.csv", columns, rows))


def _digits(value: float | None) -> int:
    return 0 if value is not None and abs(value) >= 1000 else 1


# --- 2. the 16 fragilities ------------------------------------------------------------------

def _profile_table(frame: pd.DataFrame, series: list[str], labels: Mapping[str, str],
                   item_labels: Mapping[str, str], item_header: str,
                   group_labels: Mapping[str, str] | None, lang: str,
                   ) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """A profile-shaped frame as one row per item: value, France and n of each series."""
    records = []
    for item, rows in frame.groupby("item", sort=False):
        first = rows.iloc[0]
        record: dict[str, Any] = {"item": item_labels.get(str(item), str(item))}
        if group_labels:
            record["group"] = group_labels.get(first["group"], first["group"])
        by_series = rows.set_index("series")
        for name in series:
            if name in by_series.index:
                record[name] = by_series.at[name, "value"]
                record[f"{name}_france"] = by_series.at[name, "france"]
                record[f"{name}_n"] = by_series.at[name, "n"]
        record["_position"] = first["position"]
        records.append(record)
    records.sort(key=lambda r: r.pop("_position"))
    rows_out = _rows(records)
    for row in rows_out:
        for name in series:
            if row.get(f"{name}_n") is not None:
                row[f"{name}_n"] = int(row[f"{name}_n"])
    columns = [("item", item_header)]
    if group_labels:
        columns.append(("group", t("region_axis", lang)))
    for name in series:
        label = labels.get(name, name)
        columns += [(name, label), (f"{name}_france", t("region_france_col", lang, what=label)),
                    (f"{name}_n", t("region_n_col", lang, what=label))]
    return rows_out, columns


def fragility_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    frame = profile.fragility
    if not has_values(frame):
        message = (t("no_data", lang, what=profile.identity.name)
                   if _nothing_imported(profile.score_waves) and profile.index_year is None
                   else t("region_no_profile", lang))
        return Filled(empty_state(message))
    series = [INDEX, *ref.actor_slugs]
    labels = {INDEX: t("region_index", lang), **actor_labels(ref, lang)}
    figure = dot_profile(frame, series, domain_labels(ref, lang), labels,
                         t("region_france_hollow", lang), t("region_score_axis", lang),
                         (0, 10), axis_labels(ref, lang), lang)
    rows, columns = _profile_table(frame, series, labels, domain_labels(ref, lang),
                                   t("region_domain", lang), axis_labels(ref, lang), lang)
    columns = [(k, "n indicateurs" if k == f"{INDEX}_n" and lang == "fr" else
                ("n indicators" if k == f"{INDEX}_n" else v)) for k, v in columns]
    body: list[Any] = [graph(f"{page.FRAGILITY}-graph", figure,
                             t(page.TITLES[page.FRAGILITY], lang, name=profile.identity.name)),
                       html.P(t("region_fragility_note", lang), className="note")]
    if not profile.surveyed:
        body.insert(0, html.P(t("region_index_only_note", lang, n=profile.n_index_domains),
                              className="note"))
    source = _source(lang, t("region_source_index", lang, year=profile.index_year or "–"),
                     waves_text(profile.score_waves, _sizes(frame), lang),
                     demo=_any_demo(profile.score_waves) and profile.surveyed)
    return Filled(html.Div(body), source, data_table(rows, columns, lang),
                  _store(f"region_{profile.identity.code}_fragilites.csv", columns, rows))


# --- 3. perception against statistics -------------------------------------------------------

def gaps_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    gaps = profile.gaps
    if gaps.empty:
        key = "region_no_survey" if not profile.surveyed else "region_no_gaps"
        return Filled(empty_state(t(key, lang)))
    callouts = largest_gaps(gaps, limit=CALLOUTS)
    figure = gap_scatter(gaps, callouts, domain_labels(ref, lang), actor_labels(ref, lang),
                         {"index": t("region_gap_index", lang),
                          "score": t("region_gap_score", lang), "gap": t("region_gap", lang),
                          "above": t("region_gap_above", lang),
                          "below": t("region_gap_below", lang)}, lang)
    sentences = [gap_sentence(ref, row, lang) for row in callouts.to_dict("records")]
    body = html.Div([
        graph(f"{page.GAPS}-graph", figure, t(page.TITLES[page.GAPS], lang,
                                              name=profile.identity.name)),
        html.P(t("region_gap_note", lang), className="note"),
        html.H3(t("region_gap_callouts", lang)),
        html.Ol([html.Li(s) for s in sentences], className="callouts"),
    ])
    domains, actors = domain_labels(ref, lang), actor_labels(ref, lang)
    rows = _rows([{"domain": domains[r["domain"]], "actor": actors[r["actor"]],
                   "index": r["index"], "score": r["score"], "gap": r["gap"]}
                  for r in gaps.to_dict("records")])
    columns = [("domain", t("region_domain", lang)), ("actor", t("region_actor", lang)),
               ("index", t("region_index_short", lang)), ("score", t("region_gap_score", lang)),
               ("gap", t("region_gap", lang))]
    source = _source(lang, t("region_source_index", lang, year=profile.index_year or "–"),
                     waves_text(profile.score_waves, _sizes(profile.fragility), lang),
                     demo=_any_demo(profile.score_waves))
    return Filled(body, source, data_table(rows, columns, lang),
                  _store(f"region_{profile.identity.code}_perception_statistiques.csv",
                         columns, rows))


# --- 4. co-construction ---------------------------------------------------------------------

def coconstruction_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    frame = profile.coconstruction
    if not has_values(frame):
        key = "no_data" if _nothing_imported(profile.coconstruction_waves) else \
            "region_no_survey"
        return Filled(empty_state(t(key, lang, what=profile.identity.name)))
    series = list(ref.actor_slugs)
    labels = actor_labels(ref, lang)
    figure = dot_profile(frame, series, domain_labels(ref, lang), labels,
                         t("region_france_hollow", lang), t("region_share_axis", lang),
                         (0, 100), axis_labels(ref, lang), lang, digits=0, suffix=" %")
    rows, columns = _profile_table(frame, series, labels, domain_labels(ref, lang),
                                   t("region_domain", lang), axis_labels(ref, lang), lang)
    source = _source(lang, ref.measures["share_coconstruction_domain"].label_en
                     if lang == "en" else ref.measures["share_coconstruction_domain"].label_fr,
                     waves_text(profile.coconstruction_waves, _sizes(frame), lang),
                     demo=_any_demo(profile.coconstruction_waves))
    return Filled(graph(f"{page.COCON}-graph", figure,
                        t(page.TITLES[page.COCON], lang, name=profile.identity.name)),
                  source, data_table(rows, columns, lang),
                  _store(f"region_{profile.identity.code}_coconstruction.csv", columns, rows))


def _figures_section(figures: pd.DataFrame, profile: RegionProfile, ref: Reference,
                     lang: str, axis_key: str, card: str, filename: str,
                     empty_key: str) -> Filled:
    """A share per actor, region against France (alliances, partnerships)."""
    if figures.empty or figures["value"].isna().all():
        key = "no_data" if figures.empty else empty_key
        return Filled(empty_state(t(key, lang, what=profile.identity.name)))
    labels = actor_labels(ref, lang)
    figure = actor_bars(figures, labels, t("france", lang), t(axis_key, lang), lang)
    shown = figures[figures["value"].notna()]
    rows = _rows([{"actor": labels[r["actor"]], "study": f"{r['study']} {r['year']}",
                   "value": r["value"], "france": r["france"], "n": r["n"],
                   "n_france": r["n_france"], "ci_low": r["ci_low"], "ci_high": r["ci_high"]}
                  for r in shown.to_dict("records")])
    for row in rows:
        for key in ("n", "n_france"):
            row[key] = None if row[key] is None else int(row[key])
    columns = [("actor", t("region_actor", lang)), ("study", t("region_study", lang)),
               ("value", t("region_value_region", lang)),
               ("france", t("region_value_france", lang)), ("n", t("n", lang)),
               ("n_france", t("region_n_france", lang)), ("ci_low", t("ci", lang) + " −"),
               ("ci_high", t("ci", lang) + " +")]
    waves = {r["actor"]: Wave(r["study"], int(r["year"]), r["actor"], frozenset(),
                              bool(r["demo"])) for r in shown.to_dict("records")}
    sizes = {r["actor"]: r["n"] for r in shown.to_dict("records")}
    source = _source(lang, waves_text(waves, sizes, lang), demo=_any_demo(waves))
    return Filled(graph(f"{card}-graph", figure,
                        t(page.TITLES[card], lang, name=profile.identity.name)),
                  source, data_table(rows, columns, lang),
                  _store(f"region_{profile.identity.code}_{filename}.csv", columns, rows))


def alliances_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    return _figures_section(profile.alliances, profile, ref, lang, "region_alliances_axis",
                            page.ALLIANCES, "alliances_innovation", "region_no_survey")


# --- 5. partnership practices -----------------------------------------------------------------

def partnerships_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    return _figures_section(profile.partnerships, profile, ref, lang,
                            "region_partnerships_axis", page.PARTNERSHIPS, "partenariats",
                            "region_no_practices")


def modes_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    frame = profile.modes
    if not has_values(frame):
        key = "no_data" if frame.empty else "region_no_practices"
        return Filled(empty_state(t(key, lang, what=profile.identity.name)))
    series = list(PRACTICE_ACTORS)
    labels = actor_labels(ref, lang)
    categories = category_labels(ref, lang)
    figure = dot_profile(frame, series, categories, labels, t("region_france_hollow", lang),
                         t("region_modes_axis", lang), (0, 100), None, lang, digits=0,
                         suffix=" %")
    rows, columns = _profile_table(frame, series, labels, categories,
                                   t("region_category", lang), None, lang)
    source = _source(lang, waves_text(profile.practice_waves, _sizes(frame), lang),
                     demo=_any_demo(profile.practice_waves))
    return Filled(html.Div([graph(f"{page.MODES}-graph", figure,
                                  t(page.TITLES[page.MODES], lang,
                                    name=profile.identity.name)),
                            html.P(t("region_modes_note", lang), className="note")]),
                  source, data_table(rows, columns, lang),
                  _store(f"region_{profile.identity.code}_categories.csv", columns, rows))


# --- 6-8. synthesis, initiatives, similar regions --------------------------------------------

def synthesis_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    sentences = synthesis(profile, ref, lang)
    return Filled(html.Ul([html.Li(s) for s in sentences], className="synthesis"),
                  _source(lang, t("region_synthesis_source", lang)))


def _function_label(ref: Reference, slug: str, lang: str) -> str:
    for term in (*ref.functions, *ref.categories):
        if term.slug == slug:
            return term_label(term, lang)
    return slug


def initiatives_section(profile: RegionProfile, ref: Reference, lang: str) -> Filled:
    frame = profile.initiatives
    columns = [("name", t("region_initiative_name", lang)),
               ("department", t("region_initiative_department", lang)),
               ("function", t("region_initiative_function", lang)),
               ("domain", t("region_domain", lang)),
               ("partners", t("region_initiative_partners", lang)),
               ("note", t("region_initiative_note", lang))]
    store = f"region_{profile.identity.code}_initiatives.csv"
    if frame.empty:
        return Filled(empty_state(t("region_no_initiatives", lang)),
                      store=_store(store, columns, []))
    domains = {d.slug: term_label(d, lang) for d in ref.domains}
    rows = _rows([{"name": r["name"],
                   "department": f"{r['department']} ({r['department_code']})",
                   "function": _function_label(ref, r["function"], lang),
                   "domain": domains.get(r["domain"] or "", "–"),
                   "partners": r["partners"] or "–", "note": r["note"] or "–"}
                  for r in frame.to_dict("records")])
    files = ", ".join(dict.fromkeys(frame["source"]))
    return Filled(html.Div(data_table(rows, columns, lang), className="table-scroll"),
                  _source(lang, t("region_initiatives_source", lang, files=files)),
                  store=_store(store, columns, rows))


def similar_section(profile: RegionProfile, ref: Reference, lang: str,
                    wave: str | None = None) -> Filled:
    """Links to the nearest regions' pages (keeping the language and the chosen wave)."""
    similar = profile.similar
    if similar.empty:
        return Filled(empty_state(t("region_no_similar", lang, n=profile.n_index_domains)))
    links = html.Ol([
        html.Li([dcc.Link(r["name"], href=href(f"/region/{r['code']}", lang, wave=wave)),
                 html.Span(" — " + t("region_distance", lang,
                                     d=format_number(float(r["distance"]), 1, lang)),
                           className="muted")])
        for r in similar.to_dict("records")], className="similar-regions")
    return Filled(html.Div([html.P(t("region_similar_intro", lang)), links]),
                  _source(lang, t("region_similar_source", lang, year=profile.index_year)))


SECTIONS = {page.IDENTITY: identity_section, page.FRAGILITY: fragility_section,
            page.GAPS: gaps_section, page.COCON: coconstruction_section,
            page.ALLIANCES: alliances_section, page.PARTNERSHIPS: partnerships_section,
            page.MODES: modes_section, page.SYNTHESIS: synthesis_section,
            page.INITIATIVES: initiatives_section}


def fill_cards(profile: RegionProfile, ref: Reference, lang: str,
               wave: str | None = None) -> dict[str, Filled]:
    """Every card of the page, by card id."""
    cards = {card: build(profile, ref, lang) for card, build in SECTIONS.items()}
    cards[page.SIMILAR] = similar_section(profile, ref, lang, wave)
    return cards


def region_note(profile: RegionProfile, lang: str) -> Any:
    """Said above the sections of a region no survey covered."""
    return None if profile.surveyed else html.P(t("region_overseas_note", lang)
                                                if profile.identity.overseas else
                                                t("region_no_survey", lang),
                                                className="empty-state", role="note")


def page_outputs(profile: RegionProfile | None, ref: Reference, lang: str, code: str,
                 wave: str | None = None) -> tuple[Any, bool, list[Any]]:
    """What the page callback returns: the note above the sections, whether the wave
    control is hidden (no survey here), and the sections."""
    if profile is None:
        return None, True, [empty_state(t("region_unknown", lang, code=code))]
    cards = fill_cards(profile, ref, lang, wave)
    return (region_note(profile, lang), not profile.surveyed,
            page.render_cards(lang, profile.identity.name, cards))


def register(app: Dash) -> None:
    @app.callback(Output(page.WAVE, "options"), Output(page.WAVE, "value"),
                  Input(page.CODE, "data"), State(page.WAVE, "value"))
    def region_waves(_code: str, current: str | None) -> tuple[list[dict[str, str]], Any]:
        return wave_options(score_waves(services(app.server), "citoyens"), current)

    @app.callback(Output(page.NOTE, "children"), Output(page.CONTROLS, "hidden"),
                  Output(page.CARDS, "children"),
                  Input(page.WAVE, "value"), State(page.CODE, "data"),
                  State(ids.LANG, "data"), State(page.WAVE, "options"))
    def update_region(wave: str | None, code: str, lang: str,
                      options: list[dict[str, str]] | None) -> tuple[Any, bool, list[Any]]:
        svc = services(app.server)
        default = (options or [{}])[0].get("value")
        link_wave = wave if wave and wave != default else None
        return page_outputs(load_profile(svc, code, wave), svc.reference, lang, code,
                            link_wave)

    @app.callback(Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.WAVE, "value"), State(page.WAVE, "options"),
                  State(ids.LANG, "data"), State(ids.URL, "search"),
                  prevent_initial_call=True)
    def remember_wave(wave: str | None, options: list[dict[str, str]] | None, lang: str,
                      current: str | None) -> Any:
        """The chosen wave in the URL (the newest, the default, left implicit)."""
        default = (options or [{}])[0].get("value")
        search = build_search({"wave": wave if wave != default else None}, lang)
        return no_update if search == (current or "") else search

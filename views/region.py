"""The region profile's sections: plain functions (profile, reference, language in; a
`View` out) that the page's lazy sections, the debate slides and a printed report all call.
Each section stands alone, so the page builds one when it scrolls into view."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

import pandas as pd
from dash import dcc, html

from dashboard.analytics.maps import INDICATOR_PREFIX
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
from dashboard.figures.profile import actor_bars, dot_profile, gap_scatter
from dashboard.i18n.labels import LABELS, localised, t, term_label
from dashboard.i18n.numbers import format_number, percent_suffix
from dashboard.paths import action_path, region_path
from dashboard.reference import Reference
from layouts.components import data_table, empty_state, graph, view_card
from layouts.context import href
from layouts.pages import region as page
from views.common import (
    Columns,
    Rows,
    View,
    actor_labels,
    any_demo,
    axis_labels,
    category_labels,
    clean,
    clean_rows,
    count,
    csv_store,
    documents_cited,
    domain_labels,
    interval_columns,
    source_line,
)

CALLOUTS = 4  # disagreements called out on the perception chart


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


def identity_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
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
    rows = clean_rows([{
        "indicator": localised(r, "label", lang), "year": r["year"], "value": r["value"],
        "france": r["france"], "unit": unit_label(r["unit"], lang),
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
                 sources=", ".join(dict.fromkeys(localised(r, "source", lang) for r in
                                                 indicators.to_dict("records"))))
               if len(indicators) else "")
    return View(body, source=source_line(
        lang, t("region_geo_source", lang, year=card.population_year), sources),
        store=csv_store(f"region_{card.code}_identite.csv", columns, rows))


def _digits(value: float | None) -> int:
    return 0 if value is not None and abs(value) >= 1000 else 1


# --- 2. the 16 fragilities ------------------------------------------------------------------

def _profile_table(frame: pd.DataFrame, series: list[str], labels: Mapping[str, str],
                   item_labels: Mapping[str, str], item_header: str,
                   group_labels: Mapping[str, str] | None, lang: str) -> tuple[Rows, Columns]:
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
                record[name] = clean(by_series.at[name, "value"])
                record[f"{name}_france"] = clean(by_series.at[name, "france"])
                record[f"{name}_n"] = count(by_series.at[name, "n"])
        record["_position"] = first["position"]
        records.append(record)
    records.sort(key=lambda r: r.pop("_position"))
    columns = [("item", item_header)]
    if group_labels:
        columns.append(("group", t("region_axis", lang)))
    for name in series:
        label = labels.get(name, name)
        columns += [(name, label), (f"{name}_france", t("region_france_col", lang, what=label)),
                    (f"{name}_n", t("region_n_col", lang, what=label))]
    return records, columns


def _chart(card: str, profile: RegionProfile, lang: str, figure: Any, source: str,
           rows: Rows, columns: Columns, filename: str, *notes: Any) -> View:
    """A chart section: the chart (named for screen readers by the card's title), the notes
    under it, its source line and CSV rows."""
    title = t(page.TITLES[card], lang, name=profile.identity.name)
    chart = graph(f"{card}-graph", figure, title, lang=lang)
    return View(html.Div([chart, *notes]) if notes else chart, title, source,
                csv_store(f"region_{profile.identity.code}_{filename}.csv", columns, rows))


def fragility_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    frame = profile.fragility
    if not has_values(frame):
        message = (t("no_data", lang, what=profile.identity.name)
                   if _nothing_imported(profile.score_waves) and profile.index_year is None
                   else t("region_no_profile", lang))
        return View(empty_state(message))
    series = [INDEX, *ref.actor_slugs]
    labels = {INDEX: t("region_index", lang), **actor_labels(ref, lang)}
    figure = dot_profile(frame, series, domain_labels(ref, lang), labels,
                         t("region_france_hollow", lang), t("region_score_axis", lang),
                         (0, 10), axis_labels(ref, lang), lang)
    rows, columns = _profile_table(frame, series, labels, domain_labels(ref, lang),
                                   t("region_domain", lang), axis_labels(ref, lang), lang)
    n_indicators = "n indicateurs" if lang == "fr" else "n indicators"
    columns = [(k, n_indicators if k == f"{INDEX}_n" else v) for k, v in columns]
    source = source_line(lang, t("region_source_index", lang, year=profile.index_year or "–"),
                         waves_text(profile.score_waves, _sizes(frame), lang),
                         demo=any_demo(profile.score_waves) and profile.surveyed)
    view = _chart(page.FRAGILITY, profile, lang, figure, source, rows, columns, "fragilites",
                  html.P(t("region_fragility_note", lang), className="note"))
    if profile.surveyed:
        return view
    only = html.P(t("region_index_only_note", lang, n=profile.n_index_domains),
                  className="note")  # the index alone: said above the chart
    return View(html.Div([only, *view.body.children]), view.title, view.source, view.store)


# --- 3. perception against statistics -------------------------------------------------------

def gaps_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    gaps = profile.gaps
    if gaps.empty:
        key = "region_no_survey" if not profile.surveyed else "region_no_gaps"
        return View(empty_state(t(key, lang)))
    callouts = largest_gaps(gaps, limit=CALLOUTS)
    domains, actors = domain_labels(ref, lang), actor_labels(ref, lang)
    figure = gap_scatter(gaps, callouts, domains, actors,
                         {"index": t("region_gap_index", lang),
                          "score": t("region_gap_score", lang), "gap": t("region_gap", lang),
                          "above": t("region_gap_above", lang),
                          "below": t("region_gap_below", lang)}, lang)
    sentences = [gap_sentence(ref, cast(dict[str, Any], row), lang)
                 for row in callouts.to_dict("records")]
    rows = clean_rows([{"domain": domains[r["domain"]], "actor": actors[r["actor"]],
                        "index": r["index"], "score": r["score"], "gap": r["gap"]}
                       for r in gaps.to_dict("records")])
    columns = [("domain", t("region_domain", lang)), ("actor", t("region_actor", lang)),
               ("index", t("region_index_short", lang)), ("score", t("region_gap_score", lang)),
               ("gap", t("region_gap", lang))]
    source = source_line(lang, t("region_source_index", lang, year=profile.index_year or "–"),
                         waves_text(profile.score_waves, _sizes(profile.fragility), lang),
                         demo=any_demo(profile.score_waves))
    return _chart(page.GAPS, profile, lang, figure, source, rows, columns,
                  "perception_statistiques",
                  html.P(t("region_gap_note", lang), className="note"),
                  html.H3(t("region_gap_callouts", lang)),
                  html.Ol([html.Li(s) for s in sentences], className="callouts"))


# --- 4. co-construction ---------------------------------------------------------------------

def coconstruction_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    frame = profile.coconstruction
    if not has_values(frame):
        key = ("no_data" if _nothing_imported(profile.coconstruction_waves) else
               "region_no_survey")
        return View(empty_state(t(key, lang, what=profile.identity.name)))
    series = list(ref.actor_slugs)
    labels = actor_labels(ref, lang)
    figure = dot_profile(frame, series, domain_labels(ref, lang), labels,
                         t("region_france_hollow", lang), t("region_share_axis", lang),
                         (0, 100), axis_labels(ref, lang), lang, digits=0,
                         suffix=percent_suffix(lang))
    rows, columns = _profile_table(frame, series, labels, domain_labels(ref, lang),
                                   t("region_domain", lang), axis_labels(ref, lang), lang)
    measure = ref.measures["share_coconstruction_domain"]
    source = source_line(lang, measure.label_en if lang == "en" else measure.label_fr,
                         waves_text(profile.coconstruction_waves, _sizes(frame), lang),
                         demo=any_demo(profile.coconstruction_waves))
    return _chart(page.COCON, profile, lang, figure, source, rows, columns, "coconstruction")


def _figures_section(figures: pd.DataFrame, profile: RegionProfile, ref: Reference,
                     lang: str, axis_key: str, card: str, filename: str,
                     empty_key: str, *notes: Any) -> View:
    """A share per actor, region against France (alliances, partnerships)."""
    if figures.empty or figures["value"].isna().all():
        key = "no_data" if figures.empty else empty_key
        return View(empty_state(t(key, lang, what=profile.identity.name)))
    labels = actor_labels(ref, lang)
    figure = actor_bars(figures, labels, t("france", lang), t(axis_key, lang), lang)
    shown = figures[figures["value"].notna()].to_dict("records")
    rows = [{"actor": labels[r["actor"]], "study": f"{r['study']} {r['year']}",
             "value": clean(r["value"]), "france": clean(r["france"]), "n": count(r["n"]),
             "n_france": count(r["n_france"]), "ci_low": clean(r["ci_low"]),
             "ci_high": clean(r["ci_high"])} for r in shown]
    columns = [("actor", t("region_actor", lang)), ("study", t("region_study", lang)),
               ("value", t("region_value_region", lang)),
               ("france", t("region_value_france", lang)), ("n", t("n", lang)),
               ("n_france", t("region_n_france", lang)), *interval_columns(lang)]
    waves = {r["actor"]: Wave(r["study"], int(r["year"]), r["actor"], frozenset(),
                              bool(r["demo"])) for r in shown}
    sizes = {r["actor"]: r["n"] for r in shown}
    source = source_line(lang, waves_text(waves, sizes, lang), demo=any_demo(waves))
    return _chart(card, profile, lang, figure, source, rows, columns, filename, *notes)


def alliances_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    """The share for whom alliances are a source of innovation, per actor; where mayors
    answered, a link to their results by commune size (the action page)."""
    alliances = profile.alliances
    mayors = alliances[(alliances["actor"] == "maires") & alliances["value"].notna()]
    target = href(action_path(profile.identity.code), lang) + "#action-bands-card"
    notes = [html.P(html.A(t("region_mayors_bands", lang), href=target),  # a page load
                    className="note")] if len(mayors) else []  # scrolls to the anchor
    return _figures_section(alliances, profile, ref, lang, "region_alliances_axis",
                            page.ALLIANCES, "alliances_innovation", "region_no_survey", *notes)


# --- 5. partnership practices -----------------------------------------------------------------

def partnerships_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    return _figures_section(profile.partnerships, profile, ref, lang,
                            "region_partnerships_axis", page.PARTNERSHIPS, "partenariats",
                            "region_no_practices")


def modes_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    frame = profile.modes
    if not has_values(frame):
        key = "no_data" if frame.empty else "region_no_practices"
        return View(empty_state(t(key, lang, what=profile.identity.name)))
    series = list(PRACTICE_ACTORS)
    labels = actor_labels(ref, lang)
    categories = category_labels(ref, lang)
    figure = dot_profile(frame, series, categories, labels, t("region_france_hollow", lang),
                         t("region_modes_axis", lang), (0, 100), None, lang, digits=0,
                         suffix=percent_suffix(lang))
    rows, columns = _profile_table(frame, series, labels, categories,
                                   t("region_category", lang), None, lang)
    source = source_line(lang, waves_text(profile.practice_waves, _sizes(frame), lang),
                         demo=any_demo(profile.practice_waves))
    return _chart(page.MODES, profile, lang, figure, source, rows, columns, "categories",
                  html.P(t("region_modes_note", lang), className="note"))


# --- its departments -------------------------------------------------------------------------

def departments_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    """The region's departments on every indicator that has department values: a table
    (one row per department, then the region and France), a link to each indicator's
    department map, and the CSV."""
    frame = profile.departments
    code = profile.identity.code
    filename = f"region_{code}_departements.csv"
    known = frame[frame["value"].notna()]
    if known.empty:
        return View(empty_state(t("region_no_departments", lang)),
                    store=csv_store(filename, [], []))
    indicators = frame.drop_duplicates("indicator")
    columns = [("department", t("department", lang))] + [
        (r["indicator"],
         f"{localised(r, 'label', lang)} ({r['year']}, {unit_label(r['unit'], lang)})")
        for r in indicators.to_dict("records")]
    rows = [{"department": f"{name} ({dep})",
             **{str(r["indicator"]): clean(r["value"]) for r in members.to_dict("records")}}
            for (dep, name), members in frame.groupby(["code", "name"], sort=True)]
    for label, column in ((profile.identity.name, "region"), (t("france", lang), "france")):
        rows.append({"department": label, **{str(r["indicator"]): clean(r[column])
                                             for r in indicators.to_dict("records")}})
    shown = [{k: v if k == "department" else format_number(v, _digits(v), lang)
              for k, v in row.items()} for row in rows]
    links = html.Ul([html.Li(dcc.Link(
        t("region_departments_map", lang, label=localised(r, "label", lang)),
        href=href("/", lang, indicator=f"{INDICATOR_PREFIX}{r['indicator']}",
                  level="department"))) for r in indicators.to_dict("records")],
        className="department-maps")
    sources = [t("region_departments_source", lang, source=localised(r, "source", lang),
                 year=r["year"],
                 n=int(known["indicator"].eq(r["indicator"]).sum()))
               for r in indicators.to_dict("records")]
    return View(html.Div([html.P(t("region_departments_intro", lang), className="note"),
                          html.Div(data_table(shown, columns, lang), className="table-scroll"),
                          links]),
                source=source_line(lang, *sources, demo=bool(frame["demo"].any())),
                store=csv_store(filename, columns, rows))


# --- 6-8. synthesis, initiatives, similar regions --------------------------------------------

def synthesis_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    sentences = synthesis(profile, ref, lang)
    return View(html.Ul([html.Li(s) for s in sentences], className="synthesis"),
                source=source_line(lang, t("region_synthesis_source", lang)))


def _function_label(ref: Reference, slug: str, lang: str) -> str:
    for term in (*ref.functions, *ref.categories):
        if term.slug == slug:
            return term_label(term, lang)
    return slug


def initiatives_section(profile: RegionProfile, ref: Reference, lang: str) -> View:
    frame = profile.initiatives
    columns = [("name", t("region_initiative_name", lang)),
               ("department", t("region_initiative_department", lang)),
               ("function", t("region_initiative_function", lang)),
               ("domain", t("region_domain", lang)),
               ("partners", t("region_initiative_partners", lang)),
               ("note", t("region_initiative_note", lang))]
    filename = f"region_{profile.identity.code}_initiatives.csv"
    if frame.empty:
        return View(empty_state(t("region_no_initiatives", lang)),
                    store=csv_store(filename, columns, []))
    domains = domain_labels(ref, lang, short=False)
    rows = clean_rows([{"name": r["name"],
                        "department": f"{r['department']} ({r['department_code']})",
                        "function": _function_label(ref, r["function"], lang),
                        "domain": domains.get(r["domain"] or "", "–"),
                        "partners": localised(r, "partners", lang) or "–",
                        "note": localised(r, "note", lang) or "–"}
                       for r in frame.to_dict("records")])
    documents = documents_cited(ref, frame["source"], lang)
    return View(html.Div(data_table(rows, columns, lang), className="table-scroll"),
                source=source_line(lang, t("region_initiatives_source", lang,
                                           documents=documents)),
                store=csv_store(filename, columns, rows))


def similar_section(profile: RegionProfile, ref: Reference, lang: str,
                    wave: str | None = None) -> View:
    """Links to the nearest regions' pages (keeping the language and the chosen wave)."""
    similar = profile.similar
    if similar.empty:
        return View(empty_state(t("region_no_similar", lang, n=profile.n_index_domains)))
    links = html.Ol([
        html.Li([dcc.Link(r["name"], href=href(region_path(r["code"]), lang, wave=wave)),
                 html.Span(" — " + t("region_distance", lang,
                                     d=format_number(float(r["distance"]), 1, lang)),
                           className="muted")])
        for r in similar.to_dict("records")], className="similar-regions")
    return View(html.Div([html.P(t("region_similar_intro", lang)), links]),
                source=source_line(lang, t("region_similar_source", lang,
                                           year=profile.index_year)))


Section = Callable[[RegionProfile, Reference, str], View]
SECTIONS: dict[str, Section] = {
    page.IDENTITY: identity_section, page.FRAGILITY: fragility_section,
    page.GAPS: gaps_section, page.COCON: coconstruction_section,
    page.ALLIANCES: alliances_section, page.PARTNERSHIPS: partnerships_section,
    page.MODES: modes_section, page.SYNTHESIS: synthesis_section,
    page.DEPARTMENTS: departments_section, page.INITIATIVES: initiatives_section}


def section(card: str, profile: RegionProfile, ref: Reference, lang: str,
            wave: str | None = None) -> View:
    """One section by card id; `wave` is the chosen citizens' wave when it is not the
    default, kept by the similar regions' links."""
    if card == page.SIMILAR:
        return similar_section(profile, ref, lang, wave)
    return SECTIONS[card](profile, ref, lang)


def card(card: str, profile: RegionProfile, ref: Reference, lang: str,
         wave: str | None = None) -> html.Section:
    """One section as the page draws it (`view_card`: a chart card without data is a card of
    words)."""
    view = section(card, profile, ref, lang, wave)
    return view_card(card, lang, page.title(card, lang, profile.identity.name), view.body,
                     view.source, view.store, chart=card in page.CHART_CARDS)


def all_sections(profile: RegionProfile, ref: Reference, lang: str,
                 wave: str | None = None) -> dict[str, View]:
    """Every section of the profile in page order (a printed report shows them all)."""
    return {card: section(card, profile, ref, lang, wave) for card in page.ORDER}


def region_note(profile: RegionProfile, lang: str) -> Any:
    """Said above the sections of a region no survey covered (None where one did)."""
    if profile.surveyed:
        return None
    return html.P(t("region_overseas_note" if profile.identity.overseas else
                    "region_no_survey", lang), className="empty-state", role="note")

"""The action page's sections: plain functions (an action plan, the reference, the language
in; a `View` out) that the page's lazy sections and a printed report both call.

Every figure keeps its source line (study, year, n) and its CSV rows; what the surveys do not
cover (overseas regions, a band of too few mayors) is said in words, never left blank.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard.analytics.action import ActionPlan, item_rows, roles_for
from dashboard.analytics.estimates import FRAGILE, FRAGILE_N, HIDDEN, HIDDEN_N, OK
from dashboard.analytics.perception import Wave
from dashboard.analytics.profile import RegionProfile
from dashboard.commune_bands import BANDS
from dashboard.frames import as_records
from dashboard.i18n.labels import localised, t, term_label
from dashboard.i18n.numbers import format_number
from dashboard.reference import Reference
from layouts.components import aria, data_table, empty_state, view_card
from layouts.context import href
from layouts.pages import action as page
from views.common import (
    Columns,
    Rows,
    View,
    actor_labels,
    any_demo,
    category_labels,
    clean,
    clean_rows,
    count,
    csv_store,
    documents_cited,
    domain_labels,
    source_line,
)
from views.region import waves_text

MAYORS = "maires"


def _n(value: Any, lang: str) -> str:
    n = count(value)
    return format_number(float(n), 0, lang) if n is not None else "–"


def _score(value: Any, lang: str) -> str:
    return format_number(clean(value), 1, lang)


def _share(value: Any, lang: str) -> str:
    return format_number(clean(value), 0, lang)


def _ordinal(n: int, lang: str) -> str:
    """1er, 2e… / rank 1, rank 2…"""
    return t("action_ordinal_one" if n == 1 else "action_ordinal", lang, n=n)


def _scrolling(table: html.Table, label: str) -> html.Div:
    """A table that scrolls sideways on a phone, reachable and named for the keyboard."""
    return html.Div(table, className="table-scroll", tabIndex="0", role="region",
                    **aria(label=label))


def _filename(plan: ActionPlan, what: str) -> str:
    return f"region_{plan.profile.identity.code}_action_{what}.csv"


def _scope_note(profile: RegionProfile, lang: str) -> html.P | None:
    """Said at the top of a section where no survey asked anyone in the region."""
    if profile.surveyed:
        return None
    key = "action_overseas" if profile.identity.overseas else "action_rule_index_only"
    return html.P(t(key, lang), className="note", role="note")


def _index_source(profile: RegionProfile, lang: str) -> str:
    return t("region_source_index", lang, year=profile.index_year or "–")


def _largest_n(frame: pd.DataFrame, column: str = "series") -> dict[str, float | None]:
    counted = frame[frame["n"].notna()]
    return {str(k): float(v) for k, v in counted.groupby(column)["n"].max().items()}


def _merged_waves(lang: str, *sets: tuple[Mapping[str, Wave | None],
                                          Mapping[str, float | None]]) -> str:
    """The waves behind a section, each actor's wave once with its largest n (the same wave
    asks several questions, each answered by slightly different numbers)."""
    waves: dict[str, Wave | None] = {}
    sizes: dict[str, float | None] = {}
    for chosen, counted in sets:
        for actor, wave in chosen.items():
            n = counted.get(actor)
            if wave is not None and n:
                key = f"{actor}:{wave.key}"
                waves[key] = wave
                sizes[key] = max(sizes.get(key) or 0.0, n)
    return waves_text(waves, sizes, lang)


def _score_waves(plan: ActionPlan, lang: str) -> str:
    return waves_text(plan.profile.score_waves, _largest_n(plan.perceived, "actor"), lang)


# --- the three priorities --------------------------------------------------------------------

def priorities_section(plan: ActionPlan, ref: Reference, lang: str) -> View:
    profile = plan.profile
    priorities = plan.priorities
    title = t("action_priorities_title", lang)
    columns: Columns = [("order", t("action_col_order", lang)),
                        ("domain", t("action_col_domain", lang)),
                        ("index", t("action_col_index", lang)),
                        ("france", t("action_col_index_france", lang)),
                        ("index_rank", t("action_col_index_rank", lang)),
                        ("perceived_rank", t("action_col_perceived_rank", lang)),
                        ("actors", t("action_col_actors", lang)),
                        ("agreement", t("action_col_agreement", lang))]
    note = _scope_note(profile, lang)
    if priorities.empty:
        return View(html.Div([note, empty_state(t("action_no_priorities", lang))]), title,
                    source_line(lang, _index_source(profile, lang)),
                    csv_store(_filename(plan, "priorites"), columns, []))
    domains = domain_labels(ref, lang, short=False)
    rows = clean_rows([{**{k: r[k] for k, _ in columns}, "domain": domains[r["domain"]]}
                       for r in priorities.to_dict("records")])
    shown = [{**r, "index": _score(r["index"], lang), "france": _score(r["france"], lang),
              "perceived_rank": format_number(r["perceived_rank"], 1, lang)} for r in rows]
    rule = t("action_rule" if profile.surveyed else "action_rule_index_only", lang)
    body = html.Div([note, html.Ol([html.Li(html.A(d, href=f"#{c}-card"))
                                    for d, c in zip([r["domain"] for r in rows],
                                                    page.PRIORITY_CARDS, strict=False)],
                                   className="action-priorities"),
                     _scrolling(data_table(shown, columns, lang), title),
                     html.P(rule, className="note")])
    source = source_line(lang, _index_source(profile, lang), _score_waves(plan, lang),
                         demo=any_demo(profile.score_waves) and profile.surveyed)
    return View(body, title, source, csv_store(_filename(plan, "priorites"), columns, rows))


# --- one priority ----------------------------------------------------------------------------

def _figure_lines(plan: ActionPlan, priority: dict[str, Any], ref: Reference,
                  lang: str) -> tuple[list[Any], Rows]:
    """The index and each actor's score behind a priority: lines, and their CSV rows."""
    domain = priority["domain"]
    actors = actor_labels(ref, lang)
    lines: list[Any] = [html.Li(t("action_index_line", lang, value=_score(priority["index"], lang),
                                  france=_score(priority["france"], lang),
                                  rank=_ordinal(int(priority["index_rank"]), lang)))]
    rows: Rows = [{"what": t("region_index", lang), "actor": "", "value": priority["index"],
                   "france": priority["france"], "n": None}]
    for r in plan.perceived[plan.perceived["domain"] == domain].to_dict("records"):
        lines.append(html.Li(t("action_score_line", lang, actor=actors[r["actor"]],
                               value=_score(r["value"], lang), france=_score(r["france"], lang),
                               rank=_ordinal(int(r["rank"]), lang), n=_n(r["n"], lang))))
        rows.append({"what": ref.measures["mean_score"].label_en if lang == "en" else
                     ref.measures["mean_score"].label_fr, "actor": actors[r["actor"]],
                     "value": r["value"], "france": r["france"], "n": count(r["n"])})
    return lines, rows


def _wishes(plan: ActionPlan, domain: str, ref: Reference, lang: str) -> tuple[Any, Rows]:
    """Who wants to co-construct on the domain, most first, with their shares."""
    wishes = item_rows(plan.profile.coconstruction, domain)
    if wishes.empty:
        return empty_state(t("action_no_wishes", lang)), []
    wishes = wishes.sort_values(["value", "series"], ascending=[False, True], kind="stable")
    actors = actor_labels(ref, lang)
    measure = ref.measures["share_coconstruction_domain"]
    label = measure.label_en if lang == "en" else measure.label_fr
    items = [html.Li(t("action_wish_line", lang, actor=actors[r["series"]],
                       value=_share(r["value"], lang), france=_share(r["france"], lang),
                       n=_n(r["n"], lang))) for r in wishes.to_dict("records")]
    rows = [{"what": label, "actor": actors[r["series"]], "value": clean(r["value"]),
             "france": clean(r["france"]), "n": count(r["n"])}
            for r in wishes.to_dict("records")]
    return html.Ul(items, className="action-list"), rows


def _roles(plan: ActionPlan, domain: str, ref: Reference, lang: str) -> tuple[list[Any], Rows]:
    """What mayors see as each actor's role on the domain, and the mayors' own figure."""
    actors = actor_labels(ref, lang)
    roles = roles_for(ref, domain)
    items = [html.Li([html.Strong(actors.get(r.actor, r.actor) + " : " if lang == "fr"
                                  else actors.get(r.actor, r.actor) + ": "),
                      r.text_en if lang == "en" else r.text_fr]) for r in roles]
    parts: list[Any] = [html.Ul(items, className="action-list")]
    if all("*" in r.domains for r in roles):
        parts.append(html.P(t("action_roles_note", lang), className="note"))
    merits = plan.merits[plan.merits["item"] == domain]
    rows: Rows = []
    if len(merits) and pd.notna(merits["france"].iloc[0]):
        r = merits.iloc[0]
        if pd.notna(r["value"]):
            parts.append(html.P(t("action_merits_line", lang, value=_share(r["value"], lang),
                                  france=_share(r["france"], lang), n=_n(r["n"], lang))))
        else:
            parts.append(html.P(t("action_merits_france", lang, france=_share(r["france"], lang),
                                  n=_n(r["n_france"], lang))))
        measure = ref.measures["share_domain_merits_partnerships"]
        rows.append({"what": measure.label_en if lang == "en" else measure.label_fr,
                     "actor": actors[MAYORS], "value": clean(r["value"]),
                     "france": clean(r["france"]), "n": count(r["n"]),
                     "n_france": count(r["n_france"])})
    return parts, rows


def _place(example: dict[str, Any], lang: str) -> str:
    if not example["department_code"]:
        return t("action_example_unlocated", lang)
    where = f"{example['department_name']} ({example['department_code']})"
    return f"{where}, {example['region_name']}" if example["region_name"] else where


def _function_label(ref: Reference, slug: str, lang: str) -> str:
    term = next((x for x in (*ref.functions, *ref.categories) if x.slug == slug), None)
    return term_label(term, lang) if term is not None else slug


def _examples(plan: ActionPlan, domain: str, ref: Reference, lang: str) -> list[Any]:
    """The examples in the domain (the region's own first) and the categories they
    illustrate."""
    code = plan.profile.identity.code
    examples = plan.examples.get(domain)
    more = html.P(dcc.Link(t("action_see_initiatives", lang),
                           href=href("/initiatives", lang, region=code)))
    if examples is None or examples.empty:
        return [html.P(t("action_no_examples", lang)), more]
    records = as_records(examples.astype(object).where(examples.notna(), None))
    items = [html.Li([html.Strong(r["name"]), f" — {_place(r, lang)} ",
                      html.Span(t("action_example_own" if r["own"] else
                                  "action_example_elsewhere", lang), className="tag"),
                      f" — {_function_label(ref, r['function'], lang)}",
                      f" ({localised(r, 'note', lang)})" if r["note"] else ""])
             for r in records]
    categories = category_labels(ref, lang)
    by_category: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        if r["category"]:
            by_category.setdefault(r["category"], []).append(r)
    if by_category:
        illustrated: Any = html.Ul([html.Li([
            html.Strong(categories[c]), " — ", ", ".join(r["name"] for r in found), ". ",
            html.Span(" ".join(dict.fromkeys(r["why_en" if lang == "en" else "why_fr"]
                                             for r in found)), className="muted")])
            for c, found in by_category.items()], className="action-list")
    else:
        illustrated = html.P(t("action_no_category", lang))
    return [html.Ul(items, className="action-list"), more,
            html.H3(t("action_categories", lang)), illustrated]


def priority_section(plan: ActionPlan, ref: Reference, lang: str, number: int) -> View:
    """Priority `number` (1-3): its figures, who wants to co-construct on it, each actor's
    role as mayors see it, examples and the categories they illustrate."""
    profile = plan.profile
    found = plan.priorities[plan.priorities["order"] == number]
    columns: Columns = [("what", t("action_col_what", lang)),
                        ("actor", t("action_col_actor", lang)),
                        ("value", t("action_col_region", lang)),
                        ("france", t("action_col_france", lang)),
                        ("n", t("action_col_n", lang)),
                        ("n_france", t("action_col_n_france", lang))]
    filename = _filename(plan, f"priorite_{number}")
    if found.empty:
        key = "action_no_priorities" if plan.priorities.empty else "action_no_priority"
        return View(empty_state(t(key, lang, n=number)),
                    t("action_priority_title", lang, n=number),
                    source_line(lang, _index_source(profile, lang)),
                    csv_store(filename, columns, []))
    priority = as_records(found)[0]
    domain = priority["domain"]
    name = domain_labels(ref, lang, short=False)[domain]
    figure_lines, rows = _figure_lines(plan, priority, ref, lang)
    wishes, wish_rows = _wishes(plan, domain, ref, lang)
    roles, role_rows = _roles(plan, domain, ref, lang)
    body = html.Div([
        _scope_note(profile, lang),
        html.H3(t("action_figures", lang)), html.Ul(figure_lines, className="action-list"),
        html.H3(t("action_wishes", lang)), wishes,
        html.H3(t("action_roles", lang)), *roles,
        html.H3(t("action_examples", lang)), *_examples(plan, domain, ref, lang)])
    merit_waves = {MAYORS: plan.mayors_wave} if role_rows else {}
    merit_n = (role_rows[0]["n"] or role_rows[0]["n_france"]) if role_rows else None
    files = [str(f) for f in plan.examples[domain]["source"].dropna()]
    source = source_line(
        lang, _index_source(profile, lang),
        _merged_waves(lang, (profile.score_waves, _largest_n(plan.perceived, "actor")),
                      (profile.coconstruction_waves,
                       _largest_n(item_rows(profile.coconstruction, domain))),
                      (merit_waves, {MAYORS: merit_n})),
        t("region_initiatives_source", lang, documents=documents_cited(ref, files, lang))
        if files else "",
        demo=(any_demo(profile.score_waves) or any_demo(profile.coconstruction_waves)
              or any_demo(merit_waves)))
    return View(body, t("action_priority_named", lang, n=number, domain=name), source,
                csv_store(filename, columns, clean_rows(rows + wish_rows + role_rows)))


# --- how to start ------------------------------------------------------------------------------

def start_section(plan: ActionPlan, ref: Reference, lang: str) -> View:
    """The steps and functions of a territorial co-construction approach, for a mayor, each
    with the document it comes from (data/reference/action_steps.csv)."""
    english = lang == "en"
    steps = [s for s in ref.action_steps if s.kind == "step"]
    functions = [s for s in ref.action_steps if s.kind == "function"]

    def source_of(step: Any) -> html.Span:
        return html.Span(t("action_step_source", lang,
                           source=step.source_en if english else step.source_fr),
                         className="muted step-source")

    body = html.Div([
        html.H3(t("action_steps", lang)),
        html.Ol([html.Li([html.Strong(s.title_en if english else s.title_fr), html.Br(),
                          s.text_en if english else s.text_fr, html.Br(), source_of(s)])
                 for s in steps], className="action-steps"),
        html.H3(t("action_functions", lang)),
        html.P(t("action_functions_note", lang), className="note"),
        html.Dl([part for s in functions for part in (
            html.Dt(s.title_en if english else s.title_fr),
            html.Dd([s.text_en if english else s.text_fr, html.Br(), source_of(s)]))],
            className="facts action-functions")])
    sources = dict.fromkeys(s.source_en if english else s.source_fr for s in ref.action_steps)
    return View(body, t("action_start_title", lang),
                source_line(lang, t("action_start_source", lang), *sources))


# --- the mayors ---------------------------------------------------------------------------------

def _measure_label(ref: Reference, measure: str, lang: str) -> str:
    definition = ref.measures[measure]
    return definition.label_en if lang == "en" else definition.label_fr


def _mayors_source(wave: Wave, n_france: Any, n_region: Any, lang: str, *more: str) -> str:
    region = f" ; {t('region', lang).lower()} : n = {_n(n_region, lang)}" if count(n_region) \
        else ""
    return source_line(lang, t("region_wave_n", lang, study=wave.study, year=wave.year,
                               n=_n(n_france, lang)) + region, *more, demo=wave.demo)


def mayors_section(plan: ActionPlan, ref: Reference, lang: str) -> View:
    """The mayors' figures for the region beside France: alliances as a source of
    innovation, co-construction anchored or just emerging."""
    title = t("action_mayors_title", lang)
    wave = plan.mayors_wave
    columns: Columns = [("measure", t("action_col_what", lang)),
                        ("value", t("action_col_region", lang)),
                        ("ci_low", t("ci", lang) + " −"), ("ci_high", t("ci", lang) + " +"),
                        ("n", t("action_col_n", lang)), ("france", t("action_col_france", lang)),
                        ("n_france", t("action_col_n_france", lang))]
    if wave is None or plan.mayors.empty:
        return View(empty_state(t("action_no_mayors", lang)), title,
                    store=csv_store(_filename(plan, "maires"), columns, []))
    rows = clean_rows([{"measure": _measure_label(ref, r["measure"], lang),
                        **{k: r[k] for k, _ in columns[1:]}}
                       for r in plan.mayors.to_dict("records")])
    for r in rows:
        r["n"], r["n_france"] = count(r["n"]), count(r["n_france"])
    shown = [{**r, **{k: _share(r[k], lang) for k in ("value", "ci_low", "ci_high", "france")}}
             for r in rows]
    body = html.Div([_scope_note(plan.profile, lang),
                     _scrolling(data_table(shown, columns, lang), title),
                     html.P(t("action_mayors_note", lang), className="note")])
    source = _mayors_source(wave, plan.mayors["n_france"].max(), plan.mayors["n"].max(), lang)
    return View(body, title, source, csv_store(_filename(plan, "maires"), columns, rows))


def _band_cell(value: Any, reliability: str, lang: str) -> str:
    if reliability == HIDDEN:
        return "–"
    text = _share(value, lang)
    return f"{text} *" if reliability == FRAGILE else text


def _reliability(reliability: str, lang: str) -> str:
    """The note on a band's figure: none when its sample is large enough."""
    if reliability == OK:
        return ""
    return t(f"action_reliability_{reliability}", lang, fragile=FRAGILE_N, hidden=HIDDEN_N)


def bands_section(plan: ActionPlan, ref: Reference, lang: str) -> View:
    """The mayors' figures in the three commune-size bands, France and the region, with n per
    band: fragile under 30 respondents, not shown under 10."""
    title = t("action_bands_title", lang)
    code = plan.profile.identity.code
    columns: Columns = [("measure", t("action_col_what", lang)),
                        ("band", t("action_col_band", lang)),
                        ("france", t("action_col_france", lang)),
                        ("n_france", t("action_col_n_france", lang)),
                        ("france_reliability", t("action_col_reliability", lang)),
                        ("value", t("action_col_region", lang)),
                        ("n", t("action_col_n", lang)),
                        ("reliability", t("action_col_reliability", lang))]
    filename = _filename(plan, "maires_taille_commune")
    wave = plan.mayors_wave
    if wave is None or plan.bands.empty:
        return View(empty_state(t("action_no_bands", lang)), title,
                    store=csv_store(filename, columns, []))
    bands = {b.slug: b.label_en if lang == "en" else b.label_fr for b in BANDS}
    rows: Rows = []
    tables: list[Any] = []
    shown_columns = [columns[1], columns[2], columns[3], columns[5], columns[6]]
    for measure, by_measure in plan.bands.groupby("measure", sort=False):
        label = _measure_label(ref, str(measure), lang)
        shown: Rows = []
        for band, cells in by_measure.groupby("band", sort=False):
            by = {r["territory"]: r for r in as_records(cells)}
            france, region = by["FR"], by[code]
            row = {"measure": label, "band": bands[str(band)],
                   "france": clean(france["value"]), "n_france": count(france["n"]),
                   "france_reliability": _reliability(france["reliability"], lang),
                   "value": clean(region["value"]), "n": count(region["n"]),
                   "reliability": _reliability(region["reliability"], lang)}
            rows.append(row)
            shown.append({**row,
                          "france": _band_cell(row["france"], france["reliability"], lang),
                          "value": _band_cell(row["value"], region["reliability"], lang)})
        tables += [html.H3(label),
                   _scrolling(data_table(shown, shown_columns, lang), label)]
    parts: list[Any] = [_scope_note(plan.profile, lang),
                        html.P(t("action_bands_intro", lang, fragile=FRAGILE_N,
                                 hidden=HIDDEN_N)), *tables]
    if wave.demo:
        parts.append(html.P([t("action_bands_demo", lang), " ",
                             dcc.Link(t("nav_methodologie", lang),
                                      href=href("/methodologie", lang))], className="note"))
    national = plan.mayors["n_france"].max() if len(plan.mayors) else None
    regional = plan.mayors["n"].max() if len(plan.mayors) else None
    source = _mayors_source(wave, national, regional, lang, t("action_bands_source", lang))
    return View(html.Div(parts), title, source, csv_store(filename, columns, rows))


# --- the page ----------------------------------------------------------------------------------

Section = Callable[[ActionPlan, Reference, str], View]
SECTIONS: dict[str, Section] = {page.PRIORITIES: priorities_section, page.START: start_section,
                                page.MAYORS: mayors_section, page.BANDS: bands_section}


def section(card: str, plan: ActionPlan, ref: Reference, lang: str) -> View:
    """One section by card id."""
    if card in page.PRIORITY_CARDS:
        return priority_section(plan, ref, lang, page.priority_number(card))
    return SECTIONS[card](plan, ref, lang)


def card(card: str, plan: ActionPlan, ref: Reference, lang: str) -> html.Section:
    """One section as the page draws it: a card of words and tables, with its CSV when it
    has rows."""
    view = section(card, plan, ref, lang)
    return view_card(card, lang, view.title or page.title(card, lang), view.body, view.source,
                     view.store, chart=False)


def all_sections(plan: ActionPlan, ref: Reference, lang: str) -> dict[str, View]:
    """Every section in page order (a printed report shows them all)."""
    return {c: section(c, plan, ref, lang) for c in page.ORDER}


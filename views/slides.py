"""Debate slides: one `View` per slide (body, title, source line, CSV rows, and for live
slides the `figure` to redraw and the speaker `notes`), for a region, in a language.

Chart slides are the dashboard's own sections, drawn larger for a projector: the region
page's builders (`views.region`), the practices page's (`views.practices`), the region map
(`figures.choropleth`). A question slide says how to join; a results slide puts the room's
answers (`analytics.debate.Comparison`) beside the survey's for the same region, with n and
the source of both sides. The presentation, presenter and printed views all call `slide`.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

import plotly.graph_objects as go
from dash import dcc, html

from dashboard import data_access
from dashboard.analytics import debate
from dashboard.analytics.debate import ROOM, Comparison, Room
from dashboard.figures.choropleth import VALUE_TRACE, base_map, highlight_update
from dashboard.figures.debate import (
    TOP,
    comparison_figure,
    projector_config,
    projector_style,
    shown_items,
)
from dashboard.figures.style import ROOM_COLOUR
from dashboard.geography import geometry_bounds, load_insets
from dashboard.i18n.labels import t
from dashboard.i18n.numbers import format_number
from dashboard.services import Services
from layouts.components import data_table, empty_state, graph
from layouts.pages import region as region_page
from views import region as region_views
from views.actors import territory_name
from views.common import (
    Columns,
    Rows,
    View,
    actor_labels,
    clean,
    count,
    csv_store,
    domain_labels,
    source_line,
)
from views.practices import categories_output

TITLE, MAP, FRAGILITIES, PERCEPTION = "title", "map", "fragilities", "perception"
COCONSTRUCTION, PRACTICES, QUESTION, RESULTS = ("coconstruction", "practices", "question",
                                                "results")
KINDS = (TITLE, MAP, FRAGILITIES, PERCEPTION, COCONSTRUCTION, PRACTICES, QUESTION, RESULTS)
PER_QUESTION = (QUESTION, RESULTS)
# the region page's sections a slide shows, by slide kind
REGION_SECTIONS = {FRAGILITIES: region_page.FRAGILITY, PERCEPTION: region_page.GAPS,
                   COCONSTRUCTION: region_page.COCON}
RESULTS_GRAPH = "debate-results-graph"


@dataclass(frozen=True)
class SlideSpec:
    """One slide of a deck: its kind, its question (question and results slides) and the
    speaker notes in both languages."""

    kind: str
    question: str | None = None
    notes_fr: str = ""
    notes_en: str = ""

    def notes(self, lang: str) -> str:
        return self.notes_en if lang == "en" else self.notes_fr


@dataclass(frozen=True)
class Join:
    """How the audience joins: the join URL, the short code and the QR code's URL."""

    url: str
    code: str
    qr_svg_url: str


def default_notes(kind: str, question: str | None, lang: str) -> str:
    """The speaker notes a slide gets unless the deck says otherwise."""
    key = ("debate_notes_results_word" if kind == RESULTS and question == debate.WORD
           else f"debate_notes_{kind}")
    return t(key, lang)


def default_deck(questions: Iterable[str]) -> list[SlideSpec]:
    """The evening's usual deck: title, the region on the map, its 16 fragilities,
    perception against statistics, co-construction, partnership practices, then a question
    slide and a results slide for each question, in the order asked."""
    def spec(kind: str, question: str | None = None) -> SlideSpec:
        return SlideSpec(kind, question, default_notes(kind, question, "fr"),
                         default_notes(kind, question, "en"))

    asked = [q for q in questions if q in debate.QUESTIONS]
    return [spec(kind) for kind in (TITLE, MAP, FRAGILITIES, PERCEPTION, COCONSTRUCTION,
                                    PRACTICES)] + [
        spec(kind, question) for question in asked for kind in PER_QUESTION]


# --- pieces -------------------------------------------------------------------------------

def join_area(url: str, code: str, lang: str, qr_svg_url: str) -> html.Div:
    """How to join, readable from the back of the room: the URL, the code in very large
    type, and the QR code (an image the server draws: no internet needed)."""
    return html.Div([
        html.P(t("debate_join_intro", lang), className="join-intro"),
        html.P([t("debate_join_url", lang), " ", html.Strong(url, className="join-url")]),
        html.P([html.Span(t("debate_join_code", lang), className="join-code-label"),
                html.Span(code, className="join-code")]),
        html.Figure([html.Img(src=qr_svg_url, alt=t("debate_qr_alt", lang, url=url),
                              className="join-qr", width="320", height="320"),
                     html.Figcaption(t("debate_join_qr", lang))]),
    ], className="join-area")


def _projected(tree: Any) -> Any:
    """A section's tree with its charts restyled for the projector (large type, no
    toolbar), in place: the tree is this slide's own, built for this call."""
    if isinstance(tree, dcc.Graph):
        chart = cast(Any, tree)  # Dash declares a component's props untyped
        if getattr(chart, "figure", None):
            chart.figure = projector_style(go.Figure(chart.figure))
        chart.config = projector_config()
        return tree
    children = getattr(tree, "children", None)
    if isinstance(children, list):
        tree.children = [_projected(child) for child in children]
    elif children is not None and not isinstance(children, str):
        tree.children = _projected(children)
    return tree


def question_text(question: str, region_name: str, lang: str) -> str:
    return t(f"debate_question_{question}", lang, region=region_name)


def series_labels(comparison: Comparison, svc: Services, lang: str,
                  with_n: bool = True) -> dict[str, str]:
    """Each series' name, with its n for charts: 'Salle (n = 37)', 'Citoyens, Bretagne
    (n = 128)', 'Citoyens, France (n = 2 557)'; without it for table headers (the n has its
    own column there)."""
    actors = {slug: label.split(" / ")[0] for slug, label in actor_labels(svc.reference,
                                                                          lang).items()}
    out = {}
    for series in comparison.series():
        if series.side == ROOM:
            name = t("debate_room", lang)
        else:
            name = f"{actors.get(series.side, series.side)}, " + territory_name(
                svc, series.territory, lang)
        n = format_number(series.n, 0, lang) if series.n is not None else "–"
        out[series.key] = t("debate_series_n", lang, name=name, n=n) if with_n else name
    return out


def _figure_texts(question: str, lang: str) -> dict[str, str]:
    return {"waiting": t("debate_waiting", lang), "france": t("france", lang),
            "axis": (t(f"debate_axis_{question}", lang) if question != debate.WORD else ""),
            "distribution": t("debate_distribution", lang), "votes": t("debate_votes", lang),
            "france_hollow": t("debate_france_hollow", lang)}


def results_table(comparison: Comparison, headers: dict[str, str],
                  item_labels: dict[str, str], lang: str) -> tuple[Rows, Columns]:
    """The numbers behind the results chart: one row per item shown (a word and its count
    for the cloud), one column per series (`headers`, by series key) — its value, then its
    n."""
    if comparison.question == debate.WORD:
        rows = [{"word": str(w), "count": int(c)} for w, c in
                zip(comparison.words["word"], comparison.words["count"], strict=True)]
        return rows, [("word", t("debate_col_word", lang)),
                      ("count", t("debate_col_count", lang))]
    digits = 1 if comparison.unit == "score_0_10" else 0
    keys = [s.key for s in comparison.series()]
    frame = comparison.frame.assign(key=[debate.series_key(s, c) for s, c in
                                         zip(comparison.frame["side"],
                                             comparison.frame["territory"], strict=True)])
    rows = []
    top = TOP if comparison.question == debate.PRIORITIES else None
    for item in shown_items(comparison, top):
        row: dict[str, Any] = {"item": item_labels.get(item, item)}
        chosen = frame[frame["item"] == item].set_index("key")
        for key in keys:
            row[key] = clean(chosen.at[key, "value"], digits) if key in chosen.index else None
            row[f"{key}_n"] = count(chosen.at[key, "n"]) if key in chosen.index else None
        rows.append(row)
    columns: Columns = [("item", t("debate_col_item", lang))]
    for key in keys:
        columns += [(key, headers[key]), (f"{key}_n", t("n", lang))]
    return rows, columns


def visible_columns(comparison: Comparison, columns: Columns) -> Columns:
    """The columns the slide's small table shows: the item, the room and each actor where
    the chart shows it as a bar or filled dot (the region; France where the region has no
    answers). The CSV keeps them all, n and France included."""
    regional = {s.side for s in comparison.series() if s.territory == comparison.region}
    shown = {s.key for s in comparison.series()
             if s.territory == comparison.region or s.side not in regional}
    return [c for c in columns if c[0] in shown or c[0] in ("item", "word", "count")]


def results_source(comparison: Comparison, lang: str) -> str:
    """Both sides' sources with their n: the room's vote, each actor's survey wave (flagged
    when it is demonstration data)."""
    room = t("debate_source_room", lang, title=comparison.title or "–",
             n=format_number(comparison.room_n, 0, lang))
    waves = [t("debate_source_wave", lang, study=s.study, year=s.year,
               n=format_number(s.n, 0, lang), n_france=format_number(s.n_france, 0, lang))
             for s in comparison.sources]
    return source_line(lang, room, ", ".join(waves),
                       demo=any(s.demo for s in comparison.sources))


def results_view(svc: Services, region: str, question: str, room: Room | None,
                 lang: str) -> View:
    """The room's answers beside the survey's for the region: chart (the room in
    vermilion, n on both sides), the numbers, sources and what the survey lacks."""
    name = territory_name(svc, region, lang)
    comparison = debate.compare(question, room or Room(""),
                                data_access.survey_side(svc, region, question),
                                svc.reference.domain_slugs)
    items = {**domain_labels(svc.reference, lang),
             debate.INNOVATION_ITEM: t("debate_item_innovation", lang)}
    labels = series_labels(comparison, svc, lang)
    figure = comparison_figure(comparison, items, labels, _figure_texts(question, lang), lang)
    rows, columns = results_table(comparison, series_labels(comparison, svc, lang, False),
                                  items, lang)
    title = question_text(question, name, lang)
    notes = [html.P(t("debate_room_note", lang), className="note")]
    if comparison.reason is not None:
        notes.insert(0, html.P(reason_text(comparison.reason, name, lang), className="note",
                               role="note"))
    table: Any = (data_table(rows, visible_columns(comparison, columns), lang, digits=1)
                  if rows and not comparison.waiting else empty_state(t("debate_waiting", lang)))
    body = html.Div([graph(RESULTS_GRAPH, figure, title, config=projector_config(),
                           lang=lang), *notes,
                     html.Div(table, className="table-scroll")])
    return View(body, title, results_source(comparison, lang),
                csv_store(f"debat_{region}_{question}.csv", columns,
                          [] if comparison.waiting else rows), figure=figure)


def reason_text(reason: str, region_name: str, lang: str) -> str:
    """Why the survey side is missing or France-only, in words."""
    keys = {debate.NO_MATCH: "debate_no_match", debate.NO_WAVE: "debate_no_wave",
            debate.NO_REGION: "debate_no_region"}
    return t(keys[reason], lang, region=region_name)


# --- the slides ---------------------------------------------------------------------------

def _title_view(svc: Services, region: str, room: Room | None, lang: str) -> View:
    name = territory_name(svc, region, lang)
    heading = room.title if room is not None and room.title else name
    return View(html.Div([html.H1(heading), html.P(t("debate_subtitle", lang, region=name),
                                                   className="debate-subtitle")]),
                title=heading)


def _map_view(svc: Services, region: str, lang: str) -> View:
    frame = data_access.regions(svc)
    codes = [str(c) for c in frame["code"]]
    names = {str(c): str(n) for c, n in zip(frame["code"], frame["name"], strict=True)}
    figure = base_map(codes, geometry_bounds("region"), load_insets(), lang)
    figure.data[VALUE_TRACE].update(**highlight_update(codes, region, names, ROOM_COLOUR))
    figure = projector_style(figure)
    title = t("debate_map_title", lang, region=names.get(region, region))
    year = frame["population_year"].max() if len(frame) else "–"
    return View(graph("debate-map-graph", figure, title, config=projector_config(),
                      lang=lang), title,
                source_line(lang, t("region_geo_source", lang, year=year)), figure=figure)


def _region_view(svc: Services, region: str, kind: str, lang: str) -> View:
    profile = data_access.profile(svc, region)
    if profile is None:
        raise ValueError(f"région inconnue : {region!r}")
    card = REGION_SECTIONS[kind]
    view = region_views.section(card, profile, svc.reference, lang)
    return replace(view, body=_projected(view.body),
                   title=region_page.title(card, lang, profile.identity.name))


def _question_view(svc: Services, region: str, question: str, lang: str,
                   join: Join | None) -> View:
    title = question_text(question, territory_name(svc, region, lang), lang)
    parts: list[Any] = [html.H2(title, className="debate-question")]
    if join is not None:
        parts.append(join_area(join.url, join.code, lang, join.qr_svg_url))
    return View(html.Div(parts), t("debate_question_title", lang))


def slide(svc: Services, region: str, kind: str, lang: str, question: str | None = None,
          room: Room | None = None, join: Join | None = None,
          notes: str | None = None) -> View:
    """One slide for a region: `kind` among KINDS; `question` for question and results
    slides; `room` the room's answers so far (None: no vote yet); `join` how to join (on
    question slides); `notes` the deck's speaker notes (default: `default_notes`)."""
    if kind not in KINDS:
        raise ValueError(t("debate_unknown_kind", lang, kind=kind))
    if kind in PER_QUESTION and question not in debate.QUESTIONS:
        raise ValueError(f"question inconnue : {question!r}")
    if kind == TITLE:
        view = _title_view(svc, region, room, lang)
    elif kind == MAP:
        view = _map_view(svc, region, lang)
    elif kind in REGION_SECTIONS:
        view = _region_view(svc, region, kind, lang)
    elif kind == PRACTICES:
        found = categories_output(svc, region, lang)
        view = replace(found, body=_projected(found.body))
    elif kind == QUESTION:
        view = _question_view(svc, region, str(question), lang, join)
    else:
        view = results_view(svc, region, str(question), room, lang)
    return replace(view, notes=default_notes(kind, question, lang) if notes is None else notes)


def deck(svc: Services, region: str, specs: Sequence[SlideSpec], lang: str,
         room: Room | None = None, join: Join | None = None) -> list[View]:
    """Every slide of a deck (a printed report of the evening)."""
    return [slide(svc, region, s.kind, lang, s.question, room, join, s.notes(lang) or None)
            for s in specs]

"""The debate's results on the projector: the room (ROOM_COLOUR, vermilion) beside each
actor (its usual colour) in the region, France as hollow markers.

Every builder takes a `debate.Comparison` and words already translated: `labels` names
each series by its key (`debate.series_key`) with its n ("Salle (n = 37)",
"Citoyens, Bretagne (n = 128)"), `texts` the axis title, "France", and what a chart
without votes says. A room without votes gets `waiting_figure`, never an empty chart (and
never the survey alone: a hidden result must not leak). `projector_style` then sets large,
high-contrast type for a room's back row.

Rows put the room on an upper lane and the survey on a lower one, so the room's bar never
hides an actor's dot.
"""
from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import dcc

from dashboard.analytics.debate import (
    INNOVATION,
    PRIORITIES,
    ROOM,
    SCORE_MAX,
    SCORE_MIN,
    SCORES,
    WORD,
    Comparison,
    series_key,
)
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.figures.cloud import HEIGHT, WIDTH, place_words
from dashboard.figures.profile import actor_bars
from dashboard.figures.style import (
    ACTOR_COLOURS,
    FONT,
    FRANCE_COLOUR,
    ROOM_COLOUR,
    separators,
)
from dashboard.frames import as_records
from dashboard.i18n.labels import colon
from dashboard.i18n.numbers import format_number, format_percent, percent_suffix

TOP = 8                    # domains shown on the priorities chart
ROOM_LANE, SURVEY_LANE = -0.2, 0.2  # offsets of the two lanes of a row (rows are 1 apart)
ACTOR_SPREAD = 0.07        # vertical offset between actors on the survey lane
ROW_HEIGHT = 92            # px per row on a projector
PROJECTOR_TYPE = 24        # px: body text; nothing smaller than MIN_TYPE
MIN_TYPE = 22
INK = "#111111"            # text on white: contrast 18.9:1
GRID = "#B0B0B0"
# the cloud's colours, all at least 3:1 on white (WCAG AA for large text)
CLOUD_COLOURS = (ROOM_COLOUR, "#0072B2", "#007A5A", "#A6477F", "#222222")


def projector_config() -> dcc.Graph.Config:
    """A slide's graph config: no toolbar, no plotly logo, no scroll zoom (the topojson stub
    served by the app, as on the pages, for the map)."""
    return {"displaylogo": False, "displayModeBar": False, "scrollZoom": False,
            "responsive": True, "topojsonURL": "/assets/topojson/"}


def waiting_figure(message: str, height: int = 420) -> go.Figure:
    """What a results slide shows before the first vote: the words, large, and no axes."""
    figure = go.Figure()
    figure.add_annotation(text=html.escape(message), x=0.5, y=0.5, xref="paper", yref="paper",
                          showarrow=False, font={"size": 40, "color": INK})
    figure.update_layout(height=height, xaxis={"visible": False}, yaxis={"visible": False},
                         plot_bgcolor="white", paper_bgcolor="white", dragmode=False,
                         margin={"l": 20, "r": 20, "t": 20, "b": 20}, font={"family": FONT})
    return figure


def _font_at_least(font: Any) -> None:
    if font is not None and not isinstance(font.size, (list, tuple)) and (
            font.size is None or font.size < MIN_TYPE):
        font.size = MIN_TYPE


def projector_style(figure: go.Figure) -> go.Figure:
    """Large type (PROJECTOR_TYPE, nothing under MIN_TYPE px), near-black on white, darker
    grid lines, no toolbar (pass `projector_config()` to the graph: no plotly logo either)."""
    figure.update_layout(
        font={"family": FONT, "size": PROJECTOR_TYPE, "color": INK},
        paper_bgcolor="white", plot_bgcolor="white",
        hoverlabel={"font": {"size": MIN_TYPE, "family": FONT}},
        legend={"font": {"size": MIN_TYPE, "color": INK}})
    figure.update_xaxes(tickfont={"size": MIN_TYPE, "color": INK}, title_font_size=PROJECTOR_TYPE,
                        gridcolor=GRID, linecolor=INK)
    figure.update_yaxes(tickfont={"size": PROJECTOR_TYPE, "color": INK},
                        title_font_size=PROJECTOR_TYPE, gridcolor=GRID)
    for annotation in figure.layout.annotations:
        _font_at_least(annotation.font)
    for trace in figure.data:
        _font_at_least(getattr(trace, "textfont", None))
    return figure


def _layout(figure: go.Figure, lang: str, height: int, **extra: Any) -> go.Figure:
    figure.update_layout(
        height=height, dragmode=False, separators=separators(lang), hovermode="closest",
        margin={"l": 10, "r": 30, "t": 10, "b": 10}, font={"family": FONT},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        plot_bgcolor="white", paper_bgcolor="white", **extra)
    return figure


def _rows_axis(items: list[str], item_labels: Mapping[str, str]) -> dict[str, Any]:
    return {"tickvals": list(range(len(items))),
            "ticktext": [item_labels.get(i, i) for i in items],
            "range": [len(items) - 0.5, -0.5], "fixedrange": True, "automargin": True,
            "showgrid": False, "zeroline": False}


def _survey_markers(figure: go.Figure, comparison: Comparison, items: list[str],
                    item_labels: Mapping[str, str], labels: Mapping[str, str],
                    texts: Mapping[str, str], fmt: str, suffix: str, lang: str = "fr") -> None:
    """Each actor's value on the rows' survey lane: filled in the region, hollow in France
    (one legend entry says what hollow means; each trace keeps its name and n for the
    hover)."""
    survey = comparison.survey
    actors = list(dict.fromkeys(survey["side"].astype(str)))
    position = {item: i for i, item in enumerate(items)}
    regional = set(survey.loc[survey["territory"] == comparison.region, "side"])
    any_france = False
    for number, actor in enumerate(actors):
        offset = SURVEY_LANE + (number - (len(actors) - 1) / 2) * ACTOR_SPREAD
        colour = ACTOR_COLOURS.get(actor, FRANCE_COLOUR)
        for territory in dict.fromkeys((comparison.region, NATIONAL)):
            rows = survey[(survey["side"] == actor) & (survey["territory"] == territory)
                          & survey["item"].isin(items) & survey["value"].notna()]
            if rows.empty:
                continue
            hollow = territory == NATIONAL and comparison.region != NATIONAL
            any_france = any_france or hollow
            name = labels.get(series_key(actor, territory), actor)
            figure.add_trace(go.Scatter(
                x=rows["value"], y=[position[i] + offset for i in rows["item"]],
                mode="markers", name=name, legendgroup=actor,
                showlegend=not hollow or actor not in regional,
                marker={"symbol": "circle-open" if hollow else "circle", "size": 20,
                        "color": colour, "line": {"width": 3 if hollow else 1.5,
                                                  "color": colour if hollow else "white"}},
                customdata=[html.escape(item_labels.get(i, i)) for i in rows["item"]],
                hovertemplate=(f"%{{customdata}}{colon(lang)}%{{x{fmt}}}{suffix}<br>"
                               f"{html.escape(name)}<extra></extra>")))
    if any_france:
        figure.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=texts["france_hollow"],
            hoverinfo="skip", marker={"symbol": "circle-open", "size": 20, "color": INK,
                                      "line": {"width": 3}}))


def shown_items(comparison: Comparison, top: int | None = TOP) -> list[str]:
    """The rows a results chart (and its table) shows: for priorities, the room's `top`
    most named domains (vote counts decide, then the survey's mean share in the region to
    one decimal, then the reference order); otherwise every item, in order."""
    if comparison.question != PRIORITIES:
        return comparison.items
    votes = {str(r["item"]): (0 if pd.isna(r["value"]) or not r["n"] else
                              round(float(r["value"]) * float(r["n"]) / 100))
             for r in as_records(comparison.room)}
    regional = comparison.survey[comparison.survey["territory"] == comparison.region]
    means = {str(k): float(v) for k, v in
             regional.groupby("item")["value"].mean().round(1).dropna().items()}
    items = comparison.items

    def key(item: str) -> tuple[int, float, int]:
        return (-votes.get(item, 0), -means.get(item, 0.0), items.index(item))

    ordered = sorted(items, key=key)
    return ordered[:top] if top else ordered


def priority_comparison(comparison: Comparison, item_labels: Mapping[str, str],
                        labels: Mapping[str, str], texts: Mapping[str, str],
                        lang: str = "fr", top: int | None = TOP) -> go.Figure:
    """Per domain, the share of the room naming it a priority (a bar) beside each actor's
    share in the region and France (dots): the room's `top` most named domains."""
    if comparison.waiting:
        return projector_style(waiting_figure(texts["waiting"]))
    items = shown_items(comparison, top)
    room = comparison.room.set_index("item").loc[items]
    name = labels.get(series_key(ROOM, comparison.region), ROOM)
    figure = go.Figure(go.Bar(
        x=room["value"], y=[i + ROOM_LANE for i in range(len(items))], orientation="h",
        width=0.34, name=name, marker={"color": ROOM_COLOUR},
        text=[format_percent(float(v), 0, lang) for v in room["value"]],
        textposition="outside", cliponaxis=False, textfont={"color": INK},
        customdata=[html.escape(item_labels.get(i, i)) for i in items],
        hovertemplate=(f"%{{customdata}}{colon(lang)}%{{x:.0f}}{percent_suffix(lang)}<br>{html.escape(name)}"
                       "<extra></extra>")))
    _survey_markers(figure, comparison, items, item_labels, labels, texts, ":.0f",
                    percent_suffix(lang), lang)
    return projector_style(_layout(
        figure, lang, ROW_HEIGHT * len(items) + 170, bargap=0,
        xaxis={"title": {"text": texts["axis"]}, "range": [0, 100], "fixedrange": True,
               "ticksuffix": percent_suffix(lang), "zeroline": False},
        yaxis=_rows_axis(items, item_labels)))


def score_comparison(comparison: Comparison, item_labels: Mapping[str, str],
                     labels: Mapping[str, str], texts: Mapping[str, str],
                     lang: str = "fr") -> go.Figure:
    """Per scored domain, the room's scores 0-10 (one bubble per score, its area the number
    of devices) and mean (a diamond), above each actor's mean in the region and France."""
    if comparison.waiting:
        return projector_style(waiting_figure(texts["waiting"]))
    items = comparison.items
    position = {item: i for i, item in enumerate(items)}
    name = labels.get(series_key(ROOM, comparison.region), ROOM)
    spread = comparison.distribution[comparison.distribution["count"] > 0]
    largest = int(spread["count"].max()) if len(spread) else 1
    figure = go.Figure(go.Scatter(
        x=spread["score"], y=[position[i] + ROOM_LANE for i in spread["item"]],
        mode="markers", name=texts["distribution"], legendgroup=ROOM,
        marker={"size": [12 + 30 * math.sqrt(int(c) / largest) for c in spread["count"]],
                "color": ROOM_COLOUR, "opacity": 0.45, "line": {"width": 0}},
        customdata=spread["count"],
        hovertemplate=(f"%{{x}}/10{colon(lang)}%{{customdata}} {html.escape(texts['votes'])}"
                       "<extra></extra>")))
    room = comparison.room[comparison.room["value"].notna()]
    figure.add_trace(go.Scatter(
        x=room["value"], y=[position[i] + ROOM_LANE for i in room["item"]], mode="markers",
        name=name, legendgroup=ROOM,
        marker={"symbol": "diamond", "size": 26, "color": ROOM_COLOUR,
                "line": {"color": INK, "width": 2}},
        customdata=[format_number(float(n), 0, lang) for n in room["n"]],
        hovertemplate=(f"%{{x:.1f}}/10 — {html.escape(name)} "
                       "(n = %{customdata})<extra></extra>")))
    _survey_markers(figure, comparison, items, item_labels, labels, texts, ":.1f", "/10", lang)
    return projector_style(_layout(
        figure, lang, ROW_HEIGHT * len(items) + 170,
        xaxis={"title": {"text": texts["axis"]}, "range": [SCORE_MIN - 0.5, SCORE_MAX + 0.5],
               "dtick": 1, "fixedrange": True, "zeroline": False},
        yaxis=_rows_axis(items, item_labels)))


def innovation_comparison(comparison: Comparison, labels: Mapping[str, str],
                          texts: Mapping[str, str], lang: str = "fr") -> go.Figure:
    """The share saying alliances are a source of innovation: the room's bar, then each
    actor's in the region with France as a hollow diamond (the region page's actor bars)."""
    if comparison.waiting:
        return projector_style(waiting_figure(texts["waiting"]))
    frame = comparison.frame
    records, names = [], {}
    regional = {s.side for s in comparison.series() if s.territory == comparison.region}
    for series in comparison.series():
        if series.territory != comparison.region and series.side in regional:
            continue  # France is the hollow diamond on the region's bar
        own = frame[(frame["side"] == series.side) & (frame["territory"] == series.territory)]
        france = frame[(frame["side"] == series.side) & (frame["territory"] == NATIONAL)]
        beside = (series.side != ROOM and series.territory != NATIONAL and len(france) > 0)
        records.append({
            "actor": series.side, "value": own["value"].iloc[0],
            "france": france["value"].iloc[0] if beside else float("nan"),
            "n": series.n if series.n is not None else float("nan")})
        names[series.side] = labels.get(series.key, series.side)
    figure = actor_bars(pd.DataFrame.from_records(records), names, texts["france"],
                        texts["axis"], lang, colours={**ACTOR_COLOURS, ROOM: ROOM_COLOUR})
    figure.update_layout(height=ROW_HEIGHT * len(records) + 170,
                         margin={"l": 10, "r": 30, "t": 10, "b": 10})
    return projector_style(figure)


def word_cloud(comparison: Comparison, texts: Mapping[str, str],
               lang: str = "fr") -> go.Figure:
    """The room's words (`debate.word_counts`) placed by `cloud.place_words`: the most given
    in the centre, largest; the same cloud on every machine. Words are the audience's own:
    escaped, so that no markup in them is drawn."""
    counts = [(str(w), int(c)) for w, c in zip(comparison.words["word"],
                                                 comparison.words["count"], strict=True)]
    placed = place_words(counts)
    if comparison.waiting or not placed:
        return projector_style(waiting_figure(texts["waiting"], HEIGHT))
    votes = html.escape(texts["votes"])
    figure = go.Figure(go.Scatter(
        x=[p.x for p in placed], y=[p.y for p in placed], mode="text",
        text=[f"<b>{html.escape(p.word)}</b>" for p in placed],
        textfont={"size": [p.size for p in placed], "family": FONT,
                  "color": [CLOUD_COLOURS[i % len(CLOUD_COLOURS)] for i in range(len(placed))]},
        hovertext=[f"{html.escape(p.word)}{colon(lang)}{p.count} {votes}" for p in placed],
        hoverinfo="text", showlegend=False))
    figure.update_layout(
        width=WIDTH, height=HEIGHT, margin={"l": 0, "r": 0, "t": 0, "b": 0},
        xaxis={"visible": False, "range": [-WIDTH // 2, WIDTH // 2], "fixedrange": True},
        yaxis={"visible": False, "range": [-HEIGHT // 2, HEIGHT // 2], "fixedrange": True},
        dragmode=False, separators=separators(lang), plot_bgcolor="white",
        paper_bgcolor="white", font={"family": FONT})
    return projector_style(figure)


def comparison_figure(comparison: Comparison, item_labels: Mapping[str, str],
                      labels: Mapping[str, str], texts: Mapping[str, str],
                      lang: str = "fr") -> go.Figure:
    """The results chart of any question."""
    if comparison.question == PRIORITIES:
        return priority_comparison(comparison, item_labels, labels, texts, lang)
    if comparison.question == SCORES:
        return score_comparison(comparison, item_labels, labels, texts, lang)
    if comparison.question == INNOVATION:
        return innovation_comparison(comparison, labels, texts, lang)
    if comparison.question == WORD:
        return word_cloud(comparison, texts, lang)
    raise ValueError(f"question inconnue : {comparison.question!r}")

"""The region page's charts: plain functions from frames (see `dashboard.analytics.profile`)
and labels to figures.

- `dot_profile`: one row per item (domain or category, grouped by axis), one dot per series
  (the index in INDEX_COLOUR, each actor in its colour), France as hollow markers.
- `gap_scatter`: perceived score against index (both 0-10), the diagonal where they agree,
  the two sides shaded with the diverging palette, the largest disagreements called out.
- `actor_bars`: one bar per actor for a share, France as a hollow marker on each bar.

Every chart has fixed ranges and `dragmode=False` (no scroll hijacking), French separators.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.actors import text_colour
from dashboard.figures.style import (
    ACTOR_COLOURS,
    DIVERGING,
    FONT,
    FRANCE_COLOUR,
    INDEX_COLOUR,
    separators,
)
from dashboard.i18n.labels import colon
from dashboard.i18n.numbers import format_number, format_percent, percent_suffix

INDEX_SERIES = "index"
ROW_HEIGHT = 30
SERIES_SPREAD = 0.14  # vertical offset between series on one row (rows are 1 apart)


def series_colour(series: str) -> str:
    """The index's colour or the actor's."""
    return INDEX_COLOUR if series == INDEX_SERIES else ACTOR_COLOURS.get(series, FRANCE_COLOUR)


def _symbol(series: str) -> str:
    return "diamond" if series == INDEX_SERIES else "circle"


def _layout(figure: go.Figure, lang: str, height: int, **extra: object) -> go.Figure:
    figure.update_layout(
        height=height, margin={"l": 8, "r": 12, "t": 8, "b": 8}, dragmode=False,
        separators=separators(lang), font={"family": FONT, "size": 12},
        plot_bgcolor="white", paper_bgcolor="rgba(0,0,0,0)", hovermode="closest",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0,
                "font": {"size": 11}},
        **extra)
    return figure


def row_positions(items: list[str], groups: Mapping[str, str]) -> tuple[
        dict[str, float], list[float], list[str]]:
    """Where each item's row sits (top to bottom), with a header row before each new group:
    item → y, and the tick values and texts (group headers in bold)."""
    positions: dict[str, float] = {}
    tickvals: list[float] = []
    ticktext: list[str] = []  # the group headers, in order
    y = 0.0
    current = None
    for item in items:
        group = groups.get(item, "")
        if group and group != current:
            tickvals.append(y)
            ticktext.append(f"<b>{group}</b>")
            y += 1
            current = group
        positions[item] = y
        tickvals.append(y)
        y += 1
    return positions, tickvals, ticktext


def dot_profile(frame: pd.DataFrame, series: list[str], row_labels: Mapping[str, str],
                series_labels: Mapping[str, str], france_label: str, axis_title: str,
                value_range: tuple[float, float], group_labels: Mapping[str, str] | None = None,
                lang: str = "fr", digits: int = 1, suffix: str = "") -> go.Figure:
    """A dot chart of a profile-shaped frame (item, group, position, series, value, france,
    n): rows are the items that have a regional value for some series, in `position` order,
    grouped by `group` when `group_labels` is given; one filled marker per series and region,
    one hollow marker for France."""
    shown = frame[frame["series"].isin(series)]
    with_value = shown.loc[shown["value"].notna(), "item"].unique()
    shown = shown[shown["item"].isin(with_value)]
    items = (shown.drop_duplicates("item").sort_values("position")["item"].tolist())
    groups = ({r["item"]: group_labels.get(r["group"], r["group"])
               for r in shown.drop_duplicates("item").to_dict("records")}
              if group_labels else {})
    positions, tickvals, ticktext = row_positions(items, groups)
    texts = [row_labels.get(item, item) for item in items]
    if groups:
        by_y = {y: item for item, y in positions.items()}
        headers = iter(ticktext)
        texts = [row_labels.get(by_y[v], by_y[v]) if v in by_y else next(headers)
                 for v in tickvals]
    present = [s for s in series if shown.loc[shown["series"] == s, "value"].notna().any()]
    figure = go.Figure()
    fmt = f":.{digits}f"
    for i, name in enumerate(present):
        rows = shown[shown["series"] == name]
        offset = (i - (len(present) - 1) / 2) * SERIES_SPREAD
        y = [positions[item] + offset for item in rows["item"]]
        colour = series_colour(name)
        label = series_labels.get(name, name)
        n_text = ["–" if pd.isna(n) else format_number(float(n), 0, lang) for n in rows["n"]]
        custom = list(zip([row_labels.get(i, i) for i in rows["item"]], n_text,
                          ["–" if pd.isna(v) else format_number(float(v), digits, lang)
                           for v in rows["france"]], strict=True))
        figure.add_trace(go.Scatter(
            x=rows["value"], y=y, mode="markers", name=label, legendgroup=name,
            marker={"symbol": _symbol(name), "size": 11, "color": colour,
                    "line": {"color": "white", "width": 1}},
            customdata=custom,
            hovertemplate=(f"<b>%{{customdata[0]}}</b><br>{label}{colon(lang)}%{{x{fmt}}}{suffix}"
                           f" (n = %{{customdata[1]}})<br>{france_label}{colon(lang)}"
                           f"%{{customdata[2]}}{suffix}<extra></extra>")))
        figure.add_trace(go.Scatter(
            x=rows["france"], y=y, mode="markers", name=f"{label} — {france_label}",
            legendgroup=name, showlegend=False,
            marker={"symbol": f"{_symbol(name)}-open", "size": 11, "color": colour,
                    "line": {"width": 1.6}},
            customdata=custom,
            hovertemplate=(f"<b>%{{customdata[0]}}</b><br>{label} — {france_label}{colon(lang)}"
                           f"%{{x{fmt}}}{suffix}<extra></extra>")))
    # one legend entry saying what the hollow markers are
    figure.add_trace(go.Scatter(
        x=[None], y=[None], mode="markers", name=france_label, hoverinfo="skip",
        marker={"symbol": "circle-open", "size": 11, "color": FRANCE_COLOUR,
                "line": {"width": 1.6}}))
    rows_count = len(tickvals)
    return _layout(
        figure, lang, height=max(220, ROW_HEIGHT * rows_count + 90),
        xaxis={"title": {"text": axis_title}, "range": list(value_range), "fixedrange": True,
               "gridcolor": "#eee", "zeroline": False, "side": "bottom"},
        yaxis={"tickvals": tickvals, "ticktext": texts, "range": [rows_count - 0.5, -0.5],
               "fixedrange": True, "automargin": True, "gridcolor": "#f0f0f0",
               "zeroline": False})


def gap_scatter(gaps: pd.DataFrame, callouts: pd.DataFrame, domain_labels: Mapping[str, str],
                actor_labels: Mapping[str, str], labels: Mapping[str, str],
                lang: str = "fr") -> go.Figure:
    """Perceived score (y) against index (x), one point per domain and actor (GAP columns:
    domain, actor, index, score, gap). Above the diagonal the actor feels the domain more
    fragile than the statistics rank it, below less; `callouts` (same columns) are annotated.
    `labels`: index, score, gap, above, below."""
    figure = go.Figure()
    # the two sides of the diagonal, in the diverging palette's light colours
    figure.add_shape(type="path", path="M 0 0 L 0 10 L 10 10 Z", fillcolor=DIVERGING[3],
                     opacity=0.18, line_width=0, layer="below")
    figure.add_shape(type="path", path="M 0 0 L 10 0 L 10 10 Z", fillcolor=DIVERGING[1],
                     opacity=0.22, line_width=0, layer="below")
    figure.add_shape(type="line", x0=0, y0=0, x1=10, y1=10,
                     line={"color": "#888", "dash": "dot", "width": 1})
    figure.add_annotation(x=0.2, y=9.8, text=labels["above"], showarrow=False, xanchor="left",
                          yanchor="top", font={"size": 11, "color": "#7a3d00"}, align="left")
    figure.add_annotation(x=9.8, y=0.2, text=labels["below"], showarrow=False,
                          xanchor="right", yanchor="bottom", font={"size": 11,
                                                                   "color": "#3b2470"},
                          align="right")
    for actor in [a for a in ACTOR_COLOURS if a in set(gaps["actor"])]:
        rows = gaps[gaps["actor"] == actor]
        name = actor_labels.get(actor, actor)
        custom = list(zip([domain_labels.get(d, d) for d in rows["domain"]],
                          [format_number(float(g), 1, lang) for g in rows["gap"]], strict=True))
        figure.add_trace(go.Scatter(
            x=rows["index"], y=rows["score"], mode="markers", name=name,
            marker={"color": ACTOR_COLOURS[actor], "size": 10,
                    "line": {"color": "white", "width": 1}},
            customdata=custom,
            hovertemplate=(f"<b>%{{customdata[0]}}</b> — {name}<br>{labels['index']}{colon(lang)}"
                           f"%{{x:.1f}}<br>{labels['score']}{colon(lang)}%{{y:.1f}}<br>{labels['gap']}"
                           f"{colon(lang)}%{{customdata[1]}}<extra></extra>")))
    # numbered call-outs (the list under the chart says what they are): short enough never
    # to leave the plot, even on a phone
    for number, row in enumerate(callouts.to_dict("records"), start=1):
        above = row["gap"] > 0
        side = -1 if row["index"] > 7 else (1 if row["index"] < 3 else (-1 if above else 1))
        figure.add_annotation(
            x=row["index"], y=row["score"], showarrow=True, arrowhead=0, arrowwidth=1,
            arrowcolor="#444", ax=22 * side, ay=-22 if above else 22, text=f"<b>{number}</b>",
            hovertext=domain_labels.get(row["domain"], row["domain"]),
            font={"size": 11, "color": "#222"}, bgcolor="white", bordercolor="#444",
            borderwidth=1, borderpad=2, name="callout")
    return _layout(
        figure, lang, height=520,
        xaxis={"title": {"text": labels["index"]}, "range": [0, 10], "fixedrange": True,
               "gridcolor": "#eee", "zeroline": False, "dtick": 2},
        yaxis={"title": {"text": labels["score"]}, "range": [0, 10], "fixedrange": True,
               "gridcolor": "#eee", "zeroline": False, "dtick": 2})


def actor_bars(figures: pd.DataFrame, actor_labels: Mapping[str, str], france_label: str,
               axis_title: str, lang: str = "fr",
               colours: Mapping[str, str] = ACTOR_COLOURS) -> go.Figure:
    """One horizontal bar per actor with a regional value (FIGURE columns: actor, value,
    france, n), in the actor's colour (`colours`: a debate's room has its own), France as a
    hollow diamond; a 0-100 % scale."""
    shown = figures[figures["value"].notna()]
    names = [actor_labels.get(a, a) for a in shown["actor"]]
    figure = go.Figure()
    figure.add_trace(go.Bar(
        x=shown["value"], y=names, orientation="h", showlegend=False,
        marker={"color": [colours.get(a, FRANCE_COLOUR) for a in shown["actor"]]},
        text=[format_percent(float(v), 0, lang) for v in shown["value"]],
        textposition="inside", insidetextanchor="start",
        textfont={"color": [text_colour(a) for a in shown["actor"]]},
        customdata=[format_number(float(n), 0, lang) for n in shown["n"]],
        hovertemplate=f"%{{y}}{colon(lang)}%{{x:.0f}}{percent_suffix(lang)} (n = %{{customdata}})"
                      "<extra></extra>"))
    figure.add_trace(go.Scatter(
        x=shown["france"], y=names, mode="markers", name=france_label,
        marker={"symbol": "diamond-open", "size": 13, "color": "#111", "line": {"width": 2}},
        hovertemplate=f"%{{y}} — {france_label}{colon(lang)}%{{x:.0f}}{percent_suffix(lang)}"
                      "<extra></extra>"))
    return _layout(
        figure, lang, height=max(180, 46 * len(shown) + 90), bargap=0.35,
        xaxis={"title": {"text": axis_title}, "range": [0, 100], "fixedrange": True,
               "gridcolor": "#eee", "ticksuffix": percent_suffix(lang)},
        yaxis={"autorange": "reversed", "fixedrange": True, "automargin": True})

"""Charts of the partnership practices page: categories and sub-populations as horizontal
grouped bars (long names stay readable on a phone), scopes as grouped columns, the
partnership rate across waves as lines.

Builders take frames from `dashboard.analytics.practices` and the labels to show (the
callbacks translate); one colour per actor (ACTOR_COLOURS), a region or a sub-population is
the actor's colour with a hatch, cited figures are grey. Shares are on a fixed 0-100 axis.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import (
    ACTOR_COLOURS,
    FONT,
    FRANCE_COLOUR,
    separators,
)
from dashboard.i18n.labels import colon
from dashboard.i18n.numbers import format_number, percent_suffix

NATIONAL = "FR"
PATTERNS = ("", "/", "x", ".", "\\", "+")
LINE_DASHES = ("solid", "dash", "dot", "dashdot")
POINT_SYMBOLS = {"survey": "circle", "published": "square", "note": "circle-open"}


def wrap(label: str, width: int = 14) -> str:
    """A category label broken over lines (`<br>`) so that axis labels need no rotation on a
    phone."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _colour(actor: str) -> str:
    return ACTOR_COLOURS.get(actor, FRANCE_COLOUR)


def _errors(frame: pd.DataFrame) -> dict[str, Any] | None:
    """95 % interval whiskers when the frame has them."""
    if "ci_low" not in frame or frame["ci_low"].isna().all():
        return None
    high = (frame["ci_high"] - frame["value"]).clip(lower=0)
    low = (frame["value"] - frame["ci_low"]).clip(lower=0)
    return {"type": "data", "symmetric": False, "array": high.fillna(0).round(3).tolist(),
            "arrayminus": low.fillna(0).round(3).tolist(), "thickness": 1, "width": 3,
            "color": "#444"}


def _layout(figure: go.Figure, lang: str, value_label: str, height: int = 380,
            y_range: tuple[float, float] = (0, 100)) -> go.Figure:
    figure.update_layout(
        barmode="group", height=height, margin={"l": 8, "r": 8, "t": 12, "b": 8},
        separators=separators(lang), font={"family": FONT}, dragmode=False,
        plot_bgcolor="white", paper_bgcolor="rgba(0,0,0,0)",
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
        yaxis={"title": value_label, "range": list(y_range), "fixedrange": True,
               "gridcolor": "#e6e6e6", "ticksuffix": percent_suffix(lang)},
        xaxis={"fixedrange": True, "automargin": True, "tickangle": 0})
    return figure


def _hbar_layout(figure: go.Figure, lang: str, groups: int, bars: int) -> go.Figure:
    """Horizontal grouped bars (long category names stay readable on a phone): first
    category on top, a fixed 0-100 % axis (its ticks carry the unit)."""
    figure.update_layout(
        barmode="group", height=max(300, 60 + groups * (bars * 16 + 22)),
        margin={"l": 8, "r": 12, "t": 12, "b": 8}, separators=separators(lang),
        font={"family": FONT}, dragmode=False, plot_bgcolor="white",
        paper_bgcolor="rgba(0,0,0,0)", bargap=0.25,
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0,
                "traceorder": "normal"},
        xaxis={"range": [0, 100], "fixedrange": True, "side": "bottom",
               "gridcolor": "#e6e6e6", "ticksuffix": percent_suffix(lang)},
        yaxis={"fixedrange": True, "automargin": True, "autorange": "reversed"})
    return figure


def _hover_h(value_label: str, lang: str) -> str:
    return ("<b>%{fullData.name}</b><br>%{y}<br>" + value_label +
            f"{colon(lang)}%{{x:.1f}}{percent_suffix(lang)}<br>n = %{{customdata}}"
            "<extra></extra>")


def category_bars(frame: pd.DataFrame, category_names: Mapping[str, str],
                  series_names: Mapping[tuple[str, str], str], value_label: str,
                  lang: str = "fr") -> go.Figure:
    """The four categories (rows) for each actor in France and, hatched, in a region.
    `frame`: `categories_frame`; `series_names[(actor, territory_code)]` names each bar set."""
    figure = go.Figure()
    groups = frame.groupby(["actor", "territory_code"], sort=False)
    for (actor_key, territory_key), part in groups:
        actor, territory = str(actor_key), str(territory_key)
        figure.add_trace(go.Bar(
            y=[wrap(category_names.get(c, c), 16) for c in part["category"]],
            x=part["value"], orientation="h",
            name=series_names.get((actor, territory), f"{actor} {territory}"),
            marker={"color": _colour(actor), "line": {"color": "#333", "width": 0.5},
                    "pattern": {"shape": "" if territory == NATIONAL else "/",
                                "fgcolor": "#ffffff", "solidity": 0.35}},
            error_x=_errors(part), customdata=part["n"].fillna(0).astype(int),
            hovertemplate=_hover_h(value_label, lang)))
    return _hbar_layout(figure, lang, frame["category"].nunique(), groups.ngroups)


def scope_bars(frame: pd.DataFrame, scope_names: Mapping[str, str],
               series_names: Mapping[str, str], value_label: str,
               lang: str = "fr") -> go.Figure:
    """The four scopes (rows): the published figure for all partnerships (grey, its value
    written) beside each actor's survey answers (its colour). `frame`: `scope_comparison`."""
    figure = go.Figure()
    groups = frame.groupby("series", sort=False)
    for key, part in groups:
        series = str(key)
        published = part["kind"].iloc[0] == "published"
        figure.add_trace(go.Bar(
            y=[scope_names.get(s, s) for s in part["scope"]], x=part["value"],
            orientation="h", name=series_names.get(series, series),
            marker={"color": FRANCE_COLOUR if published else _colour(series),
                    "line": {"color": "#333", "width": 0.5}},
            error_x=None if published else _errors(part),
            customdata=["–" if published else int(n) for n in part["n"].fillna(0)],
            texttemplate="%{x:.0f}" + percent_suffix(lang) if published else None,
            textposition="outside" if published else None, cliponaxis=False,
            hovertemplate=_hover_h(value_label, lang)))
    return _hbar_layout(figure, lang, frame["scope"].nunique(), groups.ngroups)


def label_heights(frame: pd.DataFrame, gap: float = 3.5) -> dict[Any, float]:
    """Where each point's value label sits (frame index → y, in data units): at the point,
    pushed up just enough that the labels of one year stay `gap` apart and never overlap."""
    heights: dict[Any, float] = {}
    for _year, points in frame.groupby("year"):
        previous = float("-inf")
        for index, value in points["value"].sort_values(kind="stable").items():
            previous = max(float(value), previous + gap)
            heights[index] = previous
    return heights


def evolution_lines(frame: pd.DataFrame, population_names: Mapping[str, str],
                    value_label: str, lang: str = "fr") -> go.Figure:
    """The share with partnerships by wave year, one line per actor or sub-population
    (the actor's colour; sub-populations dashed). Points computed from answers are filled,
    cited-only ones square, those deduced from a published note open. Values are written
    beside the points: left of a line's first point, right of the others.
    `frame`: `partnership_evolution`."""
    figure = go.Figure()
    heights = label_heights(frame)
    labels: list[dict[str, Any]] = []
    dash_of: dict[str, int] = {}
    for population, part in frame.groupby("population", sort=False):
        actor = str(part["actor"].iloc[0])
        dash = LINE_DASHES[dash_of.setdefault(actor, 0) % len(LINE_DASHES)]
        dash_of[actor] += 1
        part = part.sort_values("year", kind="stable")
        figure.add_trace(go.Scatter(
            x=part["year"], y=part["value"], mode="lines+markers",
            name=population_names.get(str(population), str(population)),
            line={"color": _colour(actor), "dash": dash, "width": 2},
            marker={"color": _colour(actor), "size": 10,
                    "symbol": [POINT_SYMBOLS.get(k, "circle") for k in part["kind"]],
                    "line": {"color": _colour(actor), "width": 2}},
            error_y=_errors(part),
            customdata=[("–" if n != n or n is None else int(n)) for n in part["n"]],
            hovertemplate=("<b>%{fullData.name}</b><br>%{x}<br>" + value_label +
                           f"{colon(lang)}%{{y:.1f}}" + percent_suffix(lang)
                           + "<br>n = %{customdata}<extra></extra>")))
        for position, (index, row) in enumerate(part.iterrows()):
            left = position == 0 and len(part) > 1
            labels.append({
                "x": row["year"], "y": heights[index],
                "text": format_number(row["value"], 1, lang), "showarrow": False,
                "xanchor": "right" if left else "left", "xshift": -9 if left else 9,
                "font": {"size": 11, "color": _colour(actor)}})
    years = sorted({int(y) for y in frame["year"]}) if len(frame) else []
    _layout(figure, lang, value_label, height=420, y_range=(0, 70))
    figure.update_layout(legend={"y": -0.12}, annotations=labels)
    figure.update_xaxes(tickvals=years, ticktext=[str(y) for y in years],
                        range=[min(years) - 1.2, max(years) + 1.2] if years else None,
                        showgrid=False, tickformat="d")
    return figure


def subpopulation_bars(frame: pd.DataFrame, measure_names: Mapping[str, str],
                       population_names: Mapping[str, str], actor: str, value_label: str,
                       lang: str = "fr") -> go.Figure:
    """The share with partnerships and the four categories (rows) for an actor (plain) and
    each of its sub-populations (hatched). `frame`: `subpopulation_table`."""
    figure = go.Figure()
    groups = frame.groupby("population", sort=False)
    for i, (population, part) in enumerate(groups):
        figure.add_trace(go.Bar(
            y=[wrap(measure_names.get(m, m), 16) for m in part["measure"]], x=part["value"],
            orientation="h", name=population_names.get(str(population), str(population)),
            marker={"color": _colour(actor), "line": {"color": "#333", "width": 0.5},
                    "pattern": {"shape": PATTERNS[i % len(PATTERNS)], "fgcolor": "#ffffff",
                                "solidity": 0.35}},
            error_x=_errors(part), customdata=part["n"].fillna(0).astype(int),
            hovertemplate=_hover_h(value_label, lang)))
    return _hbar_layout(figure, lang, frame["measure"].nunique(), groups.ngroups)

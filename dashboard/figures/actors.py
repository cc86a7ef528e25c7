"""Charts that compare the actors: who wants to co-construct on a domain, how each actor
scores the 16 domains, each actor's priorities, and how citizens' scores moved between two
waves. One colour per actor everywhere (ACTOR_COLOURS); gaps and changes diverge (DIVERGING).

Builders take tidy frames from `dashboard.analytics.actors` / `.domain` and already
translated words (`labels`), and return plotly figures with fixed ranges and no drag."""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.analytics.survey_figures import NATIONAL
from dashboard.figures.style import (
    ACTOR_COLOURS,
    DIVERGING,
    FONT,
    FRANCE_COLOUR,
    class_breaks,
    class_colour,
    separators,
    stepped_colourscale,
)
from dashboard.frames import as_records
from dashboard.i18n.labels import colon
from dashboard.i18n.numbers import format_number, format_percent, percent_suffix

LIGHT_ALPHA = 0.35
# legends under the chart, from its left edge: clear of the toolbar and of narrow plot areas
BOTTOM_LEGEND = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom",
                 "xref": "container", "x": 0}


def _layout(figure: go.Figure, lang: str, height: int, **extra: object) -> go.Figure:
    figure.update_layout(height=height, dragmode=False, separators=separators(lang),
                         font={"family": FONT}, paper_bgcolor="rgba(0,0,0,0)",
                         plot_bgcolor="white", **extra)
    figure.update_xaxes(fixedrange=True, gridcolor="#EEEEEE", zeroline=False)
    figure.update_yaxes(fixedrange=True, automargin=True)
    return figure


def text_colour(actor: str) -> str:
    """Text written on an actor's bar: white on the dark blue, near-black on the lighter
    orange, green and pink (WCAG contrast)."""
    return "white" if actor == "citoyens" else "#1A1A1A"


def signed(value: float, lang: str, digits: int = 1) -> str:
    """'+0,4', '−0,3', '0,0' (no sign on what rounds to zero)."""
    if value != value:
        return "–"
    if round(value, digits) == 0:
        return format_number(0.0, digits, lang)
    return ("+" if value > 0 else "−") + format_number(abs(value), digits, lang)


def tint(colour: str, alpha: float = LIGHT_ALPHA) -> str:
    """`#0072B2` → `rgba(0,114,178,0.35)`: the actor's colour, lighter."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _interval(low: float, high: float, lang: str, digits: int = 1) -> str:
    if low != low or high != high:
        return "–"
    return f"[{format_number(low, digits, lang)} ; {format_number(high, digits, lang)}]"


def _errors(frame: pd.DataFrame) -> dict[str, object]:
    return {"type": "data", "symmetric": False, "color": "#555", "thickness": 1, "width": 3,
            "array": (frame["ci_high"] - frame["value"]).clip(lower=0).fillna(0).tolist(),
            "arrayminus": (frame["value"] - frame["ci_low"]).clip(lower=0).fillna(0).tolist()}


def coconstruction_bars(frame: pd.DataFrame, row_labels: Sequence[str],
                        territory_names: Mapping[str, str], labels: Mapping[str, str],
                        lang: str = "fr") -> go.Figure:
    """Shares per actor × measure (`domain.coconstruction_by_actor`), one row each, bars in
    the actor's colour with their 95 % interval. With a region among the territories, the
    bars are the region and France is a marker on each row; otherwise the bars are France.
    `row_labels` names the rows (one per actor × measure, in the frame's order)."""
    territories = list(dict.fromkeys(frame["territory_code"]))
    region = next((c for c in territories if c != NATIONAL), None)
    bars = frame[frame["territory_code"] == (region or NATIONAL)].reset_index(drop=True)
    france = frame[frame["territory_code"] == NATIONAL].reset_index(drop=True)
    ticks = [f"<span style='color:{ACTOR_COLOURS.get(a, '#777')}'>■</span> {label}"
             for a, label in zip(bars["actor"], row_labels, strict=True)]
    custom = [[label.replace("<br>", " "), f"{row['study']} {row['year']}",
               "–" if row["n"] != row["n"] else str(int(row["n"])),
               _interval(row["ci_low"], row["ci_high"], lang)]
              for label, row in zip(row_labels, as_records(bars), strict=True)]
    hover = ("<b>%{customdata[0]}</b><br>%{customdata[1]} — " + "{where}"
             + f"<br>{labels['value']}{colon(lang)}%{{x:.1f}}{percent_suffix(lang)}"
             "<br>n = %{customdata[2]}<br>"
             f"{labels['ci']}{colon(lang)}%{{customdata[3]}}<extra></extra>")
    where = territory_names.get(region or NATIONAL, region or NATIONAL)
    figure = go.Figure(go.Bar(
        x=bars["value"], y=ticks, orientation="h", name=where,
        marker_color=[ACTOR_COLOURS.get(a, "#777") for a in bars["actor"]],
        error_x=_errors(bars), customdata=custom,
        text=[format_percent(v, 0, lang) for v in bars["value"]],
        textposition="inside", insidetextanchor="start", textangle=0,
        textfont={"color": [text_colour(a) for a in bars["actor"]]},
        hovertemplate=hover.replace("{where}", where)))
    if region is not None and len(france):
        france_custom = [[c[0], f"{row['study']} {row['year']}",
                          "–" if row["n"] != row["n"] else str(int(row["n"])),
                          _interval(row["ci_low"], row["ci_high"], lang)]
                         for c, row in zip(custom, as_records(france), strict=True)]
        name = territory_names.get(NATIONAL, NATIONAL)
        figure.add_trace(go.Scatter(
            x=france["value"], y=ticks, mode="markers", name=name,
            marker={"symbol": "diamond", "size": 11, "color": FRANCE_COLOUR,
                    "line": {"color": "white", "width": 1}},
            customdata=france_custom, hovertemplate=hover.replace("{where}", name)))
    _layout(figure, lang, height=54 * len(bars) + 90,
            margin={"l": 8, "r": 16, "t": 30, "b": 40}, bargap=0.3,
            showlegend=region is not None, uniformtext={"minsize": 9, "mode": "hide"},
            legend=BOTTOM_LEGEND,
            xaxis={"title": labels["unit"], "range": [0, 100],
                   "ticksuffix": percent_suffix(lang)},
            yaxis={"autorange": "reversed", "tickfont": {"size": 11}})
    return figure


def axis_rows(domains: Sequence[str], axes: Mapping[str, str],
              domain_labels: Mapping[str, str],
              axis_labels: Mapping[str, str]) -> tuple[list[str], dict[str, str]]:
    """The category rows of a chart by domain: each axis's name in bold, then its domains
    (one column of labels, narrow enough for a phone). Returns the rows and each domain's
    row label."""
    rows: list[str] = []
    labels: dict[str, str] = {}
    current = None
    for domain in domains:
        if axes[domain] != current:
            current = axes[domain]
            rows.append(f"<b>{axis_labels.get(current, current)}</b>")
        labels[domain] = domain_labels.get(domain, domain)
        rows.append(labels[domain])
    return rows, labels


def profile_chart(profiles: pd.DataFrame, domain_labels: Mapping[str, str],
                  axis_labels: Mapping[str, str], actor_labels: Mapping[str, str],
                  labels: Mapping[str, str], lang: str = "fr") -> go.Figure:
    """Every actor's score per domain (`actors.actor_profiles`): domains down the side under
    their axis's name, one dot colour per actor, a grey line spanning the actors' spread."""
    domains = list(dict.fromkeys(profiles["domain"]))
    first = profiles.drop_duplicates("domain")
    axes = dict(zip(first["domain"], first["axis"], strict=True))
    rows, names = axis_rows(domains, axes, domain_labels, axis_labels)
    # every row (axis names included) placed once, in order
    figure = go.Figure(go.Scatter(x=[None] * len(rows), y=rows, mode="markers",
                                  hoverinfo="skip", showlegend=False))
    spread = profiles.groupby("domain", sort=False)["value"].agg(["min", "max"]).reindex(domains)
    xs: list[float | None] = []
    ys: list[str | None] = []
    for domain, (low, high) in zip(domains, spread.itertuples(index=False), strict=True):
        if low == low:
            xs += [low, high, None]
            ys += [names[domain], names[domain], None]
    figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                                line={"color": "#C8C8C8", "width": 3}, showlegend=False))
    for actor, group in profiles.groupby("actor", sort=False):
        group = group.set_index("domain").reindex(domains)
        name = actor_labels.get(str(actor), str(actor))
        custom = [[names[d], "–" if r["n"] != r["n"] else str(int(r["n"])),
                   _interval(r["ci_low"], r["ci_high"], lang, 2)]
                  for d, r in zip(domains, as_records(group), strict=True)]
        figure.add_trace(go.Scatter(
            x=group["value"], y=[names[d] for d in domains], mode="markers", name=name,
            marker={"color": ACTOR_COLOURS.get(str(actor), "#777"), "size": 11,
                    "line": {"color": "white", "width": 1}},
            customdata=custom,
            hovertemplate=(f"<b>%{{customdata[0]}}</b><br>{name}"
                           f"<br>{labels['value']}{colon(lang)}%{{x:.2f}}"
                           "<br>n = %{customdata[1]}<br>"
                           f"{labels['ci']}{colon(lang)}%{{customdata[2]}}<extra></extra>")))
    values = profiles["value"].dropna()
    low = max(0.0, math.floor(values.min()) - 0.5) if len(values) else 0.0
    high = min(10.0, math.ceil(values.max()) + 0.5) if len(values) else 10.0
    return _layout(figure, lang, height=24 * len(rows) + 130,
                   margin={"l": 8, "r": 16, "t": 40, "b": 40},
                   legend=BOTTOM_LEGEND,
                   xaxis={"title": labels["unit"], "range": [low, high]},
                   yaxis={"type": "category", "categoryorder": "array", "categoryarray": rows,
                          "range": [len(rows) - 0.5, -0.5], "tickfont": {"size": 11}})


def priority_bars(ranking: pd.DataFrame, actor: str, domain_labels: Mapping[str, str],
                  labels: Mapping[str, str], lang: str = "fr") -> go.Figure:
    """One actor's domains by the share naming them a priority (`actors.priority_ranking`
    rows of that actor), first priority at the top; the top three in the actor's full colour
    with their rank, the others lighter. Shares on a fixed 0-100 % scale so the four actors'
    charts compare."""
    rows = ranking[ranking["actor"] == actor].dropna(subset=["value"]).sort_values("rank",
                                                                        kind="stable")
    colour = ACTOR_COLOURS.get(actor, "#777")
    names = [domain_labels.get(d, d) for d in rows["domain"]]
    texts = [(f"{int(r)}. " if top else "") + format_percent(v, 0, lang)
             for r, top, v in zip(rows["rank"], rows["top"], rows["value"], strict=True)]
    custom = [["–" if r["n"] != r["n"] else str(int(r["n"])),
               _interval(r["ci_low"], r["ci_high"], lang)]
              for r in as_records(rows)]
    figure = go.Figure(go.Bar(
        x=rows["value"], y=names, orientation="h",
        marker_color=[colour if top else tint(colour) for top in rows["top"]],
        marker_line_color=colour, marker_line_width=1, text=texts, textposition="outside",
        cliponaxis=False, customdata=custom,
        hovertemplate=(f"<b>%{{y}}</b><br>{labels['value']}{colon(lang)}%{{x:.1f}}{percent_suffix(lang)}<br>"
                       f"n = %{{customdata[0]}}<br>{labels['ci']}{colon(lang)}%{{customdata[1]}}"
                       "<extra></extra>")))
    return _layout(figure, lang, height=22 * len(rows) + 70,
                   margin={"l": 8, "r": 16, "t": 28, "b": 36}, bargap=0.25,
                   xaxis={"range": [0, 100], "ticksuffix": percent_suffix(lang),
                          "title": labels["unit"]},
                   yaxis={"autorange": "reversed"})


def wave_change_chart(comparison: pd.DataFrame, domain_labels: Mapping[str, str],
                      labels: Mapping[str, str], lang: str = "fr") -> go.Figure:
    """Citizens' score per domain in two waves (`actors.wave_comparison`): left, the earlier
    wave as a hollow dot and the later as a filled one, joined; right, the change as a bar in
    the diverging palette (towards orange: felt more fragile; towards purple: less).
    `labels` carries 'before', 'after' (the waves' names), 'change' (and optionally a shorter
    'change_short' for the panel's title), 'value', 'unit'."""
    shown = comparison.dropna(subset=["before", "after"], how="all")
    names = [domain_labels.get(d, d) for d in shown["domain"]]
    colour = ACTOR_COLOURS["citoyens"]
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.6, 0.4],
                           horizontal_spacing=0.06,
                           subplot_titles=(labels["unit"], labels.get("change_short",
                                                                      labels["change"])))
    xs: list[float | None] = []
    ys: list[str | None] = []
    for name, before, after in zip(names, shown["before"], shown["after"], strict=True):
        if before == before and after == after:
            xs += [before, after, None]
            ys += [name, name, None]
    figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#BBBBBB", "width": 2},
                                hoverinfo="skip", showlegend=False), row=1, col=1)
    # the later wave first, the earlier as a wider ring on top: equal scores stay visible
    for key, symbol, size, rank in (("after", "circle", 10, 2),
                                    ("before", "circle-open", 16, 1)):
        custom = [["–" if n != n else str(int(n))] for n in shown[f"{key}_n"]]
        figure.add_trace(go.Scatter(
            x=shown[key], y=names, mode="markers", name=labels[key], legendrank=rank,
            marker={"symbol": symbol, "size": size, "color": colour,
                    "line": {"color": colour, "width": 2}},
            customdata=custom,
            hovertemplate=(f"<b>%{{y}}</b><br>{labels[key]}<br>{labels['value']}{colon(lang)}"
                           "%{x:.2f}<br>n = %{customdata[0]}<extra></extra>")),
            row=1, col=1)
    change = shown["change"]
    breaks = class_breaks([float(v) for v in change.dropna()], centre=0.0)
    scale = stepped_colourscale(breaks, DIVERGING)
    figure.add_trace(go.Bar(
        x=change, y=names, orientation="h", showlegend=False,
        marker_color=[class_colour(float(v), breaks, scale) for v in change],
        marker_line_color="#777", marker_line_width=0.5,
        text=[signed(float(v), lang) for v in change],
        textposition="outside", cliponaxis=False,
        hovertemplate=f"<b>%{{y}}</b><br>{labels['change']}{colon(lang)}%{{x:+.2f}}<extra></extra>"),
        row=1, col=2)
    values = pd.concat([shown["before"], shown["after"]]).dropna()
    low = max(0.0, math.floor(values.min()) - 0.5) if len(values) else 0.0
    high = min(10.0, math.ceil(values.max()) + 0.5) if len(values) else 10.0
    reach = max(0.5, math.ceil(float(change.abs().max() if change.notna().any() else 0) * 2) / 2
                + 0.5)
    _layout(figure, lang, height=26 * len(names) + 130,
            margin={"l": 8, "r": 16, "t": 60, "b": 30}, bargap=0.3,
            legend=BOTTOM_LEGEND)
    figure.update_xaxes(range=[low, high], nticks=5, row=1, col=1)
    figure.update_xaxes(range=[-reach, reach], nticks=3, zeroline=True, zerolinecolor="#777",
                        row=1, col=2)
    figure.update_yaxes(autorange="reversed")
    figure.update_annotations(font_size=12, xanchor="left", selector={"yref": "paper"})
    for annotation, axis in zip(figure.layout.annotations, ("xaxis", "xaxis2"), strict=True):
        annotation.x = figure.layout[axis].domain[0]
    return figure

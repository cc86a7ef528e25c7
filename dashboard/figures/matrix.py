"""The domain page's figures: the region × actor matrix (one domain's perceived score in
every region (rows) for every actor (columns), as a heatmap with the values written in the
cells and France apart), and the strips of the indicators behind the domain's index."""
from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.analytics.survey_figures import NATIONAL
from dashboard.figures.style import (
    ACTOR_COLOURS,
    FONT,
    FRANCE_COLOUR,
    INDEX_COLOUR,
    SEQUENTIAL,
    separators,
)
from dashboard.i18n.labels import colon
from dashboard.i18n.numbers import format_number

ROW_HEIGHT = 30
STRIP_HEIGHT, STRIP_GAP = 140, 62  # px per indicator, of which the gap for its title


def actor_tick(actor: str, label: str) -> str:
    """A column heading: the actor's colour swatch, then its name (text stays dark, for
    contrast)."""
    return f"<span style='color:{ACTOR_COLOURS.get(actor, '#777')}'>■</span> {label}"


def _interval(low: float, high: float, lang: str) -> str:
    if low != low or high != high:
        return "–"
    return f"[{format_number(low, 2, lang)} ; {format_number(high, 2, lang)}]"


def matrix_heatmap(matrix: pd.DataFrame, column_labels: Mapping[str, str],
                   labels: Mapping[str, str], lang: str = "fr") -> go.Figure:
    """`matrix` has the columns of `domain.actor_matrix` (territory_code, name, actor, value,
    n, ci_low, ci_high…), rows in display order with France (`FR`) among them; France is drawn
    last, below a rule. `column_labels` names each actor's column (e.g. 'Citoyens 2019');
    `labels` gives the words 'value', 'ci' and 'france'. Cells show the value with one
    decimal in the interface's format (no colour bar: the colours only echo the values); the
    hover adds n and the 95 % interval."""
    actors = list(dict.fromkeys(matrix["actor"]))
    territories = list(dict.fromkeys(matrix["territory_code"]))
    territories = [c for c in territories if c != NATIONAL] + (
        [NATIONAL] if NATIONAL in territories else [])
    names = dict(zip(matrix["territory_code"], matrix["name"], strict=True))
    cells = matrix.set_index(["territory_code", "actor"])
    rows = [f"<b>{labels['france']}</b>" if code == NATIONAL else names[code]
            for code in territories]
    columns = [actor_tick(a, column_labels.get(a, a)) for a in actors]
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    custom: list[list[list[str]]] = []
    for code in territories:
        z_row, text_row, custom_row = [], [], []
        for actor in actors:
            cell = cells.loc[(code, actor)] if (code, actor) in cells.index else None
            value = None if cell is None or cell["value"] != cell["value"] else float(
                cell["value"])
            z_row.append(value)
            text_row.append(format_number(value, 1, lang))
            n = "–" if cell is None or cell["n"] != cell["n"] else str(int(cell["n"]))
            interval = "–" if cell is None else _interval(cell["ci_low"], cell["ci_high"], lang)
            custom_row.append([names.get(code, code) if code != NATIONAL else labels["france"],
                               column_labels.get(actor, actor), n, interval])
        z.append(z_row)
        text.append(text_row)
        custom.append(custom_row)
    present = [v for row in z for v in row if v is not None]
    low = math.floor(min(present) * 2) / 2 if present else 0.0
    high = math.ceil(max(present) * 2) / 2 if present else 10.0
    if high <= low:
        high = low + 0.5
    scale = [[i / (len(SEQUENTIAL) - 1), c] for i, c in enumerate(SEQUENTIAL)]
    figure = go.Figure(go.Heatmap(
        z=z, x=columns, y=rows, text=text, texttemplate="%{text}", customdata=custom,
        textfont={"size": 13}, colorscale=scale, zmin=low, zmax=high, hoverongaps=False,
        xgap=2, ygap=2, showscale=False,  # the values are written in the cells
        hovertemplate=("<b>%{customdata[0]}</b><br>%{customdata[1]}<br>"
                       f"{labels['value']}{colon(lang)}%{{z:.1f}}<br>n = %{{customdata[2]}}<br>"
                       f"{labels['ci']}{colon(lang)}%{{customdata[3]}}<extra></extra>")))
    if NATIONAL in territories and len(territories) > 1:
        # a rule between the regions and France
        figure.add_hline(y=len(territories) - 1.5, line_color=FRANCE_COLOUR, line_width=2)
    figure.update_layout(
        height=ROW_HEIGHT * len(territories) + 90, dragmode=False,
        margin={"l": 8, "r": 8, "t": 48, "b": 8}, separators=separators(lang),
        font={"family": FONT}, paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="white",
        xaxis={"side": "top", "fixedrange": True, "automargin": True},  # tilts when narrow
        yaxis={"autorange": "reversed", "fixedrange": True, "automargin": True,
               "tickfont": {"size": 11}})
    return figure


def indicator_strips(values: pd.DataFrame, labels: Mapping[str, str],
                     lang: str = "fr") -> go.Figure:
    """Small multiples, one strip per indicator (rows of `domain.domain_indicators` plus a
    `title` column): each region a dot on the indicator's own scale, France a diamond, and
    an arrow on the side where the value means more fragile. `labels` gives 'france' and
    'more_fragile'."""
    codes = list(dict.fromkeys(values["code"]))
    titles = [str(values.loc[values["code"] == c, "title"].iloc[0]) for c in codes]
    height = STRIP_HEIGHT * len(codes) + 40
    figure = make_subplots(rows=len(codes), cols=1, subplot_titles=titles,
                           vertical_spacing=STRIP_GAP / (height - 60) if len(codes) > 1 else 0)
    for i, code in enumerate(codes, start=1):
        rows = values[values["code"] == code]
        regional = rows[rows["territory_code"] != NATIONAL]
        france = rows[rows["territory_code"] == NATIONAL]
        figure.add_trace(go.Scatter(
            x=regional["value"], y=[0] * len(regional), mode="markers", showlegend=False,
            marker={"color": INDEX_COLOUR, "size": 10, "opacity": 0.55,
                    "line": {"color": "white", "width": 1}},
            text=regional["name"],
            hovertemplate=f"%{{text}}{colon(lang)}%{{x:,.1f}}<extra></extra>"),
            row=i, col=1)
        if len(france):
            figure.add_trace(go.Scatter(
                x=france["value"], y=[0], mode="markers+text", showlegend=False,
                marker={"symbol": "diamond", "color": FRANCE_COLOUR, "size": 14,
                        "line": {"color": "white", "width": 1}},
                text=[labels["france"]], textposition="top center",
                textfont={"size": 11, "color": FRANCE_COLOUR},
                hovertemplate=f"{labels['france']}{colon(lang)}%{{x:,.1f}}<extra></extra>"),
                row=i, col=1)
        present = rows["value"].dropna()
        low, high = (float(present.min()), float(present.max())) if len(present) else (0, 1)
        pad = (high - low) * 0.08 or 1.0
        worse_high = rows["direction"].iloc[0] == "higher_is_worse"
        figure.update_xaxes(range=[low - pad, high + pad], row=i, col=1, showgrid=True,
                            gridcolor="#EEEEEE", zeroline=False, fixedrange=True)
        figure.update_yaxes(range=[-1, 1.2], visible=False, fixedrange=True, row=i, col=1)
        axis = "" if i == 1 else str(i)
        figure.add_annotation(
            xref=f"x{axis} domain", yref=f"y{axis}", x=1 if worse_high else 0, y=-0.85,
            xanchor="right" if worse_high else "left", showarrow=False,
            text=(f"{labels['more_fragile']} →" if worse_high
                  else f"← {labels['more_fragile']}"),
            font={"size": 10, "color": "#B30000"})
    figure.update_annotations(selector={"showarrow": False, "yref": "paper"},
                              font_size=11, xanchor="left", x=0, align="left")
    figure.update_layout(height=height, dragmode=False,
                         margin={"l": 8, "r": 8, "t": 56, "b": 20},
                         separators=separators(lang), font={"family": FONT},
                         paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="white")
    return figure

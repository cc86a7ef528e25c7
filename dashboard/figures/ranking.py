"""The ranking beside a map: one bar per region, France as a dashed line."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.style import (
    FONT,
    FRANCE_COLOUR,
    class_colour,
    separators,
    stepped_colourscale,
)


def ranking_bars(values: pd.DataFrame, france: float | None, breaks: list[float],
                 colours: tuple[str, ...], france_label: str, value_label: str,
                 lang: str = "fr") -> go.Figure:
    """Regions with a value, most fragile (highest) at the top; bar colours are the map's
    classes so the two read together. `customdata` carries the region code (click → region)."""
    shown = values.dropna(subset=["value"]).sort_values("value")
    scale = stepped_colourscale(breaks, colours)
    figure = go.Figure(go.Bar(
        x=shown["value"], y=shown["name"], orientation="h", customdata=shown["code"],
        marker_color=[class_colour(v, breaks, scale) for v in shown["value"]],
        marker_line_color="#777", marker_line_width=0.5,
        hovertemplate=f"%{{y}}<br>{value_label} : %{{x:.2f}}<extra></extra>"))
    if france is not None:
        figure.add_vline(x=france, line_dash="dash", line_color=FRANCE_COLOUR,
                         annotation_text=f"{france_label}", annotation_position="top",
                         annotation_font_size=11)
    figure.update_layout(margin={"l": 8, "r": 8, "t": 24, "b": 8}, height=max(260, 24 * len(shown) + 60),
                         separators=separators(lang), font={"family": FONT}, dragmode=False,
                         xaxis={"title": value_label, "fixedrange": True, "zeroline": True},
                         yaxis={"fixedrange": True, "automargin": True},
                         plot_bgcolor="white", paper_bgcolor="rgba(0,0,0,0)")
    return figure

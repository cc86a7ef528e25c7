"""Colours and number formats shared by every chart.

Colour-blind-safe throughout: actors take the Okabe-Ito colours (one colour per actor across
the app), fragility a sequential ColorBrewer OrRd ramp, gaps a diverging PuOr ramp centred on
zero. French charts use a decimal comma and a narrow no-break space for thousands.
"""
from __future__ import annotations

import math

import numpy as np

ACTOR_COLOURS = {"citoyens": "#0072B2", "entreprises": "#E69F00", "associations": "#009E73",
                 "maires": "#CC79A7"}
ROOM_COLOUR = "#D55E00"  # a debate's room (Okabe-Ito vermilion: no actor has it)
INDEX_COLOUR = "#3B3B3B"  # the statistics (objective index)
FRANCE_COLOUR = "#555555"
NO_DATA_COLOUR = "#E4E4E4"
SEQUENTIAL = ("#FEF0D9", "#FDCC8A", "#FC8D59", "#E34A33", "#B30000")
DIVERGING = ("#5E3C99", "#B2ABD2", "#F7F7F7", "#FDB863", "#E66101")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
CLASS_METHODS = ("quantile", "equal")


def separators(lang: str) -> str:
    """plotly's `layout.separators`: decimal mark then thousands mark."""
    return ",\u202f" if lang == "fr" else ".,"


def class_breaks(values: list[float], method: str = "quantile", classes: int = 5,
                 centre: float | None = None) -> list[float]:
    """Class edges (classes + 1, increasing) for a choropleth legend.

    `quantile` puts as many regions in each class; `equal` cuts the range in equal steps.
    With `centre` (gaps), the range is made symmetric around it so that the middle colour
    means "no gap". Fewer distinct values than classes give fewer classes.
    """
    data = np.asarray([v for v in values if v is not None and not math.isnan(v)], dtype=float)
    if data.size == 0:
        return [0.0, 1.0]
    low, high = float(data.min()), float(data.max())
    if centre is not None:
        reach = max(abs(low - centre), abs(high - centre)) or 1.0
        low, high = centre - reach, centre + reach
        method = "equal"
    if high == low:
        return [low - 0.5, high + 0.5]
    if method == "quantile":
        edges = np.quantile(data, np.linspace(0, 1, classes + 1))
    else:
        edges = np.linspace(low, high, classes + 1)
    edges = np.unique(np.round(edges, 6))
    return [float(e) for e in edges] if edges.size >= 2 else [low, high]


def stepped_colourscale(breaks: list[float],
                        colours: tuple[str, ...]) -> list[list[float | str]]:
    """A continuous colourscale that is flat within each class: one trace, class colours
    (plotly draws a continuous scale much faster than one trace per class)."""
    low, high = breaks[0], breaks[-1]
    span = (high - low) or 1.0
    classes = len(breaks) - 1
    picks = [colours[round(i * (len(colours) - 1) / max(classes - 1, 1))]
             for i in range(classes)]
    scale: list[list[float | str]] = []
    for i, colour in enumerate(picks):
        start = (breaks[i] - low) / span
        end = (breaks[i + 1] - low) / span
        scale.extend([[round(start, 6), colour], [round(end, 6), colour]])
    scale[0][0], scale[-1][0] = 0.0, 1.0
    return scale


def class_colour(value: float | None, breaks: list[float],
                 scale: list[list[float | str]]) -> str:
    """The colour a value takes on a stepped scale (bars beside the map use it too)."""
    if value is None or math.isnan(value):
        return NO_DATA_COLOUR
    span = (breaks[-1] - breaks[0]) or 1.0
    position = min(max((value - breaks[0]) / span, 0.0), 1.0)
    for (start, colour), (end, _) in zip(scale[::2], scale[1::2], strict=True):
        if float(start) <= position <= float(end):
            return str(colour)
    return str(scale[-1][1])

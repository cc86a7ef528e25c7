"""The department map of initiatives: how many named examples each department holds.

The figure itself is `choropleth.base_map(..., level="department")` (geometry by URL); this
module gives the value layer for counts — whole-number classes, "1", "2", "3–4", "5–8" — and
departments without any initiative stay in the base layer's grey.
"""
from __future__ import annotations

from itertools import pairwise
from typing import Any

import pandas as pd

from dashboard.figures.choropleth import COLORBAR
from dashboard.figures.style import stepped_colourscale
from dashboard.frames import row_at
from dashboard.i18n.labels import colon

# ColorBrewer OrRd without its palest step, which reads as the grey of "none" on screen
COUNT_COLOURS = ("#FDD49E", "#FDBB84", "#FC8D59", "#E34A33", "#B30000")


def count_breaks(largest: int) -> list[float]:
    """Class edges for counts, half-way between whole numbers: each count its own class up
    to 3, then doubling ranges (3–4, 5–8, 9–16…)."""
    largest = max(largest, 1)
    edges, upper = [0.5], 1
    while True:
        edges.append(min(upper, largest) + 0.5)
        if upper >= largest:
            return edges
        upper = upper + 1 if upper < 2 else upper * 2


def class_names(breaks: list[float]) -> list[str]:
    """'1', '2', '3–4'… for the classes between the breaks."""
    names = []
    for low, high in pairwise(breaks):
        first, last = int(low + 0.5), int(high - 0.5)
        names.append(str(first) if first == last else f"{first}–{last}")
    return names


def count_update(values: pd.DataFrame, codes: list[str], labels: dict[str, str],
                 lang: str = "fr") -> dict[str, Any]:
    """The value layer's properties: z is the class of the count (0 for "1", 1 for "2"…;
    None where there is no initiative), the hover gives the department and its count, the
    legend whole-number classes. `values`: `initiative_map_values`."""
    by_code = values.set_index("code")
    z: list[int | None] = []
    custom: list[list[str]] = []
    for code in codes:
        row = row_at(by_code, code)
        value = None if row is None or row["value"] != row["value"] else int(row["value"])
        z.append(value)
        custom.append([f"{row['name']} ({code})" if row is not None else code,
                       str(value or 0)])
    largest = int(values["value"].max()) if values["value"].notna().any() else 1
    breaks = count_breaks(largest)
    classes = len(breaks) - 1
    # the colour axis is the class number, so that every class gets the same legend height
    # (counts are skewed: one department holds most examples)
    z = [None if v is None else next(i for i in range(classes) if v < breaks[i + 1])
         for v in z]
    return {
        "z": z, "customdata": custom,
        "hovertemplate": (f"<b>%{{customdata[0]}}</b><br>{labels['count']}{colon(lang)}"
                          "%{customdata[1]}<extra></extra>"),
        "colorscale": stepped_colourscale([i - 0.5 for i in range(classes + 1)],
                                          COUNT_COLOURS),
        "zmin": -0.5, "zmax": classes - 0.5,
        "colorbar": {**COLORBAR, "tickvals": list(range(classes)),
                     "ticktext": class_names(breaks),
                     "title": {"text": labels["unit"], "side": "top"}},
    }

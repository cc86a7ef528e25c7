"""The region and department maps: the geometry reaches the browser once, interactions send
only values.

`base_map` builds the figure once per page: a grey layer that draws every territory (so one
without data still shows, in grey), the value layer, and the frames and names of the overseas
insets. Its geometry is a URL (`/geo/region.geojson`, `/geo/department.geojson`), which
plotly.js fetches once per level and the browser caches. `as_patch` is what a change of
domain, lens or actor sends: the values, their colours and the legend, a few kilobytes; a
change of level adds the other level's URL and locations (`geometry_update`), never shapes.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
from dash import Patch

from dashboard.analytics.maps import MapData
from dashboard.figures.style import (
    DIVERGING,
    FONT,
    NO_DATA_COLOUR,
    SEQUENTIAL,
    class_breaks,
    separators,
    stepped_colourscale,
)
from dashboard.frames import row_at
from dashboard.i18n.labels import colon
from dashboard.i18n.numbers import format_number

GEOJSON_URL = "/geo/{level}.geojson"
VALUE_TRACE = 1  # data[0] is the grey base layer
# a horizontal legend under the map: it fits a phone's width as well as a projector's
COLORBAR = {"orientation": "h", "x": 0.5, "xanchor": "center", "y": 0, "yanchor": "top",
            "len": 0.85, "thickness": 10}


def _inset_frames(insets: dict[str, Any]) -> tuple[list[float | None], list[float | None]]:
    lons: list[float | None] = []
    lats: list[float | None] = []
    for inset in insets.values():
        x0, y0, x1, y1 = inset["box"]
        lons += [x0, x1, x1, x0, x0, None]
        lats += [y0, y0, y1, y1, y0, None]
    return lons, lats


def base_map(codes: list[str], bounds: tuple[float, float, float, float],
             insets: dict[str, Any], lang: str = "fr", level: str = "region") -> go.Figure:
    """The figure drawn once: geometry by URL, no values yet, no map tiles, no CDN."""
    url = GEOJSON_URL.format(level=level)
    lons, lats = _inset_frames(insets)
    lon_min, lat_min, lon_max, lat_max = bounds
    figure = go.Figure([
        go.Choropleth(geojson=url, featureidkey="properties.code", locations=codes,
                      z=[0] * len(codes), colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]],
                      showscale=False, hoverinfo="skip", marker_line_color="white",
                      marker_line_width=0.6, name=""),
        go.Choropleth(geojson=url, featureidkey="properties.code", locations=codes,
                      z=[None] * len(codes), marker_line_color="white", marker_line_width=0.6,
                      colorbar=COLORBAR, name=""),
        go.Scattergeo(lon=lons, lat=lats, mode="lines", line={"color": "#9A9A9A", "width": 1},
                      hoverinfo="skip", showlegend=False),
        go.Scattergeo(lon=[(i["box"][0] + i["box"][2]) / 2 for i in insets.values()],
                      lat=[i["box"][3] - 0.2 for i in insets.values()],
                      text=[i["name"] for i in insets.values()], mode="text",
                      textfont={"size": 9, "color": "#444"}, hoverinfo="skip",
                      showlegend=False),
    ])
    figure.update_geos(visible=False, projection_type="mercator",
                       lonaxis_range=[lon_min - 0.9, lon_max + 0.3],
                       lataxis_range=[lat_min - 0.3, lat_max + 0.6], bgcolor="rgba(0,0,0,0)")
    figure.update_layout(margin={"l": 0, "r": 0, "t": 8, "b": 56}, dragmode=False,
                         separators=separators(lang), font={"family": FONT},
                         paper_bgcolor="rgba(0,0,0,0)", height=560, showlegend=False)
    return figure


def legend_breaks(data: MapData, method: str) -> list[float]:
    """Class edges for a map: quantiles or equal steps; gaps symmetric around zero."""
    values = [float(v) for v in data.values["value"].dropna()]
    return class_breaks(values, method, centre=0.0 if data.unit == "gap" else None)


def hover_template(data: MapData, labels: dict[str, str], lang: str = "fr") -> str:
    """Region, value, rank, and n with the 95 % interval when it is a survey figure (a score
    or a gap, or any map whose values carry them, such as a survey share in percent)."""
    lines = ["<b>%{customdata[0]}</b>", f"{labels['value']}{colon(lang)}%{{z:.2f}}",
             f"{labels['rank']}{colon(lang)}%{{customdata[1]}}"]
    if data.unit in ("score_0_10", "gap") or data.values["n"].notna().any():
        lines.append("n = %{customdata[2]}")
    if data.unit == "score_0_10" or data.values["ci_low"].notna().any():
        lines.append(f"{labels['ci']}{colon(lang)}%{{customdata[3]}}")
    return "<br>".join(lines) + "<extra></extra>"


def value_update(data: MapData, codes: list[str], method: str, labels: dict[str, str],
                 lang: str = "fr") -> dict[str, Any]:
    """The value layer's properties for one view: values, hover, colours, legend."""
    by_code = data.values.set_index("code")
    total = int(by_code["value"].notna().sum())
    values: list[float | None] = []
    custom: list[list[str]] = []
    for code in codes:
        row = row_at(by_code, code)
        value = None if row is None or row["value"] != row["value"] else float(row["value"])
        values.append(None if value is None else round(value, 3))
        if row is None or value is None:
            custom.append([row["name"] if row is not None else code, "–", "–", "–"])
            continue
        interval = ("–" if row["ci_low"] != row["ci_low"] else
                    f"[{format_number(row['ci_low'], 2, lang)} ; "
                    f"{format_number(row['ci_high'], 2, lang)}]")
        custom.append([row["name"], f"{int(row['rank'])}/{total}",
                       "–" if row["n"] != row["n"] else f"{int(row['n'])}", interval])
    breaks = legend_breaks(data, method)
    return {
        "z": values, "customdata": custom, "hovertemplate": hover_template(data, labels, lang),
        "colorscale": stepped_colourscale(breaks, DIVERGING if data.unit == "gap" else SEQUENTIAL),
        "zmin": breaks[0], "zmax": breaks[-1],
        "colorbar": {**COLORBAR, "tickvals": breaks,
                     "ticktext": [format_number(b, 1, lang) for b in breaks],
                     "title": {"text": labels["unit"], "side": "top"}},
    }


def highlight_update(codes: list[str], code: str, names: Mapping[str, str],
                     colour: str) -> dict[str, Any]:
    """The value layer showing one region in `colour` on the grey base map (a debate's
    region among the others)."""
    return {"z": [1 if c == code else None for c in codes], "zmin": 0, "zmax": 1,
            "colorscale": [[0, colour], [1, colour]], "showscale": False,
            "customdata": [names.get(c, c) for c in codes],
            "hovertemplate": "<b>%{customdata}</b><extra></extra>"}


def geometry_update(level: str, codes: list[str]) -> dict[int, dict[str, Any]]:
    """Both layers' geometry for `level` (`codes`: its territories, in the order the values
    come): the URL plotly.js fetches once per level, and the locations."""
    url = GEOJSON_URL.format(level=level)
    return {0: {"geojson": url, "locations": codes, "z": [0] * len(codes)},
            VALUE_TRACE: {"geojson": url, "locations": codes}}


def as_patch(update: dict[str, Any],
             geometry: Mapping[int, Mapping[str, Any]] | None = None) -> Patch:
    """What a change of view sends: only the value layer's properties (a few kilobytes), and
    on a change of level the layers' `geometry_update`."""
    patch = Patch()
    for trace, properties in (geometry or {}).items():
        for key, value in properties.items():
            patch["data"][trace][key] = value
    for key, value in update.items():
        patch["data"][VALUE_TRACE][key] = value
    return patch

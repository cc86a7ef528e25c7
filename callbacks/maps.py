"""Map page callbacks: thin wiring from controls to `views.maps.map_outputs`. The figure
with its geometry URL is in the page's layout; every change of view sends a Patch of values
only, to which a change of level (regions or departments) or of indicator adds the level's
geometry URL and locations, never shapes."""
from __future__ import annotations

import json
from typing import Any

from dash import Dash, Input, Output, State, ctx, no_update

from callbacks.chart_tables import register_lazy_tables
from callbacks.first_render import prefilled_callback
from callbacks.sections import cached_json
from dashboard.data_access import departments, indicator_list, score_waves
from dashboard.paths import region_path
from dashboard.services import services
from layouts import ids
from layouts.context import build_search
from layouts.pages.maps import level_state
from views.maps import MapChoice, map_outputs, region_of, wave_options

# what makes a map's Patch carry its level's geometry (see `update_map`)
GEOMETRY_TRIGGERS = {f"{ids.MAP_LEVEL}.value", f"{ids.MAP_INDICATOR}.value"}


def register(app: Dash) -> None:
    @prefilled_callback(app, [Output(ids.MAP_WAVE, "options"), Output(ids.MAP_WAVE, "value")],
                        [Input(ids.MAP_ACTOR, "value"), State(ids.MAP_WAVE, "value")])
    def waves_of_actor(actor: str, current: str | None) -> tuple[list[dict[str, str]], Any]:
        return wave_options(score_waves(services(app.server), actor), current)

    def map_view(geometry: bool, domain: str, indicator: str | None, lens: str, actor: str,
                 wave: str | None, classes: str, level: str, lang: str,
                 lens_options: list[dict[str, Any]]) -> tuple[Any, ...]:
        """Everything a view changes; `geometry`: the map's Patch also sets the level's
        geometry URL and locations (on a change of level, and in the page's first answer)."""
        svc = services(app.server)
        subject = indicator or domain
        lens = "index" if indicator else lens
        level = level_state(indicator_list(svc), indicator, level, lang)[1]

        def build() -> tuple[Any, ...]:
            return map_outputs(svc, MapChoice(subject, lens, actor, wave, classes, level,
                                              bool(indicator)), lang, geometry, lens_options)

        # the lens options are the language's, with their disabled flags: part of the key
        return cached_json(svc, "map", (subject, lens, actor, wave, classes, level, geometry,
                                        lang, json.dumps(lens_options, sort_keys=True)), build)

    def first_view(*values: Any) -> tuple[Any, ...]:
        """The page's first answer: the layout's map is drawn with the regions' geometry, so
        a view by department sets its own."""
        return map_view(True, *values)

    @prefilled_callback(app, [
        Output(ids.MAP_GRAPH, "figure"), Output(ids.MAP_RANKING, "figure"),
        Output("map-title", "children"), Output("ranking-title", "children"),
        Output("map-source", "children"), Output("ranking-source", "children"),
        Output(ids.chart_data("map"), "data"),
        Output(ids.MAP_ACTOR, "disabled"), Output(ids.MAP_WAVE, "disabled"),
        Output(ids.MAP_LENS, "options")], [
        Input(ids.MAP_DOMAIN, "value"), Input(ids.MAP_INDICATOR, "value"),
        Input(ids.MAP_LENS, "value"), Input(ids.MAP_ACTOR, "value"),
        Input(ids.MAP_WAVE, "value"), Input(ids.MAP_CLASSES, "value"),
        Input(ids.MAP_LEVEL, "value"),
        State(ids.LANG, "data"), State(ids.MAP_LENS, "options")], first=first_view)
    def update_map(*values: Any) -> tuple[Any, ...]:
        # a new indicator may bring the level back to regions (`level_for_indicator`): its
        # Patch sets the geometry too, whether or not the level's change is merged into
        # this call's triggers
        return map_view(bool(GEOMETRY_TRIGGERS & set(ctx.triggered_prop_ids)), *values)

    @app.callback(Output(ids.MAP_LEVEL, "options"), Output(ids.MAP_LEVEL, "value"),
                  Output(ids.MAP_LEVEL_NOTE, "children"),
                  Input(ids.MAP_INDICATOR, "value"), State(ids.MAP_LEVEL, "value"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def level_for_indicator(indicator: str | None, level: str,
                            lang: str) -> tuple[list[dict[str, Any]], Any, str]:
        """Departments are offered for an indicator that has department values; a view
        without them goes back to regions (the page draws the switch resolved)."""
        options, value, note = level_state(indicator_list(services(app.server)), indicator,
                                           level, lang)
        return options, no_update if value == level else value, note

    register_lazy_tables(app, ["map"])

    @app.callback(Output(ids.URL, "search", allow_duplicate=True),
                  Input(ids.MAP_DOMAIN, "value"), Input(ids.MAP_INDICATOR, "value"),
                  Input(ids.MAP_LENS, "value"), Input(ids.MAP_ACTOR, "value"),
                  Input(ids.MAP_WAVE, "value"), Input(ids.MAP_CLASSES, "value"),
                  Input(ids.MAP_LEVEL, "value"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def remember_view(domain: str, indicator: str | None, lens: str, actor: str,
                      wave: str | None, classes: str, level: str, lang: str) -> str:
        """Every control's state in the URL: a copied link reproduces the view."""
        return build_search({"domain": domain, "indicator": indicator, "lens": lens,
                             "actor": actor if lens != "index" else None,
                             "wave": wave if lens != "index" else None,
                             "classes": classes if classes != "quantile" else None,
                             "level": level if level != "region" else None}, lang)

    @app.callback(Output(ids.URL, "pathname", allow_duplicate=True),
                  Output(ids.URL, "search", allow_duplicate=True),
                  Input(ids.MAP_GRAPH, "clickData"), Input(ids.MAP_RANKING, "clickData"),
                  State(ids.MAP_LEVEL, "value"), State(ids.LANG, "data"),
                  prevent_initial_call=True)
    def open_region(map_click: dict | None, bar_click: dict | None, level: str,
                    lang: str) -> tuple[Any, Any]:
        """A region, or a department's region, opens the region's profile."""
        click = map_click if ctx.triggered_id == ids.MAP_GRAPH else bar_click
        point = (click or {}).get("points", [{}])[0]
        code = point.get("location") or point.get("customdata")
        if code and level == "department":
            code = region_of(departments(services(app.server)), code)
        if not code:
            return no_update, no_update
        return region_path(code), build_search({}, lang)


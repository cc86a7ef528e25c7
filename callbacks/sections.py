"""Lazy sections and the cached JSON of what callbacks send.

A warm view is a cache read: `cached_json` files a callback's outputs as the plain JSON Dash
would send (figures with their numbers rounded), per view and parameters, in the shared cache
— under the data version, like every entry there (`dashboard.cache`), so an import anywhere
makes every worker rebuild it. `register_section` wires one lazy section
(`layouts.components.lazy_section`): nothing is built until the section comes into view.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate
from plotly.io.json import to_json_plotly

from dashboard.services import Services
from layouts import ids
from layouts.components import view_card
from views.common import View

FIGURE_DIGITS = 4  # enough for any position or value a chart draws; far fewer bytes


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, FIGURE_DIGITS)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def _round_figures(tree: Any) -> Any:
    """The JSON of a component tree with the numbers of its graphs' figures rounded (CSV
    rows and tables keep theirs)."""
    if isinstance(tree, list):
        return [_round_figures(v) for v in tree]
    if not isinstance(tree, dict):
        return tree
    if tree.get("type") == "Graph" and isinstance(tree.get("props"), dict):
        props = tree["props"]
        return {**tree, "props": {**props, "figure": _rounded(props.get("figure"))}}
    if "__dash_patch_update" in tree:  # a map's Patch of values
        return _rounded(tree)
    return {k: _round_figures(v) for k, v in tree.items()}


def plain(value: Any) -> Any:
    """What Dash would send for `value` (components, figures, Patches), as plain JSON."""
    return _round_figures(json.loads(to_json_plotly(value)))


def cached_json(svc: Services, view: str, parts: tuple[Any, ...],
                build: Callable[[], Any]) -> Any:
    """`build()`'s outputs as plain JSON, built once per (view, parameters, data version)
    for every worker. `parts` must hold everything the outputs depend on, language
    included."""
    return svc.cache.get_or_compute(f"view:{view}", parts, lambda _session: plain(build()))


def card_values(view: View) -> tuple[Any, ...]:
    """A chart card's outputs, in the order the pages wire them: body, title, source line,
    CSV store."""
    return view.body, view.title, view.source, view.store


def section_card(section: str, lang: str, view: View) -> Any:
    """A lazy section's card, complete, from its view."""
    return view_card(section, lang, view.title, view.body, view.source, view.store)


def register_section(app: Dash, section: str, draw: Callable[..., Any],
                     inputs: list[Input], states: list[State],
                     extra: list[Output] | None = None) -> None:
    """Draw `section` (a `lazy_section`) when it has come into view, and again when one of
    `inputs` changes while it is there. `draw(*inputs, *states)` returns the section's card
    (and the `extra` outputs after it)."""
    register_lazy(app, section, [Output(ids.slot(section), "children"), *(extra or [])],
                  draw, inputs, states)


def register_lazy(app: Dash, section: str, outputs: list[Output], draw: Callable[..., Any],
                  inputs: list[Input], states: list[State]) -> None:
    """Fill `outputs` with `draw(*inputs, *states)` once `section` (a `lazy_section` or
    `lazy_card`) has come into view, and again when one of `inputs` changes while it is
    there. Never on the first render: a section off screen costs nothing, and a control
    changed before it was seen only draws it once it is."""
    def fill(seen: Any, *values: Any) -> Any:
        if not seen:
            raise PreventUpdate
        return draw(*values)

    app.callback(*outputs, Input(ids.seen(section), "data"), *inputs, *states,
                 prevent_initial_call=True)(fill)

"""Callbacks whose first answer comes with the page.

The charts at the top of a page are filled by callbacks. Fired after the router has answered,
they cost one more round trip, one more React render and, for a map drawn empty first, a
second plotly draw; and the cards they fill grow in place and push the page down (layout
shift). A *prefilled* callback is an ordinary callback registered with
`prevent_initial_call=True` and also filed with its app: the router finds the values of its
inputs in the page it has just built, calls it, and writes its outputs into that page. The
first render then holds them, and the callback fires only when a control changes.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from dash import Dash, Input, Output, Patch, State, no_update
from dash.development.base_component import Component

REGISTRY = "territoires.prefilled"  # the app's list, in `app.server.extensions`

Prop = tuple[Any, str]  # (component id, property)


@dataclass(frozen=True)
class Prefilled:
    outputs: tuple[Prop, ...]
    arguments: tuple[Prop, ...]  # the callback's inputs then states, in its argument order
    function: Callable[..., Any]


def _props(dependencies: Sequence[Input | State | Output]) -> tuple[Prop, ...]:
    return tuple((d.component_id, d.component_property) for d in dependencies)


def prefilled_callback(app: Dash, outputs: Sequence[Output],
                       arguments: Sequence[Input | State],
                       first: Callable[..., Any] | None = None
                       ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Like `app.callback(*outputs, *arguments)`, and its first answer comes with the page
    (see the module's docstring): the function's, or `first`'s where the page needs more
    than a change sends (a whole figure where a change sends a Patch). Either takes the
    values as the layout has them."""
    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        app.callback(*outputs, *arguments, prevent_initial_call=True)(function)
        app.server.extensions.setdefault(REGISTRY, []).append(
            Prefilled(_props(outputs), _props(arguments), first or function))
        return function
    return register


def _key(component_id: Any) -> str:
    return json.dumps(component_id, sort_keys=True)


def _components(tree: Any) -> Iterator[Component]:
    items = tree if isinstance(tree, list | tuple) else [tree]
    for item in items:
        if isinstance(item, Component):
            yield item
            yield from item._traverse()  # Dash's own walk through `children`


def apply_patch(value: Any, patch: dict[str, Any]) -> Any:
    """What a Patch's assignments (the only operation the app's Patches use) make of
    `value`, as the browser would apply them."""
    result = deepcopy(value)
    for operation in patch["operations"]:
        if operation["operation"] != "Assign":
            raise ValueError(f"unsupported Patch operation {operation['operation']!r}")
        *path, last = operation["location"]
        target = result
        for step in path:
            target = target[step]
        target[last] = operation["params"]["value"]
    return result


def _plain(value: Any) -> Any:
    """A prop's value as JSON-like data (a plotly Figure as its dict)."""
    return value.to_plotly_json() if hasattr(value, "to_plotly_json") else value


def fill_first_render(app: Dash, tree: Any) -> Any:
    """Write the first answer of every prefilled callback whose components are all in `tree`
    (the page the router is about to send) into it, in the order they were registered: one
    may read what an earlier one wrote."""
    found: dict[str, Component] = {}
    for component in _components(tree):
        component_id = getattr(component, "id", None)
        if component_id is not None:
            found[_key(component_id)] = component
    for entry in app.server.extensions.get(REGISTRY, []):
        if not all(_key(cid) in found for cid, _prop in (*entry.outputs, *entry.arguments)):
            continue
        values = [getattr(found[_key(cid)], prop, None) for cid, prop in entry.arguments]
        results = entry.function(*values)
        if len(entry.outputs) == 1:
            results = (results,)
        for (cid, prop), value in zip(entry.outputs, results, strict=True):
            if value is no_update:
                continue
            if isinstance(value, Patch):
                value = value.to_plotly_json()
            if isinstance(value, dict) and "__dash_patch_update" in value:
                value = apply_patch(_plain(getattr(found[_key(cid)], prop, None)), value)
            setattr(found[_key(cid)], prop, value)
    return tree

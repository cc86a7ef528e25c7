"""Reading Dash component trees in tests that check layouts and callback outputs."""
from __future__ import annotations

from typing import Any

from dash import dcc


def _children(component: Any) -> list[Any]:
    children = getattr(component, "children", None)
    items = children if isinstance(children, (list, tuple)) else [children]
    return [c for c in items if c is not None and not isinstance(c, str)]


def find(component: Any, component_id: Any) -> Any:
    """The first component with this id in the tree, or None."""
    if getattr(component, "id", None) == component_id:
        return component
    for child in _children(component):
        found = find(child, component_id)
        if found is not None:
            return found
    return None


def text_of(component: Any) -> str:
    """Every string in a component tree, joined by spaces."""
    if isinstance(component, str):
        return component
    if isinstance(component, (list, tuple)):
        return " ".join(text_of(c) for c in component)
    children = getattr(component, "children", None)
    return text_of(children) if children is not None else ""


def graphs(component: Any) -> list[dcc.Graph]:
    """Every dcc.Graph in the tree, in order."""
    if isinstance(component, dcc.Graph):
        return [component]
    return [g for child in _children(component) for g in graphs(child)]


def links(component: Any) -> list[dcc.Link]:
    """Every dcc.Link in the tree, in order."""
    own = [component] if isinstance(component, dcc.Link) else []
    return own + [link for child in _children(component) for link in links(child)]


def layout_at(path: str) -> tuple[Any, dict[str, str]]:
    """The layout builder the page registry routes `path` to (None for no page), and the
    path's parameters."""
    from layouts.registry import match

    page, params = match(path)
    return (page.layout if page else None), params

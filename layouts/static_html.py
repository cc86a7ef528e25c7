"""A page's component tree as plain HTML, sent inside the index page.

Dash draws nothing until React, its renderer and the component libraries have downloaded and
run, and the router has answered: on a phone over 4G that is seconds of white screen. The
index page carries a static copy of the page the router is about to send (`assets/
prerender.js` removes it the moment Dash has drawn the real one, in the same frame), so the
header, the title, the text and the cards' places are on screen at once.

The copy is for eyes and layout only: no ids (the live page owns them), no controls that look
usable (a dropdown is the box of its current value, an option list its labels), charts as
the space they will take. Everything is escaped.
"""
from __future__ import annotations

from html import escape
from typing import Any

_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"}
# props that are Dash's, or name the live page's elements
_DROPPED = {"id", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state",
            "key", "setProps", "tabIndex", "aria-labelledby", "aria-controls",
            "aria-describedby", "htmlFor",
            "data-lazy", "data-lazy-key"}  # assets/lazy.js watches the live page only
_RENAMED = {"className": "class"}
# dash_core_components drawn as the space or the text they will show
_NOTHING = {"Store", "Location", "Download", "Interval"}


def _style(style: dict[str, Any]) -> str:
    def css_name(name: str) -> str:
        return "".join("-" + c.lower() if c.isupper() else c for c in name)
    return "; ".join(f"{css_name(k)}: {v}" for k, v in style.items() if v not in (None, ""))


def _attributes(props: dict[str, Any]) -> str:
    parts = []
    for name, value in props.items():
        if name in _DROPPED or name == "children" or value in (None, False, ""):
            continue
        if name == "style":
            value = _style(value) if isinstance(value, dict) else value
            if not value:
                continue
        elif not isinstance(value, str | int | float | bool):
            continue
        name = _RENAMED.get(name, name)
        parts.append(f' {name}' if value is True else f' {name}="{escape(str(value))}"')
    return "".join(parts)


def _dcc(kind: str, props: dict[str, Any]) -> str:
    if kind in _NOTHING:
        return ""
    if kind == "Link":
        return (f'<a href="{escape(str(props.get("href", "#")))}"'
                f'{_attributes({"className": props.get("className")})}>'
                f"{to_html(props.get('children'))}</a>")
    if kind == "Graph":
        height = (props.get("style") or {}).get("height")
        return f'<div class="chart"{_attributes({"style": {"height": height}})}></div>'
    if kind == "Input":  # a plain field: the search box works before any script has run
        kept = ("type", "name", "value", "placeholder", "className", "autoComplete",
                "maxLength")
        return f"<input{_attributes({k: props.get(k) for k in kept})}>"
    options = props.get("options") or []
    labels = {o.get("value"): o.get("label") for o in options if isinstance(o, dict)}
    if kind == "Dropdown":
        shown = labels.get(props.get("value"), props.get("placeholder") or "")
        return f'<div class="prerender-dropdown">{escape(str(shown or ""))}</div>'
    if kind in ("RadioItems", "Checklist"):
        chosen = props.get("value")
        items = "".join(
            f'<label><span class="prerender-mark">{"●" if v == chosen else "○"}</span> '
            f"{escape(str(label))}</label>" for v, label in labels.items())
        return f'<div{_attributes({"className": props.get("className")})}>{items}</div>'
    return ""


def to_html(tree: Any) -> str:
    """The HTML of a component tree as Dash sends it (`callbacks.sections.plain`)."""
    if tree is None or tree is False:
        return ""
    if isinstance(tree, list | tuple):
        return "".join(to_html(item) for item in tree)
    if not isinstance(tree, dict) or "props" not in tree:
        return escape(str(tree))
    kind, props = tree.get("type", ""), tree.get("props") or {}
    if tree.get("namespace") == "dash_html_components":
        tag = kind.lower()  # html.Div → div
        if tag in _VOID:
            return f"<{tag}{_attributes(props)}>"
        return f"<{tag}{_attributes(props)}>{to_html(props.get('children'))}</{tag}>"
    if tree.get("namespace") == "dash_core_components":
        return _dcc(kind, props)
    return ""

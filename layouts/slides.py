"""A debate slide as the projector and the printed report draw it: one full-screen section
(`.debate-slide` in assets/style.css) around what `views.slides.slide` built. No I/O."""
from __future__ import annotations

from typing import Any

from dash import html

from dashboard.i18n.labels import t
from layouts.components import aria


def slide_section(title: str, body: Any, source: str, kind: str, lang: str,
                  number: int = 0, demo: bool = False) -> html.Section:
    """The slide: its title (the title slide's body holds its own heading), body, source
    line, and the demonstration flag when what it shows is demonstration data."""
    heading = f"debate-slide-{number}-title"
    titled = kind != "title" and bool(title)
    parts: list[Any] = [html.H2(title, id=heading, className="chart-title")] if titled else []
    parts.append(html.Div(body, className="slide-body"))
    if source:
        parts.append(html.P(source, className="source"))
    if demo:
        parts.append(html.P(t("demo_short", lang), className="demo-banner", role="note"))
    labelled = aria(labelledby=heading) if titled else aria(label=title or t("debate_room",
                                                                             lang))
    return html.Section(parts, id=f"debate-slide-{number}",
                        className=f"debate-slide debate-slide-{kind}", **labelled)

"""Région page callbacks: each section drawn when it comes into view, from one cached profile
(`data_access.profile`) and its builder in `views.region`, its JSON cached per region, wave
and language; the chosen wave kept in the URL."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update

from callbacks.chart_tables import register_lazy_tables
from callbacks.sections import cached_json, register_section
from dashboard.data_access import profile as load_profile
from dashboard.i18n.labels import t
from dashboard.services import Services, services
from layouts import ids
from layouts.components import empty_state
from layouts.context import build_search
from layouts.pages import region as page
from views import region as views


def _default(options: list[dict[str, str]] | None) -> str | None:
    """The newest wave: the one a link leaves implicit."""
    return (options or [{}])[0].get("value")


def section_outputs(svc: Services, card: str, wave: str | None, code: str, lang: str,
                    options: list[dict[str, str]] | None) -> Any:
    """One section's outputs as JSON, cached (the identity card also says, above the
    sections, whether the region was surveyed, and hides the wave control where it was
    not)."""
    link_wave = wave if wave and wave != _default(options) else None

    def build() -> Any:
        profile = load_profile(svc, code, wave)
        if profile is None:
            shown: Any = empty_state(t("region_unknown", lang, code=code))
            return (shown, None, True) if card == page.IDENTITY else shown
        drawn = views.card(card, profile, svc.reference, lang, link_wave)
        if card == page.IDENTITY:
            return drawn, views.region_note(profile, lang), not profile.surveyed
        return drawn

    return cached_json(svc, "region", (card, code, wave, link_wave, lang), build)


def register(app: Dash) -> None:
    for card in page.ORDER:
        def draw(wave: str | None, code: str, lang: str,
                 options: list[dict[str, str]] | None, card: str = card) -> Any:
            return section_outputs(services(app.server), card, wave, code, lang, options)

        register_section(
            app, card, draw, [Input(page.WAVE, "value")],
            [State(page.CODE, "data"), State(ids.LANG, "data"), State(page.WAVE, "options")],
            extra=[Output(page.NOTE, "children"), Output(page.CONTROLS, "hidden")]
            if card == page.IDENTITY else None)

    register_lazy_tables(app, page.CHART_CARDS)

    @app.callback(Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.WAVE, "value"), State(page.WAVE, "options"),
                  State(ids.LANG, "data"), State(ids.URL, "search"),
                  prevent_initial_call=True)
    def remember_wave(wave: str | None, options: list[dict[str, str]] | None, lang: str,
                      current: str | None) -> Any:
        """The chosen wave in the URL (the newest, the default, left implicit)."""
        search = build_search({"wave": wave if wave != _default(options) else None}, lang)
        return no_update if search == (current or "") else search

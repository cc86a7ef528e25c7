"""Structure, not timing: a page's first render (the router's answer and every initial
callback, replayed as the browser would send them) builds no more than the charts on screen,
each lazy section builds only its own, and nothing a section shows is lost on the way."""
from __future__ import annotations

import json
from typing import Any

import pytest

from bench.replay import Call, Replay, stringify
from layouts import ids
from layouts.pages import actors as acteurs_page
from layouts.pages import commune as commune_page
from layouts.pages import domain as domaine_page
from layouts.pages import initiatives as initiatives_page
from layouts.pages import practices as pratiques_page
from layouts.pages import region as region_page


def graphs_in(value: Any) -> list[dict[str, Any]]:
    """Every dcc.Graph with a figure in a response's JSON."""
    if isinstance(value, list):
        return [g for v in value for g in graphs_in(v)]
    if not isinstance(value, dict):
        return []
    own = ([value] if value.get("type") == "Graph" and
           (value.get("props", {}).get("figure") or {}).get("data") else [])
    return own + [g for v in value.values() for g in graphs_in(v)]


def built(calls: list[Call]) -> list[str]:
    return [g["props"]["id"] for call in calls for g in graphs_in(call.response)]


@pytest.fixture
def replay(demo_url, make_app):  # type: ignore[no-untyped-def]
    return Replay(make_app(demo_url).server.test_client())


def test_region_first_render_builds_no_chart_before_its_sections_are_seen(replay):
    calls = replay.open("/region/93")
    assert [c.name for c in calls] == ["page-root.children"]  # the router, nothing else
    assert built(calls) == []
    for card in region_page.ORDER:
        assert ids.seen(card) in replay.props, card


def test_region_sections_on_screen_build_only_their_own_chart(replay):
    replay.open("/region/93")
    # what a 1300 × 1000 screen shows first: the identity card, the 16 fragilities
    identity = replay.set(ids.seen(region_page.IDENTITY), data="93")
    assert [c.name for c in identity] == [f"{ids.slot(region_page.IDENTITY)}.children"]
    assert built(identity) == []
    fragility = replay.set(ids.seen(region_page.FRAGILITY), data="93")
    assert built(fragility) == [f"{region_page.FRAGILITY}-graph"]
    for card in region_page.ORDER[2:]:  # below the fold: still placeholders
        slot = json.dumps(replay.props[ids.slot(card)]["children"])
        assert "lazy-placeholder" in slot and "Graph" not in slot, card


def test_every_region_section_is_drawn_once_seen_with_its_source_and_csv(replay):
    replay.open("/region/93", "?lang=en")
    drawn: dict[str, list[str]] = {}
    for card in region_page.ORDER:
        calls = replay.set(ids.seen(card), data="93")
        assert len(calls) == 1, card
        drawn[card] = built(calls)
        assert drawn[card] == ([f"{card}-graph"] if card in region_page.CHART_CARDS else []), card
        section = json.dumps(calls[0].response)
        assert "Source" in section, card
        if card in region_page.CHART_CARDS + region_page.CSV_TEXT_CARDS:
            assert ids.csv_button(card)["type"] in section, card  # its CSV button
    # a table is built when its panel opens, from the rows of the CSV
    table = replay.set(f"{region_page.FRAGILITY}-details", open=True)
    assert [c.name for c in table] == [f"{region_page.FRAGILITY}-table.children"]
    assert json.dumps(table[0].response).count('"Tr"') == 17  # header + 16 domains


def test_changing_the_wave_redraws_only_the_sections_already_seen(replay):
    replay.open("/region/93")
    replay.set(ids.seen(region_page.FRAGILITY), data="93")
    calls = replay.set(region_page.WAVE, value="PHARE-Citoyens:2015")
    drawn = [c for c in calls if c.status == 200 and c.name.endswith("-slot.children")]
    assert [c.name for c in drawn] == [f"{ids.slot(region_page.FRAGILITY)}.children"]
    assert "PHARE-Citoyens 2015" in json.dumps(drawn[0].response)


def test_a_section_seen_again_is_a_cache_read_until_the_data_changes(empty_url, make_app,
                                                                     monkeypatch):
    from sqlalchemy.orm import Session

    from callbacks import region as region_callbacks
    from dashboard.db import bump_data_version
    from dashboard.services import services
    from views import region as region_views

    svc = services(make_app(empty_url).server)  # its own database: it changes
    first = region_callbacks.section_outputs(svc, region_page.FRAGILITY, None, "93", "fr", None)
    built_again: list[str] = []
    real_card = region_views.card

    def counting(card: str, *args: Any, **kwargs: Any) -> Any:
        built_again.append(card)
        return real_card(card, *args, **kwargs)

    monkeypatch.setattr(region_views, "card", counting)
    again = region_callbacks.section_outputs(svc, region_page.FRAGILITY, None, "93", "fr", None)
    assert again == first and built_again == []  # the cached JSON, not a rebuild
    with Session(svc.engine) as session:  # what every import does
        bump_data_version(session)
        session.commit()
    region_callbacks.section_outputs(svc, region_page.FRAGILITY, None, "93", "fr", None)
    assert built_again == [region_page.FRAGILITY]


# --- every page: the charts on screen come with the page, the others when seen ----------

FIRST_RENDER = {  # what a 1350 × 940 screen shows first, drawn by the router's one answer
    "/": ["map-graph", "map-ranking"],
    "/acteurs": ["actors-profile-graph"],
    "/domaine/emploi": ["domain-map-graph", "domain-ranking-graph"],
    "/pratiques": ["pratiques-map-graph", "pratiques-ranking-graph"],
    "/initiatives": [initiatives_page.MAP_GRAPH],
    "/region/93": [],
    "/commune/42218": [commune_page.MAP_GRAPH],
}
BELOW_THE_FOLD = {  # each lazy section or card, and the charts it draws once seen
    "/acteurs": {acteurs_page.PRIORITIES: [f"actors-priority-{a}" for a in
                                           ("citoyens", "entreprises", "associations",
                                            "maires")],
                 acteurs_page.WAVES: ["actors-waves-graph"]},
    "/domaine/emploi": {domaine_page.MATRIX: ["domain-matrix-graph"],
                        domaine_page.COCON: ["domain-cocon-graph"],
                        domaine_page.INDICATORS: ["domain-indicators-graph"]},
    "/pratiques": {pratiques_page.CATEGORIES: [f"{pratiques_page.CATEGORIES}-graph"],
                   pratiques_page.SCOPES: [f"{pratiques_page.SCOPES}-graph"],
                   pratiques_page.EVOLUTION: [f"{pratiques_page.EVOLUTION}-graph"],
                   pratiques_page.SUBPOPS: [f"{pratiques_page.SUBPOPS}-graph"]},
}


def texts(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("path", list(FIRST_RENDER))
def test_a_page_is_one_answer_holding_the_charts_on_screen_and_no_other(replay, path):
    calls = replay.open(path)
    assert [c.name for c in calls] == ["page-root.children"]  # no callback after the router
    assert built(calls) == FIRST_RENDER[path]
    for graph in graphs_in(calls[0].response):  # drawn with their values, not empty
        values = [v for trace in graph["props"]["figure"]["data"]
                  for key in ("z", "x") for v in (trace.get(key) or [])]
        assert any(v not in (None, 0) for v in values), graph["props"]["id"]
    for section in BELOW_THE_FOLD.get(path, {}):
        assert ids.seen(section) in replay.props, section  # waiting to be seen


@pytest.mark.parametrize("path", list(BELOW_THE_FOLD))
def test_a_section_below_the_fold_draws_its_charts_source_and_csv_once_seen(replay, path):
    replay.open(path)
    for section, charts in BELOW_THE_FOLD[path].items():
        calls = replay.set(ids.seen(section), data=True)
        assert built(calls) == charts, section
        shown = texts([c.response for c in calls])
        assert "Source" in shown and "demonstration" not in shown, section  # French
        assert "démonstration" in shown, section  # the data are said to be demonstration data
        store = replay.props.get(stringify(ids.chart_data(section)), {}).get("data") or {}
        assert store.get("rows"), section  # its CSV (and table) rows, as drawn
        assert stringify(ids.csv_button(section)) in replay.props, section  # its button


def test_the_map_drawn_with_the_page_is_the_one_a_change_patches(replay):
    """The first answer is the whole figure with the values of the view the URL asks for;
    a change afterwards sends a Patch of the value layer only."""
    calls = replay.open("/", "?domain=mobilite")
    first = next(g for g in graphs_in(calls[0].response) if g["props"]["id"] == ids.MAP_GRAPH)
    assert "Mobilité" in texts(calls[0].response)
    changed = replay.set(ids.MAP_DOMAIN, value="emploi")
    update = next(c for c in changed if c.name.startswith(f"{ids.MAP_GRAPH}.figure"))
    patch = texts(update.response)
    assert "__dash_patch_update" in patch and "geojson" not in patch
    assert "geojson" in texts(first)


def test_a_patch_is_applied_to_the_first_render_as_the_browser_would():
    from dash import Patch

    from callbacks.first_render import apply_patch

    figure = {"data": [{"z": [0, 0]}, {"z": [None, None], "name": ""}], "layout": {}}
    patch = Patch()
    patch["data"][1]["z"] = [1.5, 2.0]
    patch["data"][1]["zmax"] = 2.0
    patched = apply_patch(figure, patch.to_plotly_json())
    assert patched["data"][1] == {"z": [1.5, 2.0], "name": "", "zmax": 2.0}
    assert figure["data"][1]["z"] == [None, None]  # the layout's own figure is left alone
    appended = Patch()
    appended["data"].append({"z": [3]})
    with pytest.raises(ValueError, match="Append"):
        apply_patch(figure, appended.to_plotly_json())

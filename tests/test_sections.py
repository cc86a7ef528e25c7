"""Structure, not timing: a page's first render (the router's answer and every initial
callback, replayed as the browser would send them) builds no more than the charts on screen,
each lazy section builds only its own, and nothing a section shows is lost on the way."""
from __future__ import annotations

import json
from typing import Any

import pytest

from bench.replay import Call, Replay
from layouts import ids
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

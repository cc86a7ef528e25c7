"""The action page (/region/<code>/action): its layout from the URL, each section as the
callbacks draw it when it comes into view, for regions of the mainland and overseas, and
the link to it from the region profile."""
from __future__ import annotations

import json

import pytest
from dash import dcc, html

from bench.replay import Replay
from component_helpers import find, layout_at, text_of
from dashboard import data_access
from dashboard.reference import load_reference
from layouts import ids
from layouts.context import PageContext
from layouts.pages import action as action_page
from layouts.pages import region as region_page
from views import action as action_views
from views import region as region_views

REF = load_reference()
REGIONS = ({"code": "93", "name": "Provence-Alpes-Côte d'Azur"},
           {"code": "44", "name": "Grand Est"}, {"code": "03", "name": "Guyane"})


def test_the_action_route_is_not_taken_for_the_profile() -> None:
    page, params = layout_at("/region/93/action")
    assert page is action_page.layout and params == {"code": "93"}
    assert layout_at("/region/93")[0] is region_page.layout
    assert layout_at("/region/93/actions")[0] is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_layout_has_every_section_waiting_and_links_back(lang: str) -> None:
    layout = action_page.layout(PageContext(lang=lang, ref=REF, regions=REGIONS,
                                            params={"code": "44"}))
    text = text_of(layout)
    assert ("Passer à l'action — Grand Est" if lang == "fr" else
            "Taking action — Grand Est") in text
    for card in action_page.ORDER:
        assert find(layout, ids.seen(card)) is not None, card
    assert find(layout, action_page.CODE).data == "44"


def test_unknown_region_gets_the_list_of_regions() -> None:
    layout = action_page.layout(PageContext(lang="fr", ref=REF, regions=REGIONS,
                                            params={"code": "99"}))
    assert "99" in text_of(layout) and "Guyane" in text_of(layout)


def test_region_profile_links_to_its_action_page() -> None:
    layout = region_page.layout(PageContext(lang="en", ref=REF, regions=REGIONS,
                                            params={"code": "93"}))
    link = find(layout, "region-action-link")
    assert isinstance(link, dcc.Link) and link.href == "/region/93/action?lang=en"


@pytest.mark.parametrize("code", ["93", "44", "11", "03", "06"])
def test_every_section_builds_with_a_source_for_mainland_and_overseas(demo_services,
                                                                       code) -> None:
    plan = data_access.action_plan(demo_services, code)
    views = action_views.all_sections(plan, REF, "fr")
    assert list(views) == list(action_page.ORDER)
    for card, view in views.items():
        assert view.title, card
        assert view.source.startswith("Source"), card
    overseas = plan.profile.identity.overseas
    priorities = text_of(views[action_page.PRIORITIES].body)
    mayors = text_of(views[action_page.MAYORS].body)
    if overseas:
        assert "outre-mer" in priorities and "France métropolitaine" in mayors
    else:
        assert "outre-mer" not in priorities and views[action_page.BANDS].downloadable
        assert "données de démonstration" in views[action_page.MAYORS].source
    for number, card in enumerate(action_page.PRIORITY_CARDS, start=1):
        view = views[card]
        body = text_of(view.body)
        if number <= len(plan.priorities):
            domain = plan.priorities["domain"].iloc[number - 1]
            assert view.title.startswith(f"Priorité {number} : ")
            assert domain in json.dumps(view.store["rows"], ensure_ascii=False) or \
                view.store["rows"], card
            for heading in ("Les chiffres", "Qui veut co-construire", "Le rôle de chaque acteur",
                            "Exemples de partenariats"):
                assert heading in body, (card, heading)
    start = text_of(views[action_page.START].body)
    assert "Animer le dialogue territorial" in start and "Gestion d'un lieu" in start
    assert "Co-construction territoriale" in views[action_page.START].source


def test_paca_priorities_show_the_figures_and_the_mayors_beside_france(demo_services) -> None:
    plan = data_access.action_plan(demo_services, "93")
    first = action_views.priority_section(plan, REF, "en", 1)
    scores = [r for r in first.store["rows"] if r["what"] == "Mean perceived fragility score"]
    assert len(scores) == 4 and all(r["n"] >= 15 for r in scores)  # the 4 actors, with n
    wishes = [r for r in first.store["rows"]
              if r["what"] == "Share wanting co-construction on the domain"]
    assert len(wishes) == 4 and all(0 <= r["value"] <= 100 for r in wishes)
    assert "Share for whom the domain merits partnerships" in [r["what"] for r in
                                                               first.store["rows"]]
    mayors = action_views.mayors_section(plan, REF, "en")
    measures = [r["measure"] for r in mayors.store["rows"]]
    assert measures == ["Share seeing alliances as a source of innovation",
                        "Share for whom co-construction is well anchored",
                        "Share for whom co-construction is just emerging"]
    assert all(r["n"] and r["n_france"] > r["n"] for r in mayors.store["rows"])
    assert "PHARE-Institutions 2016 (n = " in mayors.source
    bands = action_views.bands_section(plan, REF, "fr")
    assert len(bands.store["rows"]) == 9  # 3 measures × 3 bands
    big = [r for r in bands.store["rows"] if r["band"] == "plus de 10 000 habitants"]
    assert all(r["value"] is None and r["reliability"].startswith("non affiché") for r in big)
    assert "–" in text_of(bands.body)


def test_action_page_first_render_builds_nothing_and_each_section_draws_once_seen(
        demo_url, make_app) -> None:
    replay = Replay(make_app(demo_url).server.test_client())
    calls = replay.open("/region/93/action")
    assert [c.name for c in calls] == ["page-root.children"]
    for card in action_page.ORDER:
        slot = json.dumps(replay.props[ids.slot(card)]["children"])
        assert "lazy-placeholder" in slot, card
        drawn = replay.set(ids.seen(card), data="93")
        assert len(drawn) == 1, card
        section = json.dumps(drawn[0].response, ensure_ascii=False)
        assert "Source" in section and "Graph" not in section, card
    priority = json.dumps(replay.props[ids.slot(action_page.PRIORITY_CARDS[0])]["children"],
                          ensure_ascii=False)
    assert "Priorité 1 : " in priority and "Exemples de partenariats" in priority


def test_the_page_reads_before_its_scripts_run(demo_url, make_app) -> None:
    """The index page's static copy holds the page's title and its sections' places."""
    client = make_app(demo_url).server.test_client()
    html_text = client.get("/region/93/action").get_data(as_text=True)
    assert "Passer à l&#x27;action — Provence-Alpes-Côte d&#x27;Azur" in html_text
    assert "Comment démarrer" in html_text and "Données de démonstration" in html_text


def html_links(component: object) -> list[html.A]:
    """Every html.A in a component tree."""
    own = [component] if isinstance(component, html.A) else []
    children = getattr(component, "children", None)
    if children is None or isinstance(children, str):
        return own
    children = children if isinstance(children, list) else [children]
    return own + [a for child in children for a in html_links(child)]


@pytest.mark.parametrize(("code", "linked"), [("93", True), ("03", False)])
def test_region_alliances_link_to_the_mayors_by_commune_size(demo_services, code,
                                                             linked) -> None:
    found = data_access.profile(demo_services, code)
    view = region_views.alliances_section(found, REF, "fr")
    wanted = f"/region/{code}/action#action-bands-card"
    anchors = [a.href for a in html_links(view.body)]
    assert (wanted in anchors) is linked

"""The presenter's side without a browser: the stored room read by the analytics, the pages
behind sign-in, the projector's redraw rule, the remote's buttons, the debates page's form
and comparison. Debates are written to a database of the test's own."""
from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy.orm import Session

from component_helpers import find, graphs, text_of
from conftest import ADMIN_PASSWORD
from dashboard.analytics import debate as analytics
from dashboard.analytics.debate import Room
from dashboard.debates import remote, store
from dashboard.debates.questions import Refused
from dashboard.debates.room import hidden_words, load_room
from dashboard.services import services
from debate_helpers import ALL_QUESTIONS, BEARER, create_debate, sign_in
from views import debates as debats
from views import live, presenter, projection
from views.projection import Position

BALLOTS = [
    {"device": "a" * 20, "priorities": ["emploi", "sante"], "scores": {"emploi": 8},
     "innovation": True, "word": "Mobilité"},
    {"device": "b" * 20, "priorities": ["emploi"], "scores": {"emploi": 5, "sante": 2},
     "innovation": False, "word": "mobilité"},
]
RESULTS_PRIORITIES = 7  # 0-based: six chart slides, then the priorities question


def create(svc: Any, payload: dict[str, Any], created_by: str) -> Any:
    """The creation form's way into the store (what callbacks/debates.py calls)."""
    return store.create_from_payload(svc.engine, svc.reference.domain_slugs, payload,
                                     created_by)


@pytest.fixture
def evening(databases: Any, demo_url: str, make_app: Any) -> Any:
    """An app on a copy of the demonstration database of this test's own (debates write)."""
    url = databases.new_url(template=demo_url)
    return make_app(url, admin_token=BEARER["Authorization"][7:],
                    admin_password=ADMIN_PASSWORD)


def voted_debate(app: Any) -> str:
    client = app.server.test_client()
    code = create_debate(client)
    for ballot in BALLOTS:
        response = client.post(f"/api/v1/debates/{code}/ballots", json=ballot)
        assert response.status_code == 201, response.json
    return code


def test_the_stored_room_reads_as_the_room_built_from_the_same_ballots(debate_app):
    code = voted_debate(debate_app)
    svc = services(debate_app.server)
    with Session(svc.engine) as session:
        stored = load_room(session, store.get_debate(session, code))
    built = Room.from_ballots("Débat de test", BALLOTS, svc.reference.domain_slugs,
                              ("emploi", "sante"))
    for question in analytics.QUESTIONS:
        assert analytics.room_n(stored, question) == analytics.room_n(built, question) == 2
    for question in (analytics.PRIORITIES, analytics.INNOVATION):
        ours = analytics.room_shares(stored, question, ["emploi", "sante"]
                                     if question == analytics.PRIORITIES else ())
        theirs = analytics.room_shares(built, question, ["emploi", "sante"]
                                       if question == analytics.PRIORITIES else ())
        assert ours[["item", "count", "share"]].equals(theirs[["item", "count", "share"]])
    assert analytics.room_means(stored).equals(analytics.room_means(built))
    assert analytics.word_counts(stored)["count"].tolist() == [2]


def test_the_results_api_gives_the_analytics_shares_as_fractions(debate_app):
    code = voted_debate(debate_app)
    body = debate_app.server.test_client().get(f"/api/v1/debates/{code}/results",
                                               headers=BEARER).json
    priorities = body["questions"]["priorities"]
    assert body["n"] == 2 and priorities["n"] == 2
    assert priorities["domains"]["emploi"] == {"count": 2, "share": 1.0}
    assert priorities["domains"]["sante"] == {"count": 1, "share": 0.5}
    assert priorities["domains"]["mobilite"] == {"count": 0, "share": 0.0}
    assert body["questions"]["scores"]["domains"]["emploi"]["mean"] == 6.5
    assert body["questions"]["scores"]["domains"]["sante"]["distribution"][2] == 1
    assert body["questions"]["innovation"] == {"n": 2, "yes": 1, "no": 1, "yes_share": 0.5}


@pytest.mark.parametrize("path", ["/debats", "/debat/ABCDEF/projection",
                                  "/debat/ABCDEF/projection/3", "/debat/ABCDEF/presentateur"])
def test_presenter_pages_send_anonymous_visitors_to_the_sign_in(debate_app, path):
    client = debate_app.server.test_client()
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/connexion?next={path}"
    assert sign_in(client, next_=path).headers["Location"] == path
    # signed in, the page opens; no debate has the code ABCDEF, so its pages are not found
    assert client.get(path).status_code == (200 if path == "/debats" else 404)


def test_the_sign_in_keeps_the_english_of_the_page_that_sent_there(debate_app):
    client = debate_app.server.test_client()
    location = client.get("/debats?lang=en").headers["Location"]
    assert location == "/connexion?next=/debats%3Flang%3Den&lang=en"
    assert "For presenters and administrators." in client.get(location).text


def test_other_pages_stay_open_to_everyone(debate_app):
    client = debate_app.server.test_client()
    assert client.get("/region/93").status_code == 200
    assert client.get("/debat/ABCDEF").status_code == 404  # not a presenter page: not found


def dash_call(client: Any, outputs: list[tuple[str, str]], inputs: list[dict[str, Any]],
              state: list[dict[str, Any]]) -> Any:
    """One callback request, as the browser sends it."""
    names = [f"{i}.{p}" for i, p in outputs]
    output = names[0] if len(names) == 1 else f"..{'...'.join(names)}.."
    specs = [{"id": i, "property": p} for i, p in outputs]
    return client.post("/_dash-update-component", json={
        "output": output, "outputs": specs[0] if len(specs) == 1 else specs,
        "inputs": inputs, "state": state,
        "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]})


def creation_call(client: Any) -> Any:
    values = {"debate-form-title": "Débat forcé", "debate-form-region": "93",
              "debate-form-date": "2027-01-01", "debate-form-questions": ["word"],
              "debate-form-domains": ["emploi"], "debate-form-slides": ["map"]}
    return dash_call(client, [("debate-form-message", "children"), ("debates-created", "data")],
                     [{"id": "debate-form-submit", "property": "n_clicks", "value": 1}],
                     [{"id": k, "property": "value", "value": v} for k, v in values.items()]
                     + [{"id": "lang", "property": "data", "value": "fr"}])


def test_the_creation_callback_checks_the_signed_in_presenter_itself(debate_app):
    client = debate_app.server.test_client()
    assert creation_call(client).status_code == 204  # anonymous: nothing done
    assert store.list_debates(services(debate_app.server).engine) == []
    sign_in(client)
    response = creation_call(client)
    assert response.status_code == 200
    [debate] = store.list_debates(services(debate_app.server).engine)
    assert debate.title == "Débat forcé" and debate.created_by == "admin"
    assert debate.code in json.dumps(response.json)
    assert [slide["kind"] for slide in debate.deck] == ["map", "question", "results"]


def test_the_router_shows_no_debate_page_to_an_anonymous_in_app_navigation(debate_app):
    client = debate_app.server.test_client()
    response = dash_call(client, [("page-root", "children")],
                         [{"id": "url", "property": "pathname", "value": "/debats"}],
                         [{"id": "url", "property": "search", "value": ""}])
    page = json.dumps(response.json, ensure_ascii=False)
    assert "Connexion requise" in page and "debate-form-title" not in page


def test_the_projector_follows_its_url_until_the_current_slide_moves():
    assert projection.follow(Position(), 4) == 4                      # no URL slide
    assert projection.follow(Position(shown=2), 4) == 2               # opened at slide 3
    assert projection.follow(Position(shown=2, followed=4), 4) == 2   # nothing moved
    assert projection.follow(Position(shown=2, followed=4), 5) == 5   # the remote moved it


def in_request(app: Any, function: Any, *args: Any) -> Any:
    """A view function in a request of its own (the join URL reads the request's host; a
    context held across the test's own API calls would share their `g`)."""
    with app.server.test_request_context():
        return function(*args)


def test_the_projector_redraws_only_when_its_slide_or_results_change(evening):
    svc = services(evening.server)
    client = evening.server.test_client()
    code = create_debate(client)

    def poll(memory: Any) -> Any:
        return in_request(evening, projection.poll, svc, code, memory, "fr")

    slide, memory = poll(None)
    assert "Débat de test" in text_of(slide) and memory["shown"] == 0
    assert poll(memory) is None                                   # nothing changed
    client.post(f"/api/v1/debates/{code}/ballots", json=BALLOTS[0])
    assert poll(memory) is None                                   # a vote: same title slide
    remote.act(svc.engine, code, "next")
    slide, memory = poll(memory)
    assert memory["shown"] == 1 and graphs(slide)                 # the map

    store.set_slide(svc.engine, code, RESULTS_PRIORITIES)
    slide, memory = poll(memory)
    assert "Résultats masqués" in text_of(slide) and "1 vote reçu" in text_of(slide)
    assert not graphs(slide)
    client.post(f"/api/v1/debates/{code}/ballots", json=BALLOTS[1])
    slide, memory = poll(memory)                                  # a vote on this slide
    assert "2 votes reçus" in text_of(slide)
    remote.act(svc.engine, code, "reveal")
    slide, memory = poll(memory)
    [chart] = graphs(slide)
    assert chart.figure.data[0].name == "Salle (n = 2)"
    assert find(slide, "debate-slide-8") is not None
    assert poll(memory) is None


def test_the_projector_opened_at_a_slide_shows_that_slide(evening):
    svc = services(evening.server)
    code = create_debate(evening.server.test_client())
    slide, memory = in_request(evening, projection.poll, svc, code,
                               Position(shown=6).as_dict(), "fr")
    assert memory == {"shown": 6, "followed": 0, "key": "6:open"}
    assert f"/j/{code}/qr.svg" in json.dumps(slide.to_plotly_json(), default=str)


def test_the_remote_buttons_drive_the_debate_through_the_store(evening):
    svc = services(evening.server)
    code = voted_debate(evening)
    panel, key = in_request(evening, presenter.poll, svc, code, None, "fr")
    text = text_of(panel)
    assert "Diapositive 1 sur 14" in text and "2 téléphones connectés" in text
    assert "mobilité (2)" in text and f"/j/{code}" in text
    assert in_request(evening, presenter.poll, svc, code, key, "fr") is None
    remote.act(svc.engine, code, "previous")                    # already on the first
    remote.act(svc.engine, code, "next")
    remote.act(svc.engine, code, "close", "priorities")
    remote.act(svc.engine, code, "reveal")
    remote.act(svc.engine, code, "hide", "Mobilité")
    panel, _key = in_request(evening, presenter.poll, svc, code, key, "fr")
    text = text_of(panel)
    item = live.read(svc, code)
    assert item.debate.current_slide == 1 and item.debate.results_revealed
    assert item.debate.question_state["priorities"] == "closed"
    assert "Priorités : vote clos" in text and "Rétablir" in text
    with Session(svc.engine) as session:
        assert hidden_words(session, store.get_debate(session, code)) == ["mobilité"]
    with pytest.raises(Refused):
        remote.act(svc.engine, code, "close", "nope")
    with pytest.raises(ValueError):
        remote.act(svc.engine, code, "explode")


def test_the_creation_form_asks_the_questions_in_order_and_refuses_naming_the_field(evening):
    payload = debats.form_payload("Soirée", "93", "2027-02-03", ["word", "priorities",
                                                                 "scores"], ["emploi"])
    assert payload == {"title": "Soirée", "region": "93", "date": "2027-02-03",
                       "questions": ["priorities", "scores", "word"],
                       "scored_domains": ["emploi"]}
    svc = services(evening.server)
    with pytest.raises(Refused) as refused:
        create(svc, debats.form_payload("Soirée", "99", None, ALL_QUESTIONS, []),
                      "admin")
    assert refused.value.field == "scored_domains"
    with pytest.raises(Refused) as refused:
        create(svc, debats.form_payload("Soirée", "99", None, ["word"], []), "admin")
    assert refused.value.field == "region"
    assert create(svc, payload, "admin").questions == ["priorities", "scores", "word"]


def test_the_creation_form_builds_the_deck_from_the_chosen_chart_slides(evening):
    """The presenter picks which of the region's charts open the evening; each question
    still gets its voting and results slides, with speaker notes, in the questions' order."""
    payload = debats.form_payload("Soirée", "93", None, ["word", "priorities"], [],
                                  ["practices", "map"])
    debate = create(services(evening.server), payload, "admin")
    kinds = [(slide["kind"], slide.get("question")) for slide in debate.deck]
    assert kinds == [("map", None), ("practices", None),
                     ("question", "priorities"), ("results", "priorities"),
                     ("question", "word"), ("results", "word")]
    assert all(slide["notes"] for slide in debate.deck)
    only_questions = debats.form_payload("Soirée", "93", None, ["word"], [], [])
    assert [s["kind"] for s in create(services(evening.server), only_questions,
                                             "admin").deck] == ["question", "results"]


def test_the_comparison_sets_each_room_beside_its_regions_citizens(evening):
    svc = services(evening.server)
    voted_debate(evening)
    [line] = debats.room_lines(svc)
    assert (line.joined, line.voted, line.innovation) == (2, 2, 50.0)
    assert line.priorities == ("emploi", "sante")
    assert line.survey_innovation is not None and 0 < line.survey_innovation < 100
    assert len(line.survey_priorities) == 3
    listed, compared = debats.overview(svc, "fr")
    assert "Débat de test" in text_of(listed) and "50\u00a0%" in text_of(compared)


def test_counts_are_singular_where_each_language_says_so():
    from dashboard.i18n.labels import count_key, t

    said = {(n, lang): t(count_key("presenter_joined", n, lang), lang, n=n)
            for n in (0, 1, 2) for lang in ("fr", "en")}
    assert said[(0, "fr")] == "0 téléphone connecté" and said[(1, "fr")] == "1 téléphone connecté"
    assert said[(2, "fr")] == "2 téléphones connectés"
    assert said[(0, "en")] == "0 phones joined" and said[(1, "en")] == "1 phone joined"

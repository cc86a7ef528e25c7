"""The debate's JSON API as a presenter's script and the phones use it: every status code of
the ballot endpoint, replacing one's own ballot, who may read results, the admin actions."""
from __future__ import annotations

import csv
import io
import json

import pytest
import redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from conftest import REDIS_URL
from dashboard.analytics.survey_figures import FigureRequest, compute_figure
from dashboard.models import Respondent, Survey
from debate_helpers import ALL_QUESTIONS, BEARER, create_debate, device


def vote(client, code, **answers):  # type: ignore[no-untyped-def]
    return client.post(f"/api/v1/debates/{code}/ballots",
                       json={"device": answers.pop("device", None) or device(), **answers})


def results(client, code):  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/debates/{code}/results", headers=BEARER)
    assert response.status_code == 200
    return response.json


def test_create_answers_201_with_code_urls_and_a_default_deck(debate_client):
    response = debate_client.post("/api/v1/debates", headers=BEARER, json={
        "title": "Débat à Marseille", "region": "93", "questions": ["priorities", "word"],
        "date": "2027-03-14"})
    assert response.status_code == 201
    body = response.json
    code = body["code"]
    assert len(code) == 6 and not set(code) & set("0O1IL")
    assert body["join_url"] == f"http://localhost/j/{code}"
    assert body["presenter_url"] == f"/debat/{code}/presentateur"
    assert body["projection_url"] == f"/debat/{code}/projection"
    assert body["date"] == "2027-03-14" and body["voting"] == {"priorities": "open",
                                                               "word": "open"}
    deck = debate_client.get(f"/api/v1/debates/{code}", headers=BEARER).json["deck"]
    assert [s["kind"] for s in deck] == ["title", "map", "fragilities", "perception",
                                         "coconstruction", "practices", "question", "results",
                                         "question", "results"]
    assert [s.get("question") for s in deck[6:]] == ["priorities", "priorities", "word", "word"]
    assert all(s["notes"] for s in deck)  # French speaker notes on every slide
    listed = debate_client.get("/api/v1/debates", headers=BEARER).json["debates"]
    assert [d["code"] for d in listed] == [code]


def test_join_url_uses_public_url_when_set(empty_url, make_app):
    client = make_app(empty_url, admin_token=BEARER["Authorization"][7:],
                      public_url="https://debat.example.org/").server.test_client()
    code = create_debate(client)
    assert client.get(f"/api/v1/debates/{code}", headers=BEARER).json["join_url"] == \
        f"https://debat.example.org/j/{code}"


@pytest.mark.parametrize("body,field", [
    ({"region": "93", "questions": ["word"]}, "title"),
    ({"title": "T", "region": "99", "questions": ["word"]}, "region"),
    ({"title": "T", "region": "93", "questions": ["sondage"]}, "questions"),
    ({"title": "T", "region": "93", "questions": ["word"], "date": "14/03/2027"}, "date"),
    ({"title": "T", "region": "93", "questions": ["scores"], "scored_domains": ["x"]},
     "scored_domains"),
    ({"title": "T", "region": "93", "questions": ["word"],
      "deck": [{"kind": "results", "question": "priorities"}]}, "deck"),
])
def test_create_refuses_a_bad_definition_naming_the_field(debate_client, body, field):
    response = debate_client.post("/api/v1/debates", headers=BEARER, json=body)
    assert response.status_code == 400 and response.json["field"] == field
    assert debate_client.get("/api/v1/debates", headers=BEARER).json["debates"] == []


def test_a_given_deck_is_kept_in_order(debate_client):
    deck = [{"kind": "question", "question": "word", "notes": "Un mot ?"},
            {"kind": "map", "notes": ""}]
    code = create_debate(debate_client, questions=["word"], deck=deck)
    assert debate_client.get(f"/api/v1/debates/{code}", headers=BEARER).json["deck"] == deck


def test_first_ballot_is_201_and_a_new_one_from_the_device_replaces_it_200(debate_client):
    code = create_debate(debate_client)
    phone = device()
    first = vote(debate_client, code, device=phone, priorities=["emploi", "sante"],
                 scores={"emploi": 8, "sante": 3}, innovation=True, word="Emploi")
    assert first.status_code == 201 and first.json["status"] == "created"
    again = vote(debate_client, code, device=phone, priorities=["mobilite"],
                 scores={"sante": 10}, innovation=False, word="  mobilité ")
    assert again.status_code == 200 and again.json["replaced"] == ALL_QUESTIONS
    vote(debate_client, code, priorities=["mobilite", "emploi"], innovation=True,
         word="MOBILITÉ")
    room = results(debate_client, code)
    assert room["n"] == 2
    priorities = room["questions"]["priorities"]
    assert priorities["n"] == 2
    assert priorities["domains"]["mobilite"] == {"count": 2, "share": 1.0}
    assert priorities["domains"]["emploi"] == {"count": 1, "share": 0.5}
    assert priorities["domains"]["sante"] == {"count": 0, "share": 0.0}
    scores = room["questions"]["scores"]["domains"]
    assert scores["sante"] == {"n": 1, "mean": 10.0, "distribution": [0] * 10 + [1]}
    assert scores["emploi"]["n"] == 0  # the second ballot rated sante only
    assert room["questions"]["innovation"] == {"n": 2, "yes": 1, "no": 1, "yes_share": 0.5}
    assert room["questions"]["word"]["words"] == [{"word": "mobilité", "count": 2}]


def test_a_ballot_may_answer_some_questions_and_a_later_one_the_others(debate_client):
    code = create_debate(debate_client)
    phone = device()
    assert vote(debate_client, code, device=phone, innovation=True).status_code == 201
    later = vote(debate_client, code, device=phone, word="climat")
    assert later.status_code == 201 and later.json["replaced"] == []
    state = debate_client.get(f"/api/v1/debates/{code}/state").json
    assert state["voted"] == {"priorities": 0, "scores": 0, "innovation": 1, "word": 1}


@pytest.mark.parametrize("answers,field,reason", [
    ({"priorities": ["emploi", "inconnu"]}, "priorities", "unknown_domain"),
    ({"priorities": ["emploi", "sante", "mobilite", "numerique"]}, "priorities",
     "too_many_priorities"),
    ({"priorities": ["emploi", "emploi"]}, "priorities", "duplicate_priority"),
    ({"scores": {"emploi": 11}}, "scores", "bad_score"),
    ({"scores": {"emploi": -1}}, "scores", "bad_score"),
    ({"scores": {"emploi": 7.5}}, "scores", "bad_score"),
    ({"scores": {"emploi": "7"}}, "scores", "bad_score"),
    ({"scores": {"emploi": True}}, "scores", "bad_score"),
    ({"scores": {"inconnu": 5}}, "scores", "unknown_domain"),
    ({"scores": {"mobilite": 5}}, "scores", "domain_not_asked"),
    ({"innovation": "oui"}, "innovation", "bad_innovation"),
    ({"word": "x" * 41}, "word", "word_too_long"),
    ({"word": "   "}, "word", "empty_word"),
    ({"couleur": "bleu"}, "couleur", "unknown_field"),
    ({}, "", "empty_ballot"),
])
def test_bad_ballots_get_400_naming_the_field_and_change_nothing(debate_client, answers,
                                                                  field, reason):
    code = create_debate(debate_client)
    response = vote(debate_client, code, **answers)
    assert response.status_code == 400
    assert response.json["reason"] == reason and (response.json["field"] or "") == field
    assert response.json["error"]  # the French message
    assert results(debate_client, code)["n"] == 0


def test_a_question_the_debate_does_not_ask_is_400(debate_client):
    code = create_debate(debate_client, questions=["innovation"])
    response = vote(debate_client, code, word="climat")
    assert response.status_code == 400 and response.json["reason"] == "not_asked"
    assert response.json["field"] == "word"


@pytest.mark.parametrize("body,content_type,reason", [
    (b"{pas du json", "application/json", "bad_json"),
    (b"[1, 2]", "application/json", "bad_json"),
    (b"device=x", "application/x-www-form-urlencoded", "not_json"),
])
def test_unreadable_bodies_are_400(debate_client, body, content_type, reason):
    code = create_debate(debate_client)
    response = debate_client.post(f"/api/v1/debates/{code}/ballots", data=body,
                                  content_type=content_type)
    assert response.status_code == 400 and response.json["reason"] == reason


def test_bad_device_token_is_400(debate_client):
    code = create_debate(debate_client)
    response = vote(debate_client, code, device="court", innovation=True)
    assert response.status_code == 400 and response.json["field"] == "device"


def test_unknown_code_is_404(debate_client):
    response = vote(debate_client, "ZZZZZZ", innovation=True)
    assert response.status_code == 404 and response.json["reason"] == "unknown_debate"
    assert debate_client.get("/api/v1/debates/ZZZZZZ/state").status_code == 404
    assert debate_client.get("/api/v1/debates/ZZZZZZ/results").status_code == 404


def test_closed_question_is_409_and_reopening_lets_votes_in(debate_client):
    code = create_debate(debate_client)
    closed = debate_client.post(f"/api/v1/debates/{code}/close", headers=BEARER,
                                json={"questions": ["innovation"]})
    assert closed.json["voting"]["innovation"] == "closed"
    assert closed.json["voting"]["word"] == "open"
    refused = vote(debate_client, code, innovation=True, word="climat")
    assert refused.status_code == 409 and refused.json["field"] == "innovation"
    assert vote(debate_client, code, word="climat").status_code == 201
    debate_client.post(f"/api/v1/debates/{code}/close", headers=BEARER)  # all questions
    assert vote(debate_client, code, word="climat").status_code == 409
    debate_client.post(f"/api/v1/debates/{code}/open", headers=BEARER)
    assert vote(debate_client, code, innovation=True).status_code == 201
    assert results(debate_client, code)["n"] == 2


def test_body_over_4_kb_is_413_by_length_and_by_what_is_read(debate_client):
    code = create_debate(debate_client)
    big = json.dumps({"device": device(), "word": "x", "pad": "y" * 5000}).encode()
    by_length = debate_client.post(f"/api/v1/debates/{code}/ballots", data=big,
                                   content_type="application/json")
    assert by_length.status_code == 413 and by_length.json["reason"] == "too_large"
    chunked = debate_client.post(
        f"/api/v1/debates/{code}/ballots", input_stream=io.BytesIO(big),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True})
    assert chunked.status_code == 413
    assert results(debate_client, code)["n"] == 0


def test_a_device_sending_too_fast_gets_429_others_do_not(empty_url, make_app):
    client = make_app(empty_url, admin_token=BEARER["Authorization"][7:],
                      debate_device_limit="3 per minute").server.test_client()
    code = create_debate(client)
    phone = device()
    statuses = [vote(client, code, device=phone, innovation=i % 2 == 0).status_code
                for i in range(4)]
    assert statuses == [201, 200, 200, 429]
    refused = vote(client, code, device=phone, innovation=True)
    assert refused.json["reason"] == "too_many_requests" and "Retry-After" in refused.headers
    assert vote(client, code, innovation=True).status_code == 201  # another phone


def test_the_address_ceiling_applies_to_a_whole_room(empty_url, make_app):
    client = make_app(empty_url, admin_token=BEARER["Authorization"][7:],
                      debate_address_limit=5).server.test_client()
    code = create_debate(client)
    statuses = [vote(client, code, innovation=True).status_code for _ in range(6)]
    assert statuses == [201] * 5 + [429]


@pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL not set (CI sets it)")
def test_workers_share_rate_limits_through_redis(empty_url, make_app):
    assert redis.Redis.from_url(REDIS_URL).ping()
    settings = {"admin_token": BEARER["Authorization"][7:], "redis_url": REDIS_URL,
                "debate_device_limit": "2 per minute"}
    worker_a = make_app(empty_url, **settings).server.test_client()
    worker_b = make_app(empty_url, **settings).server.test_client()
    code = create_debate(worker_a)
    phone = device()
    assert vote(worker_a, code, device=phone, innovation=True).status_code == 201
    assert vote(worker_b, code, device=phone, innovation=False).status_code == 200
    assert vote(worker_a, code, device=phone, innovation=True).status_code == 429
    assert vote(worker_b, code, device=phone, innovation=True).status_code == 429


def test_results_are_for_admins_while_hidden_and_public_once_revealed(debate_client):
    code = create_debate(debate_client)
    vote(debate_client, code, innovation=True)
    assert debate_client.get(f"/api/v1/debates/{code}/results").status_code == 401
    assert results(debate_client, code)["revealed"] is False
    shown = debate_client.post(f"/api/v1/debates/{code}/reveal", headers=BEARER,
                               json={"revealed": True})
    assert shown.json == {"code": code, "revealed": True}
    public = debate_client.get(f"/api/v1/debates/{code}/results")
    assert public.status_code == 200 and public.json["questions"]["innovation"]["yes"] == 1
    debate_client.post(f"/api/v1/debates/{code}/reveal", headers=BEARER,
                       json={"revealed": False})
    assert debate_client.get(f"/api/v1/debates/{code}/results").status_code == 401
    bad = debate_client.post(f"/api/v1/debates/{code}/reveal", headers=BEARER,
                             json={"revealed": "oui"})
    assert bad.status_code == 400


def test_results_follow_each_new_ballot_at_once(debate_client):
    """The cache key moves with the debate's version: no stale count after a ballot."""
    code = create_debate(debate_client)
    for expected in range(1, 4):
        vote(debate_client, code, innovation=True)
        assert results(debate_client, code)["questions"]["innovation"]["n"] == expected


def test_admin_actions_need_a_session_or_the_token(debate_client):
    code = create_debate(debate_client)
    for path, body in (("close", {}), ("open", {}), ("reveal", {"revealed": True}),
                       ("slide", {"index": 1}), ("words/hide", {"word": "x", "hidden": True})):
        response = debate_client.post(f"/api/v1/debates/{code}/{path}", json=body)
        assert response.status_code == 401, path
    assert debate_client.get(f"/api/v1/debates/{code}/export.csv").status_code == 401
    assert debate_client.post("/api/v1/debates", json={}).status_code == 401


def test_state_is_small_public_and_cacheable_for_a_second(debate_client):
    code = create_debate(debate_client)
    hello = debate_client.post(f"/api/v1/debates/{code}/hello", json={"device": device()})
    assert hello.status_code == 200  # a phone's page has loaded: it joins
    vote(debate_client, code, innovation=True)
    moved = debate_client.post(f"/api/v1/debates/{code}/slide", headers=BEARER,
                               json={"index": 3})
    assert moved.json["slide"] == 3
    response = debate_client.get(f"/api/v1/debates/{code}/state")
    assert response.headers["Cache-Control"] == "public, max-age=1"
    state = response.json
    assert state["slide"] == 3 and state["slides"] == 14 and state["revealed"] is False
    assert state["joined"] == 2 and state["voted"]["innovation"] == 1
    assert state["questions"] == dict.fromkeys(ALL_QUESTIONS, "open")
    assert len(response.data) < 400
    out_of_deck = debate_client.post(f"/api/v1/debates/{code}/slide", headers=BEARER,
                                     json={"index": 14})
    assert out_of_deck.status_code == 400


def test_hidden_words_leave_the_cloud_and_stay_hidden(debate_client):
    code = create_debate(debate_client)
    for word in ("Gros mot", "gros  MOT", "climat"):
        vote(debate_client, code, word=word)
    hidden = debate_client.post(f"/api/v1/debates/{code}/words/hide", headers=BEARER,
                                json={"word": "GROS MOT", "hidden": True})
    assert hidden.json["devices"] == 2
    vote(debate_client, code, word="gros mot")  # sent again after the hiding
    cloud = results(debate_client, code)["questions"]["word"]
    assert cloud == {"n": 4, "hidden": 3, "words": [{"word": "climat", "count": 1}]}
    debate_client.post(f"/api/v1/debates/{code}/words/hide", headers=BEARER,
                       json={"word": "gros mot", "hidden": False})
    assert results(debate_client, code)["questions"]["word"]["words"][0] == \
        {"word": "gros mot", "count": 3}


def test_export_has_a_row_per_device_and_question_then_the_room_results(debate_client):
    code = create_debate(debate_client)
    vote(debate_client, code, priorities=["emploi", "sante"], innovation=True,
         word="=HYPERLINK(1)")
    vote(debate_client, code, scores={"emploi": 4})
    response = debate_client.get(f"/api/v1/debates/{code}/export.csv", headers=BEARER)
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    ballots = [r for r in rows if r["record"] == "ballot"]
    assert sorted(r["question"] for r in ballots) == ["innovation", "priorities", "scores",
                                                      "word"]
    assert {r["answer"] for r in ballots} == {"emploi|sante", "oui", "emploi=4",
                                              "'=HYPERLINK(1)"}
    assert all(len(r["device"]) == 64 for r in ballots)  # hashes, never the tokens
    room = {(r["question"], r["item"]): r for r in rows if r["record"] == "result"}
    assert room[("priorities", "sante")]["share"] == "1.0"
    assert room[("scores", "emploi")]["mean"] == "4.0"
    assert room[("innovation", "oui")]["count"] == "1"


def test_a_debate_is_a_survey_of_the_room(debate_app, debate_client):
    """Stored as survey DEBAT-<code>, actor `salle`: the survey analytics read it as is."""
    code = create_debate(debate_client)
    for chosen in (["emploi"], ["emploi", "sante"], ["sante"], ["emploi"]):
        vote(debate_client, code, priorities=chosen)
    services = debate_app.server.extensions["territoires"]
    with Session(services.engine) as session:
        survey = session.scalar(select(Survey).where(Survey.study == f"DEBAT-{code}"))
        assert survey is not None and survey.actor_slug == "salle"
        assert len(session.scalars(select(Respondent).where(
            Respondent.survey_id == survey.id)).all()) == 4
        figure = compute_figure(session, services.reference, FigureRequest(
            study=f"DEBAT-{code}", year=survey.year, actor="salle", region="93",
            domain="emploi", measure="share_priority"))
    assert figure.n == 4 and figure.value == pytest.approx(75.0)  # percent, as the survey


def test_deeply_nested_json_is_400_in_the_ballot_and_its_rate_limit_key(debate_client):
    """1,900 levels used to raise RecursionError (a 500), in the device key function too."""
    code = create_debate(debate_client)
    body = f'{{"device": "{device()}", "word": {"[" * 1900}"x"{"]" * 1900}}}'
    response = debate_client.post(f"/api/v1/debates/{code}/ballots", data=body,
                                  content_type="application/json")
    assert response.status_code == 400 and response.json["reason"] == "too_deep"
    deep = debate_client.post("/api/v1/debates", headers=BEARER, data="[" * 5000 + "]" * 5000,
                              content_type="application/json")
    assert deep.status_code == 400 and deep.json["reason"] == "too_deep"
    assert results(debate_client, code)["n"] == 0


def test_a_word_whose_lower_case_is_longer_than_40_characters_is_400(debate_client):
    """« İ » lower-cased is two characters: 21 of them overflowed debate_word.normalised
    (40 characters) on PostgreSQL."""
    code = create_debate(debate_client)
    for count in (21, 40):
        response = vote(debate_client, code, word="İ" * count)
        assert response.status_code == 400 and response.json["reason"] == "word_too_long"
    assert vote(debate_client, code, word="İ" * 20).status_code == 201
    assert results(debate_client, code)["questions"]["word"]["n"] == 1


@pytest.mark.parametrize("answers", [
    {"word": "cloche\u0007"}, {"word": "\u202eéigolocé"}, {"word": "e" + "\u0301" * 5},
    {"word": "mot\u0000"}, {"word": "\ud800"},
])
def test_words_with_control_format_or_piled_up_characters_are_400(debate_client, answers):
    code = create_debate(debate_client)
    response = vote(debate_client, code, **answers)
    assert response.status_code == 400 and response.json["reason"] == "bad_characters"
    assert response.json["field"] == "word"
    assert results(debate_client, code)["n"] == 0


@pytest.mark.parametrize("fields,field,reason", [
    ({"title": "Débat\u0007"}, "title", "bad_characters"),
    ({"title": "\u202eDébat"}, "title", "bad_characters"),
    ({"title": "Débat\u0000"}, "title", "bad_characters"),
    ({"title": "Z" + "\u0336" * 30}, "title", "bad_characters"),
    ({"region": "9\u00003"}, "region", "bad_characters"),
    ({"region": "9" * 9}, "region", "bad_region"),
    ({"date": "0001-01-01"}, "date", "date_out_of_range"),
    ({"date": "9999-12-31"}, "date", "date_out_of_range"),
    ({"deck": [{"kind": "map", "notes": ""}] * 10_000}, "deck", "bad_deck"),
    ({"deck": [{"kind": "map", "notes": "Bienvenue\u202e"}]}, "deck", "bad_deck"),
])
def test_create_refuses_hostile_text_dates_and_decks(debate_client, fields, field, reason):
    body = {"title": "T", "region": "93", "questions": ["word"], **fields}
    response = debate_client.post("/api/v1/debates", headers=BEARER, json=body)
    assert response.status_code == 400
    assert (response.json["field"], response.json["reason"]) == (field, reason)
    assert response.json["error"]
    assert debate_client.get("/api/v1/debates", headers=BEARER).json["debates"] == []


def test_notes_keep_their_line_breaks_and_french_words_their_accents(debate_client):
    deck = [{"kind": "map", "notes": "Première ligne\n\tdeuxième ligne"}]
    code = create_debate(debate_client, questions=["word"], deck=deck, date="2001-05-02",
                         title="Santé, éducation : où en est la région ?")
    assert debate_client.get(f"/api/v1/debates/{code}", headers=BEARER).json["deck"] == deck
    assert vote(debate_client, code, word="Écologie à l'œuvre").status_code == 201


def test_hiding_a_word_with_a_nul_is_400(debate_client):
    code = create_debate(debate_client)
    response = debate_client.post(f"/api/v1/debates/{code}/words/hide", headers=BEARER,
                                  json={"word": "gros\u0000mot", "hidden": True})
    assert response.status_code == 400 and response.json["reason"] == "bad_characters"

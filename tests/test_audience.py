"""The audience's phone page: light (no Dash bundle), French first, escaped, and working as
plain HTML forms with JavaScript off; the QR code drawn on the server."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import segno

from debate_helpers import BEARER, create_debate
from web.http.ballot_input import DEVICE_COOKIE

BUDGET = 50 * 1024


def device_of(page: str) -> str:
    match = re.search(r'name="device" value="([^"]+)"', page)
    assert match
    return match.group(1)


def results(client, code):  # type: ignore[no-untyped-def]
    return client.get(f"/api/v1/debates/{code}/results", headers=BEARER).json


def test_page_and_everything_it_loads_weigh_under_50_kb_without_dash(debate_client):
    code = create_debate(debate_client)
    page = debate_client.get(f"/j/{code}")
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assets = re.findall(r'(?:href|src)="(/[^"]+\.(?:css|js))"', page.text)
    assert sorted(assets) == ["/static/leger.css", "/static/vote.js"]
    total = len(page.data)
    for url in assets:
        response = debate_client.get(url)
        assert response.status_code == 200
        total += len(response.data)
    assert total < BUDGET, total
    assert "_dash" not in page.text and "plotly" not in page.text
    assert "http" not in " ".join(assets)  # nothing from a CDN


def test_page_is_french_first_with_every_question_and_english_on_request(debate_client):
    code = create_debate(debate_client)
    page = debate_client.get(f"/j/{code}").text
    assert '<html lang="fr">' in page
    assert "Quelles sont les 3 fragilités prioritaires" in page
    assert 'type="range"' in page and 'name="score_emploi"' in page
    assert page.count('type="checkbox"') == 16
    assert "Provence-Alpes-Côte d&#39;Azur · " + code in page
    english = debate_client.get(f"/j/{code}?lang=en").text
    assert '<html lang="en">' in english and "Send my answer" in english


def joined(client, code):  # type: ignore[no-untyped-def]
    return client.get(f"/api/v1/debates/{code}/state").json["joined"]


def test_first_visit_sets_an_httponly_samesite_device_cookie_and_the_hello_joins(debate_client):
    code = create_debate(debate_client)
    page = debate_client.get(f"/j/{code}")
    cookie = page.headers["Set-Cookie"]
    assert cookie.startswith(f"{DEVICE_COOKIE}={device_of(page.text)};")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/j" in cookie
    assert page.headers["Cache-Control"] == "private, no-store"
    again = debate_client.get(f"/j/{code}")
    assert device_of(again.text) == device_of(page.text)  # the same phone
    assert f"/api/v1/debates/{code}/hello" in page.text  # what the page's script posts
    assert joined(debate_client, code) == 0  # opening the page wrote nothing
    for _ in range(2):  # a reloaded page says hello again: still one phone
        hello = debate_client.post(f"/api/v1/debates/{code}/hello",
                                   json={"device": device_of(page.text)})
        assert hello.status_code == 200 and hello.json == {"code": code, "joined": True}
    assert joined(debate_client, code) == 1


def test_opening_the_page_again_and_again_writes_nothing(debate_app):
    """Each cookieless GET used to insert a respondent: 300 of them took « joined » from 2
    to 302."""
    client = debate_app.server.test_client()
    code = create_debate(client)
    phone = device_of(client.get(f"/j/{code}").text)
    client.post(f"/j/{code}", data={"device": phone, "question": "innovation",
                                    "innovation": "oui"})  # joined at its first answer
    assert joined(client, code) == 1
    for _ in range(100):
        assert debate_app.server.test_client().get(f"/j/{code}").status_code == 200
    assert joined(client, code) == 1


def test_hello_is_rate_limited_as_ballots_are_and_checks_its_device(empty_url, make_app):
    client = make_app(empty_url, admin_token=BEARER["Authorization"][7:],
                      debate_device_limit="2 per minute").server.test_client()
    code = create_debate(client)
    hello = f"/api/v1/debates/{code}/hello"
    phone = "p" * 24
    assert [client.post(hello, json={"device": phone}).status_code
            for _ in range(3)] == [200, 200, 429]
    bad = client.post(hello, json={"device": "court"})
    assert bad.status_code == 400 and bad.json["reason"] == "bad_device"
    assert client.post("/api/v1/debates/ZZZZZZ/hello",
                       json={"device": "q" * 24}).status_code == 404
    assert joined(client, code) == 1


def test_plain_form_posts_work_without_javascript_and_confirm(debate_client):
    code = create_debate(debate_client)
    phone = device_of(debate_client.get(f"/j/{code}").text)
    posted = debate_client.post(f"/j/{code}", data={
        "device": phone, "question": "priorities", "priorities": ["emploi", "sante"]})
    assert posted.status_code == 303
    assert posted.headers["Location"] == f"/j/{code}?ok=priorities&r=0#q-priorities"
    confirmed = debate_client.get(posted.headers["Location"])
    assert "Réponse enregistrée. Merci !" in confirmed.text
    changed = debate_client.post(f"/j/{code}", data={
        "device": phone, "question": "priorities", "priorities": ["mobilite"]},
        follow_redirects=True)
    assert "Réponse modifiée. Merci !" in changed.text
    for question, fields in (("scores", {"score_emploi": "7", "score_sante": "2"}),
                             ("innovation", {"innovation": "oui"}),
                             ("word", {"word": "Transition"})):
        response = debate_client.post(f"/j/{code}", data={"device": phone,
                                                          "question": question, **fields})
        assert response.status_code == 303, question
    room = results(debate_client, code)["questions"]
    assert room["priorities"]["n"] == 1 and room["priorities"]["domains"]["mobilite"][
        "count"] == 1 and room["priorities"]["domains"]["emploi"]["count"] == 0
    assert room["scores"]["domains"]["emploi"]["mean"] == 7.0
    assert room["innovation"]["yes"] == 1
    assert room["word"]["words"] == [{"word": "transition", "count": 1}]


def test_form_without_the_matching_cookie_is_refused(debate_app):
    """The double-submitted device token: a cross-site POST carries no cookie."""
    client = debate_app.server.test_client()
    code = create_debate(client)
    phone = device_of(client.get(f"/j/{code}").text)
    stranger = debate_app.server.test_client()  # no cookie
    refused = stranger.post(f"/j/{code}", data={"device": phone, "question": "innovation",
                                                "innovation": "oui"})
    assert refused.status_code == 403 and "autorisez-les" in refused.text
    assert results(client, code)["n"] == 0


def test_form_errors_are_shown_on_the_page(debate_client):
    code = create_debate(debate_client)
    phone = device_of(debate_client.get(f"/j/{code}").text)
    too_many = debate_client.post(f"/j/{code}", data={
        "device": phone, "question": "priorities",
        "priorities": ["emploi", "sante", "mobilite", "numerique"]})
    assert too_many.status_code == 400 and "au plus 3 priorités" in too_many.text
    debate_client.post(f"/api/v1/debates/{code}/close", headers=BEARER)
    closed = debate_client.post(f"/j/{code}", data={"device": phone, "question": "word",
                                                    "word": "climat"})
    assert closed.status_code == 409 and "Le vote est clos pour cette question." in closed.text
    assert "<fieldset disabled>" in debate_client.get(f"/j/{code}").text


def test_titles_are_escaped(debate_client):
    code = create_debate(debate_client, title='<script>alert("x")</script>')
    page = debate_client.get(f"/j/{code}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_unknown_code_gets_a_french_404_page_and_the_code_form(debate_client):
    response = debate_client.get("/j/ZZZZZZ")
    assert response.status_code == 404
    assert "Aucun débat ne porte le code « ZZZZZZ »" in response.text
    assert 'action="/j"' in response.text
    join = debate_client.get("/j")
    assert join.status_code == 200 and "Rejoindre un débat" in join.text
    code = create_debate(debate_client)
    typed = debate_client.get(f"/j?code={code.lower()}")
    assert typed.status_code == 303 and typed.headers["Location"] == f"/j/{code.upper()}"


def test_qr_code_is_an_svg_of_the_join_url(debate_client):
    code = create_debate(debate_client)
    response = debate_client.get(f"/j/{code}/qr.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    root = ET.fromstring(response.data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert code in response.text  # its title names the debate
    expected = io.BytesIO()  # the same symbol as segno draws for the join URL
    segno.make(f"http://localhost/j/{code}", error="m").save(expected, kind="svg", scale=10,
                                                             border=2, light="#fff")
    path = ".//{http://www.w3.org/2000/svg}path"
    drawn = [p.get("d") for p in root.iterfind(path)]
    assert drawn == [p.get("d") for p in ET.fromstring(expected.getvalue()).iterfind(path)]
    assert len(drawn) == 2  # a white background (dark phones, dark slides), the modules
    assert debate_client.get("/j/ZZZZZZ/qr.svg").status_code == 404

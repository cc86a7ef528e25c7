"""Debate slides on the demonstration database: every kind builds for a real region, the
results slide shows both sides with their n and sources, the question slide how to join."""
from __future__ import annotations

import pytest
from dash import html

from component_helpers import graphs, text_of
from dashboard.analytics import debate
from dashboard.analytics.debate import Room
from layouts.slides import slide_section
from views import slides as slides

BALLOTS = [
    {"device": "a", "priorities": ["emploi", "sante"], "scores": {"emploi": 8},
     "innovation": True, "word": "Mobilité"},
    {"device": "b", "priorities": ["emploi"], "scores": {"emploi": 5}, "innovation": False,
     "word": "mobilité"},
]
JOIN = slides.Join("http://127.0.0.1:8050/j/K7Q2", "K7Q2", "/j/K7Q2/qr.svg")


@pytest.fixture
def svc(demo_services):
    return demo_services


@pytest.fixture
def room(svc):
    return Room.from_ballots("Débat de Rennes", BALLOTS, svc.reference.domain_slugs,
                             ("emploi", "sante"))


def test_every_slide_of_the_default_deck_builds_for_brittany(svc, room):
    deck = slides.default_deck(debate.QUESTIONS)
    assert [s.kind for s in deck][:6] == ["title", "map", "fragilities", "perception",
                                          "coconstruction", "practices"]
    assert len(deck) == 6 + 2 * len(debate.QUESTIONS)
    for spec, view in zip(deck, slides.deck(svc, "53", deck, "fr", room, JOIN), strict=True):
        assert view.title, spec
        assert view.notes == spec.notes_fr and len(view.notes) > 80
        section = slide_section(view.title, view.body, view.source, spec.kind, "fr")
        assert "debate-slide" in section.className
        if spec.kind in ("map", "fragilities", "perception", "coconstruction", "practices",
                         "results"):
            chart = graphs(view.body)[0]
            assert chart.config["displaylogo"] is False
            assert chart.figure.layout.font.size >= 22


def test_the_results_slide_shows_the_room_and_the_survey_with_n_and_sources(svc, room):
    view = slides.slide(svc, "53", "results", "fr", "priorities", room)
    assert view.figure.data[0].name == "Salle (n = 2)"
    names = [t.name for t in view.figure.data]
    assert "Citoyens, Bretagne (n = 128)" in names
    assert any(n and n.startswith("Citoyens, France (n = 2") for n in names)
    assert "vote de la salle « Débat de Rennes » (n = 2 appareils)" in view.source
    assert "IMPACT-Citoyens 2019 (n = 128 dans la région" in view.source
    assert view.source.endswith("données de démonstration")
    first = view.store["rows"][0]
    assert first["item"] == "Emploi" and first["salle:53"] == pytest.approx(100)
    assert first["salle:53_n"] == 2 and first["citoyens:53_n"] == 128


def test_results_before_any_vote_wait_and_offer_no_rows(svc):
    view = slides.slide(svc, "53", "results", "fr", "scores", None)
    assert view.figure.layout.annotations[0].text == "En attente des votes"
    assert view.store["rows"] == []
    assert "En attente des votes" in text_of(view.body)


def test_the_word_cloud_says_the_survey_has_no_counterpart(svc, room):
    view = slides.slide(svc, "53", "results", "fr", "word", room)
    assert "pas d'équivalent dans l'enquête" in text_of(view.body)
    assert view.store["rows"] == [{"word": "mobilité", "count": 2}]
    assert "démonstration" not in view.source  # nothing from the survey is shown


def test_an_overseas_region_is_compared_with_france_only_and_says_so(svc, room):
    view = slides.slide(svc, "04", "results", "fr", "innovation", room)
    assert "comparée à la France seulement" in text_of(view.body)
    assert list(view.figure.data[0].y)[0] == "Salle (n = 2)"
    assert any("France (n = " in label for label in view.figure.data[0].y)
    assert "Citoyens, France" in text_of(view.body)  # the table shows what the chart shows


def test_the_question_slide_shows_the_url_the_code_and_the_qr_code(svc):
    view = slides.slide(svc, "53", "question", "fr", "priorities", join=JOIN)
    text = text_of(view.body)
    assert "3 fragilités prioritaires de Bretagne" in text
    assert "K7Q2" in text and JOIN.url in text
    images = [c for c in _walk(view.body) if isinstance(c, html.Img)]
    assert images[0].src == "/j/K7Q2/qr.svg" and JOIN.url in images[0].alt


def test_slides_speak_english_when_asked(svc, room):
    view = slides.slide(svc, "53", "results", "en", "scores", room)
    assert view.figure.data[1].name == "Room (n = 2)"
    assert view.source.startswith("Source: the room's vote")
    assert view.notes.startswith("Reveal the results")


def test_a_slide_of_an_unknown_kind_or_question_is_refused(svc):
    with pytest.raises(ValueError):
        slides.slide(svc, "53", "quiz", "fr")
    with pytest.raises(ValueError):
        slides.slide(svc, "53", "results", "fr", "couleur")


def _walk(component):  # type: ignore[no-untyped-def]
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _walk(child)

"""Debate figures: the room's trace with its n and colour, the empty state before the first
vote, the projector's type sizes, and a word cloud that is the same everywhere and never
overlaps."""
from __future__ import annotations

import itertools

import pandas as pd
import pytest

from dashboard.analytics import debate
from dashboard.analytics.debate import INNOVATION, PRIORITIES, SCORES, WORD, Room
from dashboard.analytics.perception import Wave
from dashboard.figures import cloud
from dashboard.figures import debate as figures
from dashboard.figures.style import ACTOR_COLOURS, ROOM_COLOUR
from dashboard.reference import load_reference

REF = load_reference()
DOMAINS = REF.domain_slugs
CIT = Wave("IMPACT-Citoyens", 2019, "citoyens", frozenset(), True)
TEXTS = {"waiting": "En attente des votes", "axis": "Part", "france": "France",
         "distribution": "Notes de la salle", "votes": "votes", "france_hollow": "France"}
BALLOTS = [
    {"device": "a", "priorities": ["emploi", "sante"], "scores": {"emploi": 8},
     "innovation": True, "word": "Mobilité"},
    {"device": "b", "priorities": ["emploi"], "scores": {"emploi": 5}, "innovation": False,
     "word": "mobilité"},
    {"device": "c", "priorities": ["mobilite"], "innovation": True, "word": "<b>jeunesse</b>"},
]


def comparison(question: str, ballots: list[dict] = BALLOTS) -> debate.Comparison:
    room = Room.from_ballots("Débat", ballots, DOMAINS, ("emploi",))
    survey = pd.DataFrame([("53", "emploi", 62.0 if question != SCORES else 7.1, 128, 1, 2),
                           ("FR", "emploi", 61.0 if question != SCORES else 7.0, 2557, 1, 2)],
                          columns=["territory_code", "item", "value", "n", "ci_low",
                                   "ci_high"])
    if question == INNOVATION:
        survey["item"] = debate.INNOVATION_ITEM
    side = debate.survey_side(question, "53", {CIT: survey}, REF.actor_slugs)
    return debate.compare(question, room, side, DOMAINS)


def labels(result: debate.Comparison) -> dict[str, str]:
    return {s.key: f"{'Salle' if s.side == debate.ROOM else s.side}, {s.territory} "
                   f"(n = {s.n})" for s in result.series()}


def draw(question: str, ballots: list[dict] = BALLOTS):  # type: ignore[no-untyped-def]
    result = comparison(question, ballots)
    return figures.comparison_figure(result, {d: d for d in DOMAINS}, labels(result), TEXTS)


def test_the_priorities_chart_shows_the_room_in_vermilion_with_its_n():
    figure = draw(PRIORITIES)
    room = figure.data[0]
    assert room.name == "Salle, 53 (n = 3)" and room.marker.color == ROOM_COLOUR
    assert list(room.x[:2]) == [pytest.approx(200 / 3), pytest.approx(100 / 3)]  # emploi, then
    assert len(room.x) == figures.TOP                      # the top domains only
    citizens = [t for t in figure.data if t.name and t.name.startswith("citoyens, 53")]
    assert citizens[0].name == "citoyens, 53 (n = 128)"
    assert citizens[0].marker.color == ACTOR_COLOURS["citoyens"]
    france = [t for t in figure.data if t.name == "citoyens, FR (n = 2557)"]
    assert france[0].marker.symbol == "circle-open"


def test_the_scores_chart_has_the_room_mean_and_its_distribution():
    figure = draw(SCORES)
    spread, mean = figure.data[0], figure.data[1]
    assert sorted(spread.x) == [5, 8] and list(spread.customdata) == [1, 1]
    assert mean.name == "Salle, 53 (n = 2)" and list(mean.x) == [pytest.approx(6.5)]


def test_the_innovation_chart_puts_the_room_beside_the_actors_with_france():
    figure = draw(INNOVATION)
    bars = figure.data[0]
    assert list(bars.y) == ["Salle, 53 (n = 3)", "citoyens, 53 (n = 128)"]
    assert list(bars.x) == [pytest.approx(200 / 3), pytest.approx(62.0)]
    assert bars.marker.color[0] == ROOM_COLOUR
    france = figure.data[1]
    assert france.x[1] == pytest.approx(61.0) and pd.isna(france.x[0])  # no France for the room


@pytest.mark.parametrize("question", debate.QUESTIONS)
def test_every_chart_waits_for_votes_before_the_first(question):
    figure = draw(question, ballots=[])
    assert len(figure.data) == 0
    assert figure.layout.annotations[0].text == "En attente des votes"


@pytest.mark.parametrize("question", debate.QUESTIONS)
def test_projector_type_is_never_smaller_than_22_px(question):
    figure = draw(question)
    layout = figure.layout
    assert layout.font.size >= 22 and layout.legend.font.size >= 22
    assert layout.xaxis.tickfont.size >= 22 and layout.yaxis.tickfont.size >= 22
    assert all(a.font.size >= 22 for a in layout.annotations)
    for trace in figure.data:
        size = getattr(getattr(trace, "textfont", None), "size", None)
        sizes = size if isinstance(size, tuple) else [size]
        assert all(s is None or s >= 22 for s in sizes)


def test_the_word_cloud_escapes_the_audience_s_words():
    figure = draw(WORD)
    texts = list(figure.data[0].text)
    assert "<b>mobilité</b>" in texts
    assert "<b>&lt;b&gt;jeunesse&lt;/b&gt;</b>" in texts


def test_the_word_cloud_is_the_same_on_every_call_and_centres_the_most_given_word():
    words = [("écologie", 9), ("mobilité", 7), ("emploi des jeunes", 5), ("lien", 5),
             *((f"idée {i}", 1) for i in range(40))]
    first, second = cloud.place_words(words), cloud.place_words(words)
    assert first == second
    assert (first[0].word, first[0].x, first[0].y) == ("écologie", 0, 0)
    assert first[0].size > first[-1].size
    assert all(isinstance(v, int) for p in first for v in (p.x, p.y, p.size))


def test_placed_words_never_overlap_and_stay_on_the_canvas():
    words = [(f"mot{i}" * (1 + i % 3), 60 - i) for i in range(cloud.MAX_WORDS)]
    placed = cloud.place_words(words)
    assert len(placed) > 20
    assert not any(a.overlaps(b) for a, b in itertools.combinations(placed, 2))
    assert all(abs(p.x) + p.half_width <= cloud.WIDTH // 2 and
               abs(p.y) + p.half_height <= cloud.HEIGHT // 2 for p in placed)
    assert all(cloud.MIN_SIZE <= p.size <= cloud.MAX_SIZE for p in placed)


def test_the_spiral_walks_rings_outwards_from_the_centre():
    points = list(cloud.spiral(9))
    assert points[0] == (0, 0)
    assert len(set(points)) == 9  # the first ring: every neighbour once
    assert max(abs(x) for x, _ in points) == 2 * cloud.STEP
    assert max(abs(y) for _, y in points) == cloud.STEP


def test_font_sizes_run_from_the_least_to_the_most_given_word():
    assert cloud.font_size(1, 1, 9) == cloud.MIN_SIZE
    assert cloud.font_size(9, 1, 9) == cloud.MAX_SIZE
    assert cloud.MIN_SIZE < cloud.font_size(5, 1, 9) < cloud.MAX_SIZE

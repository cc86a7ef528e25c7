"""Debate analytics: the room's ballots, shares, means, distribution and words, checked
against values computed by hand; the survey side from small tables and from the
demonstration database (which reproduces the published figures)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import data_access
from dashboard.analytics import debate
from dashboard.analytics.debate import (
    INNOVATION,
    INNOVATION_ITEM,
    PRIORITIES,
    ROOM,
    SCORES,
    WORD,
    BallotError,
    Room,
)
from dashboard.analytics.perception import Wave
from dashboard.i18n.text import normalise_word
from dashboard.reference import load_reference

REF = load_reference()
DOMAINS = REF.domain_slugs

THREE = [
    {"device": "a", "priorities": ["emploi", "sante"], "scores": {"emploi": 8, "sante": 3},
     "innovation": True, "word": "Mobilité"},
    {"device": "b", "priorities": ["emploi"], "scores": {"emploi": 5},
     "innovation": False, "word": " mobilité "},
    {"device": "c", "priorities": ["mobilite"], "innovation": True, "word": "jeunesse"},
]


def room(ballots: list[dict] = THREE, hidden: tuple[str, ...] = ()) -> Room:
    return Room.from_ballots("Débat test", ballots, DOMAINS, ("emploi", "sante"), hidden)


# --- the room -----------------------------------------------------------------------------

def test_three_devices_two_naming_employment_give_it_two_thirds():
    shares = debate.room_shares(room(), PRIORITIES, DOMAINS).set_index("item")
    assert debate.room_n(room(), PRIORITIES) == 3
    assert shares.at["emploi", "count"] == 2
    assert shares.at["emploi", "share"] == pytest.approx(200 / 3)
    assert shares.at["sante", "share"] == pytest.approx(100 / 3)
    assert shares.at["pauvrete", "count"] == 0
    assert shares.at["pauvrete", "share"] == pytest.approx(0)
    assert len(shares) == 16


def test_a_replaced_ballot_counts_once_with_the_device_s_last_answer():
    replaced = [*THREE, {"device": "a", "priorities": ["pauvrete"], "innovation": False}]
    shares = debate.room_shares(room(replaced), PRIORITIES, DOMAINS).set_index("item")
    assert debate.room_n(room(replaced), PRIORITIES) == 3
    assert shares.at["emploi", "count"] == 1  # a's new list replaces its old one
    assert shares.at["pauvrete", "share"] == pytest.approx(100 / 3)
    yes = debate.room_shares(room(replaced), INNOVATION)
    assert yes["item"].tolist() == [INNOVATION_ITEM]
    assert yes["count"].iloc[0] == 1 and yes["share"].iloc[0] == pytest.approx(100 / 3)
    # questions the new ballot does not answer keep the device's earlier answer
    means = debate.room_means(room(replaced)).set_index("item")
    assert means.at["emploi", "n"] == 2


def test_innovation_share_is_the_yes_share_of_devices_that_answered():
    shares = debate.room_shares(room(), INNOVATION)
    assert shares["n"].iloc[0] == 3
    assert shares["share"].iloc[0] == pytest.approx(200 / 3)


def test_scores_give_mean_n_and_the_count_of_every_score_per_domain():
    means = debate.room_means(room()).set_index("item")
    assert means.index.tolist() == ["emploi", "sante"]
    assert means.at["emploi", "mean"] == pytest.approx(6.5)
    assert means.at["emploi", "n"] == 2
    assert means.at["sante", "mean"] == pytest.approx(3.0) and means.at["sante", "n"] == 1
    spread = debate.room_distribution(room())
    assert len(spread) == 2 * 11
    emploi = spread[spread["item"] == "emploi"].set_index("score")["count"]
    assert emploi[8] == 1 and emploi[5] == 1 and emploi.sum() == 2
    assert debate.room_n(room(), SCORES) == 2


def test_a_scored_domain_nobody_scored_yet_has_no_mean_and_n_zero():
    only = Room.from_ballots("t", [{"device": "a", "scores": {"emploi": 4}}], DOMAINS,
                             ("emploi", "sante"))
    means = debate.room_means(only).set_index("item")
    assert math.isnan(means.at["sante", "mean"]) and means.at["sante", "n"] == 0


@pytest.mark.parametrize("ballot, message", [
    ({"device": "a", "priorities": ["emploi", "sante", "mobilite", "pauvrete"]}, "au plus"),
    ({"device": "a", "priorities": ["atlantide"]}, "inconnu"),
    ({"device": "a", "priorities": ["emploi", "emploi"]}, "deux fois"),
    ({"device": "a", "scores": {"emploi": 11}}, "entre 0 et 10"),
    ({"device": "a", "scores": {"emploi": 7.5}}, "entier"),
    ({"device": "a", "scores": {"emploi": True}}, "entier"),
    ({"device": "a", "scores": {"mobilite": 5}}, "inconnu"),  # not a scored domain
    ({"device": "a", "innovation": "oui"}, "true ou false"),
    ({"device": "a", "word": "x" * 41}, "40 caractères"),
    ({"device": "a", "word": "  !  "}, "vide"),
    ({"priorities": ["emploi"]}, "device"),
])
def test_a_bad_ballot_is_refused_with_its_reason(ballot, message):
    with pytest.raises(BallotError, match=message):
        room([*THREE, ballot])


@pytest.mark.parametrize("raw, word", [
    ("  Écologie  ", "écologie"),
    ("ÉCOLOGIE", "écologie"),
    ("e\u0301cologie", "écologie"),            # decomposed accent, same word
    ("eglise", "eglise"),                      # accents are kept, not stripped
    ("« lien   social ! »", "lien social"),
    ("aujourd\u2019hui", "aujourd'hui"),
    ("Santé\tmentale\n", "santé mentale"),
])
def test_words_are_normalised_the_french_way(raw, word):
    assert normalise_word(raw) == word


def test_hidden_words_leave_the_cloud_but_their_devices_still_count():
    cloud = room(hidden=("JEUNESSE",))
    counts = debate.word_counts(cloud)
    assert counts.to_dict("records") == [{"word": "mobilité", "count": 2}]
    assert debate.room_n(cloud, WORD) == 3
    again = debate.word_counts(Room("t", words=debate.hide_word(cloud.words, "Mobilité")))
    assert again.empty


def test_word_ties_are_in_alphabetical_order():
    ballots = [{"device": d, "word": w} for d, w in (("1", "zèbre"), ("2", "arbre"),
                                                       ("3", "mer"), ("4", "mer"))]
    counts = debate.word_counts(Room("t", words=debate.word_frame(ballots)))
    assert counts["word"].tolist() == ["mer", "arbre", "zèbre"]


def test_an_empty_room_answers_nothing_and_shares_are_not_numbers():
    empty = Room("vide")
    assert all(debate.room_n(empty, q) == 0 for q in debate.QUESTIONS)
    assert math.isnan(debate.room_shares(empty, INNOVATION)["share"].iloc[0])
    assert debate.word_counts(empty).empty


# --- the survey side ----------------------------------------------------------------------

CIT = Wave("IMPACT-Citoyens", 2019, "citoyens", frozenset({"priority_domains"}), True)
MAI = Wave("PHARE-Institutions", 2016, "maires", frozenset({"priority_domains"}), True)


def table(rows: list[tuple[str, str, float, int]]) -> pd.DataFrame:
    return pd.DataFrame([(c, i, v, n, v - 2, v + 2) for c, i, v, n in rows],
                        columns=["territory_code", "item", "value", "n", "ci_low", "ci_high"])


def test_the_survey_side_keeps_the_region_and_france_with_each_wave_s_n():
    tables = {MAI: table([("53", "emploi", 40.0, 15), ("FR", "emploi", 45.0, 318),
                          ("44", "emploi", 50.0, 20)]),
              CIT: table([("53", "emploi", 62.0, 128), ("53", "sante", 20.0, 127),
                          ("FR", "emploi", 61.0, 2557)])}
    side = debate.survey_side(PRIORITIES, "53", tables, REF.actor_slugs)
    assert side.reason is None and side.measure == "share_priority"
    assert [s.side for s in side.sources] == ["citoyens", "maires"]  # reference order
    citizens = side.sources[0]
    assert (citizens.study, citizens.year, citizens.n, citizens.n_france) == (
        "IMPACT-Citoyens", 2019, 128, 2557)
    assert set(side.frame["territory"]) == {"53", "FR"}  # Pays de la Loire left out
    assert len(side.frame) == 5


def test_a_region_nobody_answered_in_gets_france_only_and_says_so():
    side = debate.survey_side(PRIORITIES, "04", {CIT: table([("FR", "emploi", 61.0, 2557)])})
    assert side.reason == debate.NO_REGION
    assert side.sources[0].n is None and side.sources[0].n_france == 2557


def test_the_word_cloud_has_no_survey_counterpart_and_no_wave_means_no_survey():
    assert debate.survey_side(WORD, "53", {CIT: table([])}).reason == debate.NO_MATCH
    assert debate.survey_side(SCORES, "53", {}).reason == debate.NO_WAVE
    assert debate.survey_side(SCORES, "53", {}).frame.empty


def test_compare_puts_the_room_first_with_zeros_for_domains_nobody_named():
    tables = {CIT: table([("53", "emploi", 62.0, 128), ("FR", "emploi", 61.0, 2557)])}
    side = debate.survey_side(PRIORITIES, "53", tables, REF.actor_slugs)
    result = debate.compare(PRIORITIES, room(), side, DOMAINS)
    ours = result.room.set_index("item")
    assert result.room_n == 3 and not result.waiting
    assert len(ours) == 16 and ours.at["emploi", "value"] == pytest.approx(200 / 3)
    assert ours.at["pauvrete", "value"] == pytest.approx(0)
    assert result.frame["side"].iloc[0] == ROOM
    assert [s.key for s in result.series()] == ["salle:53", "citoyens:53", "citoyens:FR"]
    assert [s.n for s in result.series()] == [3, 128, 2557]


def test_compare_scores_only_the_domains_the_room_scored():
    tables = {CIT: table([("53", "emploi", 7.1, 128), ("53", "mobilite", 5.5, 128)])}
    side = debate.survey_side(SCORES, "53", tables, REF.actor_slugs)
    result = debate.compare(SCORES, room(), side, DOMAINS)
    assert result.items == ["emploi", "sante"]
    assert set(result.survey["item"]) == {"emploi"}
    assert result.unit == "score_0_10" and len(result.distribution) == 22


def test_a_room_without_votes_is_waiting():
    side = debate.no_survey(INNOVATION, "53", debate.NO_WAVE)
    assert debate.compare(INNOVATION, Room("t"), side).waiting


def test_figure_tables_read_the_yes_no_question_like_the_per_domain_ones():
    figures = pd.DataFrame([{"actor": "maires", "study": "PHARE-Institutions", "year": 2016,
                             "value": 81.0, "france": 87.0, "n": 20, "n_france": 318,
                             "ci_low": 70.0, "ci_high": 90.0, "demo": True}])
    tables = debate.figure_tables(figures, {"maires": MAI}, "44")
    assert tables[MAI][["territory_code", "item", "value", "n"]].values.tolist() == [
        ["44", INNOVATION_ITEM, 81.0, 20], ["FR", INNOVATION_ITEM, 87.0, 318]]


# --- on the demonstration database --------------------------------------------------------

def test_innovation_survey_side_reproduces_the_published_grand_est_figures(demo_services):
    side = data_access.survey_side(demo_services, "44", INNOVATION)
    values = side.frame.set_index(["side", "territory"])["value"]
    # published in the PHARE Grand Est regional report (2016) and the PHARE synthesis
    assert values[("maires", "44")] == pytest.approx(81, abs=0.5)
    assert values[("associations", "44")] == pytest.approx(95, abs=0.5)
    assert values[("entreprises", "44")] == pytest.approx(89, abs=0.5)
    assert values[("maires", "FR")] == pytest.approx(87, abs=0.5)
    assert values[("citoyens", "FR")] == pytest.approx(74, abs=0.5)  # IMPACT 2019
    assert {s.side: s.study for s in side.sources}["citoyens"] == "IMPACT-Citoyens"
    assert all(s.demo and s.n and s.n_france for s in side.sources)


def test_priorities_and_scores_survey_sides_cover_16_domains_for_4_actors(demo_services):
    for question in (PRIORITIES, SCORES):
        side = data_access.survey_side(demo_services, "53", question)
        regional = side.frame[side.frame["territory"] == "53"]
        assert side.reason is None
        assert regional.groupby("side")["item"].nunique().to_dict() == {
            "associations": 16, "citoyens": 16, "entreprises": 16, "maires": 16}
    assert data_access.survey_side(demo_services, "53", WORD).reason == debate.NO_MATCH

"""Passer à l'action: the priority rule on hand-computed frames, the examples and their
categories, the mayors' figures and bands on the demonstration database, and the small-sample
rules per band."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from dashboard import data_access
from dashboard.analytics.action import (
    MAYOR_MEASURES,
    PRIORITY_COLUMNS,
    competition_ranks,
    domain_examples,
    example_category,
    priority_fragilities,
    roles_for,
)
from dashboard.analytics.estimates import FRAGILE, HIDDEN, OK, reliability
from dashboard.analytics.initiatives import COLUMNS as INITIATIVE_COLUMNS
from dashboard.analytics.profile import PROFILE_COLUMNS
from dashboard.reference import load_reference

REF = load_reference()


def profile_frame(index: dict[str, float | None],
                  actors: dict[str, dict[str, float | None]]) -> pd.DataFrame:
    """A section-2 frame: the index and each actor's scores over the given domains."""
    domains = list(index)
    rows = []
    for series, values in (("index", index), *actors.items()):
        for position, domain in enumerate(domains, start=1):
            value = values.get(domain)
            rows.append({"item": domain, "group": "g", "position": position, "series": series,
                         "value": np.nan if value is None else value, "france": 5.0,
                         "n": 40.0})
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def test_competition_ranks_share_the_better_rank_on_tenths() -> None:
    ranks = competition_ranks(pd.Series([7.04, 7.0, 9.1, 3.0], index=list("abcd")))
    assert ranks.to_dict() == {"a": 2, "b": 2, "c": 1, "d": 4}  # 7.04 and 7.0 are both 7.0


def test_priorities_are_where_index_and_perceptions_agree_most() -> None:
    # index ranks: a1 b2 c3 d4 e5; citizens: c1 a2 e3 b4 d5; companies: c1 b2 a3 d4 e5
    frame = profile_frame({"a": 9.0, "b": 8.0, "c": 7.0, "d": 6.0, "e": 5.0},
                          {"citoyens": {"a": 6.0, "b": 4.0, "c": 8.0, "d": 2.0, "e": 5.0},
                           "entreprises": {"a": 5.0, "b": 6.0, "c": 7.0, "d": 4.0,
                                           "e": 3.0}})
    priorities, perceived = priority_fragilities(frame)
    # agreement = 2 × index rank + sum of ranks: a 2+2+3=7, b 4+4+2=10, c 6+1+1=8, d 8+5+4=17
    assert list(priorities["domain"]) == ["a", "c", "b"]
    assert list(priorities["agreement"]) == [7, 8, 10]
    assert list(priorities["rank_sum"]) == [5, 2, 6]
    assert list(priorities["perceived_rank"]) == [2.5, 1.0, 3.0]
    assert list(priorities["order"]) == [1, 2, 3]
    assert list(priorities.columns) == PRIORITY_COLUMNS
    assert perceived[perceived["domain"] == "c"].set_index("actor")["rank"].to_dict() == \
        {"citoyens": 1, "entreprises": 1}


def test_priority_ties_go_to_the_index_rank_then_the_reference_order() -> None:
    # b and c tie on agreement (2×2+3 = 2×3+1 = 7... with one actor: 2+3 vs 3+2): index decides
    frame = profile_frame({"a": 9.0, "b": 8.0, "c": 7.0, "d": 1.0},
                          {"citoyens": {"a": 9.0, "b": 5.0, "c": 6.0, "d": 1.0}})
    priorities, _ = priority_fragilities(frame)
    assert list(priorities["agreement"]) == [2, 5, 5]
    assert list(priorities["domain"]) == ["a", "b", "c"]
    # equal indexes and scores: the reference order decides
    frame = profile_frame({"x": 5.0, "y": 5.0, "z": 5.0, "w": 5.0}, {})
    assert list(priority_fragilities(frame)[0]["domain"]) == ["x", "y", "z"]


def test_an_actor_missing_a_domain_is_not_counted_and_without_survey_the_index_decides() -> None:
    frame = profile_frame({"a": 4.0, "b": 8.0, "c": 6.0},
                          {"citoyens": {"a": 9.0, "b": None, "c": 1.0}})
    priorities, perceived = priority_fragilities(frame)
    assert list(priorities["domain"]) == ["b", "c", "a"]
    assert set(priorities["actors"]) == {0} and priorities["perceived_rank"].isna().all()
    assert perceived.empty


def test_domains_without_index_are_left_out_and_no_index_gives_nothing() -> None:
    frame = profile_frame({"a": None, "b": 3.0}, {"citoyens": {"a": 9.0, "b": 2.0}})
    assert list(priority_fragilities(frame)[0]["domain"]) == ["b"]
    empty, perceived = priority_fragilities(profile_frame({"a": None}, {}))
    assert empty.empty and perceived.empty


@pytest.mark.parametrize(("n", "expected"), [(None, HIDDEN), (0, HIDDEN), (9, HIDDEN),
                                             (10, FRAGILE), (29, FRAGILE), (30, OK)])
def test_small_sample_rules(n: int | None, expected: str) -> None:
    assert reliability(n) == expected


def test_roles_put_the_actors_mayors_expect_on_a_domain_then_the_mayors_own() -> None:
    assert [r.actor for r in roles_for(REF, "lien_social")] == ["associations", "citoyens",
                                                                 "maires"]
    assert [r.actor for r in roles_for(REF, "emploi")] == ["entreprises", "maires"]
    assert [r.actor for r in roles_for(REF, "niveau_de_vie")] == ["maires"]


def test_example_categories_follow_the_sources() -> None:
    assert example_category(REF, "mecenat", "Fondation Décathlon").category == "mecenat"
    assert example_category(REF, "experimentation_collective",
                            "Silver Geek").category == "innovation_societale"
    assert example_category(REF, "experimentation_collective",
                            "PTCE Les Mureaux").category == "cooperation_economique"
    assert example_category(REF, "gestion_lieu", "Point Carré") is None


def test_domain_examples_list_the_regions_own_first() -> None:
    initiatives = pd.DataFrame([
        {"name": "Z ici", "function": "mecenat", "domain": "emploi", "region_code": "32"},
        {"name": "A ailleurs", "function": "experimentation_collective", "domain": "emploi",
         "region_code": "11"},
        {"name": "B ici", "function": "gestion_lieu", "domain": "emploi", "region_code": "32"},
        {"name": "C autre domaine", "function": "mecenat", "domain": "sante",
         "region_code": "32"}]).reindex(columns=INITIATIVE_COLUMNS)
    examples = domain_examples(REF, initiatives, "emploi", "32")
    assert list(examples["name"]) == ["B ici", "Z ici", "A ailleurs"]
    assert list(examples["own"]) == [True, True, False]
    assert list(examples["category"].fillna("")) == ["", "mecenat", "innovation_societale"]


def test_paca_plan_has_three_priorities_with_every_actor_behind_them(demo_services) -> None:
    plan = data_access.action_plan(demo_services, "93")
    assert plan is not None
    assert len(plan.priorities) == 3 and set(plan.priorities["actors"]) == {4}
    assert plan.priorities["agreement"].is_monotonic_increasing
    assert len(plan.perceived) == 12 and plan.perceived["n"].min() >= 15
    assert set(plan.examples) == set(plan.priorities["domain"])
    # the mayors' figures: region beside France, with n, from the survey
    mayors = plan.mayors.set_index("measure")
    assert list(mayors.index) == list(MAYOR_MEASURES)
    assert mayors["n"].min() >= 15 and mayors["n_france"].min() >= 250
    assert abs(mayors.at["share_alliances_source_of_innovation", "france"] - 87) <= 0.5
    assert abs(mayors.at["share_coconstruction_just_emerging", "france"] - 46) <= 0.5


def test_mayors_bands_add_up_and_follow_the_small_sample_rules(demo_services) -> None:
    plan = data_access.action_plan(demo_services, "93")
    bands = plan.bands
    france = bands[bands["territory"] == "FR"]
    national_n = plan.mayors.set_index("measure")["n_france"]
    for measure, rows in france.groupby("measure"):
        assert rows["n"].sum() == national_n[measure]  # every mayor has exactly one band
    for row in bands.to_dict("records"):
        assert row["reliability"] == reliability(None if pd.isna(row["n"]) else int(row["n"]))
        assert math.isnan(row["value"]) == (row["reliability"] == HIDDEN)
    # published: 87 % of mayors, "whatever the size of their commune"
    innovation = france[(france["measure"] == "share_alliances_source_of_innovation")
                        & (france["reliability"] != HIDDEN)]
    assert len(innovation) >= 2 and (innovation["value"] - 87).abs().max() < 3
    # most communes are small: the big-town band is too thin to show in a region
    region = bands[bands["territory"] == "93"]
    assert (region.loc[region["band"] == "plus_10000", "reliability"] == HIDDEN).all()


@pytest.mark.parametrize("code", ["03", "04"])
def test_overseas_plan_rests_on_the_index_alone_and_has_no_mayor(demo_services, code) -> None:
    plan = data_access.action_plan(demo_services, code)
    assert plan is not None
    assert (plan.priorities["actors"] == 0).all() and plan.perceived.empty
    assert plan.mayors["value"].isna().all() and plan.mayors["france"].notna().all()
    assert (plan.bands.loc[plan.bands["territory"] == code, "reliability"] == HIDDEN).all()


def test_unknown_region_has_no_plan(demo_services) -> None:
    assert data_access.action_plan(demo_services, "99") is None


def test_the_api_answers_per_commune_size_band(demo_url, make_app) -> None:
    client = make_app(demo_url).server.test_client()
    answer = client.get("/api/v1/figures?study=PHARE-Institutions&year=2016"
                        "&actor=maires_moins_2000&measure=share_alliances_source_of_innovation")
    assert answer.status_code == 200
    figure = answer.get_json()
    assert figure["n"] == 270 and abs(figure["value"] - 87) < 3

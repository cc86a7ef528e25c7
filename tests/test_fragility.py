"""The fragility index method, on small frames whose answer is worked out by hand."""
import pandas as pd
import pytest

from dashboard.analytics.fragility import VALUE_COLUMNS, fragility_index, normalised_scores


def frame(rows):
    return pd.DataFrame(rows, columns=VALUE_COLUMNS)


ROWS = [
    # unemployment: higher is worse; 11 best (6), 32 worst (12), FR in between (9)
    ("chomage", "emploi", "higher_is_worse", "region", "11", 2015, 6.0),
    ("chomage", "emploi", "higher_is_worse", "region", "93", 2015, 10.5),
    ("chomage", "emploi", "higher_is_worse", "region", "32", 2015, 12.0),
    ("chomage", "emploi", "higher_is_worse", "country", "FR", 2015, 9.0),
    ("chomage", "emploi", "higher_is_worse", "region", "11", 2012, 99.0),  # older year ignored
    # employment rate: higher is better
    ("emploi_taux", "emploi", "higher_is_better", "region", "11", 2015, 70.0),
    ("emploi_taux", "emploi", "higher_is_better", "region", "93", 2015, 60.0),
    ("emploi_taux", "emploi", "higher_is_better", "region", "32", 2015, 60.0),
    # department values never enter a regional index
    ("chomage", "emploi", "higher_is_worse", "department", "13", 2015, 30.0),
]


def test_scores_are_direction_aware_and_use_the_latest_year():
    scores = normalised_scores(frame(ROWS)).set_index(["indicator_code", "territory_code"])
    assert scores.loc[("chomage", "11"), "score"] == pytest.approx(0.0)
    assert scores.loc[("chomage", "32"), "score"] == pytest.approx(1.0)
    assert scores.loc[("chomage", "93"), "score"] == pytest.approx(0.75)
    assert scores.loc[("chomage", "FR"), "score"] == pytest.approx(0.5)
    assert scores.loc[("emploi_taux", "11"), "score"] == pytest.approx(0.0)
    assert scores.loc[("emploi_taux", "93"), "score"] == pytest.approx(1.0)
    assert "13" not in scores.index.get_level_values("territory_code")


def test_domain_index_is_the_mean_on_a_0_10_scale():
    index = fragility_index(frame(ROWS)).set_index(["territory_code", "domain"])
    assert index.loc[("11", "emploi"), "index"] == pytest.approx(0.0)
    assert index.loc[("93", "emploi"), "index"] == pytest.approx(8.75)
    assert index.loc[("32", "emploi"), "index"] == pytest.approx(10.0)
    assert index.loc[("93", "emploi"), "n_indicators"] == 2
    assert index.loc[("FR", "emploi"), "n_indicators"] == 1


def test_equal_values_give_the_middle_of_the_scale():
    rows = [("x", "sante", "higher_is_worse", "region", c, 2015, 3.0) for c in ("11", "93")]
    index = fragility_index(frame(rows))
    assert list(index["index"]) == [5.0, 5.0]


def test_no_indicator_gives_an_empty_index():
    assert fragility_index(frame([])).empty

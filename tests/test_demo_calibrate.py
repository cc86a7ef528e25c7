"""The numeric core of the demonstration generator: cells hit their targets exactly."""
import numpy as np
import pytest

from dashboard.demo.calibrate import (
    draw_scores,
    draw_scores_with_share,
    pick_weight,
    weight_units,
)
from dashboard.demo.surveys import _single_options, solve_regional


def weights(n: int, seed: int = 1) -> np.ndarray:
    """Integer weight units, as the generator uses them."""
    return weight_units(np.round(np.random.default_rng(seed).lognormal(0, 0.35, n), 4))


def test_weight_units_are_exact_integers_of_four_decimal_weights():
    units = weight_units([1.2345, 0.0001, 3.0])
    assert units.dtype == np.int64 and units.tolist() == [12345, 1, 30000]


@pytest.mark.parametrize("n,share", [(15, 0.77), (25, 0.16), (60, 0.23), (3000, 0.62)])
def test_pick_weight_reaches_the_share_even_in_a_cell_of_fifteen(n, share):
    w = weights(n)
    chosen = pick_weight(w, share * w.sum(), np.random.default_rng(2))
    assert w[chosen].sum() / w.sum() == pytest.approx(share, abs=0.004)


def test_pick_weight_takes_everyone_for_a_full_share_and_no_one_for_zero():
    w = weights(20)
    rng = np.random.default_rng(3)
    assert pick_weight(w, w.sum(), rng).all()
    assert not pick_weight(w, 0.0, rng).any()


@pytest.mark.parametrize("n,mean", [(15, 4.4), (80, 7.1), (2000, 5.2)])
def test_draw_scores_gives_integer_scores_with_the_target_weighted_mean(n, mean):
    w = weights(n)
    scores = draw_scores(w, mean, np.random.default_rng(4))
    assert scores.dtype.kind == "i" and scores.min() >= 0 and scores.max() <= 10
    assert np.average(scores, weights=w) == pytest.approx(mean, abs=0.01)
    assert len(np.unique(scores)) >= 3  # a spread, not one repeated value


def test_draw_scores_with_share_hits_mean_and_share_above_threshold():
    w = weights(1500)
    scores = draw_scores_with_share(w, 6.6, 62.0, 6, np.random.default_rng(5))
    assert np.average(scores, weights=w) == pytest.approx(6.6, abs=0.01)
    assert 100 * w[scores > 6].sum() / w.sum() == pytest.approx(62.0, abs=0.1)


def test_solve_regional_keeps_published_regions_and_meets_the_national_figure():
    shares = {"a": 0.5, "b": 0.3, "c": 0.2}
    start = {"a": 40.0, "b": 30.0, "c": 50.0}
    low, high = {r: 0.0 for r in start}, {r: 100.0 for r in start}
    high["a"] = 41.0
    values = solve_regional(45.0, start, shares, {"c": 23.0}, low, high)
    assert values["c"] == 23.0 and values["a"] <= 41.0
    assert sum(shares[r] * values[r] for r in values) == pytest.approx(45.0, abs=1e-6)


def test_single_options_are_derived_from_published_option_sets():
    # 76 % 'emerging or anchored', 46 % 'just emerging' → 30 % anchored
    derived = _single_options([(("emergente", "ancree"), 76.0), (("emergente",), 46.0)])
    assert derived == {"emergente": 46.0, "ancree": 30.0}

"""Weighted estimates and their intervals, checked against hand computations."""
import math

import pytest

from dashboard.analytics.estimates import Sums, estimate_mean, estimate_share


def sums(values: list[float], weights: list[float]) -> Sums:
    return Sums(len(values), sum(weights), sum(w * w for w in weights),
                sum(w * x for w, x in zip(weights, values, strict=True)),
                sum(w * x * x for w, x in zip(weights, values, strict=True)))


def test_weighted_mean_uses_weights_and_kish_effective_size():
    est = estimate_mean(sums([2, 4, 9], [1, 1, 2]))
    assert est.value == pytest.approx((2 + 4 + 18) / 4)
    assert est.n == 3
    assert est.n_eff == pytest.approx(16 / 6)
    variance = ((2 - 6) ** 2 + (4 - 6) ** 2 + 2 * (9 - 6) ** 2) / 4 * est.n_eff / (est.n_eff - 1)
    half = 1.959963984540054 * math.sqrt(variance / est.n_eff)
    assert est.ci_low == pytest.approx(6 - half)
    assert est.ci_high == pytest.approx(6 + half)


def test_unequal_weights_widen_the_interval():
    equal = estimate_share(sums([1, 0] * 50, [1.0] * 100))
    uneven = estimate_share(sums([1, 0] * 50, [0.2, 1.8] * 50))
    assert uneven.value == pytest.approx(10.0)
    assert equal.value == pytest.approx(50.0)
    assert (equal.ci_high - equal.ci_low) < 25
    assert uneven.n_eff < 100


def test_share_interval_is_wilson_and_stays_inside_0_100_at_the_edges():
    all_yes = estimate_share(sums([1] * 25, [1.0] * 25))
    assert all_yes.value == 100
    assert all_yes.ci_high == pytest.approx(100)
    assert 80 < all_yes.ci_low < 100
    none = estimate_share(sums([0] * 25, [1.0] * 25))
    assert none.ci_low == pytest.approx(0)
    assert 0 < none.ci_high < 20


def test_single_respondent_mean_has_no_interval():
    est = estimate_mean(sums([7], [1.3]))
    assert est.value == pytest.approx(7)
    assert est.ci_low is None and est.ci_high is None

"""Weighted estimates with their 95 % confidence intervals.

The database returns five sums per group (n, Σw, Σw², Σwx, Σwx²); everything else follows
from them, so a figure is one SQL aggregate however many respondents there are. Intervals use
Kish's effective sample size n_eff = (Σw)²/Σw², which widens them as weights get uneven:
a normal interval for means, a Wilson interval for shares (it stays inside 0-100 % and behaves
at 0 % and 100 %, which a regional cell of 25 mayors can reach).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Sums:
    n: int
    sw: float
    sw2: float
    swx: float
    swx2: float

    @property
    def n_eff(self) -> float:
        return self.sw * self.sw / self.sw2 if self.sw2 > 0 else 0.0


@dataclass(frozen=True)
class Estimate:
    value: float
    n: int
    ci_low: float | None
    ci_high: float | None
    n_eff: float


def estimate_mean(s: Sums) -> Estimate:
    """Weighted mean Σwx/Σw with a normal 95 % interval on n_eff."""
    mean = s.swx / s.sw
    n_eff = s.n_eff
    if n_eff <= 1:
        return Estimate(mean, s.n, None, None, n_eff)
    variance = max(s.swx2 / s.sw - mean * mean, 0.0) * n_eff / (n_eff - 1)
    half = Z95 * math.sqrt(variance / n_eff)
    return Estimate(mean, s.n, mean - half, mean + half, n_eff)


def estimate_share(s: Sums) -> Estimate:
    """Weighted share 100·Σwx/Σw (x in {0, 1}) with a Wilson 95 % interval on n_eff."""
    p = s.swx / s.sw
    n_eff = s.n_eff
    if n_eff <= 0:
        return Estimate(100 * p, s.n, None, None, n_eff)
    z2 = Z95 * Z95
    denominator = 1 + z2 / n_eff
    centre = (p + z2 / (2 * n_eff)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / n_eff + z2 / (4 * n_eff * n_eff)) / denominator
    return Estimate(100 * p, s.n, 100 * max(centre - half, 0.0), 100 * min(centre + half, 1.0),
                    n_eff)


# --- small samples ------------------------------------------------------------------------

#: Below this many respondents an estimate is shown flagged as fragile…
FRAGILE_N = 30
#: …and below this many it is not shown at all (its n still is).
HIDDEN_N = 10
OK, FRAGILE, HIDDEN = "ok", "fragile", "hidden"


def reliability(n: int | None) -> str:
    """How far an estimate on `n` respondents can be shown: `hidden` under HIDDEN_N (or
    with no answer), `fragile` under FRAGILE_N, else `ok`. A cell of 9 mayors can swing
    by 30 points on one answer: better unsaid."""
    if n is None or n < HIDDEN_N:
        return HIDDEN
    return FRAGILE if n < FRAGILE_N else OK

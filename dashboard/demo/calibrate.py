"""Drawing answers that hit a target exactly: the numeric core of the survey generator.

The demonstration microdata must reproduce published figures to ±0.05 score point and ±0.5
percentage point, down to regional cells of 15 mayors. Random draws alone miss by several
points at that size, so each cell is drawn at random and then nudged, answer by answer, until
its weighted figure is within a hair of its target. Weights stay untouched: they are shared by
every question a respondent answers.

Why the same bytes come out on every CPU: every decision here (a `searchsorted` position, an
`argmin`, a comparison with a tolerance) is taken on **integers**. Weights arrive as integer
units of 1/10,000 (`weight_units`: the files write weights with four decimals, so nothing is
lost), targets are rounded to whole units before the search, and sums, cumulative sums and
dot products of integers are exact whatever the order or width of numpy's SIMD kernels (or
BLAS, which integer arithmetic never reaches). Sorts that can meet equal weights are stable,
since an unstable sort may order ties differently with AVX-512 than without.
"""
from __future__ import annotations

import numpy as np
import numpy.typing as npt

SCORE_MAX = 10
#: Weight units per unit of weight: the files write weights with 4 decimals.
WEIGHT_SCALE = 10_000

Units = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]


def weight_units(weights: npt.ArrayLike) -> Units:
    """Weights (4 decimals) as exact integer units; one IEEE product and a rounding per
    weight, so the same on every machine."""
    return np.rint(np.asarray(weights, dtype=float) * WEIGHT_SCALE).astype(np.int64)


def pick_weight(units: Units, target: float, rng: np.random.Generator) -> Mask:
    """A random subset whose weight units sum as close as possible to `target` (a boolean
    mask; the target is rounded to whole units first).

    A random prefix gets within one weight of the target; single swaps (one in, one out)
    then close most of the rest, which matters for cells of a few dozen respondents.
    """
    n = len(units)
    goal = round(target)
    chosen = np.zeros(n, dtype=bool)
    if n == 0 or goal <= 0:
        return chosen
    if goal >= int(units.sum()):
        chosen[:] = True
        return chosen
    order = rng.permutation(n)
    cumulative = np.cumsum(units[order])
    k = int(np.searchsorted(cumulative, goal))
    if k > 0 and abs(int(cumulative[k - 1]) - goal) < abs(int(cumulative[k]) - goal):
        k -= 1
    else:
        k += 1
    chosen[order[:k]] = True
    for _ in range(8):
        residual = goal - int(units[chosen].sum())
        if residual == 0 or not _improve(units, chosen, residual):
            break
    return chosen


def _improve(units: Units, chosen: Mask, residual: int) -> bool:
    """Apply the one move (add j, drop i, or swap i for j) that best closes `residual`;
    False when no move brings the sum closer. Ties go to the first move listed and, within a
    move, to the lowest index: exact integers make that choice the same everywhere."""
    inside, outside = np.flatnonzero(chosen), np.flatnonzero(~chosen)
    moves: list[tuple[int, int | None, int | None]] = []  # (error after, out, in)
    if len(outside):
        j = int(outside[int(np.argmin(np.abs(units[outside] - residual)))])
        moves.append((abs(residual - int(units[j])), None, j))
    if len(inside):
        i = int(inside[int(np.argmin(np.abs(units[inside] + residual)))])
        moves.append((abs(residual + int(units[i])), i, None))
    if len(inside) and len(outside):
        # swap i (in) for j (out): the sum moves by w_j - w_i; we want it to move by residual
        out_sorted = outside[np.argsort(units[outside], kind="stable")]
        out_units = units[out_sorted]
        wanted = units[inside] + residual
        pos = np.clip(np.searchsorted(out_units, wanted), 1, max(len(out_units) - 1, 1))
        left = out_sorted[pos - 1]
        right = out_sorted[np.minimum(pos, len(out_sorted) - 1)]
        best_j = np.where(np.abs(units[left] - wanted) <= np.abs(units[right] - wanted),
                          left, right)
        after = np.abs(units[best_j] - wanted)
        k = int(np.argmin(after))
        moves.append((int(after[k]), int(inside[k]), int(best_j[k])))
    error, drop, add = min(moves, key=lambda m: m[0])
    if error >= abs(residual):
        return False
    if drop is not None:
        chosen[drop] = False
    if add is not None:
        chosen[add] = True
    return True


def draw_scores(units: Units, mean: float, rng: np.random.Generator, *,
                low: int = 0, high: int = SCORE_MAX,
                tolerance: float = 0.002) -> npt.NDArray[np.int64]:
    """Integer scores in [low, high] whose weighted mean is `mean` (± tolerance).

    Initial draws are beta-binomial (the wide, lumpy spread of real 0-10 answers); then
    randomly chosen answers move by one point until the weighted mean is on target. The
    target and the running total are integers (weight units × points).
    """
    n = len(units)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    mean = min(max(float(mean), low), high)
    span = high - low
    p = min(max((mean - low) / span, 0.02), 0.98) if span else 0.5
    concentration = 6.0
    probabilities = rng.beta(p * concentration, (1 - p) * concentration, n)
    scores = (low + rng.binomial(span, probabilities) if span
              else np.full(n, low)).astype(np.int64)
    total = int(units.sum())
    goal = round(mean * total)  # weight units × points
    slack = tolerance * total
    for _ in range(200):
        gap = goal - int(units @ scores)  # weight·points still to add (or remove)
        if abs(gap) <= slack:
            break
        step = 1 if gap > 0 else -1
        movable = np.flatnonzero(scores < high) if step > 0 else np.flatnonzero(scores > low)
        if len(movable) == 0:
            break
        movable = rng.permutation(movable)
        cumulative = np.cumsum(units[movable])
        k = int(np.searchsorted(cumulative, abs(gap)))
        if k == 0:  # the remaining gap is smaller than any one weight: the closest single move
            j = movable[int(np.argmin(np.abs(units[movable] - abs(gap))))]
            if abs(abs(gap) - int(units[j])) >= abs(gap):
                break
            scores[j] += step
            continue
        scores[movable[:k]] += step
    return scores


def draw_scores_with_share(units: Units, mean: float, share_above: float,
                           threshold: int, rng: np.random.Generator) -> npt.NDArray[np.int64]:
    """Scores with a weighted mean and a weighted share (in %) strictly above `threshold`."""
    total = int(units.sum())
    above = pick_weight(units, share_above / 100 * total, rng)
    w_above, w_below = int(units[above].sum()), int(units[~above].sum())
    # split the mean between the groups, each kept feasible inside its range
    mean_above = min(max((mean * total - w_below * (threshold - 1.5)) / w_above
                         if w_above else threshold + 1, threshold + 1), SCORE_MAX)
    mean_below = min(max((mean * total - w_above * mean_above) / w_below
                         if w_below else 0, 0), threshold)
    scores = np.zeros(len(units), dtype=np.int64)
    scores[above] = draw_scores(units[above], mean_above, rng, low=threshold + 1)
    scores[~above] = draw_scores(units[~above], mean_below, rng, high=threshold)
    return scores

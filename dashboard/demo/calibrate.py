"""Drawing answers that hit a target exactly: the numeric core of the survey generator.

The demonstration microdata must reproduce published figures to ±0.05 score point and ±0.5
percentage point, down to regional cells of 15 mayors. Random draws alone miss by several
points at that size, so each cell is drawn at random and then nudged, answer by answer, until
its weighted figure is within a hair of its target. Weights stay untouched: they are shared by
every question a respondent answers.
"""
from __future__ import annotations

import numpy as np

SCORE_MAX = 10


def pick_weight(weights: np.ndarray, target: float, rng: np.random.Generator) -> np.ndarray:
    """A random subset whose weights sum as close as possible to `target` (a boolean mask).

    A random prefix gets within one weight of the target; single swaps (one in, one out)
    then close most of the rest, which matters for cells of a few dozen respondents.
    """
    n = len(weights)
    chosen = np.zeros(n, dtype=bool)
    if n == 0 or target <= 0:
        return chosen
    if target >= weights.sum():
        chosen[:] = True
        return chosen
    order = rng.permutation(n)
    cumulative = np.cumsum(weights[order])
    k = int(np.searchsorted(cumulative, target))
    if k > 0 and abs(cumulative[k - 1] - target) < abs(cumulative[k] - target):
        k -= 1
    else:
        k += 1
    chosen[order[:k]] = True
    for _ in range(8):
        residual = target - weights[chosen].sum()
        if abs(residual) < 1e-9 or not _improve(weights, chosen, residual):
            break
    return chosen


def _improve(weights: np.ndarray, chosen: np.ndarray, residual: float) -> bool:
    """Apply the one move (add j, drop i, or swap i for j) that best closes `residual`;
    False when no move brings the sum closer."""
    inside, outside = np.flatnonzero(chosen), np.flatnonzero(~chosen)
    moves: list[tuple[float, int | None, int | None]] = []  # (error after, out, in)
    if len(outside):
        j = outside[int(np.argmin(np.abs(weights[outside] - residual)))]
        moves.append((abs(residual - weights[j]), None, int(j)))
    if len(inside):
        i = inside[int(np.argmin(np.abs(weights[inside] + residual)))]
        moves.append((abs(residual + weights[i]), int(i), None))
    if len(inside) and len(outside):
        # swap i (in) for j (out): the sum moves by w_j - w_i; we want it to move by residual
        out_sorted = outside[np.argsort(weights[outside])]
        out_weights = weights[out_sorted]
        wanted = weights[inside] + residual
        pos = np.clip(np.searchsorted(out_weights, wanted), 1, max(len(out_weights) - 1, 1))
        left = out_sorted[pos - 1]
        right = out_sorted[np.minimum(pos, len(out_sorted) - 1)]
        best_j = np.where(np.abs(weights[left] - wanted) <= np.abs(weights[right] - wanted),
                          left, right)
        after = np.abs(weights[best_j] - wanted)
        k = int(np.argmin(after))
        moves.append((float(after[k]), int(inside[k]), int(best_j[k])))
    error, drop, add = min(moves, key=lambda m: m[0])
    if error >= abs(residual):
        return False
    if drop is not None:
        chosen[drop] = False
    if add is not None:
        chosen[add] = True
    return True


def draw_scores(weights: np.ndarray, mean: float, rng: np.random.Generator, *,
                low: int = 0, high: int = SCORE_MAX, tolerance: float = 0.002) -> np.ndarray:
    """Integer scores in [low, high] whose weighted mean is `mean` (± tolerance).

    Initial draws are beta-binomial (the wide, lumpy spread of real 0-10 answers); then
    randomly chosen answers move by one point until the weighted mean is on target.
    """
    n = len(weights)
    if n == 0:
        return np.zeros(0, dtype=int)
    mean = float(np.clip(mean, low, high))
    span = high - low
    p = np.clip((mean - low) / span, 0.02, 0.98) if span else 0.5
    concentration = 6.0
    probabilities = rng.beta(p * concentration, (1 - p) * concentration, n)
    scores = low + rng.binomial(span, probabilities) if span else np.full(n, low)
    total = weights.sum()
    for _ in range(200):
        gap = mean * total - float(weights @ scores)  # weight·points still to add (or remove)
        if abs(gap) <= tolerance * total:
            break
        step = 1 if gap > 0 else -1
        movable = np.flatnonzero(scores < high) if step > 0 else np.flatnonzero(scores > low)
        if len(movable) == 0:
            break
        movable = rng.permutation(movable)
        cumulative = np.cumsum(weights[movable])
        k = int(np.searchsorted(cumulative, abs(gap)))
        if k == 0:  # the remaining gap is smaller than any one weight: the closest single move
            j = movable[int(np.argmin(np.abs(weights[movable] - abs(gap))))]
            if abs(abs(gap) - weights[j]) >= abs(gap):
                break
            scores[j] += step
            continue
        scores[movable[:k]] += step
    return scores.astype(int)


def draw_scores_with_share(weights: np.ndarray, mean: float, share_above: float,
                           threshold: int, rng: np.random.Generator) -> np.ndarray:
    """Scores with a weighted mean and a weighted share (in %) strictly above `threshold`."""
    total = weights.sum()
    above = pick_weight(weights, share_above / 100 * total, rng)
    w_above, w_below = weights[above].sum(), weights[~above].sum()
    # split the mean between the groups, each kept feasible inside its range
    mean_above = float(np.clip((mean * total - w_below * (threshold - 1.5)) / w_above
                               if w_above else threshold + 1, threshold + 1, SCORE_MAX))
    mean_below = float(np.clip((mean * total - w_above * mean_above) / w_below
                               if w_below else 0, 0, threshold))
    scores = np.zeros(len(weights), dtype=int)
    scores[above] = draw_scores(weights[above], mean_above, rng, low=threshold + 1)
    scores[~above] = draw_scores(weights[~above], mean_below, rng, high=threshold)
    return scores

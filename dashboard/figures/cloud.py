"""Where each word of a word cloud goes, in integer pixels: the same cloud on every machine.

Word clouds usually place words at random, and floating-point spirals round differently from
one CPU to the next (see STACK_NOTES): two projectors would show two clouds. Here sizes,
boxes and positions are integers, and candidates come from a square spiral walked on an
integer grid from the centre, so the most given word sits in the middle and each next word
takes the first free place nearest to it. Boxes are estimated from the number of
characters (bold sans-serif is about 0.64 em wide per character), with a margin.
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

MIN_SIZE, MAX_SIZE = 24, 88     # font sizes, px: the smallest still reads from the back row
WIDTH, HEIGHT = 1200, 600        # the canvas, px
STEP = 8                         # grid step of the spiral, px
FILL = (9, 20)                   # the words' boxes may cover at most 9/20 of the canvas
CHAR_WIDTH = (16, 25)            # a character is 16/25 of the font size wide
MARGIN = 6                       # px around every word
MAX_WORDS = 60
# the spiral's rings until both canvas edges are passed: later positions are all outside
RINGS = max(WIDTH // (4 * STEP), HEIGHT // (2 * STEP))
MAX_CANDIDATES = (2 * RINGS + 1) ** 2


@dataclass(frozen=True)
class Placed:
    """A word at its place: centre (x, y), font size and box, in px from the canvas centre
    (y upwards)."""

    word: str
    count: int
    x: int
    y: int
    size: int
    half_width: int
    half_height: int

    def overlaps(self, other: Placed) -> bool:
        return (abs(self.x - other.x) < self.half_width + other.half_width
                and abs(self.y - other.y) < self.half_height + other.half_height)


def font_size(count: int, low: int, high: int) -> int:
    """MIN_SIZE for the least given word, MAX_SIZE for the most, linear between (integer
    division: no rounding to disagree on)."""
    if high <= low:
        return MAX_SIZE if count >= high else MIN_SIZE
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * (count - low) // (high - low)


def spiral(limit: int = MAX_CANDIDATES) -> Iterator[tuple[int, int]]:
    """Grid points from (0, 0) outwards, ring by ring (a square spiral), twice as wide as
    tall so the cloud fills a wide screen."""
    x = y = 0
    dx, dy = 1, 0
    run, left, turns = 1, 1, 0
    for _ in range(limit):
        yield 2 * STEP * x, STEP * y
        x, y = x + dx, y + dy
        left -= 1
        if left == 0:  # turn left; every second turn, the straight run grows by one
            dx, dy = -dy, dx
            turns += 1
            run += turns % 2 == 0
            left = run


def _box(word: str, count: int, size: int, x: int, y: int) -> Placed:
    numerator, denominator = CHAR_WIDTH
    half_width = (len(word) * size * numerator // denominator) // 2 + MARGIN
    half_height = size * 3 // 5 + MARGIN
    return Placed(word, count, x, y, size, half_width, half_height)


def _inside(box: Placed) -> bool:
    return (abs(box.x) + box.half_width <= WIDTH // 2
            and abs(box.y) + box.half_height <= HEIGHT // 2)


def fitted_sizes(chosen: Sequence[tuple[str, int]]) -> list[int]:
    """Each word's font size, shrunk together (never below MIN_SIZE) when their boxes would
    cover more than FILL of the canvas: a room of long answers still fits. The shrink factor
    is in thousandths, from an integer square root."""
    counts = [c for _, c in chosen]
    low, high = min(counts), max(counts)
    sizes = [font_size(c, low, high) for c in counts]
    boxes = [_box(w, c, s, 0, 0) for (w, c), s in zip(chosen, sizes, strict=True)]
    area = sum(4 * b.half_width * b.half_height for b in boxes)
    allowed = WIDTH * HEIGHT * FILL[0] // FILL[1]
    if area <= allowed:
        return sizes
    factor = math.isqrt(allowed * 1_000_000 // area)  # thousandths, < 1000
    return [max(MIN_SIZE, s * factor // 1000) for s in sizes]


def place_words(counts: Sequence[tuple[str, int]], limit: int = MAX_WORDS) -> list[Placed]:
    """The words (most given first, as `debate.word_counts` orders them) placed without
    overlap inside the canvas; a word with no room left is left out."""
    chosen = list(counts)[:limit]
    if not chosen:
        return []
    placed: list[Placed] = []
    for (word, count), size in zip(chosen, fitted_sizes(chosen), strict=True):
        for x, y in spiral():
            box = _box(word, count, size, x, y)
            if _inside(box) and not any(box.overlaps(p) for p in placed):
                placed.append(box)
                break
    return placed

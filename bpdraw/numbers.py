"""Several digits side by side: a drawing or a picture of a number -> one reading per digit.

Digits of a number stand next to each other; the strokes of one digit overlap each other
horizontally (a 7's crossbar lies across its stem, a 5's top stroke starts above its
body, a 4's second stroke crosses its first). So strokes are sorted by their left edge
and a new digit starts only where the ink so far ends and a clear gap follows: more than
GAP_SHARE of the drawing's height. One digit, however many strokes, stays one digit
(measured on the shipped pen digits: 1 of the 3,498 is split, a 3 whose two
strokes stand apart; at 0.04 it would be 8).

Digits that touch or overlap (written close, or joined by a tail) make one part. A drawing's
digits are written one after the other, so a part as wide as two digits is first shared
between its whole strokes (`stroke_split`): those drawn before and after a stroke, or lying
left and right of it, where the two sides barely overlap and each reads sure (or is wide
enough for two digits and is shared again in turn). A digit's own strokes cross each other
(a 4, a 7's bar) and so are never shared. Otherwise, and always for a picture's centre lines,
which have no order: when such a part reads "not sure" as one digit, vertical cuts across its
middle are tried (`touching_split`); the part becomes two digits only where both halves read
sure, in one view each to choose the cut and then in full (every conversion and turn). A part
wider still (WIDE_ASPECT) is tried even when it reads sure, and cut only where both halves
read at least WIDE_CUT_CONFIDENCE sure. So one digit stays the common case
(scripts/eval_numbers.py, touching pairs by unseen writers: 0 -> 56 % read right with the
vertical cuts, 82 % with the strokes shared too, and 74 % of numbers of four touching digits;
of 1,222 single digits by unseen writers, 7 are cut: 10 without the full reading of the
halves, which costs the vertical cuts alone a point of the pairs). Any part read "not
sure" is tried: a further bar on how unsure (below 0.6) cost one writer's touching pairs 6
points and spared none of his single digits. Pictures are read by bpdraw.picture_reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from bpdraw.confidence import (
    DRAWING_SHARPNESS,
    Reading,
    read_all,
    read_views,
)
from bpdraw.model import Model
from bpdraw.preprocess import (
    DEFAULT_CONVERSION,
    Conversion,
    NothingDrawn,
    bitmap_to_digits,
    pack_drawings,
    packed_to_bitmaps,
    strokes_to_digits,
    turned,
)

# A gap wider than this share of the number's height separates two digits.
GAP_SHARE = 0.1
# A part at least this wide for its height may be touching digits (a digit's median is 0.65).
TOUCHING_ASPECT = 0.9
# Where a part's cuts are tried: these shares of its width from the left.
CUT_SHARES = np.linspace(0.3, 0.7, 9)
# Both halves of a cut must read at least this sure.
CUT_CONFIDENCE = 0.9
# A part this wide for its height is tried for a cut even when it reads sure as one digit
# (two touching digits often read surely as one wide one: 94 of 300 of bridger's touching
# pairs did); such a cut must read at least WIDE_CUT_CONFIDENCE sure on both halves. Chosen on
# bridger's pairs and singles: touching 0.287 -> 0.303, apart by 0.1 0.277 -> 0.313, none of
# his 822 single digits more cut (0.97 instead: 6 more cut; aspect 1.0 or 1.4: no better).
# Not in a small scan (bpdraw.images.PictureInk.scan): 3 wide 5s of 5,000 MNIST digits were
# read as two digits.
WIDE_ASPECT = 1.2
WIDE_CUT_CONFIDENCE = 0.99
# A drawing's touching digits are first looked for between its whole strokes (stroke_split):
# two sides that overlap horizontally by at most this share of the part's height. Chosen on
# bridger's pairs and pendigits writers 01-10's (0.1 lost pairs overlapping by 0.15, 0.35
# gained nothing); halves reading sure (not "not sure") is enough: asking 0.9 or 0.99 of
# them lost pairs and spared no single digit.
STROKE_CUT_OVERLAP = 0.2
# A part of more strokes than this is not shared between its strokes (a number of two or
# three digits has fewer; a scribble of sixty strokes took 0.3 s to try on the GUI thread).
MOST_STROKES_TO_SHARE = 12
# Touching digits are cut at most this many times (three digits in one part).
MOST_CUTS = 2
# A drawing's part is shared between its strokes at most this many times (six digits).
MOST_SHARES = 5
# A side that is not sure as one digit but wide enough for two (and of several strokes) may
# be shared again in turn; it counts this much towards its cut's score (a sure side counts
# its confidence). On bridger's numbers of 3 and 4 touching digits: 0.31 -> 0.53, 0.20 -> 0.47
# read right, his pairs and single digits unchanged.
FURTHER_SCORE = 0.5
# A drawing is read through each of these conversions and the readings averaged
# (bpdraw.confidence.read_views): optdigits' 20 px ink width and a narrower 17 px. Replayed
# as mouse drags, bridger's 822 digits read 0.921 (one conversion: 0.918) and UJI 41-60's
# 0.963 (the same); with the "not sure" margin chosen for them, 65 % of wrong readings and
# 6.2 % of right ones are flagged (scripts/eval_shipped.py; one conversion: 60 % / 9.5 %).
READING_CONVERSIONS = (DEFAULT_CONVERSION, Conversion(ink_width=17.0))
# ... and again turned 6 degrees each way (people lean their digits; the training copies are
# turned by 10 degrees' spread), all six readings averaged. Chosen on UJI 41-60 and bridger
# (4, 6, 8, 10 and 14 degrees tried; 6 and more read alike, more turns flag more right
# readings) and confirmed on pendigits writers 11-14 held out of training (two seeds): UJI
# 0.960 -> 0.965, bridger 0.925 -> 0.934, pendigits 11-14 0.961 -> 0.963 (scripts/eval_shipped.py).
READING_TURNS = (6.0, -6.0)


@dataclass(frozen=True)
class NumberReading:
    """What a model reads in a drawing of one or more digits: one Reading per digit, left
    to right, each with the one "not sure" rule of bpdraw.confidence."""

    readings: tuple[Reading, ...]
    # What the network saw of each digit, (8, 8) 0-16: its first view (the drawing's part
    # through READING_CONVERSIONS[0], or a small picture's ink).
    views: tuple[np.ndarray, ...] = field(default=(), compare=False)
    # Each digit's strokes (pieces where a cut parted touching digits), in the coordinates
    # of the strokes read (empty for a small picture, read from its views).
    parts: tuple[list[np.ndarray], ...] = field(default=(), compare=False)

    @property
    def digits(self) -> tuple[int, ...]:
        return tuple(reading.digit for reading in self.readings)

    @property
    def confidences(self) -> tuple[float, ...]:
        return tuple(reading.confidence for reading in self.readings)

    @property
    def not_sure(self) -> bool:
        """Not sure of the number: not sure of one of its digits."""
        return any(reading.not_sure for reading in self.readings)

    @property
    def text(self) -> str:
        """The number as written: "42"."""
        return "".join(str(digit) for digit in self.digits)


def split_digits(strokes: Sequence, *, gap_share: float = GAP_SHARE) -> list[list[np.ndarray]]:
    """A drawing -> its digits left to right, each a list of (k, 2) strokes (x, y; y down).

    Non-finite points and empty strokes are dropped; a blank drawing gives [].
    """
    kept = [_finite(stroke) for stroke in strokes]
    kept = [points for points in kept if len(points)]
    if not kept:
        return []
    left = np.array([points[:, 0].min() for points in kept])
    right = np.array([points[:, 0].max() for points in kept])
    everything = np.concatenate(kept)
    height = float(np.ptp(everything[:, 1])) or float(np.ptp(everything[:, 0]))
    gap = gap_share * height
    groups: list[list[int]] = []
    ink_ends = -np.inf
    for index in np.argsort(left, kind="stable"):
        if left[index] > ink_ends + gap or not groups:
            groups.append([])
            ink_ends = right[index]
        groups[-1].append(int(index))
        ink_ends = max(ink_ends, right[index])
    # each digit's strokes in the order they were drawn (stroke_split shares them out)
    return [[kept[index] for index in sorted(group)] for group in groups]


def read_number(
    model: Model,
    strokes: Sequence,
    *,
    min_size: float = 0.0,
    wide_cuts: bool = True,
    drawn: bool = True,
    turned_views: bool = True,
) -> NumberReading:
    """Read the digits of a drawing (strokes, or a picture's centre lines) left to right;
    touching digits are cut apart where that reads surely (the module's docstring).
    wide_cuts: a part too wide for one digit is tried for a cut even when it reads sure.
    drawn: the strokes were drawn one after the other (not a picture's centre lines), so
    touching digits are also looked for between whole strokes.
    turned_views: each digit is also read turned (READING_TURNS); without, a quicker
    reading from its two plain views (the Draw tab's while the pen moves).

    Raises NothingDrawn when nothing is drawn."""

    def read_part(part: list, cuts_left: int, shares_left: int) -> list[tuple]:
        """[(reading, first view, strokes)] of one part: one digit, or several touching."""
        halves = stroke_split(model, part) if shares_left > 0 and drawn else None
        if halves is not None:  # (a side too small to be a digit is dropped by its own read)
            left, right = halves
            return read_part(left, cuts_left, shares_left - 1) + read_part(
                right, cuts_left, shares_left - 1
            )
        try:
            views = strokes_to_views(part, min_size=min_size, turned_views=turned_views)
        except NothingDrawn:
            return []
        whole = read_views(model, views, sharpness=DRAWING_SHARPNESS if turned_views else 1.0)
        if cuts_left > 0 and whole.not_sure:
            halves = touching_split(model, part)
        elif cuts_left > 0 and wide_cuts and _too_wide_for_one(part):
            halves = touching_split(model, part, confidence=WIDE_CUT_CONFIDENCE)
        if halves is None:
            return [(whole, views[0], part)]
        left, right = halves
        pieces = read_part(left, cuts_left - 1, shares_left)
        pieces += read_part(right, cuts_left - 1, shares_left)
        # a cut chosen on one view of each half stands only where its digits read in full are
        # sure (bridger's single digits on the Draw tab: 7 read as two, now 3; 0.927 -> 0.931)
        sure = pieces and not any(reading.not_sure for reading, _, _ in pieces)
        return pieces if sure else [(whole, views[0], part)]

    read: list[tuple[Reading, np.ndarray, list]] = []
    for part in split_digits(strokes):
        read += read_part(part, MOST_CUTS, MOST_SHARES)
    if not read:
        raise NothingDrawn("nothing drawn: draw a digit (a dot or a click is not one)")
    readings, views, parts = zip(*read, strict=True)
    return NumberReading(readings, views, parts)


def strokes_to_views(
    strokes: Sequence, *, min_size: float = 0.0, turned_views: bool = True
) -> np.ndarray:
    """A drawing -> (k, 8, 8) int64: its digits through each of READING_CONVERSIONS, as
    drawn and then (``turned_views``) turned by each of READING_TURNS. Raises NothingDrawn
    for a blank or near-blank drawing."""
    views = [
        strokes_to_digits(strokes, min_size=min_size, conversion=conversion)
        for conversion in READING_CONVERSIONS
    ]
    turns = READING_TURNS if turned_views else ()
    packed = pack_drawings([strokes]) if turns else None  # not while the pen moves
    for degrees in turns:
        for conversion in READING_CONVERSIONS:
            bitmaps, drawn = packed_to_bitmaps(turned(packed, degrees), conversion)
            if drawn[0]:
                views.append(bitmap_to_digits(bitmaps[0]))
    return np.stack(views)


def touching_split(
    model: Model, part: Sequence, *, confidence: float = CUT_CONFIDENCE
) -> tuple[list, list] | None:
    """The best vertical cut of a wide part into two digits that both read sure, each at
    least ``confidence`` (left, right strokes), or None: too narrow for two digits, or no
    cut reads surely."""
    extent = _wide_extent(part)
    if extent is None:
        return None
    left_edge, width, height = extent
    best, best_score = None, 0.0
    for share in CUT_SHARES:
        left, right = cut_strokes(part, left_edge + share * width)
        try:
            digits = np.stack([strokes_to_digits(left), strokes_to_digits(right)])
        except NothingDrawn:
            continue
        first, second = read_all(model, digits)
        score = first.confidence * second.confidence
        sure = not (first.not_sure or second.not_sure)
        if sure and min(first.confidence, second.confidence) >= confidence and score > best_score:
            best, best_score = (left, right), score
    return best


def stroke_split(model: Model, part: Sequence) -> tuple[list, list] | None:
    """The best way to share a wide part's whole strokes between two sides (stroke_cuts)
    where each reads sure as one digit or is wide enough to be shared again, as (left,
    right) strokes; or None."""
    extent = _wide_extent(part)
    if extent is None:
        return None
    height = extent[2]
    best, best_score = None, 0.0
    for left, right in stroke_cuts(part, height):
        try:
            digits = np.stack([strokes_to_digits(left), strokes_to_digits(right)])
        except NothingDrawn:
            continue
        score = 1.0
        for side, reading in zip((left, right), read_all(model, digits), strict=True):
            if not reading.not_sure:
                score *= reading.confidence
            elif len(side) > 1 and _extent(side)[1] >= TOUCHING_ASPECT * height:
                score *= FURTHER_SCORE  # wide enough for two digits: shared again in turn
            else:
                score = 0.0
        if score > best_score:
            best, best_score = (left, right), score
    return best


def stroke_cuts(part: Sequence, height: float) -> list[tuple[list, list]]:
    """The ways to share a part's whole strokes between two digits side by side: the strokes
    drawn before and after each stroke (digits are written one after the other), and those
    starting left and right of each stroke's left edge; only where the two sides overlap
    horizontally by at most STROKE_CUT_OVERLAP of the part's height. No way at all for a
    part of more than MOST_STROKES_TO_SHARE strokes."""
    strokes = [points for points in map(_finite, part) if len(points)]
    if len(strokes) > MOST_STROKES_TO_SHARE:
        return []
    lefts = [points[:, 0].min() for points in strokes]
    orders = [list(range(len(strokes))), list(np.argsort(lefts, kind="stable"))]
    cuts, seen = [], set()
    for order in orders:
        for k in range(1, len(strokes)):
            first, second = tuple(sorted(order[:k])), tuple(sorted(order[k:]))
            if min(first, second) in seen:  # the same two sides in the other order
                continue
            seen.add(min(first, second))
            left = [strokes[i] for i in first]
            right = [strokes[i] for i in second]
            left_ink, right_ink = np.concatenate(left), np.concatenate(right)
            if left_ink[:, 0].mean() > right_ink[:, 0].mean():
                left, right, left_ink, right_ink = right, left, right_ink, left_ink
            overlap = left_ink[:, 0].max() - right_ink[:, 0].min()
            if overlap <= STROKE_CUT_OVERLAP * height:
                cuts.append((left, right))
    return cuts


def _extent(part: Sequence) -> tuple[float, float, float] | None:
    """(left edge, width, height) of a part's points; None for fewer than two points."""
    points = np.concatenate([_finite(stroke) for stroke in part])
    if len(points) < 2:
        return None
    low, high = points.min(axis=0), points.max(axis=0)
    return float(low[0]), float(high[0] - low[0]), float(high[1] - low[1])


def _wide_extent(part: Sequence) -> tuple[float, float, float] | None:
    """A part's extent (_extent) when it is wide enough for two digits (TOUCHING_ASPECT)."""
    extent = _extent(part)
    if extent is None or extent[1] <= 0 or extent[1] < TOUCHING_ASPECT * extent[2]:
        return None
    return extent


def _too_wide_for_one(part: Sequence) -> bool:
    """A part at least WIDE_ASPECT times as wide as it is tall (and not flat)."""
    extent = _extent(part)
    return extent is not None and extent[2] > 0 and extent[1] >= WIDE_ASPECT * extent[2]


def cut_strokes(strokes: Sequence, x: float) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Strokes cut by the vertical line at ``x``: (the pieces left of it, those right of
    it), each piece ending on the line where it crosses it."""
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    for stroke in strokes:
        points = _finite(stroke)
        if not len(points):
            continue
        on_left = points[:, 0] < x
        start = 0
        for end in [*(np.flatnonzero(on_left[1:] != on_left[:-1]) + 1), len(points)]:
            piece = points[start:end]
            if end < len(points):  # the segment to the next point crosses the line
                a, b = points[end - 1], points[end]
                crossing = a + (b - a) * (x - a[0]) / (b[0] - a[0])
                piece = np.vstack([piece, crossing])
            if start > 0:
                a, b = points[start - 1], points[start]
                crossing = a + (b - a) * (x - a[0]) / (b[0] - a[0])
                piece = np.vstack([crossing, piece])
            (left if on_left[start] else right).append(piece)
            start = end
    return left, right


def _finite(stroke) -> np.ndarray:
    """A stroke as (k, 2) float points, non-finite ones dropped."""
    points = np.asarray(stroke, dtype=np.float64).reshape(-1, 2)
    return points[np.isfinite(points).all(axis=1)]

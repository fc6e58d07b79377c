"""Several digits side by side: a drawing or a picture of a number -> one reading per digit.

Digits of a number stand next to each other; the strokes of one digit overlap each other
horizontally (a 7's crossbar lies across its stem, a 5's top stroke starts above its
body, a 4's second stroke crosses its first). So strokes are sorted by their left edge
and a new digit starts only where the ink so far ends and a clear gap follows: more than
GAP_SHARE of the drawing's height. One digit, however many strokes, stays one digit
(measured on the shipped pen digits: 1 of the 3,498 is split, a 3 whose two
strokes stand apart; at 0.04 it would be 8).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpdraw.confidence import Reading, read_all
from bpdraw.model import Model
from bpdraw.preprocess import NothingDrawn, strokes_to_digits

# A gap wider than this share of the number's height separates two digits.
GAP_SHARE = 0.1


@dataclass(frozen=True)
class NumberReading:
    """What a model reads in a drawing of one or more digits: one Reading per digit, left
    to right, each with the one "not sure" rule of bpdraw.confidence."""

    readings: tuple[Reading, ...]

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
    digits: list[list[np.ndarray]] = []
    ink_ends = -np.inf
    for index in np.argsort(left, kind="stable"):
        if left[index] > ink_ends + gap or not digits:
            digits.append([])
            ink_ends = right[index]
        digits[-1].append(kept[index])
        ink_ends = max(ink_ends, right[index])
    return digits


def number_to_digits(strokes: Sequence, *, min_size: float = 0.0) -> np.ndarray:
    """A drawing of a number -> (n, 8, 8) int64, one load_digits digit per digit.

    Raises NothingDrawn when nothing is drawn; a part of it that is nothing drawn on its
    own (a dot beside a digit) is left out.
    """
    digits = []
    for part in split_digits(strokes):
        try:
            digits.append(strokes_to_digits(part, min_size=min_size))
        except NothingDrawn:
            continue
    if not digits:
        raise NothingDrawn("nothing drawn: draw a digit (a dot or a click is not one)")
    return np.stack(digits)


def read_number(model: Model, strokes: Sequence, *, min_size: float = 0.0) -> NumberReading:
    """Read the digits of a drawing (strokes, or a picture's centre lines) left to right."""
    return NumberReading(tuple(read_all(model, number_to_digits(strokes, min_size=min_size))))


def read_picture(model: Model, image: np.ndarray | str | os.PathLike) -> NumberReading:
    """Read the digits in a picture (array or PNG/JPEG file) left to right."""
    from bpdraw.images import image_to_strokes

    return read_number(model, image_to_strokes(image))


def _finite(stroke) -> np.ndarray:
    """A stroke as (k, 2) float points, non-finite ones dropped."""
    points = np.asarray(stroke, dtype=np.float64).reshape(-1, 2)
    return points[np.isfinite(points).all(axis=1)]

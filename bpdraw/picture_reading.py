"""Reading the number in a picture: its ink's centre lines read as a drawing is read.

A picture's ink (bpdraw.images.picture_ink) is thinned to centre lines, which are read as
a drawing's strokes are (bpdraw.numbers.read_number: digits parted by gaps, touching ones
cut); a digit too small to thin well is read from views of its ink instead.

A form's comb field, a row of printed boxes sharing their walls with one digit in each, is
read box by box. Its walls are printed lines and are taken out of the ink
(bpdraw.printed_lines), but they also say where each digit is: the ink between two walls is
one digit, however close it stands to its neighbours or even touches them over a wall,
where gaps and cuts would join touching digits or cut a wide one in two. A stroke that
crosses a wall is cut there. Empty boxes are skipped, and so is a box holding only the end
of a stroke from the next box (its ink less tall than MIN_CELL_INK of the tallest box's).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import numpy as np

from bpdraw.confidence import (
    DRAWING_SHARPNESS,
    PICTURE_NOT_SURE_MARGIN,
    PICTURE_SHARPNESS,
    judged_not_a_digit,
    read_views,
)
from bpdraw.model import Model
from bpdraw.numbers import (
    NumberReading,
    cut_strokes,
    read_number,
    split_digits,
    strokes_to_views,
)
from bpdraw.preprocess import NothingDrawn

if TYPE_CHECKING:  # images needs scipy, which the app loads only once it reads a picture
    from bpdraw.images import PictureInk

# A box whose ink is less tall than this share of the tallest box's ink holds no digit of
# its own: the tail of a digit in the next box, over the wall, or a speck.
MIN_CELL_INK = 0.35
# A digit that reaches this share of its height past a wall on both sides is two digits
# touching over it; reaching less far, a digit written over its box's wall.
OVER_THE_WALL = 0.25


def read_picture(model: Model, image: np.ndarray | str | os.PathLike) -> NumberReading:
    """Read the digits in a picture (array or PNG/JPEG file) left to right; a digit too
    small to thin well is read from its views (bpdraw.images.PictureInk.small_views)."""
    from bpdraw.images import picture_ink

    return read_ink(model, picture_ink(image))


def read_ink(model: Model, ink: PictureInk) -> NumberReading:
    """Read a picture's ink (bpdraw.images.picture_ink, the slow part, done once) as
    read_picture does: the app keeps a picture's ink and reads it again with another model."""
    if ink.cells and (boxed := read_cells(model, ink)) is not None:
        return boxed
    views = ink.small_views()
    if views is None:  # a scan's wide ink is more often one wide digit than two touching
        if ink.turn:  # on a sheet turned in the photo: read as written on it
            return _read_turned(model, ink.strokes(), ink.turn)
        return read_number(model, ink.strokes(), wide_cuts=not ink.scan, drawn=False)
    # read every way: the ink itself and its centre lines drawn again, each also turned
    reading = read_views(model, views, margin=PICTURE_NOT_SURE_MARGIN, sharpness=PICTURE_SHARPNESS)
    if ink.blob:
        reading = judged_not_a_digit(reading)
    return NumberReading((reading,), (views[0],))


def _read_turned(model: Model, strokes: list[np.ndarray], degrees: float) -> NumberReading:
    """Read strokes turned back by ``degrees`` (counter-clockwise as seen: the turn of the
    sheet they are on); each digit's parts are given back in the strokes' own coordinates."""
    centre = np.concatenate(strokes).mean(axis=0)
    angle = np.radians(degrees)  # y runs down: this turns them clockwise as seen
    turn = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    upright = [(stroke - centre) @ turn.T + centre for stroke in strokes]
    reading = read_number(model, upright, drawn=False)
    parts = tuple([(s - centre) @ turn + centre for s in part] for part in reading.parts)
    return NumberReading(reading.readings, reading.views, parts)


def read_cells(model: Model, ink: PictureInk) -> NumberReading | None:
    """Read a picture's comb field (ink.cells: its walls) box by box, leaving out what lies
    beyond its outer walls (a form's printed label); None when fewer than two boxes hold a
    digit (the picture is then read as any other is)."""
    strokes = ink.strokes()
    if not strokes:
        return None
    # the strokes are in the thinned mask's coordinates, the walls in the picture's
    origin, step = ink.in_picture(np.array([[0.0, 0.0], [1.0, 0.0]]))[:, 0]
    walls = [(cell - origin) / (step - origin) for cell in ink.cells]
    boxes = cell_strokes(strokes, walls[1:-1], within=(walls[0], walls[-1]))
    cells = [cell for cell in boxes if cell]
    heights = [float(np.ptp(np.concatenate(cell)[:, 1])) for cell in cells]
    tallest = max(heights, default=0.0)
    read = []
    for cell, height in zip(cells, heights, strict=True):
        if height < MIN_CELL_INK * tallest:
            continue
        try:
            views = strokes_to_views(cell)
        except NothingDrawn:
            continue
        read.append((read_views(model, views, sharpness=DRAWING_SHARPNESS), views[0], cell))
    if len(read) < 2:
        return None
    readings, views, parts = zip(*read, strict=True)
    return NumberReading(readings, views, parts)


def cell_strokes(
    strokes: list[np.ndarray], walls: list[float], within: tuple[float, float] | None = None
) -> list[list[np.ndarray]]:
    """Strokes (x, y) -> the digits' strokes in each box between two walls (x), left to right:
    the first box left of the first wall, the last right of the last. Each digit (a part
    apart from the others, bpdraw.numbers.split_digits) goes to the box that holds the middle
    of its ink; one that reaches over a wall by at least OVER_THE_WALL of its height on both
    sides is two digits touching there, and is cut at the wall. within: the comb's outer
    walls (x): a digit whose ink's middle lies beyond them is left out (a form's printed
    label), one over them is not cut there."""
    cells: list[list[np.ndarray]] = [[] for _ in range(len(walls) + 1)]
    walls = sorted(walls)
    for part in split_digits(strokes):
        if within is not None and not within[0] <= _middle(part) <= within[1]:
            continue
        height = float(np.ptp(np.concatenate(part)[:, 1]))
        pieces = [part]
        for wall in walls:
            cut = []
            for piece in pieces:
                left, right = cut_strokes(piece, wall)
                if (
                    left
                    and right
                    and min(wall - _left(left), _right(right) - wall) >= (OVER_THE_WALL * height)
                ):
                    cut += [left, right]
                else:
                    cut.append(piece)
            pieces = cut
        for piece in pieces:
            cells[int(np.searchsorted(walls, _middle(piece)))] += piece
    return cells


def _middle(strokes: list[np.ndarray]) -> float:
    """The x of the middle of the strokes' ink (the mean of their points)."""
    return float(np.concatenate(strokes)[:, 0].mean())


def _left(strokes: list[np.ndarray]) -> float:
    return min(float(stroke[:, 0].min()) for stroke in strokes)


def _right(strokes: list[np.ndarray]) -> float:
    return max(float(stroke[:, 0].max()) for stroke in strokes)

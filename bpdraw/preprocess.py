"""Drawings -> load_digits' format: an (8, 8) array of ints 0-16 (pictures: bpdraw.images).

load_digits is the UCI optdigits set: scanned digits normalised to 32x32 binary
bitmaps, then counted in non-overlapping 4x4 blocks. Measured on those bitmaps,
the ink spans the full 32 px height, its width is normalised too (median 20 px,
even for "1" 18 px) and about 312 of the 1024 pixels are ink. A drawing is made to
look like that, whatever the canvas size, the position on it and the pen width:

1. the strokes' bounding box is fitted to the full height of the 32x32 box and to
   an ink width of about 20 px; a narrow drawing (a "1") is widened at most
   `max_stretch` times, so a line stays a line, and is drawn with a thicker pen;
2. the strokes are drawn again with a pen of a fixed width in the 32x32 box (the
   canvas's own pen width plays no part): the pen is chosen so that a drawing
   has about optdigits' 312 ink pixels, within `pen_width_range`;
3. the ink in each 4x4 block is counted (anti-aliased, so 0-16 like optdigits).

A drawing with no finite point, or whose points all coincide (a click, a dot), is
"nothing drawn": `NothingDrawn` is raised, never a guess. The conversion cannot
tell a small drawing from a large one (that is the point of it), so a caller that
knows its canvas passes `min_size` to also call tiny scribbles nothing drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpdraw.data import BITMAP_SIZE, PIXEL_MAX, count_blocks
from bpdraw.packed import PackedStrokes, drawing_bounds, pack_drawings
from bpdraw.packed import turned as turned  # numbers, augment, tests and scripts import these here
from bpdraw.packed import unpack_drawings as unpack_drawings

# Mean ink pixels of the 32x32 optdigits bitmaps behind load_digits (measured:
# load_digits' block counts sum to 19.5 * 16 = 312 per digit).
OPTDIGITS_INK_PIXELS = 312.0
# A drawing smaller than this fraction of its own coordinates' magnitude is float noise.
_RELATIVE_EXTENT_EPS = 1e-12
# Path resolution in pixels of a 28 px box: finer points are dropped (see _decimate).
_PATH_STEP = 0.75
# Segments are measured in pieces of at most this many pixels, each over a small window.
_PIECE = 2.0
_WINDOW_CHUNK = 8192


class NothingDrawn(ValueError):
    """The drawing (or image) is blank or near-blank: there is no digit to read."""


@dataclass(frozen=True)
class Conversion:
    """How a drawing is fitted into the 32x32 box; the defaults mimic optdigits.

    keep_aspect: fit the drawing keeping its aspect ratio (the naive baseline) instead
        of normalising height and width separately.
    ink_width: target ink width in pixels of 32 for an ordinary digit.
    max_stretch: at most this ratio between the horizontal and vertical scale.
    pen_width: stroke width in pixels of 32; None = chosen per drawing so the ink
        covers about `ink_pixels` pixels, within `pen_width_range`.
    min_ink_width: a narrow drawing (a "1" as a line) gets a pen at least this wide
        minus its own width, like optdigits' thick ones.
    """

    keep_aspect: bool = False
    ink_width: float = 20.0
    max_stretch: float = 3.0
    pen_width: float | None = None
    ink_pixels: float = OPTDIGITS_INK_PIXELS
    pen_width_range: tuple[float, float] = (2.5, 6.0)
    min_ink_width: float = 8.0

    def __post_init__(self) -> None:
        if not 1.0 <= self.ink_width <= BITMAP_SIZE:
            raise ValueError(f"ink_width must be within 1..{BITMAP_SIZE}, got {self.ink_width}")
        if not self.max_stretch >= 1.0:
            raise ValueError(f"max_stretch must be >= 1, got {self.max_stretch}")
        if self.pen_width is not None and not 0.5 <= self.pen_width <= 16:
            raise ValueError(f"pen_width must be within 0.5..16 or None, got {self.pen_width}")
        low, high = self.pen_width_range
        if not 0.5 <= low <= high <= 16:
            raise ValueError(
                f"pen_width_range must satisfy 0.5 <= low <= high <= 16, got {low, high}"
            )
        if not self.ink_pixels > 0:
            raise ValueError(f"ink_pixels must be > 0, got {self.ink_pixels}")
        if not 0 <= self.min_ink_width <= 16:
            raise ValueError(f"min_ink_width must be within 0..16, got {self.min_ink_width}")


DEFAULT_CONVERSION = Conversion()


def strokes_to_digits(
    strokes: Sequence, *, min_size: float = 0.0, conversion: Conversion = DEFAULT_CONVERSION
) -> np.ndarray:
    """A drawing -> (8, 8) int64 in 0..16, load_digits' format.

    strokes: sequence of strokes, each a sequence of (x, y) points (y down), any scale.
    min_size: a drawing whose width and height are both below this (in the strokes'
        units) is nothing drawn. Raises NothingDrawn for a blank or near-blank drawing.
    """
    return bitmap_to_digits(strokes_to_bitmap(strokes, min_size=min_size, conversion=conversion))


def strokes_to_bitmap(
    strokes: Sequence, *, min_size: float = 0.0, conversion: Conversion = DEFAULT_CONVERSION
) -> np.ndarray:
    """A drawing -> (32, 32) float in [0, 1], the ink coverage of each pixel (row 0 on top)."""
    packed = _pack_one(strokes)
    if not min_size <= 0:
        extent = np.ptp(packed.points, axis=0) if len(packed.points) else np.zeros(2)
        if extent.max() < min_size:
            raise NothingDrawn(_NOTHING_MESSAGE)
    bitmaps, drawn = packed_to_bitmaps(packed, conversion)
    if not drawn[0]:
        raise NothingDrawn(_NOTHING_MESSAGE)
    return bitmaps[0].astype(np.float64)


def bitmap_to_digits(bitmap: np.ndarray) -> np.ndarray:
    """(32, 32) or (n, 32, 32) ink coverage -> (8, 8) / (n, 8, 8) int64 block counts 0..16."""
    counts = count_blocks(np.asarray(bitmap, dtype=np.float64))
    return np.clip(np.rint(counts), 0, PIXEL_MAX).astype(np.int64)


_NOTHING_MESSAGE = "nothing drawn: draw a digit (a dot or a click is not one)"


def _pack_one(strokes: Sequence) -> PackedStrokes:
    """One drawing -> PackedStrokes, dropping non-finite points and empty strokes."""
    if isinstance(strokes, np.ndarray) and strokes.dtype != object and strokes.ndim != 3:
        if strokes.size == 0:
            strokes = []
        else:
            raise ValueError(
                "strokes must be a sequence of strokes, each a sequence of (x, y) points; "
                f"got an array of shape {strokes.shape}"
            )
    return pack_drawings([strokes])


def packed_to_bitmaps(
    packed: PackedStrokes,
    conversion: Conversion = DEFAULT_CONVERSION,
    *,
    pen_scale: np.ndarray | None = None,
    width_scale: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Many drawings -> ((n, 32, 32) float32 coverage, (n,) bool drawn).

    The batch form of `strokes_to_bitmap` (augmentation renders thousands at once);
    points must be finite. A drawing that is nothing drawn gets drawn=False and a
    blank bitmap. pen_scale, width_scale: (n,) factors on the chosen pen width and
    ink width, for augmentation (optdigits' widths vary 18-23 px).
    """
    n = packed.n_drawings
    points = np.asarray(packed.points, dtype=np.float64)
    stroke_ptr = np.asarray(packed.stroke_ptr, dtype=np.int64)
    sample_ptr = np.asarray(packed.sample_ptr, dtype=np.int64)
    stroke_lengths = np.diff(stroke_ptr)
    stroke_of_point = np.repeat(np.arange(len(stroke_lengths)), stroke_lengths)
    drawing_of_stroke = np.repeat(np.arange(n), np.diff(sample_ptr))
    drawing_of_point = drawing_of_stroke[stroke_of_point]

    # Exact power-of-two rescaling per drawing keeps huge or tiny coordinates in range.
    magnitude = np.zeros(n)
    np.maximum.at(magnitude, drawing_of_point, np.abs(points).max(axis=1, initial=0.0))
    _, exponent = np.frexp(magnitude)
    points = np.ldexp(points, -exponent[drawing_of_point][:, None])

    low, high = drawing_bounds(points, drawing_of_point, n)
    has_points = np.isfinite(low[:, 0])
    extent = np.where(has_points[:, None], high - low, 0.0)
    drawn = has_points & (extent.max(axis=1) > _RELATIVE_EXTENT_EPS)
    width, height = extent[:, 0], extent[:, 1]

    # Points closer than a fraction of a pixel along the path add nothing but time (and a
    # mouse's whole-pixel staircase): keep about one per _PATH_STEP of a 28 px box.
    guess = np.where(drawn, (BITMAP_SIZE - 4) / np.where(drawn, extent.max(axis=1), 1.0), 1.0)
    kept = _decimate(points * guess[drawing_of_point, None], stroke_ptr, stroke_of_point)
    points, drawing_of_point = points[kept], drawing_of_point[kept]
    stroke_of_point = stroke_of_point[kept]
    stroke_ptr = np.concatenate(
        [[0], np.cumsum(np.bincount(stroke_of_point, minlength=len(stroke_lengths)))]
    )

    segment_start, segment_end = _segments(stroke_ptr, stroke_of_point)
    segment_drawing = drawing_of_point[segment_start]
    segment_length = np.hypot(*(points[segment_end] - points[segment_start]).T)
    path_length = np.bincount(segment_drawing, weights=segment_length, minlength=n)

    scale_x, scale_y, pen = _fit(width, height, path_length, drawn, conversion)
    if width_scale is not None:
        scale_x = scale_x * np.asarray(width_scale, dtype=np.float64)
    if pen_scale is not None:
        pen = pen * np.asarray(pen_scale, dtype=np.float64)
    origin = np.where(has_points[:, None], low, 0.0)
    centre = BITMAP_SIZE / 2
    pixels = np.empty_like(points)
    d = drawing_of_point
    pixels[:, 0] = (points[:, 0] - origin[d, 0] - width[d] / 2) * scale_x[d] + centre
    pixels[:, 1] = (points[:, 1] - origin[d, 1] - height[d] / 2) * scale_y[d] + centre

    keep = drawn[segment_drawing]
    radius = np.where(drawn, pen / 2, 0.0)
    distance = _distance_to_ink(
        pixels[segment_start[keep]], pixels[segment_end[keep]], segment_drawing[keep], radius
    )
    coverage = np.clip(radius[:, None].astype(np.float32) + np.float32(0.5) - distance, 0.0, 1.0)
    bitmaps = coverage.reshape(n, BITMAP_SIZE, BITMAP_SIZE)
    bitmaps[~drawn] = 0
    return bitmaps, drawn


def _decimate(
    points: np.ndarray, stroke_ptr: np.ndarray, stroke_of_point: np.ndarray
) -> np.ndarray:
    """(P,) bool: the first point in each _PATH_STEP of path length, and each stroke's ends."""
    n_points = len(points)
    steps = np.zeros(n_points)
    if n_points > 1:
        steps[1:] = np.hypot(*np.diff(points, axis=0).T)
    first = stroke_ptr[:-1][np.diff(stroke_ptr) > 0]
    steps[first] = 0
    travelled = np.cumsum(steps)
    travelled -= np.repeat(travelled[first], np.diff(stroke_ptr)[np.diff(stroke_ptr) > 0])
    step_index = np.floor(travelled / _PATH_STEP)
    kept = np.ones(n_points, dtype=bool)
    kept[1:] = step_index[1:] != step_index[:-1]
    kept[first] = True
    last = stroke_ptr[1:][np.diff(stroke_ptr) > 0] - 1
    kept[last] = True
    return kept


def _segments(stroke_ptr: np.ndarray, stroke_of_point: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs of consecutive points within each stroke; a 1-point stroke is a dot."""
    n_points = int(stroke_ptr[-1])
    index = np.arange(n_points)
    follows = np.zeros(n_points, dtype=bool)
    follows[:-1] = stroke_of_point[:-1] == stroke_of_point[1:]
    single = np.diff(stroke_ptr) == 1
    dots = stroke_ptr[:-1][single]
    start = np.concatenate([index[follows], dots])
    end = np.concatenate([index[follows] + 1, dots])
    order = np.argsort(start, kind="stable")
    return start[order], end[order]


def _fit(
    width: np.ndarray,
    height: np.ndarray,
    path_length: np.ndarray,
    drawn: np.ndarray,
    conversion: Conversion,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per drawing: horizontal and vertical scale to pixels, and the pen width in pixels."""
    size = float(BITMAP_SIZE)
    safe_width = np.where(width > 0, width, 1.0)
    safe_height = np.where(height > 0, height, 1.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # subnormal widths
        # Pen chosen from a first guess of the scale: path length in pixels * pen ~ ink.
        if conversion.pen_width is not None:
            pen = np.full(width.shape, conversion.pen_width)
        else:
            guess = np.minimum(
                np.where(height > 0, (size - 4) / safe_height, np.inf),
                np.where(width > 0, (size - 4) / safe_width, np.inf),
            )
            guess = np.where(np.isfinite(guess), guess, 1.0)
            low, high = conversion.pen_width_range
            pen = np.clip(conversion.ink_pixels / np.maximum(path_length * guess, 1e-9), low, high)
        box = size - pen
        keep_aspect = np.minimum(
            np.where(height > 0, box / safe_height, np.inf),
            np.where(width > 0, box / safe_width, np.inf),
        )
        keep_aspect = np.where(np.isfinite(keep_aspect), keep_aspect, 1.0)
        if conversion.keep_aspect:
            scale_x = scale_y = keep_aspect
        else:
            stretch = conversion.max_stretch
            # (A flat drawing's vertical scale multiplies zero; keep_aspect bounds x.)
            scale_y = np.where(
                height > 0, np.minimum(box / safe_height, keep_aspect * stretch), keep_aspect
            )
            wanted_x = np.where(width > 0, (conversion.ink_width - pen) / safe_width, scale_y)
            scale_x = np.clip(wanted_x, scale_y / stretch, scale_y * stretch)
            scale_x = np.minimum(scale_x, np.where(width > 0, box / safe_width, np.inf))
            # A narrow drawing (a "1" as a line) gets a thicker pen, as optdigits' 1s are.
            thick_pen = np.minimum(np.maximum(pen, conversion.min_ink_width - width * scale_x), 16)
            shrink = (size - thick_pen) / (size - pen)
            scale_x, scale_y, pen = scale_x * shrink, scale_y * shrink, thick_pen
    return (
        np.where(drawn, scale_x, 1.0),
        np.where(drawn, scale_y, 1.0),
        np.where(drawn, pen, 1.0),
    )


def _distance_to_ink(
    start: np.ndarray, end: np.ndarray, segment_drawing: np.ndarray, radius: np.ndarray
) -> np.ndarray:
    """(n, 1024) float32 distance from each pixel centre to its drawing's nearest segment.

    Only pixels that the pen of the given radius can reach are measured (the rest are
    +inf): each segment, cut into pieces of at most _PIECE px, looks at a small window.
    The windows keep the smallest squared distance; one square root at the end gives the
    same numbers (the rounded square root never reverses an order) for far fewer roots.
    """
    n, size = len(radius), BITMAP_SIZE
    squared = np.full(n * size * size + 1, np.inf, dtype=np.float32)  # last: off the bitmap
    length = np.hypot(*(end - start).T)
    pieces = np.maximum(1, np.ceil(length / _PIECE)).astype(np.int64)
    segment = np.repeat(np.arange(len(start)), pieces)
    piece = np.arange(len(segment)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    direction = (end - start)[segment] / pieces[segment, None]
    a = start[segment] + direction * piece[:, None]
    b = a + direction
    drawing = segment_drawing[segment]
    reach = radius[drawing] + 1.0
    # Window side: the piece, the pen's reach on both sides, one pixel of rounding.
    window = np.ceil(_PIECE + 2 * reach + 1).astype(np.int64)
    for side in np.unique(window):
        chosen = np.flatnonzero(window == side)
        for first in range(0, len(chosen), _WINDOW_CHUNK):
            part = chosen[first : first + _WINDOW_CHUNK]
            _window_distance(squared, a[part], b[part], drawing[part], reach[part], int(side))
    return np.sqrt(squared[:-1]).reshape(n, size * size)


def _window_distance(
    squared: np.ndarray, a: np.ndarray, b: np.ndarray, drawing: np.ndarray, reach, side: int
) -> None:
    """Lower `squared` (flat, n*1024 + 1) with each segment a-b's squared distance over a
    side x side window. Rows and columns are computed apart and broadcast: (S, side, 1)
    and (S, 1, side), so only the distances themselves are full (S, side, side) arrays."""
    size = BITMAP_SIZE
    off_bitmap = len(squared) - 1
    origin = np.floor(np.minimum(a, b) - reach[:, None]).astype(np.int64)
    offsets = np.arange(side)
    column = origin[:, :1] + offsets[None, :]  # (S, side)
    row = origin[:, 1:] + offsets[None, :]
    direction = (b - a).astype(np.float32)
    length_sq = (direction**2).sum(axis=1)
    inverse = np.where(length_sq > 0, 1 / np.maximum(length_sq, 1e-12), 0).astype(np.float32)
    direction_x, direction_y = direction[:, 0, None, None], direction[:, 1, None, None]
    offset_x = (column + 0.5 - a[:, :1]).astype(np.float32)[:, None, :]  # (S, 1, side)
    offset_y = (row + 0.5 - a[:, 1:]).astype(np.float32)[:, :, None]  # (S, side, 1)
    along = offset_x * direction_x + offset_y * direction_y
    along *= inverse[:, None, None]
    np.clip(along, 0, 1, out=along)
    across_x = offset_x - along * direction_x
    along *= direction_y
    across_y = np.subtract(offset_y, along, out=along)
    across_x *= across_x
    across_y *= across_y
    across_x += across_y
    # A row or column off the bitmap sends its pixel to the last element, off the bitmap.
    row_start = np.where(
        (row >= 0) & (row < size), drawing[:, None] * size * size + row * size, off_bitmap
    )
    column = np.where((column >= 0) & (column < size), column, off_bitmap)
    index = np.minimum(row_start[:, :, None] + column[:, None, :], off_bitmap)
    np.minimum.at(squared, index.ravel(), across_x.ravel())

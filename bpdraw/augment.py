"""Extra training data that teaches the network real pen handwriting.

The pen digits (UCI pendigits, Alpaydin & Alimoglu 1998, CC BY 4.0; shipped in
assets/) are strokes, exactly what a mouse drag on the canvas produces. They are
rendered through the canvas's own conversion (`bpdraw.preprocess`) after random
distortions of the strokes: rotation, slant, aspect, wobble of the points, the
coarse integer coordinates of a small drawing on a screen, and pen and width
variation within optdigits' range. Everything is rendered at 32x32 before the 8x8
block counts, never smeared at 8x8.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass

import numpy as np

from bpdraw.preprocess import (
    DEFAULT_CONVERSION,
    Conversion,
    PackedStrokes,
    bitmap_to_digits,
    drawing_bounds,
    packed_to_bitmaps,
)
from bpdraw.shipped import shipped_file
from bpdraw.strokes_file import read_strokes_file

PEN_DIGITS_FILE = "pendigits_strokes.npz"


@dataclass(frozen=True)
class Distortion:
    """How strongly each pen digit is distorted (angles in degrees, others relative)."""

    rotation: float = 10.0  # standard deviation, clipped at 2x
    slant: float = 0.25  # x += slant * y, uniform in +-slant
    aspect: float = 0.15  # log of the width factor, standard deviation
    wobble: float = 0.015  # point noise, fraction of the digit's height
    screen_height: tuple[float, float] = (24.0, 240.0)  # drawn this tall in pixels, rounded
    pen: tuple[float, float] = (0.8, 1.3)  # factor on the pen width
    width: tuple[float, float] = (0.9, 1.15)  # factor on the ink width


DEFAULT_DISTORTION = Distortion()


def load_pen_digits() -> tuple[list[list[np.ndarray]], np.ndarray, np.ndarray]:
    """The shipped pen digits: (strokes per digit, labels (n,) int, writers (n,) str "01".."14").

    Each digit is a list of strokes, each an (k, 2) int array of x, y points (y down).
    """
    packed, labels, writers = load_pen_packed()
    points, stroke_ptr, sample_ptr = packed.points, packed.stroke_ptr, packed.sample_ptr
    digits = [
        [points[stroke_ptr[j] : stroke_ptr[j + 1]] for j in range(sample_ptr[i], sample_ptr[i + 1])]
        for i in range(packed.n_drawings)
    ]
    return digits, labels, writers


def load_pen_packed(path=None) -> tuple[PackedStrokes, np.ndarray, np.ndarray]:
    """The pen digits as flat arrays: (PackedStrokes, labels (n,), writers (n,) str).

    path: a file in the dev-set format; default the copy shipped with bpdraw.
    """
    opened = shipped_file(PEN_DIGITS_FILE) if path is None else nullcontext(path)
    with opened as file:
        packed, labels = read_strokes_file(file)  # checked like any strokes file
        with np.load(file, allow_pickle=False) as arrays:
            writers = arrays["writer"].astype(str)
    return packed, labels, writers


def select(packed: PackedStrokes, chosen: np.ndarray) -> PackedStrokes:
    """The drawings whose indices are `chosen` (sorted or not), as a new PackedStrokes."""
    chosen = np.asarray(chosen, dtype=np.int64)
    first, last = packed.sample_ptr[chosen], packed.sample_ptr[chosen + 1]
    strokes = _ranges(first, last)
    point_first, point_last = packed.stroke_ptr[strokes], packed.stroke_ptr[strokes + 1]
    points = packed.points[_ranges(point_first, point_last)]
    stroke_ptr = np.concatenate([[0], np.cumsum(point_last - point_first)])
    sample_ptr = np.concatenate([[0], np.cumsum(last - first)])
    return PackedStrokes(points, stroke_ptr.astype(np.int64), sample_ptr.astype(np.int64))


def _ranges(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Concatenation of arange(first[i], last[i]) for all i, without a Python loop."""
    lengths = last - first
    if lengths.sum() == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(first - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return np.arange(lengths.sum()) + offsets


def distort(
    packed: PackedStrokes, rng: np.random.Generator, distortion: Distortion = DEFAULT_DISTORTION
) -> PackedStrokes:
    """The same drawings with random rotation, slant, aspect, wobble and screen rounding."""
    n = packed.n_drawings
    points = np.asarray(packed.points, dtype=np.float64)
    stroke_lengths = np.diff(packed.stroke_ptr)
    drawing_of_stroke = np.repeat(np.arange(n), np.diff(packed.sample_ptr))
    drawing = np.repeat(drawing_of_stroke, stroke_lengths)

    low, high = drawing_bounds(points, drawing, n)
    height = np.maximum(high[:, 1] - low[:, 1], high[:, 0] - low[:, 0])
    height = np.where(np.isfinite(height) & (height > 0), height, 1.0)
    centre = np.where(np.isfinite(low), (low + high) / 2, 0.0)
    unit = (points - centre[drawing]) / height[drawing, None]  # about -0.5..0.5

    limit = 2 * distortion.rotation
    angle = np.radians(np.clip(rng.normal(0, distortion.rotation, n), -limit, limit))
    slant = rng.uniform(-distortion.slant, distortion.slant, n)
    aspect = np.exp(rng.normal(0, distortion.aspect, n))
    cos, sin = np.cos(angle)[drawing], np.sin(angle)[drawing]
    x = unit[:, 0] + slant[drawing] * unit[:, 1]
    y = unit[:, 1]
    x, y = cos * x - sin * y, sin * x + cos * y
    x = x * aspect[drawing]
    wobble = rng.normal(0, distortion.wobble, (len(points), 2))

    screen = rng.uniform(*distortion.screen_height, n)
    offset = rng.uniform(0, 1000, (n, 2))
    moved = np.stack([x, y], axis=1) + wobble
    moved = np.rint(moved * screen[drawing, None] + offset[drawing])
    return PackedStrokes(moved, packed.stroke_ptr, packed.sample_ptr)


def render(
    packed: PackedStrokes,
    conversion: Conversion = DEFAULT_CONVERSION,
    *,
    pen_scale: np.ndarray | None = None,
    width_scale: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Drawings -> ((n, 64) float 0-16 digits, (n,) bool drawn), the canvas's conversion."""
    bitmaps, drawn = packed_to_bitmaps(
        packed, conversion, pen_scale=pen_scale, width_scale=width_scale
    )
    return bitmap_to_digits(bitmaps).reshape(len(bitmaps), 64).astype(np.float64), drawn


def augmented_pen_set(
    rng: np.random.Generator,
    copies: int,
    writers: Sequence[str] | None = None,
    *,
    distortion: Distortion = DEFAULT_DISTORTION,
    conversion: Conversion = DEFAULT_CONVERSION,
    include_clean: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Pen digits rendered through the canvas's conversion: (X (n, 64) float 0-16, y (n,) int).

    copies: distorted renderings of each digit; with include_clean the undistorted one
    is added too, so n = digits * (copies + 1).
    writers: only these writers' digits ("01".."14"); default all 14.
    """
    if not isinstance(copies, (int, np.integer)) or copies < 0:
        raise ValueError(f"copies must be an int >= 0, got {copies!r}")
    packed, labels, all_writers = load_pen_packed()
    if writers is not None:
        wanted = {f"{int(w):02d}" if not isinstance(w, str) else w for w in writers}
        unknown = wanted - set(all_writers)
        if unknown:
            raise ValueError(f"unknown writers {sorted(unknown)}; known: 01..14")
        chosen = np.flatnonzero(np.isin(all_writers, sorted(wanted)))
        packed, labels = select(packed, chosen), labels[chosen]
    n = packed.n_drawings
    parts_X, parts_y = [], []
    if include_clean:
        X, drawn = render(packed, conversion)
        parts_X.append(X[drawn])
        parts_y.append(labels[drawn])
    for _ in range(copies):
        distorted = distort(packed, rng, distortion)
        X, drawn = render(
            distorted,
            conversion,
            pen_scale=rng.uniform(*distortion.pen, n),
            width_scale=rng.uniform(*distortion.width, n),
        )
        parts_X.append(X[drawn])
        parts_y.append(labels[drawn])
    if not parts_X:
        return np.zeros((0, 64)), np.zeros(0, dtype=np.int64)
    return np.concatenate(parts_X), np.concatenate(parts_y)

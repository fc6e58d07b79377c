"""Every distortion for training: of 8x8 digits, of strokes, and the pen-digit set built on them.

`distort_digits` moves load_digits' own 8x8 digits (rebuilt at 32x32, counted back).
The pen digits (UCI pendigits, Alpaydin & Alimoglu 1998, CC BY 4.0; shipped in
assets/) are strokes, exactly what a mouse drag on the canvas produces. They are
rendered through the canvas's own conversion (`bpdraw.preprocess`) after random
distortions of the strokes: rotation, slant, aspect, wobble of the points, the
coarse integer coordinates of a small drawing on a screen, and pen and width
variation within optdigits' range. Everything is rendered at 32x32 before the 8x8
block counts, never smeared at 8x8.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from bpdraw.data import N_INPUTS, PIXEL_MAX, count_blocks
from bpdraw.preprocess import (
    DEFAULT_CONVERSION,
    Conversion,
    PackedStrokes,
    bitmap_to_digits,
    drawing_bounds,
    packed_to_bitmaps,
    unpack_drawings,
)
from bpdraw.shipped import shipped_file
from bpdraw.strokes_file import read_strokes_file

PEN_DIGITS_FILE = "pendigits_strokes.npz"
UJI_DIGITS_FILE = "uji_digits_strokes.npz"  # UJI Pen Characters v2's digits, 60 writers
# Drawings rendered at once (about 4 KB of bitmap each): more than the shipped pen digits, so
# their rendering is one batch as before.
RENDER_BATCH = 8192
# Threads that share a large rendering (1,000 drawings or more): two halve the time of the
# 4,298 training pen digits on a 2-core machine, with the same digits bit for bit.
RENDER_THREADS = min(2, os.cpu_count() or 1)
PARALLEL_RENDER_MIN = 1000


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
    # smooth bending: a random 3x3 grid of displacements (standard deviation, a fraction of
    # the digit's height) spread over the drawing; 0 draws nothing from the generator
    bend: float = 0.0


DEFAULT_DISTORTION = Distortion()


def distort_digits(
    images: np.ndarray,
    rng: np.random.Generator,
    max_rotation: float = 10.0,
    max_scale: float = 0.1,
    max_shear: float = 0.15,
    max_shift: float = 1.5,
) -> np.ndarray:
    """Randomly rotated, scaled, sheared and shifted copies of digits, for augmentation.

    images: (n, 8, 8) or (n, 64) in 0-16. Each digit is rebuilt as a 32x32 bitmap like the
    one load_digits was counted from, moved there (angles in degrees, shifts in pixels of
    32) and counted back in 4x4 blocks, so a shift of 2 moves the ink by half an 8x8 cell.
    Returns (n, 64) float, whole numbers 0-16.
    """
    n = len(images)
    pixels = np.asarray(images, dtype=np.float64).reshape(n, N_INPUTS)
    # rebuild a 32x32 bitmap like the one load_digits was counted from: ink where the
    # enlarged digit is at least half dark
    enlarged = (pixels @ _enlarging()).reshape(n, 32, 32)
    bitmap = enlarged > PIXEL_MAX / 2
    angle = np.deg2rad(rng.uniform(-max_rotation, max_rotation, n))
    scale_yx = rng.uniform(1 - max_scale, 1 + max_scale, (n, 2))
    shear = rng.uniform(-max_shear, max_shear, n)
    cos, sin = np.cos(angle), np.sin(angle)
    forward = np.empty((n, 2, 2))  # rotation @ shear @ scale, in (row, column) coordinates
    forward[:, 0, 0] = cos * scale_yx[:, 0]
    forward[:, 0, 1] = (cos * shear - sin) * scale_yx[:, 1]
    forward[:, 1, 0] = sin * scale_yx[:, 0]
    forward[:, 1, 1] = (sin * shear + cos) * scale_yx[:, 1]
    inverse = np.linalg.inv(forward).astype(np.float32)
    offset = (15.5 + rng.uniform(-max_shift, max_shift, (n, 2))).astype(np.float32)
    moved = np.empty((n, 32, 32), dtype=bool)
    threads = RENDER_THREADS if n >= PARALLEL_RENDER_MIN else 1
    part_size = max(1, -(-n // threads))

    def move_part(first: int) -> None:
        part = slice(first, min(first + part_size, n))
        moved[part] = _moved(bitmap[part], inverse[part], offset[part])

    if threads == 1:
        move_part(0)
    else:
        with ThreadPoolExecutor(threads) as pool:
            for _ in pool.map(move_part, range(0, n, part_size)):
                pass
    return count_blocks(moved).reshape(n, N_INPUTS).astype(np.float64)


def _moved(bitmap: np.ndarray, inverse: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """(n, 32, 32) bool bitmaps moved: each target pixel takes its source pixel through the
    (n, 2, 2) ``inverse`` map around the (n, 2) ``offset``, rounded to the nearest (+ 0.5,
    then floor); a source off the bitmap is blank. Rows and columns are broadcast
    ((n, 32, 1) and (n, 1, 32) terms), so only the sums are full arrays."""
    n = len(bitmap)
    centred = (np.arange(32) - 15.5).astype(np.float32)
    target_rows, target_columns = centred[None, :, None], centred[None, None, :]
    index_type = np.int32 if n * 32 * 32 < 2**31 else np.intp

    def source(axis: int) -> np.ndarray:
        coordinate = (
            inverse[:, axis, 0, None, None] * target_rows
            + inverse[:, axis, 1, None, None] * target_columns
        )
        coordinate += (offset[:, axis] + np.float32(0.5))[:, None, None]
        return np.floor(coordinate, out=coordinate).astype(index_type)

    rows, columns = source(0), source(1)
    inside = (rows >= 0) & (rows < 32) & (columns >= 0) & (columns < 32)
    rows *= 32
    rows += columns
    flat = np.where(inside, rows, 0)
    flat += (np.arange(n, dtype=index_type) * (32 * 32))[:, None, None]
    return bitmap.ravel()[flat] & inside


@lru_cache(maxsize=1)
def _enlarging() -> np.ndarray:
    """(64, 1024): bilinear enlargement of an 8x8 grid to 32x32 as one matrix product.

    Bilinear interpolation is separable, so the 2-D map is the Kronecker product of the
    1-D one: each 32-pixel centre takes its two nearest 8-cell centres by distance, and a
    centre beyond the outermost cells fades towards a blank (zero) border.
    """
    centres = (np.arange(32) + 0.5) / 4 - 0.5  # 32-pixel centres in 8-cell coordinates
    one_dimension = np.maximum(0.0, 1.0 - np.abs(centres[None, :] - np.arange(8)[:, None]))
    return np.kron(one_dimension, one_dimension)


def load_pen_digits() -> tuple[list[list[np.ndarray]], np.ndarray, np.ndarray]:
    """The shipped pen digits: (strokes per digit, labels (n,) int, writers (n,) str "01".."14").

    Each digit is a list of strokes, each an (k, 2) int array of x, y points (y down).
    """
    packed, labels, writers = load_pen_packed()
    return unpack_drawings(packed), labels, writers


def load_pen_packed(
    path=None, *, shipped: str = PEN_DIGITS_FILE
) -> tuple[PackedStrokes, np.ndarray, np.ndarray]:
    """Pen digits as flat arrays: (PackedStrokes, labels (n,), writers (n,) str).

    path: a file in the dev-set format; default the shipped file named ``shipped`` (the
    pendigits by default, or UJI_DIGITS_FILE).
    """
    opened = shipped_file(shipped) if path is None else nullcontext(path)
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


def distort_strokes(
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
    if distortion.bend > 0:
        unit = unit + _bending(unit, drawing, rng.normal(0, distortion.bend, (n, 3, 3, 2)))

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


def _bending(unit: np.ndarray, drawing: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """Each point's displacement: its drawing's 3x3 grid of vectors (corners and middles of
    the -0.5..0.5 square) interpolated bilinearly at the point."""
    where = np.clip((unit + 0.5) * 2, 0, 2 - 1e-9)  # 0..2 over the grid's two cells a side
    cell = where.astype(np.int64)
    fraction = where - cell
    column, row = cell[:, 0], cell[:, 1]
    fx, fy = fraction[:, :1], fraction[:, 1:]
    corner = lambda r, c: grid[drawing, row + r, column + c]  # noqa: E731
    top = corner(0, 0) * (1 - fx) + corner(0, 1) * fx
    bottom = corner(1, 0) * (1 - fx) + corner(1, 1) * fx
    return top * (1 - fy) + bottom * fy


def render(
    packed: PackedStrokes,
    conversion: Conversion = DEFAULT_CONVERSION,
    *,
    pen_scale: np.ndarray | None = None,
    width_scale: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Drawings -> ((n, 64) float 0-16 digits, (n,) bool drawn), the canvas's conversion.

    Rendered in parts of at most RENDER_BATCH drawings, so memory stays bounded however many
    there are; a few thousand drawings are split between RENDER_THREADS threads (NumPy lets
    go of the interpreter in its loops), each drawing rendered alone, so the digits are the
    same whichever part a drawing falls in.
    """
    n = packed.n_drawings
    digits, drawn = np.zeros((n, 64)), np.zeros(n, dtype=bool)
    threads = RENDER_THREADS if n >= PARALLEL_RENDER_MIN else 1
    part_size = max(1, min(RENDER_BATCH // threads, -(-n // threads)))

    def render_part(first: int) -> None:
        last = min(first + part_size, n)
        part = slice(first, last)
        bitmaps, drawn[part] = packed_to_bitmaps(
            _drawings(packed, first, last),
            conversion,
            pen_scale=None if pen_scale is None else np.asarray(pen_scale)[part],
            width_scale=None if width_scale is None else np.asarray(width_scale)[part],
        )
        digits[part] = bitmap_to_digits(bitmaps).reshape(last - first, 64)

    firsts = range(0, n, part_size)
    if threads == 1:
        for first in firsts:
            render_part(first)
    else:
        with ThreadPoolExecutor(threads) as pool:
            for _ in pool.map(render_part, firsts):  # raises a part's error, if any
                pass
    return digits, drawn


def _drawings(packed: PackedStrokes, first: int, last: int) -> PackedStrokes:
    """Drawings first..last-1 as their own PackedStrokes (all of them: the same object)."""
    if first == 0 and last == packed.n_drawings:
        return packed
    stroke_first, stroke_last = packed.sample_ptr[first], packed.sample_ptr[last]
    point_first, point_last = packed.stroke_ptr[stroke_first], packed.stroke_ptr[stroke_last]
    return PackedStrokes(
        packed.points[point_first:point_last],
        packed.stroke_ptr[stroke_first : stroke_last + 1] - point_first,
        packed.sample_ptr[first : last + 1] - stroke_first,
    )


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
        distorted = distort_strokes(packed, rng, distortion)
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

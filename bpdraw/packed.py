"""Many drawings in flat arrays (PackedStrokes, the dev sets' layout): packing, unpacking,
turning them and their bounds, shared by the conversion (bpdraw.preprocess), augmentation
and strokes files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PackedStrokes:
    """Many drawings in flat arrays (the dev set's layout).

    points: (P, 2) float x, y (y down); stroke j is points[stroke_ptr[j]:stroke_ptr[j + 1]];
    drawing i is strokes sample_ptr[i] .. sample_ptr[i + 1] - 1.
    """

    points: np.ndarray
    stroke_ptr: np.ndarray
    sample_ptr: np.ndarray

    @property
    def n_drawings(self) -> int:
        return len(self.sample_ptr) - 1


def turned(packed: PackedStrokes, degrees: float) -> PackedStrokes:
    """The same drawings turned by ``degrees`` (clockwise on the screen, y down). They turn
    about the origin: the conversion fits each drawing into its own box, so where a drawing
    lies does not change its digits."""
    angle = np.radians(degrees)
    cos, sin = np.cos(angle), np.sin(angle)
    x, y = packed.points[:, 0], packed.points[:, 1]
    points = np.stack([cos * x - sin * y, sin * x + cos * y], axis=1)
    return PackedStrokes(points, packed.stroke_ptr, packed.sample_ptr)


def pack_drawings(drawings: Sequence[Sequence]) -> PackedStrokes:
    """Drawings (each a sequence of strokes of (x, y) points) -> PackedStrokes.

    Non-finite points and strokes left empty are dropped, as the canvas drops them; a stroke
    that is not (x, y) numbers raises ValueError naming the drawing.
    """
    kept, stroke_ptr, sample_ptr = [], [0], [0]
    for index, strokes in enumerate(drawings):
        for stroke in strokes:
            try:
                points = np.asarray(stroke, dtype=np.float64)
            except (TypeError, ValueError) as error:
                raise ValueError(
                    f"drawing {index}: a stroke must be a sequence of (x, y) numbers: {error}"
                ) from None
            if points.size == 0:
                continue
            if points.ndim != 2 or points.shape[1] != 2:
                raise ValueError(
                    f"drawing {index}: a stroke must be a sequence of (x, y) points, "
                    f"got shape {points.shape}"
                )
            points = points[np.isfinite(points).all(axis=1)]
            if len(points):
                kept.append(points)
                stroke_ptr.append(stroke_ptr[-1] + len(points))
        sample_ptr.append(len(stroke_ptr) - 1)
    return PackedStrokes(
        np.concatenate(kept) if kept else np.zeros((0, 2)),
        np.array(stroke_ptr, dtype=np.int64),
        np.array(sample_ptr, dtype=np.int64),
    )


def unpack_drawings(packed: PackedStrokes) -> list[list[np.ndarray]]:
    """PackedStrokes -> one list of (k, 2) stroke arrays per drawing (views, not copies)."""
    points, stroke_ptr, sample_ptr = packed.points, packed.stroke_ptr, packed.sample_ptr
    return [
        [points[stroke_ptr[j] : stroke_ptr[j + 1]] for j in range(sample_ptr[i], sample_ptr[i + 1])]
        for i in range(packed.n_drawings)
    ]


def drawing_bounds(
    points: np.ndarray, drawing_of_point: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per drawing, the (n, 2) lowest and highest x, y (+inf / -inf for a drawing with no point)."""
    low = np.full((n, 2), np.inf)
    high = np.full((n, 2), -np.inf)
    np.minimum.at(low, drawing_of_point, points)
    np.maximum.at(high, drawing_of_point, points)
    return low, high

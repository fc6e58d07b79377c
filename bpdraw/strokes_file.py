"""Files of drawn digits in the dev set's layout, read without pickle, bounded and checked."""

from __future__ import annotations

import os

import numpy as np

from bpdraw.archive import ArchiveError, read_npz
from bpdraw.preprocess import PackedStrokes

REQUIRED = ("points", "stroke_ptr", "sample_ptr", "labels")
# Bounds on what a file may declare, checked before anything is read. The pen-digit set
# bpdraw ships has 3,498 drawings and about 300,000 points.
MAX_DRAWINGS = 100_000
MAX_STROKES = 1_000_000
MAX_POINTS = 10_000_000
MAX_FILE_BYTES = 256 * 2**20


class StrokesFileError(Exception):
    """A strokes file that cannot be used; the message names the file and what is wrong."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = os.fspath(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def read_strokes_file(path: str | os.PathLike) -> tuple[PackedStrokes, np.ndarray]:
    """-> (drawings, labels (N,) int): the drawings packed as the file holds them.

    The file holds points (P, 2) x, y (y down), stroke_ptr (S+1,), sample_ptr (N+1,) and
    labels (N,) 0-9: stroke j is points[stroke_ptr[j]:stroke_ptr[j + 1]], drawing i is
    strokes sample_ptr[i] .. sample_ptr[i + 1] - 1. Points that are not finite are dropped,
    as the canvas drops them; other members (writer ids, ...) are ignored.
    """
    try:
        arrays = read_npz(path, _check_member, max_file_bytes=MAX_FILE_BYTES)
    except ArchiveError as error:
        problem = error.problem
        if problem == "is not an .npz archive":
            problem = "is not an .npz archive of strokes"
        raise StrokesFileError(path, problem) from error
    missing = [name for name in REQUIRED if name not in arrays]
    if missing:
        raise StrokesFileError(path, f"is missing {', '.join(missing)}")
    points, stroke_ptr, sample_ptr, labels = (arrays[name] for name in REQUIRED)

    if points.ndim != 2 or points.shape[1] != 2 or points.dtype.kind not in "iuf":
        raise StrokesFileError(path, f"points must be (P, 2) numbers, not {points.shape}")
    stroke_ptr = _checked_pointer(path, "stroke_ptr", stroke_ptr, len(points))
    sample_ptr = _checked_pointer(path, "sample_ptr", sample_ptr, len(stroke_ptr) - 1)
    n = len(sample_ptr) - 1
    if labels.shape != (n,) or labels.dtype.kind not in "iu" or np.any((labels < 0) | (labels > 9)):
        raise StrokesFileError(path, f"labels must be {n} digits 0-9")
    packed = _without_non_finite(PackedStrokes(points.astype(np.float64), stroke_ptr, sample_ptr))
    return packed, labels.astype(np.int64)


def _check_member(name: str, shape: tuple[int, ...], dtype: np.dtype) -> str | None:
    limits = {
        "points": 2 * MAX_POINTS,
        "stroke_ptr": MAX_STROKES + 1,
        "sample_ptr": MAX_DRAWINGS + 1,
        "labels": MAX_DRAWINGS,
    }
    count = int(np.prod(shape, dtype=np.int64))
    if count > limits.get(name, MAX_DRAWINGS):
        what = {"points": "points", "stroke_ptr": "strokes"}.get(name, "drawings")
        most = {"points": MAX_POINTS, "stroke_ptr": MAX_STROKES}.get(name, MAX_DRAWINGS)
        return f"declares more than {most:,} {what}; split it into smaller files"
    if dtype.kind not in "iufUSb":
        return f"{name} has dtype {dtype}, not numbers"
    return None


def _checked_pointer(path, name: str, pointer: np.ndarray, end: int) -> np.ndarray:
    """The pointer as int64 if it rises from 0 to ``end`` (unsigned values compared as such)."""
    if pointer.ndim != 1 or len(pointer) < 1 or pointer.dtype.kind not in "iu":
        raise StrokesFileError(path, f"{name} must rise from 0 to {end}")
    if pointer.dtype.kind == "u" and pointer.max() > np.iinfo(np.int64).max:
        raise StrokesFileError(path, f"{name} must rise from 0 to {end}")
    pointer = pointer.astype(np.int64)
    if pointer[0] != 0 or pointer[-1] != end or np.any(np.diff(pointer) < 0):
        raise StrokesFileError(path, f"{name} must rise from 0 to {end}")
    return pointer


def _without_non_finite(packed: PackedStrokes) -> PackedStrokes:
    """The same drawings without points that are NaN or infinite (the canvas drops them too)."""
    finite = np.isfinite(packed.points).all(axis=1)
    if finite.all():
        return packed
    kept_before = np.concatenate([[0], np.cumsum(finite)])
    stroke_ptr = kept_before[packed.stroke_ptr]
    return PackedStrokes(packed.points[finite], stroke_ptr, packed.sample_ptr)

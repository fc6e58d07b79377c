"""Files of drawn digits in the dev set's layout, read without pickle and checked."""

from __future__ import annotations

import os
import zipfile

import numpy as np

from bpdraw.preprocess import PackedStrokes

REQUIRED = ("points", "stroke_ptr", "sample_ptr", "labels")


class StrokesFileError(Exception):
    """A strokes file that cannot be used; the message names the file and what is wrong."""

    def __init__(self, path: str | os.PathLike, problem: str):
        super().__init__(f"{path}: {problem}")


def read_strokes_file(path: str | os.PathLike) -> tuple[PackedStrokes, np.ndarray]:
    """-> (drawings, labels (N,) int): the drawings packed as the file holds them.

    The file holds points (P, 2) x, y (y down), stroke_ptr (S+1,), sample_ptr (N+1,) and
    labels (N,) 0-9: stroke j is points[stroke_ptr[j]:stroke_ptr[j + 1]], drawing i is
    strokes sample_ptr[i] .. sample_ptr[i + 1] - 1.
    """
    try:
        if not zipfile.is_zipfile(path):
            raise StrokesFileError(path, "is not an .npz archive of strokes")
        with np.load(path, allow_pickle=False) as archive:
            missing = [name for name in REQUIRED if name not in archive.files]
            if missing:
                raise StrokesFileError(path, f"is missing {', '.join(missing)}")
            points, stroke_ptr, sample_ptr, labels = (archive[name] for name in REQUIRED)
    except StrokesFileError:
        raise
    except OSError as error:
        raise StrokesFileError(path, f"cannot be read ({error.strerror or error})") from error
    except Exception as error:  # damaged archive, object arrays that would need pickle
        raise StrokesFileError(path, f"cannot be read ({error})") from error

    if points.ndim != 2 or points.shape[1] != 2 or points.dtype.kind not in "iuf":
        raise StrokesFileError(path, f"points must be (P, 2) numbers, not {points.shape}")
    _check_pointer(path, "stroke_ptr", stroke_ptr, len(points))
    _check_pointer(path, "sample_ptr", sample_ptr, len(stroke_ptr) - 1)
    n = len(sample_ptr) - 1
    if labels.shape != (n,) or labels.dtype.kind not in "iu" or np.any((labels < 0) | (labels > 9)):
        raise StrokesFileError(path, f"labels must be {n} digits 0-9")
    packed = PackedStrokes(
        points.astype(np.float64), stroke_ptr.astype(np.int64), sample_ptr.astype(np.int64)
    )
    return packed, labels.astype(np.int64)


def _check_pointer(path, name: str, pointer: np.ndarray, end: int) -> None:
    if (
        pointer.ndim != 1
        or len(pointer) < 1
        or pointer.dtype.kind not in "iu"
        or pointer[0] != 0
        or pointer[-1] != end
        or np.any(np.diff(pointer) < 0)
    ):
        raise StrokesFileError(path, f"{name} must rise from 0 to {end}")

"""Strokes files that try to exhaust memory, hang or crash bpdraw (issue 9), built here."""

import io
import os
import zipfile

import numpy as np
import pytest
from numpy.lib import format as npy_format

from bpdraw import augment
from bpdraw.preprocess import strokes_to_digits
from bpdraw.strokes_file import MAX_DRAWINGS, StrokesFileError, read_strokes_file

SQUARE = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], dtype=np.float64)
LINE = np.array([[0, 0], [0, 20]], dtype=np.float64)


def save_strokes(path, drawings, labels, **overrides):
    points = np.concatenate([s for d in drawings for s in d])
    stroke_ptr = np.concatenate([[0], np.cumsum([len(s) for d in drawings for s in d])])
    sample_ptr = np.concatenate([[0], np.cumsum([len(d) for d in drawings])])
    arrays = {
        "points": points,
        "stroke_ptr": stroke_ptr,
        "sample_ptr": sample_ptr,
        "labels": np.asarray(labels),
    }
    np.savez_compressed(path, **{**arrays, **overrides})


def test_a_million_empty_drawings_in_a_small_file_are_refused(tmp_path):
    path = tmp_path / "million.npz"
    n = 1_000_000
    np.savez_compressed(
        path,
        points=np.zeros((0, 2)),
        stroke_ptr=np.zeros(1, dtype=np.int64),
        sample_ptr=np.zeros(n + 1, dtype=np.int64),
        labels=np.zeros(n, dtype=np.int64),
    )
    assert path.stat().st_size < 50_000
    with pytest.raises(StrokesFileError, match=f"more than {MAX_DRAWINGS:,} drawings"):
        read_strokes_file(path)


@pytest.mark.parametrize("dtype", [np.uint64, np.uint32, np.uint8])
def test_a_decreasing_unsigned_pointer_is_refused(tmp_path, dtype):
    # np.diff of unsigned numbers never goes below zero: 7 - 8 wraps to a huge number
    path = tmp_path / "unsigned.npz"
    save_strokes(path, [[SQUARE], [LINE]], [0, 1], stroke_ptr=np.array([0, 8, 7], dtype))
    with pytest.raises(StrokesFileError, match="stroke_ptr must rise from 0 to 7"):
        read_strokes_file(path)
    save_strokes(path, [[SQUARE, LINE], []], [0, 1], sample_ptr=np.array([0, 3, 2], dtype))
    with pytest.raises(StrokesFileError, match="sample_ptr must rise from 0 to 2"):
        read_strokes_file(path)


def test_unsigned_pointers_that_rise_are_read(tmp_path):
    path = tmp_path / "unsigned.npz"
    save_strokes(path, [[SQUARE], [LINE]], [0, 1], stroke_ptr=np.array([0, 5, 7], np.uint32))
    packed, labels = read_strokes_file(path)
    assert packed.stroke_ptr.tolist() == [0, 5, 7]
    assert labels.tolist() == [0, 1]


@pytest.mark.parametrize("bad", [np.inf, -np.inf, np.nan])
def test_a_non_finite_point_is_dropped_as_the_canvas_drops_it(tmp_path, bad):
    path = tmp_path / "odd.npz"
    spoiled = SQUARE.copy()
    spoiled[2] = [bad, 10]
    save_strokes(path, [[spoiled], [LINE]], [0, 1])
    packed, labels = read_strokes_file(path)
    digits, drawn = augment.render(packed)
    assert drawn.tolist() == [True, True]
    # the drawing reads as the canvas reads the same strokes (which drops the point too)
    assert np.array_equal(digits[0].reshape(8, 8), strokes_to_digits([spoiled]))


def test_a_drawing_whose_points_are_all_nan_reads_as_nothing_drawn(tmp_path):
    path = tmp_path / "nan.npz"
    save_strokes(path, [[np.full((3, 2), np.nan)], [LINE]], [0, 1])
    packed, _ = read_strokes_file(path)
    _, drawn = augment.render(packed)
    assert drawn.tolist() == [False, True]


def test_a_fifo_and_dev_zero_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.npz"
    os.mkfifo(fifo)
    with pytest.raises(StrokesFileError, match="not a regular file"):
        read_strokes_file(fifo)
    with pytest.raises(StrokesFileError, match="/dev/zero: is not a regular file"):
        read_strokes_file("/dev/zero")


def test_a_huge_declared_points_array_is_refused_before_reading(tmp_path):
    path = tmp_path / "points.npz"
    header = io.BytesIO()
    npy_format.write_array_header_1_0(
        header, {"descr": "<f8", "fortran_order": False, "shape": (10**9, 2)}
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("points.npy", header.getvalue())
    with pytest.raises(StrokesFileError, match="more than 10,000,000 points"):
        read_strokes_file(path)


def test_rendering_in_batches_gives_the_same_digits(monkeypatch):
    packed, _, _ = augment.load_pen_packed()
    first = augment.select(packed, np.arange(300))
    whole, whole_drawn = augment.render(first)
    monkeypatch.setattr(augment, "RENDER_BATCH", 64)
    batched, batched_drawn = augment.render(first)
    assert np.array_equal(whole, batched)
    assert np.array_equal(whole_drawn, batched_drawn)

"""Augmentation: distorted 8x8 digits and strokes; pen digits rendered like the canvas."""

import numpy as np
import pytest

from bpdraw.augment import (
    Distortion,
    augmented_pen_set,
    distort_digits,
    distort_strokes,
    load_pen_digits,
    load_pen_packed,
    select,
)
from bpdraw.preprocess import strokes_to_digits


def test_shipped_pen_digits_are_3498_by_14_writers():
    digits, labels, writers = load_pen_digits()
    assert len(digits) == len(labels) == len(writers) == 3498
    assert sorted(set(writers)) == [f"{w:02d}" for w in range(1, 15)]
    assert set(labels) == set(range(10))
    assert all(stroke.shape[1] == 2 for digit in digits for stroke in digit)


def test_clean_rendering_is_exactly_the_canvas_conversion():
    digits, labels, writers = load_pen_digits()
    X, y = augmented_pen_set(np.random.default_rng(0), 0, writers=["03"])
    chosen = np.flatnonzero(writers == "03")
    np.testing.assert_array_equal(y, labels[chosen])
    for row, index in zip(X[:20], chosen[:20], strict=True):
        np.testing.assert_array_equal(row, strokes_to_digits(digits[index]).ravel())


def test_copies_add_distorted_renderings_in_load_digits_range():
    X, y = augmented_pen_set(np.random.default_rng(0), 2, writers=["01"])
    assert X.shape == (3 * 250, 64) and y.shape == (750,)
    assert X.min() >= 0 and X.max() <= 16
    clean, distorted = X[:250], X[250:500]
    assert not np.array_equal(clean, distorted)
    np.testing.assert_array_equal(y[:250], y[250:500])


def test_the_same_seed_gives_the_same_set():
    first = augmented_pen_set(np.random.default_rng(7), 1, writers=["02"])
    second = augmented_pen_set(np.random.default_rng(7), 1, writers=["02"])
    np.testing.assert_array_equal(first[0], second[0])


def test_unknown_writer_is_refused():
    with pytest.raises(ValueError, match="unknown writers"):
        augmented_pen_set(np.random.default_rng(0), 1, writers=["99"])


def test_negative_copies_are_refused():
    with pytest.raises(ValueError, match="copies"):
        augmented_pen_set(np.random.default_rng(0), -1)


def test_select_keeps_the_chosen_drawings_strokes():
    packed, _, _ = load_pen_packed()
    chosen = select(packed, np.array([5, 2]))
    assert chosen.n_drawings == 2
    first = packed.points[
        packed.stroke_ptr[packed.sample_ptr[5]] : packed.stroke_ptr[packed.sample_ptr[6]]
    ]
    np.testing.assert_array_equal(chosen.points[: len(first)], first)


def test_distortion_keeps_the_stroke_layout():
    packed, _, _ = load_pen_packed()
    some = select(packed, np.arange(10))
    distorted = distort_strokes(some, np.random.default_rng(0), Distortion())
    np.testing.assert_array_equal(distorted.stroke_ptr, some.stroke_ptr)
    assert np.isfinite(distorted.points).all()


def _still(**changes) -> Distortion:
    """Only the named distortions: no turn, slant, stretch, wobble or screen change."""
    plain = dict(rotation=0.0, slant=0.0, aspect=0.0, wobble=0.0, screen_height=(10000.0, 10000.0))
    return Distortion(**{**plain, **changes})


def test_without_bending_nothing_more_is_drawn_from_the_generator():
    """bend=0 (the pen recipe's) leaves the shipped model's training data as it was."""
    packed, _, _ = load_pen_packed()
    some = select(packed, np.arange(20))
    plain = distort_strokes(some, np.random.default_rng(3), Distortion())
    zero = distort_strokes(some, np.random.default_rng(3), Distortion(bend=0.0))
    np.testing.assert_array_equal(plain.points, zero.points)


def _moves(distortion: Distortion, seed: int = 7):
    """-> (how far points move, how much that move changes from a point to the next, per
    unit of distance between them), both in digit heights, against no distortion at all."""
    packed, _, _ = load_pen_packed()
    some = select(packed, np.arange(30))
    straight = distort_strokes(some, np.random.default_rng(seed), _still())
    moved = distort_strokes(some, np.random.default_rng(seed), distortion)
    sizes, changes = [], []
    for i in range(some.n_drawings):
        lo, hi = some.stroke_ptr[some.sample_ptr[i]], some.stroke_ptr[some.sample_ptr[i + 1]]
        # offsets differ (drawn after the bending), so compare about each drawing's mean
        a = straight.points[lo:hi] - straight.points[lo:hi].mean(axis=0)
        b = moved.points[lo:hi] - moved.points[lo:hi].mean(axis=0)
        move = (b - a) / 10000.0  # drawn 10,000 px tall: rounding is nothing
        apart = np.linalg.norm(np.diff(a, axis=0), axis=1) / 10000.0
        keep = apart > 0
        sizes.append(np.abs(move).mean())
        change = np.linalg.norm(np.diff(move, axis=0), axis=1)[keep] / apart[keep]
        changes.append(np.median(change))
    return np.array(sizes), np.array(changes)


def test_bending_moves_points_smoothly_and_by_about_its_size():
    """A bent copy: every drawing changes, by about the size asked for (a fraction of the
    digit's height), and neighbouring points move alike: a smooth field, not noise."""
    sizes, changes = _moves(_still(bend=0.1))
    assert (sizes > 0.01).all() and 0.02 < sizes.mean() < 0.2
    noise_sizes, noise_changes = _moves(_still(wobble=0.04))
    assert noise_sizes.mean() > 0.5 * sizes.mean()  # noise of about the same size ...
    assert np.median(changes) < np.median(noise_changes) / 3  # ... changes far faster


# -- distorted 8x8 digits (load_digits' own) -------------------------------------------


def test_distort_digits_keeps_shape_and_the_0_16_range(split):
    distorted = distort_digits(split.images_train[:200], np.random.default_rng(0))
    assert distorted.shape == (200, 64)
    assert distorted.min() >= 0.0
    assert distorted.max() <= 16.0


def test_distort_digits_changes_the_digits(split):
    originals = split.images_train[:200].reshape(-1, 64)
    distorted = distort_digits(split.images_train[:200], np.random.default_rng(0))
    # the default distortion moves ink by ~1.6 of 16 levels per pixel on average (measured)
    assert np.abs(distorted - originals).mean() > 1.0


def test_distort_digits_is_reproducible_for_a_generator_seed(split):
    first = distort_digits(split.images_train[:50], np.random.default_rng(5))
    second = distort_digits(split.images_train[:50], np.random.default_rng(5))
    assert np.array_equal(first, second)


def test_distort_digits_accepts_flat_digits_like_8x8_ones(split):
    grid = distort_digits(split.images_train[:20], np.random.default_rng(2))
    flat = distort_digits(split.images_train[:20].reshape(20, 64), np.random.default_rng(2))
    assert np.array_equal(grid, flat)


def test_zero_digit_distortion_approximately_preserves_digits(split):
    """The 8x8 -> 32x32 (ink where at least half dark) -> 8x8 round trip moves grey levels
    but keeps each digit recognisably itself."""
    originals = split.images_train.reshape(-1, 64).astype(np.float64)
    kept = distort_digits(
        split.images_train,
        np.random.default_rng(0),
        max_rotation=0.0,
        max_scale=0.0,
        max_shear=0.0,
        max_shift=0.0,
    )
    # measured: 0.74 of 16 levels per pixel on average
    assert np.abs(kept - originals).mean() < 1.0
    # measured: 99.0% of the round-tripped digits are nearest (Euclidean) to their own original
    distances = (kept**2).sum(axis=1)[:, None] - 2 * kept @ originals.T + (originals**2).sum(axis=1)
    nearest_is_self = distances.argmin(axis=1) == np.arange(len(originals))
    assert nearest_is_self.mean() >= 0.97

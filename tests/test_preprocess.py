"""The drawing -> load_digits 8x8 conversion: always a valid digit or "nothing drawn"."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.datasets import load_digits

from bpdraw.preprocess import (
    Conversion,
    NothingDrawn,
    pack_drawings,
    packed_to_bitmaps,
    strokes_to_bitmap,
    strokes_to_digits,
    turned,
)

coordinate = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)
point = st.tuples(coordinate, coordinate)
any_strokes = st.lists(st.lists(point, min_size=0, max_size=30), min_size=0, max_size=5)
# Whole-number drawings: moving them by whole numbers is exact in floating point.
small_int = st.integers(min_value=0, max_value=1000)
int_strokes = st.lists(
    st.lists(st.tuples(small_int, small_int), min_size=1, max_size=20), min_size=1, max_size=4
)


def circle(cx=0.0, cy=0.0, rx=1.0, ry=1.5, n=60):
    angles = np.linspace(0, 2 * np.pi, n)
    return [np.stack([cx + rx * np.cos(angles), cy + ry * np.sin(angles)], axis=1)]


def digits_or_nothing(strokes):
    try:
        return strokes_to_digits(strokes)
    except NothingDrawn:
        return None


@given(any_strokes)
def test_any_finite_drawing_gives_a_digit_or_nothing_drawn(assert_valid_digit, strokes):
    digits = digits_or_nothing(strokes)
    if digits is not None:
        assert_valid_digit(digits)


@given(int_strokes, st.integers(-(10**6), 10**6), st.integers(-(10**6), 10**6))
def test_moving_a_drawing_changes_nothing(strokes, dx, dy):
    moved = [[(x + dx, y + dy) for x, y in stroke] for stroke in strokes]
    original = digits_or_nothing(strokes)
    if original is None:
        assert digits_or_nothing(moved) is None
    else:
        np.testing.assert_array_equal(strokes_to_digits(moved), original)


@given(int_strokes, st.integers(-20, 40))
def test_scaling_a_drawing_by_a_power_of_two_changes_nothing(strokes, exponent):
    scaled = [[(math.ldexp(x, exponent), math.ldexp(y, exponent)) for x, y in s] for s in strokes]
    original = digits_or_nothing(strokes)
    if original is None:
        assert digits_or_nothing(scaled) is None
    else:
        np.testing.assert_array_equal(strokes_to_digits(scaled), original)


@settings(max_examples=50)
@given(st.floats(min_value=0.01, max_value=1e6), st.floats(-1e4, 1e4), st.floats(-1e4, 1e4))
def test_any_canvas_size_and_place_give_nearly_the_same_digit(factor, dx, dy):
    # Arbitrary factors round differently in the last bit, so allow a count of 1.
    zero = circle()
    moved = [stroke * factor + [dx, dy] for stroke in zero]
    difference = np.abs(strokes_to_digits(moved) - strokes_to_digits(zero))
    assert difference.max() <= 1


@pytest.mark.parametrize(
    "strokes",
    [[], [[]], [[], []], [[(5, 5)]], [[(5, 5), (5, 5), (5, 5)]], [[(3, 4)], [(3, 4)]]],
    ids=["no strokes", "empty stroke", "empty strokes", "dot", "click", "two clicks"],
)
def test_blank_drawings_and_dots_are_nothing_drawn(strokes):
    with pytest.raises(NothingDrawn):
        strokes_to_digits(strokes)


def test_nothing_drawn_is_a_value_error():
    assert issubclass(NothingDrawn, ValueError)


def test_non_finite_points_are_dropped():
    clean = circle()
    dirty = [np.vstack([clean[0][:10], [[np.nan, 1.0], [np.inf, -np.inf]], clean[0][10:]])]
    np.testing.assert_array_equal(strokes_to_digits(dirty), strokes_to_digits(clean))


def test_only_non_finite_points_are_nothing_drawn():
    with pytest.raises(NothingDrawn):
        strokes_to_digits([[(np.nan, np.nan), (np.inf, 0.0)]])


def test_smaller_than_min_size_is_nothing_drawn():
    # A click with a 2 px twitch on a canvas that asks for at least 5 px.
    with pytest.raises(NothingDrawn):
        strokes_to_digits([[(100, 100), (102, 101)]], min_size=5)


def test_min_size_keeps_real_drawings(assert_valid_digit):
    assert_valid_digit(strokes_to_digits(circle(rx=40, ry=60), min_size=5))


def test_huge_coordinates_and_thousands_of_points_are_read(assert_valid_digit):
    rng = np.random.default_rng(0)
    walk = np.cumsum(rng.normal(size=(5000, 2)), axis=0) * 1e12
    assert_valid_digit(strokes_to_digits([walk]))


def test_extreme_float_range_is_read(assert_valid_digit):
    assert_valid_digit(strokes_to_digits([[(-1e308, -1e308), (1e308, 1e308)]]))
    assert_valid_digit(strokes_to_digits([[(0.0, 0.0), (5e-324, 1e-323)]]))


def test_malformed_strokes_raise_value_error():
    with pytest.raises(ValueError, match="x, y"):
        strokes_to_digits([[(1, 2, 3), (4, 5, 6)]])


def test_ink_spans_the_full_height_and_about_20_px_of_width():
    # optdigits: ink touches the top and bottom rows; median width 20 px.
    bitmap = strokes_to_bitmap(circle(rx=2, ry=1.5))  # a wide ellipse
    rows = np.flatnonzero(bitmap.max(axis=1) > 0.5)
    columns = np.flatnonzero(bitmap.max(axis=0) > 0.5)
    assert rows[0] == 0 and rows[-1] == 31
    assert 18 <= columns[-1] - columns[0] + 1 <= 23


def test_a_zero_has_about_optdigits_amount_of_ink():
    # optdigits bitmaps have 312 of 1024 pixels inked on average.
    ink = strokes_to_bitmap(circle()).sum()
    assert 230 <= ink <= 400


def test_a_vertical_line_reads_like_load_digits_ones():
    digits = load_digits()
    class_means = np.stack([digits.images[digits.target == c].mean(axis=0) for c in range(10)])
    line = strokes_to_digits([[(50, 10), (50, 200)]])
    distances = np.abs(class_means - line).sum(axis=(1, 2))
    assert distances.argmin() == 1
    assert line.max(axis=0).sum() >= 2 * 14  # at least two full columns: thick, like theirs


def test_baseline_conversion_keeps_the_aspect_ratio():
    narrow = Conversion(keep_aspect=True, pen_width=2.0, min_ink_width=0)
    bitmap = strokes_to_bitmap(circle(rx=1, ry=3), conversion=narrow)
    columns = np.flatnonzero(bitmap.max(axis=0) > 0.5)
    assert columns[-1] - columns[0] + 1 <= 12


def test_bad_conversion_settings_are_refused():
    with pytest.raises(ValueError, match="max_stretch"):
        Conversion(max_stretch=0.5)


def test_a_drawing_turned_a_quarter_turn_clockwise_lies_on_its_side():
    """y points down, so a stroke going right (+x) turned by 90 degrees goes down (+y)."""
    packed = pack_drawings([[[(0.0, 0.0), (10.0, 0.0)]]])
    assert np.allclose(turned(packed, 90.0).points, [[0.0, 0.0], [0.0, 10.0]])
    assert np.allclose(turned(turned(packed, 6.0), -6.0).points, packed.points)


def test_where_a_drawing_turns_about_does_not_change_its_digits():
    """turned() turns about the origin: the same drawing far from it reads the same."""
    seven = [np.array([(0.0, 0.0), (60.0, 0.0), (25.0, 100.0)])]
    far = [stroke + (5000.0, -3000.0) for stroke in seven]
    near_bitmap, _ = packed_to_bitmaps(turned(pack_drawings([seven]), 6.0))
    far_bitmap, _ = packed_to_bitmaps(turned(pack_drawings([far]), 6.0))
    assert np.allclose(near_bitmap, far_bitmap, atol=1e-4)
    assert not np.allclose(near_bitmap, packed_to_bitmaps(pack_drawings([seven]))[0], atol=1e-2)

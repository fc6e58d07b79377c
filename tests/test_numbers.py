"""Several digits side by side: split, read left to right; one digit is never split."""

import functools
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from bpdraw import cli, numbers
from bpdraw.augment import load_pen_packed
from bpdraw.confidence import (
    DRAWING_SHARPNESS,
    NOT_SURE_MARGIN,
    PICTURE_NOT_SURE_MARGIN,
    calibrated,
    read_views,
)
from bpdraw.data import load_split
from bpdraw.images import picture_ink
from bpdraw.model import load_default
from bpdraw.numbers import (
    MOST_STROKES_TO_SHARE,
    READING_CONVERSIONS,
    READING_TURNS,
    cut_strokes,
    read_number,
    split_digits,
    stroke_cuts,
    stroke_split,
    strokes_to_views,
    touching_split,
)
from bpdraw.picture_reading import read_picture
from bpdraw.preprocess import NothingDrawn, pack_drawings, strokes_to_digits, turned


@functools.cache
def shipped_model():
    return load_default()


@functools.cache
def pen_digits():
    """The shipped pen digits as (list of drawings, each a list of strokes; labels)."""
    packed, labels, _ = load_pen_packed()
    drawings = []
    for first, last in zip(packed.sample_ptr[:-1], packed.sample_ptr[1:], strict=True):
        ptr = packed.stroke_ptr
        drawings.append([packed.points[ptr[s] : ptr[s + 1]] for s in range(first, last)])
    return drawings, labels


def a_clear(digit):
    """The first shipped pen drawing of `digit` that the shipped model reads right."""
    drawings, labels = pen_digits()
    model = shipped_model()
    for index in np.flatnonzero(labels == digit):
        if read_number(model, drawings[index]).digits == (digit,):
            return [np.asarray(stroke, dtype=float) for stroke in drawings[index]]
    raise AssertionError(f"no pen {digit} is read right")


def side_by_side(*drawings, gap=0.3):
    """Drawings scaled to one height (100) and placed left to right, `gap` heights apart."""
    placed, left = [], 0.0
    for strokes in drawings:
        points = np.concatenate(strokes)
        low, high = points.min(axis=0), points.max(axis=0)
        scale = 100 / (high[1] - low[1])
        placed += [(stroke - low) * scale + (left, 0) for stroke in strokes]
        left += (high[0] - low[0]) * scale + gap * 100
    return placed


def test_single_pen_digits_are_never_split():
    drawings, _ = pen_digits()
    whole = np.mean([len(split_digits(strokes)) == 1 for strokes in drawings])
    assert whole >= 0.995
    several_strokes = [strokes for strokes in drawings if len(strokes) > 1]
    assert len(several_strokes) > 700  # the rule is tested on 4s, 5s, 7s drawn in two strokes


def test_a_seven_with_its_crossbar_and_a_five_with_its_top_stay_whole():
    seven = [np.array([(0, 0), (60, 0), (20, 100)]), np.array([(15, 50), (55, 50)])]
    five = [np.array([(10, 0), (8, 45), (50, 50), (45, 95), (0, 90)]), np.array([(10, 0), (55, 2)])]
    assert len(split_digits(seven)) == 1
    assert len(split_digits(five)) == 1


def test_a_drawn_42_reads_42():
    number = read_number(shipped_model(), side_by_side(a_clear(4), a_clear(2)))
    assert number.text == "42"
    assert len(number.confidences) == 2


def test_each_digit_of_a_number_comes_with_the_8x8_and_the_strokes_it_was_read_from():
    four, two = a_clear(4), a_clear(2)
    number = read_number(shipped_model(), side_by_side(four, two))
    assert len(number.views) == 2
    parts = split_digits(side_by_side(four, two))
    for view, part, kept in zip(number.views, parts, number.parts, strict=True):
        assert np.array_equal(view, strokes_to_digits(part))  # the first reading conversion
        assert len(kept) == len(part) and all(map(np.array_equal, kept, part))  # its strokes
    assert not np.array_equal(number.views[0], number.views[1])
    one = read_number(shipped_model(), four)
    assert len(one.views) == 1 and np.array_equal(one.views[0], strokes_to_digits(four))


def test_a_one_next_to_a_digit_is_its_own_digit():
    one = [np.array([(0.0, 0.0), (0.0, 100.0)])]
    parts = split_digits(side_by_side(one, a_clear(5), gap=0.2))
    assert len(parts) == 2
    assert len(parts[0]) == 1 and np.ptp(parts[0][0][:, 0]) == 0


def test_digits_come_left_to_right_whatever_order_they_were_drawn_in():
    strokes = side_by_side(a_clear(5), a_clear(0), a_clear(7))
    reversed_order = strokes[::-1]
    assert read_number(shipped_model(), reversed_order).text == "507"


def test_nothing_drawn_is_still_nothing_drawn():
    assert split_digits([]) == []
    with pytest.raises(NothingDrawn):
        read_number(shipped_model(), [np.array([(1.0, 1.0)])])


def picture_of(strokes, pen=5):
    """A dark-on-light picture of strokes (y down), with a margin."""
    points = np.concatenate(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    size = (int(high[0] - low[0]) + 80, int(high[1] - low[1]) + 80)
    canvas = Image.new("L", size, 235)
    draw = ImageDraw.Draw(canvas)
    for stroke in strokes:
        draw.line([tuple(p - low + 40) for p in stroke], fill=20, width=pen, joint="curve")
    return canvas


def test_a_picture_of_42_reads_two_digits(tmp_path):
    path = tmp_path / "42.png"
    picture_of(side_by_side(a_clear(4), a_clear(2))).save(path)
    number = read_picture(shipped_model(), path)
    assert number.digits == (4, 2)


def test_predict_prints_one_digit_or_a_number(tmp_path, capsys):
    one, two = tmp_path / "four.png", tmp_path / "42.png"
    picture_of(side_by_side(a_clear(4))).save(one)
    picture_of(side_by_side(a_clear(4), a_clear(2))).save(two)
    assert cli.main(["predict", str(one), str(two)]) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert re.fullmatch(rf"{re.escape(str(one))}: 4 \(\d+%\)( not sure)?   0:\d\.\d\d( .*)?", first)
    assert re.fullmatch(rf"{re.escape(str(two))}: 42 \(\d+%, \d+%\)( not sure)?", second)


def test_predict_names_a_bad_file_and_reads_the_rest(tmp_path, capsys):
    bad, good = tmp_path / "notes.png", tmp_path / "four.png"
    bad.write_text("shopping list")
    picture_of(side_by_side(a_clear(4))).save(good)
    assert cli.main(["predict", str(bad), str(good)]) == 2
    captured = capsys.readouterr()
    unreadable = "it is not a picture bpdraw can read (PNG, JPEG, GIF, BMP, TIFF or WebP)"
    assert captured.err.strip() == f"{bad}: cannot read this image: {unreadable}"
    assert captured.out.startswith(f"{good}: 4 (")


def test_predict_reads_every_picture_in_a_folder_by_name(tmp_path, capsys):
    folder = tmp_path / "scans"
    folder.mkdir()
    picture_of(side_by_side(a_clear(4))).save(folder / "b.PNG")
    picture_of(side_by_side(a_clear(4), a_clear(2))).save(folder / "a.jpg")
    (folder / "notes.txt").write_text("not a picture")
    (folder / "inner.png").mkdir()  # a folder named like a picture is not read
    assert cli.main(["predict", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in lines] == [str(folder / "a.jpg"), str(folder / "b.PNG")]
    assert lines[0].split(": ")[1].startswith("42 (")


def test_predict_tells_why_an_iphones_heic_photo_in_a_folder_is_not_read(tmp_path, capsys):
    folder = tmp_path / "camera roll"
    folder.mkdir()
    picture_of(side_by_side(a_clear(4))).save(folder / "IMG_0001.PNG")
    (folder / "IMG_0002.HEIC").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    assert cli.main(["predict", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{folder / 'IMG_0001.PNG'}: 4 (")
    assert f"{folder / 'IMG_0002.HEIC'}: cannot read" in captured.err
    assert "HEIC photo" in captured.err and "JPEG" in captured.err


def test_predict_names_a_folder_without_pictures(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    picture_of(side_by_side(a_clear(4))).save(tmp_path / "four.png")
    assert cli.main(["predict", str(empty), str(tmp_path / "four.png")]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == f"{empty}: a folder with no pictures in it"
    assert captured.out.startswith(f"{tmp_path / 'four.png'}: 4 (")


# -- digits that touch ---------------------------------------------------------------------


def test_a_cut_splits_strokes_at_the_line_and_keeps_every_point():
    across = np.array([[0.0, 0.0], [10.0, 0.0]])
    zigzag = np.array([[0.0, 5.0], [6.0, 6.0], [2.0, 7.0], [8.0, 8.0]])  # crosses x=4 3 times
    left_only = np.array([[1.0, 1.0], [2.0, 3.0]])
    left, right = cut_strokes([across, zigzag, left_only], 4.0)
    np.testing.assert_allclose(left[0], [[0, 0], [4, 0]])
    np.testing.assert_allclose(right[0], [[4, 0], [10, 0]])
    assert len(left) == 1 + 2 + 1 and len(right) == 1 + 2
    assert all(piece[:, 0].max() <= 4 for piece in left)
    assert all(piece[:, 0].min() >= 4 for piece in right)
    np.testing.assert_array_equal(left[-1], left_only)
    kept = np.concatenate(left + right)
    for point in np.concatenate([across, zigzag, left_only]):  # no point is lost
        assert np.isclose(kept, point).all(axis=1).any()


def test_a_narrow_part_is_never_cut():
    one = a_clear(1)
    assert touching_split(shipped_model(), one) is None


def test_single_pen_digits_are_read_as_one_digit():
    """Cutting needs a reading that is not sure and halves that both are: none of the first
    400 shipped pen digits becomes two."""
    drawings, _ = pen_digits()
    model = shipped_model()
    assert all(len(read_number(model, strokes).readings) == 1 for strokes in drawings[:400])


@pytest.mark.parametrize(("first", "second"), [(161, 129), (59, 15), (80, 84)])
def test_touching_digits_are_cut_apart(first, second):
    drawings, labels = pen_digits()
    touching = side_by_side(drawings[first], drawings[second], gap=0.0)
    assert len(split_digits(touching)) == 1  # one part: the gap rule alone reads one digit
    assert read_number(shipped_model(), touching).text == f"{labels[first]}{labels[second]}"


@pytest.mark.parametrize(("first", "second"), [(2655, 2753), (2624, 820), (404, 1372)])
def test_touching_digits_read_surely_as_one_wide_digit_are_cut_apart(first, second):
    """A "10", a "62" and a "43" that touch read surely as one (wide) digit; being wide for
    one digit, each is tried for a cut, and its halves read surely enough."""
    drawings, labels = pen_digits()
    touching = side_by_side(drawings[first], drawings[second], gap=0.0)
    (part,) = split_digits(touching)
    as_one = read_views(shipped_model(), strokes_to_views(part), sharpness=DRAWING_SHARPNESS)
    assert not as_one.not_sure
    assert read_number(shipped_model(), touching).text == f"{labels[first]}{labels[second]}"


@pytest.mark.parametrize(("first", "second"), [(299, 2837), (2052, 604), (487, 1043), (2641, 3324)])
def test_overlapping_digits_are_parted_between_the_strokes_drawn_one_after_the_other(first, second):
    """Ink overlapping by 0.15 of the height: no vertical cut parts the two digits, the
    order the strokes were drawn in does; a picture's centre lines have no such order."""
    drawings, labels = pen_digits()
    overlapping = side_by_side(drawings[first], drawings[second], gap=-0.15)
    truth = f"{labels[first]}{labels[second]}"
    assert read_number(shipped_model(), overlapping).text == truth
    assert read_number(shipped_model(), overlapping, drawn=False).text != truth


@pytest.mark.parametrize("indices", [(1655, 1790, 2641, 3324, 121), (2619, 408, 3363, 3428, 1695)])
def test_five_overlapping_digits_drawn_one_after_the_other_are_read(indices):
    """Vertical cuts part at most three digits of one part; shared between strokes, a part
    gives up to six."""
    drawings, labels = pen_digits()
    overlapping = side_by_side(*(drawings[i] for i in indices), gap=-0.05)
    assert len(split_digits(overlapping)) == 1
    number = read_number(shipped_model(), overlapping)
    assert number.text == "".join(str(labels[i]) for i in indices)


@pytest.mark.parametrize("indices", [(1090, 3039, 1480), (435, 1586, 3417)])
def test_three_overlapping_digits_are_shared_out_one_side_at_a_time(indices, monkeypatch):
    """No way to share the strokes gives two sides that both read sure as one digit: the
    side wide enough for two digits is shared again in turn."""
    drawings, labels = pen_digits()
    overlapping = side_by_side(*(drawings[i] for i in indices), gap=-0.05)
    truth = "".join(str(labels[i]) for i in indices)
    assert read_number(shipped_model(), overlapping).text == truth
    monkeypatch.setattr(numbers, "FURTHER_SCORE", 0.0)  # both sides must read sure
    assert len(read_number(shipped_model(), overlapping).text) == 1


def test_a_digits_crossing_strokes_are_never_shared_between_two_digits():
    """A 7 with a bar across its stem and a 4 whose bar crosses its stem well past it give
    no stroke cut; two strokes side by side give one, also when drawn right to left."""
    four = [np.array([[40.0, 0], [0, 60], [75, 60]]), np.array([[45.0, 10], [45, 100]])]
    seven = [np.array([[0.0, 0], [60, 0], [20, 100]]), np.array([[10.0, 50], [60, 50]])]
    assert stroke_cuts(four, 100.0) == [] and stroke_cuts(seven, 100.0) == []
    one, zero = np.array([[80.0, 0], [80, 100]]), np.array([[0.0, 50], [30, 0], [60, 50]])
    ((left, right),) = stroke_cuts([one, zero], 100.0)
    assert np.array_equal(left[0], zero) and np.array_equal(right[0], one)


def test_a_part_of_many_strokes_is_not_shared_between_them():
    """Trying every way to share sixty strokes would stall the live reading: beyond
    MOST_STROKES_TO_SHARE strokes no stroke cut is tried."""
    bars = [np.array([[12.0 * i, 0], [12.0 * i + 3, 100]]) for i in range(MOST_STROKES_TO_SHARE)]
    assert len(stroke_cuts(bars, 100.0)) == MOST_STROKES_TO_SHARE - 1
    more = [*bars, np.array([[12.0 * len(bars), 0], [12.0 * len(bars), 100]])]
    assert stroke_cuts(more, 100.0) == []


def test_a_four_whose_bar_ends_just_past_its_stem_stays_one_digit():
    """Its strokes overlap little, so they are a possible cut; the halves do not both read
    sure, so the 4 stays whole."""
    four = [np.array([[40.0, 0], [0, 60], [60, 60]]), np.array([[45.0, 10], [45, 100]])]
    assert len(stroke_cuts(four, 100.0)) == 1
    assert stroke_split(shipped_model(), four) is None
    assert read_number(shipped_model(), four).text == "4"


def test_a_single_digit_is_not_shared_between_its_strokes():
    """Of the shipped pen digits drawn with two strokes or more and wide enough to be tried,
    none reads as two digits between its strokes."""
    drawings, _ = pen_digits()
    model = shipped_model()
    several = [strokes for strokes in drawings[:1500] if len(strokes) > 1]
    assert len(several) > 300
    assert all(stroke_split(model, strokes) is None for strokes in several)


def small_wide_scan(strokes, stretch):
    """A 56 x 28 scan of a drawing 18 px tall, stretched `stretch` times wider, 3 px ink."""
    points = np.concatenate(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    scan = Image.new("L", (56, 28), 255)
    draw = ImageDraw.Draw(scan)
    for stroke in strokes:
        placed = (stroke - low) * 18 / (high[1] - low[1]) * (stretch, 1) + (4, 5)
        draw.line([tuple(p) for p in placed], fill=0, width=3, joint="curve")
    return np.asarray(scan)


@pytest.mark.parametrize(("index", "stretch"), [(675, 2.4), (1079, 2.0)])
def test_a_wide_digit_in_a_small_scan_is_not_cut_when_it_reads_sure(index, stretch):
    """A small scan is most often one digit: its wide ink is cut only when unsure."""
    drawings, labels = pen_digits()
    scan = small_wide_scan(drawings[index], stretch)
    assert read_picture(shipped_model(), scan).text == str(labels[index])
    ink = picture_ink(scan)
    assert ink.scan and ink.small_digit() is None  # read from its centre lines, as a number
    cut = read_number(shipped_model(), ink.strokes(), wide_cuts=True, drawn=False)
    assert len(cut.readings) == 2  # what the wide-cut rule of drawings would make of it


def test_a_small_picture_is_not_sure_by_the_picture_margin():
    """A small picture is read from two unlike views (its ink, its centre lines): the one
    rule's margin for pictures, not the canvas's, says whether it is sure."""
    model = calibrated(shipped_model(), 6.0)  # a high temperature spreads the leads out
    between = 0
    for digit in load_split(0).images_test[:40]:
        scan = 255 - np.kron(digit, np.ones((4, 4))) * 255 / 16  # 32x32, dark on light
        reading = read_picture(model, scan.astype(np.uint8)).readings[0]
        lead = reading.confidence - reading.runner_up_confidence
        assert reading.not_sure == (lead < PICTURE_NOT_SURE_MARGIN or reading.not_a_digit)
        between += PICTURE_NOT_SURE_MARGIN <= lead < NOT_SURE_MARGIN and not reading.not_a_digit
    assert between > 0


def test_a_drawing_is_read_through_each_conversion_as_drawn_and_turned():
    drawings, _ = pen_digits()
    strokes = drawings[6]  # a 4 in two strokes
    views = strokes_to_views(strokes)
    assert views.shape == ((1 + len(READING_TURNS)) * len(READING_CONVERSIONS), 8, 8)
    for index, conversion in enumerate(READING_CONVERSIONS):
        assert np.array_equal(views[index], strokes_to_digits(strokes, conversion=conversion))
    packed = turned(pack_drawings([strokes]), READING_TURNS[0])
    ptr = packed.stroke_ptr
    turned_strokes = [packed.points[ptr[s] : ptr[s + 1]] for s in range(len(ptr) - 1)]
    assert len(turned_strokes) == len(strokes) > 1  # each stroke turned, none joined
    assert np.array_equal(views[len(READING_CONVERSIONS)], strokes_to_digits(turned_strokes))
    assert not np.array_equal(views[0], views[len(READING_CONVERSIONS)])


_coordinate = st.floats(min_value=-1e12, max_value=1e12) | st.sampled_from(
    [float("nan"), float("inf"), -float("inf")]
)
_any_strokes = st.lists(
    st.lists(st.tuples(_coordinate, _coordinate), max_size=30), min_size=0, max_size=5
)


@settings(max_examples=150, deadline=None)
@given(_any_strokes)
def test_any_drawing_gives_its_views_as_digits_or_nothing_drawn(strokes):
    """Huge, tiny, non-finite or empty strokes: every view is an 8x8 in 0-16, or the
    drawing is nothing drawn; the turned views never fail where the plain ones read."""
    try:
        views = strokes_to_views(strokes)
    except NothingDrawn:
        return
    assert views.shape[1:] == (8, 8) and len(views) >= len(READING_CONVERSIONS)
    assert views.dtype == np.int64 and views.min() >= 0 and views.max() <= 16


@pytest.mark.parametrize(("index", "digit"), [(838, 2), (2746, 7)])
def test_a_wide_digit_is_not_cut_where_its_halves_read_in_full_are_not_sure(index, digit):
    """Drawn half as wide again, this 2 and this 7 have a cut whose halves each read sure
    in one view (as two digits); read in full (every conversion and turn) the right half is
    not sure, so the cut does not stand and the digit stays one."""
    drawings, labels = pen_digits()
    assert labels[index] == digit
    wide = [np.asarray(stroke, dtype=float) * (1.5, 1.0) for stroke in drawings[index]]
    assert touching_split(shipped_model(), wide, confidence=0.99) is not None
    assert read_number(shipped_model(), wide).text == str(digit)

"""The Draw tab: real mouse drawing on the canvas, read by the shipped default model."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from bpdraw import inside
from bpdraw.app.draw_tab import DrawTab


class FixedModel:
    """Answers the same probabilities for any digit."""

    def __init__(self, probabilities):
        self.probabilities = np.asarray(probabilities, dtype=float)
        self.metadata = {}  # no temperature, no "not a digit" score: read as it answers

    def predict_proba(self, X):
        rows = len(np.asarray(X).reshape(-1, 64))
        return np.tile(self.probabilities, (rows, 1))


@pytest.fixture
def tab(shown, default_model):
    return shown(DrawTab(default_model), 860, 520)


def test_blank_canvas_predicts_nothing_and_asks_for_a_digit(tab):
    assert tab.prediction_label.text() == ""
    assert tab.prediction_status_label.text() == "Draw a digit"
    assert tab.probabilities() is None
    assert tab.digit_preview.digits() is None


# (centre_x, height) as fractions of the canvas: large and centred, small and off-centre.
PLACES = [(0.5, 0.7), (0.3, 0.25), (0.72, 0.4)]


@pytest.mark.parametrize(("centre_x", "height"), PLACES)
def test_vertical_line_reads_1(qtbot, tab, centre_x, height, drag, vertical_line):
    drag(tab.canvas, vertical_line(tab.canvas, centre_x, height))
    assert tab.prediction_label.text() == "1"


@pytest.mark.parametrize(("centre_x", "height"), PLACES)
def test_loop_reads_0(qtbot, tab, centre_x, height, drag, circle):
    drag(tab.canvas, circle(tab.canvas, centre_x, height))
    assert tab.prediction_label.text() == "0"


def test_prediction_shows_probabilities_and_what_the_network_sees(qtbot, tab, drag, vertical_line):
    drag(tab.canvas, vertical_line(tab.canvas))
    probabilities = tab.probabilities()
    assert probabilities.shape == (10,)
    assert 0.9 < probabilities.sum() <= 1.0 + 1e-9  # a digit's, at most 1 (its chance of one)
    assert np.array_equal(tab.probability_bars.probabilities(), probabilities)
    assert np.array_equal(tab.digit_preview.digits(), tab.canvas.to_digits())


def test_predicts_while_drawing_before_the_stroke_ends(qtbot, tab, vertical_line):
    points = [QPoint(round(x), round(y)) for x, y in vertical_line(tab.canvas)]
    qtbot.mousePress(tab.canvas, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(tab.canvas, point)
    qtbot.waitUntil(lambda: tab.prediction_label.text() != "", timeout=2000)
    assert len(tab.canvas.strokes()) == 1
    qtbot.mouseRelease(tab.canvas, Qt.MouseButton.LeftButton, pos=points[-1])


def test_while_the_pen_moves_the_plain_views_are_read_and_all_once_it_lifts(
    qtbot, tab, default_model, vertical_line
):
    """The live reading skips the turned views (a long stroke stays quick to follow); the
    reading when the pen lifts is the full one."""
    from bpdraw.confidence import DRAWING_SHARPNESS, read_views
    from bpdraw.numbers import strokes_to_views

    points = [QPoint(round(x), round(y)) for x, y in vertical_line(tab.canvas)]
    qtbot.mousePress(tab.canvas, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(tab.canvas, point)
    qtbot.waitUntil(lambda: tab.probabilities() is not None, timeout=2000)
    tab.update_prediction()  # the whole stroke so far, as the throttle would read it next
    plain = strokes_to_views(tab.canvas.strokes(), turned_views=False)
    assert len(plain) == 2
    assert np.allclose(tab.probabilities(), read_views(default_model, plain).probabilities)
    qtbot.mouseRelease(tab.canvas, Qt.MouseButton.LeftButton, pos=points[-1])
    every = strokes_to_views(tab.canvas.strokes())
    full = read_views(default_model, every, sharpness=DRAWING_SHARPNESS)
    assert np.allclose(tab.probabilities(), full.probabilities)
    assert not np.allclose(full.probabilities, read_views(default_model, plain).probabilities)


def test_undo_button_removes_the_last_stroke(qtbot, tab, drag, vertical_line):
    drag(tab.canvas, vertical_line(tab.canvas))
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    assert tab.canvas.strokes() == []
    # re-reading after undo waits for the next event-loop turn
    qtbot.waitUntil(lambda: tab.prediction_label.text() == "")
    assert tab.prediction_status_label.text() == "Draw a digit"


def test_clear_button_empties_the_canvas(qtbot, tab, drag, vertical_line, circle):
    drag(tab.canvas, circle(tab.canvas))
    drag(tab.canvas, vertical_line(tab.canvas))
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert tab.canvas.strokes() == []
    qtbot.waitUntil(lambda: tab.prediction_label.text() == "")


def test_unsure_names_the_two_likeliest_digits(qtbot, tab, drag, circle):
    probabilities = np.full(10, 0.25 / 8)
    probabilities[3], probabilities[8] = 0.4, 0.35
    tab.set_model(FixedModel(probabilities))
    drag(tab.canvas, circle(tab.canvas))
    assert tab.prediction_label.text() == "3"
    assert tab.prediction_status_label.text() == "Not sure — 3 or 8?"


def test_sure_answer_gives_its_confidence(qtbot, tab, drag, vertical_line):
    probabilities = np.full(10, 0.05 / 9)
    probabilities[7] = 0.95
    tab.set_model(FixedModel(probabilities))
    drag(tab.canvas, vertical_line(tab.canvas))
    assert tab.prediction_label.text() == "7"
    # every view reads 95 %; their average is sharpened by DRAWING_SHARPNESS (1.15): 0.976
    assert tab.prediction_status_label.text() == "98% sure"


def test_set_model_rereads_the_drawing(qtbot, tab, drag, vertical_line):
    drag(tab.canvas, vertical_line(tab.canvas))
    probabilities = np.full(10, 0.02 / 9)
    probabilities[4] = 0.98
    tab.set_model(FixedModel(probabilities))
    assert tab.prediction_label.text() == "4"


# --- teaching, coalesced re-reading, why this answer ---------------------------------------


@pytest.fixture
def store(tmp_path):
    from bpdraw.personal import SampleStore

    with SampleStore(tmp_path / "drawings.sqlite3") as opened:
        yield opened


@pytest.fixture
def teaching_tab(shown, default_model, store):
    return shown(DrawTab(default_model, store=store), 860, 560)


def test_teach_buttons_are_disabled_while_nothing_is_drawn(qtbot, teaching_tab, drag, circle):
    buttons = [teaching_tab.findChild(QPushButton, f"teachButton{d}") for d in range(10)]
    assert all(button is not None and not button.isEnabled() for button in buttons)
    drag(teaching_tab.canvas, circle(teaching_tab.canvas))
    assert all(button.isEnabled() for button in buttons)


def test_teach_button_keeps_the_raw_strokes_with_label_and_first_answer(
    qtbot, teaching_tab, store, drag, vertical_line
):
    canvas = teaching_tab.canvas
    drag(canvas, vertical_line(canvas))
    strokes = canvas.strokes()
    first_answer = int(teaching_tab.prediction_label.text())
    with qtbot.waitSignal(teaching_tab.drawing_taught) as taught:
        qtbot.mouseClick(teaching_tab.findChild(QPushButton, "teachButton7"), Qt.LeftButton)
    assert taught.args == [7, 1]
    (sample,) = store.samples()
    assert sample.label == 7 and sample.predicted == first_answer
    assert np.allclose(np.concatenate(sample.strokes), np.array(strokes[0]), atol=1e-6)
    assert canvas.is_blank()
    assert teaching_tab.teach_status_label.text() == "Kept as a 7 — your first drawing"


def test_teaching_while_a_number_is_read_says_the_whole_drawing_is_kept_as_one_digit(
    qtbot, teaching_tab, store, drag, vertical_line, circle
):
    """A single digit wrongly parted ("11" that is one 4) is taught as one digit: the button
    says so while a number is shown, and so does the confirmation."""
    canvas, four = teaching_tab.canvas, teaching_tab.findChild(QPushButton, "teachButton4")
    drag(canvas, vertical_line(canvas, 0.22, 0.6))
    assert "keep this drawing as a 4" in four.toolTip()
    drag(canvas, circle(canvas, 0.68, 0.6))
    assert teaching_tab.prediction_label.text() == "10"
    assert "whole drawing as one 4, not as a number" in four.toolTip()
    qtbot.mouseClick(four, Qt.LeftButton)
    (sample,) = store.samples()
    assert sample.label == 4 and len(sample.strokes) == 2  # both strokes, one digit
    assert teaching_tab.teach_status_label.text().startswith("Kept the whole drawing as one 4")
    qtbot.waitUntil(lambda: "keep this drawing as a 4" in four.toolTip())  # cleared: re-read


def test_digit_keys_on_the_canvas_teach_too(qtbot, teaching_tab, store, drag, circle):
    canvas = teaching_tab.canvas
    drag(canvas, circle(canvas))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    assert store.counts()[0] == 1 and len(store) == 1
    assert canvas.is_blank()


def test_undoing_501_strokes_converts_the_drawing_once(qtbot, tab, monkeypatch):
    strokes = [[(0.1 + 0.0015 * i, 0.2), (0.1 + 0.0015 * i, 0.8)] for i in range(501)]
    tab.canvas.set_strokes(strokes)
    qtbot.waitUntil(lambda: tab.prediction_label.text() != "")
    conversions = []
    original = tab.canvas.to_digits
    monkeypatch.setattr(tab.canvas, "to_digits", lambda: conversions.append(1) or original())
    for _ in range(501):
        tab.canvas.undo()
    assert tab.canvas.is_blank()
    qtbot.waitUntil(lambda: tab.prediction_label.text() == "")
    assert len(conversions) == 1


def test_why_toggle_shows_input_times_gradient_over_the_preview(
    qtbot, tab, default_model, drag, vertical_line
):
    from bpdraw.inside import attribution

    drag(tab.canvas, vertical_line(tab.canvas))
    toggle = tab.findChild(QPushButton, "attributionToggle")
    overlay = tab.attribution_overlay
    assert not overlay.isVisible()
    qtbot.mouseClick(toggle, Qt.LeftButton)
    assert overlay.isVisible()
    expected = attribution(default_model, tab.canvas.to_digits())
    assert np.allclose(overlay.attribution(), expected)
    assert "Input × gradient" in tab.preview_caption.text()
    drag(tab.canvas, [(60, 60), (200, 60)])  # the overlay follows the drawing
    assert np.allclose(overlay.attribution(), attribution(default_model, tab.canvas.to_digits()))
    qtbot.mouseClick(toggle, Qt.LeftButton)
    assert not overlay.isVisible()


def test_the_answer_follows_the_one_rule_of_bpdraw_confidence(
    qtbot, tab, default_model, drag, vertical_line
):
    from bpdraw.confidence import DRAWING_SHARPNESS, read_views
    from bpdraw.model import Model
    from bpdraw.numbers import strokes_to_views

    # a strong temperature flattens the probabilities: the tab shows the calibrated ones
    flattened = Model(default_model.network, {**default_model.metadata, "temperature": 8.0})
    tab.set_model(flattened)
    drag(tab.canvas, vertical_line(tab.canvas))
    views = strokes_to_views(tab.canvas.strokes())
    reading = read_views(flattened, views, sharpness=DRAWING_SHARPNESS)
    assert np.allclose(tab.probabilities(), reading.probabilities)
    assert reading.not_sure
    assert (
        tab.prediction_status_label.text() == f"Not sure — {reading.digit} or {reading.runner_up}?"
    )


def _on_canvas(canvas, points):
    """Points drawn on a 400 x 400 box (y down), scaled and centred onto the canvas."""
    side = min(canvas.width(), canvas.height())
    left, top = (canvas.width() - side) / 2, (canvas.height() - side) / 2
    return [(left + x * side / 400, top + y * side / 400) for x, y in points]


def _line(start, end, n=15):
    return [tuple(p) for p in np.linspace(np.asarray(start, float), np.asarray(end, float), n)]


# (strokes on a 400 box, the digit): a short flag up to the top of the stem, then the stem;
# the same on a foot; a 7 whose stem is crossed halfway down; a 0 slashed corner to corner
_RING = [(200 + 80 * np.sin(a), 200 - 130 * np.cos(a)) for a in np.linspace(0, 2 * np.pi, 40)]
STYLED = {
    "flagged 1": ([_line((180, 100), (220, 60)), _line((220, 60), (220, 340))], "1"),
    "flagged 1 on a foot": (
        [_line((180, 100), (220, 60)), _line((220, 60), (220, 340)), _line((170, 340), (270, 340))],
        "1",
    ),
    "slashed 0": ([_RING, _line((110, 350), (290, 50))], "0"),
    "crossed 7": (
        [_line((110, 70), (300, 70)) + _line((300, 70), (190, 340)), _line((160, 200), (290, 200))],
        "7",
    ),
}


@pytest.mark.parametrize("style", STYLED)
def test_styled_digits_drawn_with_the_mouse_read_right(qtbot, tab, drag, style):
    strokes, digit = STYLED[style]
    for stroke in strokes:
        drag(tab.canvas, _on_canvas(tab.canvas, stroke))
    assert len(tab.canvas.strokes()) == len(strokes)
    assert tab.prediction_label.text() == digit


def test_digits_side_by_side_read_as_a_number_with_each_confidence(
    qtbot, tab, drag, vertical_line, circle
):
    drag(tab.canvas, vertical_line(tab.canvas, 0.22, 0.6))
    drag(tab.canvas, circle(tab.canvas, 0.68, 0.6))
    assert tab.prediction_label.text() == "10"
    parts = tab.prediction_status_label.text().split(" · ")
    assert [part.split(":")[0] for part in parts] == ["1", "0"]
    assert all("%" in part for part in parts)
    assert tab.probabilities() is None  # ten bars belong to one digit, not to a number


def test_each_digit_of_a_number_is_inked_in_a_colour_of_its_own(
    qtbot, tab, drag, vertical_line, circle
):
    """Where the number was parted shows on the canvas: the 1 in the first colour, the 0 in
    the second; a new stroke or one digit alone brings the plain ink back."""
    from bpdraw.app.canvas import INK, MARKS

    def colour_at(x: float, y: float):
        return tab.canvas.grab().toImage().pixelColor(round(x), round(y))

    one, zero = vertical_line(tab.canvas, 0.22, 0.6), circle(tab.canvas, 0.68, 0.6)
    drag(tab.canvas, one)
    assert tab.canvas.marks() == []  # one digit: nothing to part
    drag(tab.canvas, zero)
    assert tab.prediction_label.text() == "10"
    first, second = tab.canvas.marks()
    assert max(x for stroke in first for x, _ in stroke) < min(x for s in second for x, _ in s)
    assert colour_at(*one[15]) == MARKS[0] and colour_at(*zero[0]) == MARKS[1]

    tab.canvas.undo()
    qtbot.waitUntil(lambda: tab.prediction_label.text() == "1")
    assert tab.canvas.marks() == [] and colour_at(*one[15]) == INK


def test_a_number_shows_each_digit_as_the_network_sees_it(
    qtbot, tab, drag, vertical_line, circle, tmp_path
):
    seen = []
    tab.digits_changed.connect(lambda digits, count: seen.append((digits, count)))
    tab.attribution_toggle.setChecked(True)
    drag(tab.canvas, vertical_line(tab.canvas, 0.22, 0.6))
    one_alone = tab.digit_preview.digits()
    assert one_alone.shape == (8, 8) and np.array_equal(seen[-1][0], one_alone)
    assert seen[-1][1] == 1
    assert tab.attribution_toggle.isEnabled() and tab.attribution_overlay.isVisible()
    drag(tab.canvas, circle(tab.canvas, 0.68, 0.6))
    assert tab.prediction_label.text() == "10"
    views = tab.digit_preview.digits()
    assert views.shape == (2, 8, 8)
    # the 1 as it was read alone, not the whole drawing squeezed into one 8x8
    assert np.array_equal(views[0], one_alone)
    assert views[1].sum() > 0 and not np.array_equal(views[1], one_alone)
    assert np.array_equal(seen[-1][0], views[0]) and seen[-1][1] == 2  # Inside: the first
    # Why? colours the digit chosen, at first the first, over its own tile
    overlay, preview = tab.attribution_overlay, tab.digit_preview
    assert tab.attribution_toggle.isEnabled() and overlay.isVisible()
    assert overlay.geometry() == preview.tile_rect(0).toAlignedRect()
    assert np.allclose(overlay.attribution(), inside.attribution(tab.model(), views[0]))
    assert "chosen digit" in tab.attribution_toggle.toolTip()
    # a click on the 0 chooses it: Why? and the Inside tab look at it
    qtbot.mouseClick(
        preview, Qt.MouseButton.LeftButton, pos=preview.tile_rect(1).center().toPoint()
    )
    assert preview.chosen() == 1
    assert np.array_equal(seen[-1][0], views[1]) and seen[-1][1] == 2
    assert overlay.geometry() == preview.tile_rect(1).toAlignedRect()
    assert np.allclose(overlay.attribution(), inside.attribution(tab.model(), views[1]))
    tab.grab().save(str(tmp_path / "number.png"))

    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.prediction_label.text() == "1", timeout=2000)
    assert tab.digit_preview.digits().shape == (8, 8)
    assert tab.attribution_toggle.isEnabled() and tab.attribution_overlay.isVisible()


def _touching_pair(first: int, second: int, overlap: float = 0.0) -> list[np.ndarray]:
    """Shipped pen digits `first` and `second`, the same height, the second's left edge on
    the first's right edge (their ink meets) or `overlap` heights left of it, fitted into
    the 400 x 400 box."""
    from bpdraw.augment import load_pen_packed

    packed, _, _ = load_pen_packed()
    placed, right_edge = [], 0.0
    for index in (first, second):
        strokes = [
            packed.points[packed.stroke_ptr[k] : packed.stroke_ptr[k + 1]].astype(float)
            for k in range(packed.sample_ptr[index], packed.sample_ptr[index + 1])
        ]
        points = np.concatenate(strokes)
        low, high = points.min(axis=0), points.max(axis=0)
        scale = 100.0 / (high[1] - low[1])
        left = right_edge - overlap * 100.0 if placed else 0.0
        placed += [(stroke - low) * scale + (left, 0.0) for stroke in strokes]
        right_edge = left + (high[0] - low[0]) * scale
    every = np.concatenate(placed)
    fit = 320.0 / np.ptp(every, axis=0).max()
    return [(stroke - every.min(axis=0)) * fit + 40.0 for stroke in placed]


@pytest.mark.parametrize(("first", "second", "number"), [(161, 129, "57"), (59, 15, "89")])
def test_touching_digits_are_cut_apart_and_read_as_a_number(
    qtbot, tab, drag, first, second, number
):
    """Two pen digits whose ink meets make one part; read as one digit it is not sure, so
    it is cut, and both halves read."""
    for stroke in _touching_pair(first, second):
        drag(tab.canvas, _on_canvas(tab.canvas, stroke))
    assert tab.prediction_label.text() == number


def test_overlapping_digits_drawn_one_after_the_other_are_read_as_a_number(qtbot, tab, drag):
    """A 6 and a 2 written so close that their ink overlaps: no vertical line parts them,
    but the strokes drawn before the 2 are the 6."""
    for stroke in _touching_pair(2052, 604, overlap=0.15):
        drag(tab.canvas, _on_canvas(tab.canvas, stroke))
    assert tab.prediction_label.text() == "62"
    assert [part.split(":")[0] for part in tab.prediction_status_label.text().split(" · ")] == [
        "6",
        "2",
    ]


def test_one_digit_of_several_strokes_is_not_read_as_a_number(qtbot, tab, drag):
    strokes, digit = STYLED["crossed 7"]
    for stroke in strokes:
        drag(tab.canvas, _on_canvas(tab.canvas, stroke))
    assert tab.prediction_label.text() == digit


def test_a_closed_draw_tab_is_freed_as_soon_as_it_is_dropped(
    freed_when_dropped, default_model, store
):
    """Qt held a lambda over the tab for each teach button, so a closed tab lived for good."""
    assert freed_when_dropped(lambda: DrawTab(default_model, store=store))

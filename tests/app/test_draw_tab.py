"""The Draw tab: real mouse drawing on the canvas, read by the shipped default model."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from bpdraw.app.draw_tab import DrawTab


class FixedModel:
    """Answers the same probabilities for any digit."""

    def __init__(self, probabilities):
        self.probabilities = np.asarray(probabilities, dtype=float)

    def predict_proba(self, X):
        return self.probabilities[np.newaxis, :]


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
    assert probabilities.sum() == pytest.approx(1.0)
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


def test_undo_button_removes_the_last_stroke(qtbot, tab, drag, vertical_line):
    drag(tab.canvas, vertical_line(tab.canvas))
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    assert tab.canvas.strokes() == []
    assert tab.prediction_label.text() == ""
    assert tab.prediction_status_label.text() == "Draw a digit"


def test_clear_button_empties_the_canvas(qtbot, tab, drag, vertical_line, circle):
    drag(tab.canvas, circle(tab.canvas))
    drag(tab.canvas, vertical_line(tab.canvas))
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    assert tab.canvas.strokes() == []
    assert tab.prediction_label.text() == ""


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
    assert tab.prediction_status_label.text() == "95% sure"


def test_set_model_rereads_the_drawing(qtbot, tab, drag, vertical_line):
    drag(tab.canvas, vertical_line(tab.canvas))
    probabilities = np.full(10, 0.02 / 9)
    probabilities[4] = 0.98
    tab.set_model(FixedModel(probabilities))
    assert tab.prediction_label.text() == "4"

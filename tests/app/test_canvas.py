"""The drawing widget, driven by real mouse events."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from bpdraw.app.canvas import Canvas


def drag(qtbot, widget, points) -> None:
    """Draw one stroke on `widget` through `points` (widget pixels) with the left button held."""
    points = [QPoint(round(x), round(y)) for x, y in points]
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(widget, point)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=points[-1])


def vertical_line(widget, centre_x: float = 0.5, height: float = 0.7, steps: int = 30):
    """A stroke down the widget at `centre_x`, `height` of the widget tall (fractions)."""
    x, top = widget.width() * centre_x, 0.5 - height / 2
    return [(x, widget.height() * (top + height * i / steps)) for i in range(steps + 1)]


def circle(widget, centre_x: float = 0.5, height: float = 0.66, steps: int = 48):
    """A closed loop, three quarters as wide as tall, centred at (`centre_x`, 0.5)."""
    side = min(widget.width(), widget.height())
    cx, cy = widget.width() * centre_x, widget.height() / 2
    return [
        (
            cx + 0.375 * height * side * math.sin(2 * math.pi * i / steps),
            cy - 0.5 * height * side * math.cos(2 * math.pi * i / steps),
        )
        for i in range(steps + 1)
    ]


@pytest.fixture
def canvas(qtbot):
    widget = Canvas()
    qtbot.addWidget(widget)
    widget.resize(280, 280)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_new_canvas_is_blank(canvas):
    assert canvas.strokes() == []
    assert canvas.to_digits() is None


def test_mouse_drag_records_one_stroke_in_sheet_fractions(qtbot, canvas):
    drag(qtbot, canvas, vertical_line(canvas))
    strokes = canvas.strokes()
    assert len(strokes) == 1
    xs, ys = np.array(strokes[0]).T
    assert len(strokes[0]) > 10
    assert np.allclose(xs, 0.5, atol=0.01)
    assert ys.min() == pytest.approx(0.15, abs=0.02)
    assert ys.max() == pytest.approx(0.85, abs=0.02)


def test_each_drag_is_a_stroke(qtbot, canvas):
    drag(qtbot, canvas, [(60, 60), (120, 60)])
    drag(qtbot, canvas, [(60, 120), (120, 120)])
    drag(qtbot, canvas, [(60, 180), (120, 180)])
    assert len(canvas.strokes()) == 3


def test_moving_without_button_draws_nothing(qtbot, canvas):
    qtbot.mouseMove(canvas, QPoint(50, 50))
    qtbot.mouseMove(canvas, QPoint(150, 150))
    assert canvas.strokes() == []


def test_right_button_draws_nothing(qtbot, canvas):
    qtbot.mousePress(canvas, Qt.MouseButton.RightButton, pos=QPoint(50, 50))
    qtbot.mouseRelease(canvas, Qt.MouseButton.RightButton, pos=QPoint(50, 50))
    assert canvas.strokes() == []


def test_drawing_emits_drawing_changed_and_stroke_finished(qtbot, canvas):
    changes = []
    canvas.drawing_changed.connect(lambda: changes.append(1))
    with qtbot.waitSignal(canvas.stroke_finished, timeout=1000):
        drag(qtbot, canvas, vertical_line(canvas))
    assert len(changes) >= 10  # live: one per point, not only at the end


def test_undo_removes_the_last_stroke(qtbot, canvas):
    drag(qtbot, canvas, [(60, 60), (120, 60)])
    drag(qtbot, canvas, [(60, 120), (120, 120)])
    first = canvas.strokes()[0]
    canvas.undo()
    assert canvas.strokes() == [first]
    canvas.undo()
    canvas.undo()  # undo on a blank canvas is harmless
    assert canvas.strokes() == []


def test_clear_removes_everything_and_signals(qtbot, canvas):
    drag(qtbot, canvas, vertical_line(canvas))
    with qtbot.waitSignal(canvas.drawing_changed, timeout=1000):
        canvas.clear()
    assert canvas.strokes() == []
    assert canvas.to_digits() is None


def test_set_strokes_round_trips(canvas):
    strokes = [[(0.2, 0.2), (0.8, 0.8)], [(0.8, 0.2), (0.2, 0.8)]]
    canvas.set_strokes(strokes)
    assert canvas.strokes() == strokes


def test_resizing_keeps_the_drawing(qtbot, canvas):
    drag(qtbot, canvas, circle(canvas))
    before = canvas.strokes()
    digits_before = canvas.to_digits()
    canvas.resize(500, 500)
    qtbot.waitUntil(lambda: canvas.width() == 500)
    assert canvas.strokes() == before
    assert np.array_equal(canvas.to_digits(), digits_before)


def test_same_drawing_at_any_size_gives_same_strokes(qtbot, canvas):
    drag(qtbot, canvas, [(56, 56), (224, 224)])
    small = np.array(canvas.strokes()[0])
    canvas.clear()
    canvas.resize(560, 560)
    qtbot.waitUntil(lambda: canvas.width() == 560)
    drag(qtbot, canvas, [(112, 112), (448, 448)])
    large = np.array(canvas.strokes()[0])
    assert np.allclose(small[[0, -1]], large[[0, -1]], atol=0.01)


def test_to_digits_is_what_the_network_receives(qtbot, canvas):
    drag(qtbot, canvas, vertical_line(canvas))
    digits = canvas.to_digits()
    assert digits.shape == (8, 8)
    assert np.issubdtype(digits.dtype, np.integer)
    assert digits.min() >= 0 and digits.max() <= 16
    assert digits.sum() > 0


def test_paints_ink_where_the_stroke_is(qtbot, canvas):
    drag(qtbot, canvas, vertical_line(canvas))
    image = canvas.grab().toImage()
    middle = image.pixelColor(140, 140)
    corner = image.pixelColor(40, 40)
    assert middle.lightness() < 80  # dark ink
    assert corner.lightness() > 200  # light paper


def test_a_click_is_nothing_drawn(qtbot, canvas):
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 140))
    assert len(canvas.strokes()) == 1
    assert canvas.to_digits() is None


def test_a_tiny_scribble_is_nothing_drawn(qtbot, canvas):
    drag(qtbot, canvas, [(100, 100), (102, 101), (103, 103)])
    assert len(canvas.strokes()) == 1
    assert canvas.to_digits() is None


def test_a_stroke_running_off_the_sheet_keeps_its_shape(qtbot, canvas):
    # a diagonal from the middle to beyond the bottom-right corner stays one straight line
    w, h = canvas.width(), canvas.height()
    drag(qtbot, canvas, [(w * 0.5 + i * w * 0.04, h * 0.5 + i * h * 0.04) for i in range(21)])
    (stroke,) = canvas.strokes()
    xs, ys = np.array(stroke).T
    assert xs.max() > 1.1 and ys.max() > 1.1
    assert np.allclose(np.diff(xs), np.diff(xs)[0], atol=0.01)
    assert np.allclose(xs - xs[0], ys - ys[0], atol=0.01)


def test_moves_without_buttons_between_press_and_release_still_draw(qtbot, canvas):
    # replayed drawings may send plain move events (no buttons) between press and release
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    def send(kind, x, y, button, buttons):
        point = QPointF(x, y)
        event = QMouseEvent(
            kind, point, canvas.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(canvas, event)

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(QEvent.Type.MouseButtonPress, 140, 40, left, left)
    for y in range(50, 240, 10):
        send(QEvent.Type.MouseMove, 140, y, none, none)
    send(QEvent.Type.MouseButtonRelease, 140, 240, left, none)
    (stroke,) = canvas.strokes()
    assert len(stroke) == 21
    send(QEvent.Type.MouseMove, 60, 60, none, none)  # hovering after the release draws nothing
    assert len(canvas.strokes()[0]) == 21

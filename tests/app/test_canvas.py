"""The drawing widget, driven by real mouse events."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from bpdraw.app import theme
from bpdraw.app.canvas import CHUNK_SEGMENTS, SNAPSHOT_EVERY, Canvas
from bpdraw.app.ink_path import PEN_WIDTH


def test_new_canvas_is_blank(canvas):
    assert canvas.strokes() == []
    assert canvas.to_digits() is None


def test_mouse_drag_records_one_stroke_in_sheet_fractions(qtbot, canvas, drag, vertical_line):
    drag(canvas, vertical_line(canvas))
    strokes = canvas.strokes()
    assert len(strokes) == 1
    xs, ys = np.array(strokes[0]).T
    assert len(strokes[0]) > 10
    assert np.allclose(xs, 0.5, atol=0.01)
    assert ys.min() == pytest.approx(0.15, abs=0.02)
    assert ys.max() == pytest.approx(0.85, abs=0.02)


def test_each_drag_is_a_stroke(qtbot, canvas, drag):
    drag(canvas, [(60, 60), (120, 60)])
    drag(canvas, [(60, 120), (120, 120)])
    drag(canvas, [(60, 180), (120, 180)])
    assert len(canvas.strokes()) == 3


def test_moving_without_button_draws_nothing(qtbot, canvas):
    qtbot.mouseMove(canvas, QPoint(50, 50))
    qtbot.mouseMove(canvas, QPoint(150, 150))
    assert canvas.strokes() == []


def test_right_button_draws_nothing(qtbot, canvas):
    qtbot.mousePress(canvas, Qt.MouseButton.RightButton, pos=QPoint(50, 50))
    qtbot.mouseRelease(canvas, Qt.MouseButton.RightButton, pos=QPoint(50, 50))
    assert canvas.strokes() == []


def test_drawing_emits_drawing_changed_and_stroke_finished(qtbot, canvas, drag, vertical_line):
    changes = []
    canvas.drawing_changed.connect(lambda: changes.append(1))
    with qtbot.waitSignal(canvas.stroke_finished, timeout=1000):
        drag(canvas, vertical_line(canvas))
    assert len(changes) >= 10  # live: one per point, not only at the end


def test_undo_removes_the_last_stroke(qtbot, canvas, drag):
    drag(canvas, [(60, 60), (120, 60)])
    drag(canvas, [(60, 120), (120, 120)])
    first = canvas.strokes()[0]
    canvas.undo()
    assert canvas.strokes() == [first]
    canvas.undo()
    canvas.undo()  # undo on a blank canvas is harmless
    assert canvas.strokes() == []


def test_clear_removes_everything_and_signals(qtbot, canvas, drag, vertical_line):
    drag(canvas, vertical_line(canvas))
    with qtbot.waitSignal(canvas.drawing_changed, timeout=1000):
        canvas.clear()
    assert canvas.strokes() == []
    assert canvas.to_digits() is None


def test_set_strokes_round_trips(canvas):
    strokes = [[(0.2, 0.2), (0.8, 0.8)], [(0.8, 0.2), (0.2, 0.8)]]
    canvas.set_strokes(strokes)
    assert canvas.strokes() == strokes


def test_resizing_keeps_the_drawing(qtbot, canvas, drag, circle):
    drag(canvas, circle(canvas))
    before = canvas.strokes()
    digits_before = canvas.to_digits()
    canvas.resize(500, 500)
    qtbot.waitUntil(lambda: canvas.width() == 500)
    assert canvas.strokes() == before
    assert np.array_equal(canvas.to_digits(), digits_before)


def test_same_drawing_at_any_size_gives_same_strokes(qtbot, canvas, drag):
    drag(canvas, [(56, 56), (224, 224)])
    small = np.array(canvas.strokes()[0])
    canvas.clear()
    canvas.resize(560, 560)
    qtbot.waitUntil(lambda: canvas.width() == 560)
    drag(canvas, [(112, 112), (448, 448)])
    large = np.array(canvas.strokes()[0])
    assert np.allclose(small[[0, -1]], large[[0, -1]], atol=0.01)


def test_to_digits_is_what_the_network_receives(qtbot, canvas, drag, vertical_line):
    drag(canvas, vertical_line(canvas))
    digits = canvas.to_digits()
    assert digits.shape == (8, 8)
    assert np.issubdtype(digits.dtype, np.integer)
    assert digits.min() >= 0 and digits.max() <= 16
    assert digits.sum() > 0


def test_paints_ink_where_the_stroke_is(qtbot, canvas, drag, vertical_line):
    drag(canvas, vertical_line(canvas))
    image = canvas.grab().toImage()
    middle = image.pixelColor(140, 140)
    corner = image.pixelColor(40, 40)
    assert middle.lightness() < 80  # dark ink
    assert corner.lightness() > 200  # light paper


def test_a_click_is_nothing_drawn(qtbot, canvas):
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(140, 140))
    assert len(canvas.strokes()) == 1
    assert canvas.to_digits() is None


def test_a_tiny_scribble_is_nothing_drawn(qtbot, canvas, drag):
    drag(canvas, [(100, 100), (102, 101), (103, 103)])
    assert len(canvas.strokes()) == 1
    assert canvas.to_digits() is None


def test_a_stroke_running_off_the_sheet_keeps_its_shape(qtbot, canvas, drag):
    # a diagonal from the middle to beyond the bottom-right corner stays one straight line
    w, h = canvas.width(), canvas.height()
    drag(canvas, [(w * 0.5 + i * w * 0.04, h * 0.5 + i * h * 0.04) for i in range(21)])
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


# --- painting: finished strokes come from a cached picture ------------------------------


def rgb(image: QImage) -> np.ndarray:
    """An image's pixels: (height, width, 3) RGB."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def pixels(widget) -> np.ndarray:
    """The widget as painted now."""
    return rgb(widget.grab().toImage())


def assert_same_pixels(actual: np.ndarray, expected: np.ndarray) -> None:
    assert actual.shape == expected.shape
    differing = int(np.count_nonzero((actual != expected).any(axis=2)))
    assert differing == 0, f"{differing} pixels differ"


def fresh_pixels(shown, size: QSize, strokes) -> np.ndarray:
    """The pixels of a new canvas of `size` given `strokes` at once (nothing cached before)."""
    other = shown(Canvas(), size.width(), size.height())
    other.set_strokes(strokes)
    return pixels(other)


def painted_stroke_by_stroke(shown, canvas: Canvas, strokes) -> np.ndarray:
    """What the canvas painted before it cached anything: the empty sheet, then each stroke
    as one smooth path (quadratic curves between the points' midpoints) in one go."""
    sheet_only = shown(Canvas(), canvas.width(), canvas.height())
    sheet_only.set_strokes([[(-10.0, -10.0)]])  # a dot far off the widget: no "Draw" hint
    image = sheet_only.grab().toImage()
    sheet = canvas.sheet_rect()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(theme.INK), PEN_WIDTH * sheet.width())
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for stroke in strokes:
        points = [
            QPointF(sheet.left() + x * sheet.width(), sheet.top() + y * sheet.width())
            for x, y in stroke
        ]
        path = QPainterPath(points[0])
        if len(points) == 1:
            path.lineTo(points[0] + QPointF(0.01, 0.0))
        for point, following in zip(points[1:-1], points[2:], strict=False):
            path.quadTo(point, (point + following) / 2)
        if len(points) > 1:
            path.lineTo(points[-1])
        painter.drawPath(path)
    painter.end()
    return rgb(image)


def spiral_pixels(widget, points: int, step: float = 3.0) -> list[tuple[float, float]]:
    """A spiral out from the widget's centre, about `step` pixels between points."""
    centre_x, centre_y = widget.width() / 2, widget.height() / 2
    result, angle = [], 0.0
    for index in range(points):
        radius = 10 + 100 * index / points
        result.append((centre_x + radius * math.cos(angle), centre_y + radius * math.sin(angle)))
        angle += step / radius
    return result


def test_cached_painting_gives_the_same_pixels_as_painting_each_stroke(
    qtbot, shown, canvas, drag, circle, vertical_line
):
    drag(canvas, circle(canvas, 0.4))
    drag(canvas, vertical_line(canvas, 0.75))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(60, 230))  # a dot
    assert len(canvas.strokes()) == 3
    assert_same_pixels(pixels(canvas), painted_stroke_by_stroke(shown, canvas, canvas.strokes()))

    # and while a stroke is still being drawn (button held)
    points = [QPoint(round(x), round(y)) for x, y in vertical_line(canvas, 0.25)]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(canvas, point)
    assert canvas.is_drawing()
    assert_same_pixels(pixels(canvas), painted_stroke_by_stroke(shown, canvas, canvas.strokes()))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1])


def test_a_long_stroke_painted_as_it_is_drawn_matches_it_painted_at_once(qtbot, shown, canvas):
    points = [QPoint(round(x), round(y)) for x, y in spiral_pixels(canvas, 3 * CHUNK_SEGMENTS)]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0])
    for index, point in enumerate(points[1:], start=1):
        qtbot.mouseMove(canvas, point)
        if index % 50 == 0:
            canvas.repaint()  # pieces move into the cached picture as the stroke grows
    assert len(canvas.strokes()[0]) > 2 * CHUNK_SEGMENTS + 2
    assert_same_pixels(pixels(canvas), fresh_pixels(shown, canvas.size(), canvas.strokes()))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1])
    assert_same_pixels(pixels(canvas), fresh_pixels(shown, canvas.size(), canvas.strokes()))


def test_undo_clear_and_resize_repaint_from_the_drawing_not_the_old_picture(
    qtbot, shown, canvas, drag, circle, vertical_line
):
    drag(canvas, circle(canvas, 0.35))
    drag(canvas, vertical_line(canvas, 0.75))
    both = pixels(canvas)

    canvas.undo()
    after_undo = pixels(canvas)
    assert not np.array_equal(after_undo, both)
    assert_same_pixels(after_undo, fresh_pixels(shown, canvas.size(), canvas.strokes()))

    canvas.resize(400, 400)
    qtbot.waitUntil(lambda: canvas.width() == 400)
    assert_same_pixels(pixels(canvas), fresh_pixels(shown, canvas.size(), canvas.strokes()))

    canvas.clear()
    assert_same_pixels(pixels(canvas), fresh_pixels(shown, canvas.size(), []))


def test_undoing_many_strokes_repaints_each_drawing_left(shown, canvas):
    strokes = [
        [(0.1 + 0.8 * (k % 7) / 7, 0.1 + 0.8 * (k % 11) / 11 + 0.01 * j) for j in range(5)]
        for k in range(3 * SNAPSHOT_EVERY + 5)
    ]
    canvas.set_strokes(strokes)
    canvas.repaint()
    for left in range(len(strokes) - 1, 0, -7):
        while len(canvas.strokes()) > left:
            canvas.undo()
            canvas.repaint()  # undo after undo, from the snapshots of the picture
        assert_same_pixels(pixels(canvas), fresh_pixels(shown, canvas.size(), strokes[:left]))

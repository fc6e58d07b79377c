"""Painting and drawing must not leak references to None.

PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None on every call to a
void-returning Qt method; after a few thousand paints None's count reaches zero and
CPython aborts with "Fatal Python error: none_dealloc". pyproject.toml excludes 6.12;
these tests catch such a binding in CI before a user does. The count is checked every
few rounds; on a leak the test run is stopped with the reason (`pytest.exit`), because
every later paint would bring the interpreter closer to the abort — measured with 6.12.0:
about 98 references per paint of the canvas, from a count of about 15,000.
(From CPython 3.12 None is immortal and its count never moves: the tests pass trivially.)
"""

from __future__ import annotations

import gc
import math
import sys
import threading

import PySide6
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from bpdraw.app.canvas import Canvas
from bpdraw.app.draw_tab import DrawTab

# A steady count wobbles by a few (caches, interned objects); a leak moves it by thousands.
TOLERANCE = 100
CHECK_EVERY = 10


class CountingCanvas(Canvas):
    paints = 0

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.paints += 1


def assert_none_count_steady(before: int, rounds_done: int) -> None:
    drift = sys.getrefcount(None) - before
    if abs(drift) > TOLERANCE:
        pytest.exit(
            f"references to None moved by {drift} after {rounds_done} rounds "
            f"(PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}): this Qt "
            "binding leaks references to None and will crash the app; install "
            "PySide6-Essentials<6.12 (see pyproject.toml)",
            returncode=1,
        )


def start_counting() -> int:
    """None's count once nothing else moves it: other Python threads (e.g. the app's
    background imports, started by an earlier test) finished, garbage collected."""
    for thread in threading.enumerate():
        # a QThread that ran Python (an earlier test's training) stays as a dummy: not joinable
        if thread is not threading.current_thread() and not isinstance(
            thread, threading._DummyThread
        ):
            thread.join(timeout=60)
    gc.collect()
    return sys.getrefcount(None)


def spiral(steps: int) -> list[tuple[float, float]]:
    return [
        (0.5 + 0.4 * (i / steps) * math.cos(i / 7), 0.5 + 0.4 * (i / steps) * math.sin(i / 7))
        for i in range(steps)
    ]


@pytest.fixture
def canvas(shown):
    return shown(CountingCanvas(), 280, 280)


def test_painting_thousands_of_times_keeps_none_steady(canvas):
    canvas.set_strokes([spiral(80), [(0.2, 0.2), (0.8, 0.8)], [(0.5, 0.5)]])
    for _ in range(3):  # warm up caches before counting
        canvas.repaint()
    before = start_counting()
    paints_before = canvas.paints
    for round_number in range(1, 5001):
        canvas.repaint()
        if round_number % CHECK_EVERY == 0:
            assert_none_count_steady(before, round_number)
    assert canvas.paints - paints_before == 5000
    assert_none_count_steady(before, 5000)


def test_grabbing_keeps_none_steady(canvas):
    canvas.set_strokes([spiral(100)])
    for _ in range(3):
        canvas.grab()
    before = start_counting()
    for round_number in range(1, 1001):
        canvas.grab()
        if round_number % CHECK_EVERY == 0:
            assert_none_count_steady(before, round_number)


def test_drawing_with_many_mouse_moves_keeps_none_steady(qtbot, shown, default_model):
    tab = shown(DrawTab(default_model), 860, 520)
    canvas = tab.canvas
    centre_x, centre_y = canvas.width() / 2, canvas.height() / 2
    radius = min(canvas.width(), canvas.height()) * 0.35

    def point(i: int) -> QPoint:
        angle = i / 40
        return QPoint(
            round(centre_x + radius * math.cos(angle)), round(centre_y + radius * math.sin(angle))
        )

    def stroke(moves_done: int, before: int | None = None) -> int:
        """One 200-move stroke; checks the count every CHECK_EVERY moves when `before` is set."""
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=point(0))
        for i in range(1, 201):
            qtbot.mouseMove(canvas, point(i))
            if i % CHECK_EVERY == 0:
                QApplication.processEvents()  # paint and predict, as a user would see
                if before is not None:
                    assert_none_count_steady(before, moves_done + i)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=point(200))
        canvas.clear()
        return moves_done + 200

    # The first strokes load the conversion and fill caches (measured: +589 then -116).
    stroke(0)
    stroke(0)
    before = start_counting()
    moves = 0
    while moves < 5000:
        moves = stroke(moves, before)
    assert_none_count_steady(before, moves)

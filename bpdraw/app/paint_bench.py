"""How long the canvas takes to paint a long stroke, and to undo many strokes.

A benchmark, not a test: `python -m bpdraw.app.paint_bench` prints the figures. A stroke is
drawn with real (synthetic) mouse events, so it is painted the way a person's stroke is:
while the button is held, and after it is released.
"""

from __future__ import annotations

import math
import os
import statistics
import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from bpdraw.app.canvas import Canvas

STROKE_POINTS = (5_000, 20_000)
CANVAS_PIXELS = 400
REPAINTS = 20  # each figure is the median of this many repaints
UNDO_STROKES = 501


@dataclass(frozen=True)
class PaintTiming:
    """Milliseconds per repaint of one stroke of `points` points."""

    points: int
    while_drawing_ms: float  # each repaint after one more mouse move, button held
    finished_ms: float  # a repaint after the release
    redraw_ms: float  # the first repaint after a resize (the whole stroke drawn again)


def spiral_point(index: int, points: int) -> tuple[float, float]:
    """Point `index` of a spiral of `points` points winding out from the sheet's centre
    (fractions of the side); consecutive points are far enough apart to be kept."""
    radius = 0.05 + 0.4 * index / points
    angle = index / (radius * 120)
    return 0.5 + radius * math.cos(angle), 0.5 + radius * math.sin(angle)


def _send(canvas: Canvas, kind: QEvent.Type, x: float, y: float, held: bool) -> None:
    position = canvas.sheet_rect().topLeft() + QPointF(x, y) * canvas.sheet_rect().width()
    left = Qt.MouseButton.LeftButton
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else left
    buttons = left if held else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        position,
        canvas.mapToGlobal(position),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas, event)


def _milliseconds(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure_stroke(canvas: Canvas, points: int) -> PaintTiming:
    """Draw a `points`-point stroke on `canvas` and time its repaints."""
    canvas.clear()
    _send(canvas, QEvent.Type.MouseButtonPress, *spiral_point(0, points), held=True)
    for index in range(1, points - REPAINTS):
        _send(canvas, QEvent.Type.MouseMove, *spiral_point(index, points), held=True)
    canvas.repaint()  # the pieces drawn so far go into the picture once
    drawing = []
    for index in range(points - REPAINTS, points):
        _send(canvas, QEvent.Type.MouseMove, *spiral_point(index, points), held=True)
        drawing.append(_milliseconds(canvas.repaint))
    _send(canvas, QEvent.Type.MouseButtonRelease, *spiral_point(points - 1, points), held=False)
    canvas.repaint()
    finished = [_milliseconds(canvas.repaint) for _ in range(REPAINTS)]
    size = canvas.size()
    canvas.resize(size.width() + 1, size.height() + 1)
    canvas.resize(size)
    redraw = _milliseconds(canvas.repaint)
    return PaintTiming(points, statistics.median(drawing), statistics.median(finished), redraw)


def measure_undo(canvas: Canvas, strokes: int = UNDO_STROKES) -> float:
    """Seconds to undo `strokes` 20-point strokes one at a time, repainting after each."""
    canvas.set_strokes(
        [
            [(0.1 + 0.8 * (k % 23) / 23, 0.1 + 0.8 * (k % 29) / 29 + j * 0.003) for j in range(20)]
            for k in range(strokes)
        ]
    )
    canvas.repaint()
    start = time.perf_counter()
    for _ in range(strokes):
        canvas.undo()
        canvas.repaint()
    return time.perf_counter() - start


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    canvas = Canvas()
    canvas.resize(CANVAS_PIXELS, CANVAS_PIXELS)
    canvas.show()
    app.processEvents()
    print(f"Canvas paint times, {CANVAS_PIXELS}x{CANVAS_PIXELS} pixels (median of {REPAINTS}):")
    for points in STROKE_POINTS:
        timing = measure_stroke(canvas, points)
        print(
            f"  {points:>6,}-point stroke: {timing.while_drawing_ms:6.2f} ms while drawing, "
            f"{timing.finished_ms:6.2f} ms finished, "
            f"{timing.redraw_ms:6.1f} ms redrawn after a resize"
        )
    print(f"  undo {UNDO_STROKES} strokes, repainting after each: {measure_undo(canvas):.2f} s")
    canvas.close()


if __name__ == "__main__":
    main()

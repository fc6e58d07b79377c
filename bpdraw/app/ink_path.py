"""How the canvas inks a stroke: a round pen, and the smooth path through the stroke's points
(in fractions of the sheet's side), which can be painted piece by piece."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from bpdraw.app import theme

Stroke = Sequence[tuple[float, float]]

# Pen width as a fraction of the sheet's side: about what a marker on paper looks like.
PEN_WIDTH = 0.045
INK = QColor(theme.INK)


def set_ink_pen(painter: QPainter, sheet: QRectF) -> None:
    """The canvas's round ink pen, PEN_WIDTH of the sheet's side wide, and no brush."""
    pen = QPen(INK, PEN_WIDTH * sheet.width())
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def stroke_path(
    stroke: Stroke, sheet: QRectF, first: int, end: int, *, to_end: bool = True
) -> QPainterPath:
    """Pieces `first` to `end - 1` of the smooth path through a stroke.

    The whole path starts at the first point, has one quadratic curve per inner point i
    (through it, from the midpoint before it to the midpoint after it) and a line to the
    last point (`to_end`). Painted piece by piece it joins up exactly at the midpoints.
    """
    side, left, top = sheet.width(), sheet.left(), sheet.top()

    def point(index: int) -> QPointF:
        x, y = stroke[index]
        return QPointF(left + x * side, top + y * side)

    if len(stroke) == 1:
        # A dot: a tiny segment, drawn as a round blob by the round cap.
        path = QPainterPath(point(0))
        path.lineTo(point(0) + QPointF(0.01, 0.0))
        return path
    previous = point(first - 1)
    current = point(first) if first < len(stroke) else previous
    path = QPainterPath(previous if first == 1 else (previous + current) / 2)
    for index in range(first, end):
        following = point(index + 1)
        path.quadTo(current, (current + following) / 2)
        current = following
    if to_end:
        path.lineTo(point(len(stroke) - 1))
    return path

"""A drawing kept as strokes, painted small (thumbnails) or large, fitted to its box.

Stored drawings come at any scale (the canvas keeps fractions of its sheet, imported files
keep pen coordinates), so each is fitted by its own bounds, keeping its proportions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from bpdraw.app import theme

THUMBNAIL_PIXELS = 56


def paint_strokes(painter: QPainter, rect: QRectF, strokes: Sequence[np.ndarray]) -> None:
    """Paint a drawing (strokes of x, y points, y down, any scale) fitted into `rect`."""
    painter.fillRect(rect, QColor(theme.PAPER))
    kept = [np.asarray(stroke, float) for stroke in strokes if len(stroke)]
    if not kept:
        return
    points = np.concatenate(kept)
    low, high = points.min(axis=0), points.max(axis=0)
    extent = max(float((high - low).max()), 1e-9)
    margin = rect.width() * 0.12
    scale = (min(rect.width(), rect.height()) - 2 * margin) / extent
    offset = np.array([rect.center().x(), rect.center().y()]) - (low + high) / 2 * scale
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(theme.INK), max(1.5, rect.width() / 22))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for stroke in kept:
        placed = stroke * scale + offset
        if len(placed) == 1:
            painter.drawPoint(QPointF(*placed[0]))
            continue
        path = QPainterPath(QPointF(*placed[0]))
        for x, y in placed[1:]:
            path.lineTo(x, y)
        painter.drawPath(path)


def strokes_pixmap(strokes: Sequence[np.ndarray], size: int = THUMBNAIL_PIXELS) -> QPixmap:
    """A drawing as a `size` x `size` thumbnail with a thin frame."""
    pixmap = QPixmap(size, size)
    painter = QPainter(pixmap)
    paint_strokes(painter, QRectF(0, 0, size, size), strokes)
    painter.setPen(QPen(QColor(theme.THUMBNAIL_FRAME), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
    painter.end()
    return pixmap


class StrokesView(QWidget):
    """One drawing, large, as it was drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selectedDrawing")
        self.setFixedSize(180, 180)
        self._strokes: list[np.ndarray] = []

    def strokes(self) -> list[np.ndarray]:
        return [stroke.copy() for stroke in self._strokes]

    def set_strokes(self, strokes: Sequence[np.ndarray]) -> None:
        self._strokes = [np.asarray(stroke, float) for stroke in strokes]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_strokes(painter, QRectF(self.rect()), self._strokes)
        painter.setPen(QPen(QColor(theme.BORDER), 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

"""The drawing widget: a square sheet the user draws a digit on with the mouse.

The canvas owns its drawing as strokes — lists of (x, y) points in fractions of the
sheet's side (0 at the top-left, 1 at the bottom-right, y downwards) — and repaints
from them, so a drawing survives resizing, can be undone stroke by stroke, and is
converted with exactly the same code at any widget size.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from bpdraw.app import theme
from bpdraw.preprocess import NothingDrawn, strokes_to_digits

Point = tuple[float, float]
Stroke = list[Point]

# Pen width as a fraction of the sheet's side: about what a marker on paper looks like.
PEN_WIDTH = 0.045
# A new point is kept only if it moved this far (fraction of the side) from the last one.
MIN_POINT_DISTANCE = 0.004
# A drawing smaller than this both ways (fraction of the side) is a slip, not a digit.
MIN_DRAWING_SIZE = 0.02

PAPER = QColor(theme.PAPER)
BORDER = QColor(theme.BORDER)
GUIDE = QColor(theme.GUIDE)
INK = QColor(theme.INK)
HINT = QColor(theme.HINT)


class Canvas(QWidget):
    """A square sheet to draw a digit on; keeps the drawing as strokes.

    Signals:
        drawing_changed: any change to the drawing (a point added, undo, clear, set_strokes).
        stroke_finished: the mouse button was released at the end of a stroke.
    """

    drawing_changed = Signal()
    stroke_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.CrossCursor)
        # move events with no button held must reach mouseMoveEvent too (see there)
        self.setMouseTracking(True)
        self.setMinimumSize(160, 160)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip("Draw a digit with the mouse")
        self._strokes: list[Stroke] = []
        self._drawing = False  # a stroke is in progress (left button held)

    # --- the drawing -------------------------------------------------------------------

    def strokes(self) -> list[Stroke]:
        """The drawing: a copy of the strokes, points in fractions of the sheet's side."""
        return [list(stroke) for stroke in self._strokes]

    def set_strokes(self, strokes: Sequence[Sequence[Sequence[float]]]) -> None:
        """Replace the drawing. Points are fractions of the side (0–1, y downwards)."""
        self._drawing = False
        self._strokes = [
            [(float(x), float(y)) for x, y in stroke] for stroke in strokes if len(stroke) > 0
        ]
        self._changed()

    def is_blank(self) -> bool:
        return not self._strokes

    def is_drawing(self) -> bool:
        """True while a stroke is being drawn (the left button is held)."""
        return self._drawing

    def clear(self) -> None:
        """Remove every stroke."""
        self._drawing = False
        if self._strokes:
            self._strokes = []
            self._changed()

    def undo(self) -> None:
        """Remove the last stroke (including one still being drawn)."""
        self._drawing = False
        if self._strokes:
            self._strokes.pop()
            self._changed()

    def to_digits(self) -> np.ndarray | None:
        """The (8, 8) int array 0–16 the network receives, or None when nothing is drawn."""
        if not self._strokes:
            return None
        try:
            return strokes_to_digits(self._strokes, min_size=MIN_DRAWING_SIZE)
        except NothingDrawn:
            return None

    # --- geometry ----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def sheet_rect(self) -> QRectF:
        """The square drawing area: the largest square centred in the widget, less a margin."""
        margin = 4.0
        side = max(1.0, min(self.width(), self.height()) - 2 * margin)
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_sheet(self, position: QPointF) -> Point:
        """Widget pixels → fractions of the sheet's side.

        Not clamped: a stroke that runs off the sheet keeps its shape (the conversion does
        not care where the drawing is), instead of being flattened against the edge.
        """
        sheet = self.sheet_rect()
        x = (position.x() - sheet.left()) / sheet.width()
        y = (position.y() - sheet.top()) / sheet.height()
        return (x, y)

    # --- mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._drawing = True
        self._strokes.append([self._to_sheet(event.position())])
        self._changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # Moves count while a stroke is open. Some synthetic move events (replayed drawings,
        # accessibility tools) carry no buttons at all; only another button held means the
        # move is not part of the stroke.
        buttons = event.buttons()
        if not self._drawing or (buttons and not buttons & Qt.MouseButton.LeftButton):
            return
        point = self._to_sheet(event.position())
        stroke = self._strokes[-1]
        last_x, last_y = stroke[-1]
        if np.hypot(point[0] - last_x, point[1] - last_y) < MIN_POINT_DISTANCE:
            return
        stroke.append(point)
        self._changed()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # Qt also delivers the press of a double click; a quick second stroke is just a stroke.
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._drawing:
            return
        self._drawing = False
        point = self._to_sheet(event.position())
        if point != self._strokes[-1][-1]:
            self._strokes[-1].append(point)
            self._changed()
        self.stroke_finished.emit()

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())

        sheet = self.sheet_rect()
        painter.setPen(QPen(BORDER, 1.0))
        painter.setBrush(PAPER)
        painter.drawRoundedRect(sheet.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        self._paint_guide(painter, sheet)
        if self._strokes:
            self._paint_strokes(painter, sheet)
        else:
            self._paint_hint(painter, sheet)
        painter.end()

    def _paint_guide(self, painter: QPainter, sheet: QRectF) -> None:
        """A faint centre cross: helps people draw in the middle (the conversion doesn't care)."""
        painter.setPen(QPen(GUIDE, 1.0, Qt.PenStyle.DashLine))
        centre, inset = sheet.center(), sheet.width() * 0.15
        painter.drawLine(
            QPointF(centre.x(), sheet.top() + inset), QPointF(centre.x(), sheet.bottom() - inset)
        )
        painter.drawLine(
            QPointF(sheet.left() + inset, centre.y()), QPointF(sheet.right() - inset, centre.y())
        )

    def _paint_hint(self, painter: QPainter, sheet: QRectF) -> None:
        painter.setPen(HINT)
        font = painter.font()
        font.setPixelSize(max(12, round(sheet.width() / 32)))
        painter.setFont(font)
        painter.drawText(
            sheet.adjusted(0, 0, 0, -sheet.height() * 0.06),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            "Draw a digit here",
        )

    def _paint_strokes(self, painter: QPainter, sheet: QRectF) -> None:
        side = sheet.width()
        pen = QPen(INK, PEN_WIDTH * side)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self._strokes:
            painter.drawPath(self._stroke_path(stroke, sheet))

    @staticmethod
    def _stroke_path(stroke: Stroke, sheet: QRectF) -> QPainterPath:
        """A smooth path through a stroke: quadratic curves between the points' midpoints."""
        side, left, top = sheet.width(), sheet.left(), sheet.top()
        points = [QPointF(left + x * side, top + y * side) for x, y in stroke]
        path = QPainterPath(points[0])
        if len(points) == 1:
            # A dot: a tiny segment, drawn as a round blob by the round cap.
            path.lineTo(points[0] + QPointF(0.01, 0.0))
            return path
        for point, following in zip(points[1:-1], points[2:], strict=False):
            path.quadTo(point, (point + following) / 2)
        path.lineTo(points[-1])
        return path

    def _changed(self) -> None:
        self.update()
        self.drawing_changed.emit()

"""The drawing widget: a square sheet the user draws a digit on with the mouse.

The canvas owns its drawing as strokes — lists of (x, y) points in fractions of the sheet's
side (0 at the top-left, 1 at the bottom-right, y downwards) — and repaints from them, so a
drawing survives resizing, can be undone stroke by stroke, and is converted with exactly the
same code at any widget size. It can show a picture instead (the Draw tab reading a photo or
scan; drawing, Clear or Undo puts it away), and ink each digit of a number in a colour.

Painting cost is bounded: the sheet and the finished strokes are painted from a cached picture
(canvas_cache.py), so a paint costs about the same however much is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from bpdraw.app import theme
from bpdraw.app.canvas_cache import CHUNK_SEGMENTS as CHUNK_SEGMENTS  # tests import these here
from bpdraw.app.canvas_cache import SNAPSHOT_EVERY as SNAPSHOT_EVERY
from bpdraw.app.canvas_cache import PaintCacheMixin
from bpdraw.app.ink_path import set_ink_pen, stroke_path
from bpdraw.preprocess import NothingDrawn, strokes_to_digits

Point = tuple[float, float]
Stroke = list[Point]

# A new point is kept only if it moved this far (fraction of the side) from the last one.
MIN_POINT_DISTANCE = 0.004
# A drawing smaller than this both ways (fraction of the side) is a slip, not a digit.
MIN_DRAWING_SIZE = 0.02

INK = QColor(theme.INK)
HINT = QColor(theme.HINT)
MARKS = (QColor(theme.ACCENT), QColor(theme.VALIDATION_CURVE))  # a number's digits, in turn
PICTURE_MARK_WIDTH = 0.25  # of the pen's, for the centre lines read in a picture


class Canvas(PaintCacheMixin, QWidget):
    """A square sheet to draw a digit on; keeps the drawing as strokes.

    Signals:
        drawing_changed: any change to the drawing (a point added, undo, clear, set_strokes,
            a picture shown or put away).
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
        self.setToolTip(self.tr("Draw a digit with the mouse"))
        self._strokes: list[Stroke] = []
        self._drawing = False  # a stroke is in progress (left button held)
        # The cached picture (canvas_cache.py): sheet, guide, the first `_pictured_strokes` strokes
        # and the first `_pictured_segments` curve pieces of the next one (the stroke in progress).
        self._picture: QImage | None = None
        self._picture_stale = True  # it no longer shows the beginning of the drawing
        self._pictured_strokes = 0
        self._pictured_segments = 0
        self._snapshots: dict[int, QImage] = {}  # stroke count -> picture with that many
        self._shown: QImage | None = None  # a picture shown instead of a drawing
        self._marks: list[list[Stroke]] = []  # see set_marks

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
        self._forget_picture()
        self._changed()

    def set_picture(self, image: QImage | None) -> None:
        """Show ``image`` on the sheet instead of the drawing (None: put it away)."""
        self._drawing = False
        self._strokes = []
        self._shown = None if image is None or image.isNull() else image
        self._forget_picture()
        self._changed()

    def set_marks(self, parts: Sequence[Sequence[Sequence[Sequence[float]]]]) -> None:
        """Ink each part (strokes, points in fractions of the side) in a colour of its own: the
        digits a number was read as (`marks()` gives them back). A drawing change drops them."""
        self._marks = [[[(float(x), float(y)) for x, y in piece] for piece in p] for p in parts]
        self.update()

    def marks(self) -> list[list[Stroke]]:
        return [[list(piece) for piece in part] for part in self._marks]

    def picture(self) -> QImage | None:
        """The picture shown instead of a drawing, or None."""
        return self._shown

    def is_blank(self) -> bool:
        return not self._strokes and self._shown is None

    def is_drawing(self) -> bool:
        """True while a stroke is being drawn (the left button is held)."""
        return self._drawing

    def clear(self) -> None:
        """Remove every stroke, or the picture shown."""
        self._drawing = False
        if not self.is_blank():
            self._strokes, self._shown = [], None
            self._forget_picture()
            self._changed()

    def undo(self) -> None:
        """Remove the last stroke (including one still being drawn), or the picture shown."""
        self._drawing = False
        if self._strokes:
            self._strokes.pop()
            self._forget_picture(keep_snapshots_up_to=len(self._strokes))
            self._changed()
        elif self._shown is not None:
            self.clear()

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

    def _picture_target(self, sheet: QRectF) -> QRectF:
        """Where the picture shown is drawn: as large as fits inside the sheet's margin,
        undistorted."""
        inner = sheet.adjusted(*(sheet.width() * f for f in (0.04, 0.04, -0.04, -0.04)))
        size = self._shown.size().scaled(inner.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(QPointF(0, 0), QSizeF(size))
        target.moveCenter(inner.center())
        return target

    def on_picture(self, points: np.ndarray) -> np.ndarray:
        """(x, y) pixels of the picture shown -> where they are drawn, in fractions of the
        sheet's side (as strokes and marks are given)."""
        sheet = self.sheet_rect()
        target = self._picture_target(sheet)
        scale = target.width() / self._shown.width()
        corner = np.array([target.left() - sheet.left(), target.top() - sheet.top()])
        return (np.asarray(points, dtype=np.float64) * scale + corner) / sheet.width()

    # --- mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._drawing = True
        if self._shown is not None:  # drawing starts again on an empty sheet
            self._shown = None
            self._forget_picture()
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
        picture = self._up_to_date_picture()
        painter = QPainter(self)
        painter.drawImage(QPointF(0, 0), picture)
        sheet = self.sheet_rect()
        if self._drawing:
            # the stroke in progress: only the pieces not yet in the picture
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            set_ink_pen(painter, sheet)
            stroke = self._strokes[-1]
            painter.drawPath(
                stroke_path(stroke, sheet, self._pictured_segments + 1, len(stroke) - 1)
            )
        elif self.is_blank():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_hint(painter, sheet)
        elif self._marks:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_marks(painter, sheet)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._forget_picture()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # the window colour and the hint's words are in the picture
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self.setToolTip(self.tr("Draw a digit with the mouse"))
            self._forget_picture()
            self.update()
        super().changeEvent(event)

    def _paint_marks(self, painter: QPainter, sheet: QRectF) -> None:
        """Each digit of a number inked again in the colours of MARKS, in turn (over a
        picture, thinner: its centre lines as read)."""
        set_ink_pen(painter, sheet)
        pen = painter.pen()
        if self._shown is not None:
            pen.setWidthF(pen.widthF() * PICTURE_MARK_WIDTH)
        for index, part in enumerate(self._marks):
            pen.setColor(MARKS[index % len(MARKS)])
            painter.setPen(pen)
            for piece in filter(None, part):
                painter.drawPath(stroke_path(piece, sheet, 1, len(piece) - 1))

    def _paint_hint(self, painter: QPainter, sheet: QRectF) -> None:
        painter.setPen(HINT)
        font = painter.font()
        font.setPixelSize(max(12, round(sheet.width() / 32)))
        painter.setFont(font)
        inset = sheet.width() * 0.05
        painter.drawText(
            sheet.adjusted(inset, 0, -inset, -sheet.height() * 0.06),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
            self.tr("Draw a digit here, or drop a picture of one"),
        )

    def _changed(self) -> None:
        self._marks = []
        self.update()
        self.drawing_changed.emit()

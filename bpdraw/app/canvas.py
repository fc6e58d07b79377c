"""The drawing widget: a square sheet the user draws a digit on with the mouse.

The canvas owns its drawing as strokes — lists of (x, y) points in fractions of the sheet's
side (0 at the top-left, 1 at the bottom-right, y downwards) — and repaints from them, so a
drawing survives resizing, can be undone stroke by stroke, and is converted with exactly the
same code at any widget size. It can show a picture instead (the Draw tab reading a photo or
scan; drawing, Clear or Undo puts it away), and ink each digit of a number in a colour.

Painting cost is bounded: finished strokes live in a cached picture (redrawn only after a
resize, undo, clear or set_strokes, from a snapshot kept every `SNAPSHOT_EVERY` strokes), and
a stroke in progress moves into it `CHUNK_SEGMENTS` curve pieces at a time.
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
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from bpdraw.app import theme
from bpdraw.app.ink_path import set_ink_pen, stroke_path
from bpdraw.preprocess import NothingDrawn, strokes_to_digits

Point = tuple[float, float]
Stroke = list[Point]

# A new point is kept only if it moved this far (fraction of the side) from the last one.
MIN_POINT_DISTANCE = 0.004
# A drawing smaller than this both ways (fraction of the side) is a slip, not a digit.
MIN_DRAWING_SIZE = 0.02

# A stroke is painted as paths of at most this many curve pieces (one piece per point), so a
# stroke in progress costs one short path per paint however long it grows.
CHUNK_SEGMENTS = 256
# The cached picture is copied after every this many finished strokes (at most MAX_SNAPSHOTS
# copies, the latest kept), so undoing many strokes redraws only a few each time.
SNAPSHOT_EVERY = 32
MAX_SNAPSHOTS = 8

PAPER = QColor(theme.PAPER)
BORDER = QColor(theme.BORDER)
GUIDE = QColor(theme.GUIDE)
INK = QColor(theme.INK)
HINT = QColor(theme.HINT)
MARKS = (QColor(theme.ACCENT), QColor(theme.VALIDATION_CURVE))  # a number's digits, in turn
PICTURE_MARK_WIDTH = 0.25  # of the pen's, for the centre lines read in a picture


class Canvas(QWidget):
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
        # The cached picture: sheet, guide, the first `_pictured_strokes` strokes and the first
        # `_pictured_segments` curve pieces of the next one (the stroke in progress).
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

    def _forget_picture(self, keep_snapshots_up_to: int = -1) -> None:
        """Paint the picture again from the strokes on the next paint; drop the snapshots of
        more than `keep_snapshots_up_to` strokes (all of them by default)."""
        self._picture_stale = True
        self._snapshots = {
            count: snapshot
            for count, snapshot in self._snapshots.items()
            if count <= keep_snapshots_up_to
        }

    def _up_to_date_picture(self) -> QImage:
        """The cached picture, first brought up to the current drawing."""
        if self._picture is None or self._picture_stale:
            self._start_picture()
        finished = len(self._strokes) - (1 if self._drawing else 0)
        if self._pictured_strokes == finished and not self._drawing:
            return self._picture
        painter = QPainter(self._picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        sheet = self.sheet_rect()
        set_ink_pen(painter, sheet)
        while self._pictured_strokes < finished:
            stroke = self._strokes[self._pictured_strokes]
            self._paint_pieces(painter, sheet, stroke, finished=True)
            self._pictured_strokes += 1
            self._pictured_segments = 0
            if self._pictured_strokes % SNAPSHOT_EVERY == 0:
                self._snapshots[self._pictured_strokes] = self._picture.copy()
                for count in sorted(self._snapshots)[:-MAX_SNAPSHOTS]:
                    del self._snapshots[count]
        if self._drawing:
            self._paint_pieces(painter, sheet, self._strokes[-1], finished=False)
        painter.end()
        return self._picture

    def _start_picture(self) -> None:
        """Start the picture again: from the latest usable snapshot, or the empty sheet.

        The image itself is kept while the widget keeps its size: a new image costs memory
        and, with PySide6 6.11, a few references to None each time it is first painted on.
        """
        ratio = self.devicePixelRatioF()
        size = QSize(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        if (
            self._picture is None
            or self._picture.size() != size
            or self._picture.devicePixelRatio() != ratio
        ):
            self._picture = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            self._picture.setDevicePixelRatio(ratio)
        finished = len(self._strokes) - (1 if self._drawing else 0)
        usable = [count for count in self._snapshots if count <= finished]
        self._pictured_strokes = max(usable, default=0)
        self._pictured_segments = 0
        self._picture_stale = False
        painter = QPainter(self._picture)
        if usable:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawImage(QPointF(0, 0), self._snapshots[self._pictured_strokes])
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().window())
            sheet = self.sheet_rect()
            painter.setPen(QPen(BORDER, 1.0))
            painter.setBrush(PAPER)
            painter.drawRoundedRect(sheet.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
            if self._shown is None:
                self._paint_guide(painter, sheet)
            else:
                self._paint_shown(painter, sheet)
        painter.end()

    def _paint_shown(self, painter: QPainter, sheet: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self._picture_target(sheet), self._shown)

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

    def _paint_pieces(
        self, painter: QPainter, sheet: QRectF, stroke: Stroke, *, finished: bool
    ) -> None:
        """Paint the pieces of `stroke` not yet in the picture: whole chunks while it is being
        drawn (the pieces the last point no longer changes), everything once it is finished."""
        settled = max(0, len(stroke) - 2)  # piece i (1 ≤ i ≤ n-2) ends midway to point i+1
        while settled - self._pictured_segments >= CHUNK_SEGMENTS:
            first = self._pictured_segments + 1
            painter.drawPath(
                stroke_path(stroke, sheet, first, first + CHUNK_SEGMENTS, to_end=False)
            )
            self._pictured_segments += CHUNK_SEGMENTS
        if finished:
            first = self._pictured_segments + 1
            painter.drawPath(stroke_path(stroke, sheet, first, len(stroke) - 1))
            self._pictured_segments = settled

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

"""How the canvas paints cheaply: a cached picture of the sheet and the finished strokes.

Painting cost is bounded: finished strokes live in a cached picture (redrawn only after a
resize, undo, clear or set_strokes, from a snapshot kept every `SNAPSHOT_EVERY` strokes), and
a stroke in progress moves into it `CHUNK_SEGMENTS` curve pieces at a time.

`PaintCacheMixin` is mixed into `Canvas`: it keeps the canvas's `_picture`, `_picture_stale`,
`_pictured_strokes`, `_pictured_segments` and `_snapshots` up to date with its `_strokes`,
`_drawing` and `_shown` (a picture shown instead of a drawing, drawn where `_picture_target`
says).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from bpdraw.app import theme
from bpdraw.app.ink_path import Stroke, set_ink_pen, stroke_path

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


class PaintCacheMixin:
    """The cached picture the canvas paints from (part of Canvas)."""

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

    def _paint_shown(self, painter: QPainter, sheet: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self._picture_target(sheet), self._shown)

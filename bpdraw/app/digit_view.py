"""How the app shows an 8x8 digit: one painting function for every place that shows one.

The Draw tab's preview of what the network sees and the confusion window's thumbnails both
paint with `paint_digit`, so a digit looks the same everywhere: square cells, ink 0 (paper)
to 16 (black), never blended with its neighbours.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from bpdraw.app import theme
from bpdraw.data import PIXEL_MAX

SIDE = 8  # cells per row and per column
THUMBNAIL_PIXELS = 48  # 8x8 digits scaled 6x: every cell stays a crisp square


def paint_digit(
    painter: QPainter,
    rect: QRectF,
    digits: np.ndarray | None,
    *,
    grid: QColor | None = None,
    frame: QColor | None = None,
) -> None:
    """Paint an (8, 8) 0-16 digit (None: blank paper) into `rect`, optionally with cell lines
    in `grid` and a one-pixel `frame` just inside the rect."""
    painter.fillRect(rect, QColor(theme.PAPER))
    cell_width, cell_height = rect.width() / SIDE, rect.height() / SIDE
    if digits is not None:
        levels = np.clip(np.asarray(digits).reshape(SIDE, SIDE), 0, PIXEL_MAX)
        for row, column in zip(*np.nonzero(levels), strict=True):
            grey = round(255 * (1 - float(levels[row, column]) / PIXEL_MAX))
            painter.fillRect(
                QRectF(
                    rect.left() + column * cell_width,
                    rect.top() + row * cell_height,
                    cell_width,
                    cell_height,
                ),
                QColor(grey, grey, grey),
            )
    if grid is not None:
        painter.setPen(QPen(grid, 1))
        for index in range(1, SIDE):
            x, y = rect.left() + index * cell_width, rect.top() + index * cell_height
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    if frame is not None:
        painter.setPen(QPen(frame, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))


def digit_pixmap(digits: np.ndarray, size: int = THUMBNAIL_PIXELS) -> QPixmap:
    """An (8, 8) 0-16 digit as a `size` x `size` thumbnail with a thin frame."""
    pixmap = QPixmap(size, size)
    painter = QPainter(pixmap)
    paint_digit(painter, QRectF(0, 0, size, size), digits, frame=QColor(theme.THUMBNAIL_FRAME))
    painter.end()
    return pixmap


class DigitView(QWidget):
    """A widget showing an 8x8 digit with its cell lines, as large as the widget is square;
    or a number's digits side by side, each as large as fits, one of them chosen (framed;
    a click chooses another and emits `tile_chosen(index)`)."""

    GAP = 4  # pixels between a number's digits
    tile_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits: np.ndarray | None = None
        self._chosen = 0

    def digits(self) -> np.ndarray | None:
        """(8, 8), (k, 8, 8) for a number's k digits, or None."""
        if self._digits is None:
            return None
        return self._digits[0].copy() if len(self._digits) == 1 else self._digits.copy()

    def set_digits(self, digits: np.ndarray | None) -> None:
        """digits: (8, 8) ints 0–16, (k, 8, 8) for a number's digits, or None for a blank
        drawing."""
        count = 0 if self._digits is None else len(self._digits)
        self._digits = None if digits is None else np.asarray(digits).reshape(-1, SIDE, SIDE).copy()
        if self._digits is None or len(self._digits) != count:
            self._chosen = 0  # another number: its first digit
        self.update()

    def chosen(self) -> int:
        """Which of a number's digits is chosen (0 for one digit)."""
        return self._chosen

    def tile_rect(self, index: int) -> QRectF:
        """Where digit `index` is drawn."""
        count = 1 if self._digits is None else len(self._digits)
        side = min(self.height(), (self.width() - self.GAP * (count - 1)) / count)
        top = (self.height() - side) / 2 if count > 1 else 0
        return QRectF(index * (side + self.GAP), top, side, side)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._digits is None or len(self._digits) < 2:
            return super().mousePressEvent(event)
        for index in range(len(self._digits)):
            if self.tile_rect(index).contains(event.position()) and index != self._chosen:
                self._chosen = index
                self.update()
                self.tile_chosen.emit(index)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        tiles = [None] if self._digits is None else list(self._digits)
        grid, frame = QColor(theme.GUIDE), QColor(theme.BORDER)
        for index, digits in enumerate(tiles):
            paint_digit(painter, self.tile_rect(index), digits, grid=grid, frame=frame)
        if len(tiles) > 1:  # the digit chosen: framed in the accent colour
            painter.setPen(QPen(QColor(theme.ACCENT), 2))
            painter.drawRect(self.tile_rect(self._chosen).adjusted(1, 1, -1, -1))
        painter.end()

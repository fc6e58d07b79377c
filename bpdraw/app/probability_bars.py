"""Ten horizontal bars, one per digit: how likely the network thinks each digit is."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from bpdraw.app import theme
from bpdraw.app.canvas import INK
from bpdraw.app.i18n import format_percent

ACCENT = QColor(theme.ACCENT)
ACCENT_SOFT = QColor(theme.ACCENT_SOFT)
TRACK = QColor(theme.TRACK)
TEXT = INK
MUTED = QColor(theme.MUTED)


class ProbabilityBars(QWidget):
    """Ten horizontal bars, one per digit, the likeliest highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilityBars")
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._probabilities: np.ndarray | None = None

    def probabilities(self) -> np.ndarray | None:
        return None if self._probabilities is None else self._probabilities.copy()

    def set_probabilities(self, probabilities: np.ndarray | None) -> None:
        """probabilities: (10,) summing to 1, or None for a blank drawing."""
        self._probabilities = None if probabilities is None else np.asarray(probabilities, float)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(260, 230)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        row_height = self.height() / 10
        bar_height = min(14.0, row_height * 0.6)
        label_width, value_width = 22.0, 46.0
        track_width = max(10.0, self.width() - label_width - value_width - 12)
        top_digit = None if self._probabilities is None else int(np.argmax(self._probabilities))
        font = painter.font()
        for digit in range(10):
            y = digit * row_height
            probability = 0.0 if self._probabilities is None else float(self._probabilities[digit])
            is_top = digit == top_digit
            font.setBold(is_top)
            painter.setFont(font)
            painter.setPen(TEXT if is_top else MUTED)
            painter.drawText(
                QRectF(0, y, label_width, row_height), Qt.AlignmentFlag.AlignCenter, str(digit)
            )
            track = QRectF(
                label_width + 6, y + (row_height - bar_height) / 2, track_width, bar_height
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, bar_height / 2, bar_height / 2)
            if probability >= 0.005:  # shows as at least 1 %
                filled = QRectF(track)
                filled.setWidth(max(bar_height, track_width * probability))
                painter.setBrush(ACCENT if is_top else ACCENT_SOFT)
                painter.drawRoundedRect(filled, bar_height / 2, bar_height / 2)
            if self._probabilities is not None:
                painter.setPen(TEXT if is_top else MUTED)
                painter.drawText(
                    QRectF(track.right() + 6, y, value_width, row_height),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    format_percent(probability),
                )
        painter.end()

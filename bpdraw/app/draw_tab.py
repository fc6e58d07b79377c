"""The Draw tab: draw a digit, watch the network read it as you draw.

Unsure answers: `prediction_label` always shows the likeliest digit (greyed out when the
network is unsure), and the line under it says "Not sure — 3 or 8?" when the top
probability is below `UNSURE_BELOW` or the two likeliest digits are within `CLOSE_MARGIN`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import theme
from bpdraw.app.canvas import INK, Canvas
from bpdraw.app.digit_view import DigitView

if TYPE_CHECKING:
    from bpdraw.model import Model

# The network is "unsure" below this top probability, or when the runner-up is this close.
UNSURE_BELOW = 0.5
CLOSE_MARGIN = 0.2
# Live prediction while drawing: at most one every this many milliseconds.
THROTTLE_MS = 60

ACCENT = QColor(theme.ACCENT)
ACCENT_SOFT = QColor(theme.ACCENT_SOFT)
TRACK = QColor(theme.TRACK)
TEXT = INK
MUTED = QColor(theme.MUTED)
WARNING = QColor(theme.WARNING)


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
                    f"{probability:.0%}",
                )
        painter.end()


class DrawTab(QWidget):
    """Canvas, the predicted digit, the ten probabilities and the 8x8 the network sees."""

    def __init__(self, model: Model | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawTab")
        self._model = model

        self.canvas = Canvas()
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(
            f"Remove the last stroke ({_shortcut_text(QKeySequence.StandardKey.Undo)})"
        )
        self.clear_button = QPushButton("Clear")
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setToolTip("Start again (Esc)")

        self.prediction_label = QLabel("")
        self.prediction_label.setObjectName("predictionLabel")
        self.prediction_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPixelSize(96)
        font.setBold(True)
        self.prediction_label.setFont(font)
        self.prediction_label.setMinimumHeight(120)

        self.prediction_status_label = QLabel("")
        self.prediction_status_label.setObjectName("predictionStatusLabel")
        self.prediction_status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        status_font = QFont(self.font())
        status_font.setPixelSize(15)
        self.prediction_status_label.setFont(status_font)

        self.probability_bars = ProbabilityBars()
        self.digit_preview = DigitView()
        self.digit_preview.setObjectName("digitPreview")
        self.digit_preview.setFixedSize(120, 120)
        self.digit_preview.setToolTip("What the network sees: 8×8 cells, 0–16")

        self._build_layout()

        self._prediction_timer = QTimer(self)
        self._prediction_timer.setSingleShot(True)
        self._prediction_timer.setInterval(THROTTLE_MS)
        self._prediction_timer.timeout.connect(self.update_prediction)
        self.canvas.drawing_changed.connect(self.on_drawing_changed)
        self.canvas.stroke_finished.connect(self.on_stroke_finished)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)

        self._probabilities: np.ndarray | None = None
        self.update_prediction()

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)

        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addLayout(buttons)

        preview_caption = QLabel("What the network sees:\n8 × 8 cells, ink 0–16")
        preview_caption.setObjectName("previewCaption")
        preview_caption.setStyleSheet(f"color: {MUTED.name()};")
        preview_row = QHBoxLayout()
        preview_row.setSpacing(12)
        preview_row.addWidget(self.digit_preview)
        preview_row.addWidget(preview_caption, 1, Qt.AlignmentFlag.AlignVCenter)

        panel = QFrame()
        panel.setObjectName("predictionPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setStyleSheet(
            f"QFrame#predictionPanel {{ background: {theme.PAPER};"
            f" border: 1px solid {theme.PANEL_BORDER}; border-radius: 10px; }}"
        )
        panel.setMinimumWidth(280)
        right = QVBoxLayout(panel)
        right.setContentsMargins(18, 12, 18, 18)
        right.addWidget(self.prediction_label)
        right.addWidget(self.prediction_status_label)
        right.addSpacing(8)
        right.addWidget(self.probability_bars, 1)
        right.addSpacing(8)
        right.addLayout(preview_row)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(left, 3)
        layout.addWidget(panel, 2)

    # --- model and prediction --------------------------------------------------------

    def model(self) -> Model | None:
        return self._model

    def set_model(self, model: Model) -> None:
        """Read the current drawing with another model."""
        self._model = model
        self.update_prediction()

    def probabilities(self) -> np.ndarray | None:
        """The ten probabilities shown, or None when nothing is drawn."""
        return None if self._probabilities is None else self._probabilities.copy()

    def on_drawing_changed(self) -> None:
        if not self.canvas.is_drawing():  # undo, clear, set_strokes: answer at once
            self.update_prediction()
        # While the pen moves: one prediction per THROTTLE_MS however fast it moves.
        elif not self._prediction_timer.isActive():
            self._prediction_timer.start()

    def on_stroke_finished(self) -> None:
        self._prediction_timer.stop()
        self.update_prediction()

    def update_prediction(self) -> None:
        """Convert the drawing and show what the model reads."""
        self._prediction_timer.stop()
        digits = self.canvas.to_digits()
        self.undo_button.setEnabled(not self.canvas.is_blank())
        self.clear_button.setEnabled(not self.canvas.is_blank())
        if digits is None or self._model is None:
            self._show_blank()
            self.digit_preview.set_digits(digits)
            return
        probabilities = self._model.predict_proba(digits)[0]
        self._show(probabilities)
        self.digit_preview.set_digits(digits)

    def _show_blank(self) -> None:
        self._probabilities = None
        self.prediction_label.setText("")
        self.prediction_status_label.setText(
            "Draw a digit" if self._model is not None else "No model loaded"
        )
        self.prediction_status_label.setStyleSheet(f"color: {MUTED.name()};")
        self.probability_bars.set_probabilities(None)

    def _show(self, probabilities: np.ndarray) -> None:
        self._probabilities = np.asarray(probabilities, dtype=float)
        first, second = np.argsort(self._probabilities)[::-1][:2]
        top, runner_up = self._probabilities[first], self._probabilities[second]
        unsure = top < UNSURE_BELOW or top - runner_up < CLOSE_MARGIN
        self.prediction_label.setText(str(int(first)))
        if unsure:
            self.prediction_label.setStyleSheet(f"color: {MUTED.name()};")
            self.prediction_status_label.setText(f"Not sure — {first} or {second}?")
            self.prediction_status_label.setStyleSheet(f"color: {WARNING.name()};")
        else:
            self.prediction_label.setStyleSheet(f"color: {TEXT.name()};")
            self.prediction_status_label.setText(f"{top:.0%} sure")
            self.prediction_status_label.setStyleSheet(f"color: {MUTED.name()};")
        self.probability_bars.set_probabilities(self._probabilities)


def _shortcut_text(key: QKeySequence.StandardKey) -> str:
    sequences = QKeySequence.keyBindings(key)
    return sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""

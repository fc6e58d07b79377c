"""The Draw tab's answer: the likeliest digit, large (greyed out when the network is unsure),
and the line under it — how sure, "Not sure — 3 or 8?", "Doesn't look like a digit", a
number's digits each with its confidence, or why there is no answer.

The tab reads the drawing and tells this view what to show. Its texts keep the Draw tab's
translation context ("DrawTab"), so the catalogue's translations still find them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bpdraw.app import theme
from bpdraw.app.canvas import INK
from bpdraw.app.i18n import format_percent

if TYPE_CHECKING:
    from bpdraw.confidence import Reading
    from bpdraw.numbers import NumberReading

translate = QCoreApplication.translate

TEXT = INK
MUTED = QColor(theme.MUTED)
WARNING = QColor(theme.WARNING)
# The answer's digits are this many px high, a long number's down to MIN_DIGIT_PX to fit.
DIGIT_PX = 96
MIN_DIGIT_PX = 40
NO_BREAK = "\u00a0"  # between a digit and its confidence


class AnswerView(QWidget):
    """The predicted digit (`digit_label`) above a line about it (`status_label`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digit_label = QLabel("", objectName="predictionLabel")
        self.digit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPixelSize(DIGIT_PX)
        font.setBold(True)
        self.digit_label.setFont(font)
        self.digit_label.setMinimumHeight(104)  # 96 px digits; 800x600 fits the tab

        self.status_label = QLabel("", objectName="predictionStatusLabel")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setWordWrap(True)  # a long number's digits go on a second line
        status_font = QFont(self.font())
        status_font.setPixelSize(15)
        self.status_label.setFont(status_font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.digit_label)
        layout.addWidget(self.status_label)

    def _fit_digits(self, text: str) -> None:
        """The digits' size: DIGIT_PX, or less for a number too long for the view's width."""
        font = self.digit_label.font()
        font.setPixelSize(DIGIT_PX)
        wide = QFontMetrics(font).horizontalAdvance(text)
        room = self.width() - 16
        if wide > room > 0:
            font.setPixelSize(max(MIN_DIGIT_PX, DIGIT_PX * room // wide))
        self.digit_label.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_digits(self.digit_label.text())

    def show_reading(self, reading: Reading) -> None:
        """One digit: greyed out with why when the network is unsure, else how sure."""
        self.digit_label.setText(str(reading.digit))
        self._fit_digits(str(reading.digit))
        if reading.not_sure:
            self.digit_label.setStyleSheet(f"color: {MUTED.name()};")
            self.status_label.setText(
                translate("DrawTab", "Doesn't look like a digit")
                if reading.not_a_digit
                else translate("DrawTab", "Not sure — {digit} or {runner_up}?").format(
                    digit=reading.digit, runner_up=reading.runner_up
                )
            )
            self.status_label.setStyleSheet(f"color: {WARNING.name()};")
        else:
            self.digit_label.setStyleSheet(f"color: {TEXT.name()};")
            self.status_label.setText(
                translate("DrawTab", "{percent} sure").format(
                    percent=format_percent(reading.confidence)
                )
            )
            self.status_label.setStyleSheet(f"color: {MUTED.name()};")

    def show_number(self, number: NumberReading) -> None:
        """Several digits: the number (smaller when long, to fit), and under it each digit
        with its confidence, a line broken only between digits."""
        self.digit_label.setText(number.text)
        self._fit_digits(number.text)
        self.digit_label.setStyleSheet(f"color: {(MUTED if number.not_sure else TEXT).name()};")
        parts = [
            translate("DrawTab", "{digit}: {percent}").format(
                digit=reading.digit, percent=format_percent(reading.confidence)
            )
            + (translate("DrawTab", " (not sure)") if reading.not_sure else "")
            for reading in number.readings
        ]
        self.status_label.setText(" · ".join(part.replace(" ", NO_BREAK) for part in parts))
        self.status_label.setStyleSheet(f"color: {(WARNING if number.not_sure else MUTED).name()};")

    def show_blank(self, has_model: bool, picture_shown: bool) -> None:
        """No answer: what to do, or why not."""
        self.digit_label.setText("")
        blank = (
            translate("DrawTab", "Draw a digit")
            if has_model
            else translate("DrawTab", "No model loaded")
        )
        if has_model and picture_shown:
            blank = translate("DrawTab", "No digit found in this picture")
        self.status_label.setText(blank)
        self.status_label.setStyleSheet(f"color: {MUTED.name()};")

"""The Draw tab's preview: the 8x8 the network sees and **Why?**, which shades it.

Why? colours the 8x8 by input × gradient of the answer (bpdraw.inside.attribution): which
cells pushed toward the digit read and which against it. It looks at one digit at a time: of
a number (one 8x8 per digit), the digit chosen by a click (the first at first), which the
Inside tab shows too (`digit_chosen`).

Its texts belong to the Draw tab's translation context ("DrawTab"), where they were made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from bpdraw.app import theme
from bpdraw.app.digit_view import DigitView
from bpdraw.app.weights_view import ATTRIBUTION_EXPLANATION, AttributionOverlay
from bpdraw.inside import attribution

if TYPE_CHECKING:
    from bpdraw.model import Model

MUTED = QColor(theme.MUTED)
translate = QCoreApplication.translate  # literal contexts and texts: pyside6-lupdate finds them


class WhyPreview(QWidget):
    """The 8x8 preview (one per digit of a number), its caption and the Why? toggle.

    Signals:
        digit_chosen(ndarray): another digit of a number was clicked: its (8, 8).
    """

    digit_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digit_preview = DigitView()
        self.digit_preview.setObjectName("digitPreview")
        self.digit_preview.setFixedSize(120, 120)
        self.attribution_overlay = AttributionOverlay(self.digit_preview)
        self.attribution_overlay.hide()
        self.attribution_toggle = QPushButton(objectName="attributionToggle", checkable=True)
        self.attribution_toggle.toggled.connect(self.on_toggled)
        self.caption = QLabel(objectName="previewCaption", wordWrap=True)
        self.caption.setStyleSheet(f"color: {MUTED.name()};")
        self.digit_preview.tile_chosen.connect(self._on_tile_chosen)
        self._model: Model | None = None
        self._seen: np.ndarray | None = None

        side = QGridLayout()
        side.setVerticalSpacing(4)
        side.addWidget(self.caption, 0, 0)
        side.addWidget(self.attribution_toggle, 1, 0, Qt.AlignmentFlag.AlignLeft)
        side.setRowStretch(2, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.digit_preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(side, 1)

    def retranslate(self) -> None:
        self.attribution_toggle.setText(translate("DrawTab", "Why?"))
        self.on_toggled(self.attribution_toggle.isChecked())

    def show_digits(self, seen: np.ndarray | None, model: Model | None) -> None:
        """Show `seen`: (8, 8), (k, 8, 8) for a number's k digits, or None; Why? explains the
        digit chosen, as `model` reads it."""
        self._model, self._seen = model, seen
        self.digit_preview.set_digits(seen)
        number = seen is not None and seen.ndim == 3 and len(seen) > 1
        self.attribution_toggle.setToolTip(
            translate("DrawTab", "Colour the chosen digit's 8×8 by how each cell pushed it")
            if number
            else translate("DrawTab", "Colour the 8×8 by how each cell pushed it")
        )
        self.digit_preview.setToolTip(
            translate(
                "DrawTab",
                "What the network sees: each digit as 8×8 cells, 0–16; click one to look at"
                " it (Why?, the Inside tab)",
            )
            if number
            else translate("DrawTab", "What the network sees: 8×8 cells, 0–16")
        )
        self._update()

    def chosen_digits(self) -> np.ndarray | None:
        """The (8, 8) looked at: the one digit, or the number's digit chosen."""
        if self._seen is None or self._seen.ndim == 2:
            return self._seen
        return self._seen[self.digit_preview.chosen()]

    def _on_tile_chosen(self, _index: int) -> None:
        self._update()
        self.digit_chosen.emit(self.chosen_digits().copy())

    def on_toggled(self, shown: bool) -> None:
        self.attribution_overlay.setVisible(shown)
        self.caption.setText(
            QCoreApplication.translate("weights_view", ATTRIBUTION_EXPLANATION)
            if shown
            else translate("DrawTab", "What the network sees:\n8 × 8 cells, ink 0–16")
        )
        self._update()

    def _update(self) -> None:
        """Input × gradient of the answer over the 8×8, while the toggle is on."""
        if not self.attribution_toggle.isChecked():
            return
        network_model = self._model if hasattr(self._model, "network") else None
        digits = self.chosen_digits()
        if digits is None or network_model is None or not digits.any():
            self.attribution_overlay.set_attribution(None)
            return
        area = self.digit_preview.tile_rect(self.digit_preview.chosen()).toAlignedRect()
        self.attribution_overlay.set_attribution(attribution(network_model, digits), area)

"""The Inside tab: the drawing as the network reads it, every hidden unit firing, the strongest
links to the ten outputs, what a unit looks for, and backpropagation step by step."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bpdraw import inside
from bpdraw.app import theme
from bpdraw.app.backprop_view import BackpropView
from bpdraw.app.digit_view import paint_digit
from bpdraw.app.i18n import format_number, format_percent
from bpdraw.app.weights_view import (
    ATTRIBUTION_EXPLANATION,
    WEIGHTS_EXPLANATION,
    OutgoingBars,
    WeightTile,
)
from bpdraw.model import Model

LINKS_FOR, LINKS_AGAINST = 10, 3  # links drawn: strongest pushes for, then against
OUTPUTS_WIDTH = 64.0
LINKS_GAP = 70.0


class InputGrid(QWidget):
    """The 64 inputs as the 8x8 the network reads: 0 white to 16 black."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insideInputs")
        self.setFixedSize(128, 128)
        self._digits: np.ndarray | None = None

    def set_digits(self, digits: np.ndarray | None) -> None:
        self._digits = None if digits is None else np.asarray(digits, float).reshape(8, 8)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height()) - 2
        paint_digit(painter, QRectF(1, 1, side, side), self._digits, frame=QColor(theme.BORDER))
        painter.end()


class HiddenView(QWidget):
    """Every hidden unit as a cell shaded by its activation, one row per digit it votes for
    most, and the ten outputs with the strongest hidden -> output links drawn."""

    unit_hovered = Signal(int)
    unit_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hiddenView")
        self.setMouseTracking(True)
        self.setMinimumSize(420, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._groups: list[np.ndarray] = []
        self._activations: np.ndarray | None = None  # (H,) by unit number
        self._probabilities: np.ndarray | None = None
        self._links: list[inside.Connection] = []
        self._highlighted: int | None = None

    # -- what it shows ---------------------------------------------------------------------
    def set_state(self, model: Model | None, digits: np.ndarray | None) -> None:
        """Show ``model``'s hidden layer for ``digits`` ((8, 8) 0-16, or None: all silent)."""
        if model is None:
            self._groups, self._activations, self._probabilities, self._links = [], None, None, []
        else:
            self._groups = inside.unit_groups(model)
            if digits is None:
                self._activations = np.zeros(model.network.layer_sizes[1])
                self._probabilities, self._links = None, []
            else:
                self._activations = inside.hidden_activations(model, digits)
                self._probabilities = model.predict_proba(digits)[0]
                # the links that pushed hardest for a digit, then a few of those against
                links = inside.strongest_connections(
                    model, self._activations, 10 * len(self._activations)
                )
                pushes_for = [link for link in links if link.contribution > 0]
                pushes_against = [link for link in links if link.contribution < 0]
                self._links = pushes_for[:LINKS_FOR] + pushes_against[:LINKS_AGAINST]
        self.update()

    def drawn_units(self) -> np.ndarray:
        """(H,) the unit numbers in the order they are drawn (row by row)."""
        return np.concatenate(self._groups) if self._groups else np.zeros(0, int)

    def activations(self) -> np.ndarray:
        """(H,) the activations shown, in drawn order."""
        if self._activations is None:
            return np.zeros(0)
        return self._activations[self.drawn_units()].copy()

    def set_highlighted(self, unit: int | None) -> None:
        self._highlighted = unit
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def _cell(self) -> float:
        widest = max((len(g) for g in self._groups), default=1)
        width = self.width() - OUTPUTS_WIDTH - LINKS_GAP - 30
        return max(4.0, min(width / max(widest, 1), self.height() / 10))

    def unit_rect(self, unit: int) -> QRectF | None:
        cell = self._cell()
        for digit, group in enumerate(self._groups):
            hits = np.flatnonzero(group == unit)
            if hits.size:
                return QRectF(30 + hits[0] * cell, digit * self.height() / 10, cell, cell)
        return None

    def unit_at(self, point: QPointF) -> int | None:
        cell, row_height = self._cell(), self.height() / 10
        digit, offset = int(point.y() // row_height), point.y() % row_height
        column = int((point.x() - 30) // cell)
        if not 0 <= digit < len(self._groups) or offset > cell or point.x() < 30:
            return None
        group = self._groups[digit]
        return int(group[column]) if 0 <= column < len(group) else None

    def _output_anchor(self, digit: int) -> QPointF:
        return QPointF(self.width() - OUTPUTS_WIDTH, (digit + 0.5) * self.height() / 10)

    # -- events ----------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        unit = self.unit_at(event.position())
        if unit is not None:
            self.unit_hovered.emit(unit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        unit = self.unit_at(event.position())
        if unit is not None:
            self.unit_selected.emit(unit)

    def sizeHint(self) -> QSize:
        return QSize(620, 300)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(theme.PAPER))
        cell, row_height = self._cell(), self.height() / 10
        ink, muted = QColor(theme.INK), QColor(theme.MUTED)
        for digit, group in enumerate(self._groups):
            top = digit * row_height
            painter.setPen(muted)
            painter.drawText(QRectF(0, top, 26, cell), Qt.AlignmentFlag.AlignCenter, f"→{digit}")
            for column, unit in enumerate(group):
                rect = QRectF(30 + column * cell, top, cell, cell)
                colour = QColor(ink)
                colour.setAlphaF(float(np.clip(self._activations[unit], 0, 1)))
                painter.fillRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), QColor(theme.TRACK))
                painter.fillRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), colour)
        largest = max((abs(link.contribution) for link in self._links), default=1.0)
        for link in self._links:
            rect = self.unit_rect(link.unit)
            colour = QColor(theme.POSITIVE if link.contribution > 0 else theme.NEGATIVE)
            painter.setPen(QPen(colour, 0.5 + 2.5 * abs(link.contribution) / largest))
            painter.drawLine(
                QPointF(rect.right(), rect.center().y()), self._output_anchor(link.digit)
            )
        answer = None if self._probabilities is None else int(self._probabilities.argmax())
        for digit in range(10):
            anchor = self._output_anchor(digit)
            box = QRectF(anchor.x(), anchor.y() - row_height / 2 + 1, OUTPUTS_WIDTH, row_height - 2)
            share = 0.0 if self._probabilities is None else float(self._probabilities[digit])
            painter.fillRect(box, QColor(theme.TRACK))
            fill = QRectF(box)
            fill.setWidth(box.width() * share)
            painter.fillRect(fill, QColor(theme.ACCENT if digit == answer else theme.ACCENT_SOFT))
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{digit}  {format_percent(share)}")
        if self._highlighted is not None and (rect := self.unit_rect(self._highlighted)):
            painter.setPen(QPen(QColor(theme.HIGHLIGHT), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))
        painter.end()


class UnitDetail(QWidget):
    """What one hidden unit looks for: its 64 incoming weights and its 10 outgoing ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitDetail")
        self.title = QLabel()
        self.title.setObjectName("unitTitle")
        self.title.setWordWrap(True)
        self.incoming = WeightTile()
        self.incoming.setObjectName("unitIncoming")
        self.outgoing = OutgoingBars()
        self.outgoing.setObjectName("unitOutgoing")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(f"color: {theme.MUTED}")
        self.unit: int | None = None
        pictures = QHBoxLayout()
        pictures.addWidget(self.incoming)
        pictures.addWidget(self.outgoing)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(pictures)
        layout.addWidget(self.explanation)
        self.retranslate()

    def retranslate(self) -> None:
        """The texts in the language now installed (InsideTab shows the unit again)."""
        self.title.setText(self.tr("Point at a hidden unit to see what it looks for"))
        self.explanation.setText(QCoreApplication.translate("weights_view", WEIGHTS_EXPLANATION))

    def show_unit(self, model: Model, unit: int, activation: float | None) -> None:
        self.unit = unit
        outgoing = model.network.weights[1][unit]
        votes = self.tr("<b>Hidden unit {unit}</b>: votes most for {digit}").format(
            unit=unit, digit=int(outgoing.argmax())
        )
        firing = self.tr("; on this drawing it fires {activation}")
        activation_text = "" if activation is None else format_number(activation, 2)
        self.title.setText(
            votes + ("" if activation is None else firing.format(activation=activation_text))
        )
        self.incoming.set_values(model.network.weights[0][:, unit])
        self.outgoing.set_weights(outgoing)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.MUTED}")
    return label


class InsideTab(QWidget):
    """Look inside the model in use while you draw, and watch backpropagation learn."""

    def __init__(self, model: Model | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insideTab")
        self._model = model
        self._digits: np.ndarray | None = None
        self._digit_count = 1
        self._pinned: int | None = None
        self.inputs = InputGrid()
        self.why = WeightTile()
        self.why.setObjectName("insideAttribution")
        self.why_title = QLabel()
        self.hidden_view = HiddenView()
        self.unit_detail = UnitDetail()
        self.backprop_view = BackpropView()
        self.hidden_view.unit_hovered.connect(self.on_unit_hovered)
        self.hidden_view.unit_selected.connect(self.on_unit_selected)

        self.reads_heading, self.hidden_heading, self.backprop_heading = (
            QLabel(),
            QLabel(),
            QLabel(),
        )
        self.inputs_caption, self.why_caption = _caption(""), _caption("")
        self.hidden_caption = _caption("")
        left = QGridLayout()
        left.addWidget(self.reads_heading, 0, 0)
        left.addWidget(self.inputs, 1, 0)
        left.addWidget(self.inputs_caption, 2, 0)
        left.addWidget(self.why_title, 3, 0)
        left.addWidget(self.why, 4, 0)
        left.addWidget(self.why_caption, 5, 0)
        left.setRowStretch(6, 1)
        middle = QVBoxLayout()
        middle.addWidget(self.hidden_heading)
        middle.addWidget(self.hidden_view, 1)
        middle.addWidget(self.hidden_caption)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addLayout(middle, 3)
        top.addWidget(self.unit_detail, 1)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(top)
        column.addWidget(self.backprop_heading)
        column.addWidget(self.backprop_view)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the language now installed; the drawing and model stay."""
        self.reads_heading.setText(self.tr("<b>What the network reads</b>"))
        self.hidden_heading.setText(self.tr("<b>Hidden units</b> and the ten outputs"))
        self.backprop_heading.setText(self.tr("<b>Step through backpropagation</b>"))
        self.why_caption.setText(
            QCoreApplication.translate("weights_view", ATTRIBUTION_EXPLANATION)
        )
        self.hidden_caption.setText(
            self.tr(
                "Each square is one hidden unit: dark = firing, pale = silent. Row →3 holds the "
                "units that vote most for 3. Lines: the links that pushed hardest on the outputs "
                "(blue for, red against). Point at a unit; click to keep it."
            )
        )
        self.unit_detail.retranslate()
        self.hidden_view.update()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def model(self) -> Model | None:
        return self._model

    def set_model(self, model: Model | None) -> None:
        self._model = model
        self._pinned = None
        self._refresh()

    def set_digits(self, digits: np.ndarray | None, digit_count: int = 1) -> None:
        """The current drawing, (8, 8) 0-16, or None when nothing is drawn; of a drawing
        read as a number of `digit_count` digits, its first digit."""
        self._digits = None if digits is None else np.asarray(digits).reshape(8, 8).copy()
        self._digit_count = digit_count
        self._refresh()

    def _refresh(self) -> None:
        chosen_of = self.tr(
            "64 inputs: one of the {count} digits you drew (click another in the Draw tab's"
            " preview), as 8×8 cells, 0 (white) to 16."
        )
        self.inputs_caption.setText(
            chosen_of.format(count=self._digit_count)
            if self._digit_count > 1
            else self.tr("64 inputs: your drawing as 8×8 cells, 0 (white) to 16.")
        )
        self.inputs.set_digits(self._digits)
        self.hidden_view.set_state(self._model, self._digits)
        if self._model is None or self._digits is None or not self._digits.any():
            self.why.set_values(None)
            self.why_title.setText(self.tr("<b>Why this answer?</b> (draw something)"))
        else:
            answer = int(self._model.predict(self._digits)[0])
            self.why.set_values(inside.attribution(self._model, self._digits, answer))
            self.why_title.setText(self.tr("<b>Why {digit}?</b>").format(digit=answer))
        if self._model is not None:
            unit = self.unit_detail.unit if self._pinned is None else self._pinned
            if unit is not None and unit < self._model.network.layer_sizes[1]:
                self._show_unit(unit)

    def _show_unit(self, unit: int) -> None:
        if self._model is None:
            return
        activation = None
        if self._digits is not None:
            activation = float(inside.hidden_activations(self._model, self._digits)[unit])
        self.unit_detail.show_unit(self._model, unit, activation)
        self.hidden_view.set_highlighted(unit)

    def on_unit_hovered(self, unit: int) -> None:
        if self._pinned is None:
            self._show_unit(unit)

    def on_unit_selected(self, unit: int) -> None:
        self._pinned = None if self._pinned == unit else unit
        self._show_unit(unit)

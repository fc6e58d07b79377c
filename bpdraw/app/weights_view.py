"""Signed 8x8 pictures: a unit's weights, the weights mosaic, the attribution overlay.

Positive values are painted in theme.POSITIVE, negative in theme.NEGATIVE, zero as the paper.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from bpdraw import inside
from bpdraw.app import theme
from bpdraw.network import Network

# The mosaic repaints at most this often while a run feeds it snapshots (~10 a second).
MOSAIC_REFRESH_MS = 100
# English sources: show them with QCoreApplication.translate("weights_view", ...).
ATTRIBUTION_EXPLANATION = QT_TRANSLATE_NOOP(
    "weights_view",
    "Input × gradient: blue cells pushed the network toward its answer, red cells pushed "
    "against it; a blank cell pushed nothing.",
)
WEIGHTS_EXPLANATION = QT_TRANSLATE_NOOP(
    "weights_view",
    "How to read it: blue cells are where ink makes this unit fire, red where ink silences "
    "it; the bars show how hard the unit then votes for (blue) or against (red) each digit.",
)


def push_colour(value: float) -> QColor:
    """value in [-1, 1] -> paper at 0, shading to POSITIVE at +1 and NEGATIVE at -1."""
    value = float(np.clip(value, -1.0, 1.0))
    paper = QColor(theme.PAPER)
    end = QColor(theme.POSITIVE if value >= 0 else theme.NEGATIVE)
    share = abs(value)
    return QColor(
        round(paper.red() + (end.red() - paper.red()) * share),
        round(paper.green() + (end.green() - paper.green()) * share),
        round(paper.blue() + (end.blue() - paper.blue()) * share),
    )


def _rgb(colour: str) -> np.ndarray:
    qt = QColor(colour)
    return np.array([qt.red(), qt.green(), qt.blue()], dtype=float)


def signed_rgb(values: np.ndarray) -> np.ndarray:
    """(rows, columns) values in [-1, 1] -> (rows, columns, 3) uint8 push colours, contiguous."""
    share = np.clip(np.abs(values), 0.0, 1.0)[..., None]
    end = np.where(values[..., None] >= 0, _rgb(theme.POSITIVE), _rgb(theme.NEGATIVE))
    paper = _rgb(theme.PAPER)
    return np.ascontiguousarray(np.rint(paper + (end - paper) * share).astype(np.uint8))


def paint_signed_cells(painter: QPainter, rect: QRectF, values: np.ndarray) -> None:
    """Paint ``values`` (rows, columns) in [-1, 1] as a grid of push colours filling ``rect``."""
    rows, columns = values.shape
    width, height = rect.width() / columns, rect.height() / rows
    for row in range(rows):
        for column in range(columns):
            cell = QRectF(rect.left() + column * width, rect.top() + row * height, width, height)
            # +0.5 px: neighbouring cells overlap slightly so no hairline gaps show
            painter.fillRect(cell.adjusted(0, 0, 0.5, 0.5), push_colour(values[row, column]))


def _square(widget: QWidget, margin: float = 1.0) -> QRectF:
    side = min(widget.width(), widget.height()) - 2 * margin
    return QRectF(margin, margin, side, side)


class WeightTile(QWidget):
    """An 8x8 picture of signed values (a unit's incoming weights), scaled to the largest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightTile")
        self.setMinimumSize(96, 96)
        self._values: np.ndarray | None = None

    def values(self) -> np.ndarray | None:
        return None if self._values is None else self._values.copy()

    def set_values(self, values: np.ndarray | None) -> None:
        """values: 64 signed numbers (any scale), or None for an empty tile."""
        self._values = None if values is None else np.asarray(values, float).reshape(8, 8)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(120, 120)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = _square(self)
        painter.fillRect(rect, QColor(theme.PAPER))
        if self._values is not None:
            largest = max(float(np.abs(self._values).max()), 1e-12)
            paint_signed_cells(painter, rect, self._values / largest)
        painter.setPen(QPen(QColor(theme.BORDER), 1))
        painter.drawRect(rect)
        painter.end()


class OutgoingBars(QWidget):
    """Ten signed bars: a unit's outgoing weights to the digits 0-9."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outgoingBars")
        self.setMinimumSize(120, 96)
        self._weights: np.ndarray | None = None

    def weights(self) -> np.ndarray | None:
        return None if self._weights is None else self._weights.copy()

    def set_weights(self, weights: np.ndarray | None) -> None:
        self._weights = None if weights is None else np.asarray(weights, float).reshape(10)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(150, 120)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        row = self.height() / 10
        label_width = 16.0
        middle = label_width + (self.width() - label_width) / 2
        half = (self.width() - label_width) / 2 - 2
        largest = 1e-12 if self._weights is None else float(np.abs(self._weights).max())
        painter.setPen(QColor(theme.MUTED))
        for digit in range(10):
            painter.drawText(
                QRectF(0, digit * row, label_width, row), Qt.AlignmentFlag.AlignCenter, str(digit)
            )
            if self._weights is not None:
                weight = self._weights[digit] / max(largest, 1e-12)
                bar = QRectF(middle, digit * row + row * 0.2, half * weight, row * 0.6).normalized()
                painter.fillRect(bar, QColor(theme.POSITIVE if weight >= 0 else theme.NEGATIVE))
        painter.setPen(QPen(QColor(theme.BORDER), 1))
        painter.drawLine(round(middle), 0, round(middle), self.height())
        painter.end()


class WeightMosaic(QWidget):
    """Every hidden unit's incoming weights as 8x8 tiles, fed network snapshots while a model
    trains; repaints at most every MOSAIC_REFRESH_MS however often it is fed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightMosaic")
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()
        self._pending: Network | None = None
        self._mosaic: np.ndarray | None = None
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(MOSAIC_REFRESH_MS)
        self._refresh.timeout.connect(self.on_refresh)
        self.refreshes = 0  # how many times the picture was rebuilt (for tests and benches)

    def retranslate(self) -> None:
        self.setToolTip(
            QCoreApplication.translate(
                "WeightMosaic",
                "What each hidden unit looks for: its 64 incoming weights as an 8×8 tile. "
                "Blue: ink there makes it fire; red: ink there silences it.",
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def mosaic(self) -> np.ndarray | None:
        """The (rows*9, columns*9) values painted, as inside.weight_mosaic gives them."""
        return None if self._mosaic is None else self._mosaic.copy()

    def set_network(self, network: Network | None) -> None:
        """Show ``network``'s weights soon; the first call repaints now, later ones coalesce."""
        self._pending = network
        if network is None:
            self._mosaic = None
            self.update()
        elif not self._refresh.isActive():
            self.on_refresh()
            self._refresh.start()

    def flush(self) -> None:
        """Show the last network given now (e.g. when a run finishes)."""
        self._refresh.stop()
        self.on_refresh()

    def on_refresh(self) -> None:
        network, self._pending = self._pending, None
        if network is None:
            return
        self._mosaic = inside.weight_mosaic(network, inside.unit_order(network))
        self.refreshes += 1
        self.update()
        if self._refresh.isActive() is False and self._pending is not None:
            self._refresh.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        """One image of the whole mosaic, scaled: 200 units' 12,800 cells in about a
        millisecond instead of a rectangle each (~200 ms), so it can follow a run."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.PAPER))
        if self._mosaic is not None:
            rows, columns = self._mosaic.shape
            rgb = signed_rgb(self._mosaic)
            image = QImage(rgb.data, columns, rows, 3 * columns, QImage.Format.Format_RGB888)
            side = min(self.width() / columns, self.height() / rows)
            painter.drawImage(QRectF(0, 0, side * columns, side * rows), image)
        painter.end()


class AttributionOverlay(QWidget):
    """A see-through layer over an 8x8 preview: input × gradient of the answer, in push colours.

    Make it a child of the preview and call ``set_attribution``; hide it to turn it off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributionOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._attribution: np.ndarray | None = None
        if parent is not None:
            self.setGeometry(parent.rect())
        self.changeEvent(QEvent(QEvent.Type.LanguageChange))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setToolTip(QCoreApplication.translate("weights_view", ATTRIBUTION_EXPLANATION))
        super().changeEvent(event)

    def attribution(self) -> np.ndarray | None:
        return None if self._attribution is None else self._attribution.copy()

    def set_attribution(self, attribution: np.ndarray | None, area: QRect | None = None) -> None:
        """attribution: (8, 8) from inside.attribution, or None for nothing to show; over
        `area` of the preview (all of it by default: one digit)."""
        self._attribution = None if attribution is None else np.asarray(attribution, float)
        if area is not None:
            self.setGeometry(area)
        elif self.parentWidget() is not None:
            self.setGeometry(self.parentWidget().rect())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._attribution is None:
            return
        painter = QPainter(self)
        painter.setOpacity(0.8)
        largest = max(float(np.abs(self._attribution).max()), 1e-12)
        paint_signed_cells(painter, _square(self, 0.0), self._attribution / largest)
        painter.end()

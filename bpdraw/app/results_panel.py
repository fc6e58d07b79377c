"""The Train tab's results: test accuracy, the model's shape, its confusion matrix, per digit.

The confusion matrix is a picture drawn by matplotlib off the GUI thread (the training worker
renders it for a finished run); the panel only redraws it itself after a resize has settled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import theme
from bpdraw.app.warmup import load_plots

if TYPE_CHECKING:
    from bpdraw.evaluate import Evaluation
    from bpdraw.model import Model

# Precision or recall below this is shown in the "bad" colour.
LOW_SCORE = 0.9
RERENDER_DELAY_MS = 200


class ResultsPanel(QGroupBox):
    """Accuracy on the 450 test digits, the model line, the confusion picture, the class table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Results on the 450 test digits", parent)
        self.accuracy_label = QLabel("—", objectName="testAccuracyLabel")
        font = QFont(self.accuracy_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.accuracy_label.setFont(font)
        self.model_label = QLabel("No training run yet.", objectName="resultModelLabel")
        self.model_label.setWordWrap(True)
        self.model_label.setStyleSheet("color: palette(dark);")
        header = QHBoxLayout()
        header.addWidget(self.accuracy_label)
        header.addSpacing(12)
        header.addWidget(self.model_label, 1)

        self.confusion_picture = QLabel(
            "The confusion matrix of a new run appears here.\n"
            "The model in use: View → Confusion matrix.",
            objectName="resultConfusion",
        )
        self.confusion_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confusion_picture.setMinimumSize(300, 260)
        self.confusion_picture.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding
        )
        self.confusion_picture.setStyleSheet(f"color: palette(mid); background: {theme.PAPER};")

        self.class_table = QTableWidget(10, 3, objectName="classTable")
        self.class_table.setHorizontalHeaderLabels(["Precision", "Recall", "Digits"])
        self.class_table.setVerticalHeaderLabels([str(d) for d in range(10)])
        self.class_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.class_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.class_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.class_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.class_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.class_table.setFrameShape(QFrame.Shape.StyledPanel)
        self.class_table.setToolTip(
            "Precision: of the digits read as d, the share that are d.\n"
            "Recall: of the true d's, the share read as d."
        )
        self.class_table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.class_table.setMinimumWidth(230)

        body = QHBoxLayout()
        body.addWidget(self.confusion_picture, 3)
        body.addWidget(self.class_table, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        self._evaluation: Evaluation | None = None
        self._picture_size: tuple[int, int, float] | None = None
        self._rerender_paused = False
        self._rerender_timer = QTimer(self, singleShot=True, interval=RERENDER_DELAY_MS)
        self._rerender_timer.timeout.connect(self.on_rerender_timer)

    def evaluation(self) -> Evaluation | None:
        """The evaluation shown (None before the first run)."""
        return self._evaluation

    def confusion_size(self) -> tuple[int, int, float]:
        """(width, height, device pixel ratio) the confusion picture should be rendered at."""
        size = self.confusion_picture.contentsRect().size()
        return max(size.width(), 200), max(size.height(), 200), self.devicePixelRatioF()

    def show_evaluation(
        self,
        evaluation: Evaluation,
        model: Model | None = None,
        confusion_picture: np.ndarray | None = None,
    ) -> None:
        """Show test accuracy, the annotated confusion matrix and per-digit precision/recall.

        `confusion_picture` is the matrix already rendered as (h, w, 4) RGBA (by the worker);
        without it the matrix is rendered here, on the GUI thread.
        """
        self._evaluation = evaluation
        self.accuracy_label.setText(f"{evaluation.accuracy:.1%}")
        if model is not None:
            self.model_label.setText(model.describe())
        size = self.confusion_size()
        if confusion_picture is None:
            confusion_picture = load_plots().render_confusion(evaluation.confusion, *size)
        self._show_picture(confusion_picture, size)
        self._fill_class_table(evaluation)

    def set_rerender_paused(self, paused: bool) -> None:
        """Pause redrawing after resizes (while a run trains, matplotlib would slow it)."""
        self._rerender_paused = paused

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._evaluation is not None and not self._rerender_paused:
            self._rerender_timer.start()

    @Slot()
    def on_rerender_timer(self) -> None:
        """Redraw the confusion picture at the new size once resizing has settled."""
        if self._evaluation is None or self._rerender_paused:
            return
        size = self.confusion_size()
        if size != self._picture_size:
            plots = load_plots()
            self._show_picture(plots.render_confusion(self._evaluation.confusion, *size), size)

    def _show_picture(self, rgba: np.ndarray, size: tuple[int, int, float]) -> None:
        height, width = rgba.shape[:2]
        image = QImage(rgba.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(size[2])
        self.confusion_picture.setPixmap(pixmap)
        self._picture_size = size

    def _fill_class_table(self, evaluation: Evaluation) -> None:
        dark = self.class_table.palette().base().color().lightness() < 128
        low_color = QColor(theme.status_color("bad", dark))
        support = evaluation.confusion.sum(axis=1)
        for digit in range(10):
            scores = (evaluation.precision[digit], evaluation.recall[digit])
            texts = (f"{scores[0]:.2f}", f"{scores[1]:.2f}", str(int(support[digit])))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column < 2 and float(text) < LOW_SCORE:
                    item.setForeground(low_color)
                self.class_table.setItem(digit, column, item)

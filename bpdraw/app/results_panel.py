"""The Train tab's results: the new model beside the model in use, then one model's details.

The comparison puts a finished run's model beside the model in use, on the 450 test digits and
on drawn digits, with the buttons that choose between them. Below it: the test accuracy, the
model's line, its confusion matrix and per-digit precision and recall — of the new model after
a run, of the model in use otherwise (never an empty box).

The confusion matrix is a picture drawn by matplotlib off the GUI thread (the training worker
renders it for a finished run); the panel only redraws it itself after a resize has settled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import i18n, theme
from bpdraw.app.background import in_background
from bpdraw.app.i18n import format_number, format_percent
from bpdraw.app.train_texts import model_text
from bpdraw.app.warmup import load_confusion_plot

if TYPE_CHECKING:
    from bpdraw.app.worker import ConfusionLook, ModelScores
    from bpdraw.evaluate import Evaluation
    from bpdraw.model import Model

# Precision or recall below this is shown in the "bad" colour.
LOW_SCORE = 0.9
RERENDER_DELAY_MS = 200
DRAWN_NOTE = QT_TRANSLATE_NOOP(
    "Comparison",
    "Drawn digits: the 400 pen digits of UJI writers 41–60, redrawn as on a canvas and read "
    "through the canvas's conversion. Neither the shipped model nor a model trained here ever "
    "trained on these writers (models trained with pen digits are calibrated on them).",
)
# Who show_scores' details are about (the Train tab passes these English names).
WHOSE = (
    QT_TRANSLATE_NOOP("ResultsPanel", "The model in use"),
    QT_TRANSLATE_NOOP("ResultsPanel", "The new model"),
)
DRAWN_SET = QT_TRANSLATE_NOOP("Comparison", "drawn digits (UJI writers 41–60, never trained on)")


def _percent(value: float | None) -> str:
    return "…" if value is None else format_percent(value, 1)


class Comparison(QGroupBox):
    """The model in use and a new model side by side, with Use / Keep / Save buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison")
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        self.in_use_header, self.new_header = QLabel(), QLabel()
        grid.addWidget(self.in_use_header, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.new_header, 0, 2, Qt.AlignmentFlag.AlignRight)
        self.test_row_label, self.drawn_row_label = QLabel(), QLabel()
        grid.addWidget(self.test_row_label, 1, 0)
        grid.addWidget(self.drawn_row_label, 2, 0)
        self.in_use_test = QLabel("…", objectName="inUseTestLabel")
        self.in_use_drawn = QLabel("…", objectName="inUseDrawnLabel")
        self.new_test = QLabel("", objectName="newTestLabel")
        self.new_drawn = QLabel("", objectName="newDrawnLabel")
        for row, (in_use, new) in enumerate(
            ((self.in_use_test, self.new_test), (self.in_use_drawn, self.new_drawn)), start=1
        ):
            grid.addWidget(in_use, row, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(new, row, 2, Qt.AlignmentFlag.AlignRight)
        self.in_use_label = QLabel("", objectName="inUseModelLabel")
        self.in_use_label.setWordWrap(True)
        self.verdict_label = QLabel("", objectName="verdictLabel")
        self.verdict_label.setWordWrap(True)
        self.note_label = QLabel(objectName="drawnNoteLabel")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(f"color: {theme.MUTED}; font-size: 11px;")
        self.use_button = QPushButton(objectName="useNewModelButton")
        self.keep_button = QPushButton(objectName="keepCurrentButton")
        self.save_button = QPushButton(objectName="saveNewModelButton")
        buttons = QHBoxLayout()
        for button in (self.use_button, self.keep_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_use_label)
        layout.addLayout(grid)
        layout.addWidget(self.verdict_label)
        layout.addLayout(buttons)
        layout.addWidget(self.note_label)
        self._model_line = ""
        self.set_new(None)

    def retranslate(self) -> None:
        """The texts in the language now installed (the figures shown stay)."""
        self.in_use_header.setText(self.tr("<b>In use</b>"))
        self.new_header.setText(self.tr("<b>New</b>"))
        self.test_row_label.setText(self.tr("450 test digits (load_digits)"))
        self.drawn_row_label.setText(self.tr(DRAWN_SET))
        self.note_label.setText(self.tr(DRAWN_NOTE))
        self.use_button.setText(self.tr("Use the new model"))
        self.use_button.setToolTip(
            self.tr("Put the new model in use (File → Restore brings this one back).")
        )
        self.keep_button.setText(self.tr("Keep current"))
        self.keep_button.setToolTip(self.tr("Discard the new model; the model in use stays."))
        self.save_button.setText(self.tr("Save new model…"))
        shown = getattr(self, "_new_scores", None) is not None
        self.setTitle(
            self.tr("New model or model in use?") if shown else self.tr("The model in use")
        )
        in_use = self.tr("In use: {model}").format(model=self._model_line)
        self.in_use_label.setText(in_use if self._model_line else "")
        self._update_verdict()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_in_use(self, model_line: str, scores: ModelScores | None) -> None:
        """Name the model in use and show its figures (… while they are being measured)."""
        self._model_line = model_line
        self.in_use_label.setText(self.tr("In use: {model}").format(model=model_line))
        self.in_use_test.setText(_percent(None if scores is None else scores.test.accuracy))
        self.in_use_drawn.setText(_percent(None if scores is None else scores.drawn_accuracy))
        self._in_use_scores = scores
        self._update_verdict()

    def set_new(self, scores: ModelScores | None) -> None:
        """Show a finished run's model beside the one in use; None hides the new column."""
        self._new_scores = scores
        shown = scores is not None
        self.retranslate()
        for widget in (
            self.new_header,
            self.new_test,
            self.new_drawn,
            self.verdict_label,
            self.use_button,
            self.keep_button,
            self.save_button,
        ):
            widget.setVisible(shown)
        if shown:
            self.new_test.setText(_percent(scores.test.accuracy))
            self.new_drawn.setText(_percent(scores.drawn_accuracy))
        self._update_verdict()

    def _update_verdict(self) -> None:
        new, in_use = getattr(self, "_new_scores", None), getattr(self, "_in_use_scores", None)
        if new is None or in_use is None:
            self.verdict_label.setText("")
            return
        if (
            new.drawn_accuracy >= in_use.drawn_accuracy
            and new.test.accuracy >= in_use.test.accuracy
        ):
            text = self.tr("The new model reads both at least as well as the one in use.")
        elif new.drawn_accuracy < in_use.drawn_accuracy:
            text = self.tr("The new model reads drawings worse than the one in use: keep current?")
        else:
            text = self.tr("The new model reads drawings as well or better, the test digits worse.")
        self.verdict_label.setText(text)


class ResultsPanel(QGroupBox):
    """Accuracy on the 450 test digits, the model line, the confusion picture, the class table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = Comparison()
        self.details_label = QLabel("", objectName="resultDetailsLabel")
        self.details_label.setWordWrap(True)
        self.accuracy_label = QLabel("—", objectName="testAccuracyLabel")
        font = QFont(self.accuracy_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.accuracy_label.setFont(font)
        self.model_label = QLabel(objectName="resultModelLabel")
        self.model_label.setWordWrap(True)
        self.model_label.setStyleSheet("color: palette(dark);")
        header = QHBoxLayout()
        header.addWidget(self.accuracy_label)
        header.addSpacing(12)
        header.addWidget(self.model_label, 1)

        self.confusion_picture = QLabel("…", objectName="resultConfusion")
        self.confusion_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confusion_picture.setMinimumSize(200, 200)
        self.confusion_picture.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding
        )
        self.confusion_picture.setStyleSheet(f"color: palette(mid); background: {theme.PAPER};")

        self.class_table = QTableWidget(10, 3, objectName="classTable")
        self.class_table.setVerticalHeaderLabels([str(d) for d in range(10)])
        self.class_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.class_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.class_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.class_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.class_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.class_table.setFrameShape(QFrame.Shape.StyledPanel)
        self.class_table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.class_table.setMinimumWidth(180)
        self.class_table.setMinimumHeight(200)

        body = QHBoxLayout()
        body.addWidget(self.confusion_picture, 3)
        body.addWidget(self.class_table, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.comparison)
        layout.addWidget(self.details_label)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        self._evaluation: Evaluation | None = None
        self._picture_size: ConfusionLook | None = None
        self._rerender_paused = False
        self._rerender_timer = QTimer(self, singleShot=True, interval=RERENDER_DELAY_MS)
        self._rerender_timer.timeout.connect(self.on_rerender_timer)
        self._whose = WHOSE[0]
        self.retranslate()

    def retranslate(self) -> None:
        """The texts in the language now installed (the figures shown stay)."""
        self.setTitle(self.tr("Results"))
        headers = [self.tr("Precision"), self.tr("Recall"), self.tr("Digits")]
        self.class_table.setHorizontalHeaderLabels(headers)
        self.class_table.setToolTip(
            self.tr(
                "Precision: of the digits read as d, the share that are d.\n"
                "Recall: of the true d's, the share read as d."
            )
        )
        if self._evaluation is None:
            self.model_label.setText(self.tr("Measuring the model in use…"))
        else:
            details = self.tr("<b>{whose} on the 450 test digits</b>")
            self.details_label.setText(details.format(whose=self.tr(self._whose)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._evaluation is not None and not self._rerender_paused:
                self._picture_size = None  # drawn again whatever its size: its labels
                self._rerender_timer.start()
        super().changeEvent(event)

    def evaluation(self) -> Evaluation | None:
        """The evaluation shown (None before the first run)."""
        return self._evaluation

    def confusion_size(self) -> ConfusionLook:
        """(width, height, device pixel ratio, Chinese font family or None) the confusion
        picture should be rendered with. The font is chosen here, on the GUI thread, and
        whatever the language: the render translates its labels when it runs, and the
        language may change in between (Latin text keeps DejaVu Sans, listed first)."""
        size = self.confusion_picture.contentsRect().size()
        width, height = max(size.width(), 200), max(size.height(), 200)
        return width, height, self.devicePixelRatioF(), i18n.chinese_font_family()

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
        self.details_label.setText(self.tr("<b>Details on the 450 test digits</b>"))
        self.accuracy_label.setText(format_percent(evaluation.accuracy, 1))
        if model is not None:
            self.model_label.setText(model_text(model))
        size = self.confusion_size()
        if confusion_picture is None:
            confusion_picture = load_confusion_plot().render_confusion(evaluation.confusion, *size)
        self._show_picture(confusion_picture, size)
        self._fill_class_table(evaluation)

    def show_scores(self, scores: ModelScores, whose: str) -> None:
        """Show one model's details below the comparison; `whose` says which model it is."""
        self.show_evaluation(scores.test, scores.model, scores.confusion_picture)
        self._whose = whose
        details = self.tr("<b>{whose} on the 450 test digits</b>")
        self.details_label.setText(details.format(whose=self.tr(whose)))

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
            # drawn on a plain thread (100-300 ms of matplotlib), shown when it arrives
            evaluation = self._evaluation
            self._picture_size = size

            def render() -> tuple[Evaluation, np.ndarray, ConfusionLook]:
                rgba = load_confusion_plot().render_confusion(evaluation.confusion, *size)
                return evaluation, rgba, size

            in_background(render, self._on_picture_rendered, name="bpdraw-confusion")

    def _on_picture_rendered(self, rendered) -> None:
        evaluation, rgba, size = rendered
        if evaluation is self._evaluation:
            self._show_picture(rgba, size)

    def _show_picture(self, rgba: np.ndarray, size: ConfusionLook) -> None:
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
            texts = (
                format_number(scores[0], 2),
                format_number(scores[1], 2),
                format_number(int(support[digit])),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column < 2 and round(float(scores[column]), 2) < LOW_SCORE:
                    item.setForeground(low_color)
                self.class_table.setItem(digit, column, item)

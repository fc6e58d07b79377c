"""The confusion-matrix window: where the model in use goes wrong on the 450 test digits.

Clicking a cell of the heat map lists the test digits in it as crisp 8x8 thumbnails with their
true label, the prediction and the model's confidence, so a person can see *why* a 3 was read
as an 8. The evaluation runs when the window is shown (or a test asks for it), never at start-up.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import i18n, theme
from bpdraw.app.digit_view import THUMBNAIL_PIXELS, digit_pixmap
from bpdraw.app.i18n import format_number, format_percent
from bpdraw.app.train_texts import model_text
from bpdraw.app.warmup import WARM_UP_MODULES, ImportWarmer

if TYPE_CHECKING:
    from bpdraw.data import DigitSplit
    from bpdraw.evaluate import Evaluation
    from bpdraw.model import Model


def confidence_text(confidence: float) -> str:
    """'87%', or one decimal near certainty so 0.996 does not read as a flat 100%."""
    if 0.99 <= confidence < 1.0:
        return format_percent(min(confidence, 0.999), 1)
    return format_percent(confidence)


class ConfusionWindow(QWidget):
    """A top-level window: the model's confusion matrix with clickable cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("confusionWindow")
        self.resize(980, 600)
        self._model: Model | None = None
        self._evaluation: Evaluation | None = None
        self._split: DigitSplit | None = None
        self._plot = None
        self._selected: tuple[int, int] | None = None
        self._plot_stale = True

        self.title_label = QLabel(objectName="confusionTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.model_label = QLabel(objectName="confusionModel")
        self.model_label.setWordWrap(True)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: palette(dark);")

        self._plot_holder = QVBoxLayout()
        self._plot_placeholder = QLabel()
        self._plot_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._plot_placeholder.setMinimumSize(480, 440)
        self._plot_holder.addWidget(self._plot_placeholder)

        self.cell_label = QLabel(objectName="cellLabel")
        cell_font = QFont(self.cell_label.font())
        cell_font.setBold(True)
        self.cell_label.setFont(cell_font)
        self.cell_label.setWordWrap(True)
        self.digit_list = QListWidget(objectName="cellDigits")
        self.digit_list.setViewMode(QListView.ViewMode.IconMode)
        self.digit_list.setIconSize(QSize(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
        self.digit_list.setGridSize(QSize(THUMBNAIL_PIXELS + 52, THUMBNAIL_PIXELS + 48))
        self.digit_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.digit_list.setMovement(QListView.Movement.Static)
        self.digit_list.setWrapping(True)
        self.digit_list.setWordWrap(True)
        self.digit_list.setSpacing(4)
        self.digit_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.digit_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.digit_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        side = QVBoxLayout()
        side.addWidget(self.cell_label)
        side.addWidget(self.digit_list, 1)
        body = QHBoxLayout()
        body.addLayout(self._plot_holder, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.model_label)
        layout.addSpacing(4)
        layout.addWidget(self.hint_label)
        layout.addLayout(body, 1)

        self.import_warmer = ImportWarmer(self)
        self.import_warmer.done.connect(self.on_imports_ready)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the language now installed, the heat map's labels included."""
        self.setWindowTitle(self.tr("Confusion matrix"))
        self.title_label.setText(self.tr("No model yet."))
        self.hint_label.setText(
            self.tr(
                "Rows are the true digits, columns what the model read. Blue: read right; red: "
                "mistakes. Click a cell to see its digits."
            )
        )
        if self._plot is None:
            self._plot_placeholder.setText(self.tr("The heat map appears when a model is set."))
        self.cell_label.setText(self.tr("Click a cell."))
        if self._evaluation is not None and self._plot is not None:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public API -----------------------------------------------------------------------
    def set_model(self, model: Model) -> None:
        """Show `model`'s confusion on the 450 test digits (evaluated when shown)."""
        self._model = model
        self._evaluation = None
        self._split = None
        self._selected = None
        self._plot_stale = True
        if self.isVisible():
            self._refresh_when_ready()

    def model(self) -> Model | None:
        return self._model

    def evaluation(self) -> Evaluation | None:
        """The model's Evaluation on the test digits (computed on first use)."""
        self._ensure_evaluated()
        return self._evaluation

    def cell_digits(self, true_digit: int, predicted: int) -> list[int]:
        """Positions in the 450 test digits that are `true_digit` and were read as `predicted`."""
        evaluation = self.evaluation()
        if evaluation is None:
            return []
        return [int(index) for index in evaluation.cell(true_digit, predicted)]

    @property
    def heatmap_canvas(self):
        """The heat map's matplotlib canvas widget (None until the window is first shown)."""
        return None if self._plot is None else self._plot["canvas"]

    @property
    def heatmap_axes(self):
        """The heat map's axes: cell (true, predicted) is centred at data (predicted, true)."""
        return None if self._plot is None else self._plot["ax"]

    def selected_cell(self) -> tuple[int, int] | None:
        return self._selected

    def listed_digits(self) -> list[int]:
        """The test positions currently shown as thumbnails, in order."""
        return [
            int(self.digit_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.digit_list.count())
        ]

    def select_cell(self, true_digit: int, predicted: int) -> None:
        """Show the digits of cell (true_digit, predicted) as thumbnails."""
        if not (0 <= true_digit < 10 and 0 <= predicted < 10):
            raise ValueError(f"a cell is two digits 0-9, not ({true_digit}, {predicted})")
        indices = self.cell_digits(true_digit, predicted)
        self._selected = (true_digit, predicted)
        evaluation, split = self._evaluation, self._split
        self.digit_list.clear()
        if evaluation is None:
            return
        if true_digit == predicted:
            what = self.tr("True {true}, read right").format(true=true_digit)
        else:
            what = self.tr("True {true}, read as {read}").format(true=true_digit, read=predicted)
        count = len(indices)
        digits = self.tr("{count} test digit") if count == 1 else self.tr("{count} test digits")
        self.cell_label.setText(f"{what}: {digits.format(count=format_number(count))}")
        item_text = self.tr("true {true} → {read}\n{percent} sure")
        tip = self.tr(
            "Test digit #{index} (load_digits #{source})\n"
            "true {true}, read as {read} with {percent} confidence"
        )
        for index in indices:
            confidence = float(evaluation.confidences[index])
            true, read = int(evaluation.labels[index]), int(evaluation.predictions[index])
            item = QListWidgetItem(
                QIcon(digit_pixmap(split.images_test[index])),
                item_text.format(true=true, read=read, percent=confidence_text(confidence)),
            )
            item.setData(Qt.ItemDataRole.UserRole, index)
            source = int(split.test_indices[index])
            percent = format_percent(confidence, 1)
            item.setToolTip(
                tip.format(index=index, source=source, true=true, read=read, percent=percent)
            )
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.digit_list.addItem(item)
        self._highlight_selection()

    def refresh(self) -> None:
        """Evaluate the model (if needed) and redraw the heat map."""
        from bpdraw.app.confusion_plot import draw_confusion

        self._ensure_evaluated()
        evaluation = self._evaluation
        if evaluation is None:
            return
        plot = self._ensure_plot()
        draw_confusion(plot["ax"], evaluation.confusion, fontsize=9)
        self._label_axes(plot["ax"])
        plot["highlight"] = None
        self._plot_stale = False
        title, model_name = self._title()
        self.title_label.setText(title)
        self.model_label.setText(self.tr("Model in use: {model}").format(model=model_name))
        accuracy = format_percent(evaluation.accuracy, 1)
        window_title = self.tr("Confusion matrix — {accuracy} on the test digits")
        self.setWindowTitle(window_title.format(accuracy=accuracy))
        if self._selected is None:
            self._selected = self._most_common_mistake(evaluation.confusion)
        self.select_cell(*self._selected)
        plot["canvas"].draw_idle()

    # -- internals ------------------------------------------------------------------------
    def _label_axes(self, ax) -> None:
        """The heat map's axis labels in the language installed (with a font that has it)."""
        family = i18n.matplotlib_fonts()
        fonts = {"fontfamily": ["DejaVu Sans", family] if family else ["sans-serif"]}
        ax.set_xlabel(self.tr("Predicted digit"), fontsize=10, **fonts)
        ax.set_ylabel(self.tr("True digit"), fontsize=10, **fonts)

    def _title(self) -> tuple[str, str]:
        evaluation = self._evaluation
        has_network = getattr(self._model, "network", None) is not None
        name = model_text(self._model) if has_network else self.tr("model in use")
        wrong = int(evaluation.confusion.sum() - np.trace(evaluation.confusion))
        total = int(evaluation.confusion.sum())
        title = self.tr("{accuracy} read right — {wrong} of the {total} test digits wrong")
        accuracy = format_percent(evaluation.accuracy, 1)
        return title.format(accuracy=accuracy, wrong=wrong, total=format_number(total)), name

    @staticmethod
    def _most_common_mistake(confusion: np.ndarray) -> tuple[int, int]:
        mistakes = np.asarray(confusion).copy()
        np.fill_diagonal(mistakes, -1)
        true_digit, predicted = np.unravel_index(int(mistakes.argmax()), mistakes.shape)
        if mistakes[true_digit, predicted] <= 0:
            return 0, 0
        return int(true_digit), int(predicted)

    def _ensure_evaluated(self) -> None:
        if self._evaluation is not None or self._model is None:
            return
        from bpdraw.evaluate import evaluate_on_test

        self._evaluation, self._split = evaluate_on_test(self._model)

    def _ensure_plot(self):
        if self._plot is not None:
            return self._plot
        from bpdraw.app.plots import make_canvas

        canvas, figure = make_canvas(5.2, 4.8)
        canvas.setObjectName("confusionCanvas")
        canvas.setMinimumSize(420, 400)
        canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        ax = figure.add_subplot()
        canvas.mpl_connect("button_press_event", self.on_canvas_pressed)
        self._plot_holder.replaceWidget(self._plot_placeholder, canvas)
        self._plot_placeholder.deleteLater()
        self._plot = {"canvas": canvas, "figure": figure, "ax": ax, "highlight": None}
        return self._plot

    def _highlight_selection(self) -> None:
        if self._plot is None or self._selected is None:
            return
        from matplotlib.patches import Rectangle

        plot = self._plot
        if plot["highlight"] is not None:
            plot["highlight"].remove()
        true_digit, predicted = self._selected
        plot["highlight"] = plot["ax"].add_patch(
            Rectangle(
                (predicted - 0.5, true_digit - 0.5),
                1,
                1,
                fill=False,
                edgecolor=theme.HIGHLIGHT,
                linewidth=2.5,
                zorder=5,
            )
        )
        plot["canvas"].draw_idle()

    def on_canvas_pressed(self, event) -> None:
        from bpdraw.app.confusion_plot import cell_at

        if self._plot is None or event.inaxes is not self._plot["ax"]:
            return
        cell = cell_at(self._plot["ax"], event.xdata, event.ydata)
        if cell is not None:
            self.select_cell(*cell)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._refresh_when_ready()

    def _refresh_when_ready(self) -> None:
        """Refresh now if matplotlib is loaded, else once the background import is done."""
        if self._model is None or not self._plot_stale:
            return
        if self._plot is not None or all(name in sys.modules for name in WARM_UP_MODULES):
            self.refresh()
        else:
            self._plot_placeholder.setText(self.tr("Drawing the confusion matrix…"))
            self.import_warmer.start()

    @Slot()
    def on_imports_ready(self) -> None:
        if self.isVisible():
            self._refresh_when_ready()

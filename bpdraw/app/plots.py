"""Matplotlib pieces shared by the Train tab and the confusion-matrix window.

Importing this module imports matplotlib, so widgets reach it only through
`bpdraw.app.warmup.load_plots()`: matplotlib stays off the app's start-up path.
"""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import FormatStrFormatter, NullFormatter, PercentFormatter
from PySide6.QtCore import QPointF

from bpdraw.app import theme

CORRECT_CMAP = LinearSegmentedColormap.from_list(
    "correct", [theme.CORRECT_LIGHT, theme.CORRECT_DARK]
)
WRONG_CMAP = LinearSegmentedColormap.from_list("wrong", [theme.WRONG_LIGHT, theme.WRONG_DARK])


def make_canvas(width: float, height: float, dpi: int = 100) -> tuple[FigureCanvasQTAgg, Figure]:
    """A Qt widget showing a new figure of `width` x `height` inches."""
    figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained", facecolor=theme.PAPER)
    canvas = FigureCanvasQTAgg(figure)
    return canvas, figure


def draw_confusion(ax, confusion: np.ndarray, *, title: str | None = None, fontsize: float = 8):
    """Draw an annotated 10x10 confusion matrix (rows true, columns predicted) on `ax`.

    Correct cells (the diagonal) are shaded blue by the share of that digit read correctly;
    mistakes are shaded red by how many there are, so a handful of errors still stands out
    next to diagonals of ~45. Empty cells stay white and unlabelled.
    """
    confusion = np.asarray(confusion)
    n = confusion.shape[0]
    ax.clear()
    row_totals = np.maximum(confusion.sum(axis=1), 1)
    diagonal = np.eye(n, dtype=bool)
    correct_share = np.where(diagonal, confusion / row_totals[:, None], np.nan)
    most_mistakes = max(int(confusion[~diagonal].max(initial=0)), 1)
    mistakes = np.where(~diagonal & (confusion > 0), confusion, np.nan)

    ax.set_facecolor(theme.PAPER)
    ax.imshow(correct_share, cmap=CORRECT_CMAP, vmin=0, vmax=1, interpolation="nearest")
    ax.imshow(
        mistakes,
        cmap=WRONG_CMAP,
        vmin=0,
        vmax=most_mistakes,
        interpolation="nearest",
    )
    for true_digit in range(n):
        for predicted in range(n):
            count = int(confusion[true_digit, predicted])
            if count == 0:
                continue
            if true_digit == predicted:
                dark = correct_share[true_digit, predicted] > 0.55
            else:
                dark = count / most_mistakes > 0.55
            ax.text(
                predicted,
                true_digit,
                str(count),
                ha="center",
                va="center",
                fontsize=fontsize,
                color=theme.PAPER if dark else theme.PLOT_TEXT,
                fontweight="bold" if true_digit == predicted else "normal",
            )
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xticks(np.arange(-0.5, n), minor=True)
    ax.set_yticks(np.arange(-0.5, n), minor=True)
    ax.grid(which="minor", color=theme.MATRIX_GRID, linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.tick_params(which="major", length=0, labelsize=fontsize)
    ax.set_xlabel("Predicted digit", fontsize=fontsize + 1)
    ax.set_ylabel("True digit", fontsize=fontsize + 1)
    ax.xaxis.set_label_position("top")
    ax.xaxis.tick_top()
    for spine in ax.spines.values():
        spine.set_color(theme.MATRIX_GRID)
    if title:
        ax.set_title(title, fontsize=fontsize + 2, pad=8)


def cell_at(ax, xdata: float | None, ydata: float | None, n: int = 10) -> tuple[int, int] | None:
    """The (true, predicted) cell under data coordinates (x, y), or None outside the matrix."""
    if xdata is None or ydata is None:
        return None
    predicted, true_digit = int(round(xdata)), int(round(ydata))
    if 0 <= true_digit < n and 0 <= predicted < n:
        return true_digit, predicted
    return None


def cell_center_in_widget(
    canvas: FigureCanvasQTAgg, ax, true_digit: int, predicted: int
) -> QPointF:
    """Where cell (true_digit, predicted)'s centre is, in the canvas widget's logical pixels."""
    canvas.draw()  # make sure the transforms reflect the current size
    x_display, y_display = ax.transData.transform((predicted, true_digit))
    ratio = canvas.device_pixel_ratio or 1.0
    return QPointF(x_display / ratio, canvas.height() - y_display / ratio)


class LivePlot:
    """Loss and accuracy curves that update cheaply while a training runs.

    The axes never rescale (x is the share of the run, loss is on a fixed log scale, accuracy
    is 0-100 %), so the background is rendered once and each update only re-renders the lines
    and blits them: a full matplotlib redraw takes 50-150 ms on a 2-core machine, a blit a few.
    """

    LOSS_LIMITS = (1e-3, 3.0)  # squared error starts near 0.45, cross-entropy near ln 10 = 2.3

    def __init__(self) -> None:
        self.canvas, self.figure = make_canvas(6.4, 2.5)
        self.canvas.setObjectName("livePlot")
        self.loss_ax, self.accuracy_ax = self.figure.subplots(1, 2)
        style = {"linewidth": 1.6, "animated": True}
        (self.loss_line,) = self.loss_ax.plot([], [], color=theme.LOSS, **style)
        (self.train_line,) = self.accuracy_ax.plot(
            [], [], color=theme.TRAIN_CURVE, label="training digits", **style
        )
        (self.validation_line,) = self.accuracy_ax.plot(
            [], [], color=theme.VALIDATION_CURVE, label="validation digits (fast recipe)", **style
        )
        self.loss_ax.set_yscale("log")
        self.loss_ax.set_ylim(*self.LOSS_LIMITS)
        # plain "0.01" labels: friendlier than 10^-2, and they skip mathtext's slow first parse
        self.loss_ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
        self.loss_ax.yaxis.set_minor_formatter(NullFormatter())
        self.loss_ax.set_title("Loss on the training digits (log scale)", fontsize=9)
        self.accuracy_ax.set_ylim(0, 1.02)
        self.accuracy_ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        self.accuracy_ax.set_title("Accuracy", fontsize=9)
        self.accuracy_ax.legend(loc="lower right", fontsize=7.5, frameon=False)
        for ax in (self.loss_ax, self.accuracy_ax):
            ax.set_xlim(0, 100)
            ax.xaxis.set_major_formatter(PercentFormatter(100))
            ax.set_xlabel("share of the run", fontsize=8)
            ax.grid(True, color=theme.PLOT_GRID, linewidth=0.8)
            ax.tick_params(labelsize=7.5)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
        self._lines = (self.loss_line, self.train_line, self.validation_line)
        self._background = None
        self.canvas.mpl_connect("draw_event", self._on_draw)

    def set_data(self, percent, loss, train_accuracy, validation_accuracy) -> None:
        """Replace the curves; x is the share of the run in percent."""
        self.loss_line.set_data(percent, np.clip(loss, *self.LOSS_LIMITS))
        self.train_line.set_data(percent, train_accuracy)
        self.validation_line.set_data(percent, validation_accuracy)

    def update(self) -> None:
        """Show the current curves: a blit when the background is cached, else a full draw."""
        if self._background is None:
            self.canvas.draw_idle()
            return
        self.canvas.restore_region(self._background)
        self._draw_lines()
        self.canvas.blit(self.figure.bbox)

    def _draw_lines(self) -> None:
        for line in self._lines:
            self.figure.draw_artist(line)

    def _on_draw(self, _event) -> None:
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_lines()


def render_confusion(
    confusion: np.ndarray, width: int, height: int, device_pixel_ratio: float = 1.0
) -> np.ndarray:
    """The annotated confusion matrix as an (h, w, 4) uint8 RGBA picture, `width` x `height`
    logical pixels.

    Uses only Agg, no Qt, so a worker thread can render it: drawing a hundred labels costs
    matplotlib 100-300 ms, which the GUI thread should not spend at the end of a run.
    """
    dpi = 100 * device_pixel_ratio
    figure = Figure(
        figsize=(width / 100, height / 100), dpi=dpi, layout="constrained", facecolor=theme.PAPER
    )
    canvas = FigureCanvasAgg(figure)
    draw_confusion(figure.add_subplot(), confusion)
    canvas.draw()
    return np.array(canvas.buffer_rgba(), copy=True)

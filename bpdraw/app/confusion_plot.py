"""The confusion matrix drawn by matplotlib: on an Axes (the confusion window) or as an RGBA
picture on any thread (the Train tab's results).

Importing this module imports matplotlib, so widgets reach it only through
`bpdraw.app.warmup.load_confusion_plot()` or from a window that already needs matplotlib."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, QPointF

from bpdraw.app import theme
from bpdraw.app.i18n import register_matplotlib_font

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

CORRECT_CMAP = LinearSegmentedColormap.from_list(
    "correct", [theme.CORRECT_LIGHT, theme.CORRECT_DARK]
)
WRONG_CMAP = LinearSegmentedColormap.from_list("wrong", [theme.WRONG_LIGHT, theme.WRONG_DARK])


def _tr(text: str) -> str:  # in the language spoken; safe on a worker thread too
    return QCoreApplication.translate("LivePlot", text)  # the texts are listed in train_texts


def draw_confusion(
    ax,
    confusion: np.ndarray,
    *,
    title: str | None = None,
    fontsize: float = 8,
    label_fonts: list[str] | None = None,
):
    """Draw an annotated 10x10 confusion matrix (rows true, columns predicted) on `ax`.

    `label_fonts` are the font families of the axis labels and the title (matplotlib's
    current default when None).

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
    fonts = {} if label_fonts is None else {"fontfamily": label_fonts}
    ax.set_xlabel(_tr("Predicted digit"), fontsize=fontsize + 1, **fonts)
    ax.set_ylabel(_tr("True digit"), fontsize=fontsize + 1, **fonts)
    ax.xaxis.set_label_position("top")
    ax.xaxis.tick_top()
    for spine in ax.spines.values():
        spine.set_color(theme.MATRIX_GRID)
    if title:
        ax.set_title(title, fontsize=fontsize + 2, pad=8, **fonts)


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


def render_confusion(
    confusion: np.ndarray,
    width: int,
    height: int,
    device_pixel_ratio: float = 1.0,
    chinese_family: str | None = None,
) -> np.ndarray:
    """The annotated confusion matrix as an (h, w, 4) uint8 RGBA picture, `width` x `height`
    logical pixels, its labels in the language spoken (`chinese_family`: the font to fall back
    to for Chinese glyphs, chosen by the GUI thread; None: none installed).

    Uses only Agg, no Qt, so a worker thread can render it: drawing a hundred labels costs
    matplotlib 100-300 ms, which the GUI thread should not spend at the end of a run. The fonts
    go to the labels themselves, not to matplotlib's global settings, which the GUI thread may
    be changing meanwhile.
    """
    label_fonts = ["sans-serif"]
    if chinese_family is not None and register_matplotlib_font(chinese_family):
        label_fonts = ["DejaVu Sans", chinese_family]
    dpi = 100 * device_pixel_ratio
    figure = Figure(
        figsize=(width / 100, height / 100), dpi=dpi, layout="constrained", facecolor=theme.PAPER
    )
    canvas = FigureCanvasAgg(figure)
    draw_confusion(figure.add_subplot(), confusion, label_fonts=label_fonts)
    canvas.draw()
    return np.array(canvas.buffer_rgba(), copy=True)

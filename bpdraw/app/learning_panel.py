"""The Train tab's live plot: loss and accuracy curves of the run in progress.

Until matplotlib has been imported in the background (see `warmup`), the panel shows a
placeholder; `build_plot()` swaps in the real plot. Progress events are collected as they
arrive and drawn at most every `PLOT_REDRAW_INTERVAL_MS`, by blitting only the lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from bpdraw.app.warmup import load_plots

if TYPE_CHECKING:
    from bpdraw.app.plots import LivePlot
    from bpdraw.training import Config, Progress

# The live plot is redrawn at most this often (milliseconds between redraws).
PLOT_REDRAW_INTERVAL_MS = 100
PLOT_MIN_HEIGHT = 220


class LearningPanel(QGroupBox):
    """Loss and accuracy while a run trains; the last run's curves stay until the next run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Learning", parent)
        self._layout = QVBoxLayout(self)
        self._placeholder = QLabel("The loss and accuracy curves appear here while training.")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setMinimumHeight(PLOT_MIN_HEIGHT)
        self._placeholder.setStyleSheet("color: palette(mid);")
        self._layout.addWidget(self._placeholder)
        self._plot: LivePlot | None = None
        self._history: dict[str, list[float]] = {}
        self._run_length = 1
        self._dirty = False
        self._redraw_timer = QTimer(self, interval=PLOT_REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self.on_redraw_timer)
        self._clear_history()

    def has_plot(self) -> bool:
        return self._plot is not None

    def build_plot(self) -> None:
        """Replace the placeholder by the plot (once; matplotlib should be imported by now)."""
        if self._plot is not None:
            return
        self._plot = load_plots().LivePlot()
        self._plot.canvas.setMinimumHeight(PLOT_MIN_HEIGHT)
        self._layout.replaceWidget(self._placeholder, self._plot.canvas)
        self._placeholder.deleteLater()

    def schedule_full_draw(self) -> None:
        """Have the plot drawn in full at the next paint (its one expensive draw)."""
        if self._plot is not None:
            self._plot.canvas.draw_idle()

    def start_run(self, config: Config) -> None:
        """Clear the curves for a new run of `config` and redraw them as progress comes in."""
        self.build_plot()
        self._clear_history()
        self._run_length = config.length
        self.setTitle(
            f"Learning — {config.recipe} recipe, {config.length:,} {config.length_setting}"
        )
        self._dirty = True
        self.on_redraw_timer()
        self._redraw_timer.start()

    def add(self, progress: Progress) -> None:
        """Record one progress event (drawn at the next redraw)."""
        history = self._history
        history["done"].append(progress.done)
        history["loss"].append(progress.loss)
        history["train"].append(progress.train_accuracy)
        validation = progress.validation_accuracy
        history["validation"].append(float("nan") if validation is None else validation)
        self._dirty = True

    def stop(self) -> None:
        """Draw what has arrived and stop redrawing (the run has ended)."""
        self._redraw_timer.stop()
        self.on_redraw_timer()

    @Slot()
    def on_redraw_timer(self) -> None:
        if not self._dirty or self._plot is None:
            return
        self._dirty = False
        history = self._history
        percent = np.asarray(history["done"], dtype=float) * (100.0 / max(self._run_length, 1))
        self._plot.set_data(percent, history["loss"], history["train"], history["validation"])
        self._plot.update()

    def _clear_history(self) -> None:
        self._history = {"done": [], "loss": [], "train": [], "validation": []}

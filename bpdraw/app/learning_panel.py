"""The Train tab's live view of a run: loss and accuracy curves, and the hidden units' weights.

Until matplotlib has been imported in the background (see `warmup`), the plot is a
placeholder; `build_plot()` swaps in the real plot. Progress events are collected as they
arrive and drawn at most every `PLOT_REDRAW_INTERVAL_MS`, by blitting only what changes.
Beside the curves, a mosaic shows every hidden unit's incoming weights as they form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from bpdraw.app import theme
from bpdraw.app.i18n import format_number, matplotlib_fonts
from bpdraw.app.train_texts import recipe_text
from bpdraw.app.warmup import in_later_turns, load_plots
from bpdraw.app.weights_view import WeightMosaic

if TYPE_CHECKING:
    from bpdraw.app.plots import LivePlot
    from bpdraw.network import Network
    from bpdraw.training import Config, Progress

# The live plot is redrawn at most this often (milliseconds between redraws).
PLOT_REDRAW_INTERVAL_MS = 100
PLOT_MIN_HEIGHT = 200
# English sources, shown through LearningPanel.tr().
HELD_OUT_LABELS = {
    "fast": QT_TRANSLATE_NOOP("LearningPanel", "validation digits (held out)"),
    "classic": QT_TRANSLATE_NOOP("LearningPanel", "test digits (for watching only)"),
}
HELD_OUT_OTHER = QT_TRANSLATE_NOOP("LearningPanel", "held-out")
LENGTH_UNITS = {
    "epochs": QT_TRANSLATE_NOOP("LearningPanel", "epochs"),
    "steps": QT_TRANSLATE_NOOP("LearningPanel", "steps"),
}
MOSAIC_EXPLANATION = QT_TRANSLATE_NOOP(
    "LearningPanel",
    "Each tile: one hidden unit's 64 weights. Blue: ink there makes it fire; red: silences it.",
)


class LearningPanel(QGroupBox):
    """Loss and accuracy while a run trains (the last run's curves stay, then fade to faint
    when the next starts), and the weights mosaic beside them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._placeholder = QLabel()
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setMinimumHeight(PLOT_MIN_HEIGHT)
        self._placeholder.setStyleSheet("color: palette(mid);")
        self._layout.addWidget(self._placeholder, 3)
        self.mosaic = WeightMosaic()
        self.mosaic.setMinimumSize(120, 120)
        mosaic_column = QVBoxLayout()
        self._mosaic_title = QLabel()
        self._mosaic_help = QLabel(objectName="mosaicHelp")
        self._mosaic_help.setWordWrap(True)
        self._mosaic_help.setStyleSheet(f"color: {theme.MUTED}; font-size: 11px;")
        mosaic_column.addWidget(self._mosaic_title)
        mosaic_column.addWidget(self.mosaic, 1)
        mosaic_column.addWidget(self._mosaic_help)
        self._layout.addLayout(mosaic_column, 1)
        self._plot: LivePlot | None = None
        self._history: dict[str, list[float]] = {}
        self._dirty = False
        self._redraw_timer = QTimer(self, interval=PLOT_REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self.on_redraw_timer)
        self._clear_history()
        self._config: Config | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """The texts in the language now installed (the curves drawn stay as they are)."""
        if isValid(self._placeholder):
            self._placeholder.setText(
                self.tr("The loss and accuracy curves appear here while training.")
            )
        self._mosaic_title.setText(self.tr("Hidden units' weights"))
        self._mosaic_help.setText(self.tr(MOSAIC_EXPLANATION))
        config = self._config
        if self._plot is not None:
            self._plot.retranslate(None if config is None else self._held_out_label(config))
        if config is None:
            self.setTitle(self.tr("Learning"))
            return
        units = self.tr(LENGTH_UNITS.get(config.length_setting, config.length_setting))
        self.setTitle(
            self.tr("Learning — {recipe} recipe, {length} {units}").format(
                recipe=recipe_text(config.recipe),
                length=format_number(config.length),
                units=units,
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def has_plot(self) -> bool:
        return self._plot is not None

    def build_plot(self, parts: tuple | None = None) -> None:
        """Replace the placeholder by the plot (once; matplotlib should be imported by now)."""
        if self._plot is not None:
            return
        self._plot = load_plots().LivePlot(parts)
        self._plot.canvas.setMinimumHeight(PLOT_MIN_HEIGHT)
        self._plot.canvas.setMinimumWidth(260)
        self._layout.replaceWidget(self._placeholder, self._plot.canvas)
        self._layout.setStretchFactor(self._plot.canvas, 3)
        self._placeholder.deleteLater()

    def plot_build_steps(self) -> list[Callable[[], None]]:
        """`build_plot` in steps of ~30 ms, for separate turns of the event loop (at once it
        would stall the window ~80 ms); a step finds the plot built meanwhile and stops."""
        if self._plot is not None:
            return []
        made: list = []

        def unless_built(step: Callable[[], None]) -> Callable[[], None]:
            def run() -> None:
                if self._plot is None:
                    step()

            return run

        steps = load_plots().plot_parts_steps(made)
        return [*map(unless_built, steps), unless_built(lambda: self.build_plot(tuple(made)))]

    def schedule_full_draw(self) -> None:
        """Have the plot drawn in full at the next paint (its one expensive draw)."""
        if self._plot is not None:
            self._plot.canvas.draw_idle()

    def show_network(self, network: Network | None) -> None:
        """Show `network`'s weights in the mosaic now (the model in use, between runs)."""
        self.mosaic.set_network(network)
        self.mosaic.flush()

    def start_run(self, config: Config) -> None:
        """Start curves for a run of `config` (the last run's stay, faint) and redraw them."""
        self.build_plot()
        self._clear_history()
        join_at = None
        if config.recipe == "fast" and config.digit_copies > 0 and config.plain_epochs > 0:
            join_at = config.plain_epochs + 1  # the first epoch with distorted copies
            if join_at > config.length:
                join_at = None
        matplotlib_fonts()  # the legend may be Chinese
        self._plot.start_run(config.length, config.unit, self._held_out_label(config), join_at)
        self._config = config
        self.retranslate()
        self._dirty = True
        in_later_turns(self._plot.prepare_run_background(), still_wanted=self._alive)
        self._redraw_timer.start()

    def _held_out_label(self, config: Config) -> str:
        return self.tr(HELD_OUT_LABELS.get(config.recipe, HELD_OUT_OTHER))

    def add(self, progress: Progress) -> None:
        """Record one progress event (drawn at the next redraw)."""
        history = self._history
        history["done"].append(progress.done)
        history["loss"].append(progress.loss)
        history["train"].append(progress.train_accuracy)
        if progress.validation_accuracy is not None:
            self.add_held_out(progress.done, progress.validation_accuracy)
        if progress.network is not None:
            self.mosaic.set_network(progress.network)  # repaints at most ~10 times a second
        self._dirty = True

    def add_held_out(self, done: int, accuracy: float) -> None:
        """Record a held-out accuracy at `done` (validation digits, or test digits watched)."""
        self._history["held_done"].append(done)
        self._history["held"].append(accuracy)
        self._dirty = True

    def history(self) -> dict[str, list[float]]:
        """The current run's curves so far (copies), for tests."""
        return {key: list(values) for key, values in self._history.items()}

    def mark_stopped(self, text: str | Callable[[], str]) -> None:
        """Say on the plot why the run stopped; what it learned until then stays drawn (a
        function giving the text is asked again when the language changes)."""
        if self._plot is not None:
            self._plot.mark_stopped(text)
            self._dirty = True
            in_later_turns(self._plot.prepare_run_background(), still_wanted=self._alive)

    def stop(self) -> None:
        """Draw what has arrived, show the final weights, and stop redrawing."""
        self._redraw_timer.stop()
        self.mosaic.flush()
        self.on_redraw_timer()

    @Slot()
    def on_redraw_timer(self) -> None:
        if not self._dirty or self._plot is None:
            return
        self._dirty = False
        history = self._history
        self._plot.set_data(
            np.asarray(history["done"], dtype=float),
            history["loss"],
            history["train"],
            np.asarray(history["held_done"], dtype=float),
            history["held"],
        )
        self._plot.update()

    def _alive(self) -> bool:
        return self._plot is not None and isValid(self._plot.canvas)

    def _clear_history(self) -> None:
        self._history = {"done": [], "loss": [], "train": [], "held_done": [], "held": []}

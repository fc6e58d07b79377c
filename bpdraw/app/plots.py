"""The Train tab's live learning curves, and the matplotlib canvas the confusion window uses.

Importing this module imports matplotlib, so widgets reach it only through
`bpdraw.app.warmup.load_plots()`: matplotlib stays off the app's start-up path."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib import rcParams
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FormatStrFormatter, MaxNLocator, NullLocator, PercentFormatter
from PySide6.QtCore import QCoreApplication
from shiboken6 import isValid

from bpdraw.app import theme
from bpdraw.app.i18n import matplotlib_fonts
from bpdraw.app.warmup import in_later_turns


def _tr(text: str) -> str:  # in the language spoken; safe on a worker thread too
    return QCoreApplication.translate("LivePlot", text)


def make_canvas(width: float, height: float, dpi: int = 100) -> tuple[FigureCanvasQTAgg, Figure]:
    """A Qt widget showing a new figure of `width` x `height` inches."""
    figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained", facecolor=theme.PAPER)
    canvas = FigureCanvasQTAgg(figure)
    return canvas, figure


def plot_parts_steps(made: list) -> list[Callable[[], None]]:
    """Steps that make a LivePlot's figure, canvas and two axes into `made`, ~30 ms each."""

    def figure_and_canvas() -> None:
        # No layout engine (it made the first draw ~0.4 s): margins by LivePlot._fit_margins
        figure = Figure(figsize=(5.2, 2.4), dpi=100, facecolor=theme.PAPER)
        figure.subplots_adjust(right=0.96, bottom=0.2, top=0.88)
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName("livePlot")
        made.extend([figure, canvas, figure.add_subplot(1, 2, 1)])

    def second_axes() -> None:
        made.append(made[0].add_subplot(1, 2, 2))

    return [figure_and_canvas, second_axes]


class LivePlot:
    """Loss and accuracy curves of a run, drawn against its steps or epochs, cheaply.

    Everything that changes from run to run (the x axes, the curves, the legend, the marks)
    is "animated". The static background (frames, y axes, titles) is rendered once; at the
    start of a run the run's own background (x axes, legend, marks, the faint previous run)
    is drawn over it once and kept, and every update restores that and draws only the
    current curves, then blits. A full matplotlib redraw takes 50-150 ms on a 2-core machine,
    an update a few milliseconds, so a new run never needs a full one.
    """

    LOSS_LIMITS = (1e-3, 3.0)  # squared error starts near 0.45, cross-entropy near ln 10 = 2.3
    PREVIOUS_ALPHA = 0.28

    def __init__(self, parts: tuple | None = None) -> None:
        """`parts`: (figure, canvas, loss axes, accuracy axes) made earlier by
        `plot_parts_steps`, a slice at a time; made here (~80 ms at once) when None."""
        if parts is None:
            made: list = []
            for step in plot_parts_steps(made):
                step()
            parts = tuple(made)
        self.figure, self.canvas, self.loss_ax, self.accuracy_ax = parts
        style = {"linewidth": 1.6, "animated": True}
        faint = {"linewidth": 1.2, "animated": True, "alpha": self.PREVIOUS_ALPHA}
        (self.previous_loss_line,) = self.loss_ax.plot([], [], color=theme.LOSS, **faint)
        (self.previous_train_line,) = self.accuracy_ax.plot(
            [], [], color=theme.TRAIN_CURVE, **faint
        )
        (self.previous_held_line,) = self.accuracy_ax.plot(
            [], [], color=theme.VALIDATION_CURVE, **faint
        )
        (self.loss_line,) = self.loss_ax.plot([], [], color=theme.LOSS, **style)
        (self.train_line,) = self.accuracy_ax.plot([], [], color=theme.TRAIN_CURVE, **style)
        (self.held_line,) = self.accuracy_ax.plot([], [], color=theme.VALIDATION_CURVE, **style)
        marks = {"color": theme.PLOT_TEXT, "linewidth": 0.9, "linestyle": ":", "animated": True}
        self.join_mark = self.loss_ax.axvline(0, visible=False, **marks)
        note = {"animated": True, "visible": False}
        self.join_text = self.loss_ax.text(
            0, 0.97, "", transform=self.loss_ax.get_xaxis_transform(), fontsize=7, va="top",
            ha="left", color=theme.PLOT_TEXT, **note,
        )  # fmt: skip
        self.stop_text = self.loss_ax.text(
            0.98, 0.03, "", transform=self.loss_ax.transAxes, fontsize=7.5, va="bottom",
            ha="right", color=theme.LOSS, **note,
        )  # fmt: skip
        self.loss_ax.set_yscale("log")
        self.loss_ax.set_ylim(*self.LOSS_LIMITS)
        # plain "0.01" labels: friendlier than 10^-2, and they skip mathtext's slow first parse
        self.loss_ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
        self.loss_ax.yaxis.set_minor_locator(NullLocator())  # 60 minor ticks cost ~0.1 s
        # a fixed title height spares every full draw a search of where the title fits
        self.loss_ax.set_title("", fontsize=8.5, y=1.03)
        self.accuracy_ax.set_ylim(0, 1.02)
        self.accuracy_ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        self.accuracy_ax.set_title("", fontsize=8.5, y=1.03)
        self.legend = None
        for ax in (self.loss_ax, self.accuracy_ax):
            ax.xaxis.set_animated(True)
            ax.set_xlim(0, 1)
            ax.xaxis.set_major_locator(MaxNLocator(4, integer=True, steps=[1, 2, 2.5, 5, 10]))
            ax.set_xlabel("", fontsize=8)
            ax.grid(True, color=theme.PLOT_GRID, linewidth=0.8)
            ax.tick_params(labelsize=7.5)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
        # Even the parts that never change are drawn by hand, a few per turn of the event
        # loop (prepare_run_background), so that no single draw stalls the window.
        self._fixed = [self.loss_ax.yaxis, self.accuracy_ax.yaxis, self.loss_ax.title]
        self._fixed += [self.accuracy_ax.title]
        self._fixed += [*self.loss_ax.spines.values(), *self.accuracy_ax.spines.values()]
        for artist in self._fixed:
            artist.set_animated(True)
        self._background = None  # the figure's empty axes
        self._run_background = None  # the static part plus this run's axes, legend and marks
        self._preparing = 0  # > 0 while prepare_run_background's steps are under way
        self._previous: dict | None = None
        self._held_out_label = ""
        self._unit: str | None = None  # "step" or "epoch" once a run has started
        self._stop_reason: Callable[[], str] | None = None
        self.retranslate()
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self.canvas.mpl_connect("resize_event", self._fit_margins)
        self._fit_margins()

    def _fit_margins(self, _event=None) -> None:
        """Margins of fixed pixels (tick labels need ~40), whatever the canvas's width."""
        width = max(self.figure.get_figwidth() * self.figure.dpi, 200.0)
        # left 42 px, a gap of 52 px: wspace is the gap over the mean axes' width
        self.figure.subplots_adjust(left=42 / width, wspace=104 / max(0.96 * width - 94, 52))

    def retranslate(self, held_out_label: str | None = None) -> None:
        """Titles, axis labels, notes and legend in the language spoken (redrawn in full once
        if the figure was drawn already; `held_out_label`: the held-out curve's new name)."""
        self.loss_ax.set_title(_tr("Loss (training digits, log)"), fontsize=8.5, y=1.03)
        self.accuracy_ax.set_title(_tr("Accuracy"), fontsize=8.5, y=1.03)
        for ax in (self.loss_ax, self.accuracy_ax):
            ax.set_xlabel(self._unit_name(), fontsize=8)
        self.join_text.set_text(_tr(" distorted copies\n join: loss rises"))
        if self._stop_reason is not None:
            self.stop_text.set_text(self._stop_reason())
        matplotlib_fonts()  # Chinese glyphs while Chinese is spoken
        texts = [self.loss_ax.title, self.accuracy_ax.title, self.join_text, self.stop_text]
        for text in texts + [ax.xaxis.label for ax in (self.loss_ax, self.accuracy_ax)]:
            text.set_fontfamily(rcParams["font.family"])
        if held_out_label is not None:
            self._held_out_label = held_out_label
        if self.legend is not None:
            self._set_legend()
        if self._background is not None:
            self.canvas.draw_idle()

    def start_run(
        self,
        length: int,
        unit: str,
        held_out_label: str,
        join_at: float | None = None,
        keep_previous: bool = True,
    ) -> None:
        """Prepare the axes for a run of `length` `unit`s ("step"/"epoch"). The current
        curves become the faint previous run (if `keep_previous` and the unit is
        the same); `held_out_label` names the orange accuracy curve; `join_at` marks where
        distorted copies start joining the training digits (the fast recipe's loss bump).
        """
        old_unit = self._unit
        current = {
            "loss": self.loss_line.get_data(),
            "train": self.train_line.get_data(),
            "held": self.held_line.get_data(),
            "length": self.loss_ax.get_xlim()[1],
        }
        has_curves = len(current["loss"][0]) > 0
        self._previous = current if keep_previous and has_curves and old_unit == unit else None
        previous_length = self._previous["length"] if self._previous else 0
        self._unit = unit
        for ax in (self.loss_ax, self.accuracy_ax):
            ax.set_xlim(0, max(length, previous_length, 1))
            ax.set_xlabel(self._unit_name(), fontsize=8)
        for line, key in (
            (self.previous_loss_line, "loss"),
            (self.previous_train_line, "train"),
            (self.previous_held_line, "held"),
        ):
            line.set_data(*(self._previous[key] if self._previous else ([], [])))
        for line in (self.loss_line, self.train_line, self.held_line):
            line.set_data([], [])
        self.join_mark.set_visible(join_at is not None)
        self.join_text.set_visible(join_at is not None)
        if join_at is not None:
            self.join_mark.set_xdata([join_at, join_at])
            self.join_text.set_x(join_at)
        self.stop_text.set_visible(False)
        self._stop_reason = None
        self._held_out_label = held_out_label
        self._set_legend()
        self._run_background = None

    def _unit_name(self) -> str:
        units = {"step": _tr("steps"), "epoch": _tr("epochs")}
        return units.get(self._unit, _tr("steps or epochs"))

    def _set_legend(self) -> None:
        """A legend naming only the curves that exist (both recipes have a held-out curve)."""
        if self.legend is not None:
            self.legend.remove()
        handles = [self.train_line, self.held_line]
        labels = [_tr("training digits"), self._held_out_label]
        if self._previous is not None:
            handles.append(self.previous_train_line)
            labels.append(_tr("previous run (faint)"))
        self.legend = self.accuracy_ax.legend(
            handles, labels, loc="lower right", fontsize=7, frameon=False
        )
        self.legend.set_animated(True)

    def set_data(self, done, loss, train_accuracy, held_done, held_accuracy) -> None:
        """Replace the curves: x in the run's unit; held-out accuracy has its own x."""
        self.loss_line.set_data(done, np.clip(loss, *self.LOSS_LIMITS))
        self.train_line.set_data(done, train_accuracy)
        self.held_line.set_data(held_done, held_accuracy)

    def mark_stopped(self, text: str | Callable[[], str]) -> None:
        """Say on the loss plot why the run stopped (its curves up to then stay); a function
        giving the text is asked again when the language changes."""
        self._stop_reason = text if callable(text) else (lambda: text)
        self.stop_text.set_text(self._stop_reason())
        self.stop_text.set_visible(True)
        self._run_background = None

    def update(self) -> None:
        """Show the current curves: a blit when the background is cached, else a full draw."""
        if self._background is None:
            self.canvas.draw_idle()
            return
        if self._preparing:
            return  # the run's background is being drawn, a slice at a time
        if self._run_background is None:
            self.canvas.restore_region(self._background)
            self._draw_run_artists()
            self._run_background = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self._run_background)
        self._draw_curves()
        self.canvas.blit(self.figure.bbox)

    def prepare_run_background(self) -> list[Callable[[], None]]:
        """Steps that draw this run's background, ~10-15 ms each: run them in separate turns
        of the event loop (drawn at once, the x axes and legend would cost ~40-50 ms)."""
        if self._background is None:
            return []
        self._preparing += 1
        generation = self._preparing

        def current() -> bool:
            return self._preparing == generation and self._background is not None

        renderer = self.canvas.get_renderer()

        def measure(axis) -> Callable[[], None]:
            # making an axis's ticks and laying out new label texts costs 10-50 ms: one axis
            # per turn, so that the draws below find them made and every text's size cached
            def step() -> None:
                if current():
                    for text in (*axis.get_majorticklabels(), axis.label):
                        text.get_window_extent(renderer)

            return step

        def measure_texts() -> None:
            if current():
                texts = [self.loss_ax.title, self.accuracy_ax.title]
                for text in texts + (self.legend.get_texts() if self.legend else []):
                    text.get_window_extent(renderer)

        axes = [ax.xaxis for ax in (self.loss_ax, self.accuracy_ax)]
        axes += [ax.yaxis for ax in (self.loss_ax, self.accuracy_ax)]

        def drawing(*artists, restore: bool = False) -> Callable[[], None]:
            def step() -> None:
                if current():
                    if restore:
                        self.canvas.restore_region(self._background)
                    for artist in artists:
                        self.figure.draw_artist(artist)

            return step

        def last() -> None:
            if current():
                self._draw_run_artists(axes=False)
                self._run_background = self.canvas.copy_from_bbox(self.figure.bbox)
                self._preparing = 0
                self._draw_curves()
                self.canvas.blit(self.figure.bbox)

        return [
            *(measure(axis) for axis in axes),
            measure_texts,
            drawing(self.loss_ax.yaxis, restore=True),
            drawing(self.accuracy_ax.yaxis),
            drawing(*self._fixed[2:]),
            drawing(self.loss_ax.xaxis),
            drawing(self.accuracy_ax.xaxis),
            last,
        ]

    def _draw_curves(self) -> None:
        for line in (self.loss_line, self.train_line, self.held_line):
            self.figure.draw_artist(line)

    def _draw_run_artists(self, axes: bool = True) -> None:
        x_axes = (self.loss_ax.xaxis, self.accuracy_ax.xaxis) if axes else ()
        for artist in (
            *x_axes,
            self.previous_loss_line,
            self.previous_train_line,
            self.previous_held_line,
            self.join_mark,
            self.join_text,
            self.stop_text,
            self.legend,
        ):
            if artist is not None and artist.get_visible():
                self.figure.draw_artist(artist)

    def _on_draw(self, _event) -> None:
        """A full draw (first show, resize) drew only the empty axes: the rest follows in
        slices, in later turns of the event loop."""
        self._preparing = 0
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._run_background = None
        in_later_turns(self.prepare_run_background(), still_wanted=lambda: isValid(self.canvas))

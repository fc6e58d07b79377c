"""Step through backpropagation: the course's recipe one training sample at a time, every
quantity shown as the course writes it, with this step's numbers and a sentence for each."""

from __future__ import annotations

import time
from html import escape

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import theme
from bpdraw.app.i18n import format_number
from bpdraw.app.weights_view import WeightTile
from bpdraw.inside import BackpropStep, BackpropStepper
from bpdraw.training import ClassicConfig

# "Run" learns in slices of about this long, so the window keeps answering between them.
RUN_SLICE_SECONDS = 0.01
RUN_BATCH_STEPS = 8  # steps learnt between two looks at the clock (well under 1 ms)
# ... and shows its numbers (a costly rich-text layout) and repaints the curve at most this
# often, each in an event-loop turn of its own (never in a learning slice's turn).
RUN_SHOW_SECONDS = 0.25
CURVE_POINTS = 300
# One step as the course writes it; {names} are filled in by describe_step.
STEP_TEMPLATE = QT_TRANSLATE_NOOP(
    "BackpropView",
    """
<p><b>Step {number}</b>: training digit #{sample}, a <b>{label}</b>.
&nbsp; Loss <b>E = ½ Σ (t_k − y_k)² = {loss}</b>
<br><span style="color:{muted}">E is one number for how wrong this answer was:
0 is perfect.</span></p>
<p><b>Forward.</b> x = the 64 cells ÷ 16.
<span style="color:{muted}">The drawing as 64 numbers, 0 blank to 1 full of ink.</span><br>
Hidden unit {j}: z_{j} = Σ x_i·W1_i,{j} + b_{j} = <b>{z}</b>,
h_{j} = sigmoid(z_{j}) = 1 / (1 + e<sup>−z</sup>) = <b>{h}</b>
<br><span style="color:{muted}">Each hidden unit adds up the ink it sees, each cell weighted,
and squashes the sum into 0 (silent) to 1 (firing).</span><br>
Outputs: y_k = sigmoid(Σ h_j·W2_j,k + b_k).
<span style="color:{muted}">Each output says how sure it is that the digit is its own.</span></p>
<table cellspacing=0 cellpadding=3 border=0><tr>{header}</tr>{rows}</table>
<p><span style="color:{muted}">t: what each output should say (1 for the right digit, 0 for the
others). t − y: the output error. δ_k = (y_k − t_k)·y_k(1 − y_k): the error times the
sigmoid's slope, how much output k's input should fall.</span></p>
<p><b>Backward.</b> δ_{j} = h_{j}(1 − h_{j})·Σ_k W2_{j},k·δ_k = <b>{delta}</b>
<br><span style="color:{muted}">The blame passed back to hidden unit {j}: the output deltas,
weighted by its outgoing weights ({outgoing}, …).</span></p>
<p><b>Change.</b> η = {rate}. Every weight moves against its gradient:
ΔW2_{j},k = −η·h_{j}·δ_k (last column), ΔW1_i,{j} = −η·x_i·δ_{j}
(the picture; largest {largest}).
<br><span style="color:{muted}">A small step (learning rate {rate}) that makes this answer a
little less wrong. Blank cells (x_i = 0) change nothing.</span></p>
""",
)


class LossCurve(QWidget):
    """The loss E of every step, one point per step (averaged in bins when there are many)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepLossCurve")
        self.setMinimumSize(220, 110)
        self._buffer = np.zeros(1024)
        self._count = 0

    def losses(self) -> np.ndarray:
        return self._buffer[: self._count].copy()

    def add(self, losses, repaint: bool = True) -> None:
        """Append losses; `repaint=False` leaves the repaint to a later `update()` (Run)."""
        losses = np.atleast_1d(np.asarray(losses, dtype=float))
        needed = self._count + len(losses)
        if needed > len(self._buffer):
            grown = np.zeros(max(needed, 2 * len(self._buffer)))
            grown[: self._count] = self._buffer[: self._count]
            self._buffer = grown
        self._buffer[self._count : needed] = losses
        self._count = needed
        if repaint:
            self.update()

    def clear(self) -> None:
        self._count = 0
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(260, 130)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(theme.PAPER))
        plot = QRectF(34, 16, self.width() - 42, self.height() - 34)
        painter.setPen(QPen(QColor(theme.PLOT_GRID), 1))
        painter.drawRect(plot)
        painter.setPen(QColor(theme.MUTED))
        n = self._count
        painter.drawText(
            QRectF(0, 0, self.width(), 16),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Loss E of each step (averaged)")
            if n > CURVE_POINTS
            else self.tr("Loss E of each step"),
        )
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 2, plot.width(), 16),
            Qt.AlignmentFlag.AlignRight,
            self.tr("step {number}").format(number=format_number(n)),
        )
        if not n:
            painter.end()
            return
        losses = self._buffer[:n]
        bins = min(n, CURVE_POINTS)
        edges = np.linspace(0, n, bins + 1).astype(int)
        means = np.add.reduceat(losses, edges[:-1]) / np.diff(edges)
        top = max(float(means.max()), 1e-6)
        painter.drawText(
            QRectF(0, plot.top() - 6, 32, 14), Qt.AlignmentFlag.AlignRight, f"{top:.2g}"
        )
        painter.drawText(QRectF(0, plot.bottom() - 8, 32, 14), Qt.AlignmentFlag.AlignRight, "0")
        xs = plot.left() + plot.width() * (np.arange(bins) + 0.5) / max(bins, 50)
        ys = plot.bottom() - plot.height() * means / top
        painter.setPen(QPen(QColor(theme.LOSS), 1.5))
        if bins == 1:
            painter.drawEllipse(QPointF(xs[0], ys[0]), 2, 2)
        else:
            painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys, strict=True)]))
        painter.end()


def _numbers(values) -> str:
    return ", ".join(f"{v:+.3f}" for v in values)


def describe_step(step: BackpropStep) -> str:
    """The step as rich text: each quantity as the course writes it, its numbers, a sentence."""
    j, rate = step.unit, step.learning_rate
    rows = "".join(
        f"<tr><td align=center><b>{d}</b></td><td>{step.output[d]:.3f}</td>"
        f"<td>{step.target[d]:.0f}</td><td>{step.error[d]:+.3f}</td>"
        f"<td>{step.output_delta[d]:+.4f}</td><td>{step.outgoing_change[d]:+.5f}</td></tr>"
        for d in range(10)
    )
    muted = theme.MUTED
    header = "".join(
        f"<th>{escape(h)}</th>"
        for h in ("k", "y_k", "t_k", "t_k − y_k", "δ_k", f"ΔW2_{j},k = −η·h_{j}·δ_k")
    )
    template = QCoreApplication.translate("BackpropView", STEP_TEMPLATE)
    return template.format(
        number=format_number(step.number),
        sample=step.sample,
        label=step.label,
        loss=format_number(step.loss, 4),
        muted=muted,
        j=j,
        z=f"{step.hidden_input[j]:+.3f}",
        h=format_number(step.hidden[j], 3),
        header=header,
        rows=rows,
        delta=f"{step.hidden_delta[j]:+.5f}",
        outgoing=_numbers(step.outgoing_before[:3]),
        rate=f"{rate:g}",
        largest=format_number(float(np.abs(step.incoming_change).max()), 5),
    )


class BackpropView(QWidget):
    """Step / Run / Reset through the classic recipe on a fresh 64-100-10 network."""

    def __init__(self, config: ClassicConfig | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backpropView")
        self.config = config or ClassicConfig()
        self._stepper: BackpropStepper | None = None
        self._last: BackpropStep | None = None
        self._shown: BackpropStep | None = None  # the step whose numbers are on screen
        self._text_due = self._curve_due = 0.0
        self._run_timer = QTimer(self)
        self._run_timer.setInterval(0)
        self._run_timer.timeout.connect(self.on_run_slice)

        self.step_button = QPushButton()
        self.step_button.setObjectName("stepButton")
        self.run_button = QPushButton()
        self.run_button.setObjectName("runButton")
        self.run_button.setCheckable(True)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetButton")
        self.unit_box = QSpinBox()
        self.unit_box.setObjectName("stepUnitBox")
        self.unit_box.setRange(0, self.config.hidden_units - 1)
        self.curve = LossCurve()
        self.change_tile = WeightTile()
        self.change_tile.setObjectName("incomingChangeTile")
        self.values_label = QLabel()
        self.values_label.setObjectName("stepValues")
        self.values_label.setWordWrap(True)
        self.values_label.setTextFormat(Qt.TextFormat.RichText)

        self.step_button.clicked.connect(self.on_step_clicked)
        self.run_button.toggled.connect(self.on_run_toggled)
        self.reset_button.clicked.connect(self.on_reset_clicked)
        self.unit_box.valueChanged.connect(self.on_unit_changed)

        buttons = QHBoxLayout()
        for widget in (self.step_button, self.run_button, self.reset_button, self.unit_box):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        side = QGridLayout()
        side.addWidget(self.curve, 0, 0, 1, 2)
        side.addWidget(self.change_tile, 1, 0)
        self.change_caption = QLabel()
        self.change_caption.setStyleSheet(f"color: {theme.MUTED}")
        side.addWidget(self.change_caption, 1, 1)
        body = QHBoxLayout()
        body.addWidget(self.values_label, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(body)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the language now installed; the step shown stays."""
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Learn from one training digit and show every number"))
        self.run_button.setText(self.tr("Pause") if self.run_button.isChecked() else self.tr("Run"))
        self.run_button.setToolTip(self.tr("Keep learning at full speed; press again to pause"))
        self.reset_button.setText(self.tr("Start again"))
        self.curve.update()
        self.unit_box.setPrefix(self.tr("hidden unit "))
        self.change_tile.setToolTip(
            self.tr("ΔW1: how this step changes the chosen unit's 64 weights")
        )
        self.change_caption.setText(
            self.tr("ΔW1 of the chosen unit:\nblue weights grow,\nred ones shrink")
        )
        if self._last is not None:
            self._show(self._last)
            return
        self.values_label.setText(
            self.tr(
                "<p><b>Watch backpropagation learn.</b> A fresh {units}-unit network learns the "
                "course's way: sigmoid units, squared error, learning rate {rate}, one randomly "
                "picked training digit per step. Press <b>Step</b> to see every number of one "
                "step.</p>"
            ).format(units=self.config.hidden_units, rate=f"{self.config.learning_rate:g}")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state -----------------------------------------------------------------------------
    def stepper(self) -> BackpropStepper:
        """The run being stepped (made on first use: it loads the training digits)."""
        if self._stepper is None:
            self._stepper = BackpropStepper(self.config, unit=self.unit_box.value())
        return self._stepper

    def last_step(self) -> BackpropStep | None:
        return self._last

    def is_running(self) -> bool:
        return self._run_timer.isActive()

    def _show(self, step: BackpropStep) -> None:
        self._last = self._shown = step
        self.values_label.setText(describe_step(step))
        self.change_tile.set_values(step.incoming_change)

    def _finished(self) -> bool:
        stepper = self.stepper()
        if stepper.steps_done < stepper.config.steps:
            return False
        self.run_button.setChecked(False)
        self.step_button.setEnabled(False)
        self.run_button.setEnabled(False)
        return True

    # -- slots -----------------------------------------------------------------------------
    def on_step_clicked(self) -> None:
        if self._finished():
            return
        step = self.stepper().step()
        self.curve.add(step.loss)
        self._show(step)
        self._finished()

    def on_run_toggled(self, running: bool) -> None:
        self.run_button.setText(self.tr("Pause") if running else self.tr("Run"))
        self.step_button.setEnabled(not running)
        if running:
            now = time.perf_counter()
            self._text_due = now + RUN_SHOW_SECONDS
            self._curve_due = now + RUN_SHOW_SECONDS / 2
            self._run_timer.start()
        else:
            self._run_timer.stop()
            # the exact final state: the last step's numbers, every step's point
            if self._last is not None and self._shown is not self._last:
                self._show(self._last)
            self.curve.update()

    def on_run_slice(self) -> None:
        """One event-loop turn of Run: show the numbers, or repaint the curve, when due
        (coalesced: at most every RUN_SHOW_SECONDS each); otherwise learn for about
        RUN_SLICE_SECONDS. The slice's last step is the one whose numbers are kept."""
        if self._finished():
            return
        now = time.perf_counter()
        if now >= self._text_due and self._last is not None and self._shown is not self._last:
            self._show(self._last)
            self._text_due = now + RUN_SHOW_SECONDS
            return
        if now >= self._curve_due:
            self.curve.update()
            self._curve_due = now + RUN_SHOW_SECONDS
            return
        stepper = self.stepper()
        # small batches until the slice's time is up: a slow batch cannot stretch the slice much
        while time.perf_counter() - now < RUN_SLICE_SECONDS:
            remaining = stepper.config.steps - stepper.steps_done
            if remaining <= RUN_BATCH_STEPS:
                self.curve.add(stepper.run(remaining - 1), repaint=False)
                break
            self.curve.add(stepper.run(RUN_BATCH_STEPS), repaint=False)
        self._last = stepper.step()  # the slice's last step is the one whose numbers are kept
        self.curve.add(self._last.loss, repaint=False)
        self._finished()

    def on_reset_clicked(self) -> None:
        self.run_button.setChecked(False)
        self._stepper = None
        self._last = self._shown = None
        self.curve.clear()
        self.change_tile.set_values(None)
        self.step_button.setEnabled(True)
        self.run_button.setEnabled(True)
        self.retranslate()  # the introduction again, not the old run's numbers

    def on_unit_changed(self, unit: int) -> None:
        if self._stepper is not None:
            self._stepper.unit = unit

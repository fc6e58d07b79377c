"""Runs a training recipe off the GUI thread and reports through Qt signals.

The worker lives on its own `QThread`. It iterates `bpdraw.training.train(config)`, forwards
progress (throttled, so a fast recipe cannot flood the GUI's event queue), evaluates the finished
model on the 450 test digits while it is still off the GUI thread, and ends with exactly one of
`finished`, `failed` or `cancelled`.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from bpdraw.app.warmup import load_plots
from bpdraw.evaluate import evaluate_on_test
from bpdraw.training import Config, Finished, Progress, TrainingDiverged, train

# At most this many progress signals a second reach the GUI; the last one always does.
PROGRESS_SIGNALS_PER_SECOND = 20


class TrainingWorker(QObject):
    """Trains one model from `config` when `run()` is called on its thread.

    Signals:
        progressed(Progress): the newest progress event (throttled; the final one always arrives).
        evaluated(Evaluation): the finished model on the 450 test digits, emitted just before
            `finished` (only when `evaluate` is true).
        confusion_rendered(ndarray): that evaluation's confusion matrix drawn as an RGBA
            picture of `confusion_size` (only when it is set), emitted before `evaluated`.
        finished(Finished): the run completed; `Finished.model` is a valid model.
        failed(str): the run stopped with an error a user can act on (divergence, bad settings).
        cancelled(): `cancel()` was called and the run stopped between two events.
    """

    progressed = Signal(object)
    evaluated = Signal(object)
    confusion_rendered = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        config: Config,
        *,
        evaluate: bool = True,
        progress_signals_per_second: float = PROGRESS_SIGNALS_PER_SECOND,
        confusion_size: tuple[int, int, float] | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.evaluate = evaluate
        self.confusion_size = confusion_size  # (width, height, device pixel ratio)
        self._min_progress_interval = 1.0 / progress_signals_per_second
        self._cancel_requested = threading.Event()

    def cancel(self) -> None:
        """Ask the run to stop at the next event; safe to call from any thread."""
        self._cancel_requested.set()

    @Slot()
    def run(self) -> None:
        """Train, emitting progress, then exactly one terminal signal."""
        last_emit = float("-inf")
        pending: Progress | None = None
        try:
            # asked between mini-batches too, so even a large network stops within a moment
            events = train(self.config, should_stop=self._cancel_requested.is_set)
            for event in events:
                if self._cancel_requested.is_set():
                    events.close()
                    self.cancelled.emit()
                    return
                if isinstance(event, Progress):
                    now = time.monotonic()
                    if now - last_emit >= self._min_progress_interval:
                        self.progressed.emit(event)
                        last_emit, pending = now, None
                    else:
                        pending = event
                elif isinstance(event, Finished):
                    if pending is not None:
                        self.progressed.emit(pending)
                    self._finish(event)
                    return
            if self._cancel_requested.is_set():  # stopped inside an epoch
                self.cancelled.emit()
            else:
                self.failed.emit("Training ended without producing a model.")
        except TrainingDiverged as error:
            self.failed.emit(str(error))
        except ValueError as error:
            self.failed.emit(f"Bad training settings: {error}")
        except Exception as error:  # an unexpected error must not end the thread silently
            self.failed.emit(f"Training failed unexpectedly: {type(error).__name__}: {error}")

    def _finish(self, finished: Finished) -> None:
        if self.evaluate:
            evaluation, _split = evaluate_on_test(finished.model)
            if self.confusion_size is not None and not self._cancel_requested.is_set():
                # on this thread, so the GUI never waits for matplotlib's import or drawing
                plots = load_plots()
                self.confusion_rendered.emit(
                    plots.render_confusion(evaluation.confusion, *self.confusion_size)
                )
            if self._cancel_requested.is_set():
                self.cancelled.emit()
                return
            self.evaluated.emit(evaluation)
        if self._cancel_requested.is_set():
            self.cancelled.emit()
            return
        self.finished.emit(finished)


def worker_thread(worker: TrainingWorker) -> QThread:
    """A new QThread that runs `worker` when started and ends after the run's end.

    Connect to it, then `start()` it. Whoever keeps it must `wait()` for it before dropping
    it; the terminal signals stop its event loop from the worker thread itself, so waiting
    never deadlocks.
    """
    thread = QThread()
    thread.setObjectName("trainingThread")
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    for ending in (worker.finished, worker.failed, worker.cancelled):
        ending.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    return thread


def stop_and_wait(worker: TrainingWorker, thread: QThread) -> None:
    """Cancel `worker`'s run and block until its thread has ended."""
    worker.cancel()
    thread.quit()
    thread.wait()

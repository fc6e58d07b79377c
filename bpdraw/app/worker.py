"""Runs a training recipe off the GUI thread and reports through Qt signals.

The worker lives on its own `QThread`. It iterates `bpdraw.training.train(config)`, forwards
progress (throttled, so a fast recipe cannot flood the GUI's event queue), evaluates the finished
model on the 450 test digits while it is still off the GUI thread, and ends with exactly one of
`finished`, `failed` or `cancelled`.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from bpdraw.app.background import in_background
from bpdraw.app.train_texts import BAD_SETTINGS, NO_MODEL, UNEXPECTED
from bpdraw.app.warmup import load_confusion_plot
from bpdraw.data import load_split
from bpdraw.evaluate import Evaluation, evaluate_on_test
from bpdraw.model import Model
from bpdraw.pen_recipe import held_out_drawn
from bpdraw.training import Config, Finished, Progress, TrainingDiverged, accuracy, train

# How a confusion picture is rendered: (width, height, device pixel ratio, the Chinese font
# family installed or None), chosen on the GUI thread.
ConfusionLook = tuple[int, int, float, str | None]

# At most this many progress signals a second reach the GUI; the last one always does.
PROGRESS_SIGNALS_PER_SECOND = 20
# The drawn digits both models are scored on: UJI writers 41-60, whom neither the shipped
# model nor a "digits+pen" retrain ever trained on, redrawn as on a canvas (this seed).
DRAWN_SEED = 2026
DRAWN_SET_NAME = "drawn digits (UJI writers 41–60, never trained on)"


@functools.cache
def drawn_digits() -> tuple[np.ndarray, np.ndarray]:
    """The drawn test digits: (X (400, 64) float 0-16, labels (400,)), made once (~0.1 s)."""
    return held_out_drawn(DRAWN_SEED)


@dataclass(frozen=True)
class ModelScores:
    """A model's figures: on the 450 test digits (with its confusion picture) and drawn."""

    model: Model
    test: Evaluation
    drawn_accuracy: float
    confusion_picture: np.ndarray | None = None


def score_model(model: Model, confusion_size: ConfusionLook | None = None) -> ModelScores:
    """Evaluate `model` on the test digits and the drawn digits (off the GUI thread)."""
    evaluation, _split = evaluate_on_test(model)
    X, labels = drawn_digits()
    drawn = float((model.predict_proba(X).argmax(axis=1) == labels).mean())
    picture = None
    if confusion_size is not None:
        picture = load_confusion_plot().render_confusion(evaluation.confusion, *confusion_size)
    return ModelScores(model, evaluation, drawn, picture)


class ModelScorer(QObject):
    """Scores models on a plain background thread, one at a time; emits `scored(ModelScores)`."""

    scored = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def score(self, model: Model, confusion_size: ConfusionLook | None = None) -> None:
        """Start scoring `model`; the result arrives through `scored` (not if this scorer
        is gone by then: the thread holds no reference to it)."""
        previous = self._thread

        def work() -> ModelScores:
            if previous is not None:
                previous.join()
            return score_model(model, confusion_size)

        self._thread = in_background(work, self._on_scored, name="bpdraw-scoring")

    def _on_scored(self, scores: ModelScores) -> None:
        self.scored.emit(scores)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the scoring started last has ended (tests, benchmarks)."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is None or not self._thread.is_alive()


class TrainingWorker(QObject):
    """Trains one model from `config` when `run()` is called on its thread.

    Signals:
        progressed(Progress): the newest progress event (throttled; the final one always arrives).
        watched(int, float): (done, accuracy on the 450 test digits) of a classic run's
            network, for watching only: nothing is chosen by it. Emitted before `progressed`.
        scored(ModelScores): the finished model on the test and the drawn digits, emitted
            just before `evaluated` (only when `evaluate` is true).
        evaluated(Evaluation): the finished model on the 450 test digits, emitted just before
            `finished` (only when `evaluate` is true).
        confusion_rendered(ndarray): that evaluation's confusion matrix drawn as an RGBA
            picture of `confusion_size` (only when it is set), emitted before `evaluated`.
        finished(Finished): the run completed; `Finished.model` is a valid model.
        failed(str): the run stopped with an error a user can act on (divergence, bad settings).
        cancelled(): `cancel()` was called and the run stopped between two events.
    """

    progressed = Signal(object)
    watched = Signal(int, float)
    scored = Signal(object)
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
        confusion_size: ConfusionLook | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.evaluate = evaluate
        self.confusion_size = confusion_size
        self._min_progress_interval = 1.0 / progress_signals_per_second
        self._cancel_requested = threading.Event()
        self._test_split = None

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
                        self._watch(event)
                        self.progressed.emit(event)
                        last_emit, pending = now, None
                    else:
                        pending = event
                elif isinstance(event, Finished):
                    if pending is not None:
                        self._watch(pending)
                        self.progressed.emit(pending)
                    self._finish(event)
                    return
            if self._cancel_requested.is_set():  # stopped inside an epoch
                self.cancelled.emit()
            else:
                self.failed.emit(NO_MODEL)  # English: the Train tab shows it translated
        except TrainingDiverged as error:
            self.failed.emit(str(error))
        except ValueError as error:
            self.failed.emit(BAD_SETTINGS.format(error=error))
        except Exception as error:  # an unexpected error must not end the thread silently
            self.failed.emit(UNEXPECTED.format(error=f"{type(error).__name__}: {error}"))

    def _watch(self, progress: Progress) -> None:
        """A classic run has no validation digits: watch it on the test digits instead."""
        if progress.validation_accuracy is not None or progress.network is None:
            return
        if self._test_split is None:
            self._test_split = load_split(self.config.seed)
        split = self._test_split
        self.watched.emit(progress.done, accuracy(progress.network, split.X_test, split.y_test))

    def _finish(self, finished: Finished) -> None:
        if self.evaluate:
            # on this thread, so the GUI never waits for matplotlib's import or drawing
            scores = score_model(finished.model, self.confusion_size)
            if scores.confusion_picture is not None:
                self.confusion_rendered.emit(scores.confusion_picture)
            if self._cancel_requested.is_set():
                self.cancelled.emit()
                return
            self.scored.emit(scores)
            self.evaluated.emit(scores.test)
        if self._cancel_requested.is_set():
            self.cancelled.emit()
            return
        self.finished.emit(finished)


def worker_thread(worker: QObject, name: str = "trainingThread") -> QThread:
    """A new QThread (objectName `name`) that runs `worker` when started and ends after the
    run's end. `worker`: a TrainingWorker, or any QObject with `run()` and the terminal
    signals `finished`, `failed` and `cancelled` (the TeachWorker).

    Connect to it, then `start()` it. Whoever keeps it must `wait()` for it before dropping
    it; the terminal signals stop its event loop from the worker thread itself, so waiting
    never deadlocks.
    """
    thread = QThread()
    thread.setObjectName(name)
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


class RunState(Enum):
    """Where the Train tab is in a run's life."""

    IDLE = "idle"  # no run: Retrain is enabled
    PREPARING = "preparing"  # Retrain pressed; waiting for the imports and the plot's first draw
    TRAINING = "training"  # the worker thread is training
    FINISHING = "finishing"  # the worker has ended (or was asked to); its thread is stopping


@dataclass
class Run:
    """One run from Retrain to IDLE again; what the worker sent is collected here."""

    config: Config
    worker: TrainingWorker | None = None  # set when the run leaves PREPARING
    thread: QThread | None = None
    stop_on_destroyed: Callable[[], None] | None = None
    evaluation: Evaluation | None = None
    confusion_picture: np.ndarray | None = None
    scores: ModelScores | None = None
    ended: bool = False  # the worker has sent its one terminal signal

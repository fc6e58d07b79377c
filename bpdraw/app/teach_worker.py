"""Teaches the model in use the user's drawings off the GUI thread ("Learn my handwriting").

The worker lives on its own `QThread` (made by `bpdraw.app.worker.worker_thread`), runs
`bpdraw.personal.teach_report` (a share of each digit's drawings held out for an honest
before/after, then the model taught everything) and ends with exactly one of `finished`,
`failed` or `cancelled`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from bpdraw.model import Model
from bpdraw.personal import AdaptCancelled, BadTeachingData, teach_report
from bpdraw.texts import teaching_problem

# At most this many progress signals a second reach the GUI.
PROGRESS_SIGNALS_PER_SECOND = 20


class TeachWorker(QObject):
    """Teaches `model` the drawings when `run()` is called on its thread.

    Signals:
        progressed(float): share of the work done, 0-1 (throttled).
        finished(TeachReport): the taught model and its before/after figures.
        failed(str): the drawings cannot teach (the message says what to do) or an error.
        cancelled(): `cancel()` was called; the model in use is untouched.
    """

    progressed = Signal(float)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, model: Model, drawings: Sequence[Sequence[np.ndarray]], labels: Sequence[int]
    ) -> None:
        super().__init__()
        self.model = model
        self.drawings = list(drawings)
        self.labels = np.asarray(labels, dtype=np.int64)
        self._cancel_requested = threading.Event()
        self._last_emit = float("-inf")

    def cancel(self) -> None:
        """Ask the teaching to stop soon; safe to call from any thread."""
        self._cancel_requested.set()

    def _progress(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self._last_emit >= 1.0 / PROGRESS_SIGNALS_PER_SECOND:
            self._last_emit = now
            self.progressed.emit(float(fraction))

    @Slot()
    def run(self) -> None:
        """Teach, emitting progress, then exactly one terminal signal."""
        try:
            report = teach_report(
                self.model,
                self.drawings,
                self.labels,
                seed=0,
                progress=self._progress,
                should_stop=self._cancel_requested.is_set,
            )
        except AdaptCancelled:
            self.cancelled.emit()
            return
        except BadTeachingData as error:  # said in the language spoken, as the CLI says it
            self.failed.emit(teaching_problem(str(error), QCoreApplication.translate))
            return
        except Exception as error:  # an unexpected error must not end the thread silently
            unexpected = self.tr("Teaching failed unexpectedly: {error}")
            self.failed.emit(unexpected.format(error=f"{type(error).__name__}: {error}"))
            return
        if self._cancel_requested.is_set():
            self.cancelled.emit()
        else:
            self.progressed.emit(1.0)
            self.finished.emit(report)

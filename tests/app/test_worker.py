"""TrainingWorker: runs a recipe off the GUI thread and ends with exactly one terminal signal."""

from __future__ import annotations

import numpy as np
import pytest

from bpdraw.app.worker import TrainingWorker, worker_thread
from bpdraw.training import ClassicConfig, Finished, Progress


class Recorder:
    """Every signal a worker emits, in order."""

    def __init__(self, worker: TrainingWorker) -> None:
        self.events: list[tuple[str, object]] = []
        for name in ("progressed", "evaluated", "finished", "failed", "cancelled"):
            getattr(worker, name).connect(lambda *args, name=name: self.events.append((name, args)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def of(self, name: str) -> list:
        return [args[0] if args else None for event, args in self.events if event == name]


@pytest.fixture
def run_in_thread(qtbot):
    threads = []

    def run(worker: TrainingWorker, until: str = "finished", timeout: int = 60_000):
        recorder = Recorder(worker)
        thread = worker_thread(worker)
        threads.append(thread)
        with qtbot.waitSignal(thread.finished, timeout=timeout):
            thread.start()
        thread.wait()
        return recorder, thread

    yield run
    for thread in threads:
        thread.quit()
        thread.wait()


def test_short_run_reports_progress_then_evaluation_then_a_valid_model(run_in_thread):
    recorder, thread = run_in_thread(TrainingWorker(ClassicConfig(steps=800)))

    names = recorder.names()
    assert names[-2:] == ["evaluated", "finished"]
    assert set(names[:-2]) == {"progressed"}
    progress = recorder.of("progressed")
    assert all(isinstance(event, Progress) for event in progress)
    assert progress[-1].done == progress[-1].total == 800  # the last one always arrives
    (finished,) = recorder.of("finished")
    assert isinstance(finished, Finished)
    probabilities = finished.model.predict_proba(np.zeros((3, 64)))
    assert probabilities.shape == (3, 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    (evaluation,) = recorder.of("evaluated")
    assert evaluation.confusion.sum() == 450  # the 450 test digits
    assert not thread.isRunning()


def test_progress_is_throttled_but_the_last_event_always_arrives():
    # At most one progress signal per million seconds: only the first and the final one pass.
    worker = TrainingWorker(
        ClassicConfig(steps=1000), evaluate=False, progress_signals_per_second=1e-6
    )
    recorder = Recorder(worker)
    worker.run()  # on this thread: the signals are delivered directly

    progress = recorder.of("progressed")
    assert [event.done for event in progress] == [progress[0].done, 1000]
    assert progress[0].done < 1000
    assert recorder.names()[-1] == "finished"


def test_cancel_before_the_next_event_emits_cancelled_and_no_model():
    worker = TrainingWorker(ClassicConfig(steps=5000))
    recorder = Recorder(worker)
    worker.cancel()
    worker.run()

    assert recorder.names() == ["cancelled"]


def test_cancel_from_the_gui_thread_stops_a_long_run(qtbot):
    worker = TrainingWorker(ClassicConfig(steps=2_000_000))
    recorder = Recorder(worker)
    thread = worker_thread(worker)
    with qtbot.waitSignal(worker.progressed, timeout=60_000):
        thread.start()
    with qtbot.waitSignal(thread.finished, timeout=60_000):
        worker.cancel()  # on this (the GUI) thread, while run() is busy on the worker thread
    thread.wait()

    assert recorder.names()[-1] == "cancelled"
    assert "finished" not in recorder.names()
    assert recorder.of("progressed")[-1].done < 2_000_000


def test_divergence_emits_failed_with_advice(run_in_thread):
    recorder, _ = run_in_thread(TrainingWorker(ClassicConfig(learning_rate=50.0, steps=3000)))

    assert recorder.names()[-1] == "failed"
    (message,) = recorder.of("failed")
    assert "learning rate" in message.lower()
    assert "finished" not in recorder.names()


def test_an_unexpected_error_is_reported_not_swallowed():
    worker = TrainingWorker(config="not a config")
    recorder = Recorder(worker)
    worker.run()

    assert recorder.names() == ["failed"]
    assert recorder.of("failed")[0].startswith("Training failed unexpectedly")

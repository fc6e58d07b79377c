"""How responsive the app stays while it works: a 10 ms `QTimer` on the GUI thread records when
it fires while the Train tab retrains (or the Inside tab runs backpropagation step by step); any
gap beyond the interval is time the event loop could not run (a frozen window). Also measured:
how long Cancel takes to stop a run.

bench.py prints these figures with the start-up time (`print_app_figures`).
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from bpdraw.app.train_tab import TrainTab

SAFETY_TIMEOUT_MS = 600_000


@dataclass(frozen=True)
class StallReport:
    """Figures of one measured training run (times in milliseconds unless named seconds)."""

    recipe: str
    length: int  # steps (classic) or epochs (fast)
    training_seconds: float  # from the worker thread's start to the finished model
    start_delay_s: float  # Retrain clicked -> worker started (waits for a cold matplotlib import)
    worst_stall_before_start_ms: float  # from the click to the worker's start
    timer_interval_ms: float
    ticks: int
    worst_stall_ms: float
    worst_stall_at_s: float  # when it ended, seconds after the worker started
    p99_stall_ms: float
    stalls_over_50ms: int
    worst_stall_after_finish_ms: float  # drawing the results
    cancel_latency_ms: float | None  # Cancel clicked -> training_cancelled received
    cancel_to_idle_ms: float | None  # Cancel clicked -> thread ended, Retrain enabled again
    warmed_up: bool

    def summary(self) -> str:
        if self.cancel_latency_ms is None:
            cancel = "cancel not measured"
        else:
            cancel = f"cancel took {self.cancel_latency_ms:.0f} ms"
        return (
            f"{self.recipe} {self.length:,}: started after {self.start_delay_s:.2f} s (worst stall "
            f"{self.worst_stall_before_start_ms:.0f} ms), trained in {self.training_seconds:.1f} s;"
            f" worst GUI stall while training {self.worst_stall_ms:.0f} ms "
            f"(p99 {self.p99_stall_ms:.0f} ms, "
            f"{self.stalls_over_50ms} over 50 ms); drawing the results "
            f"{self.worst_stall_after_finish_ms:.0f} ms; {cancel}"
        )


class _TickRecorder:
    def __init__(self, interval_ms: int) -> None:
        self.interval_ms = interval_ms
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.on_tick)

    def on_tick(self) -> None:
        self.times.append(time.perf_counter())

    def start(self) -> None:
        self.times.clear()
        self.timer.start()

    def stalls_ms(
        self, start: float, end: float, *, from_tick_before: bool = True
    ) -> tuple[np.ndarray, np.ndarray]:
        """Stalls between `start` and `end` (ms), and when each ended (s after `start`).

        With `from_tick_before` the last tick before `start` counts too, so work done right
        at `start` (the click) shows; a stall that spans `end` counts in full.
        """
        times = np.asarray(self.times)
        first = int(np.searchsorted(times, start))
        if from_tick_before:
            first = max(first - 1, 0)
        last = min(int(np.searchsorted(times, end, side="right")) + 1, len(times))
        times = times[first:last]
        if len(times) < 2:
            return np.zeros(1), np.zeros(1)
        return np.maximum(np.diff(times) * 1000 - self.interval_ms, 0), times[1:] - start


def _wait_for(tab, timeout_ms: int = SAFETY_TIMEOUT_MS) -> str:
    """Run the event loop until the tab's training ends; which way it ended."""
    loop = QEventLoop()
    outcome = ["timeout"]

    def ended(name: str):
        def slot(*_args) -> None:
            outcome[0] = name
            loop.quit()

        return slot

    signals = {
        "trained": tab.model_trained,
        "failed": tab.training_failed,
        "cancelled": tab.training_cancelled,
    }
    connections = [(signal, signal.connect(ended(name))) for name, signal in signals.items()]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    for signal, connection in connections:
        signal.disconnect(connection)
    return outcome[0]


def _spin(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def measure_training_stall(
    recipe: str = "classic",
    *,
    settings: dict | None = None,
    interval_ms: int = 10,
    warm_up: bool = True,
    measure_cancel: bool = True,
    tab=None,
) -> StallReport:
    """Retrain in a shown TrainTab and measure the worst GUI event-loop stall while it trains.

    `settings` are the recipe's config settings (defaults: the recipe's own defaults).
    `warm_up` waits for the Train tab's background imports first, as a user who opens the tab
    and then presses Retrain would; False measures a cold first run.
    """
    app = QApplication.instance() or QApplication([])
    own_tab = tab is None
    if own_tab:
        tab = TrainTab()
        tab.resize(1100, 720)
    tab.show()
    if warm_up:
        tab.import_warmer.wait()
    _spin(300)  # let the window paint and the live plot build

    tab.set_settings(recipe, **(settings or {}))
    config = tab.config()
    length = config.length
    recorder = _TickRecorder(interval_ms)
    recorder.start()
    _spin(50)
    retrain_clicked = time.perf_counter()
    thread_started = []
    connection = tab.training_started.connect(lambda: thread_started.append(time.perf_counter()))
    tab.retrain_button.click()
    outcome = _wait_for(tab)
    tab.training_started.disconnect(connection)
    started = thread_started[0] if thread_started else retrain_clicked
    finished = time.perf_counter()
    if outcome != "trained":
        raise RuntimeError(f"the measured training did not finish: {outcome}")
    _spin(1000)
    after = time.perf_counter()
    recorder.timer.stop()
    while tab.is_training():
        _spin(20)

    before_start, _ = recorder.stalls_ms(retrain_clicked, started)
    # a stall that spans the worker's start was the GUI's work before it: counted above
    during, when = recorder.stalls_ms(started, finished, from_tick_before=False)
    after_finish, _ = recorder.stalls_ms(finished, after, from_tick_before=False)

    cancel_latency = cancel_to_idle = None
    if measure_cancel:
        # The same run again, cancelled once it is under way (after its first progress event):
        # a run can only stop between two events, so this is what a user waiting sees.
        tab.retrain_button.click()
        while tab.is_training() and tab.progress_bar.value() == 0:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        _spin(200)
        clicked = time.perf_counter()
        tab.cancel_button.click()
        if _wait_for(tab) == "cancelled":
            cancel_latency = (time.perf_counter() - clicked) * 1000
            while tab.is_training():
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            cancel_to_idle = (time.perf_counter() - clicked) * 1000
        while tab.is_training():
            _spin(20)

    if own_tab:
        tab.shutdown()
        tab.close()
        tab.deleteLater()
    return StallReport(
        recipe=recipe,
        length=length,
        training_seconds=round(finished - started, 3),
        start_delay_s=round(started - retrain_clicked, 3),
        worst_stall_before_start_ms=round(float(before_start.max()), 1),
        timer_interval_ms=interval_ms,
        ticks=len(recorder.times),
        worst_stall_ms=round(float(during.max()), 1),
        worst_stall_at_s=round(float(when[int(during.argmax())]), 2),
        p99_stall_ms=round(float(np.percentile(during, 99)), 1),
        stalls_over_50ms=int((during > 50).sum()),
        worst_stall_after_finish_ms=round(float(after_finish.max()), 1),
        cancel_latency_ms=None if cancel_latency is None else round(cancel_latency, 1),
        cancel_to_idle_ms=None if cancel_to_idle is None else round(cancel_to_idle, 1),
        warmed_up=warm_up,
    )


def measure_window_stall(warm_up: bool) -> StallReport:
    """A default classic run in the Train tab of a `MainWindow()` built in this process."""
    from bpdraw.app.main_window import MainWindow

    _ = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        from PySide6.QtCore import QSettings

        from bpdraw.personal import SampleStore

        settings = QSettings(str(Path(folder) / "bpdraw.ini"), QSettings.Format.IniFormat)
        # a store of its own: measuring never creates or touches the user's drawings
        store = SampleStore(Path(folder) / "my_digits.sqlite3")
        window = MainWindow(settings=settings, store=store)
        window.resize(1040, 700)
        window.tabs.setCurrentWidget(window.train_tab)
        window.show()
        try:
            return measure_training_stall(
                "classic", warm_up=warm_up, measure_cancel=False, tab=window.train_tab
            )
        finally:
            window.train_tab.shutdown()
            window.train_tab.on_keep_current_clicked()  # nothing to ask about on closing
            window.close()
            window.deleteLater()


def measure_run_stall(seconds: float = 3.0, interval_ms: int = 5) -> tuple[float, float, int]:
    """Press Run in a shown Inside tab for `seconds` -> (worst gap ms, p99 gap ms, steps run).

    A gap is the time between two ticks of an `interval_ms` QTimer (the interval included),
    from just before Run is pressed to just after it is pressed again (Pause). The training
    digits are loaded first, as the first Step or Run of a session does.
    """
    from bpdraw.app.inside_tab import InsideTab

    _ = QApplication.instance() or QApplication([])
    tab = InsideTab()
    tab.resize(1040, 700)
    tab.show()
    view = tab.backprop_view
    view.stepper()
    _spin(300)
    recorder = _TickRecorder(interval_ms)
    recorder.start()
    _spin(50)
    started = time.perf_counter()
    view.run_button.click()
    _spin(round(seconds * 1000))
    view.run_button.click()
    _spin(100)
    recorder.timer.stop()
    times = np.asarray(recorder.times)
    times = times[int(np.searchsorted(times, started)) - 1 :]
    gaps = np.diff(times) * 1000
    steps = view.stepper().steps_done
    tab.close()
    tab.deleteLater()
    return round(float(gaps.max()), 1), round(float(np.percentile(gaps, 99)), 1), steps

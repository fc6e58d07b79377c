"""The app's own measurements: how fast it starts, and how responsive it stays while it trains.

- Start-up: each run launches a fresh Python process that starts the app as `bpdraw` does and
  reports when the drawing canvas has been painted; the time is measured from just before the
  launch to that report, so it includes interpreter start-up and imports.
- Stalls: a 10 ms `QTimer` on the GUI thread records when it fires while the Train tab
  retrains; any gap beyond the interval is time the event loop could not run (a frozen window).
  Also measured: how long Cancel takes to stop a run.

`bpdraw bench --app` prints these figures (`print_app_figures`); so does
`python -m bpdraw.app.bench` (offscreen Qt unless a display is set).
"""

from __future__ import annotations

import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication

from bpdraw.app.main_window import start
from bpdraw.app.train_tab import TrainTab

CHILD_FLAG = "--child"
CHILD_TRAIN_FLAG = "--child-train"
HEAVY_MODULES = ("matplotlib", "sklearn", "scipy")
SAFETY_TIMEOUT_MS = 600_000


# -- start-up --------------------------------------------------------------------------------
@dataclass(frozen=True)
class StartupTimes:
    """seconds: launch → first paint, one per run; heavy_imports: heavy modules loaded by then."""

    seconds: list[float]
    heavy_imports: list[str]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def worst(self) -> float:
        return max(self.seconds)

    def describe(self) -> str:
        loaded = ", ".join(self.heavy_imports) or "none"
        return (
            f"launch → first paint: median {self.median:.2f} s, worst {self.worst:.2f} s "
            f"over {len(self.seconds)} runs (heavy modules loaded by then: {loaded})"
        )


def measure_startup(
    runs: int = 5, timeout: float = 60.0, home: str | os.PathLike | None = None
) -> StartupTimes:
    """Launch the app `runs` times; each run is a new process, timed until its first paint.

    The launched apps keep their settings and data in `home` (XDG_CONFIG_HOME and
    XDG_DATA_HOME below it; by default a temporary folder), never in the user's own.
    """
    with tempfile.TemporaryDirectory(prefix="bpdraw-startup-") as scratch:
        return _measure_startup(runs, timeout, Path(home if home is not None else scratch))


def _measure_startup(runs: int, timeout: float, home: Path) -> StartupTimes:
    environment = dict(os.environ)
    environment["XDG_CONFIG_HOME"] = str(home / "config")
    environment["XDG_DATA_HOME"] = str(home / "data")
    if not environment.get("DISPLAY") and not environment.get("WAYLAND_DISPLAY"):
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    seconds, heavy = [], set()
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "bpdraw.app.bench", CHILD_FLAG],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            text=True,
        )
        line = child.stdout.readline()
        painted = time.perf_counter()
        _, errors = child.communicate(timeout=timeout)
        if child.returncode != 0 or not line:
            raise RuntimeError(f"the app did not start (exit code {child.returncode}):\n{errors}")
        seconds.append(painted - started)
        heavy.update(json.loads(line)["heavy_imports"])
    return StartupTimes(seconds, sorted(heavy))


def _child() -> int:
    """Start the app as the `bpdraw` command does; print one line at the first paint, quit."""
    importlib.import_module("bpdraw.cli")  # the command's own imports are part of start-up

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, report)  # after this paint has finished
            return False

    def report() -> None:
        heavy = [name for name in HEAVY_MODULES if name in sys.modules]
        print(json.dumps({"heavy_imports": heavy}), flush=True)
        app.quit()

    first_paint = FirstPaint()
    app, window = start([sys.argv[0]])
    window.draw_tab.canvas.installEventFilter(first_paint)
    return app.exec()


# -- stalls while training ----------------------------------------------------------------------
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


def _window_run(warm_up: bool) -> StallReport:
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


def _child_train() -> int:
    """Start as the `bpdraw` command does, run a default classic run, print its report."""
    importlib.import_module("bpdraw.cli")
    app, window = start([sys.argv[0]])
    window.tabs.setCurrentWidget(window.train_tab)
    report = measure_training_stall("classic", measure_cancel=False, tab=window.train_tab)
    window.train_tab.shutdown()
    window.train_tab.on_keep_current_clicked()
    print(json.dumps({"training_seconds": report.training_seconds}), flush=True)
    return 0


def measure_both_ways() -> tuple[float, float]:
    """Seconds of a default classic run: in a `MainWindow()` built here, and in the app
    started as the `bpdraw` command starts it (a child process)."""
    direct = _window_run(warm_up=True).training_seconds
    child = subprocess.run(
        [sys.executable, "-m", "bpdraw.app.bench", CHILD_TRAIN_FLAG],
        capture_output=True,
        text=True,
        timeout=SAFETY_TIMEOUT_MS / 1000,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    lines = [line for line in child.stdout.splitlines() if line.startswith("{")]
    if child.returncode != 0 or not lines:
        raise RuntimeError(f"the app did not train (exit code {child.returncode}):\n{child.stderr}")
    return direct, json.loads(lines[-1])["training_seconds"]


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


def print_app_figures() -> None:
    """Print the start-up figure, the stall figures of a classic and a fast run (cold and
    warm), and a default classic run's time built both ways."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print("\napp:")
    print("  " + measure_startup().describe())
    print("  cold (Retrain right after the window opens, MainWindow):")
    print("    " + _window_run(warm_up=False).summary())
    print("  warm:")
    for recipe in ("classic", "fast"):
        print("    " + measure_training_stall(recipe).summary())
    worst, p99, steps = measure_run_stall()
    print(
        f"  Inside, backprop Run: worst gap {worst:.0f} ms (p99 {p99:.0f} ms) over {steps:,} steps"
    )
    direct, as_command = measure_both_ways()
    print(
        f"  default classic run: MainWindow() {direct:.1f} s · started as bpdraw {as_command:.1f} s"
    )


def main() -> int:
    if CHILD_TRAIN_FLAG in sys.argv[1:]:
        return _child_train()
    if CHILD_FLAG in sys.argv[1:]:
        return _child()
    print_app_figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

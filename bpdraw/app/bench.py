"""The app's own measurements: how fast it starts, and how responsive it stays while it trains.

- Start-up (here): each run launches a fresh Python process that starts the app as `bpdraw`
  does and reports when the drawing canvas has been painted; the time is measured from just
  before the launch to that report, so it includes interpreter start-up and imports.
- Stalls (bench_stalls.py): a 10 ms `QTimer` on the GUI thread records when it fires while the
  Train tab retrains; any gap beyond the interval is time the event loop could not run (a
  frozen window). Also measured: how long Cancel takes to stop a run.

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

from PySide6.QtCore import QEvent, QObject, QTimer

from bpdraw.app.bench_stalls import (
    SAFETY_TIMEOUT_MS,
    measure_run_stall,
    measure_training_stall,
    measure_window_stall,
)
from bpdraw.app.main_window import start

CHILD_FLAG = "--child"
CHILD_TRAIN_FLAG = "--child-train"
HEAVY_MODULES = ("matplotlib", "sklearn", "scipy")


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


# -- a default classic run, built both ways ---------------------------------------------------
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
    direct = measure_window_stall(warm_up=True).training_seconds
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


def print_app_figures() -> None:
    """Print the start-up figure, the stall figures of a classic and a fast run (cold and
    warm), and a default classic run's time built both ways."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print("\napp:")
    print("  " + measure_startup().describe())
    print("  cold (Retrain right after the window opens, MainWindow):")
    print("    " + measure_window_stall(warm_up=False).summary())
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

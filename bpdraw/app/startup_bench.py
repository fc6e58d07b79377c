"""How long from launching bpdraw to the first painted window.

Each run starts a fresh Python process that starts the app as `bpdraw` does and reports
when the drawing canvas has been painted; the time is measured by this process, from
just before the launch to that report, so it includes interpreter start-up and imports.
Run `python -m bpdraw.app.startup_bench` (offscreen Qt unless a display is set).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

CHILD_FLAG = "--child"
HEAVY_MODULES = ("matplotlib", "sklearn", "scipy")


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


def measure_startup(runs: int = 5, timeout: float = 60.0) -> StartupTimes:
    """Launch the app `runs` times; each run is a new process, timed until its first paint."""
    environment = dict(os.environ)
    if not environment.get("DISPLAY") and not environment.get("WAYLAND_DISPLAY"):
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    seconds, heavy = [], set()
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "bpdraw.app.startup_bench", CHILD_FLAG],
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
    import importlib
    import importlib.util

    from PySide6.QtCore import QEvent, QObject, QTimer

    if importlib.util.find_spec("bpdraw.cli") is not None:
        importlib.import_module("bpdraw.cli")  # the command's own imports are part of start-up
    from bpdraw.app.main_window import start

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


def main() -> int:
    if CHILD_FLAG in sys.argv[1:]:
        return _child()
    print(measure_startup().describe())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

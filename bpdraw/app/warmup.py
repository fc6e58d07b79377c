"""Background imports: the one place that knows matplotlib and scikit-learn load late.

The app starts in ~0.23 s because the main window never imports matplotlib or scikit-learn.
They are imported on a plain thread when a window that needs them is first shown
(`ImportWarmer`), and widgets reach the plotting module only through `load_plots()` once
`imports_ready()` says so, or on a worker thread. Every other module imports normally.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from bpdraw.app.background import in_background
from bpdraw.data import load_split

if TYPE_CHECKING:
    from types import ModuleType

# What the first Retrain (or the confusion window) would otherwise import or load while the
# window must stay responsive. Some of it (loading scipy's extension modules) holds the GIL
# for tens of milliseconds, which stalls the GUI.
PLOTS_MODULE = "bpdraw.app.plots"
CONFUSION_PLOT_MODULE = "bpdraw.app.confusion_plot"
WARM_UP_MODULES = (
    PLOTS_MODULE,
    CONFUSION_PLOT_MODULE,
    "bpdraw.evaluate",
    "sklearn.model_selection",
)


def imports_ready() -> bool:
    """True when every module of `WARM_UP_MODULES` has been imported (by anyone)."""
    return all(name in sys.modules for name in WARM_UP_MODULES)


def load_plots() -> ModuleType:
    """The matplotlib plotting module `bpdraw.app.plots`, imported on first use.

    Cheap once `imports_ready()`; on the GUI thread before that it blocks for the import.
    """
    return importlib.import_module(PLOTS_MODULE)


def load_confusion_plot() -> ModuleType:
    """The module drawing confusion matrices, `bpdraw.app.confusion_plot`, as `load_plots`."""
    return importlib.import_module(CONFUSION_PLOT_MODULE)


def in_later_turns(steps: Sequence[Callable[[], object]], still_wanted: Callable[[], bool]) -> None:
    """Run `steps` one per turn of the event loop, each after the events the one before posted.

    A step that lays out or schedules a paint gets it done before the next step starts; the
    chain stops as soon as `still_wanted()` is false (a cancelled run, a closed window).
    """
    if not steps:
        return

    def run_first() -> None:
        if still_wanted():
            steps[0]()
            in_later_turns(steps[1:], still_wanted)

    QTimer.singleShot(0, run_first)


class ImportWarmer(QObject):
    """Imports the plotting and training stack on a plain thread, then emits `done`.

    Started when the Train tab (or the confusion window) is first shown, so that the first
    Retrain neither freezes the window for the imports nor stalls it while training.
    """

    done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._finished = threading.Event()  # set just before `done` is emitted

    def start(self) -> None:
        """Start the imports (once; later calls do nothing)."""
        if self._thread is None:
            finished = self._finished

            def imports() -> None:
                # A failure is reported by the real import or load later, where a user sees it.
                with contextlib.suppress(Exception):
                    for name in WARM_UP_MODULES:
                        importlib.import_module(name)
                    load_split(0)
                finished.set()

            self._thread = in_background(imports, self._on_imported, name="bpdraw-imports")

    def is_done(self) -> bool:
        """True once the imports are done (already when `done` arrives)."""
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the imports are done (benchmarks); True when they are."""
        if self._thread is None:
            return False
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _on_imported(self, _result: None) -> None:
        self.done.emit()

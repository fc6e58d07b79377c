"""The desktop app: the only part of bpdraw that imports Qt.

`MainWindow` and `run` are imported on first use, so `import bpdraw.app.canvas`
does not pull in the whole window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bpdraw.app.main_window import MainWindow, run

__all__ = ["MainWindow", "run"]


def __getattr__(name: str):
    if name in __all__:
        from bpdraw.app import main_window

        return getattr(main_window, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Work on a plain background thread whose result is handed to the GUI thread safely.

Two things crash a Qt program from a plain thread, rarely and without a Python traceback:
emitting a signal of a QObject that the GUI thread deletes meanwhile (Qt forbids deleting a
sender while another thread emits from it), and dropping the last reference to a widget's
Python wrapper, which destroys the widget on the wrong thread. A pytest run segfaulted in
``QWidget::ensurePolished`` about once in five full runs while scoring threads emitted from
a Train tab the previous test had closed.

So ``in_background`` gives the thread only the work, which must not refer to any QObject,
and keeps a *weak* reference to the method that takes the result. The result crosses to the
GUI thread through one relay that lives as long as the application; there the method is
called if its object still exists. A closed window simply never hears back.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from shiboken6 import isValid


class _Relay(QObject):
    """Lives in the GUI thread for the application's lifetime; carries results to it."""

    handed = Signal(object, object)  # (weak method, result)

    def __init__(self) -> None:
        super().__init__()
        self.handed.connect(self.deliver)

    @Slot(object, object)
    def deliver(self, method_ref: weakref.WeakMethod, result: Any) -> None:
        method = method_ref()
        if method is not None and isValid(method.__self__):
            method(result)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    """The relay, made on first use (on the GUI thread) and moved to the GUI thread."""
    global _relay
    if _relay is None or not isValid(_relay):
        _relay = _Relay()
        application = QCoreApplication.instance()
        if application is not None:
            _relay.moveToThread(application.thread())
    return _relay


def in_background(
    work: Callable[[], Any], then: Callable[[Any], None], name: str
) -> threading.Thread:
    """Run ``work()`` on a plain daemon thread named ``name``; on the GUI thread, call
    ``then(result)`` if the object ``then`` is a method of still exists.

    ``then`` must be a bound method of a QObject; ``work`` must not refer to a QObject.
    An exception in ``work`` means no result: ``then`` is not called (the callers' figures
    are reported again by the real action that needs them).
    """
    relay = _the_relay()
    method_ref = weakref.WeakMethod(then)

    def run() -> None:
        try:
            result = work()
        except Exception:
            return
        relay.handed.emit(method_ref, result)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread

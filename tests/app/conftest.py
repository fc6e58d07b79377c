"""Fixtures shared by the app's tests: private settings, shown widgets, real mouse drawing."""

from __future__ import annotations

import gc
import math
import weakref
from collections.abc import Callable, Sequence

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from bpdraw.app import i18n
from bpdraw.app.canvas import Canvas
from bpdraw.model import Model, load_default

Points = Sequence[tuple[float, float]]


@pytest.fixture(autouse=True)
def private_settings(tmp_path):
    """Keep every QSettings the app opens in a test out of the user's own settings."""
    for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "user"))
        QSettings.setPath(settings_format, QSettings.Scope.SystemScope, str(tmp_path / "system"))
    return tmp_path


@pytest.fixture(autouse=True)
def private_data(tmp_path, monkeypatch):
    """Each test's own user data directory: its drawings and taught model start empty."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "bpdraw"


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """A private settings file for a window under test."""
    return QSettings(str(tmp_path / "bpdraw.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the run (offscreen, nobody sees it): every
    static dialog answers at once — a question is declined with Discard, a file dialog gets
    no name — and is recorded in the returned list as (kind, title). Tests that look at a
    dialog patch it themselves, over this."""
    shown: list[tuple[str, str]] = []

    def answer(kind, result):
        def dialog(parent, title, *args, **kwargs):
            shown.append((kind, title))
            return result

        return staticmethod(dialog)

    ok = QMessageBox.StandardButton.Ok
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, answer(kind, ok))
    monkeypatch.setattr(
        QMessageBox, "question", answer("question", QMessageBox.StandardButton.Discard)
    )
    monkeypatch.setattr(QMessageBox, "about", answer("about", None))
    for kind in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, kind, answer(kind, ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", answer("directory", ""))
    return shown


@pytest.fixture(scope="session")
def default_model() -> Model:
    """The shipped model, loaded once for the whole run (tests only read it)."""
    return load_default()


@pytest.fixture
def shown(qtbot) -> Callable[..., QWidget]:
    """shown(widget, width, height): the widget, closed after the test, resized, on screen."""

    def show(widget: QWidget, width: int | None = None, height: int | None = None) -> QWidget:
        qtbot.addWidget(widget)
        if width is not None and height is not None:
            widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show


@pytest.fixture
def canvas(shown) -> Canvas:
    """A blank 280 x 280 canvas on screen."""
    return shown(Canvas(), 280, 280)


@pytest.fixture
def drag(qtbot) -> Callable[[QWidget, Points], None]:
    """drag(widget, points): one stroke through `points` (widget pixels), left button held,
    with real mouse events: press, a move per point, release."""

    def drag_through(widget: QWidget, points: Points) -> None:
        positions = [QPoint(round(x), round(y)) for x, y in points]
        qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=positions[0])
        for position in positions[1:]:
            qtbot.mouseMove(widget, position)
        qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=positions[-1])

    return drag_through


def _vertical_line(widget: QWidget, centre_x: float = 0.5, height: float = 0.7, steps: int = 30):
    """A stroke down the widget at `centre_x`, `height` of the widget tall (fractions)."""
    x, top = widget.width() * centre_x, 0.5 - height / 2
    return [(x, widget.height() * (top + height * i / steps)) for i in range(steps + 1)]


def _circle(widget: QWidget, centre_x: float = 0.5, height: float = 0.66, steps: int = 48):
    """A closed loop, three quarters as wide as tall, centred at (`centre_x`, 0.5)."""
    side = min(widget.width(), widget.height())
    cx, cy = widget.width() * centre_x, widget.height() / 2
    return [
        (
            cx + 0.375 * height * side * math.sin(2 * math.pi * i / steps),
            cy - 0.5 * height * side * math.cos(2 * math.pi * i / steps),
        )
        for i in range(steps + 1)
    ]


@pytest.fixture
def vertical_line():
    """vertical_line(widget, centre_x=0.5, height=0.7): points of a "1" (widget pixels)."""
    return _vertical_line


@pytest.fixture
def circle():
    """circle(widget, centre_x=0.5, height=0.66): points of a "0" (widget pixels)."""
    return _circle


@pytest.fixture
def freed_when_dropped(qtbot) -> Callable[[Callable[[], QWidget]], bool]:
    """Show and close a widget made by `make`, then drop it with the cycle collector off:
    True when reference counting alone freed it. A widget held by a cycle is freed by the
    collector, on whichever thread it happens to run, which Qt widgets must not be."""

    def check(make: Callable[[], QWidget]) -> bool:
        widget = make()
        widget.show()
        qtbot.waitExposed(widget)
        widget.close()
        gone = weakref.ref(widget)
        gc.disable()
        try:
            del widget
            return gone() is None
        finally:
            gc.enable()

    return check


@pytest.fixture
def chinese_font(monkeypatch) -> str:
    """A Chinese font family; without one installed, pretend DejaVu is one (texts still checked)."""
    family = i18n.chinese_font_family()
    if family is None:
        monkeypatch.setattr(i18n, "chinese_font_family", lambda: "DejaVu Sans")
        family = "DejaVu Sans"
    return family

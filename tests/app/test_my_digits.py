"""Teaching the app your handwriting: the It's a: buttons, the My digits tab, Learn my
handwriting, the Inside tab on the shared drawing, and the window's start-up and quitting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from bpdraw import inside
from bpdraw.app import MainWindow
from bpdraw.app.main_window import kept_model_path
from bpdraw.model import load_default
from bpdraw.personal import SampleStore
from bpdraw.personal.teach import drawings_of
from bpdraw.strokes_file import read_strokes_file

ASSETS = Path(__file__).resolve().parents[2] / "assets"


@pytest.fixture
def window(shown, settings):
    return shown(MainWindow(settings=settings), 900, 780)


@pytest.fixture
def errors(monkeypatch):
    """QMessageBox.critical replaced: the texts it was asked to show."""
    shown_texts: list[str] = []

    def critical(parent, title, text, *args, **kwargs):
        shown_texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    return shown_texts


def pen_drawings(per_digit: int):
    """`per_digit` pen-digit drawings of each digit (strokes, labels), the first writer's."""
    packed, labels = read_strokes_file(ASSETS / "pendigits_strokes.npz")
    chosen = np.concatenate([np.flatnonzero(labels == d)[:per_digit] for d in range(10)])
    drawings = drawings_of(packed)
    return [drawings[i] for i in chosen], labels[chosen]


def same_weights(first, second) -> bool:
    return all(
        np.array_equal(a, b)
        for a, b in zip(first.network.weights, second.network.weights, strict=True)
    )


def teach_button(window, digit: int) -> QPushButton:
    return window.findChild(QPushButton, f"teachButton{digit}")


# --- teach in one click ----------------------------------------------------------------------


def test_taught_drawings_are_in_a_new_store_and_a_new_process(
    qtbot, window, drag, vertical_line, circle, private_data
):
    canvas = window.draw_tab.canvas
    drag(canvas, vertical_line(canvas))
    qtbot.mouseClick(teach_button(window, 1), Qt.MouseButton.LeftButton)
    drag(canvas, circle(canvas))
    qtbot.mouseClick(teach_button(window, 0), Qt.MouseButton.LeftButton)
    assert "2 of your drawings" in window.draw_tab.teach_status_label.text()

    with SampleStore() as reopened:
        assert reopened.path == private_data / "my_digits.sqlite3"
        assert len(reopened) == 2
        assert reopened.counts()[:2] == [1, 1]
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "from bpdraw.personal import SampleStore; print(len(SampleStore()))",
        ],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert child.stdout.strip() == "2"


def test_my_digits_shows_counts_thumbnails_and_first_answer_accuracy(
    qtbot, window, drag, vertical_line
):
    canvas = window.draw_tab.canvas
    for digit in (1, 1, 7):
        drag(canvas, vertical_line(canvas))
        qtbot.mouseClick(teach_button(window, digit), Qt.MouseButton.LeftButton)
    tab = window.my_digits_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.drawings_list.count() == 3)
    assert "<b>1</b><br>2<" in tab.counts_label.text()
    assert "<b>7</b><br>1<" in tab.counts_label.text()
    # the app read every line as a 1: right on two of the three
    assert "67%" in tab.accuracy_label.text()


def test_click_a_thumbnail_to_see_it_and_delete_it_with_undo(qtbot, window, drag, circle):
    canvas = window.draw_tab.canvas
    drag(canvas, circle(canvas))
    qtbot.mouseClick(teach_button(window, 0), Qt.MouseButton.LeftButton)
    tab = window.my_digits_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.drawings_list.count() == 1)
    item = tab.drawings_list.item(0)
    rect = tab.drawings_list.visualItemRect(item)
    qtbot.mouseClick(tab.drawings_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(tab.selected_view.strokes()) == 1
    assert tab.selected_label.text().startswith("A 0")
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert len(window.store) == 0 and tab.drawings_list.count() == 0
    qtbot.mouseClick(tab.undo_delete_button, Qt.MouseButton.LeftButton)
    assert len(window.store) == 1 and tab.drawings_list.count() == 1


def test_export_then_import_round_trips_and_a_bad_file_imports_nothing(
    qtbot, window, errors, tmp_path
):
    drawings, labels = pen_drawings(2)
    for strokes, label in zip(drawings, labels, strict=True):
        window.store.add(strokes, int(label), predicted=int(label))
    tab = window.my_digits_tab
    assert tab.export_to(tmp_path / "mine.npz") == 20

    with SampleStore(tmp_path / "other.sqlite3") as other:
        assert other.import_file(tmp_path / "mine.npz") == 20
        assert other.counts() == [2] * 10
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a strokes file at all")
    assert tab.import_from(bad) is None
    assert len(errors) == 1 and "bad.npz" in errors[0]
    assert len(window.store) == 20
    assert tab.import_from(tmp_path / "mine.npz") == 20
    assert len(window.store) == 40


# --- learn my handwriting ----------------------------------------------------------------------


def test_showing_my_digits_imports_what_a_teach_needs_in_the_background(window):
    """The first teach must not import scikit-learn itself (it would hold the GIL for tens of
    ms at a time while the window waits): the tab starts those imports when first shown."""
    tab = window.my_digits_tab
    assert not tab.import_warmer.wait(0)  # not started while another tab is shown
    window.tabs.setCurrentWidget(tab)
    assert tab.import_warmer.wait(60)
    assert tab.import_warmer.is_done()


def test_learn_is_disabled_with_a_reason_until_two_digits_are_taught(window):
    tab = window.my_digits_tab
    assert not tab.adapt_button.isEnabled()
    assert "at least 2 drawings of 2 different digits" in tab.adapt_reason_label.text()


def test_learn_my_handwriting_uses_and_keeps_the_taught_model_without_freezing(
    qtbot, window, shown, settings, private_data
):
    drawings, labels = pen_drawings(3)
    for strokes, label in zip(drawings, labels, strict=True):
        window.store.add(strokes, int(label))
    tab = window.my_digits_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.adapt_button.isEnabled)
    original = window.model
    ticks = []
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start()
    qtbot.mouseClick(tab.adapt_button, Qt.MouseButton.LeftButton)
    assert tab.is_adapting() and tab.adapt_progress.isVisible()
    ticks_at_start = len(ticks)
    qtbot.waitUntil(lambda: window.model is not original, timeout=120_000)
    ticker.stop()
    assert len(ticks) - ticks_at_start >= 3  # the event loop kept running while it learned
    assert not tab.is_adapting()
    assert "kept aside" in tab.adapt_result_label.text()
    assert "450 test digits" in tab.adapt_result_label.text()
    assert kept_model_path() == private_data / "my_model.npz" and kept_model_path().is_file()

    restarted = shown(MainWindow(settings=settings))
    assert same_weights(restarted.model, window.model)
    assert not same_weights(restarted.model, original)
    assert "taught your handwriting" in restarted.statusBar().currentMessage()

    restarted.use_shipped_action.trigger()
    assert same_weights(restarted.model, load_default())
    assert not kept_model_path().exists()
    assert same_weights(shown(MainWindow(settings=settings)).model, load_default())


def test_cancel_keeps_the_model_in_use(qtbot, window):
    drawings, labels = pen_drawings(3)
    for strokes, label in zip(drawings, labels, strict=True):
        window.store.add(strokes, int(label))
    tab = window.my_digits_tab
    window.tabs.setCurrentWidget(tab)
    original = window.model
    qtbot.mouseClick(tab.adapt_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.adapt_cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_adapting(), timeout=60_000)
    assert window.model is original
    assert not kept_model_path().exists()


def test_an_unreadable_kept_model_falls_back_to_the_shipped_one(shown, settings, private_data):
    private_data.mkdir(parents=True, exist_ok=True)
    (private_data / "my_model.npz").write_bytes(b"garbage")
    started = shown(MainWindow(settings=settings))
    assert same_weights(started.model, load_default())
    assert "could not be read" in started.statusBar().currentMessage()


def test_a_damaged_store_is_moved_aside_and_the_app_starts(shown, settings, private_data):
    private_data.mkdir(parents=True, exist_ok=True)
    (private_data / "my_digits.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 600)
    started = shown(MainWindow(settings=settings))
    assert len(started.store) == 0
    assert "damaged" in started.my_digits_tab.notice_label.text()
    assert "Your drawings" in started.statusBar().currentMessage()


# --- the Inside tab on the shared drawing --------------------------------------------------------


def test_inside_tab_shows_the_hidden_layer_of_the_canvas_after_every_change(
    qtbot, window, drag, vertical_line, circle
):
    canvas = window.draw_tab.canvas
    hidden_view = window.inside_tab.hidden_view
    assert window.tabs.findChild(type(window.inside_tab), "insideTab") is window.inside_tab

    def matches() -> bool:
        digits = canvas.to_digits()
        # in the order the units are drawn (grouped by the digit they vote for)
        expected = inside.hidden_activations(window.model, digits)[hidden_view.drawn_units()]
        shown_values = hidden_view.activations()
        return shown_values.shape == expected.shape and np.allclose(
            shown_values, expected, atol=1e-6, rtol=0
        )

    drag(canvas, circle(canvas))
    assert matches()
    drag(canvas, vertical_line(canvas, 0.8, 0.5))
    assert matches()
    window.undo_action.trigger()
    qtbot.waitUntil(matches)
    new_model = load_default()
    window.replace_model(new_model)
    assert window.inside_tab.model() is new_model and matches()

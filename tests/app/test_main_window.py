"""The main window: menus, keys, model files, settings."""

from __future__ import annotations

import io
import json
import os
import zipfile

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from bpdraw.app import MainWindow, run
from bpdraw.app.bench import measure_startup
from bpdraw.model import load, load_default


@pytest.fixture
def window(shown, settings):
    return shown(MainWindow(settings=settings))


@pytest.fixture
def dialogs(monkeypatch):
    """Replace the modal dialogs: file names come from `dialogs.open_path`/`save_path`."""

    class Dialogs:
        open_path = ""
        save_path = ""
        errors: list[str] = []

    recorded = Dialogs()
    recorded.errors = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (recorded.open_path, ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (recorded.save_path, ""))
    )

    def critical(parent, title, text, *args, **kwargs):
        recorded.errors.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    return recorded


def same_weights(first, second) -> bool:
    return all(
        np.array_equal(a, b)
        for a, b in zip(first.network.weights, second.network.weights, strict=True)
    )


def test_constructs_with_no_arguments_on_the_default_model(qtbot):
    main_window = MainWindow()
    qtbot.addWidget(main_window)
    assert same_weights(main_window.model, load_default())
    assert main_window.draw_tab.model() is main_window.model


def test_has_draw_my_digits_inside_and_train_tabs(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Draw", "My digits", "Inside", "Train"]
    assert window.findChild(type(window.draw_tab.canvas), "canvas") is window.draw_tab.canvas


def test_menus(window):
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Help"]


def test_actions_use_standard_keys(window):
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.clear_action.shortcut() == QKeySequence(Qt.Key.Key_Escape)


def test_ctrl_z_undoes_the_last_stroke(qtbot, window, drag, vertical_line):
    canvas = window.draw_tab.canvas
    drag(canvas, vertical_line(canvas))
    drag(canvas, [(60, 60), (200, 60)])
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.strokes()) == 1
    qtbot.waitUntil(lambda: window.draw_tab.prediction_label.text() == "1")


def test_the_inside_tab_reads_the_digit_of_a_number_chosen_in_the_preview(
    qtbot, window, drag, vertical_line, circle
):
    inside, preview = window.inside_tab, window.draw_tab.digit_preview
    drag(window.draw_tab.canvas, vertical_line(window.draw_tab.canvas, 0.22, 0.6))
    alone = preview.digits()
    assert "your drawing" in inside.inputs_caption.text()
    drag(window.draw_tab.canvas, circle(window.draw_tab.canvas, 0.68, 0.6))
    assert window.draw_tab.prediction_label.text() == "10"
    assert np.array_equal(inside.inputs._digits, alone)  # the 1 at first, not the whole "10"
    assert "one of the 2 digits" in inside.inputs_caption.text()
    zero = preview.tile_rect(1).center().toPoint()
    qtbot.mouseClick(preview, Qt.MouseButton.LeftButton, pos=zero)
    assert np.array_equal(inside.inputs._digits, preview.digits()[1])  # now the 0
    window.draw_tab.canvas.clear()
    qtbot.waitUntil(lambda: "your drawing" in inside.inputs_caption.text(), timeout=2000)


def test_escape_clears_the_drawing(qtbot, window, drag, vertical_line):
    canvas = window.draw_tab.canvas
    drag(canvas, vertical_line(canvas))
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.strokes() == []
    qtbot.waitUntil(lambda: window.draw_tab.prediction_label.text() == "")


def test_escape_on_the_train_tab_keeps_the_drawing(qtbot, window, drag, vertical_line):
    canvas = window.draw_tab.canvas
    drag(canvas, vertical_line(canvas))
    window.tabs.setCurrentWidget(window.train_tab)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.train_tab, Qt.Key.Key_Escape)
    qtbot.keyClick(window.train_tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.strokes()) == 1
    assert not window.clear_action.isEnabled()
    window.tabs.setCurrentWidget(window.draw_tab)
    assert window.clear_action.isEnabled() and window.undo_action.isEnabled()


def test_opening_a_corrupt_model_file_keeps_the_model_and_says_why(window, dialogs, tmp_path):
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"PK\x03\x04 this is not a model")
    dialogs.open_path = str(corrupt)
    model_before = window.model
    window.open_action.trigger()
    assert window.model is model_before
    assert window.draw_tab.model() is model_before
    assert len(dialogs.errors) == 1
    assert "corrupt.npz" in dialogs.errors[0]


def test_cancelling_the_open_dialog_changes_nothing(window, dialogs):
    model_before = window.model
    dialogs.open_path = ""
    window.open_action.trigger()
    assert window.model is model_before
    assert dialogs.errors == []


def test_save_then_open_round_trips_the_model(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "saved.npz")
    window.save_action.trigger()
    saved = load(tmp_path / "saved.npz")
    assert same_weights(saved, window.model)

    dialogs.open_path = str(tmp_path / "saved.npz")
    window.open_action.trigger()
    assert dialogs.errors == []
    assert same_weights(window.model, saved)
    assert window.draw_tab.model() is window.model


def test_a_trained_model_replaces_the_model_and_can_be_restored(window):
    original = window.model
    trained = load_default()
    window.train_tab.model_chosen.emit(trained)
    assert window.model is trained
    assert window.draw_tab.model() is trained
    assert window.restore_action.isEnabled()
    window.restore_action.trigger()
    assert window.model is original
    assert window.draw_tab.model() is original


def test_cancelled_or_failed_training_keeps_the_model(window):
    original = window.model
    window.train_tab.training_cancelled.emit()
    window.train_tab.training_failed.emit("the loss exploded: lower the learning rate")
    assert window.model is original
    assert "previous model stays" in window.statusBar().currentMessage()


def test_about_names_the_model_in_use(window):
    text = window.about_text()
    assert window.model.recipe in text
    assert f"{window.model.test_accuracy:.3f}" in text


def test_closing_shuts_the_training_down(qtbot, settings, monkeypatch):
    main_window = MainWindow(settings=settings)
    qtbot.addWidget(main_window)
    calls = []
    monkeypatch.setattr(main_window.train_tab, "shutdown", lambda: calls.append("shutdown"))
    main_window.show()
    main_window.close()
    assert calls == ["shutdown"]


def test_window_geometry_is_remembered(qtbot, settings):
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.show()
    # The offscreen screen is 800x800 and restoreGeometry fits the window to the screen,
    # so a height that fits (above the window's minimum) is what can be checked.
    height = max(first.minimumSizeHint().height(), 700) + 10
    first.resize(first.width(), height)
    qtbot.waitUntil(lambda: first.height() == height)
    first.close()

    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    assert second.height() == height


def test_run_shows_the_window_and_returns_the_exit_code(qtbot, monkeypatch):
    # A real app.exec() would leave Qt's "quit" flag set for the rest of the test session
    # (later timers stop firing), so the event loop is replaced by a look at the windows.
    shown = []

    def look_instead_of_exec(app):
        shown.extend(
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget.isVisible()
        )
        for widget in shown:
            qtbot.addWidget(widget)
        return 3

    monkeypatch.setattr(QApplication, "exec", look_instead_of_exec)
    assert run() == 3
    assert len(shown) == 1


def test_start_up_paints_the_window_without_matplotlib_or_scikit_learn(tmp_path):
    # A real launch in a new process; the time is the benchmark's business, not a test's.
    startup = measure_startup(runs=1, home=tmp_path)
    assert len(startup.seconds) == 1
    assert startup.heavy_imports == []
    # the launched app kept its settings in the folder it was given, not the user's
    assert (tmp_path / "config" / "bpdraw" / "bpdraw.conf").is_file()


def test_view_confusion_matrix_shows_the_model_in_use(qtbot, window):
    window.confusion_action.trigger()
    confusion = window.confusion_window
    qtbot.addWidget(confusion)
    assert confusion.isVisible()
    assert confusion.model() is window.model
    trained = load_default()
    window.train_tab.model_chosen.emit(trained)
    assert confusion.model() is trained


def test_quitting_mid_training_stops_the_thread_and_keeps_the_model(qtbot, window, qtlog):
    original = window.model
    train_tab = window.train_tab
    window.tabs.setCurrentWidget(train_tab)
    train_tab.set_settings("classic", steps=2_000_000)
    qtbot.mouseClick(train_tab.retrain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: train_tab.progress_bar.value() > 0, timeout=60_000)
    thread = train_tab.training_thread
    assert thread is not None and thread.isRunning()

    window.quit_action.trigger()
    assert not window.isVisible()
    assert thread.isFinished()
    assert not train_tab.is_training()
    assert window.model is original
    assert not [record for record in qtlog.records if "QThread" in record.message]


# --- bad files and broken settings never stop the app; quitting never loses a model silently ----


def _model_file_with_metadata(path, metadata_text: str):
    model = load_default()
    arrays = {}
    for layer, (w, b) in enumerate(zip(model.network.weights, model.network.biases, strict=True)):
        arrays[f"weights_{layer}"], arrays[f"biases_{layer}"] = w, b
    arrays["metadata"] = np.array(metadata_text)
    np.savez(path, **arrays)
    return path


def _absurd_number(path):
    text = json.dumps({**load_default().metadata, "format_version": 1})
    return _model_file_with_metadata(path, text[:-1] + ', "absurd": ' + "9" * 5000 + "}")


def _deep_nesting(path):
    return _model_file_with_metadata(path, "[" * 100_000 + "]" * 100_000)


def _huge_declared_array(path):
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f8", "fortran_order": False, "shape": (30_000, 30_000)}
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("weights_0.npy", header.getvalue() + b"\0" * 64)
    return path


def _fifo(path):
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("make", [_absurd_number, _deep_nesting, _huge_declared_array, _fifo])
def test_opening_a_hostile_model_file_shows_why_and_keeps_the_model(
    window, dialogs, tmp_path, make
):
    dialogs.open_path = str(make(tmp_path / "hostile.npz"))
    model_before = window.model
    window.open_action.trigger()
    assert window.model is model_before
    assert len(dialogs.errors) == 1 and "hostile.npz" in dialogs.errors[0]


@pytest.mark.parametrize(
    "geometry", ["garbage", "@ByteArray(not a geometry)", "@Variant(\\0\\0\\0\\x7f\\0\\0\\0)"]
)
def test_the_app_starts_with_a_broken_saved_geometry_and_says_so(qtbot, tmp_path, geometry):
    path = tmp_path / "broken.ini"
    path.write_text(f"[window]\ngeometry={geometry}\n[files]\nlast_directory=42\n")
    broken = QSettings(str(path), QSettings.Format.IniFormat)
    main_window = MainWindow(settings=broken)
    qtbot.addWidget(main_window)
    main_window.show()
    assert "window size could not be used" in main_window.statusBar().currentMessage()
    assert broken.value("window/geometry") is None  # reset, so the next start is quiet


@pytest.mark.parametrize(
    ("answer", "closes"),
    [(QMessageBox.StandardButton.Cancel, False), (QMessageBox.StandardButton.Discard, True)],
)
def test_quitting_with_an_unsaved_trained_model_asks(window, monkeypatch, answer, closes):
    asked = []
    monkeypatch.setattr(window.train_tab, "has_unsaved_model", lambda: True, raising=False)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *args, **kwargs: asked.append(args) or answer)
    )
    window.quit_action.trigger()
    assert len(asked) == 1
    assert window.isVisible() is not closes


def test_about_credits_the_pen_digits(window):
    text = window.about_text()
    assert "Pen-Based Recognition of Handwritten Digits" in text
    assert "Alpaydin" in text and "Alimoglu" in text and "CC BY 4.0" in text


@pytest.mark.parametrize(
    "training",
    [
        "recipe=classic\nseed=2147483648",
        "recipe=classic\nhidden_units=99999999999",
        "recipe=fast\nlearning_rate=inf",
        "recipe=quantum",
    ],
)
def test_the_app_starts_with_broken_training_settings_and_says_so(qtbot, tmp_path, training):
    path = tmp_path / "broken.ini"
    path.write_text(f"[training]\n{training}\n")
    broken = QSettings(str(path), QSettings.Format.IniFormat)
    main_window = MainWindow(settings=broken)
    qtbot.addWidget(main_window)
    main_window.show()
    message = main_window.statusBar().currentMessage()
    assert message.startswith("Model: ")  # the model line stays first
    assert "settings" in message.lower() and len(message) > len("Model: ") + 40

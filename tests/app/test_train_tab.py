"""The Train tab: retrain from a button, cancel, divergence, clean shutdown, settings."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from sklearn.metrics import confusion_matrix

from bpdraw.app.train_tab import RunState, TrainTab
from bpdraw.data import load_split
from bpdraw.training import ClassicConfig, FastConfig

# Long enough that a run is still going when the test acts on it (it is cancelled long before).
LONG_RUN_STEPS = 2_000_000
# The shortest classic run the divergence check accepts is a few hundred steps.
SHORT_RUN_STEPS = 800


@pytest.fixture
def tab(qtbot):
    train_tab = TrainTab()
    qtbot.addWidget(train_tab)
    train_tab.resize(1100, 720)
    train_tab.show()
    qtbot.waitExposed(train_tab)
    yield train_tab
    train_tab.shutdown()


def start_long_run(qtbot, tab: TrainTab) -> None:
    tab.set_settings("classic", steps=LONG_RUN_STEPS)
    qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.progress_bar.value() > 0, timeout=60_000)


def test_the_course_preset_reproduces_the_course(tab):
    tab.form.preset_combo.setCurrentIndex(tab.form.preset_combo.findData("classic"))
    assert tab.recipe() == "classic"
    assert tab.config() == ClassicConfig(hidden_units=100, learning_rate=0.11, steps=30_000, seed=0)
    assert tab.form.length_label.text() == "Steps"
    assert not tab.form.data_combo.isEnabled()  # the classic recipe trains on load_digits only


def test_switching_to_fast_sets_its_defaults_and_keeps_the_seed(tab):
    tab.form.set_settings("classic", seed=3, hidden_units=30)
    tab.form.recipe_combo.setCurrentIndex(tab.form.recipe_combo.findData("fast"))

    assert tab.form.length_label.text() == "Epochs"
    assert tab.config() == FastConfig(seed=3)
    assert tab.form.data_combo.isEnabled()


def test_cancel_is_enabled_only_while_training(qtbot, tab):
    assert tab.retrain_button.isEnabled() and not tab.cancel_button.isEnabled()
    start_long_run(qtbot, tab)
    assert tab.cancel_button.isEnabled() and not tab.retrain_button.isEnabled()
    with qtbot.waitSignal(tab.training_cancelled, timeout=60_000):
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=60_000)
    assert tab.retrain_button.isEnabled() and not tab.cancel_button.isEnabled()


def test_retrain_finishes_with_a_valid_model_and_shows_its_results(qtbot, tab):
    tab.set_settings("classic", steps=SHORT_RUN_STEPS)
    with qtbot.waitSignal(tab.model_trained, timeout=120_000) as trained:
        qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    model = trained.args[0]

    split = load_split(model.split_seed)  # the seed in the form: the model in use's
    assert model.split_seed == tab.config().seed
    predictions = model.predict(split.images_test)
    assert predictions.shape == (450,)
    # the confusion matrix shown is the model's on the 450 test digits, as sklearn counts it
    evaluation = tab.evaluation()
    np.testing.assert_array_equal(
        evaluation.confusion, confusion_matrix(split.y_test, predictions, labels=range(10))
    )
    assert tab.results.accuracy_label.text() == f"{np.mean(predictions == split.y_test):.1%}"
    assert not tab.results.confusion_picture.pixmap().isNull()  # the heat map, drawn by the worker
    assert tab.results.class_table.item(3, 2).text() == str(int(np.sum(split.y_test == 3)))
    assert tab.progress_bar.value() == tab.progress_bar.maximum()
    assert "the model in use stays until you do" in tab.status_label.text()
    assert tab.new_model() is model and tab.results.comparison.use_button.isVisibleTo(tab)
    history = tab.learning.history()
    assert history["held_done"] and history["held_done"] == history["done"]  # test digits watched
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=60_000)


def test_cancel_keeps_the_previous_model(qtbot, tab):
    start_long_run(qtbot, tab)
    with (
        qtbot.assertNotEmitted(tab.model_trained),
        qtbot.waitSignal(tab.training_cancelled, timeout=60_000),
    ):
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=60_000)

    assert "cancelled" in tab.status_label.text()
    assert "previous model" in tab.status_label.text()
    assert tab.progress_bar.value() < LONG_RUN_STEPS


def test_divergence_reports_failure_and_keeps_the_previous_model(qtbot, tab):
    tab.set_settings("classic", learning_rate=50.0, steps=3000)
    with (
        qtbot.assertNotEmitted(tab.model_trained),
        qtbot.waitSignal(tab.training_failed, timeout=60_000) as failed,
    ):
        qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=60_000)

    assert "learning rate" in failed.args[0].lower()
    assert "previous model" in tab.status_label.text()
    assert tab.learning._plot.stop_text.get_visible()  # the curves so far stay, with why

    tab.form.apply_preset("classic")
    tab.form.on_preset_changed(0)  # as when a preset is picked: the old failure is over
    assert "previous model" not in tab.status_label.text()


def test_shutdown_mid_training_leaves_no_running_thread(qtbot, tab):
    start_long_run(qtbot, tab)
    thread = tab.training_thread
    assert thread.isRunning()

    tab.shutdown()

    assert not thread.isRunning()
    assert not tab.is_training()
    assert tab.retrain_button.isEnabled()


def test_destroying_the_tab_mid_training_stops_its_thread(qtbot):
    doomed = TrainTab()
    start_long_run(qtbot, doomed)
    thread = doomed.training_thread

    doomed.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert not thread.isRunning()


@pytest.fixture
def imports_not_ready(monkeypatch):
    """Pretend matplotlib is still being imported in the background until `done` is emitted."""

    def apply(train_tab: TrainTab) -> None:
        monkeypatch.setattr(train_tab.import_warmer, "start", lambda: None)
        monkeypatch.setattr(train_tab.import_warmer, "is_done", lambda: False)

    return apply


def test_a_run_started_before_the_imports_waits_for_them(qtbot, imports_not_ready):
    fresh = TrainTab()
    qtbot.addWidget(fresh)
    imports_not_ready(fresh)
    fresh.set_settings("classic", steps=SHORT_RUN_STEPS)
    qtbot.mouseClick(fresh.retrain_button, Qt.MouseButton.LeftButton)
    assert fresh.is_training() and fresh.training_thread is None
    assert fresh.cancel_button.isEnabled()

    with qtbot.waitSignal(fresh.model_trained, timeout=120_000):
        fresh.import_warmer.done.emit()
    qtbot.waitUntil(lambda: not fresh.is_training(), timeout=60_000)


def test_cancel_before_the_run_started_keeps_the_previous_model(qtbot, imports_not_ready):
    fresh = TrainTab()
    qtbot.addWidget(fresh)
    imports_not_ready(fresh)
    qtbot.mouseClick(fresh.retrain_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(fresh.training_cancelled, timeout=1000):
        qtbot.mouseClick(fresh.cancel_button, Qt.MouseButton.LeftButton)

    assert not fresh.is_training() and fresh.retrain_button.isEnabled()
    with qtbot.assertNotEmitted(fresh.training_started, wait=100):
        fresh.import_warmer.done.emit()  # the imports finishing later start nothing


def test_bad_settings_are_shown_inline_without_training(qtbot, tab):
    tab.form.rate_edit.setText("fast please")
    qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    assert not tab.is_training()
    assert tab.form.settings_error.isVisible()
    assert "learning rate" in tab.form.settings_error.text().lower()

    tab.form.rate_edit.setText("0")  # a number, refused by the recipe's own validation
    qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    assert not tab.is_training()
    assert "greater than 0" in tab.form.settings_error.text()


def test_last_settings_are_remembered(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "bpdraw.ini"), QSettings.Format.IniFormat)
    first = TrainTab(settings=settings)
    qtbot.addWidget(first)
    first.set_settings("fast", hidden_units=40, learning_rate=0.004, epochs=12, seed=7)
    qtbot.mouseClick(first.retrain_button, Qt.MouseButton.LeftButton)
    first.shutdown()

    second = TrainTab(settings=settings)
    qtbot.addWidget(second)
    assert second.config() == FastConfig(
        hidden_units=40, learning_rate=0.004, epochs=12, seed=7, training_data="digits+pen"
    )


def test_open_confusion_matrix_button_asks_for_the_window(qtbot, tab):
    with qtbot.waitSignal(tab.confusion_requested, timeout=1000):
        qtbot.mouseClick(tab.confusion_button, Qt.MouseButton.LeftButton)


def test_importing_the_tabs_does_not_import_matplotlib():
    code = (
        "import sys, bpdraw.app.train_tab, bpdraw.app.confusion, bpdraw.app.worker; "
        "sys.exit('matplotlib' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


class StateRecorder:
    """Every state the tab enters, with which of Retrain and Cancel were enabled in it."""

    def __init__(self, tab: TrainTab) -> None:
        self.tab = tab
        self.seen: list[tuple[RunState, bool, bool]] = []
        tab.state_changed.connect(self.on_state_changed)

    def on_state_changed(self, state: RunState) -> None:
        buttons = (self.tab.retrain_button.isEnabled(), self.tab.cancel_button.isEnabled())
        self.seen.append((state, *buttons))

    def states(self) -> list[RunState]:
        return [state for state, _, _ in self.seen]


def test_a_finished_run_goes_idle_preparing_training_finishing_idle(qtbot, tab):
    recorder = StateRecorder(tab)
    tab.set_settings("classic", steps=SHORT_RUN_STEPS)
    with qtbot.waitSignal(tab.model_trained, timeout=120_000):
        qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.state() is RunState.IDLE, timeout=60_000)

    assert recorder.seen == [
        (RunState.PREPARING, False, True),
        (RunState.TRAINING, False, True),
        (RunState.FINISHING, False, False),
        (RunState.IDLE, True, False),
    ]
    assert tab.form.recipe_combo.isEnabled()


def test_cancel_while_training_goes_through_finishing_to_idle(qtbot, tab):
    start_long_run(qtbot, tab)
    assert tab.state() is RunState.TRAINING
    assert not tab.form.recipe_combo.isEnabled()  # the form is locked while a run trains
    recorder = StateRecorder(tab)
    with qtbot.waitSignal(tab.training_cancelled, timeout=60_000):
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
        assert tab.state() is RunState.FINISHING and not tab.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: tab.state() is RunState.IDLE, timeout=60_000)

    assert recorder.states() == [RunState.FINISHING, RunState.IDLE]
    assert tab.training_thread is None


def test_cancel_while_preparing_goes_straight_back_to_idle(qtbot, imports_not_ready):
    fresh = TrainTab()
    qtbot.addWidget(fresh)
    imports_not_ready(fresh)
    recorder = StateRecorder(fresh)
    qtbot.mouseClick(fresh.retrain_button, Qt.MouseButton.LeftButton)
    assert fresh.state() is RunState.PREPARING
    with qtbot.waitSignal(fresh.training_cancelled, timeout=1000):
        qtbot.mouseClick(fresh.cancel_button, Qt.MouseButton.LeftButton)

    assert recorder.states() == [RunState.PREPARING, RunState.IDLE]


def test_cancel_does_nothing_once_the_run_is_finishing(qtbot, tab):
    start_long_run(qtbot, tab)
    with qtbot.waitSignal(tab.training_cancelled, timeout=60_000):
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
        recorder = StateRecorder(tab)
        tab.on_cancel_clicked()  # as if clicked again: the button is disabled in FINISHING
        assert recorder.states() == []
    qtbot.waitUntil(lambda: tab.state() is RunState.IDLE, timeout=60_000)


def test_shutdown_from_each_state_ends_idle(qtbot, tab, imports_not_ready):
    start_long_run(qtbot, tab)
    tab.shutdown()  # from TRAINING
    assert tab.state() is RunState.IDLE and tab.retrain_button.isEnabled()

    fresh = TrainTab()
    qtbot.addWidget(fresh)
    imports_not_ready(fresh)
    qtbot.mouseClick(fresh.retrain_button, Qt.MouseButton.LeftButton)
    fresh.shutdown()  # from PREPARING
    assert fresh.state() is RunState.IDLE and fresh.retrain_button.isEnabled()


def test_status_colours_follow_a_dark_palette(tab):
    from PySide6.QtGui import QColor, QPalette

    from bpdraw.app import theme

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    tab.setPalette(dark)
    tab._set_status("Training failed", "bad")
    assert theme.BAD_ON_DARK in tab.status_label.styleSheet()


def test_a_closed_train_tab_is_freed_as_soon_as_it_is_dropped(freed_when_dropped):
    """Its texts asked again on a language change were closures over the tab (a cycle)."""
    assert freed_when_dropped(TrainTab)

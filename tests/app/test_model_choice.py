"""Compare before you swap: a new model waits beside the model in use until it is chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSpinBox

from bpdraw.app.main_window import MainWindow
from bpdraw.app.recipe_form import SHIPPED_RECIPE
from bpdraw.app.train_tab import TrainTab
from bpdraw.recipes import ClassicConfig

SHORT_EPOCHS = 2  # the default preset shortened: the test is about the choice, not accuracy


@pytest.fixture
def window(qtbot, tmp_path, default_model):
    settings = QSettings(str(tmp_path / "bpdraw.ini"), QSettings.Format.IniFormat)
    main = MainWindow(model=default_model, settings=settings)
    qtbot.addWidget(main)
    main.show()
    main.tabs.setCurrentWidget(main.train_tab)
    qtbot.waitExposed(main)
    yield main
    main.train_tab.shutdown()


def train_with_default_preset(qtbot, window):
    tab = window.train_tab
    assert tab.form.preset() == "model"
    tab.form.length_spin.setValue(SHORT_EPOCHS)
    with qtbot.waitSignal(tab.model_trained, timeout=180_000) as trained:
        qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=60_000)
    return trained.args[0]


def test_the_default_preset_is_the_recipe_of_the_model_in_use(window, default_model):
    config = window.train_tab.config()
    settings = default_model.metadata["settings"]
    assert config.recipe == default_model.metadata["recipe"] == SHIPPED_RECIPE[0]
    assert config.hidden_units == settings["hidden_units"]
    assert config.training_data == settings["training_data"]
    assert config.pen_copies == settings["pen_copies"]


def test_before_any_run_the_results_show_the_model_in_use(qtbot, window, default_model):
    tab = window.train_tab
    tab.scorer.wait(60)
    qtbot.waitUntil(lambda: tab.results.evaluation() is not None, timeout=60_000)
    assert tab.results.accuracy_label.text() == f"{default_model.test_accuracy:.1%}"
    assert tab.results.comparison.in_use_drawn.text().endswith("%")
    assert not tab.results.confusion_picture.pixmap().isNull()


def test_a_new_model_is_compared_and_used_only_when_chosen(qtbot, window, default_model):
    tab = window.train_tab
    new_model = train_with_default_preset(qtbot, window)
    comparison = tab.results.comparison
    assert comparison.use_button.isVisible() and comparison.new_test.text().endswith("%")
    assert window.model is default_model  # not swapped by finishing
    assert tab.has_unsaved_model()

    qtbot.mouseClick(comparison.use_button, Qt.MouseButton.LeftButton)

    assert window.model is new_model
    assert tab.model_in_use() is new_model
    assert not comparison.use_button.isVisible()
    assert not tab.has_unsaved_model()


def test_keep_current_discards_the_new_model(qtbot, window, default_model):
    tab = window.train_tab
    train_with_default_preset(qtbot, window)
    qtbot.mouseClick(tab.results.comparison.keep_button, Qt.MouseButton.LeftButton)
    assert window.model is default_model
    assert tab.new_model() is None and not tab.has_unsaved_model()


def test_restore_previous_model_and_the_train_tab_agree(qtbot, window, default_model):
    tab = window.train_tab
    new_model = train_with_default_preset(qtbot, window)
    qtbot.mouseClick(tab.results.comparison.use_button, Qt.MouseButton.LeftButton)
    window.restore_action.trigger()
    assert window.model is default_model and tab.model_in_use() is default_model
    assert tab.results.comparison.in_use_label.text().endswith(default_model.describe())
    window.restore_action.trigger()
    assert window.model is new_model and tab.model_in_use() is new_model


def test_a_new_model_can_be_saved(qtbot, window, tmp_path):
    tab = window.train_tab
    train_with_default_preset(qtbot, window)
    assert tab.save_new_model(str(tmp_path / "new.npz"))
    assert (tmp_path / "new.npz").exists() and not tab.has_unsaved_model()


SAVED_CLASSIC = {"recipe": "classic", "hidden_units": 50, "learning_rate": "0.1", "length": 500}


def settings_file(path, **saved) -> str:
    """A settings file at `path` holding training settings: SAVED_CLASSIC with `saved`."""
    store = QSettings(str(path), QSettings.Format.IniFormat)
    for name, value in {**SAVED_CLASSIC, "seed": 3, **saved}.items():
        store.setValue(f"training/{name}", value)
    store.sync()
    return str(path)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("seed", "2147483648"),
        ("hidden_units", "100000000"),
        ("learning_rate", "inf"),
        ("learning_rate", "fast please"),
        ("recipe", "turbo"),
    ],
)
def test_unusable_saved_settings_are_reset_with_a_note(qtbot, tmp_path, default_model, key, value):
    path = settings_file(tmp_path / "broken.ini", **{key: value})
    notes = []
    tab = TrainTab(settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(tab)
    tab.settings_reset.connect(notes.append)
    tab.set_model_in_use(default_model)  # the window connects first, then names its model
    tab.shutdown()
    assert tab.form.preset() == "model"
    assert tab.config().recipe == "fast"
    assert len(notes) == 1 and "could not be used" in notes[0]


def test_usable_saved_settings_are_kept(qtbot, tmp_path, default_model):
    path = settings_file(tmp_path / "ok.ini", preset="custom")
    main = MainWindow(model=default_model, settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    assert main.train_tab.config() == ClassicConfig(
        hidden_units=50, learning_rate=0.1, steps=500, seed=3
    )


def test_every_train_tab_control_is_reachable_at_800_by_600(qtbot, window):
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.height() <= 700)
    tab = window.train_tab
    controls = [
        widget
        for kind in (QAbstractButton, QComboBox, QSpinBox, QLineEdit)
        for widget in tab.findChildren(kind)
        if widget.isVisibleTo(tab) and widget.objectName()
    ]
    assert {"retrainButton", "presetCombo", "seedSpin", "defaultsButton"} <= {
        widget.objectName() for widget in controls
    }
    for widget in controls:
        area = (
            tab.controls_scroll
            if tab.controls_scroll.widget().isAncestorOf(widget)
            else (tab.results_scroll)
        )
        area.ensureWidgetVisible(widget)
        corner = widget.mapTo(area.viewport(), widget.rect().center())
        assert area.viewport().rect().contains(corner), widget.objectName()

"""The recipe form: defaults per recipe, settings remembered, the form as a config."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings, Qt

from bpdraw.app.recipe_form import RecipeForm, model_preset
from bpdraw.recipes import RECIPES, ClassicConfig, FastConfig, config_from_settings


def shipped_recipe():
    recipe, settings = model_preset(None)
    return config_from_settings(recipe, **settings)


@pytest.fixture
def form(qtbot):
    recipe_form = RecipeForm()
    qtbot.addWidget(recipe_form)
    recipe_form.show()
    return recipe_form


@pytest.fixture
def store(tmp_path):
    return QSettings(str(tmp_path / "bpdraw.ini"), QSettings.Format.IniFormat)


@dataclass(frozen=True)
class FastSeededFive(FastConfig):
    """The fast recipe with a default seed that differs from the classic recipe's."""

    seed: int = 5


def test_defaults_restore_the_current_recipes_own_values_and_seed(qtbot, form, monkeypatch):
    monkeypatch.setitem(RECIPES, "fast", FastSeededFive)
    form.apply_preset("classic")
    form.set_settings("fast", hidden_units=33, learning_rate=0.5, epochs=3, seed=9)

    qtbot.mouseClick(form.defaults_button, Qt.MouseButton.LeftButton)

    assert form.config() == FastSeededFive()
    assert form.seed_spin.value() == 5  # the fast recipe's seed, not ClassicConfig.seed


def test_defaults_of_the_classic_recipe_are_the_course(qtbot, form):
    form.set_settings("classic", hidden_units=7, learning_rate=2.0, steps=10, seed=3)
    qtbot.mouseClick(form.defaults_button, Qt.MouseButton.LeftButton)
    assert form.config() == ClassicConfig()


def test_changing_recipe_sets_its_defaults_but_keeps_the_seed(form):
    form.set_settings("classic", seed=11)
    form.recipe_combo.setCurrentIndex(form.recipe_combo.findData("fast"))
    assert form.config() == FastConfig(seed=11)
    assert form.length_label.text() == "Epochs"


@pytest.mark.parametrize(
    ("recipe", "settings", "expected"),
    [
        (
            "classic",
            {"hidden_units": 40, "learning_rate": 0.2, "steps": 1234, "seed": 4},
            ClassicConfig(hidden_units=40, learning_rate=0.2, steps=1234, seed=4),
        ),
        (
            "fast",
            {
                "hidden_units": 64,
                "learning_rate": 0.004,
                "epochs": 12,
                "seed": 7,
                "training_data": "digits+pen",
            },
            FastConfig(
                hidden_units=64, learning_rate=0.004, epochs=12, seed=7, training_data="digits+pen"
            ),
        ),
    ],
)
def test_settings_survive_a_save_and_load(qtbot, store, recipe, settings, expected):
    first = RecipeForm()
    qtbot.addWidget(first)
    first.set_settings(recipe, **settings)
    first.save(store)

    second = RecipeForm()
    qtbot.addWidget(second)
    second.load(store)

    assert second.config() == expected


def test_nothing_saved_loads_the_shipped_models_recipe(qtbot, store):
    form = RecipeForm()
    qtbot.addWidget(form)
    form.set_settings("classic", hidden_units=12)
    assert form.load(store) is None
    assert form.preset() == "model"
    assert form.config() == shipped_recipe()


def test_editing_a_field_makes_the_preset_custom_and_defaults_bring_it_back(qtbot, form):
    form.apply_preset("classic")
    form.hidden_spin.setValue(33)
    assert form.preset() == "custom"
    qtbot.mouseClick(form.defaults_button, Qt.MouseButton.LeftButton)
    assert form.preset() == "classic" and form.config() == ClassicConfig()


def test_the_classic_data_combo_says_why_it_is_greyed_out(form):
    form.apply_preset("classic")
    assert not form.data_combo.isEnabled()
    assert form.data_help.isVisible() and "load_digits only" in form.data_help.text()
    assert form.recipe_help.text().startswith("The course")


def test_a_damaged_settings_file_loads_the_saved_recipes_defaults(qtbot, store):
    store.setValue("training/recipe", "fast")
    store.setValue("training/hidden_units", "many")
    form = RecipeForm()
    qtbot.addWidget(form)
    note = form.load(store)
    assert "could not be used" in note
    assert form.config() == shipped_recipe()


def test_locked_form_refuses_edits_and_unlocks_by_recipe(form):
    form.apply_preset("classic")
    form.set_locked(True)
    assert not form.recipe_combo.isEnabled() and not form.data_combo.isEnabled()
    form.set_locked(False)
    assert form.recipe_combo.isEnabled()
    assert not form.data_combo.isEnabled()  # the classic recipe has no training data choice
    form.set_settings("fast")
    assert form.data_combo.isEnabled()


def test_a_learning_rate_that_is_not_a_number_is_refused_by_name(form):
    form.rate_edit.setText("quick")
    with pytest.raises(ValueError, match="learning rate must be a number"):
        form.config()

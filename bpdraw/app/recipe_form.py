"""The Train tab's settings form: a recipe and its settings, shown, checked, remembered.

The form turns its controls into a recipe config (`config()`), and keeps the last settings
used in QSettings. What each recipe is called, its defaults and whether it counts steps or
epochs all come from the recipe's config class in `bpdraw.training.RECIPES`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import theme
from bpdraw.recipes import RECIPES, TRAINING_DATA, TRAINING_DATA_NAMES, config_from_settings

if TYPE_CHECKING:
    from bpdraw.recipes import Config

SETTINGS_GROUP = "training"
DEFAULT_RECIPE = "classic"  # the course's experiment, as the seed project ran it


def recipe_defaults(recipe: str) -> Config:
    """The recipe's config with every setting at its default."""
    return RECIPES[recipe]()


def has_setting(recipe: str, name: str) -> bool:
    """True when `name` is a setting a user can choose for `recipe` (a config field)."""
    return any(field.name == name and field.init for field in fields(RECIPES[recipe]))


class RecipeForm(QGroupBox):
    """Recipe, training data, hidden units, learning rate, length and seed, with Defaults."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Recipe", parent)
        self.recipe_combo = QComboBox(objectName="recipeCombo")
        for recipe, config_class in RECIPES.items():
            self.recipe_combo.addItem(config_class.title, recipe)
            self.recipe_combo.setItemData(
                self.recipe_combo.count() - 1, config_class.summary, Qt.ItemDataRole.ToolTipRole
            )
        self.data_combo = QComboBox(objectName="trainingDataCombo")
        for key in TRAINING_DATA:
            self.data_combo.addItem(TRAINING_DATA_NAMES[key], key)
        self.hidden_spin = QSpinBox(objectName="hiddenUnitsSpin")
        self.hidden_spin.setRange(1, 10_000)
        self.rate_edit = QLineEdit(objectName="learningRateEdit")
        self.rate_edit.setToolTip("How big a step gradient descent takes, e.g. 0.11 (classic).")
        self.length_spin = QSpinBox(objectName="lengthSpin")
        self.length_spin.setRange(1, 100_000_000)
        self.length_spin.setGroupSeparatorShown(True)
        self.seed_spin = QSpinBox(objectName="seedSpin")
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setToolTip("The same seed gives the same model.")
        self.length_label = QLabel("Steps")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Recipe", self.recipe_combo)
        form.addRow("Training data", self.data_combo)
        form.addRow("Hidden units", self.hidden_spin)
        form.addRow("Learning rate", self.rate_edit)
        form.addRow(self.length_label, self.length_spin)
        form.addRow("Seed", self.seed_spin)

        self.defaults_button = QPushButton("Defaults", objectName="defaultsButton")
        self.defaults_button.setToolTip("Reset the settings of this recipe to its defaults.")
        self.defaults_button.clicked.connect(self.on_defaults_clicked)
        self.settings_error = QLabel(objectName="settingsError")
        self.settings_error.setWordWrap(True)
        self.settings_error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.settings_error)
        layout.addWidget(self.defaults_button, 0, Qt.AlignmentFlag.AlignRight)

        self._locked = False
        self.recipe_combo.currentIndexChanged.connect(self.on_recipe_changed)
        for spin in (self.hidden_spin, self.length_spin, self.seed_spin):
            spin.valueChanged.connect(self.on_setting_edited)
        self.rate_edit.textEdited.connect(self.on_setting_edited)
        self.data_combo.currentIndexChanged.connect(self.on_setting_edited)
        self._select_recipe(DEFAULT_RECIPE)

    # -- reading ----------------------------------------------------------------------------
    def recipe(self) -> str:
        return self.recipe_combo.currentData()

    def settings_dict(self) -> dict:
        """The controls' values as keyword arguments of the chosen recipe's config.

        Raises ValueError when the learning rate is not a number.
        """
        text = self.rate_edit.text().strip().replace(",", ".")
        try:
            learning_rate = float(text)
        except ValueError:
            raise ValueError(f"learning rate must be a number like 0.11, not {text!r}") from None
        recipe = self.recipe()
        settings = {
            "hidden_units": self.hidden_spin.value(),
            "learning_rate": learning_rate,
            "seed": self.seed_spin.value(),
            recipe_defaults(recipe).length_setting: self.length_spin.value(),
        }
        if has_setting(recipe, "training_data"):
            settings["training_data"] = self.data_combo.currentData()
        return settings

    def config(self) -> Config:
        """The config the controls describe; raises ValueError with a readable message."""
        return config_from_settings(self.recipe(), **self.settings_dict())

    # -- writing ----------------------------------------------------------------------------
    def set_settings(self, recipe: str, **settings) -> None:
        """Set the controls (tests and scripts): recipe plus any of the config's settings."""
        index = self.recipe_combo.findData(recipe)
        if index < 0:
            raise ValueError(f"unknown recipe {recipe!r}")
        self.recipe_combo.setCurrentIndex(index)
        if "hidden_units" in settings:
            self.hidden_spin.setValue(int(settings["hidden_units"]))
        if "learning_rate" in settings:
            self.rate_edit.setText(f"{settings['learning_rate']:g}")
        for key in ("steps", "epochs"):
            if key in settings:
                self.length_spin.setValue(int(settings[key]))
        if "seed" in settings:
            self.seed_spin.setValue(int(settings["seed"]))
        if "training_data" in settings:
            self.data_combo.setCurrentIndex(self.data_combo.findData(settings["training_data"]))

    def apply_defaults(self, recipe: str, *, seed: bool = True) -> None:
        """Every control to `recipe`'s default (the seed too, unless `seed` is false)."""
        defaults = recipe_defaults(recipe)
        self.hidden_spin.setValue(defaults.hidden_units)
        self.rate_edit.setText(f"{defaults.learning_rate:g}")
        self.length_spin.setValue(defaults.length)
        self.data_combo.setCurrentIndex(max(self.data_combo.findData(defaults.training_data), 0))
        if seed:
            self.seed_spin.setValue(defaults.seed)

    def set_locked(self, locked: bool) -> None:
        """Lock every control (while a run trains) or unlock them."""
        self._locked = locked
        for control in (
            self.recipe_combo,
            self.hidden_spin,
            self.rate_edit,
            self.length_spin,
            self.seed_spin,
            self.defaults_button,
        ):
            control.setEnabled(not locked)
        self.data_combo.setEnabled(not locked and has_setting(self.recipe(), "training_data"))

    def show_error(self, message: str) -> None:
        """Show why the settings were refused, as a sentence under the form."""
        dark = self.palette().window().color().lightness() < 128
        self.settings_error.setStyleSheet(f"color: {theme.status_color('bad', dark)};")
        self.settings_error.setText(message[:1].upper() + message[1:] + ".")
        self.settings_error.show()

    # -- remembering ------------------------------------------------------------------------
    def load(self, store: QSettings) -> None:
        """Show the settings last saved in `store` (the defaults if there are none or bad ones)."""
        recipe = str(store.value(f"{SETTINGS_GROUP}/recipe", DEFAULT_RECIPE))
        if recipe not in RECIPES:
            recipe = DEFAULT_RECIPE
        self._select_recipe(recipe)
        if not store.contains(f"{SETTINGS_GROUP}/recipe"):
            return
        defaults = recipe_defaults(recipe)
        try:
            self.hidden_spin.setValue(
                int(store.value(f"{SETTINGS_GROUP}/hidden_units", defaults.hidden_units))
            )
            self.rate_edit.setText(
                str(store.value(f"{SETTINGS_GROUP}/learning_rate", f"{defaults.learning_rate:g}"))
            )
            self.length_spin.setValue(int(store.value(f"{SETTINGS_GROUP}/length", defaults.length)))
            self.seed_spin.setValue(int(store.value(f"{SETTINGS_GROUP}/seed", defaults.seed)))
            data_index = self.data_combo.findData(
                str(store.value(f"{SETTINGS_GROUP}/training_data", defaults.training_data))
            )
            self.data_combo.setCurrentIndex(max(data_index, 0))
        except (TypeError, ValueError):
            self.apply_defaults(recipe)  # a hand-edited or stale settings file

    def save(self, store: QSettings) -> None:
        """Keep the current settings in `store` for the next start."""
        store.setValue(f"{SETTINGS_GROUP}/recipe", self.recipe())
        store.setValue(f"{SETTINGS_GROUP}/hidden_units", self.hidden_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/learning_rate", self.rate_edit.text().strip())
        store.setValue(f"{SETTINGS_GROUP}/length", self.length_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/seed", self.seed_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/training_data", self.data_combo.currentData())

    # -- slots ------------------------------------------------------------------------------
    @Slot(int)
    def on_recipe_changed(self, _index: int) -> None:
        recipe = self.recipe()
        self.apply_defaults(recipe, seed=False)  # a chosen seed survives a change of recipe
        self._show_recipe_fields(recipe)
        self.on_setting_edited()

    @Slot()
    def on_defaults_clicked(self) -> None:
        self.apply_defaults(self.recipe())

    @Slot()
    def on_setting_edited(self, *_args) -> None:
        self.settings_error.hide()

    def _select_recipe(self, recipe: str) -> None:
        self.recipe_combo.blockSignals(True)
        self.recipe_combo.setCurrentIndex(self.recipe_combo.findData(recipe))
        self.recipe_combo.blockSignals(False)
        self.apply_defaults(recipe)
        self._show_recipe_fields(recipe)

    def _show_recipe_fields(self, recipe: str) -> None:
        self.length_label.setText(recipe_defaults(recipe).length_setting.capitalize())
        self.data_combo.setEnabled(not self._locked and has_setting(recipe, "training_data"))
        if has_setting(recipe, "training_data"):
            self.data_combo.setToolTip(
                "Pen digits are drawn with a pen and rendered the way the canvas renders yours."
            )
        else:
            self.data_combo.setToolTip(f"The {recipe} recipe trains on load_digits only.")

"""The recipe form's controls: preset, recipe, training data, hidden units, learning rate,
length and seed, each with a line saying what it does, Defaults, and a line for a refusal.

`RecipeFields` builds and lays them out, words them in the language spoken, locks them while
a run trains and shows why settings were refused; what the values mean (presets, the config,
the settings remembered) is `RecipeForm`'s, in recipe_form.py. The texts keep the form's
translation context ("RecipeForm"), so the catalogue's translations still find them.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QCoreApplication, QEvent, Qt
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
from bpdraw.app import train_texts as texts
from bpdraw.recipes import RECIPES, TRAINING_DATA, TRAINING_DATA_NAMES

translate = QCoreApplication.translate


def has_setting(recipe: str, name: str) -> bool:
    """True when `name` is a setting a user can choose for `recipe` (a config field)."""
    return any(field.name == name and field.init for field in fields(RECIPES[recipe]))


def _help_label(text: str, name: str = "") -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.MUTED}; font-size: 11px;")
    return label


class RecipeFields(QGroupBox):
    """The controls of the recipe form, laid out and worded; no behaviour of their own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset_combo = QComboBox(objectName="presetCombo")
        for preset in texts.PRESET_NAMES:
            self.preset_combo.addItem("", preset)
        # English sources by preset; the "model" one is renamed for a model not shipped
        self._preset_names = dict(texts.PRESET_NAMES)
        self.recipe_combo = QComboBox(objectName="recipeCombo")
        for recipe in RECIPES:
            self.recipe_combo.addItem("", recipe)
        self.data_combo = QComboBox(objectName="trainingDataCombo")
        for key in TRAINING_DATA:
            self.data_combo.addItem("", key)
        self.hidden_spin = QSpinBox(objectName="hiddenUnitsSpin")
        self.hidden_spin.setRange(1, 10_000)
        self.rate_edit = QLineEdit(objectName="learningRateEdit")
        self.length_spin = QSpinBox(objectName="lengthSpin")
        self.length_spin.setRange(1, 100_000_000)
        self.length_spin.setGroupSeparatorShown(True)
        self.seed_spin = QSpinBox(objectName="seedSpin")
        self.seed_spin.setRange(0, 2**31 - 1)
        self.row_labels = {name: QLabel() for name in texts.ROW_NAMES if name != "epochs"}
        self.length_label = self.row_labels["steps"]
        self.preset_help = _help_label("", "presetHelp")
        self.hidden_help = _help_label("")
        self.rate_help = _help_label("")
        self.seed_help = _help_label("")
        self.recipe_help = _help_label("", "recipeHelp")
        self.data_help = _help_label("", "trainingDataHelp")
        self.length_help = _help_label("", "lengthHelp")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        labels = self.row_labels
        form.addRow(labels["preset"], self.preset_combo)
        form.addRow(self.preset_help)
        form.addRow(labels["recipe"], self.recipe_combo)
        form.addRow(self.recipe_help)
        form.addRow(labels["training_data"], self.data_combo)
        form.addRow(self.data_help)
        form.addRow(labels["hidden_units"], self.hidden_spin)
        form.addRow(self.hidden_help)
        form.addRow(labels["learning_rate"], self.rate_edit)
        form.addRow(self.rate_help)
        form.addRow(self.length_label, self.length_spin)
        form.addRow(self.length_help)
        form.addRow(labels["seed"], self.seed_spin)
        form.addRow(self.seed_help)

        self.defaults_button = QPushButton(objectName="defaultsButton")
        self.settings_error = QLabel(objectName="settingsError")
        self.settings_error.setWordWrap(True)
        self.settings_error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.settings_error)
        layout.addWidget(self.defaults_button, 0, Qt.AlignmentFlag.AlignRight)

        self._locked = False
        self._error: Exception | None = None  # the refusal shown under the form, if any
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the language now installed (the values stay)."""
        self.setTitle(translate("RecipeForm", "Recipe"))
        for preset, name in self._preset_names.items():
            index = self.preset_combo.findData(preset)
            self.preset_combo.setItemText(index, translate("RecipeForm", name))
        for index, config_class in enumerate(RECIPES.values()):
            self.recipe_combo.setItemText(index, texts.recipe_text(config_class.title))
        for index, key in enumerate(TRAINING_DATA):
            self.data_combo.setItemText(index, texts.recipe_text(TRAINING_DATA_NAMES[key]))
        for name, label in self.row_labels.items():
            label.setText(translate("RecipeForm", texts.ROW_NAMES[name]))
        for label, key in (
            (self.preset_help, "preset"),
            (self.hidden_help, "hidden_units"),
            (self.rate_help, "learning_rate"),
            (self.seed_help, "seed"),
        ):
            label.setText(translate("RecipeForm", texts.HELP[key]))
        self.defaults_button.setText(translate("RecipeForm", "Defaults"))
        self.defaults_button.setToolTip(
            translate("RecipeForm", "Put back the values of the chosen preset.")
        )
        if self.recipe() is not None:
            self._show_recipe_fields(self.recipe())
        if self._error is not None and not self.settings_error.isHidden():
            self.show_error(self._error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def recipe(self) -> str:
        return self.recipe_combo.currentData()

    def preset(self) -> str:
        """The chosen preset: "model", "classic" or "custom"."""
        return self.preset_combo.currentData()

    def set_locked(self, locked: bool) -> None:
        """Lock every control (while a run trains) or unlock them."""
        self._locked = locked
        for control in (
            self.preset_combo,
            self.recipe_combo,
            self.hidden_spin,
            self.rate_edit,
            self.length_spin,
            self.seed_spin,
            self.defaults_button,
        ):
            control.setEnabled(not locked)
        self.data_combo.setEnabled(not locked and has_setting(self.recipe(), "training_data"))

    def show_error(self, error: Exception | str) -> None:
        """Show why the settings were refused, as a sentence under the form (in the language
        spoken: give the error itself, not its English message)."""
        self._error = error if isinstance(error, Exception) else ValueError(error)
        dark = self.palette().window().color().lightness() < 128
        self.settings_error.setStyleSheet(f"color: {theme.status_color('bad', dark)};")
        self.settings_error.setText(texts.sentence(texts.error_text(self._error)))
        self.settings_error.show()

    def _show_recipe_fields(self, recipe: str) -> None:
        """The length row, the recipe's summary and the training data choice for `recipe`."""
        config_class = RECIPES[recipe]
        self.length_label.setText(
            translate("RecipeForm", texts.ROW_NAMES[config_class.length_setting])
        )
        self.recipe_help.setText(texts.sentence(texts.recipe_text(config_class.summary)))
        self.length_help.setText(translate("RecipeForm", texts.HELP[config_class.length_setting]))
        pen = has_setting(recipe, "training_data")
        self.data_combo.setEnabled(not self._locked and pen)
        self.data_help.setText(
            translate("RecipeForm", texts.HELP["data_fast" if pen else "data_classic"])
        )
        self.data_combo.setToolTip(self.data_help.text())

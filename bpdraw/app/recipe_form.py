"""The Train tab's settings form: a preset, a recipe and its settings, explained in place.

The form turns its controls into a recipe config (`config()`), and keeps the last settings
used in QSettings. Presets fill every setting at once: "Shipped model's recipe" (the
settings that made the model in use, read from its metadata) and "The course (classic)";
editing a field makes the preset "Custom". Recipes come from `bpdraw.recipes.RECIPES`.
The controls themselves (built, laid out, worded, locked) are `RecipeFields`, recipe_fields.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import QWidget

from bpdraw.app import train_texts as texts
from bpdraw.app.recipe_fields import RecipeFields, has_setting
from bpdraw.recipes import RECIPES, SHIPPED_SETTINGS, SettingError, config_from_settings

if TYPE_CHECKING:
    from bpdraw.model import Model
    from bpdraw.recipes import Config

SETTINGS_GROUP = "training"
MODEL_PRESET, CLASSIC_PRESET, CUSTOM_PRESET = "model", "classic", "custom"
DEFAULT_PRESET = MODEL_PRESET  # must not read drawings worse than the shipped model
# the shipped model's recipe, for a model in use that does not say how it was made
SHIPPED_RECIPE = ("fast", dict(SHIPPED_SETTINGS))
FORM_FIELDS = ("hidden_units", "learning_rate", "steps", "epochs", "seed", "training_data")


def recipe_defaults(recipe: str) -> Config:
    """The recipe's config with every setting at its default."""
    return RECIPES[recipe]()


def model_preset(model: Model | None) -> tuple[str, dict]:
    """(recipe, settings) that made `model`, from its metadata; the shipped model's recipe
    (scripts/make_default_model.py) when the metadata does not say or cannot be used."""
    if model is not None:
        metadata = model.metadata
        recipe = metadata.get("recipe")
        settings = dict(metadata.get("settings") or {})
        if "seed" in metadata:
            settings.setdefault("seed", metadata["seed"])
        try:
            config_from_settings(recipe, **settings)
            return str(recipe), settings
        except (TypeError, ValueError):
            pass
    recipe, settings = SHIPPED_RECIPE
    return recipe, dict(settings)


class RecipeForm(RecipeFields):
    """The recipe form's controls (`RecipeFields`) with what they mean: presets and Defaults,
    Custom on an edit, the config they describe, the settings kept for the next start."""

    preset_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._applying = False  # True while the form itself sets the controls
        self._presets = {
            MODEL_PRESET: model_preset(None),
            CLASSIC_PRESET: ("classic", {}),
        }
        self._base_preset = DEFAULT_PRESET  # the preset the current values came from
        self._extras: dict = {}  # the base preset's settings that have no control here
        self.defaults_button.clicked.connect(self.on_defaults_clicked)
        self.preset_combo.currentIndexChanged.connect(self.on_preset_changed)
        self.recipe_combo.currentIndexChanged.connect(self.on_recipe_changed)
        for spin in (self.hidden_spin, self.length_spin, self.seed_spin):
            spin.valueChanged.connect(self.on_setting_edited)
        self.rate_edit.textEdited.connect(self.on_setting_edited)
        self.data_combo.currentIndexChanged.connect(self.on_setting_edited)
        self.apply_preset(DEFAULT_PRESET)

    # -- reading ----------------------------------------------------------------------------
    def settings_dict(self) -> dict:
        """The controls' values (plus the preset's other settings) as keyword arguments of the
        chosen recipe's config. Raises ValueError when the learning rate is not a number.
        """
        text = self.rate_edit.text().strip().replace(",", ".")
        try:
            learning_rate = float(text)
        except ValueError:
            raise SettingError(
                "learning rate must be a number like 0.11, not {value}", value=repr(text)
            ) from None
        recipe = self.recipe()
        settings = dict(self._extras)
        settings.update(
            {
                "hidden_units": self.hidden_spin.value(),
                "learning_rate": learning_rate,
                "seed": self.seed_spin.value(),
                recipe_defaults(recipe).length_setting: self.length_spin.value(),
            }
        )
        if has_setting(recipe, "training_data"):
            settings["training_data"] = self.data_combo.currentData()
        return settings

    def config(self) -> Config:
        """The config the controls describe; raises ValueError with a readable message."""
        return config_from_settings(self.recipe(), **self.settings_dict())

    # -- writing ----------------------------------------------------------------------------
    def set_model_in_use(self, model: Model | None, shipped: bool = True) -> None:
        """The "model" preset becomes the recipe that made `model` (shown at once when chosen)."""
        self._presets[MODEL_PRESET] = model_preset(model)
        name = texts.PRESET_NAMES[MODEL_PRESET] if shipped else texts.IN_USE_PRESET_NAME
        self._preset_names[MODEL_PRESET] = name
        index = self.preset_combo.findData(MODEL_PRESET)
        self.preset_combo.setItemText(index, self.tr(name))
        if self.preset() == MODEL_PRESET and not self._locked:
            self.apply_preset(MODEL_PRESET)

    def apply_preset(self, preset: str) -> None:
        """Every control to `preset`'s values ("custom": keep the values, name them Custom)."""
        self._applying = True
        try:
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(preset))
            if preset != CUSTOM_PRESET:
                recipe, settings = self._presets[preset]
                self._base_preset = preset
                self._fill(recipe, settings)
        finally:
            self._applying = False
        self.settings_error.hide()

    def _fill(self, recipe: str, settings: dict) -> None:
        self.recipe_combo.setCurrentIndex(self.recipe_combo.findData(recipe))
        defaults = recipe_defaults(recipe)
        values = {name: getattr(defaults, name) for name in FORM_FIELDS if hasattr(defaults, name)}
        values.update({k: v for k, v in settings.items() if k in FORM_FIELDS})
        self._extras = {k: v for k, v in settings.items() if k not in FORM_FIELDS}
        self.hidden_spin.setValue(int(values["hidden_units"]))
        self.rate_edit.setText(f"{float(values['learning_rate']):g}")
        self.length_spin.setValue(int(values[defaults.length_setting]))
        self.seed_spin.setValue(int(values["seed"]))
        self.data_combo.setCurrentIndex(max(self.data_combo.findData(values["training_data"]), 0))
        self._show_recipe_fields(recipe)

    def set_settings(self, recipe: str, **settings) -> None:
        """Set the controls (tests and scripts): recipe plus any of the config's settings."""
        index = self.recipe_combo.findData(recipe)
        if index < 0:
            raise ValueError(f"unknown recipe {recipe!r}")
        self.recipe_combo.setCurrentIndex(index)
        self._applying = True
        try:
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
        finally:
            self._applying = False
        if settings:
            self._become_custom()

    def apply_defaults(self, recipe: str, *, seed: bool = True) -> None:
        """Every control to `recipe`'s default (the seed too, unless `seed` is false)."""
        seed_value = self.seed_spin.value()
        self._fill(recipe, {} if seed else {"seed": seed_value})

    # -- remembering ------------------------------------------------------------------------
    def load(self, store: QSettings) -> str | None:
        """Show the settings last saved in `store` (the default preset if there are none).

        Saved settings that cannot be used (a hand-edited or stale file) are replaced by the
        default preset; the returned sentence says so (None when all was well).
        """
        key = f"{SETTINGS_GROUP}/"
        if not store.contains(key + "recipe"):
            self.apply_preset(DEFAULT_PRESET)
            return None
        preset = str(store.value(key + "preset", CUSTOM_PRESET))
        try:
            recipe = str(store.value(key + "recipe"))
            if recipe not in RECIPES:
                raise ValueError(f"unknown recipe {recipe!r}")
            defaults = recipe_defaults(recipe)
            settings = {
                "hidden_units": int(str(store.value(key + "hidden_units", defaults.hidden_units))),
                "learning_rate": float(
                    str(store.value(key + "learning_rate", defaults.learning_rate)).replace(
                        ",", "."
                    )
                ),
                defaults.length_setting: int(str(store.value(key + "length", defaults.length))),
                "seed": int(str(store.value(key + "seed", defaults.seed))),
            }
            if has_setting(recipe, "training_data"):
                settings["training_data"] = str(
                    store.value(key + "training_data", defaults.training_data)
                )
            config_from_settings(recipe, **settings)
            if settings["seed"] > self.seed_spin.maximum():
                raise ValueError(f"seed {settings['seed']} is too large for this form")
        except (TypeError, ValueError, OverflowError) as error:
            self.apply_preset(DEFAULT_PRESET)
            because = self.tr(
                "The saved training settings could not be used ({error}); "
                "the default preset is back."
            )
            return because.format(error=texts.error_text(error))
        if preset in self._presets:
            self.apply_preset(preset)
        else:
            self._applying = True
            try:
                self._fill(recipe, settings)
            finally:
                self._applying = False
            self._become_custom()
        return None

    def save(self, store: QSettings) -> None:
        """Keep the current settings in `store` for the next start."""
        store.setValue(f"{SETTINGS_GROUP}/preset", self.preset())
        store.setValue(f"{SETTINGS_GROUP}/recipe", self.recipe())
        store.setValue(f"{SETTINGS_GROUP}/hidden_units", self.hidden_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/learning_rate", self.rate_edit.text().strip())
        store.setValue(f"{SETTINGS_GROUP}/length", self.length_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/seed", self.seed_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/training_data", self.data_combo.currentData())

    # -- slots ------------------------------------------------------------------------------
    @Slot(int)
    def on_preset_changed(self, _index: int) -> None:
        if self._applying:
            return
        self.apply_preset(self.preset())
        self.preset_changed.emit(self.preset())

    @Slot(int)
    def on_recipe_changed(self, _index: int) -> None:
        if self._applying:
            return
        recipe = self.recipe()
        self._applying = True
        try:
            self.apply_defaults(recipe, seed=False)  # a chosen seed survives a change of recipe
        finally:
            self._applying = False
        self._become_custom()
        self.on_setting_edited()

    @Slot()
    def on_defaults_clicked(self) -> None:
        """The chosen preset's values; for Custom, those of the preset it came from when it
        is of the same recipe, else the recipe's own defaults."""
        base_recipe = self._presets[self._base_preset][0]
        if self.preset() != CUSTOM_PRESET or base_recipe == self.recipe():
            self.apply_preset(self._base_preset)
        else:
            self._applying = True
            try:
                self.apply_defaults(self.recipe())
            finally:
                self._applying = False

    @Slot()
    def on_setting_edited(self, *_args) -> None:
        self.settings_error.hide()
        if not self._applying:
            self._become_custom()

    def _become_custom(self) -> None:
        if self.preset() == CUSTOM_PRESET:
            return
        self._applying = True
        try:
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(CUSTOM_PRESET))
        finally:
            self._applying = False
        self.preset_changed.emit(CUSTOM_PRESET)

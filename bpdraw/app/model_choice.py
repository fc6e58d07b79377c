"""The Train tab's part about models: the one in use, a new one, and the choice between them.

`ModelChoiceMixin` is mixed into `TrainTab`: it keeps the model in use and its scores
(measured off the GUI thread by a `ModelScorer`), the finished run's model waiting for a
choice, and the Use / Keep / Save buttons' slots.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QFrame, QMessageBox, QScrollArea, QWidget

from bpdraw.app.file_texts import os_error_text
from bpdraw.app.model_files import MODEL_FILTER
from bpdraw.app.train_texts import model_text

if TYPE_CHECKING:
    from bpdraw.app.worker import ModelScores
    from bpdraw.evaluate import Evaluation
    from bpdraw.model import Model
    from bpdraw.recipes import Config


class ModelChoiceMixin:
    """The model in use, the new model, and choosing between them (part of TrainTab)."""

    def set_model_in_use(self, model: Model, shipped: bool | None = None) -> None:
        """The window now uses `model`: name it, measure it (off the GUI thread), show it."""
        if shipped is None:
            shipped = model.metadata.get("created") == _shipped_created()
        self._model_in_use = model
        self._in_use_scores = None
        self.form.set_model_in_use(model, shipped)
        self.results.comparison.set_in_use(model_text(model), None)
        if self._new is None and not self.is_training():
            self.learning.show_network(model.network)
        self._score_in_use()
        if self._settings_note is not None:  # reported once the window listens
            note, self._settings_note = self._settings_note, None
            self.settings_reset.emit(note)

    def _score_in_use(self) -> None:
        """Measure the model in use on a plain thread, once the tab has been shown and its
        background imports are done, between runs: before, the start-up would import
        scikit-learn and matplotlib for a tab nobody looks at, and during a run the measuring
        would compete with it (and with the window) for the interpreter."""
        if self._model_in_use is None or self._in_use_scores is not None:
            return
        if self._scoring is self._model_in_use or not self._was_shown:
            return
        if self.is_training() or not self.import_warmer.is_done():
            return  # asked again when the imports are done and when the run is over
        self._scoring = self._model_in_use
        self.scorer.score(self._model_in_use, self.results.confusion_size())

    def model_in_use(self) -> Model | None:
        return self._model_in_use

    def new_model(self) -> Model | None:
        """The finished run's model waiting for a choice, or None."""
        return None if self._new is None else self._new.model

    def has_unsaved_model(self) -> bool:
        """True when a finished run's model was neither chosen nor saved."""
        return self._new is not None and not self._new_saved

    @Slot(object)
    def on_in_use_scored(self, scores: ModelScores) -> None:
        if scores.model is self._scoring:
            self._scoring = None
        if scores.model is not self._model_in_use:
            self._score_in_use()  # measured for a model no longer in use: the new one next
            return
        self._in_use_scores = scores
        self.results.comparison.set_in_use(model_text(scores.model), scores)
        if self._new is None:
            self.results.show_scores(scores, "The model in use")

    @Slot()
    def on_use_new_clicked(self) -> None:
        if self._new is None:
            return
        model = self._new.model
        self._forget_new()
        self._set_status(
            lambda: QCoreApplication.translate(
                "TrainTab", "The new model is now in use. File → Restore previous model undoes it."
            )
        )
        self.model_chosen.emit(model)
        if self._model_in_use is not model:  # no window listening: the tab follows itself
            self.set_model_in_use(model, shipped=False)

    @Slot()
    def on_keep_current_clicked(self) -> None:
        if self._new is None:
            return
        self._forget_new()
        self._set_status(
            lambda: QCoreApplication.translate(
                "TrainTab", "Kept the model in use; the new model is discarded."
            )
        )

    @Slot()
    def on_save_new_clicked(self) -> None:
        if self._new is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("TrainTab", "Save new model"),
            "new_model.npz",
            QCoreApplication.translate("MainWindow", MODEL_FILTER),
        )
        if path:
            self.save_new_model(path)

    def save_new_model(self, path: str) -> bool:
        """Save the new model to `path` (atomically); on failure say why in a dialog."""
        if self._new is None:
            return False
        try:
            self._new.model.save(path)
        except OSError as error:
            QMessageBox.critical(
                self,
                QCoreApplication.translate("MainWindow", "Cannot save model"),
                os_error_text(path, error),
            )
            return False
        self._new_saved = True
        self._set_status(
            lambda: QCoreApplication.translate("TrainTab", "Saved the new model to {path}.").format(
                path=path
            )
        )
        return True

    def _forget_new(self) -> None:
        self._new = None
        self._new_saved = False
        self.results.comparison.set_new(None)
        if self._in_use_scores is not None:
            self.results.show_scores(self._in_use_scores, "The model in use")
        if self._model_in_use is not None:
            self.learning.show_network(self._model_in_use.network)

    @Slot(str)
    def on_preset_changed(self, _preset: str) -> None:
        if self.controls.status_tone == "bad":
            self._set_status("")

    # -- the form, for the window, tests and scripts --
    def recipe(self) -> str:
        return self.form.recipe()

    def config(self) -> Config:
        """The config the form describes; raises ValueError with a readable message."""
        return self.form.config()

    def set_settings(self, recipe: str, **settings) -> None:
        """Set the form: recipe plus any of the config's settings."""
        self.form.set_settings(recipe, **settings)

    def show_evaluation(self, evaluation: Evaluation, model: Model | None = None) -> None:
        """Show an evaluation in the results panel."""
        self.results.show_evaluation(evaluation, model)

    def evaluation(self) -> Evaluation | None:
        """The last evaluation shown (None before the first run)."""
        return self.results.evaluation()


def scroll_area(content: QWidget, name: str) -> QScrollArea:
    area = QScrollArea(objectName=name)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


@functools.cache
def _shipped_created() -> str | None:
    """When the shipped model was made (its metadata's "created"): names the model preset."""
    from bpdraw.model import load_default

    try:
        return load_default().metadata.get("created")
    except Exception:  # a missing or damaged asset only changes a preset's name
        return None


def format_seconds(seconds: float) -> str:
    """A duration for people: '0.4 s', '12 s', '2 min 05 s'."""
    if seconds < 60:
        shown = f"{seconds:.1f}" if seconds < 10 else f"{seconds:.0f}"
        return QCoreApplication.translate("TrainTab", "{seconds} s").format(seconds=shown)
    minutes, rest = divmod(int(round(seconds)), 60)
    return QCoreApplication.translate("TrainTab", "{minutes} min {seconds} s").format(
        minutes=minutes, seconds=f"{rest:02d}"
    )

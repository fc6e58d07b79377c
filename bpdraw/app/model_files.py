"""The main window's model files: File → Open and Save, the model "Learn my handwriting" keeps
for the next start (`kept_model_path()`), and the question about a trained model nobody saved.

`ModelFilesMixin` is mixed into `MainWindow`: it uses the window's `model`, `settings`,
`train_tab`, `replace_model` and status bar. Its texts keep the window's translation context
("MainWindow"), so the catalogue's translations still find them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bpdraw.app.file_texts import os_error_text, read_error_text, reason_text
from bpdraw.model import Model, ModelFileError, load, load_default

translate = QCoreApplication.translate

MODEL_FILTER = QT_TRANSLATE_NOOP("MainWindow", "bpdraw models (*.npz);;All files (*)")
KEPT_MODEL_NAME = "my_model.npz"


def kept_model_path() -> Path:
    """Where "Learn my handwriting" keeps its model: the user data directory/my_model.npz."""
    import platformdirs

    return Path(platformdirs.user_data_dir("bpdraw")) / KEPT_MODEL_NAME


def starting_model(notes: list[str]) -> Model:
    """The model "Learn my handwriting" kept, if it loads; else the shipped one. What the
    user should know about the choice is appended to `notes` (said at start-up)."""
    kept = kept_model_path()
    if not kept.exists():
        return load_default()
    try:
        model = load(kept)
    except (ModelFileError, OSError, ValueError) as error:
        notes.append(
            translate(
                "MainWindow",
                "Your taught model could not be read ({error}); using the shipped one.",
            ).format(error=read_error_text(kept, error))
        )
        return load_default()
    notes.append(
        translate(
            "MainWindow",
            "Using the model taught your handwriting (File → Use shipped model goes back).",
        )
    )
    return model


class ModelFilesMixin:
    """Model files for the window (part of MainWindow): open, save, keep, forget."""

    def open_model_file(self, path: str | Path) -> bool:
        """Load a model file; on a bad file show why and keep the current model."""
        try:
            model = load(path)
        except (ModelFileError, OSError) as error:
            QMessageBox.critical(
                self, translate("MainWindow", "Cannot open model"), read_error_text(path, error)
            )
            return False
        except (ValueError, RecursionError, MemoryError) as error:  # never silent
            QMessageBox.critical(
                self,
                translate("MainWindow", "Cannot open model"),
                translate("MainWindow", "{path}: cannot be read as a model ({error})").format(
                    path=path, error=error
                ),
            )
            return False
        self.replace_model(model)
        self.settings.setValue("files/last_directory", str(Path(path).parent))
        return True

    def save_model_file(self, path: str | Path) -> bool:
        """Save the model in use (atomically: an existing file survives a failed save)."""
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".npz")
        try:
            self.model.save(path)
        except OSError as error:
            QMessageBox.critical(
                self, translate("MainWindow", "Cannot save model"), os_error_text(path, error)
            )
            return False
        self.settings.setValue("files/last_directory", str(path.parent))
        self.statusBar().showMessage(
            translate("MainWindow", "Saved the model to {path}").format(path=path), 5000
        )
        return True

    def on_open_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "Open model"),
            self._last_directory(),
            translate("MainWindow", MODEL_FILTER),
        )
        if path:
            self.open_model_file(path)

    def on_save_model(self) -> None:
        path = self._ask_save_path()
        if path:
            self.save_model_file(path)

    def _ask_save_path(self) -> str:
        suggestion = str(Path(self._last_directory()) / "model.npz")
        title = translate("MainWindow", "Save model")
        filter_text = translate("MainWindow", MODEL_FILTER)
        return QFileDialog.getSaveFileName(self, title, suggestion, filter_text)[0]

    def _last_directory(self) -> str:
        return str(self.settings.value("files/last_directory", str(Path.home())))

    def on_model_learned(self, model: Model) -> None:
        """Use the model taught your handwriting and keep it for the next start."""
        self.replace_model(model)
        try:
            path = kept_model_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            model.save(path)
        except OSError as error:
            self.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "Now using the model taught your handwriting, but it could not be kept for "
                    "the next start ({error}); File → Save model… keeps it.",
                ).format(error=reason_text(error))
            )
            return
        kept = translate(
            "MainWindow",
            "Now using the model taught your handwriting; it is kept for the next start",
        )
        back = translate("MainWindow", " (File → Use shipped model goes back).")
        self.statusBar().showMessage(kept + back)

    def on_use_shipped_model(self) -> None:
        """Go back to the shipped model and forget the kept one (Restore brings it back)."""
        kept_model_path().unlink(missing_ok=True)
        self.replace_model(load_default())
        shipped = translate("MainWindow", "Now using the shipped model; the next start uses it too")
        back = translate(
            "MainWindow",
            " (File → Restore previous model brings the one before back for now).",
        )
        self.statusBar().showMessage(shipped + back)

    def _unsaved_model_may_go(self) -> bool:
        """A trained model nobody saved: ask Save… / Discard / Cancel; -> True to close."""
        has_unsaved = getattr(self.train_tab, "has_unsaved_model", None)
        if has_unsaved is None or not has_unsaved():
            return True
        answer = QMessageBox.question(
            self,
            translate("MainWindow", "Keep the trained model?"),
            translate(
                "MainWindow",
                "The model you trained has not been saved. Save it before quitting?",
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer != QMessageBox.StandardButton.Save:
            return False
        save_new = getattr(self.train_tab, "save_new_model", None)
        if save_new is not None:
            return bool(save_new())
        path = self._ask_save_path()
        return bool(path) and self.save_model_file(path)

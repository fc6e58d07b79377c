"""The main window: menus, the Draw, My digits, Inside and Train tabs, and the model in use.

The model in use at start is the one "Learn my handwriting" kept in the user data directory
(`kept_model_path()`), if it loads, else the shipped one; File → Use shipped model goes back.
Model files (open, save, the kept model, the unsaved-model question) are `model_files.py`'s.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget, QWidget

from bpdraw.app import i18n
from bpdraw.app.about import about_text
from bpdraw.app.draw_tab import DrawTab
from bpdraw.app.inside_tab import InsideTab
from bpdraw.app.model_files import ModelFilesMixin, starting_model
from bpdraw.app.model_files import kept_model_path as kept_model_path  # tests import it here
from bpdraw.app.my_digits_tab import MyDigitsTab
from bpdraw.app.picture_reader import PictureReader
from bpdraw.app.train_tab import TrainTab
from bpdraw.app.train_texts import model_text
from bpdraw.model import Model
from bpdraw.personal import SampleStore

if TYPE_CHECKING:
    from bpdraw.app.confusion import ConfusionWindow

ORGANISATION = "bpdraw"
APPLICATION = "bpdraw"


class MainWindow(ModelFilesMixin, QMainWindow):
    """One window: draw a digit, retrain the network, look at its confusion matrix.

    The window owns the model in use (`self.model`); `set_model` hands it to every view.
    After a model is replaced, File → Restore previous model brings the one before back.
    """

    def __init__(
        self,
        model: Model | None = None,
        settings: QSettings | None = None,
        store: SampleStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("bpdraw")
        self.settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
        notes: list[str] = []
        applied = i18n.apply_language(i18n.chosen_language(self.settings))
        notes += [applied.note] if applied.note else []
        self.model: Model = model if model is not None else starting_model(notes)
        self.previous_model: Model | None = None
        self.confusion_window: ConfusionWindow | None = None
        self.store = store if store is not None else SampleStore()

        self.tabs = QTabWidget(objectName="tabs", documentMode=True)
        self.draw_tab = DrawTab(self.model, store=self.store)
        self.my_digits_tab = MyDigitsTab(self.store, self.model)
        self.inside_tab = InsideTab(self.model)
        self.train_tab = TrainTab(settings=self.settings)
        for tab in (self.draw_tab, self.my_digits_tab, self.inside_tab, self.train_tab):
            self.tabs.addTab(tab, "")
        self.setCentralWidget(self.tabs)
        self.picture_reader = PictureReader(self.draw_tab, self)  # also takes dropped files

        self._create_actions()
        self._create_menus()
        self.retranslate()
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.train_tab.model_chosen.connect(self.on_model_trained)  # only a chosen model
        keep_note = notes.append  # saved settings the tab could not use: said at start-up
        self.train_tab.settings_reset.connect(keep_note)
        self.train_tab.set_model_in_use(self.model)
        self.train_tab.settings_reset.disconnect(keep_note)
        self.train_tab.settings_reset.connect(self.statusBar().showMessage)
        self.train_tab.training_failed.connect(self.on_training_failed)
        self.train_tab.training_cancelled.connect(self.on_training_cancelled)
        self.train_tab.confusion_requested.connect(self.show_confusion_window)
        self.draw_tab.digits_changed.connect(self.inside_tab.set_digits)
        self.draw_tab.drawing_taught.connect(self.on_drawing_taught)
        self.my_digits_tab.model_learned.connect(self.on_model_learned)
        self.inside_tab.set_digits(self.draw_tab.canvas.to_digits())
        if self.store.recovered_from:
            notes.append(
                self.tr("Your drawings: {problem}.").format(problem=self.store.recovered_from)
            )
            self.my_digits_tab.show_notice(self.store.recovered_from)

        self.resize(900, 620)
        self._restore_geometry(notes)
        self.statusBar().showMessage(" ".join([self._model_message() + self.tr("."), *notes]))

    def _model_message(self) -> str:
        return self.tr("Model: {model}").format(model=model_text(self.model))

    def retranslate(self) -> None:
        """Every text of the window in the language now installed (on LanguageChange)."""
        tab_names = (self.tr("Draw"), self.tr("My digits"), self.tr("Inside"), self.tr("Train"))
        for index, text in enumerate(tab_names):
            self.tabs.setTabText(index, text)
        texts = {
            self.open_action: self.tr("&Open model…"),
            self.read_picture_action: self.tr("Read a &picture…"),
            self.paste_action: self.tr("&Paste picture"),
            self.save_action: self.tr("&Save model…"),
            self.restore_action: self.tr("&Restore previous model"),
            self.use_shipped_action: self.tr("Use &shipped model"),
            self.quit_action: self.tr("&Quit"),
            self.undo_action: self.tr("&Undo"),
            self.clear_action: self.tr("&Clear"),
            self.confusion_action: self.tr("&Confusion matrix"),
            self.about_action: self.tr("&About bpdraw"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.use_shipped_action.setToolTip(self.tr("Go back to the model bpdraw ships with"))
        titles = (self.tr("&File"), self.tr("&Edit"), self.tr("&View"), self.tr("&Help"))
        for menu, text in zip(self.menus, titles, strict=True):
            menu.setTitle(text)
        self.language_menu.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> str:
        """View → Language: speak `language` now and next time; -> the language spoken."""
        applied = i18n.apply_language(language)
        if applied.note:
            self.statusBar().showMessage(applied.note)
            QMessageBox.information(self, self.tr("Language"), applied.note)
        else:
            self.settings.setValue(i18n.LANGUAGE_SETTING, applied.language)
        self.retranslate()
        return applied.language

    def _restore_geometry(self, notes: list[str]) -> None:
        """Saved window size and place; unusable saved settings are reset, with a note."""
        if self.settings.status() != QSettings.Status.NoError:
            notes.append(self.tr("The saved settings could not be read; defaults are used."))
        try:
            geometry = self.settings.value("window/geometry")
        except Exception:  # a value Qt cannot turn into Python
            geometry = False
        if geometry is None and not self.settings.contains("window/geometry"):
            return
        if (
            geometry is None
            or not isinstance(geometry, (QByteArray, bytes))
            or not self.restoreGeometry(geometry)
        ):
            self.settings.remove("window/geometry")
            notes.append(self.tr("The saved window size could not be used and was reset."))

    # --- actions and menus -------------------------------------------------------------

    def _create_actions(self) -> None:
        def action(text: str, slot, shortcut=None, name: str = "") -> QAction:
            created = QAction(text, self)  # its words come from retranslate()
            created.setObjectName(name)
            if shortcut is not None:
                created.setShortcut(shortcut)
            created.triggered.connect(slot)
            return created

        self.open_action = action("", self.on_open_model, QKeySequence.Open, "openAction")
        self.save_action = action("", self.on_save_model, QKeySequence.Save, "saveAction")
        self.restore_action = action("", self.on_restore_previous_model, name="restoreAction")
        self.restore_action.setEnabled(False)
        self.use_shipped_action = action("", self.on_use_shipped_model, name="useShippedAction")
        self.quit_action = action("", self.close, QKeySequence.Quit, "quitAction")
        reader, read_keys = self.picture_reader, QKeySequence("Ctrl+Shift+O")
        self.read_picture_action = action("", reader.ask, read_keys, "readPictureAction")
        self.paste_action = action("", reader.paste, QKeySequence.Paste, "pastePictureAction")
        self.undo_action = action("", self.draw_tab.canvas.undo, QKeySequence.Undo, "undoAction")
        self.clear_action = action(
            "", self.draw_tab.canvas.clear, QKeySequence(Qt.Key.Key_Escape), "clearAction"
        )
        self.confusion_action = action(
            "", self.show_confusion_window, QKeySequence("Ctrl+M"), "confusionAction"
        )
        self.about_action = action("", self.on_about, name="aboutAction")

    def _create_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("")
        file_menu.addActions(
            [self.open_action, self.save_action, self.restore_action, self.use_shipped_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.read_picture_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu("")
        edit_menu.addActions([self.undo_action, self.clear_action, self.paste_action])
        view_menu = menu_bar.addMenu("")
        view_menu.addAction(self.confusion_action)
        self.language_menu = i18n.LanguageMenu(self)
        self.language_menu.language_chosen.connect(self.set_language)
        view_menu.addMenu(self.language_menu)
        help_menu = menu_bar.addMenu("")
        help_menu.addAction(self.about_action)
        self.menus = (file_menu, edit_menu, view_menu, help_menu)

    @Slot(int)
    def on_tab_changed(self, _index: int) -> None:
        """Undo and Clear (Ctrl+Z, Esc) act on the drawing, so only while it is shown."""
        drawing = self.tabs.currentWidget() is self.draw_tab
        self.undo_action.setEnabled(drawing)
        self.clear_action.setEnabled(drawing)

    # --- the model in use --------------------------------------------------------------

    def set_model(self, model: Model) -> None:
        """Use `model` everywhere: Draw tab, Train tab, confusion window."""
        self.model = model
        self.draw_tab.set_model(model)
        self.inside_tab.set_model(model)
        self.my_digits_tab.set_model(model)
        self.train_tab.set_model_in_use(model)
        if self.confusion_window is not None:
            self.confusion_window.set_model(model)
        self.statusBar().showMessage(self._model_message())

    def replace_model(self, model: Model) -> None:
        """Use `model`, keeping the current one for File → Restore previous model."""
        self.previous_model = self.model
        self.restore_action.setEnabled(True)
        self.set_model(model)

    # --- slots -------------------------------------------------------------------------

    def on_restore_previous_model(self) -> None:
        if self.previous_model is None:
            return
        self.model, self.previous_model = self.previous_model, self.model
        self.set_model(self.model)
        self.statusBar().showMessage(
            self.tr("Restored the previous model: {model}").format(model=model_text(self.model))
        )

    def on_model_trained(self, model: Model) -> None:
        self.replace_model(model)
        self.statusBar().showMessage(
            self.tr("Now using the new model: {model}").format(model=model_text(model))
        )

    def on_drawing_taught(self, _label: int, _kept: int) -> None:
        self.my_digits_tab.mark_changed()

    def on_training_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("Training failed; the previous model stays. {message}").format(message=message)
        )

    def on_training_cancelled(self) -> None:
        self.statusBar().showMessage(self.tr("Training cancelled; the previous model stays."))

    def on_about(self) -> None:
        QMessageBox.about(self, self.tr("About bpdraw"), self.about_text())

    def about_text(self) -> str:
        return about_text(self.model)

    def show_confusion_window(self) -> None:
        """View → Confusion matrix: created on first use (it loads matplotlib)."""
        if self.confusion_window is None:
            from bpdraw.app.confusion import ConfusionWindow

            self.confusion_window = ConfusionWindow()
            self.confusion_window.set_model(self.model)
        self.confusion_window.show()
        self.confusion_window.raise_()
        self.confusion_window.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unsaved_model_may_go():
            event.ignore()
            return
        self.my_digits_tab.shutdown()
        self.train_tab.shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        if self.confusion_window is not None:
            self.confusion_window.close()
        super().closeEvent(event)


def start(argv: Sequence[str] | None = None) -> tuple[QApplication, MainWindow]:
    """Create the application (if there is none) and show the window on the shipped model."""
    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("bpdraw")
    window = MainWindow()
    window.show()
    return app, window


def run(argv: Sequence[str] | None = None) -> int:
    """Start the app on the shipped model and run it until the window closes; the exit code."""
    app, _window = start(argv)
    return app.exec()

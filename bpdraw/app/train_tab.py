"""The Train tab: pick a recipe, retrain, watch the network learn, read the results.

Training runs in a `TrainingWorker` on its own `QThread`; this widget only listens. The model in
use changes only through `model_trained`, which is emitted for a finished, valid model: after a
cancel or a divergence the previous model stays and the status line says so.
Matplotlib and scikit-learn are imported on a background thread when the tab is first shown,
not when the app starts, and the GUI never waits for them while a run trains.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app.worker import ImportWarmer, TrainingWorker, stop_and_wait, worker_thread
from bpdraw.training import TRAINING_DATA, TRAINING_DATA_NAMES, ClassicConfig, FastConfig

# The live plot is redrawn at most this often (milliseconds between redraws).
PLOT_REDRAW_INTERVAL_MS = 100
SETTINGS_GROUP = "training"


@dataclass(frozen=True)
class RecipeDefaults:
    hidden_units: int
    learning_rate: float
    length: int  # steps (classic) or epochs (fast)
    length_label: str


# The classic defaults reproduce the course: 64-100-10, learning rate 0.11, 30,000 steps, seed 0.
RECIPE_DEFAULTS = {
    "classic": RecipeDefaults(
        ClassicConfig.hidden_units, ClassicConfig.learning_rate, ClassicConfig.steps, "Steps"
    ),
    "fast": RecipeDefaults(
        FastConfig.hidden_units, FastConfig.learning_rate, FastConfig.epochs, "Epochs"
    ),
}
RECIPE_TITLES = {
    "classic": "classic (the course)",
    "fast": "fast (Adam, mini-batches)",
}
RECIPE_TIPS = {
    "classic": "The course's recipe: sigmoid outputs, squared error, one digit per step.",
    "fast": "Softmax + cross-entropy, Adam on mini-batches, early stopping on validation digits.",
}


def format_seconds(seconds: float) -> str:
    """A duration for people: '0.4 s', '12 s', '2 min 05 s'."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes} min {rest:02d} s"


class TrainTab(QWidget):
    """Controls, live plot and results of retraining the network."""

    model_trained = Signal(object)
    training_failed = Signal(str)
    training_cancelled = Signal()
    training_started = Signal()
    confusion_requested = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainTab")
        self._settings = settings
        self._thread: QThread | None = None
        self._stop_on_destroyed = None
        self._pending_config = None
        self._worker: TrainingWorker | None = None
        self._history: dict[str, list[float]] = {
            "done": [],
            "loss": [],
            "train": [],
            "validation": [],
        }
        self._run_total = 1
        self._plot_dirty = False
        self._live = None  # the LivePlot, built once matplotlib is imported
        self._confusion_rgba = None
        self._run_evaluation = None
        self._confusion_picture_size = None
        self._last_evaluation = None

        self._build_controls()
        self._build_right_side()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(14)
        layout.addWidget(self._left, 0)
        layout.addLayout(self._right, 1)

        self._plot_timer = QTimer(self)
        self._plot_timer.setInterval(PLOT_REDRAW_INTERVAL_MS)
        self._plot_timer.timeout.connect(self.on_plot_timer)
        self._rerender_timer = QTimer(self, singleShot=True, interval=200)
        self._rerender_timer.timeout.connect(self.on_rerender_timer)

        self.import_warmer = ImportWarmer(self)
        self.import_warmer.done.connect(self.on_imports_ready)

        self._restore_settings()
        self._update_buttons()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- building -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.recipe_combo = QComboBox(objectName="recipeCombo")
        for recipe, title in RECIPE_TITLES.items():
            self.recipe_combo.addItem(title, recipe)
            self.recipe_combo.setItemData(
                self.recipe_combo.count() - 1, RECIPE_TIPS[recipe], Qt.ItemDataRole.ToolTipRole
            )
        self.data_combo = QComboBox(objectName="trainingDataCombo")
        for key in TRAINING_DATA:
            self.data_combo.addItem(TRAINING_DATA_NAMES[key], key)
        self.data_combo.setToolTip(
            "The fast recipe can add pen-drawn digits, rendered the way the canvas renders yours."
        )
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
        self.settings_error.setStyleSheet("color: #b3261e;")
        self.settings_error.hide()

        settings_box = QGroupBox("Recipe")
        box_layout = QVBoxLayout(settings_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.settings_error)
        box_layout.addWidget(self.defaults_button, 0, Qt.AlignmentFlag.AlignRight)

        self.retrain_button = QPushButton("Retrain", objectName="retrainButton")
        self.retrain_button.setDefault(True)
        self.retrain_button.setMinimumHeight(32)
        self.retrain_button.clicked.connect(self.on_retrain_clicked)
        self.cancel_button = QPushButton("Cancel", objectName="cancelButton")
        self.cancel_button.setMinimumHeight(32)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retrain_button, 1)
        buttons.addWidget(self.cancel_button, 1)

        self.progress_bar = QProgressBar(objectName="progressBar")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("Not started")
        self.progress_bar.setTextVisible(True)

        self.status_label = QLabel(objectName="statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setText(
            "Press Retrain to train a new network. The current one stays in "
            "use until a new one has finished."
        )

        self.confusion_button = QPushButton("Open confusion matrix…", objectName="confusionButton")
        self.confusion_button.setToolTip("See which test digits the model in use gets wrong.")
        self.confusion_button.clicked.connect(self.confusion_requested)

        self._left = QWidget()
        self._left.setFixedWidth(320)
        left = QVBoxLayout(self._left)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(settings_box)
        left.addSpacing(6)
        left.addLayout(buttons)
        left.addWidget(self.progress_bar)
        left.addWidget(self.status_label)
        left.addStretch(1)
        left.addWidget(self.confusion_button)

        self.recipe_combo.currentIndexChanged.connect(self.on_recipe_changed)
        for spin in (self.hidden_spin, self.length_spin, self.seed_spin):
            spin.valueChanged.connect(self.on_setting_edited)
        self.rate_edit.textEdited.connect(self.on_setting_edited)
        self.data_combo.currentIndexChanged.connect(self.on_setting_edited)

    def _build_right_side(self) -> None:
        self._right = QVBoxLayout()
        self._right.setSpacing(10)
        live_box = QGroupBox("Learning")
        self._live_box = live_box
        self._live_layout = QVBoxLayout(live_box)
        self._live_placeholder = QLabel("The loss and accuracy curves appear here while training.")
        self._live_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._live_placeholder.setMinimumHeight(220)
        self._live_placeholder.setStyleSheet("color: palette(mid);")
        self._live_layout.addWidget(self._live_placeholder)

        results_box = QGroupBox("Results on the 450 test digits")
        results = QVBoxLayout(results_box)
        self.accuracy_label = QLabel("—", objectName="testAccuracyLabel")
        font = QFont(self.accuracy_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.accuracy_label.setFont(font)
        self.model_label = QLabel("No training run yet.", objectName="resultModelLabel")
        self.model_label.setWordWrap(True)
        self.model_label.setStyleSheet("color: palette(dark);")
        header = QHBoxLayout()
        header.addWidget(self.accuracy_label)
        header.addSpacing(12)
        header.addWidget(self.model_label, 1)
        results.addLayout(header)

        body = QHBoxLayout()
        self._confusion_holder = QVBoxLayout()
        self.confusion_picture = QLabel(
            "The confusion matrix of a new run appears here.\n"
            "The model in use: View → Confusion matrix.",
            objectName="resultConfusion",
        )
        self.confusion_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confusion_picture.setMinimumSize(300, 260)
        self.confusion_picture.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding
        )
        self.confusion_picture.setStyleSheet("color: palette(mid); background: white;")
        self._confusion_holder.addWidget(self.confusion_picture)
        body.addLayout(self._confusion_holder, 3)

        self.class_table = QTableWidget(10, 3, objectName="classTable")
        self.class_table.setHorizontalHeaderLabels(["Precision", "Recall", "Digits"])
        self.class_table.setVerticalHeaderLabels([str(d) for d in range(10)])
        self.class_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.class_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.class_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.class_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.class_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.class_table.setFrameShape(QFrame.Shape.StyledPanel)
        self.class_table.setToolTip(
            "Precision: of the digits read as d, the share that are d.\n"
            "Recall: of the true d's, the share read as d."
        )
        self.class_table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.class_table.setMinimumWidth(230)
        body.addWidget(self.class_table, 2)
        results.addLayout(body, 1)

        self._right.addWidget(live_box, 1)
        self._right.addWidget(results_box, 1)

    def _ensure_live_plot(self):
        if self._live is None:
            from bpdraw.app.plots import LivePlot

            self._live = LivePlot()
            self._live.canvas.setMinimumHeight(220)
            self._live_layout.replaceWidget(self._live_placeholder, self._live.canvas)
            self._live_placeholder.deleteLater()
        return self._live

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.import_warmer.start()

    @Slot()
    def on_imports_ready(self) -> None:
        self._ensure_live_plot()
        if self._pending_config is not None:
            # Let the new plot be laid out and fully drawn before the training thread starts
            # competing for the GIL: each step runs after the events the previous one posted.
            QTimer.singleShot(0, self._draw_plot_then_launch)

    @Slot()
    def _draw_plot_then_launch(self) -> None:
        if self._pending_config is None:
            return
        self.layout().activate()
        self._live.canvas.draw_idle()
        QTimer.singleShot(0, self._launch_pending)

    @Slot()
    def _launch_pending(self) -> None:
        if self._pending_config is not None:
            self._launch(self._pending_config)

    def _confusion_size(self) -> tuple[int, int, float]:
        size = self.confusion_picture.contentsRect().size()
        return max(size.width(), 200), max(size.height(), 200), self.devicePixelRatioF()

    def _show_confusion_picture(self, rgba: np.ndarray, ratio: float) -> None:
        height, width = rgba.shape[:2]
        image = QImage(rgba.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.confusion_picture.setPixmap(pixmap)
        self._confusion_picture_size = self._confusion_size()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._last_evaluation is not None and not self.is_training():
            self._rerender_timer.start()

    @Slot()
    def on_rerender_timer(self) -> None:
        """Redraw the confusion picture at the new size once resizing has settled."""
        if self._last_evaluation is None or self.is_training():
            return
        if self._confusion_size() != self._confusion_picture_size:
            from bpdraw.app.plots import render_confusion

            size = self._confusion_size()
            self._show_confusion_picture(
                render_confusion(self._last_evaluation.confusion, *size), size[2]
            )

    # -- settings -------------------------------------------------------------------------
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
        settings = {
            "hidden_units": self.hidden_spin.value(),
            "learning_rate": learning_rate,
            "seed": self.seed_spin.value(),
        }
        if self.recipe() == "classic":
            settings["steps"] = self.length_spin.value()
        else:
            settings["epochs"] = self.length_spin.value()
            settings["training_data"] = self.data_combo.currentData()
        return settings

    def config(self):
        """The config the controls describe; raises ValueError with a readable message."""
        from bpdraw.training import config_from_settings

        return config_from_settings(self.recipe(), **self.settings_dict())

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

    def _apply_defaults(self, recipe: str) -> None:
        defaults = RECIPE_DEFAULTS[recipe]
        self.hidden_spin.setValue(defaults.hidden_units)
        self.rate_edit.setText(f"{defaults.learning_rate:g}")
        self.length_spin.setValue(defaults.length)
        self.data_combo.setCurrentIndex(0)

    def _restore_settings(self) -> None:
        store = self._settings
        recipe = "classic"
        if store is not None:
            recipe = str(store.value(f"{SETTINGS_GROUP}/recipe", "classic"))
            if recipe not in RECIPE_DEFAULTS:
                recipe = "classic"
        self.recipe_combo.blockSignals(True)
        self.recipe_combo.setCurrentIndex(self.recipe_combo.findData(recipe))
        self.recipe_combo.blockSignals(False)
        self._apply_defaults(recipe)
        self._show_recipe_fields(recipe)
        if store is None or not store.contains(f"{SETTINGS_GROUP}/recipe"):
            return
        defaults = RECIPE_DEFAULTS[recipe]
        try:
            self.hidden_spin.setValue(
                int(store.value(f"{SETTINGS_GROUP}/hidden_units", defaults.hidden_units))
            )
            self.rate_edit.setText(
                str(store.value(f"{SETTINGS_GROUP}/learning_rate", f"{defaults.learning_rate:g}"))
            )
            self.length_spin.setValue(int(store.value(f"{SETTINGS_GROUP}/length", defaults.length)))
            self.seed_spin.setValue(int(store.value(f"{SETTINGS_GROUP}/seed", 0)))
            data_index = self.data_combo.findData(
                str(store.value(f"{SETTINGS_GROUP}/training_data", TRAINING_DATA[0]))
            )
            self.data_combo.setCurrentIndex(max(data_index, 0))
        except (TypeError, ValueError):
            self._apply_defaults(recipe)  # a hand-edited or stale settings file

    def _save_settings(self) -> None:
        store = self._settings
        if store is None:
            return
        store.setValue(f"{SETTINGS_GROUP}/recipe", self.recipe())
        store.setValue(f"{SETTINGS_GROUP}/hidden_units", self.hidden_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/learning_rate", self.rate_edit.text().strip())
        store.setValue(f"{SETTINGS_GROUP}/length", self.length_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/seed", self.seed_spin.value())
        store.setValue(f"{SETTINGS_GROUP}/training_data", self.data_combo.currentData())

    def _show_recipe_fields(self, recipe: str) -> None:
        self.length_label.setText(RECIPE_DEFAULTS[recipe].length_label)
        self.data_combo.setEnabled(recipe == "fast" and not self.is_training())
        if recipe == "classic":
            self.data_combo.setToolTip("The classic recipe trains on load_digits only.")
        else:
            self.data_combo.setToolTip(
                "Pen digits are drawn with a pen and rendered the way the canvas renders yours."
            )

    # -- state ----------------------------------------------------------------------------
    def is_training(self) -> bool:
        """True from Retrain until the run's thread has ended (including while it gets ready)."""
        return self._thread is not None or self._pending_config is not None

    @property
    def training_thread(self) -> QThread | None:
        """The running training's thread, or None (for tests and the benchmark)."""
        return self._thread

    def _update_buttons(self) -> None:
        training = self.is_training()
        self.retrain_button.setEnabled(not training)
        self.cancel_button.setEnabled(training)
        for control in (
            self.recipe_combo,
            self.hidden_spin,
            self.rate_edit,
            self.length_spin,
            self.seed_spin,
            self.defaults_button,
        ):
            control.setEnabled(not training)
        self.data_combo.setEnabled(not training and self.recipe() == "fast")

    def _set_status(self, text: str, tone: str = "normal") -> None:
        colors = {"normal": "", "good": "color: #1e7b34;", "bad": "color: #b3261e;"}
        self.status_label.setStyleSheet(colors[tone])
        self.status_label.setText(text)

    # -- slots: controls ------------------------------------------------------------------
    @Slot(int)
    def on_recipe_changed(self, _index: int) -> None:
        recipe = self.recipe()
        self._apply_defaults(recipe)
        self._show_recipe_fields(recipe)
        self.on_setting_edited()

    @Slot()
    def on_defaults_clicked(self) -> None:
        self._apply_defaults(self.recipe())
        self.seed_spin.setValue(ClassicConfig.seed)

    @Slot()
    def on_setting_edited(self, *_args) -> None:
        self.settings_error.hide()

    @Slot()
    def on_retrain_clicked(self) -> None:
        if self.is_training():
            return
        try:
            config = self.config()
        except ValueError as error:
            message = str(error)
            self.settings_error.setText(message[:1].upper() + message[1:] + ".")
            self.settings_error.show()
            return
        self.settings_error.hide()
        self._save_settings()
        self.start_training(config)

    @Slot()
    def on_cancel_clicked(self) -> None:
        if self._pending_config is not None:  # it had not started yet
            self._drop_pending_run()
            self._set_status("Training cancelled — still using the previous model.")
            self.training_cancelled.emit()
            return
        if self._worker is None:
            return
        self._worker.cancel()
        self.cancel_button.setEnabled(False)
        self._set_status("Cancelling…")

    # -- training -------------------------------------------------------------------------
    def start_training(self, config) -> None:
        """Train `config` on a worker thread; the results arrive through signals.

        If matplotlib is still being imported in the background (Retrain pressed right after
        the tab first opened), the run waits for it, with the window responsive, so that the
        plot's one expensive first draw never competes with the training for the GIL.
        """
        if self.is_training():
            raise RuntimeError("a training run is already going")
        self._pending_config = config
        self._update_buttons()
        self.import_warmer.start()
        if self.import_warmer.is_done() or self._live is not None:
            self._launch(config)
        else:
            self.progress_bar.setRange(0, 0)  # busy indicator until the run starts
            self._set_status("Getting ready to train…")

    def _launch(self, config) -> None:
        self._pending_config = None
        self._ensure_live_plot()
        self._reset_live_plot(config)
        unit = "steps" if config.recipe == "classic" else "epochs"
        total = config.steps if config.recipe == "classic" else config.epochs
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%p%")
        self._set_status(
            f"Training the {config.recipe} recipe: 64-{config.hidden_units}-10, "
            f"{total:,} {unit}, learning rate {config.learning_rate:g}, seed {config.seed}…"
        )

        worker = TrainingWorker(config, confusion_size=self._confusion_size())
        worker.progressed.connect(self.on_progressed)
        worker.confusion_rendered.connect(self.on_confusion_rendered)
        worker.evaluated.connect(self.on_evaluated)
        worker.finished.connect(self.on_finished)
        worker.failed.connect(self.on_failed)
        worker.cancelled.connect(self.on_cancelled)
        self._worker = worker
        self._confusion_rgba = None
        self._run_evaluation = None
        self._thread = worker_thread(worker)
        self._thread.finished.connect(self.on_thread_finished)
        # Safety net: if this widget is destroyed without shutdown(), still stop the run, so
        # the thread is never destroyed while running (Qt aborts the process then).
        self._stop_on_destroyed = functools.partial(stop_and_wait, worker, self._thread)
        self.destroyed.connect(self._stop_on_destroyed)
        self._update_buttons()
        self._plot_timer.start()
        self._thread.start()
        self.training_started.emit()

    def _drop_pending_run(self) -> None:
        self._pending_config = None
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("Cancelled")
        self._update_buttons()

    def shutdown(self) -> None:
        """Cancel a running training and wait for its thread to end (window closing)."""
        if self._pending_config is not None:
            self._drop_pending_run()
        if self._thread is None:
            return
        stop_and_wait(self._worker, self._thread)
        self._release_thread()
        self._set_status("Training cancelled — still using the previous model.")

    def _release_thread(self) -> None:
        self._plot_timer.stop()
        if self._stop_on_destroyed is not None:
            self.destroyed.disconnect(self._stop_on_destroyed)
            self._stop_on_destroyed = None
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = None
        self._worker = None
        self._update_buttons()

    def _from_current_worker(self) -> bool:
        return self._worker is not None and self.sender() is self._worker

    @Slot(object)
    def on_progressed(self, progress) -> None:
        if not self._from_current_worker():
            return
        self.progress_bar.setValue(progress.done)
        if progress.preparing:
            self.progress_bar.setFormat(
                f"Preparing the training data…  {format_seconds(progress.elapsed)}"
            )
            return
        remaining = progress.elapsed * (progress.total - progress.done) / max(progress.done, 1)
        self.progress_bar.setFormat(f"%p%  ·  about {format_seconds(remaining)} left")
        history = self._history
        history["done"].append(progress.done)
        history["loss"].append(progress.loss)
        history["train"].append(progress.train_accuracy)
        history["validation"].append(
            float("nan") if progress.validation_accuracy is None else progress.validation_accuracy
        )
        self._plot_dirty = True

    @Slot(object)
    def on_confusion_rendered(self, rgba) -> None:
        if self._from_current_worker():
            self._confusion_rgba = rgba

    @Slot(object)
    def on_evaluated(self, evaluation) -> None:
        if self._from_current_worker():
            self._run_evaluation = evaluation

    @Slot(object)
    def on_finished(self, finished) -> None:
        if not self._from_current_worker():
            return
        self.on_plot_timer()
        model = finished.model
        self.progress_bar.setValue(self.progress_bar.maximum())
        self.progress_bar.setFormat(f"Done in {format_seconds(finished.elapsed)}")
        evaluation = self._run_evaluation
        if evaluation is not None:
            self.show_evaluation(evaluation, model, self._confusion_rgba)
            accuracy = f"test accuracy {evaluation.accuracy:.1%}"
        else:
            accuracy = "finished"
        self._set_status(
            f"Trained in {format_seconds(finished.elapsed)} — {accuracy}. "
            "The new model is now in use.",
            "good",
        )
        self.model_trained.emit(model)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        if not self._from_current_worker():
            return
        self.progress_bar.setFormat("Stopped")
        self._set_status(f"{message}\nStill using the previous model.", "bad")
        self.training_failed.emit(message)

    @Slot()
    def on_cancelled(self) -> None:
        if not self._from_current_worker():
            return
        self.progress_bar.setFormat("Cancelled at %p%")
        self._set_status("Training cancelled — still using the previous model.")
        self.training_cancelled.emit()

    @Slot()
    def on_thread_finished(self) -> None:
        if self._thread is None or self.sender() is not self._thread:
            return  # already released by shutdown()
        self._thread.wait()
        self._release_thread()
        self.on_plot_timer()

    # -- plots ----------------------------------------------------------------------------
    def _reset_live_plot(self, config) -> None:
        self._history = {"done": [], "loss": [], "train": [], "validation": []}
        total = config.steps if config.recipe == "classic" else config.epochs
        unit = "steps" if config.recipe == "classic" else "epochs"
        self._run_total = total
        self._live_box.setTitle(f"Learning — {config.recipe} recipe, {total:,} {unit}")
        self._plot_dirty = True
        self.on_plot_timer()

    @Slot()
    def on_plot_timer(self) -> None:
        if not self._plot_dirty or self._live is None:
            return
        self._plot_dirty = False
        history = self._history
        percent = np.asarray(history["done"], dtype=float) * (100.0 / max(self._run_total, 1))
        self._live.set_data(percent, history["loss"], history["train"], history["validation"])
        self._live.update()

    def show_evaluation(self, evaluation, model=None, confusion_picture=None) -> None:
        """Show test accuracy, the annotated confusion matrix and per-digit precision/recall.

        `confusion_picture` is the matrix already rendered (by the worker); without it the
        matrix is rendered here, on the GUI thread.
        """
        self._last_evaluation = evaluation
        self.accuracy_label.setText(f"{evaluation.accuracy:.1%}")
        if model is not None:
            self.model_label.setText(model.describe())
        size = self._confusion_size()
        if confusion_picture is None:
            from bpdraw.app.plots import render_confusion

            confusion_picture = render_confusion(evaluation.confusion, *size)
        self._show_confusion_picture(confusion_picture, size[2])
        support = evaluation.confusion.sum(axis=1)
        for digit in range(10):
            values = (
                f"{evaluation.precision[digit]:.2f}",
                f"{evaluation.recall[digit]:.2f}",
                str(int(support[digit])),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                low = column < 2 and float(text) < 0.9
                if low:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.class_table.setItem(digit, column, item)

    def evaluation(self):
        """The last evaluation shown (None before the first run)."""
        return self._last_evaluation

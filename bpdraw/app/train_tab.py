"""The Train tab: the life of a training run, from Retrain to a new model or none.

A run goes IDLE → PREPARING (waiting for the background imports and the plot's first draw)
→ TRAINING (a `TrainingWorker` on its own `QThread`) → FINISHING (the worker has said how it
ended; its thread is stopping) → IDLE. Cancel works in PREPARING and TRAINING. The buttons
follow the state. A finished run's model is compared with the model in use (on the test
digits and on drawn digits) and changes nothing until the user chooses it: then
`model_chosen` is emitted. `set_model_in_use` tells the tab which model the window uses.

The column of controls (the run's buttons, progress bar and status line around the settings
form), the live plot and the results are widgets of their own (`train_controls`,
`recipe_form`, `learning_panel`, `results_panel`); this module only runs the lifecycle.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget
from shiboken6 import isValid

from bpdraw.app import train_texts as texts
from bpdraw.app.learning_panel import LearningPanel
from bpdraw.app.model_choice import ModelChoiceMixin, scroll_area
from bpdraw.app.recipe_form import RecipeForm
from bpdraw.app.results_panel import ResultsPanel
from bpdraw.app.train_controls import TrainControls
from bpdraw.app.warmup import ImportWarmer, in_later_turns
from bpdraw.app.worker import (
    ModelScorer,
    ModelScores,
    Run,
    RunState,
    TrainingWorker,
    stop_and_wait,
    worker_thread,
)

if TYPE_CHECKING:
    import numpy as np

    from bpdraw.evaluate import Evaluation
    from bpdraw.model import Model
    from bpdraw.training import Config, Finished, Progress

CONTROLS_WIDTH = 300


class TrainTab(ModelChoiceMixin, QWidget):
    """Controls, live plot and results of retraining the network."""

    model_trained = Signal(object)  # Model: a run finished with it (not in use yet)
    model_chosen = Signal(object)  # Model: the user chose the new model: use it
    settings_reset = Signal(str)  # the saved settings could not be used: why
    training_failed = Signal(str)
    training_cancelled = Signal()
    training_started = Signal()  # the worker thread has started
    confusion_requested = Signal()
    state_changed = Signal(object)  # RunState

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainTab")
        self._settings = settings
        self._state = RunState.IDLE
        self._run: Run | None = None  # None exactly when the state is IDLE
        self._model_in_use: Model | None = None
        self._in_use_scores: ModelScores | None = None
        self._new: ModelScores | None = None  # a finished run's model, not chosen yet
        self._new_saved = False
        self.scorer = ModelScorer(self)
        self.scorer.scored.connect(self.on_in_use_scored)
        self._scoring: Model | None = None  # the model the scorer is measuring
        self._was_shown = False

        self.form = RecipeForm()
        self.learning = LearningPanel()
        self.results = ResultsPanel()
        controls = self.controls = TrainControls(self.form)
        self.retrain_button, self.cancel_button = controls.retrain_button, controls.cancel_button
        self.progress_bar, self.status_label = controls.progress_bar, controls.status_label
        self.confusion_button = controls.confusion_button
        self.retrain_button.clicked.connect(self.on_retrain_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.confusion_button.clicked.connect(self.confusion_requested)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(10)
        right_layout.addWidget(self.learning, 1)
        right_layout.addWidget(self.results, 1)
        # both columns scroll, so every control stays reachable in an 800x600 window
        self.controls_scroll = scroll_area(controls, "trainControlsScroll")
        self.controls_scroll.setFixedWidth(CONTROLS_WIDTH + 18)
        self.results_scroll = scroll_area(right, "trainResultsScroll")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self.controls_scroll, 0)
        layout.addWidget(self.results_scroll, 1)
        comparison = self.results.comparison
        comparison.use_button.clicked.connect(self.on_use_new_clicked)
        comparison.keep_button.clicked.connect(self.on_keep_current_clicked)
        comparison.save_button.clicked.connect(self.on_save_new_clicked)
        self.form.preset_changed.connect(self.on_preset_changed)

        self.import_warmer = ImportWarmer(self)
        self.import_warmer.done.connect(self.on_imports_ready)
        self._settings_note: str | None = None
        if settings is not None:
            self._settings_note = self.form.load(settings)
        self._enter(RunState.IDLE)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- state --
    def state(self) -> RunState:
        return self._state

    def is_training(self) -> bool:
        """True from Retrain until the run's thread has ended (including while it gets ready)."""
        return self._state is not RunState.IDLE

    @property
    def training_thread(self) -> QThread | None:
        """The running training's thread, or None (for tests and the benchmark)."""
        return None if self._run is None else self._run.thread

    def _enter(self, state: RunState) -> None:
        self._state = state
        self.controls.show_state(state)
        self.form.set_locked(state is not RunState.IDLE)
        self.results.set_rerender_paused(state is not RunState.IDLE)
        self.state_changed.emit(state)

    def _set_status(self, text: str | Callable[[], str], tone: str = "normal") -> None:
        """The status line under the progress bar (the model choice's sentences too)."""
        self.controls.set_status(text, tone)

    # -- IDLE → PREPARING → TRAINING --
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.import_warmer.start()
        self._was_shown = True
        self._score_in_use()

    @Slot()
    def on_retrain_clicked(self) -> None:
        if self.is_training():
            return
        try:
            config = self.form.config()
        except ValueError as error:
            self.form.show_error(error)
            return
        self.form.settings_error.hide()
        if self._settings is not None:
            self.form.save(self._settings)
        self.start_training(config)

    def start_training(self, config: Config) -> None:
        """Train `config` on a worker thread; the results arrive through signals.

        If matplotlib is still being imported (Retrain pressed right after the tab opened),
        the run waits in PREPARING, the window responsive: the plot's expensive first draw
        never competes with training for the GIL."""
        if self.is_training():
            raise RuntimeError("a training run is already going")
        self._run = Run(config)
        self._set_status("")  # an old message (a failure, a choice) is over
        self._enter(RunState.PREPARING)
        self.import_warmer.start()
        if self.import_warmer.is_done() or self.learning.has_plot():
            self._launch()
        else:
            self.controls.show_getting_ready()

    @Slot()
    def on_imports_ready(self) -> None:
        # The plot is built a slice per turn of the event loop; a run waiting in PREPARING
        # then has it laid out and fully drawn before the training thread starts competing
        # for the GIL: each step runs after the events the one before posted.
        run = self._run

        def waiting(step: Callable[[], None]) -> Callable[[], None]:
            def run_if_waiting() -> None:
                if self._state is RunState.PREPARING and self._run is run is not None:
                    step()

            return run_if_waiting

        steps = self.learning.plot_build_steps() + [self._score_in_use]
        in_later_turns(
            steps + [waiting(self._draw_plot_first), waiting(self._launch)],
            still_wanted=lambda: isValid(self),
        )

    def _draw_plot_first(self) -> None:
        self.layout().activate()
        self.learning.schedule_full_draw()

    def _launch(self) -> None:
        run = self._run
        config = run.config
        self.learning.start_run(config)
        self.controls.show_training(config)
        run.worker = TrainingWorker(config, confusion_size=self.results.confusion_size())
        run.worker.progressed.connect(self.on_progressed)
        run.worker.confusion_rendered.connect(self.on_confusion_rendered)
        run.worker.evaluated.connect(self.on_evaluated)
        run.worker.scored.connect(self.on_scored)
        run.worker.watched.connect(self.on_watched)
        run.worker.finished.connect(self.on_finished)
        run.worker.failed.connect(self.on_failed)
        run.worker.cancelled.connect(self.on_cancelled)
        run.thread = worker_thread(run.worker)
        run.thread.finished.connect(self.on_thread_finished)
        # Safety net: if this widget is destroyed without shutdown(), still stop the run, so
        # the thread is never destroyed while running (Qt aborts the process then).
        run.stop_on_destroyed = functools.partial(stop_and_wait, run.worker, run.thread)
        self.destroyed.connect(run.stop_on_destroyed)
        self._enter(RunState.TRAINING)
        run.thread.start()
        self.training_started.emit()

    # -- what the worker sends while TRAINING --
    def _sent_by_this_run(self) -> Run | None:
        """The current run if the signal being handled came from its worker, else None."""
        run = self._run
        if run is not None and run.worker is not None and self.sender() is run.worker:
            return run
        return None

    @Slot(object)
    def on_progressed(self, progress: Progress) -> None:
        if self._sent_by_this_run() is None:
            return
        self.controls.show_progress(progress, self._run.config)
        if not progress.preparing:
            self.learning.add(progress)

    @Slot(int, float)
    def on_watched(self, done: int, accuracy: float) -> None:
        if self._sent_by_this_run() is not None:
            self.learning.add_held_out(done, accuracy)

    @Slot(object)
    def on_scored(self, scores: ModelScores) -> None:
        if (run := self._sent_by_this_run()) is not None:
            run.scores = scores

    @Slot(object)
    def on_confusion_rendered(self, rgba: np.ndarray) -> None:
        if (run := self._sent_by_this_run()) is not None:
            run.confusion_picture = rgba

    @Slot(object)
    def on_evaluated(self, evaluation: Evaluation) -> None:
        if (run := self._sent_by_this_run()) is not None:
            run.evaluation = evaluation

    # -- TRAINING → FINISHING: the worker's one terminal signal --
    def _end_of(self, run: Run | None) -> bool:
        """Mark `run` ended (→ FINISHING); False if the signal is not this run's to handle."""
        if run is None or run.ended:
            return False
        run.ended = True
        self.learning.stop()
        if self._state is RunState.TRAINING:
            self._enter(RunState.FINISHING)
        return True

    @Slot(object)
    def on_finished(self, finished: Finished) -> None:
        run = self._sent_by_this_run()
        if not self._end_of(run):
            return
        model = finished.model
        self.controls.show_done(finished.elapsed)
        if run.scores is not None:
            self._new, self._new_saved = run.scores, False
            self.results.comparison.set_new(run.scores)
            self.results.show_scores(run.scores, "The new model")
            self.results_scroll.ensureWidgetVisible(self.results.comparison)
            self.controls.show_trained(finished.elapsed, choice_waits=True)
        elif run.evaluation is not None:  # a worker that scored nothing more
            self.results.show_evaluation(run.evaluation, model, run.confusion_picture)
            self.controls.show_trained(finished.elapsed, choice_waits=False)
        self.model_trained.emit(model)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        if not self._end_of(self._sent_by_this_run()):
            return
        self.controls.show_failed(message)
        self.learning.mark_stopped(functools.partial(texts.stopped_mark, message))
        self.training_failed.emit(message)

    @Slot()
    def on_cancelled(self) -> None:
        if not self._end_of(self._sent_by_this_run()):
            return
        self.controls.show_cancelled()
        self.training_cancelled.emit()

    # -- Cancel, and FINISHING → IDLE --
    @Slot()
    def on_cancel_clicked(self) -> None:
        if self._state is RunState.PREPARING:  # nothing has started yet
            self.controls.show_cancelled_before_start()
            self._back_to_idle()
            self._set_status(texts.cancelled_message)
            self.training_cancelled.emit()
        elif self._state is RunState.TRAINING:
            self._run.worker.cancel()
            self._enter(RunState.FINISHING)
            self.controls.show_cancelling()

    @Slot()
    def on_thread_finished(self) -> None:
        run = self._run
        if run is None or self.sender() is not run.thread:
            return  # already released by shutdown()
        run.thread.wait()
        self._back_to_idle()

    def shutdown(self) -> None:
        """Cancel a run, if any, and wait for its thread to end (window closing)."""
        run = self._run
        if run is None:
            return
        if run.thread is None:  # PREPARING: nothing to stop
            self.controls.show_cancelled_before_start()
            self._back_to_idle()
            return
        stop_and_wait(run.worker, run.thread)
        self._back_to_idle()
        if not run.ended:
            self._set_status(texts.cancelled_message)

    def _back_to_idle(self) -> None:
        run = self._run
        self._run = None
        if run is not None:
            if run.stop_on_destroyed is not None:
                self.destroyed.disconnect(run.stop_on_destroyed)
            if run.worker is not None:
                run.worker.deleteLater()
        self.learning.stop()
        self._enter(RunState.IDLE)
        self._score_in_use()

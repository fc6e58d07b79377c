"""The Train tab's column of controls: Retrain and Cancel, the progress bar and the status
line, the recipe form, and the confusion matrix button.

The tab runs the lifecycle (train_tab.py) and tells this column each moment of a run; the
column shows it: which buttons work, how far the run is, a sentence about it. Its texts are
kept as functions, asked again when the language changes, and keep the Train tab's
translation context ("TrainTab").
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import theme
from bpdraw.app import train_texts as texts
from bpdraw.app.model_choice import format_seconds
from bpdraw.app.worker import RunState

if TYPE_CHECKING:
    from bpdraw.training import Config, Progress

# Texts kept as functions (asked again on a language change) call this, not self.tr: a closure
# over the widget made a cycle, and the cycle collector frees widgets on any thread it runs on.
translate = QCoreApplication.translate


class TrainControls(QWidget):
    """The run's buttons, progress and status (following the run) above `form`, and the
    confusion matrix button below it."""

    def __init__(self, form: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for combo in form.findChildren(QComboBox):  # narrow: the column fits 800x600
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)  # a long name shows whole in the open list
        self.retrain_button = QPushButton(objectName="retrainButton")
        self.retrain_button.setDefault(True)
        self.retrain_button.setMinimumHeight(32)
        self.cancel_button = QPushButton(objectName="cancelButton")
        self.cancel_button.setMinimumHeight(32)
        self.progress_bar = QProgressBar(objectName="progressBar")
        self.show_progress_text(lambda: translate("TrainTab", "Not started"))
        self.progress_bar.setTextVisible(True)
        self.status_label = QLabel(objectName="statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_status(texts.idle_message)
        self.confusion_button = QPushButton(objectName="confusionButton")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retrain_button, 1)
        buttons.addWidget(self.cancel_button, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addSpacing(6)
        layout.addWidget(form)
        layout.addStretch(1)
        layout.addWidget(self.confusion_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Buttons, status and progress text in the language now installed."""
        self.retrain_button.setText(translate("TrainTab", "Retrain"))
        self.cancel_button.setText(translate("TrainTab", "Cancel"))
        self.confusion_button.setText(translate("TrainTab", "Open confusion matrix…"))
        self.confusion_button.setToolTip(
            translate("TrainTab", "See which test digits the model in use gets wrong.")
        )
        self.set_status(self._status_text, self.status_tone)
        self.progress_bar.setFormat(self._progress_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_state(self, state: RunState) -> None:
        """Retrain works between runs; Cancel while a run gets ready or trains."""
        self.retrain_button.setEnabled(state is RunState.IDLE)
        self.cancel_button.setEnabled(state in (RunState.PREPARING, RunState.TRAINING))

    def set_status(self, text: str | Callable[[], str], tone: str = "normal") -> None:
        """Show `text` (a function giving it is asked again when the language changes)."""
        self._status_text, self.status_tone = text, tone
        color = theme.status_color(tone, self.palette().window().color().lightness() < 128)
        self.status_label.setStyleSheet(f"color: {color};" if color else "")
        self.status_label.setText(text() if callable(text) else text)

    def show_progress_text(self, text: Callable[[], str]) -> None:
        """An empty bar saying `text`."""
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self._set_progress_format(text)

    def _set_progress_format(self, text: Callable[[], str]) -> None:
        self._progress_text = text
        self.progress_bar.setFormat(text())

    # -- the moments of a run, in order --
    def show_getting_ready(self) -> None:
        """Waiting in PREPARING for the background imports and the plot's first draw."""
        self.progress_bar.setRange(0, 0)  # busy indicator until the run starts
        self.set_status(lambda: translate("TrainTab", "Getting ready to train…"))

    def show_training(self, config: Config) -> None:
        """The run has started: an empty bar for its steps or epochs, a line naming it."""
        self.progress_bar.setRange(0, config.length)
        self.progress_bar.setValue(0)
        self._set_progress_format(lambda: "%p%")
        self.set_status(functools.partial(texts.training_line, config))

    def show_progress(self, progress: Progress, config: Config) -> None:
        """How far the run is and the time left; while its data is made, how far that is."""
        self.progress_bar.setValue(progress.done)
        left = functools.partial(texts.time_left, progress.remaining, format_seconds)
        if progress.preparing:
            prepared, steps = progress.prepared, progress.preparation_steps
            self._set_progress_format(lambda: texts.preparing_text(config, prepared, steps, left()))
        else:
            self._set_progress_format(lambda: "%p%" + left())

    def show_done(self, seconds: float) -> None:
        self.progress_bar.setValue(self.progress_bar.maximum())
        elapsed = format_seconds(seconds)
        self._set_progress_format(
            lambda: translate("TrainTab", "Done in {time}").format(time=elapsed)
        )

    def show_trained(self, seconds: float, choice_waits: bool) -> None:
        """Trained in `seconds`; `choice_waits`: the new model is compared and waits."""
        elapsed = format_seconds(seconds)
        if choice_waits:
            self.set_status(
                lambda: translate(
                    "TrainTab",
                    "Trained in {time}. Compare the new model with the one in use, then "
                    "choose: the model in use stays until you do.",
                ).format(time=elapsed)
            )
        else:
            self.set_status(
                lambda: translate("TrainTab", "Trained in {time}.").format(time=elapsed)
            )

    def show_failed(self, message: str) -> None:
        self._set_progress_format(lambda: translate("TrainTab", "Stopped"))
        self.set_status(functools.partial(texts.failed_message, message), "bad")

    def show_cancelling(self) -> None:
        self.set_status(lambda: translate("TrainTab", "Cancelling…"))

    def show_cancelled(self) -> None:
        """The worker stopped on Cancel: the bar says how far it got."""
        self._set_progress_format(lambda: translate("TrainTab", "Cancelled at %p%"))
        self.set_status(texts.cancelled_message)

    def show_cancelled_before_start(self) -> None:
        """An empty bar saying Cancelled: the run never started training."""
        self.show_progress_text(lambda: translate("TrainTab", "Cancelled"))

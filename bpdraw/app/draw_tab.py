"""The Draw tab: draw a digit, watch the network read it as you draw.

Unsure answers: `prediction_label` always shows the likeliest digit (greyed out when the
network is unsure), and the line under it says "Not sure — 3 or 8?" or "Doesn't look like a
digit" by the project's one rule, `bpdraw.confidence.read` (calibrated probabilities); the
two are a widget of their own (answer_view.py), told what to show by `update_prediction`.

Teaching: the "It's a:" row (and the keys 0-9 on the canvas) keeps the drawing's raw strokes
(of a picture, its centre lines) with that label and the app's first answer in the
SampleStore, then clears the canvas. A picture (show_picture) is read as `bpdraw predict`
reads it, until the canvas puts it away.
Re-reading after undo, clear or set_strokes waits for the next event-loop turn, so undoing
many strokes at once converts the drawing once, not once per stroke.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import theme
from bpdraw.app.answer_view import AnswerView
from bpdraw.app.canvas import MIN_DRAWING_SIZE, Canvas
from bpdraw.app.i18n import format_number, shortcut_text
from bpdraw.app.probability_bars import ProbabilityBars
from bpdraw.app.why_preview import WhyPreview
from bpdraw.confidence import Reading, read
from bpdraw.numbers import NumberReading, read_number
from bpdraw.picture_reading import read_ink
from bpdraw.preprocess import NothingDrawn

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from bpdraw.images import PictureInk
    from bpdraw.model import Model
    from bpdraw.personal import SampleStore

# Live prediction while drawing: at most one every this many milliseconds.
THROTTLE_MS = 60
# How long "Kept as a 7 — …" stays under the answer.
CONFIRMATION_MS = 4000

MUTED = QColor(theme.MUTED)
WARNING = QColor(theme.WARNING)


class DrawTab(QWidget):
    """Canvas, the predicted digit, the ten probabilities, the 8x8 the network sees and the
    "It's a:" row that keeps the drawing in the SampleStore.

    Signals:
        digits_changed(object, int): the (8, 8) the network now reads (of a number, the digit
            chosen in the preview, at first its first), or None; and how many digits the
            drawing was read as (after every reading, and when another digit is chosen).
        drawing_taught(int, int): a drawing was kept with this label; the store now holds this many.
    """

    digits_changed = Signal(object, int)
    drawing_taught = Signal(int, int)

    def __init__(
        self,
        model: Model | None = None,
        parent: QWidget | None = None,
        store: SampleStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drawTab")
        self._model = model
        self._store = store

        self.canvas = Canvas()
        self.undo_button = QPushButton(objectName="undoButton")
        self.clear_button = QPushButton(objectName="clearButton")

        self.answer = AnswerView()
        self.prediction_label = self.answer.digit_label
        self.prediction_status_label = self.answer.status_label

        self.teach_buttons = []
        self._teach_group = QButtonGroup(self)  # (a lambda over self per button: a leak)
        self._teach_group.idClicked.connect(self.teach)
        for digit in range(10):
            button = QPushButton(str(digit), objectName=f"teachButton{digit}")
            button.setFixedWidth(28)
            self._teach_group.addButton(button, digit)
            self.teach_buttons.append(button)
        self.teach_status_label = QLabel("", objectName="teachStatusLabel")
        self.teach_status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.teach_status_label.setWordWrap(True)

        self.probability_bars = ProbabilityBars()
        self.probability_bars.setMinimumHeight(130)  # 13 px a bar: the tab fits 800x600
        self.why = WhyPreview()
        self.digit_preview = self.why.digit_preview
        self.attribution_overlay = self.why.attribution_overlay
        self.attribution_toggle = self.why.attribution_toggle
        self.preview_caption = self.why.caption
        self.its_a_label = QLabel()

        self._build_layout()

        self._prediction_timer = QTimer(self, singleShot=True, interval=THROTTLE_MS)
        self._prediction_timer.timeout.connect(self.update_prediction)
        # undo, clear, set_strokes: one re-reading per event-loop turn however many happen
        self._reread_timer = QTimer(self, singleShot=True, interval=0)
        self._reread_timer.timeout.connect(self.update_prediction)
        self._confirmation_timer = QTimer(self, singleShot=True, interval=CONFIRMATION_MS)
        self._confirmation_timer.timeout.connect(self.teach_status_label.clear)
        self.canvas.drawing_changed.connect(self.on_drawing_changed)
        self.canvas.stroke_finished.connect(self.on_stroke_finished)
        self.canvas.installEventFilter(self)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)

        self._probabilities: np.ndarray | None = None
        self._first_answer: int | None = None
        self._count = 0  # how many digits the drawing (or picture) was read as
        self.why.digit_chosen.connect(self._on_digit_chosen)
        self._picture_ink: PictureInk | None = None  # of the picture the canvas shows
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the language now installed; the drawing is read again."""
        undo_tip = self.tr("Remove the last stroke ({keys})")
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(undo_tip.format(keys=shortcut_text(QKeySequence.Undo)))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Start again (Esc)"))
        self._set_teach_tips()
        self.its_a_label.setText(self.tr("It's a:"))
        self.its_a_label.setToolTip(
            self.tr("Right or wrong, say what you drew: bpdraw keeps it to learn from")
        )
        self.its_a_label.setMinimumWidth(self.its_a_label.sizeHint().width())
        self.why.retranslate()
        self.teach_status_label.clear()
        self.update_prediction()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)

        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addLayout(buttons)

        teach_row = QHBoxLayout()
        teach_row.setSpacing(2)
        teach_row.addWidget(self.its_a_label)
        for button in self.teach_buttons:
            teach_row.addWidget(button)
        teach_row.addStretch(1)

        panel = QFrame()
        panel.setObjectName("predictionPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setStyleSheet(
            f"QFrame#predictionPanel {{ background: {theme.PAPER};"
            f" border: 1px solid {theme.PANEL_BORDER}; border-radius: 10px; }}"
        )
        panel.setMinimumWidth(370)
        right = QVBoxLayout(panel)
        right.setContentsMargins(18, 12, 18, 18)
        right.addWidget(self.answer)
        right.addLayout(teach_row)
        right.addWidget(self.teach_status_label)
        right.addSpacing(4)
        right.addWidget(self.probability_bars, 1)
        right.addSpacing(8)
        right.addWidget(self.why)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(left, 3)
        layout.addWidget(panel, 2)

    # --- model and prediction --------------------------------------------------------

    def model(self) -> Model | None:
        return self._model

    def set_model(self, model: Model) -> None:
        """Read the current drawing with another model."""
        self._model = model
        self.update_prediction()

    def set_store(self, store: SampleStore | None) -> None:
        """Where the "It's a:" buttons keep drawings (None: the buttons stay disabled)."""
        self._store = store
        self._enable_controls()

    def show_picture(self, image: QImage, ink: PictureInk) -> None:
        """Show a picture on the canvas (in place of the drawing) and read its ink."""
        self._picture_ink = ink
        self.canvas.set_picture(image)
        self.update_prediction()  # now, not on the next turn: the reading is what was asked for

    def probabilities(self) -> np.ndarray | None:
        """The ten probabilities shown, or None when nothing is drawn."""
        return None if self._probabilities is None else self._probabilities.copy()

    def on_drawing_changed(self) -> None:
        if not self.canvas.is_drawing():  # undo, clear, set_strokes: next event-loop turn
            self._reread_timer.start()
        # While the pen moves: one prediction per THROTTLE_MS however fast it moves.
        elif not self._prediction_timer.isActive():
            self._prediction_timer.start()

    def on_stroke_finished(self) -> None:
        self._prediction_timer.stop()
        self.update_prediction()

    def update_prediction(self) -> None:
        """Convert the drawing and show what the model reads."""
        self._prediction_timer.stop()
        self._reread_timer.stop()
        self._enable_controls()
        number = self._reading()
        if number is None:  # no model, or only the whole drawing is something: the net sees it
            seen = self.canvas.to_digits()
            if seen is None or self._model is None:
                self._show_blank()
            else:
                self._show(read(self._model, seen))
        elif len(number.readings) > 1:
            self._show_number(number)
            seen = np.stack(number.views)  # what the preview shows: one 8x8 per digit
        else:
            self._show(number.readings[0])
            seen = number.views[0]
        was_number = self._count > 1
        self._count = 0 if seen is None else len(seen) if seen.ndim == 3 else 1
        if was_number != (self._count > 1):
            self._set_teach_tips()  # a number is kept whole: the buttons say so
        self.canvas.set_marks(self._marks(number))
        self.why.show_digits(seen, self._model)
        self._on_digit_chosen(self.why.chosen_digits())

    def _on_digit_chosen(self, digits: np.ndarray | None) -> None:
        """The Inside tab looks at the digit the preview looks at (of a number, the chosen)."""
        self.digits_changed.emit(None if digits is None else digits.copy(), self._count)

    def _reading(self) -> NumberReading | None:
        """The drawing read as bpdraw.numbers reads it: one digit (through both of its
        conversions, and turned once the pen lifts), or a number when it holds digits side
        by side (apart, or touching where they can be cut surely); None without a model, or
        when no part of the drawing alone is a drawing."""
        if self._model is None:
            return None
        try:
            if self.canvas.picture() is not None:  # no ink: the picture looks blank
                return read_ink(self._model, self._picture_ink) if self._picture_ink else None
            # while the pen moves, the quicker reading of the plain views; all of them after
            strokes, moving = self.canvas.strokes(), self.canvas.is_drawing()
            return read_number(
                self._model, strokes, min_size=MIN_DRAWING_SIZE, turned_views=not moving
            )
        except NothingDrawn:
            return None

    def _marks(self, number: NumberReading | None) -> list:
        """What the canvas inks in colour: a drawn number's digits, each in its own; of a
        picture, the centre lines read (a colour per digit of a number)."""
        if number is None or (self.canvas.picture() is None and len(number.readings) < 2):
            return []
        if self.canvas.picture() is None:
            return list(number.parts)
        ink = self._picture_ink
        parts = number.parts or (ink.strokes(),)  # a small digit: read from its views
        return [[self.canvas.on_picture(ink.in_picture(line)) for line in part] for part in parts]

    def _show_number(self, number: NumberReading) -> None:
        """Several digits: the number, and under it each digit with its confidence."""
        self._probabilities = None
        self._first_answer = None  # a number is not one digit to teach
        self.answer.show_number(number)
        self.probability_bars.set_probabilities(None)

    def _enable_controls(self) -> None:
        drawn = not self.canvas.is_blank()
        self.undo_button.setEnabled(drawn)
        self.clear_button.setEnabled(drawn)
        for button in self.teach_buttons:
            button.setEnabled(drawn and self._store is not None and self._has_strokes_to_keep())

    def _has_strokes_to_keep(self) -> bool:
        """A drawing, or a picture in which ink was found (a blank one has no centre lines)."""
        return self.canvas.picture() is None or self._picture_ink is not None

    def _show_blank(self) -> None:
        self._probabilities = None
        self._first_answer = None
        self.answer.show_blank(self._model is not None, self.canvas.picture() is not None)
        self.probability_bars.set_probabilities(None)

    def _show(self, reading: Reading) -> None:
        self._probabilities = np.array(reading.probabilities, dtype=float)
        self._first_answer = reading.digit
        self.answer.show_reading(reading)
        self.probability_bars.set_probabilities(self._probabilities)

    # --- teaching --------------------------------------------------------------------------

    def _set_teach_tips(self) -> None:
        """What the "It's a:" buttons keep: this drawing, or, while it reads as a number,
        the whole drawing as one digit (what a single digit wrongly parted needs)."""
        tip = self.tr("It's a {digit}: keep this drawing as a {digit} (key {digit})")
        if self._count > 1:  # a number
            tip = self.tr("Keep the whole drawing as one {digit}, not as a number (key {digit})")
        for digit, button in enumerate(self.teach_buttons):
            button.setToolTip(tip.format(digit=digit))

    def teach(self, label: int) -> bool:
        """Keep the drawing as a `label` with the app's first answer; clear for the next one."""
        if self._store is None or self.canvas.is_blank() or not self._has_strokes_to_keep():
            return False
        if self._reread_timer.isActive() or self._prediction_timer.isActive():
            self.update_prediction()
        first_answer, picture = self._first_answer, self.canvas.picture() is not None
        kept_as = self.tr("Kept as a {digit} — {count}")
        if self._count > 1:  # a number
            kept_as = self.tr("Kept the whole drawing as one {digit} — {count}")
        strokes = self._picture_ink.strokes() if picture else self.canvas.strokes()
        try:
            self._store.add(strokes, label, first_answer)
            kept = len(self._store)
        except Exception as error:  # SampleError, a locked or full disk: say so, keep drawing
            self._confirm(
                self.tr("Could not keep this drawing: {error}").format(error=error), WARNING
            )
            return False
        self.canvas.clear()
        count = self.tr("{count} of your drawings").format(count=format_number(kept))
        count = self.tr("your first drawing") if kept == 1 else count
        self._confirm(kept_as.format(digit=label, count=count), MUTED)
        self.drawing_taught.emit(label, kept)
        return True

    def _confirm(self, text: str, colour: QColor) -> None:
        self.teach_status_label.setStyleSheet(f"color: {colour.name()};")
        self.teach_status_label.setText(text)
        self._confirmation_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The keys 0-9 on the canvas work like the "It's a:" buttons."""
        if watched is self.canvas and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            text = key_event.text()
            if (
                len(text) == 1
                and text.isdigit()
                and not key_event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier)
            ):
                self.teach(int(text))
                return True
        return super().eventFilter(watched, event)

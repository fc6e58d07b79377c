"""The "My digits" tab: the drawings you taught bpdraw, and "Learn my handwriting".

Counts per digit, a thumbnail of every drawing (click one to see it large, delete it, undo the
delete), how often the app's first answer was right, Export… / Import… as a strokes file (in
my_digits_files.py), and a button that teaches the model in use your drawings off the GUI
thread.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, QThread, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bpdraw.app import theme
from bpdraw.app.i18n import format_number, format_percent
from bpdraw.app.my_digits_files import MyDigitsFilesMixin
from bpdraw.app.my_digits_texts import describe, report_text
from bpdraw.app.strokes_view import THUMBNAIL_PIXELS, StrokesView, strokes_pixmap
from bpdraw.app.teach_worker import TeachWorker
from bpdraw.app.warmup import ImportWarmer
from bpdraw.app.worker import worker_thread
from bpdraw.model import Model
from bpdraw.personal import Sample, SampleStore
from bpdraw.personal.adapt import MIN_CLASSES, MIN_DRAWINGS

NOTHING_TO_LEARN = QT_TRANSLATE_NOOP(
    "MyDigitsTab",
    "Teach at least {drawings} drawings of {digits} different digits first: draw on "
    "the Draw tab and press the digit under “It's a:”.",
)


def _muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.MUTED};")
    return label


class MyDigitsTab(MyDigitsFilesMixin, QWidget):
    """Your drawings and teaching the model in use from them.

    Signals:
        model_learned(Model): "Learn my handwriting" finished; the taught model.
    """

    model_learned = Signal(object)

    def __init__(
        self, store: SampleStore, model: Model | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("myDigitsTab")
        self.store = store
        self._model = model
        self._thumbnails: dict[int, QIcon] = {}
        self._deleted: Sample | None = None
        self.teach_worker: TeachWorker | None = None
        self.teach_thread: QThread | None = None
        # what a teach imports and loads (scikit-learn, load_digits) is imported while the
        # tab is looked at, not by the teach: a first import holds the GIL ~50 ms at a time
        self.import_warmer = ImportWarmer(self)

        self.notice_label = QLabel("")
        self.notice_label.setObjectName("myDigitsNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(f"color: {theme.WARNING};")
        self.notice_label.hide()
        self.counts_label = QLabel("")
        self.counts_label.setObjectName("countsLabel")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.accuracy_label = _muted()
        self.accuracy_label.setObjectName("firstAnswerLabel")
        self.drawings_list = QListWidget()
        self.drawings_list.setObjectName("myDigitsList")
        self.drawings_list.setViewMode(QListView.ViewMode.IconMode)
        self.drawings_list.setIconSize(QSize(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
        self.drawings_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.drawings_list.setMovement(QListView.Movement.Static)
        self.drawings_list.setSpacing(4)
        self.drawings_list.currentItemChanged.connect(self.on_current_item_changed)

        self.selected_view = StrokesView()
        self.selected_label = _muted()
        self.selected_label.setObjectName("selectedLabel")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setShortcut(Qt.Key.Key_Delete)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_delete_button = QPushButton()
        self.undo_delete_button.setObjectName("undoDeleteButton")
        self.undo_delete_button.clicked.connect(self.undo_delete)
        self.undo_delete_button.setEnabled(False)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.on_export)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.on_import)
        self.adapt_button = QPushButton()
        self.adapt_button.setObjectName("adaptButton")
        self.adapt_button.clicked.connect(self.start_adapting)
        self.adapt_reason_label = _muted()
        self.adapt_reason_label.setObjectName("adaptReasonLabel")
        self.adapt_progress = QProgressBar()
        self.adapt_progress.setObjectName("adaptProgress")
        self.adapt_progress.setRange(0, 100)
        self.adapt_cancel_button = QPushButton()
        self.adapt_cancel_button.setObjectName("adaptCancelButton")
        self.adapt_cancel_button.clicked.connect(self.cancel_adapting)
        self.adapt_result_label = QLabel("")
        self.adapt_result_label.setObjectName("adaptResultLabel")
        self.adapt_result_label.setWordWrap(True)
        self.adapt_result_label.setTextFormat(Qt.TextFormat.RichText)
        self.heading_label = QLabel()
        self._build_layout()
        self._set_adapting(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the language now installed (the drawings stay as they are)."""
        self.heading_label.setText(self.tr("<b>Your drawings</b> (kept on this computer)"))
        self.delete_button.setText(self.tr("Delete"))
        self.undo_delete_button.setText(self.tr("Undo delete"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Save your drawings as a strokes file (bpdraw teach reads it)")
        )
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add the drawings of a strokes file"))
        self.adapt_button.setText(self.tr("Learn my handwriting"))
        self.adapt_cancel_button.setText(self.tr("Cancel"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.notice_label)
        left.addWidget(self.heading_label)
        left.addWidget(self.counts_label)
        left.addWidget(self.accuracy_label)
        left.addWidget(self.drawings_list, 1)

        delete_row = QHBoxLayout()
        delete_row.addWidget(self.delete_button)
        delete_row.addWidget(self.undo_delete_button)
        files_row = QHBoxLayout()
        files_row.addWidget(self.export_button)
        files_row.addWidget(self.import_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.adapt_progress, 1)
        progress_row.addWidget(self.adapt_cancel_button)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)

        right = QVBoxLayout()
        right.addWidget(self.selected_view, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.selected_label)
        right.addLayout(delete_row)
        right.addLayout(files_row)
        right.addWidget(line)
        right.addWidget(self.adapt_button)
        right.addWidget(self.adapt_reason_label)
        right.addLayout(progress_row)
        right.addWidget(self.adapt_result_label)
        right.addStretch(1)
        panel = QWidget()
        panel.setLayout(right)
        panel.setFixedWidth(300)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(left, 1)
        layout.addWidget(panel)

    # --- the model and the store ---------------------------------------------------------

    def set_model(self, model: Model) -> None:
        """The model "Learn my handwriting" starts from."""
        self._model = model

    def show_notice(self, text: str) -> None:
        """A message that stays at the top of the tab (e.g. a damaged store moved aside)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def mark_changed(self) -> None:
        """The store changed elsewhere (a drawing taught): refresh now or when shown."""
        self._refresh_summary()
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        """Read the store whenever the tab is shown: another window may have changed it."""
        self.refresh()
        self.import_warmer.start()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the store again: counts, first-answer accuracy, thumbnails."""
        self._refresh_summary()
        samples = self.store.samples()
        current = self.selected_id()
        self.drawings_list.clear()
        for sample in samples:
            icon = self._thumbnails.get(sample.id)
            if icon is None:
                icon = self._thumbnails[sample.id] = QIcon(strokes_pixmap(sample.strokes))
            item = QListWidgetItem(icon, str(sample.label))
            item.setData(Qt.ItemDataRole.UserRole, sample.id)
            item.setToolTip(describe(sample))
            self.drawings_list.addItem(item)
            if sample.id == current:
                self.drawings_list.setCurrentItem(item)
        if self.drawings_list.currentItem() is None:
            self.on_current_item_changed(None, None)

    def _refresh_summary(self) -> None:
        counts = self.store.counts()
        cells = "".join(
            f"<td align='center' style='padding: 0 6px'><b>{digit}</b><br>{count}</td>"
            for digit, count in enumerate(counts)
        )
        self.counts_label.setText(f"<table><tr>{cells}</tr></table>")
        accuracy = self.store.first_answer_accuracy()
        right = self.tr("The app's first answer was right on {percent} of your drawings.")
        self.accuracy_label.setText(
            self.tr("The app's first answer on your drawings: not known yet.")
            if accuracy is None
            else right.format(percent=format_percent(accuracy))
        )
        learnable = sum(counts) >= MIN_DRAWINGS and sum(c > 0 for c in counts) >= MIN_CLASSES
        nothing = self.tr(NOTHING_TO_LEARN).format(drawings=MIN_DRAWINGS, digits=MIN_CLASSES)
        self.adapt_button.setToolTip("" if learnable else nothing)
        if not self.is_adapting():
            self.adapt_button.setEnabled(learnable)
            self.adapt_reason_label.setText(
                self.tr(
                    "Teaches the model in use your drawings (a few seconds). A quarter of each "
                    "digit's drawings is kept aside to measure it honestly."
                )
                if learnable
                else nothing
            )

    # --- one drawing ------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        item = self.drawings_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def on_current_item_changed(self, current, _previous) -> None:
        if current is None:
            self.selected_view.set_strokes([])
            self.selected_label.setText(self.tr("Click a drawing to see it here."))
            self.delete_button.setEnabled(False)
            return
        try:
            sample = self.store.get(int(current.data(Qt.ItemDataRole.UserRole)))
        except KeyError:
            self.refresh()
            return
        self.selected_view.set_strokes(sample.strokes)
        self.selected_label.setText(describe(sample))
        self.delete_button.setEnabled(True)

    def delete_selected(self) -> bool:
        """Delete the selected drawing; Undo delete brings it back."""
        sample_id = self.selected_id()
        if sample_id is None:
            return False
        try:
            self._deleted = self.store.get(sample_id)
        except KeyError:
            self._deleted = None
        self.store.delete(sample_id)
        self._thumbnails.pop(sample_id, None)
        self.undo_delete_button.setEnabled(self._deleted is not None)
        self.refresh()
        return True

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        sample = self._deleted
        self._deleted = None
        self.store.add(sample.strokes, sample.label, sample.predicted)
        self.undo_delete_button.setEnabled(False)
        self.refresh()

    # --- learn my handwriting --------------------------------------------------------------

    def is_adapting(self) -> bool:
        return self.teach_thread is not None

    def start_adapting(self) -> bool:
        """Teach the model in use every stored drawing, off the GUI thread."""
        if self.is_adapting() or self._model is None:
            return False
        samples = self.store.samples()
        self.teach_worker = TeachWorker(
            self._model, [s.strokes for s in samples], [s.label for s in samples]
        )
        self.teach_thread = worker_thread(self.teach_worker, "teachThread")
        self.teach_worker.progressed.connect(self.on_adapt_progressed)
        self.teach_worker.finished.connect(self.on_adapt_finished)
        self.teach_worker.failed.connect(self.on_adapt_failed)
        self.teach_worker.cancelled.connect(self.on_adapt_cancelled)
        self._set_adapting(True)
        self.adapt_progress.setValue(0)
        learning = self.tr("Learning from your {count} drawings…")
        self.adapt_result_label.setText(learning.format(count=format_number(len(samples))))
        self.teach_thread.start()
        return True

    def cancel_adapting(self) -> None:
        if self.teach_worker is not None:
            self.teach_worker.cancel()
            self.adapt_cancel_button.setEnabled(False)

    def shutdown(self) -> None:
        """Stop a teaching in progress and wait for its thread (the window is closing)."""
        if self.teach_worker is not None and self.teach_thread is not None:
            self.teach_worker.cancel()
            self.teach_thread.quit()
            self.teach_thread.wait()
        self._end_adapting()

    def on_adapt_progressed(self, fraction: float) -> None:
        self.adapt_progress.setValue(round(100 * fraction))

    def on_adapt_finished(self, report) -> None:
        self._end_adapting()
        self.adapt_progress.setValue(100)
        self.adapt_result_label.setText(report_text(report))
        self.model_learned.emit(report.model)

    def on_adapt_failed(self, message: str) -> None:
        self._end_adapting()
        self.adapt_result_label.setText(f"<span style='color:{theme.WARNING}'>{message}</span>")

    def on_adapt_cancelled(self) -> None:
        self._end_adapting()
        self.adapt_progress.setValue(0)
        self.adapt_result_label.setText(self.tr("Cancelled; the model in use did not change."))

    def _end_adapting(self) -> None:
        if self.teach_thread is not None:
            self.teach_thread.wait()
        self.teach_worker = self.teach_thread = None
        self._set_adapting(False)

    def _set_adapting(self, adapting: bool) -> None:
        self.adapt_progress.setVisible(adapting)
        self.adapt_cancel_button.setVisible(adapting)
        self.adapt_cancel_button.setEnabled(adapting)
        self.import_button.setEnabled(not adapting)
        if adapting:
            self.adapt_button.setEnabled(False)
        else:
            self._refresh_summary()

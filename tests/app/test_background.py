"""Background work hands its result to the GUI thread, and never keeps a widget alive."""

from __future__ import annotations

import gc
import threading
import weakref

import numpy as np
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from bpdraw.app import worker
from bpdraw.app.background import in_background
from bpdraw.app.results_panel import ResultsPanel
from bpdraw.evaluate import evaluate_on_test


class Receiver(QWidget):
    """Writes what it is handed, and on which thread, into a list it does not own."""

    def __init__(self, heard: list) -> None:
        super().__init__()
        self.heard = heard

    def take(self, result) -> None:
        self.heard.append((result, QThread.currentThread() is self.thread()))


def test_the_result_reaches_the_method_on_the_gui_thread(qtbot):
    heard: list = []
    receiver = Receiver(heard)
    in_background(lambda: 6 * 7, receiver.take, name="test-answer")
    qtbot.waitUntil(lambda: len(heard) > 0, timeout=5000)
    assert heard == [(42, True)]


def test_the_thread_keeps_no_widget_alive_and_a_gone_one_hears_nothing(qtbot):
    heard: list = []
    receiver = Receiver(heard)
    gate = threading.Event()
    thread = in_background(lambda: gate.wait(10), receiver.take, name="test-gone")
    alive = weakref.ref(receiver)
    del receiver
    gc.collect()
    assert alive() is None  # dropped on the GUI thread, not by the worker when it ends
    gate.set()
    thread.join(10)
    qtbot.wait(100)
    assert heard == []


def test_a_deleted_widget_hears_nothing(qtbot):
    heard: list = []
    receiver = Receiver(heard)
    gate = threading.Event()
    thread = in_background(lambda: gate.wait(10), receiver.take, name="test-deleted")
    shiboken6.delete(receiver)  # the C++ widget goes; the Python name stays
    gate.set()
    thread.join(10)
    qtbot.wait(100)
    assert heard == []


def test_failed_work_hands_nothing(qtbot):
    heard: list = []
    receiver = Receiver(heard)
    thread = in_background(lambda: 1 / 0, receiver.take, name="test-failed")
    thread.join(10)
    qtbot.wait(100)
    assert heard == []


def test_a_scorer_dropped_while_scoring_is_not_kept_alive(qtbot, monkeypatch, default_model):
    gate = threading.Event()
    monkeypatch.setattr(worker, "score_model", lambda model, size: gate.wait(10))
    scorer = worker.ModelScorer()
    scorer.score(default_model)
    thread = scorer._thread
    alive = weakref.ref(scorer)
    del scorer
    gc.collect()
    assert alive() is None
    gate.set()
    thread.join(10)
    qtbot.wait(50)


def test_the_confusion_picture_is_drawn_again_at_a_new_size(qtbot, shown, default_model):
    panel = shown(ResultsPanel(), 500, 500)
    evaluation, _ = evaluate_on_test(default_model)
    panel.show_evaluation(evaluation, default_model)
    before = panel.confusion_picture.pixmap().size()
    panel.resize(900, 900)
    qtbot.waitUntil(lambda: panel.confusion_picture.pixmap().size() != before, timeout=20_000)
    width, height, ratio, _font = panel.confusion_size()
    after = panel.confusion_picture.pixmap()
    assert (after.width(), after.height()) == (round(width * ratio), round(height * ratio))
    assert np.ptp(np.frombuffer(after.toImage().constBits(), np.uint8)) > 0  # not blank

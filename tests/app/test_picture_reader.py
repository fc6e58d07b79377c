"""Pictures in the app: File → Read a picture…, a dropped file, a pasted picture."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontMetrics, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from bpdraw.app import MainWindow
from bpdraw.app.picture_reader import _image_of, _pixels_of
from bpdraw.model import load_default
from bpdraw.numbers import read_number

# Thick dark lines on light grey paper, as a photo or scan of a written digit.
SHAPES = {
    7: [[(40, 40), (160, 40), (90, 220)]],
    4: [[(120, 30), (40, 150), (170, 150)], [(130, 90), (130, 230)]],
}


def written(path, digit: int | None) -> str:
    picture = Image.new("L", (200, 260), 230)
    for line in SHAPES.get(digit, []):
        ImageDraw.Draw(picture).line(line, fill=25, width=9, joint="curve")
    picture.save(path)
    return str(path)


@pytest.fixture
def window(shown, settings):
    return shown(MainWindow(settings=settings))


def read_and_wait(qtbot, window, path: str) -> None:
    with qtbot.waitSignal(window.picture_reader.shown, timeout=10_000):
        window.picture_reader.read_file(path)


def test_file_read_a_picture_shows_it_on_the_draw_tab_and_reads_it(
    qtbot, window, tmp_path, monkeypatch
):
    path = written(tmp_path / "seven.png", 7)
    asked = []

    def choose(parent, title, folder, filters):
        asked.append(filters)
        return path, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    window.tabs.setCurrentWidget(window.train_tab)
    with qtbot.waitSignal(window.picture_reader.shown, timeout=10_000) as shown:
        window.read_picture_action.trigger()
    assert shown.args == ["seven.png"]
    assert "*.png" in asked[0] and "*.jpg" in asked[0]
    tab = window.draw_tab
    assert window.tabs.currentWidget() is tab
    assert tab.canvas.picture() is not None and tab.canvas.strokes() == []
    assert tab.prediction_label.text() == "7"
    assert tab.probabilities().argmax() == 7
    assert "seven.png" in window.statusBar().currentMessage()
    assert tab.clear_button.isEnabled() and tab.teach_buttons[7].isEnabled()
    assert window.settings.value("files/last_directory") == str(tmp_path)


def test_the_picture_is_painted_on_the_canvas(qtbot, window, tmp_path):
    blank = window.draw_tab.canvas.grab().toImage()
    read_and_wait(qtbot, window, written(tmp_path / "four.png", 4))
    painted = window.draw_tab.canvas.grab().toImage()
    centre = QPoint(painted.width() // 2, painted.height() // 2)
    # the grey paper of the picture now fills the sheet's middle, which was white
    assert blank.pixelColor(centre).lightness() > 245
    assert 200 < painted.pixelColor(centre).lightness() < 240


def drop_on(window, path: str) -> bool:
    """Drag one file over the window and drop it, as a file manager does; -> accepted."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(path)])
    where = QPointF(window.draw_tab.canvas.mapTo(window, QPoint(50, 50)))
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(where, Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted() and drop.isAccepted()


def test_a_dropped_picture_is_read(qtbot, window, tmp_path):
    path = written(tmp_path / "four.png", 4)
    with qtbot.waitSignal(window.picture_reader.shown, timeout=10_000):
        assert drop_on(window, path)
    assert window.draw_tab.prediction_label.text() == "4"


def test_a_picture_dragged_from_a_browser_is_read(qtbot, window, tmp_path):
    data = QMimeData()
    data.setImageData(QImage(written(tmp_path / "four.png", 4)))
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 80), Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 80), Qt.DropAction.CopyAction, data, buttons, keys)
    with qtbot.waitSignal(window.picture_reader.shown, timeout=10_000) as shown:
        QApplication.sendEvent(window, drop)
    assert shown.args == ["the dropped picture"]
    assert window.draw_tab.prediction_label.text() == "4"


def test_a_drag_of_several_files_or_text_is_refused(window, tmp_path):
    several = QMimeData()
    several.setUrls([QUrl.fromLocalFile(str(tmp_path / n)) for n in ("a.png", "b.png")])
    text = QMimeData()
    text.setText("seven")
    for data in (several, text):
        enter = QDragEnterEvent(
            QPoint(20, 60), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        enter.ignore()
        QApplication.sendEvent(window, enter)
        assert not enter.isAccepted()


def test_a_dropped_model_file_is_opened(window, tmp_path):
    path = tmp_path / "model.npz"
    load_default().save(path)
    before = window.model
    assert drop_on(window, str(path))
    assert window.model is not before and window.previous_model is before


def test_a_file_that_is_not_a_picture_says_why_and_changes_nothing(
    qtbot, window, tmp_path, drag, vertical_line, monkeypatch
):
    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text))
    )
    drag(window.draw_tab.canvas, vertical_line(window.draw_tab.canvas))
    strokes = window.draw_tab.canvas.strokes()
    notes = tmp_path / "notes.png"
    notes.write_text("shopping list")
    with qtbot.waitSignal(window.picture_reader.failed, timeout=10_000) as failed:
        window.picture_reader.read_file(str(notes))
    assert failed.args[0].startswith("notes.png: cannot read this image: it is not a picture")
    assert warnings == failed.args
    assert window.draw_tab.canvas.strokes() == strokes
    assert window.draw_tab.canvas.picture() is None
    missing = str(tmp_path / "gone.jpg")
    with qtbot.waitSignal(window.picture_reader.failed, timeout=10_000) as failed:
        window.picture_reader.read_file(missing)
    assert failed.args[0] == "gone.jpg: cannot read this image: no such file"


def test_a_blank_picture_is_shown_with_no_digit_found(qtbot, window, tmp_path):
    read_and_wait(qtbot, window, written(tmp_path / "paper.png", None))
    tab = window.draw_tab
    assert tab.canvas.picture() is not None
    assert tab.prediction_label.text() == ""
    assert tab.prediction_status_label.text() == "No digit found in this picture"
    assert tab.probabilities() is None
    # nothing to keep: the "It's a:" buttons are off, and the digit keys do nothing
    assert not any(button.isEnabled() for button in tab.teach_buttons)
    qtbot.keyClick(tab.canvas, Qt.Key.Key_7)
    assert window.store.samples() == [] and tab.canvas.picture() is not None
    assert not tab.teach(7)


def test_drawing_on_a_picture_puts_it_away(qtbot, window, tmp_path, drag, vertical_line):
    read_and_wait(qtbot, window, written(tmp_path / "seven.png", 7))
    canvas = window.draw_tab.canvas
    drag(canvas, vertical_line(canvas))
    assert canvas.picture() is None and len(canvas.strokes()) == 1
    assert window.draw_tab.prediction_label.text() == "1"


def test_undo_and_clear_put_the_picture_away(qtbot, window, tmp_path):
    canvas = window.draw_tab.canvas
    for put_away in (canvas.undo, canvas.clear):
        read_and_wait(qtbot, window, written(tmp_path / "seven.png", 7))
        put_away()
        qtbot.waitUntil(lambda: window.draw_tab.prediction_label.text() == "")
        assert canvas.picture() is None and canvas.is_blank()
        assert not window.draw_tab.clear_button.isEnabled()


def test_a_picture_read_while_the_user_draws_is_dropped(
    qtbot, window, tmp_path, drag, vertical_line
):
    shown = []
    window.picture_reader.shown.connect(shown.append)
    window.picture_reader.read_file(written(tmp_path / "seven.png", 7))
    canvas = window.draw_tab.canvas
    drag(canvas, vertical_line(canvas))
    qtbot.waitUntil(
        lambda: not any(t.name == "bpdraw-picture" for t in threading.enumerate()), timeout=10_000
    )
    qtbot.wait(50)  # the finished read's result reaches the GUI thread
    assert shown == [] and canvas.picture() is None
    assert window.draw_tab.prediction_label.text() == "1"


def test_only_the_latest_of_two_pictures_is_shown(qtbot, window, tmp_path):
    shown = []
    window.picture_reader.shown.connect(shown.append)
    window.picture_reader.read_file(written(tmp_path / "seven.png", 7))
    with qtbot.waitSignal(window.picture_reader.shown, timeout=10_000):
        window.picture_reader.read_file(written(tmp_path / "four.png", 4))
    qtbot.waitUntil(
        lambda: not any(t.name == "bpdraw-picture" for t in threading.enumerate()), timeout=10_000
    )
    qtbot.wait(50)
    assert shown == ["four.png"]
    assert window.draw_tab.prediction_label.text() == "4"


def test_its_a_keeps_the_pictures_centre_lines(qtbot, window, tmp_path):
    read_and_wait(qtbot, window, written(tmp_path / "seven.png", 7))
    qtbot.mouseClick(window.draw_tab.teach_buttons[7], Qt.MouseButton.LeftButton)
    [sample] = window.store.samples()
    assert sample.label == 7 and sample.predicted == 7
    points = np.concatenate(sample.strokes)
    # the centre lines keep the written 7's shape (120 px wide, 180 tall) and read as a 7
    assert 1.2 < np.ptp(points[:, 1]) / np.ptp(points[:, 0]) < 1.8
    assert read_number(window.model, sample.strokes).digits == (7,)
    assert window.draw_tab.canvas.is_blank()


def test_a_pasted_picture_is_read(qtbot, window, tmp_path):
    image = QImage(written(tmp_path / "four.png", 4))
    QGuiApplication.clipboard().setImage(image)
    window.draw_tab.canvas.setFocus()
    qtbot.waitUntil(window.draw_tab.canvas.hasFocus)
    with qtbot.waitSignal(window.picture_reader.shown, timeout=10_000) as shown:
        qtbot.keyClick(window.draw_tab.canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == ["the pasted picture"]
    assert window.draw_tab.prediction_label.text() == "4"


def test_pasting_with_no_picture_says_so(qtbot, window, monkeypatch):
    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text))
    )
    QGuiApplication.clipboard().setText("seven")
    window.paste_action.trigger()
    assert warnings == ["The clipboard holds no picture: copy one, then paste"]
    assert window.draw_tab.canvas.is_blank()


def test_ctrl_v_in_a_text_field_pastes_text_not_a_picture(qtbot, window, monkeypatch):
    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text))
    )
    window.tabs.setCurrentWidget(window.train_tab)
    rate = window.train_tab.findChild(QLineEdit, "learningRateEdit")
    rate.setFocus()
    qtbot.waitUntil(rate.hasFocus)
    rate.selectAll()
    QGuiApplication.clipboard().setText("0.25")
    qtbot.keyClick(rate, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert rate.text() == "0.25"
    assert warnings == [] and window.tabs.currentWidget() is window.train_tab


def test_another_model_reads_the_picture_shown(qtbot, window, tmp_path):
    read_and_wait(qtbot, window, written(tmp_path / "seven.png", 7))
    before = window.draw_tab.probabilities()
    other = load_default()
    other.network.weights[-1][:, 7] -= 50.0  # a model that can no longer say 7
    window.set_model(other)
    assert window.draw_tab.canvas.picture() is not None
    assert window.draw_tab.probabilities().argmax() != 7
    assert before.argmax() == 7


@pytest.mark.parametrize(
    "pixels",
    [
        np.arange(12, dtype=np.uint8).reshape(3, 4),
        (np.arange(12, dtype=np.uint16) * 5000).reshape(3, 4),
        np.arange(36, dtype=np.uint8).reshape(3, 4, 3),
        np.arange(48, dtype=np.uint8).reshape(3, 4, 4),
    ],
)
def test_pixels_and_images_round_trip(pixels):
    image = _image_of(pixels)
    assert (image.width(), image.height()) == (4, 3)
    back = _pixels_of(image)
    expected = pixels >> 8 if pixels.dtype == np.uint16 else pixels
    grey = expected if expected.ndim == 2 else expected[..., 0]
    assert np.array_equal(back[..., 0], grey)
    alpha = expected[..., 3] if expected.ndim == 3 and expected.shape[2] == 4 else 255
    assert np.all(back[..., 3] == alpha)


def test_a_closed_window_that_read_a_picture_is_freed_when_dropped(
    qtbot, settings, tmp_path, freed_when_dropped
):
    def window_that_read_a_picture():
        window = MainWindow(settings=settings)
        read_and_wait(qtbot, window, written(tmp_path / "seven.png", 7))
        return window

    assert freed_when_dropped(window_that_read_a_picture)


def test_the_centre_lines_read_are_traced_over_the_picture_a_colour_per_digit(
    qtbot, window, tmp_path
):
    """A picture of "47": what was read is drawn over it, the 4's centre lines in the first
    colour, the 7's in the second, each on the picture's own ink."""
    from bpdraw.app.canvas import MARKS

    picture = Image.new("L", (440, 260), 230)
    for digit, shift in ((4, 0), (7, 230)):
        for line in SHAPES[digit]:
            moved = [(x + shift, y) for x, y in line]
            ImageDraw.Draw(picture).line(moved, fill=25, width=9, joint="curve")
    picture.save(tmp_path / "47.png")
    read_and_wait(qtbot, window, str(tmp_path / "47.png"))
    canvas = window.draw_tab.canvas
    assert window.draw_tab.prediction_label.text() == "47"
    four, seven = (np.concatenate([np.asarray(line) for line in part]) for part in canvas.marks())
    # the 4's stem (x = 130 in the picture) and the 7's bar (y = 40, from x = 270 to 390)
    stem = canvas.on_picture(np.array([[130.0, y] for y in range(100, 220, 10)]))
    bar = canvas.on_picture(np.array([[x, 40.0] for x in range(290, 380, 10)]))
    side = canvas.sheet_rect().width()
    for traced, ink in ((four, stem), (seven, bar)):
        nearest = np.linalg.norm(ink[:, None] - traced[None], axis=2).min(axis=1)
        assert (nearest * side < 4).all()  # within 4 screen pixels of the ink's middle
    grab = canvas.grab().toImage()
    sheet = canvas.sheet_rect()
    for traced, colour in ((four, MARKS[0]), (seven, MARKS[1])):
        x, y = traced[len(traced) // 2] * side + (sheet.left(), sheet.top())
        assert grab.pixelColor(round(x), round(y)) == colour


def test_a_single_digit_picture_shows_its_centre_lines_read(qtbot, window, tmp_path):
    read_and_wait(qtbot, window, written(tmp_path / "seven.png", 7))
    (traced,) = window.draw_tab.canvas.marks()
    assert len(traced) > 10
    window.draw_tab.canvas.clear()
    qtbot.waitUntil(lambda: window.draw_tab.prediction_label.text() == "")
    assert window.draw_tab.canvas.marks() == []


def test_a_long_number_fits_the_answer_its_digits_smaller_and_their_line_wrapped(
    qtbot, window, tmp_path
):
    picture = Image.new("L", (9 * 180 + 40, 260), 230)
    for k in range(9):  # 747474747, each digit well apart from the next
        for line in SHAPES[7 if k % 2 == 0 else 4]:
            shifted = [(x + 20 + 180 * k, y) for x, y in line]
            ImageDraw.Draw(picture).line(shifted, fill=25, width=9, joint="curve")
    picture.save(tmp_path / "long.png")
    window.resize(1000, 700)
    read_and_wait(qtbot, window, str(tmp_path / "long.png"))
    answer = window.draw_tab.answer
    assert answer.digit_label.text() == "747474747"
    digits = answer.digit_label
    assert QFontMetrics(digits.font()).horizontalAdvance(digits.text()) <= digits.width()
    status = answer.status_label
    wide = QFontMetrics(status.font()).horizontalAdvance(status.text())
    assert wide > status.width()  # one line would be cut off at both ends: it wraps
    qtbot.waitUntil(lambda: status.height() >= status.heightForWidth(status.width()))
    assert all(part.count("\u00a0") >= 1 for part in status.text().split(" · "))
    window.resize(1400, 700)  # room again: the digits grow back
    qtbot.waitUntil(lambda: digits.font().pixelSize() > 60)

"""The confusion-matrix window: cells list exactly their test digits, clicks select cells."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from sklearn.metrics import confusion_matrix

from bpdraw.app.confusion import ConfusionWindow, confidence_text
from bpdraw.app.digit_view import THUMBNAIL_PIXELS, digit_pixmap
from bpdraw.data import load_split
from bpdraw.training import ClassicConfig, Finished, train


@pytest.fixture(scope="module")
def model():
    """A briefly trained model: right on most digits, wrong on enough to fill some cells."""
    *_, finished = train(ClassicConfig(steps=1500))
    assert isinstance(finished, Finished)
    return finished.model


@pytest.fixture(scope="module")
def reference(model):
    """What the window should show, computed here independently: labels and predictions."""
    split = load_split(0)
    return split.y_test, model.predict(split.images_test)


def show(qtbot, window: ConfusionWindow) -> None:
    """Show the window and wait for its heat map (matplotlib may load in the background)."""
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.heatmap_canvas is not None, timeout=30_000)


@pytest.fixture
def window(qtbot, model):
    confusion_window = ConfusionWindow()
    qtbot.addWidget(confusion_window)
    confusion_window.set_model(model)
    return confusion_window


def busiest_mistake(labels, predictions) -> tuple[int, int]:
    counts = confusion_matrix(labels, predictions, labels=range(10))
    np.fill_diagonal(counts, 0)
    true_digit, predicted = np.unravel_index(counts.argmax(), counts.shape)
    assert counts[true_digit, predicted] > 0, "the model should get some test digits wrong"
    return int(true_digit), int(predicted)


def test_every_cell_lists_exactly_its_test_digits(window, reference):
    labels, predictions = reference
    counts = confusion_matrix(labels, predictions, labels=range(10))
    listed = []
    for true_digit in range(10):
        for predicted in range(10):
            cell = window.cell_digits(true_digit, predicted)
            expected = np.flatnonzero((labels == true_digit) & (predictions == predicted))
            assert cell == expected.tolist()
            assert len(cell) == counts[true_digit, predicted]
            listed += cell
    assert sorted(listed) == list(range(450))  # each test digit is in exactly one cell


def test_clicking_a_cell_lists_exactly_that_cells_digits(qtbot, window, reference):
    from bpdraw.app.confusion_plot import cell_center_in_widget

    show(qtbot, window)
    canvas = window.heatmap_canvas
    true_digit, predicted = busiest_mistake(*reference)
    window.select_cell(0, 0)  # start somewhere else

    centre = cell_center_in_widget(canvas, window.heatmap_axes, true_digit, predicted)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre.toPoint())

    labels, predictions = reference
    expected = np.flatnonzero((labels == true_digit) & (predictions == predicted)).tolist()
    assert window.selected_cell() == (true_digit, predicted)
    assert window.listed_digits() == expected
    assert window.cell_label.text().startswith(f"True {true_digit}, read as {predicted}")


def test_thumbnails_show_true_label_prediction_and_confidence(window, model, reference):
    labels, predictions = reference
    true_digit, predicted = busiest_mistake(labels, predictions)
    window.select_cell(true_digit, predicted)

    first = window.listed_digits()[0]
    item = window.digit_list.item(0)
    confidence = model.predict_proba(load_split(0).images_test[first]).max()
    assert item.text() == f"true {true_digit} → {predicted}\n{confidence_text(confidence)} sure"
    assert window.digit_list.iconSize().width() == THUMBNAIL_PIXELS


def test_title_says_which_model_and_its_accuracy(qtbot, window, model, reference):
    show(qtbot, window)
    labels, predictions = reference
    accuracy = np.mean(labels == predictions)
    assert window.title_label.text().startswith(f"{accuracy:.1%} read right")
    assert model.describe() in window.model_label.text()


def test_a_new_model_replaces_the_matrix(qtbot, window, model):
    show(qtbot, window)
    *_, finished = train(ClassicConfig(steps=5000))
    window.set_model(finished.model)

    split = load_split(0)
    expected = confusion_matrix(
        split.y_test, finished.model.predict(split.images_test), labels=range(10)
    )
    np.testing.assert_array_equal(window.evaluation().confusion, expected)


def test_confidence_near_certainty_is_not_rounded_to_100_percent():
    assert confidence_text(0.87) == "87%"
    assert confidence_text(0.996) == "99.6%"
    assert confidence_text(0.99996) == "99.9%"
    assert confidence_text(1.0) == "100%"


def test_thumbnails_keep_every_pixel_square_and_crisp():
    image = np.arange(64).reshape(8, 8) % 17
    picture = digit_pixmap(image).toImage()
    scale = THUMBNAIL_PIXELS // 8
    for row in range(1, 7):
        for column in range(1, 7):
            block = {
                picture.pixelColor(column * scale + dx, row * scale + dy).value()
                for dx in range(scale)
                for dy in range(scale)
            }
            assert len(block) == 1  # nearest neighbour: no blending between digit pixels
            assert block.pop() == round(255 - image[row, column] * 255 / 16)

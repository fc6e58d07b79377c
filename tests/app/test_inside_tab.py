"""The Inside tab: hidden view values, hovering a unit, the weights mosaic, stepping."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from bpdraw import inside
from bpdraw.app.backprop_view import BackpropView
from bpdraw.app.inside_tab import InsideTab
from bpdraw.app.weights_view import AttributionOverlay, WeightMosaic
from bpdraw.data import load_split
from bpdraw.model import Model
from bpdraw.network import Network
from bpdraw.training import ClassicConfig


def make_model(seed=0, hidden=30):
    return Model(Network.initialise((64, hidden, 10), np.random.default_rng(seed)))


@pytest.fixture(scope="module")
def digits():
    return load_split(0).images_test[:3]


@pytest.fixture
def tab(qtbot):
    tab = InsideTab(make_model())
    qtbot.addWidget(tab)
    tab.resize(1200, 900)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_hidden_view_shows_the_models_hidden_layer_for_each_drawing(tab, digits):
    for digit in digits:
        tab.set_digits(digit)
        expected = tab.model().network.forward(digit.reshape(1, 64) / 16.0)[1][0]
        view = tab.findChild(type(tab.hidden_view), "hiddenView")
        order = view.drawn_units()
        np.testing.assert_allclose(view.activations(), expected[order], atol=1e-6)
        np.testing.assert_array_equal(order, inside.unit_order(tab.model()))


def test_a_new_model_is_shown_at_once(tab, digits):
    tab.set_digits(digits[0])
    other = make_model(seed=5)
    tab.set_model(other)
    expected = inside.hidden_activations(other, digits[0])[inside.unit_order(other)]
    np.testing.assert_allclose(tab.hidden_view.activations(), expected, atol=1e-6)


def test_hovering_a_unit_shows_its_weights(tab, qtbot, digits):
    tab.set_digits(digits[1])
    view = tab.hidden_view
    for unit in view.drawn_units()[[0, -1]]:
        centre = view.unit_rect(int(unit)).center().toPoint()
        qtbot.mouseMove(view, centre)
        qtbot.waitUntil(lambda u=unit: tab.unit_detail.unit == u)
        network = tab.model().network
        shown = tab.unit_detail.incoming.values().reshape(64)
        np.testing.assert_array_equal(shown, network.weights[0][:, unit])
        np.testing.assert_array_equal(tab.unit_detail.outgoing.weights(), network.weights[1][unit])
        assert f"Hidden unit {unit}" in tab.unit_detail.title.text()


def test_clicking_a_unit_keeps_it_while_the_mouse_moves_on(tab, qtbot, digits):
    tab.set_digits(digits[1])
    view = tab.hidden_view
    first, second = (int(u) for u in view.drawn_units()[[0, -1]])
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.unit_rect(first).center().toPoint())
    qtbot.mouseMove(view, view.unit_rect(second).center().toPoint())
    assert tab.unit_detail.unit == first


def test_attribution_tile_shows_input_times_gradient_of_the_answer(tab, digits):
    tab.set_digits(digits[2])
    expected = inside.attribution(tab.model(), digits[2])
    np.testing.assert_array_equal(tab.why.values(), expected)


def test_weight_mosaic_changes_when_given_a_different_network(qtbot):
    mosaic = WeightMosaic()
    qtbot.addWidget(mosaic)
    first, second = make_model(1).network, make_model(2).network
    mosaic.set_network(first)
    before = mosaic.mosaic()
    mosaic.set_network(second)
    qtbot.waitUntil(lambda: mosaic.refreshes == 2)
    assert mosaic.objectName() == "weightMosaic"
    assert not np.array_equal(before, mosaic.mosaic())
    expected = inside.weight_mosaic(second, inside.unit_order(second))
    np.testing.assert_array_equal(mosaic.mosaic(), expected)


def test_weight_mosaic_coalesces_a_burst_of_snapshots(qtbot):
    mosaic = WeightMosaic()
    qtbot.addWidget(mosaic)
    networks = [make_model(seed).network for seed in range(20)]
    for network in networks:
        mosaic.set_network(network)
    assert mosaic.refreshes == 1  # the first at once, the rest wait for the timer
    qtbot.waitUntil(lambda: mosaic.refreshes == 2)
    expected = inside.weight_mosaic(networks[-1], inside.unit_order(networks[-1]))
    np.testing.assert_array_equal(mosaic.mosaic(), expected)


def test_attribution_overlay_covers_its_preview(qtbot):
    from PySide6.QtWidgets import QWidget

    preview = QWidget()
    qtbot.addWidget(preview)
    preview.resize(120, 120)
    overlay = AttributionOverlay(preview)
    pushes = np.linspace(-1, 1, 64).reshape(8, 8)
    overlay.set_attribution(pushes)
    assert overlay.geometry() == preview.rect()
    np.testing.assert_array_equal(overlay.attribution(), pushes)


def test_step_button_shows_one_step_and_one_curve_point(qtbot):
    view = BackpropView(ClassicConfig(hidden_units=6, steps=50, seed=1))
    qtbot.addWidget(view)
    view.show()
    for count in (1, 2):
        qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
        assert view.last_step().number == count
        assert len(view.curve.losses()) == count
    step = view.last_step()
    text = view.values_label.text()
    assert f"{step.loss:.4f}" in text and f"{step.hidden_delta[0]:+.5f}" in text
    assert view.curve.losses()[-1] == step.loss


def test_run_goes_on_in_slices_to_the_end(qtbot):
    view = BackpropView(ClassicConfig(hidden_units=6, steps=300, seed=1))
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert view.is_running()
    qtbot.waitUntil(lambda: view.stepper().steps_done == 300, timeout=20_000)
    assert not view.is_running() and not view.step_button.isEnabled()
    assert len(view.curve.losses()) == 300
    assert view.last_step().number == 300


def test_chosen_unit_is_the_one_whose_change_is_shown(qtbot):
    view = BackpropView(ClassicConfig(hidden_units=6, steps=50, seed=1))
    qtbot.addWidget(view)
    view.unit_box.setValue(4)
    qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    step = view.last_step()
    assert step.unit == 4
    np.testing.assert_array_equal(view.change_tile.values().reshape(64), step.incoming_change)


def test_unused_point_is_not_a_unit(tab):
    assert tab.hidden_view.unit_at(QPoint(2, 2).toPointF()) is None


def test_pausing_a_run_shows_the_exact_last_step_and_every_point(qtbot):
    view = BackpropView(ClassicConfig(hidden_units=6, steps=100_000, seed=1))
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.stepper().steps_done > 500, timeout=20_000)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert not view.is_running() and view.step_button.isEnabled()
    done = view.stepper().steps_done
    step = view.last_step()
    assert step.number == done
    assert len(view.curve.losses()) == done and view.curve.losses()[-1] == step.loss
    text = view.values_label.text()
    assert f"{step.loss:.4f}" in text and f"{step.hidden_delta[0]:+.5f}" in text


def test_start_again_forgets_the_run(qtbot):
    view = BackpropView(ClassicConfig(hidden_units=6, steps=50, seed=1))
    qtbot.addWidget(view)
    qtbot.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    assert view.last_step() is None and len(view.curve.losses()) == 0
    assert "Step 1" not in view.values_label.text()

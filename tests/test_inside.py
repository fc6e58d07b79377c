"""bpdraw.inside: activations, unit order, input × gradient checked against finite
differences, the weights mosaic, and the backprop stepper recomputed by hand."""

import numpy as np
import pytest

from bpdraw import inside, inside_pictures
from bpdraw.data import load_split
from bpdraw.model import Model
from bpdraw.network import Network
from bpdraw.training import ClassicConfig, Finished, train

EPSILON = 1e-6  # central differences on inputs in [0, 1]


@pytest.fixture(scope="module")
def split():
    return load_split(0)


def small_model(output="sigmoid", hidden=7, seed=1):
    return Model(Network.initialise((64, hidden, 10), np.random.default_rng(seed), output=output))


def test_hidden_activations_are_the_networks_hidden_layer(split):
    model = small_model()
    digits = split.images_test[0]
    expected = model.network.forward(digits.reshape(1, 64) / 16.0)[1][0]
    np.testing.assert_allclose(inside.hidden_activations(model, digits), expected, atol=1e-12)


def test_unit_order_groups_units_by_the_digit_they_vote_for():
    model = small_model(hidden=40)
    order = inside.unit_order(model)
    assert sorted(order) == list(range(40))
    votes = model.network.weights[1].argmax(axis=1)[order]
    assert np.all(np.diff(votes) >= 0)
    strength = model.network.weights[1].max(axis=1)[order]
    for digit in range(10):
        assert np.all(np.diff(strength[votes == digit]) <= 0)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_attribution_is_input_times_finite_difference_gradient(split, output):
    model = small_model(output, hidden=12)
    digits = split.images_test[3].astype(float)
    target = 4
    x = digits.reshape(64) / 16.0
    gradient = np.zeros(64)
    for i in range(64):
        above, below = x.copy(), x.copy()
        above[i] += EPSILON
        below[i] -= EPSILON
        out_above = model.network.output_of(above[None])[0, target]
        out_below = model.network.output_of(below[None])[0, target]
        gradient[i] = (out_above - out_below) / (2 * EPSILON)
    expected = (x * gradient).reshape(8, 8)
    np.testing.assert_allclose(inside.attribution(model, digits, target), expected, atol=1e-8)


def test_attribution_defaults_to_the_likeliest_digit_and_blank_cells_push_nothing(split):
    model = small_model()
    digits = split.images_test[5]
    answer = int(model.predict(digits)[0])
    pushes = inside.attribution(model, digits)
    np.testing.assert_array_equal(pushes, inside.attribution(model, digits, answer))
    assert np.all(pushes[digits == 0] == 0)


def test_weight_mosaic_puts_each_units_scaled_weights_in_its_tile():
    network = small_model(hidden=10).network
    order = np.arange(10)[::-1]
    mosaic = inside.weight_mosaic(network, order)
    assert mosaic.shape == (3 * 9, 4 * 9)  # 10 units: 3 rows of 4 tiles
    assert mosaic.min() >= -1 and mosaic.max() <= 1
    tile = mosaic[0:8, 9:17]  # second tile: unit order[1] = 8
    weights = network.weights[0][:, 8].reshape(8, 8)
    np.testing.assert_array_equal(np.sign(tile), np.sign(weights))
    assert np.all(mosaic[8, :] == 0) and np.all(mosaic[:, 8] == 0)


def test_strongest_connections_are_activation_times_weight_largest_first():
    model = small_model(hidden=9)
    activations = np.linspace(0.1, 0.9, 9)
    links = inside.strongest_connections(model, activations, 5)
    contributions = activations[:, None] * model.network.weights[1]
    expected = np.sort(np.abs(contributions), axis=None)[::-1][:5]
    np.testing.assert_allclose([abs(link.contribution) for link in links], expected)
    link = links[0]
    assert link.contribution == pytest.approx(contributions[link.unit, link.digit])


def test_one_step_recomputed_by_hand_from_the_shown_values():
    stepper = inside.BackpropStepper(ClassicConfig(hidden_units=6, steps=20, seed=2), unit=3)
    w1, w2 = (w.copy() for w in stepper.network.weights)
    b1, b2 = (b.copy() for b in stepper.network.biases)
    step = stepper.step()
    x, t, rate = step.inputs, step.target, 0.11
    assert step.learning_rate == rate
    np.testing.assert_allclose(step.hidden_input, x @ w1 + b1)
    np.testing.assert_allclose(step.hidden, 1 / (1 + np.exp(-step.hidden_input)))
    y = 1 / (1 + np.exp(-(step.hidden @ w2 + b2)))
    np.testing.assert_allclose(step.output, y)
    assert t[step.label] == 1 and t.sum() == 1
    np.testing.assert_allclose(step.error, t - y)
    assert step.loss == pytest.approx(0.5 * np.sum((t - y) ** 2))
    np.testing.assert_allclose(step.output_delta, (y - t) * y * (1 - y))
    h = step.hidden
    np.testing.assert_allclose(step.hidden_delta, (w2 @ step.output_delta) * h * (1 - h))
    np.testing.assert_allclose(step.outgoing_change, -rate * h[3] * step.output_delta)
    np.testing.assert_allclose(step.incoming_change, -rate * x * step.hidden_delta[3])
    np.testing.assert_array_equal(step.incoming_before, w1[:, 3])
    np.testing.assert_array_equal(step.outgoing_before, w2[3])


def test_ten_steps_change_the_weights_by_exactly_the_shown_changes():
    stepper = inside.BackpropStepper(ClassicConfig(hidden_units=5, steps=10, seed=4), unit=2)
    expected_in = stepper.network.weights[0][:, 2].copy()
    expected_out = stepper.network.weights[1][2].copy()
    for _ in range(10):
        step = stepper.step()
        np.testing.assert_array_equal(step.incoming_before, expected_in)
        expected_in = expected_in + step.incoming_change
        expected_out = expected_out + step.outgoing_change
    # the same float additions the shown numbers describe: equal to the last bit
    np.testing.assert_array_equal(stepper.network.weights[0][:, 2], expected_in)
    np.testing.assert_array_equal(stepper.network.weights[1][2], expected_out)
    with pytest.raises(inside.StepperFinished):
        stepper.step()


def test_stepper_follows_the_classic_training_run_step_for_step(split):
    config = ClassicConfig(hidden_units=20, steps=1000, seed=3)
    stepper = inside.BackpropStepper(config)
    stepper.step()
    losses = stepper.run(5000)
    assert len(losses) == 999 and stepper.steps_done == 1000
    finished = [
        event for event in train(config, split=load_split(3)) if isinstance(event, Finished)
    ]
    trained = finished[0].model.network
    for mine, theirs in zip(stepper.network.parameters, trained.parameters, strict=True):
        np.testing.assert_allclose(mine, theirs, atol=1e-12)


def test_stepper_refuses_a_unit_it_does_not_have():
    with pytest.raises(ValueError, match="hidden unit must be 0-3"):
        inside.BackpropStepper(ClassicConfig(hidden_units=4, steps=5), unit=4)


def test_pictures_are_written_as_png(tmp_path, split):
    model = small_model(hidden=15)
    inside_pictures.save_inside_picture(model, split.images_test[0], tmp_path / "inside.png")
    inside_pictures.save_weight_mosaic(model, tmp_path / "mosaic.png")
    for name in ("inside.png", "mosaic.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

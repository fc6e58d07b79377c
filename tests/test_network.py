"""The BP network: backward checked against central finite differences, forward shapes, checks."""

import numpy as np
import pytest

from bpdraw.data import load_split, one_hot
from bpdraw.network import Network, sigmoid

EPSILON = 1e-6  # central differences: truncation ~EPSILON^2, rounding ~1e-16 / EPSILON
MAX_RELATIVE_ERROR = 1e-6  # measured ~1e-8 for the 64-100-10 network, ~1e-10 for the small one


def numerical_gradients(network, X, targets):
    """dLoss/dparameter for every parameter, by central differences in float64."""
    gradients = []
    for parameter in network.parameters:
        gradient = np.zeros_like(parameter)
        for index in np.ndindex(parameter.shape):
            original = parameter[index]
            parameter[index] = original + EPSILON
            above = network.loss(network.output_of(X), targets)
            parameter[index] = original - EPSILON
            below = network.loss(network.output_of(X), targets)
            parameter[index] = original
            gradient[index] = (above - below) / (2 * EPSILON)
        gradients.append(gradient)
    return gradients


def relative_error(analytic, numeric):
    """||a - n|| / (||a|| + ||n||): 0 when they agree, 1 when unrelated."""
    return np.linalg.norm(analytic - numeric) / (np.linalg.norm(analytic) + np.linalg.norm(numeric))


def check_gradients(network, X, targets):
    analytic = network.backward(network.forward(X), targets)
    numeric = numerical_gradients(network, X, targets)
    assert [a.shape for a in analytic] == [p.shape for p in network.parameters]
    # each weight matrix and bias vector on its own, so one layer's error is not diluted
    for layer, (a, n) in enumerate(zip(analytic, numeric, strict=True)):
        assert np.linalg.norm(n) > 0, f"parameter {layer} has no gradient to compare"
        assert relative_error(a, n) < MAX_RELATIVE_ERROR, f"parameter {layer}"


@pytest.mark.parametrize(("output", "init"), [("sigmoid", "uniform"), ("softmax", "scaled")])
def test_small_network_gradient_matches_finite_differences(output, init):
    rng = np.random.default_rng(0)
    network = Network.initialise((5, 4, 3, 3), rng, init, output=output)
    X = rng.uniform(0, 1, size=(4, 5))
    targets = one_hot(rng.integers(0, 3, size=4), n_classes=3)
    check_gradients(network, X, targets)


@pytest.mark.parametrize(("output", "init"), [("sigmoid", "uniform"), ("softmax", "scaled")])
def test_64_100_10_network_gradient_matches_finite_differences(output, init):
    split = load_split(0)
    network = Network.initialise((64, 100, 10), np.random.default_rng(1), init, output=output)
    X, targets = split.X_train[:3], one_hot(split.y_train[:3])
    check_gradients(network, X, targets)


def test_64_100_10_forward_gives_every_layers_activations():
    network = Network.initialise((64, 100, 10), np.random.default_rng(0))
    activations = network.forward(np.zeros((7, 64)))
    assert [a.shape for a in activations] == [(7, 64), (7, 100), (7, 10)]


def test_output_of_is_the_last_activation():
    network = Network.initialise((64, 100, 10), np.random.default_rng(0))
    X = np.random.default_rng(1).uniform(0, 1, size=(5, 64))
    assert np.array_equal(network.output_of(X), network.forward(X)[-1])


def test_layer_sizes_reads_the_shape_from_the_weights():
    network = Network.initialise((64, 30, 20, 10), np.random.default_rng(0))
    assert network.layer_sizes == (64, 30, 20, 10)


def test_softmax_output_rows_sum_to_one():
    network = Network.initialise((64, 100, 10), np.random.default_rng(0), output="softmax")
    outputs = network.output_of(np.random.default_rng(1).uniform(0, 1, size=(6, 64)))
    assert np.allclose(outputs.sum(axis=1), 1.0)


def test_sigmoid_output_lies_between_zero_and_one():
    network = Network.initialise((64, 100, 10), np.random.default_rng(0))
    outputs = network.output_of(np.random.default_rng(1).uniform(0, 1, size=(6, 64)))
    assert np.all((outputs > 0) & (outputs < 1))


def test_sigmoid_of_huge_inputs_does_not_overflow():
    with np.errstate(all="raise"):
        values = sigmoid(np.array([-1e6, 0.0, 1e6]))
    assert values.tolist() == [0.0, 0.5, 1.0]


def test_uniform_initialisation_draws_weights_and_biases_from_minus_one_to_one():
    network = Network.initialise((64, 100, 10), np.random.default_rng(0), "uniform")
    for parameter in network.parameters:
        assert parameter.min() >= -1.0 and parameter.max() < 1.0
    # 6400 uniform draws in [-1, 1) reach beyond +-0.99 almost surely
    assert network.weights[0].min() < -0.99 and network.weights[0].max() > 0.99


def test_initialisation_is_reproducible_for_a_seed():
    first = Network.initialise((64, 100, 10), np.random.default_rng(3), "scaled")
    second = Network.initialise((64, 100, 10), np.random.default_rng(3), "scaled")
    for a, b in zip(first.parameters, second.parameters, strict=True):
        assert np.array_equal(a, b)


def test_network_copies_the_arrays_it_is_given():
    weights, biases = [np.zeros((64, 10))], [np.zeros(10)]
    network = Network(weights, biases)
    weights[0][0, 0] = 5.0
    assert network.weights[0][0, 0] == 0.0


@pytest.mark.parametrize(
    ("weights", "biases", "output", "message"),
    [
        ([np.zeros((64, 10))], [np.zeros(10)], "tanh", "output must be one of"),
        ([], [], "sigmoid", "at least one"),
        ([np.zeros((64, 10))], [], "sigmoid", "one bias vector per weight matrix"),
        ([np.zeros((64, 10))], [np.zeros(9)], "sigmoid", "do not match biases"),
        ([np.zeros(64)], [np.zeros(64)], "sigmoid", "do not match biases"),
        (
            [np.zeros((64, 100)), np.zeros((99, 10))],
            [np.zeros(100), np.zeros(10)],
            "sigmoid",
            "layer 1: takes 99 inputs",
        ),
    ],
    ids=[
        "unknown-output",
        "no-layers",
        "missing-bias",
        "bias-length",
        "weights-not-a-matrix",
        "layers-do-not-chain",
    ],
)
def test_invalid_construction_raises_value_error(weights, biases, output, message):
    with pytest.raises(ValueError, match=message):
        Network(weights, biases, output)


def test_unknown_initialisation_raises_value_error():
    with pytest.raises(ValueError, match='init must be "uniform" or "scaled"'):
        Network.initialise((64, 10), np.random.default_rng(0), init="zeros")

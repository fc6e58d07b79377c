"""Optimizers update parameters in place by the textbook rules."""

import numpy as np

from bpdraw.optimizers import SGD, Adam


def parameters_and_gradients():
    parameters = [np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([0.25, -0.75])]
    gradients = [np.array([[0.2, -0.4], [0.0, 1.0]]), np.array([-3.0, 0.01])]
    return parameters, gradients


def test_sgd_step_is_parameter_minus_learning_rate_times_gradient():
    parameters, gradients = parameters_and_gradients()
    expected = [p - 0.11 * g for p, g in zip(parameters, gradients, strict=True)]
    SGD(0.11).step(parameters, gradients)
    for p, e in zip(parameters, expected, strict=True):
        assert np.allclose(p, e, rtol=0, atol=1e-15)


def test_sgd_updates_the_parameter_arrays_in_place():
    parameters, gradients = parameters_and_gradients()
    arrays = list(parameters)
    SGD(0.5).step(parameters, gradients)
    assert all(a is p for a, p in zip(arrays, parameters, strict=True))
    # 1.0 - 0.5 * 0.2 = 0.9: the network sees the change through its own arrays
    assert arrays[0][0, 0] == 0.9


def test_sgd_with_momentum_carries_the_previous_step():
    # v1 = -lr g1, p1 = p0 + v1; v2 = m v1 - lr g2, p2 = p1 + v2
    learning_rate, momentum = 0.1, 0.9
    p0 = np.array([1.0, -1.0])
    g1, g2 = np.array([2.0, 0.5]), np.array([-1.0, 0.5])
    parameter = p0.copy()
    optimizer = SGD(learning_rate, momentum=momentum)
    optimizer.step([parameter], [g1])
    v1 = -learning_rate * g1
    assert np.allclose(parameter, p0 + v1)  # [0.8, -1.05]
    optimizer.step([parameter], [g2])
    v2 = momentum * v1 - learning_rate * g2
    assert np.allclose(parameter, p0 + v1 + v2)  # [0.72, -1.145]
    assert np.allclose(parameter, [0.72, -1.145])


def test_sgd_with_momentum_keeps_moving_on_a_zero_gradient():
    parameter = np.array([0.0])
    optimizer = SGD(1.0, momentum=0.5)
    optimizer.step([parameter], [np.array([1.0])])  # v = -1, p = -1
    optimizer.step([parameter], [np.array([0.0])])  # v = -0.5, p = -1.5
    assert parameter.tolist() == [-1.5]


def test_adam_first_step_moves_each_parameter_by_learning_rate_against_its_gradient():
    # the bias-corrected first step is g / (|g| + eps): lr * sign(g) whatever the size of g
    parameters, gradients = parameters_and_gradients()
    before = [p.copy() for p in parameters]
    Adam(0.001).step(parameters, gradients)
    for p, b, g in zip(parameters, before, gradients, strict=True):
        assert np.allclose(b - p, 0.001 * np.sign(g), rtol=1e-5, atol=1e-12)


def test_adam_does_not_move_a_parameter_with_zero_gradient():
    parameters, gradients = parameters_and_gradients()
    Adam(0.001).step(parameters, gradients)
    # gradients[0][1, 0] is 0.0
    assert parameters[0][1, 0] == 0.5


def test_adam_second_step_follows_the_bias_corrected_moments():
    g1, g2 = 0.5, -0.1
    beta1, beta2, learning_rate = 0.9, 0.999, 0.01
    m = (1 - beta1) * beta1 * g1 + (1 - beta1) * g2
    v = (1 - beta2) * beta2 * g1**2 + (1 - beta2) * g2**2
    step2 = (m / (1 - beta1**2)) / (np.sqrt(v / (1 - beta2**2)) + 1e-8)
    parameter = np.array([0.0])
    optimizer = Adam(learning_rate)
    optimizer.step([parameter], [np.array([g1])])
    optimizer.step([parameter], [np.array([g2])])
    assert np.allclose(parameter, [-learning_rate * 1.0 - learning_rate * step2], rtol=1e-9)


def test_adam_weight_decay_shrinks_matrices_but_not_bias_vectors():
    matrix, vector = np.array([[2.0]]), np.array([2.0])
    Adam(0.1, weight_decay=0.5).step([matrix, vector], [np.zeros((1, 1)), np.zeros(1)])
    # zero gradient: the matrix moves only by lr * decay * p = 0.1 * 0.5 * 2 = 0.1
    assert np.allclose(matrix, [[1.9]])
    assert vector.tolist() == [2.0]

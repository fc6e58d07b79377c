"""The BP network: a stack of fully connected layers, forward and backward written out.

Shapes: a batch is a row per sample. ``weights[l]`` is (n_in, n_out) and ``biases[l]`` is
(n_out,), so layer l maps activations (n, n_in) to (n, n_out). Hidden units are sigmoid;
the output layer is sigmoid (the course, with squared error) or softmax (with cross-entropy).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

OUTPUTS = ("sigmoid", "softmax")
# log() of a probability is taken no lower than this, so a confident mistake costs
# a large but finite loss (-log(1e-12) = 27.6) instead of infinity.
PROBABILITY_FLOOR = 1e-12


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z), written with tanh so a huge |z| never overflows."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def softmax(z: np.ndarray) -> np.ndarray:
    shifted = np.exp(z - z.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


class Network:
    """A feed-forward network trained by backpropagation."""

    def __init__(
        self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray], output: str = "sigmoid"
    ):
        if output not in OUTPUTS:
            raise ValueError(f"output must be one of {OUTPUTS}, not {output!r}")
        if len(weights) != len(biases) or not weights:
            raise ValueError("a network needs one bias vector per weight matrix, at least one")
        for layer, (w, b) in enumerate(zip(weights, biases, strict=True)):
            if w.ndim != 2 or b.shape != (w.shape[1],):
                raise ValueError(f"layer {layer}: weights {w.shape} do not match biases {b.shape}")
            if layer and w.shape[0] != weights[layer - 1].shape[1]:
                raise ValueError(f"layer {layer}: takes {w.shape[0]} inputs, gets fewer or more")
        self.weights = [np.array(w, dtype=np.float64) for w in weights]
        self.biases = [np.array(b, dtype=np.float64) for b in biases]
        self.output = output

    @classmethod
    def initialise(
        cls,
        layer_sizes: Sequence[int],
        rng: np.random.Generator,
        init: str = "uniform",
        output: str = "sigmoid",
    ) -> Network:
        """Random weights: "uniform" in [-1, 1) as the course did, or "scaled" (Glorot).

        Biases start as the weights do for "uniform" (the course treated them as a
        weight from a constant unit) and at zero for "scaled".
        """
        weights, biases = [], []
        for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True):
            if init == "uniform":
                weights.append(rng.uniform(-1.0, 1.0, size=(n_in, n_out)))
                biases.append(rng.uniform(-1.0, 1.0, size=n_out))
            elif init == "scaled":
                limit = np.sqrt(6.0 / (n_in + n_out))
                weights.append(rng.uniform(-limit, limit, size=(n_in, n_out)))
                biases.append(np.zeros(n_out))
            else:
                raise ValueError(f'init must be "uniform" or "scaled", not {init!r}')
        return cls(weights, biases, output)

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        return (self.weights[0].shape[0], *(w.shape[1] for w in self.weights))

    @property
    def parameters(self) -> list[np.ndarray]:
        """Weights then biases, in the order ``backward`` returns their gradients."""
        return [*self.weights, *self.biases]

    def forward(self, X: np.ndarray) -> list[np.ndarray]:
        """X: (n, n_inputs) -> activations of every layer, the input first, the output last."""
        activations = [X]
        last = len(self.weights) - 1
        for layer, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            z = activations[-1] @ w + b
            if layer == last and self.output == "softmax":
                activations.append(softmax(z))
            else:
                activations.append(sigmoid(z))
        return activations

    def output_of(self, X: np.ndarray) -> np.ndarray:
        """X: (n, n_inputs) -> the output layer, (n, n_outputs)."""
        return self.forward(X)[-1]

    def loss(self, outputs: np.ndarray, targets: np.ndarray) -> float:
        """Mean loss per sample: squared error / 2 (sigmoid) or cross-entropy (softmax)."""
        if self.output == "softmax":
            picked = np.maximum(outputs, PROBABILITY_FLOOR)
            return float(-(targets * np.log(picked)).sum(axis=1).mean())
        return float(0.5 * ((outputs - targets) ** 2).sum(axis=1).mean())

    def backward(self, activations: list[np.ndarray], targets: np.ndarray) -> list[np.ndarray]:
        """Gradients of ``loss`` for the activations of one forward pass.

        Returns the gradients in the order of ``parameters``: every weight matrix, then
        every bias vector.
        """
        n = len(targets)
        outputs = activations[-1]
        if self.output == "softmax":
            # softmax with cross-entropy: dE/dz simplifies to y - t
            delta = outputs - targets
        else:
            delta = (outputs - targets) * outputs * (1.0 - outputs)
        weight_grads: list[np.ndarray] = [np.empty(0)] * len(self.weights)
        bias_grads: list[np.ndarray] = [np.empty(0)] * len(self.biases)
        for layer in range(len(self.weights) - 1, -1, -1):
            weight_grads[layer] = activations[layer].T @ delta / n
            bias_grads[layer] = delta.sum(axis=0) / n
            if layer:
                a = activations[layer]
                delta = (delta @ self.weights[layer].T) * a * (1.0 - a)
        return [*weight_grads, *bias_grads]

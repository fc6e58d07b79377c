"""How a recipe steps: each optimizer updates a list of parameters in place from their gradients."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class SGD:
    """Plain gradient descent, with optional momentum. The course used momentum 0."""

    def __init__(self, learning_rate: float, momentum: float = 0.0):
        self.learning_rate = learning_rate
        self.momentum = momentum
        self._velocities: list[np.ndarray] | None = None

    def step(self, parameters: Sequence[np.ndarray], gradients: Sequence[np.ndarray]) -> None:
        if not self.momentum:
            for p, g in zip(parameters, gradients, strict=True):
                p -= self.learning_rate * g
            return
        if self._velocities is None:
            self._velocities = [np.zeros_like(p) for p in parameters]
        for p, g, v in zip(parameters, gradients, self._velocities, strict=True):
            v *= self.momentum
            v -= self.learning_rate * g
            p += v


class Adam:
    """Adam (Kingma & Ba, 2015) with the paper's default betas."""

    def __init__(
        self,
        learning_rate: float,
        beta1: float = 0.9,
        beta2: float = 0.999,
        epsilon: float = 1e-8,
        weight_decay: float = 0.0,
    ):
        self.learning_rate = learning_rate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weight_decay = weight_decay
        self._steps = 0
        self._means: list[np.ndarray] | None = None
        self._variances: list[np.ndarray] | None = None

    def step(self, parameters: Sequence[np.ndarray], gradients: Sequence[np.ndarray]) -> None:
        if self._means is None or self._variances is None:
            self._means = [np.zeros_like(p) for p in parameters]
            self._variances = [np.zeros_like(p) for p in parameters]
        self._steps += 1
        correction1 = 1.0 - self.beta1**self._steps
        correction2 = 1.0 - self.beta2**self._steps
        for p, g, m, v in zip(parameters, gradients, self._means, self._variances, strict=True):
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            v *= self.beta2
            v += (1.0 - self.beta2) * g * g
            update = (m / correction1) / (np.sqrt(v / correction2) + self.epsilon)
            if self.weight_decay and p.ndim == 2:
                # decoupled weight decay (AdamW) on weight matrices only
                update = update + self.weight_decay * p
            p -= self.learning_rate * update

"""Telling a training run that diverges from one that learns slowly."""

from __future__ import annotations

import numpy as np

from bpdraw.data import N_CLASSES
from bpdraw.network import Network
from bpdraw.recipes import Config

# Loss of a network that has learnt nothing (every output 0.1): squared error / 2 gives
# 0.5 * (0.9^2 + 9 * 0.1^2) = 0.45, cross-entropy gives ln 10 = 2.30. A run whose loss
# climbs well above this after its first tenth is not learning but diverging.
CHANCE_LOSS = {"sigmoid": 0.45, "softmax": float(np.log(N_CLASSES))}
DIVERGENCE_FACTOR = 1.5
# A sigmoid unit with a * (1 - a) below this (|z| > 9.2) passes on almost no gradient; when
# nearly all units of a layer sit there, the network has stopped learning for good (it
# happens to the classic recipe at learning rate 50: loss frozen at 0.5, every output 0).
SATURATED_SLOPE = 1e-4
SATURATED_SHARE = 0.9
# The loss that judges an explosion is averaged over at least this many samples.
DIVERGENCE_SAMPLES = 100


class TrainingDiverged(Exception):
    """The loss went non-finite or exploded; the message says what to change."""


class LossWatch:
    """The loss a run started from, judged over at least DIVERGENCE_SAMPLES samples so that
    one unlucky digit early in a short run is not taken for an explosion."""

    def __init__(self):
        self.first: float | None = None
        self.recent: float | None = None
        self._losses, self._samples = 0.0, 0

    def add(self, loss: float, samples: int) -> None:
        self._losses += loss * samples
        self._samples += samples
        if self._samples >= DIVERGENCE_SAMPLES:
            self.recent = self._losses / self._samples
            self.first = self.recent if self.first is None else self.first
            self._losses, self._samples = 0.0, 0


def check_diverged(
    network: Network, loss: float, watch: LossWatch, config: Config, X_sample: np.ndarray
) -> None:
    """Raise TrainingDiverged if the run blew up: a non-finite loss or parameter, a loss well
    above both chance and where the run started, or sigmoid units saturated for good.
    A run that learns slowly is not diverging."""
    finite = np.isfinite(loss) and all(np.all(np.isfinite(p)) for p in network.parameters)
    exploding = False
    if finite and watch.first is not None:
        ceiling = DIVERGENCE_FACTOR * max(CHANCE_LOSS[network.output], watch.first)
        exploding = watch.recent > ceiling
        loss = watch.recent
    saturated = False
    if finite and not exploding:
        activations = network.forward(X_sample)[1:]
        if network.output == "softmax":
            activations = activations[:-1]
        saturated = any(
            (a * (1.0 - a) < SATURATED_SLOPE).mean() > SATURATED_SHARE for a in activations
        )
    if not finite or exploding or saturated:
        if not finite:
            what = "became infinite or NaN"
        elif exploding:
            what = f"grew to {loss:.3g}"
        else:
            what = f"stuck at {loss:.3g} with its units saturated"
        raise TrainingDiverged(
            f"Training diverged: the loss {what} instead of falling. The learning rate "
            f"{config.learning_rate:g} is too large for the {config.recipe} recipe; try "
            f"{type(config).__dataclass_fields__['learning_rate'].default:g}."
        )

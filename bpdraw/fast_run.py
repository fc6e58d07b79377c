"""The pieces of a fast run that bpdraw.training's loop puts together: its float32 network,
the standardised pixels, the validation digits and the best epoch, the learning-rate and
growth schedules, and the extra digits made while foreseeing how long the run will take."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from bpdraw.augment import distort_digits
from bpdraw.data import N_CLASSES, N_INPUTS, one_hot, scale
from bpdraw.events import Clock, Progress, preparing_event
from bpdraw.network import Network
from bpdraw.optimizers import Adam
from bpdraw.pen_recipe import ExtraData
from bpdraw.recipes import FastConfig

# Pixels are standardised by their spread + this: border pixels are almost always blank.
SPREAD_FLOOR = 0.1
# The fast recipe computes in float32 (about twice float64's speed on these small matrices);
# every network it hands out is float64 again, like the classic recipe's.
FAST_DTYPE = np.float32
# Mini-batches timed on a throwaway network while preparing, to foresee the training's time.
PACE_PROBE_BATCHES = 8
# One block this large allocated and freed before a fast run (see keep_freed_memory).
FREED_BLOCK_BYTES = 32 * 2**20 - 2**16


def keep_freed_memory() -> None:
    """Let the run's temporary arrays reuse freed memory from the start. glibc's malloc hands
    every freed block over 128 KB straight back to the system, so the next one faults in
    fresh pages, until it sees such a block freed; then it raises that bar to the block's
    size (up to 32 MB). One untouched block of nearly 32 MB, allocated and freed, does this
    up front: the first shipped-recipe run in a process faulted 173,000 pages instead of
    42,000 (0.2-0.3 s). Elsewhere it costs an untouched allocation, nothing more."""
    np.empty(FREED_BLOCK_BYTES, dtype=np.uint8)


def fast_network(config: FastConfig, rng: np.random.Generator) -> Network:
    """The fast recipe's network (Glorot, softmax), computing in FAST_DTYPE."""
    network = Network.initialise(
        (N_INPUTS, config.hidden_units, N_CLASSES), rng, "scaled", output="softmax"
    )
    network.weights = [w.astype(FAST_DTYPE) for w in network.weights]
    network.biases = [b.astype(FAST_DTYPE) for b in network.biases]
    return network


def validation_split(
    n: int, fraction: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """(validation, fitting): indices of the training digits, a random ``fraction`` (at
    least one) set aside to choose the best epoch."""
    order = rng.permutation(n)
    n_validation = max(1, round(fraction * n))
    return order[:n_validation], order[n_validation:]


def prepare_extra(
    extra_data: ExtraData,
    config: FastConfig,
    n_fitting: int,
    rng: np.random.Generator,
    clock: Clock,
) -> Iterator[Progress]:
    """Make the extra digits a copy at a time (seconds in all), with an event after each so
    a caller can cancel while the data is prepared; returns them as (X 0-1, y, number of
    clean ones: copy 0, first).

    Each event carries a forecast of the training that follows: the samples it will pass
    (from the size of the copies made so far) at a pace timed on a throwaway network."""
    steps = config.pen_copies + 1
    parts_X, parts_y = [], []
    seconds_per_sample = None
    for copy in range(steps):
        X, y = extra_data(rng, copy)
        parts_X.append(scale(X))
        parts_y.append(y)
        if seconds_per_sample is None:
            seconds_per_sample, seconds_per_copy = pace_probe(config, n_fitting)
        made = sum(len(part) for part in parts_y)
        n_extra = made * steps / (copy + 1)  # the copies still to come, as large as these
        work = epoch_sizes(config, n_fitting + round(n_extra), n_fitting)
        forecast = seconds_per_sample * sum(work) + seconds_per_copy * config.digit_copies
        yield preparing_event(config, clock, copy + 1, steps, forecast)
    return np.concatenate(parts_X), np.concatenate(parts_y), len(parts_y[0])


def pace_probe(config: FastConfig, n_fitting: int) -> tuple[float, float]:
    """(seconds per training sample, seconds per distorted copy of the digits) of this
    config, timed on a few mini-batches of a throwaway network and one copy of blank digits
    (with random numbers of their own: the run's are not touched)."""
    probe_rng = np.random.default_rng(0)
    network = fast_network(config, probe_rng)
    optimizer = Adam(config.learning_rate)
    X = probe_rng.standard_normal((config.batch_size, N_INPUTS)).astype(FAST_DTYPE)
    targets = one_hot(probe_rng.integers(0, N_CLASSES, config.batch_size)).astype(FAST_DTYPE)
    seconds = []
    for _ in range(PACE_PROBE_BATCHES + 2):  # the first two only warm caches up
        started = time.perf_counter()
        activations = network.forward(X)
        optimizer.step(network.parameters, network.backward(activations, targets))
        seconds.append(time.perf_counter() - started)
    started = time.perf_counter()
    distort_digits(np.zeros((n_fitting, N_INPUTS)), probe_rng)
    seconds_per_copy = time.perf_counter() - started
    return float(np.median(seconds[2:])) / config.batch_size, seconds_per_copy


@dataclass(frozen=True)
class Standardisation:
    """Each pixel to zero mean and unit spread, which Adam steps through evenly; the shift
    and scale are folded into the first layer of every network handed out."""

    shift: np.ndarray
    spread: np.ndarray

    @classmethod
    def of(cls, X: np.ndarray) -> Standardisation:
        return cls(X.mean(axis=0), X.std(axis=0) + SPREAD_FLOOR)

    def __call__(self, X: np.ndarray) -> np.ndarray:
        return (X - self.shift) / self.spread

    def folded_into(self, network: Network) -> Network:
        """A copy of ``network`` that takes raw inputs x where it took (x - shift) / spread."""
        first = network.weights[0] / self.spread[:, None]
        first_bias = network.biases[0] - (self.shift / self.spread) @ network.weights[0]
        weights = [first, *(w.copy() for w in network.weights[1:])]
        biases = [first_bias, *(b.copy() for b in network.biases[1:])]
        return Network(weights, biases, network.output)


def cosine_rate(config: FastConfig, epoch: int) -> float:
    """Cosine decay: large steps first, small ones to settle at the end."""
    return config.learning_rate * 0.5 * (1 + np.cos(np.pi * (epoch - 1) / config.epochs))


def grows_in(epoch: int, config: FastConfig) -> bool:
    """After plain_epochs on the digits as they are (a few milliseconds each), the training
    set grows by one distorted copy of the digits per epoch up to digit_copies: no epoch
    waits for every copy to be made."""
    return 0 < epoch - config.plain_epochs <= config.digit_copies


def epoch_sizes(config: FastConfig, n_start: int, n_copy: int) -> list[int]:
    """Samples each epoch trains on, the measure of its work for the time remaining."""
    sizes, n = [], n_start
    for epoch in range(1, config.epochs + 1):
        n += n_copy if grows_in(epoch, config) else 0
        sizes.append(n)
    return sizes


class BestEpoch:
    """The epoch with the highest validation accuracy so far. With ~130 validation digits
    it ties often, and a tie goes to the later epoch, which has learnt more."""

    def __init__(self, network: Network):
        self.accuracy, self.network, self.epoch = -1.0, network, 0

    def consider(self, epoch: int, accuracy: float, network: Network) -> None:
        if accuracy >= self.accuracy:
            self.accuracy, self.network, self.epoch = accuracy, network, epoch

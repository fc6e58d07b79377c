"""The one training loop that the app, the CLI and the benchmark consume.

``train(config)`` is a generator: it yields ``Progress`` events while it learns and one
``Finished`` event with the trained model last. A caller cancels by no longer asking for
events. The same seed gives the same model. The recipes themselves live in bpdraw.recipes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

import numpy as np

from bpdraw import __version__
from bpdraw.augment import augmented_pen_set, distort_digits
from bpdraw.data import N_CLASSES, N_INPUTS, DigitSplit, load_split, one_hot, scale
from bpdraw.events import Clock, Finished, Progress, preparing_event
from bpdraw.model import Model
from bpdraw.network import Network
from bpdraw.optimizers import SGD, Adam
from bpdraw.recipes import (
    RECIPES,
    TRAINING_DATA,
    TRAINING_DATA_NAMES,
    ClassicConfig,
    Config,
    FastConfig,
    config_from_settings,
)

__all__ = [
    "RECIPES",
    "TRAINING_DATA",
    "TRAINING_DATA_NAMES",
    "ClassicConfig",
    "Config",
    "ExtraData",
    "FastConfig",
    "Finished",
    "Progress",
    "TrainingDiverged",
    "accuracy",
    "config_from_settings",
    "shipped_pen_copy",
    "train",
]

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
# A classic run asks whether to stop every this many steps; random picks are drawn in blocks.
STOP_CHECK_STEPS = 64
PICK_BLOCK = 65_536
# Pixels are standardised by their spread + this: border pixels are almost always blank.
SPREAD_FLOOR = 0.1

# Extra training digits made a copy at a time, (rng, copy) -> (X (n, 64) 0-16, y (n,)):
# copy 0 is the clean rendering, copies 1.. distorted ones.
ExtraData = Callable[[np.random.Generator, int], tuple[np.ndarray, np.ndarray]]


class TrainingDiverged(Exception):
    """The loss went non-finite or exploded; the message says what to change."""


def shipped_pen_copy(rng: np.random.Generator, copy: int) -> tuple[np.ndarray, np.ndarray]:
    """Copy ``copy`` of the shipped pen digits through the canvas's conversion: copy 0 as
    drawn, the others distorted. The default extra data of a "digits+pen" run."""
    return augmented_pen_set(rng, min(copy, 1), include_clean=copy == 0)


def train(
    config: Config,
    split: DigitSplit | None = None,
    *,
    extra_data: ExtraData | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[Progress | Finished]:
    """Run ``config``; yields Progress events, then one Finished. Raises TrainingDiverged.

    ``extra_data`` makes the digits a "digits+pen" run adds to load_digits, a copy at a
    time (``pen_copies`` + 1 calls); by default the shipped pen digits, shipped_pen_copy.
    ``should_stop`` is asked between mini-batches (or every few classic steps): when it says
    True the run ends at once, with no Finished event, however long an epoch is."""
    if extra_data is not None and config.training_data != "digits+pen":
        raise ValueError(
            f"extra training data is for training data 'digits+pen', not {config.training_data!r}"
        )
    if split is None:
        split = load_split(config.seed)
    stop = should_stop or _never
    if isinstance(config, ClassicConfig):
        return _train_classic(config, split, stop)
    if isinstance(config, FastConfig):
        if config.training_data == "digits+pen" and extra_data is None:
            extra_data = shipped_pen_copy
        return _train_fast(config, split, extra_data, stop)
    raise TypeError(f"not a training config: {config!r}")


def _never() -> bool:
    return False


def accuracy(network: Network, X: np.ndarray, labels: np.ndarray) -> float:
    return float((network.output_of(X).argmax(axis=1) == labels).mean())


class _LossWatch:
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


def _check_diverged(
    network: Network, loss: float, watch: _LossWatch, config: Config, X_sample: np.ndarray
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


def _train_classic(
    config: ClassicConfig, split: DigitSplit, stop: Callable[[], bool]
) -> Iterator[Progress | Finished]:
    clock = Clock()
    rng = np.random.default_rng(config.seed)
    network = Network.initialise((N_INPUTS, config.hidden_units, N_CLASSES), rng, "uniform")
    optimizer = SGD(config.learning_rate)
    targets = one_hot(split.y_train)
    report_every = max(1, config.steps // 200)
    running_loss, since_report = 0.0, 0
    watch = _LossWatch()
    with np.errstate(over="ignore", invalid="ignore"):
        for step, index in enumerate(_picks(rng, len(split.y_train), config.steps), start=1):
            if step % STOP_CHECK_STEPS == 0 and stop():
                return
            x, t = split.X_train[index : index + 1], targets[index : index + 1]
            activations = network.forward(x)
            running_loss += network.loss(activations[-1], t)
            since_report += 1
            optimizer.step(network.parameters, network.backward(activations, t))
            if step % report_every == 0 or step == config.steps:
                loss = running_loss / since_report
                watch.add(loss, since_report)
                _check_diverged(network, loss, watch, config, split.X_train[:200])
                if stop():
                    return
                event = Progress(
                    done=step,
                    total=config.steps,
                    unit="step",
                    loss=loss,
                    train_accuracy=accuracy(network, split.X_train, split.y_train),
                    validation_accuracy=None,
                    elapsed=clock.pause(),
                    network=Network(network.weights, network.biases, network.output),
                )
                yield event
                clock.resume()
                running_loss, since_report = 0.0, 0
    yield _finish(network, config, split, clock.pause(), {"steps_run": config.steps})


def _picks(rng: np.random.Generator, n: int, steps: int) -> Iterator[int]:
    """``steps`` random training-digit indices, drawn a block at a time (the same numbers as
    drawing them all at once, without holding a hundred million of them)."""
    for first in range(0, steps, PICK_BLOCK):
        yield from rng.integers(0, n, size=min(PICK_BLOCK, steps - first))


def _train_fast(
    config: FastConfig,
    split: DigitSplit,
    extra_data: ExtraData | None,
    stop: Callable[[], bool],
) -> Iterator[Progress | Finished]:
    """Adam on shuffled mini-batches of standardised digits, a few distorted copies more
    each epoch, keeping the epoch that reads the validation digits best."""
    clock = Clock()
    rng = np.random.default_rng(config.seed)
    validation, fitting = _validation_split(len(split.y_train), config.validation_fraction, rng)
    X_validation, y_validation = split.X_train[validation], split.y_train[validation]
    X_fit, y_fit = split.X_train[fitting], split.y_train[fitting]
    if extra_data is not None:
        X_extra, y_extra = yield from _prepare_extra(extra_data, config, rng, clock)
        X_fit, y_fit = np.concatenate([X_fit, X_extra]), np.concatenate([y_fit, y_extra])
    preparation_seconds = clock.pause()
    clock.resume()
    standardise = _Standardisation.of(X_fit)
    X_fit = standardise(X_fit)
    network = Network.initialise(
        (N_INPUTS, config.hidden_units, N_CLASSES), rng, "scaled", output="softmax"
    )
    optimizer = Adam(config.learning_rate, weight_decay=config.weight_decay)
    best = _BestEpoch(network)
    work = np.cumsum(_epoch_sizes(config, len(y_fit), len(fitting)))
    watch = _LossWatch()
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(1, config.epochs + 1):
            optimizer.learning_rate = _cosine_rate(config, epoch)
            growing = _grows_in(epoch, config)
            if growing:
                copy = distort_digits(split.images_train[fitting], rng)
                X_fit = np.concatenate([X_fit, standardise(scale(copy))])
                y_fit = np.concatenate([y_fit, split.y_train[fitting]])
            if epoch == 1 or growing:
                targets = one_hot(y_fit)
            loss = _epoch(network, optimizer, X_fit, targets, config.batch_size, rng, stop)
            if loss is None:  # stopped inside the epoch
                return
            watch.add(loss, len(targets))
            _check_diverged(network, loss, watch, config, X_fit[:200])
            snapshot = standardise.folded_into(network)
            validation_accuracy = accuracy(snapshot, X_validation, y_validation)
            best.consider(epoch, validation_accuracy, snapshot)
            yield Progress(
                done=epoch,
                total=config.epochs,
                unit=config.unit,
                loss=loss,
                train_accuracy=accuracy(network, X_fit, y_fit),
                validation_accuracy=validation_accuracy,
                elapsed=clock.pause(),
                network=snapshot,
                preparation_seconds=preparation_seconds,
                work_done=float(work[epoch - 1]),
                work_total=float(work[-1]),
            )
            clock.resume()
            if epoch - best.epoch >= config.patience:  # early stopping
                break
    extra = {"epochs_run": epoch, "best_epoch": best.epoch, "validation_accuracy": best.accuracy}
    yield _finish(best.network, config, split, clock.pause(), extra)


def _validation_split(
    n: int, fraction: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """(validation, fitting): indices of the training digits, a random ``fraction`` (at
    least one) set aside to choose the best epoch."""
    order = rng.permutation(n)
    n_validation = max(1, round(fraction * n))
    return order[:n_validation], order[n_validation:]


def _prepare_extra(
    extra_data: ExtraData, config: FastConfig, rng: np.random.Generator, clock: Clock
) -> Iterator[Progress]:
    """Make the extra digits a copy at a time (seconds in all), with an event after each so
    a caller can cancel while the data is prepared; returns them as (X 0-1, y)."""
    steps = config.pen_copies + 1
    parts_X, parts_y = [], []
    for copy in range(steps):
        X, y = extra_data(rng, copy)
        parts_X.append(scale(X))
        parts_y.append(y)
        yield preparing_event(config, clock, copy + 1, steps)
    return np.concatenate(parts_X), np.concatenate(parts_y)


@dataclass(frozen=True)
class _Standardisation:
    """Each pixel to zero mean and unit spread, which Adam steps through evenly; the shift
    and scale are folded into the first layer of every network handed out."""

    shift: np.ndarray
    spread: np.ndarray

    @classmethod
    def of(cls, X: np.ndarray) -> _Standardisation:
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


def _cosine_rate(config: FastConfig, epoch: int) -> float:
    """Cosine decay: large steps first, small ones to settle at the end."""
    return config.learning_rate * 0.5 * (1 + np.cos(np.pi * (epoch - 1) / config.epochs))


def _grows_in(epoch: int, config: FastConfig) -> bool:
    """After plain_epochs on the digits as they are (a few milliseconds each), the training
    set grows by one distorted copy of the digits per epoch up to digit_copies: no epoch
    waits for every copy to be made."""
    return 0 < epoch - config.plain_epochs <= config.digit_copies


def _epoch_sizes(config: FastConfig, n_start: int, n_copy: int) -> list[int]:
    """Samples each epoch trains on, the measure of its work for the time remaining."""
    sizes, n = [], n_start
    for epoch in range(1, config.epochs + 1):
        n += n_copy if _grows_in(epoch, config) else 0
        sizes.append(n)
    return sizes


def _epoch(
    network: Network,
    optimizer: Adam,
    X: np.ndarray,
    targets: np.ndarray,
    batch_size: int,
    rng: np.random.Generator,
    stop: Callable[[], bool],
) -> float | None:
    """One pass over (X, targets) in shuffled mini-batches; the mean loss (None: stopped)."""
    shuffled = rng.permutation(len(targets))
    losses = []
    for start in range(0, len(shuffled), batch_size):
        if stop():
            return None
        batch = shuffled[start : start + batch_size]
        activations = network.forward(X[batch])
        losses.append(network.loss(activations[-1], targets[batch]) * len(batch))
        optimizer.step(network.parameters, network.backward(activations, targets[batch]))
    return float(np.sum(losses) / len(targets))


class _BestEpoch:
    """The epoch with the highest validation accuracy so far. With ~130 validation digits
    it ties often, and a tie goes to the later epoch, which has learnt more."""

    def __init__(self, network: Network):
        self.accuracy, self.network, self.epoch = -1.0, network, 0

    def consider(self, epoch: int, accuracy: float, network: Network) -> None:
        if accuracy >= self.accuracy:
            self.accuracy, self.network, self.epoch = accuracy, network, epoch


def _finish(network, config, split, elapsed, extra) -> Finished:
    settings = {k: v for k, v in asdict(config).items() if k not in ("recipe", "seed")}
    metadata = {
        "recipe": config.recipe,
        "settings": settings,
        "seed": config.seed,
        "split_seed": split.seed,
        "training_data": TRAINING_DATA_NAMES[config.training_data],
        "test_accuracy": accuracy(network, split.X_test, split.y_test),
        "training_seconds": round(elapsed, 3),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "bpdraw_version": __version__,
        **extra,
    }
    return Finished(model=Model(network, metadata), elapsed=elapsed)

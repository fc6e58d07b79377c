"""Training recipes and the one training loop that the app, the CLI and the benchmark consume.

``train(config)`` is a generator: it yields ``Progress`` events while it learns and one
``Finished`` event with the trained model last. A caller cancels by no longer asking for
events. The same seed gives the same model.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import ClassVar

import numpy as np

from bpdraw import __version__
from bpdraw.augment import distort_digits
from bpdraw.data import N_CLASSES, N_INPUTS, DigitSplit, load_split, one_hot, scale
from bpdraw.model import Model
from bpdraw.network import Network
from bpdraw.optimizers import SGD, Adam

TRAINING_DATA = ("digits", "digits+pen")
TRAINING_DATA_NAMES = {
    "digits": "load_digits",
    "digits+pen": "load_digits + pen digits",
}
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


class TrainingDiverged(Exception):
    """The loss went non-finite or exploded; the message says what to change."""


def _check_int(name: str, value, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:,} and {high:,}, not {value:,}")


def _check_float(name: str, value, low: float, high: float, low_open: bool = True) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating)):
        raise ValueError(f"{name} must be a number, not {value!r}")
    if not np.isfinite(value) or (value <= low if low_open else value < low) or value > high:
        bound = f"greater than {low:g}" if low_open else f"at least {low:g}"
        raise ValueError(f"{name} must be {bound} and at most {high:g}, not {value!r}")


@dataclass(frozen=True)
class ClassicConfig:
    """The course's recipe: sigmoid outputs, squared error, weights uniform in [-1, 1),
    one randomly picked training sample per step, plain gradient descent."""

    title: ClassVar[str] = "classic (the course)"
    summary: ClassVar[str] = (
        "the course's per-sample gradient descent with sigmoid outputs: "
        "slow, but every step is the textbook formula"
    )
    length_setting: ClassVar[str] = "steps"

    hidden_units: int = 100
    learning_rate: float = 0.11
    steps: int = 30_000
    seed: int = 0
    recipe: str = field(default="classic", init=False)

    def __post_init__(self):
        _check_int("hidden units", self.hidden_units, 1, 10_000)
        _check_float("learning rate", self.learning_rate, 0.0, 1_000.0)
        _check_int("steps", self.steps, 1, 100_000_000)
        _check_int("seed", self.seed, 0, 2**32 - 1)
        _as_python_numbers(self)

    @property
    def training_data(self) -> str:
        return "digits"

    @property
    def length(self) -> int:
        """How long the run is, in ``unit``s."""
        return self.steps

    @property
    def unit(self) -> str:
        return "step"


@dataclass(frozen=True)
class FastConfig:
    """The same 64-100-10 shape trained well: softmax + cross-entropy, Glorot initialisation,
    standardised inputs, Adam with a cosine-decaying rate on shuffled mini-batches, distorted
    copies of the training digits (``digit_copies`` of them, one more each epoch after the
    first ``plain_epochs``, which learn the plain digits quickly), and early stopping on a
    validation part carved out of the training digits. The test digits choose nothing.

    ``training_data`` "digits+pen" adds pen-drawn digits rendered through the canvas's
    conversion with random distortions (``pen_copies`` renderings of each).
    """

    title: ClassVar[str] = "fast (Adam, softmax)"
    summary: ClassVar[str] = (
        "Adam on mini-batches with softmax outputs and distorted copies: "
        "higher accuracy in a few seconds; the shipped model's recipe"
    )
    length_setting: ClassVar[str] = "epochs"

    hidden_units: int = 100
    learning_rate: float = 0.015
    epochs: int = 26
    batch_size: int = 64
    weight_decay: float = 1e-4
    validation_fraction: float = 0.1
    patience: int = 10
    digit_copies: int = 10
    plain_epochs: int = 6
    seed: int = 0
    training_data: str = "digits"
    pen_copies: int = 4
    recipe: str = field(default="fast", init=False)

    def __post_init__(self):
        _check_int("hidden units", self.hidden_units, 1, 10_000)
        _check_float("learning rate", self.learning_rate, 0.0, 1_000.0)
        _check_int("epochs", self.epochs, 1, 100_000)
        _check_int("batch size", self.batch_size, 1, 100_000)
        _check_float("weight decay", self.weight_decay, 0.0, 1.0, low_open=False)
        _check_float("validation fraction", self.validation_fraction, 0.0, 0.5)
        _check_int("patience", self.patience, 1, 100_000)
        _check_int("seed", self.seed, 0, 2**32 - 1)
        _check_int("digit copies", self.digit_copies, 0, 100)
        _check_int("plain epochs", self.plain_epochs, 0, 100_000)
        _check_int("pen copies", self.pen_copies, 1, 100)
        _as_python_numbers(self)
        if self.training_data not in TRAINING_DATA:
            raise ValueError(
                f"training data must be one of {', '.join(TRAINING_DATA)}, "
                f"not {self.training_data!r}"
            )

    @property
    def length(self) -> int:
        """How long the run is at most, in ``unit``s (early stopping may end it sooner)."""
        return self.epochs

    @property
    def unit(self) -> str:
        return "epoch"


Config = ClassicConfig | FastConfig
# every recipe by the name that settings, files and the command line use
RECIPES: dict[str, type[ClassicConfig] | type[FastConfig]] = {
    "classic": ClassicConfig,
    "fast": FastConfig,
}


def _as_python_numbers(config) -> None:
    """NumPy numbers (as from an array of settings) become int/float, so they save as JSON."""
    for name, value in vars(config).items():
        if isinstance(value, np.integer):
            object.__setattr__(config, name, int(value))
        elif isinstance(value, np.floating):
            object.__setattr__(config, name, float(value))


def config_from_settings(recipe: str, /, **settings) -> Config:
    """Build the config of ``recipe`` ("classic" or "fast"); unknown settings are refused."""
    if recipe not in RECIPES:
        raise ValueError(f"recipe must be one of {', '.join(RECIPES)}, not {recipe!r}")
    kind = RECIPES[recipe]
    known = {name for name, f in kind.__dataclass_fields__.items() if f.init}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ValueError(f"the {recipe} recipe has no setting {', '.join(unknown)}")
    return kind(**settings)


@dataclass(frozen=True)
class Progress:
    """How far a run is. ``elapsed`` counts only time spent training, not time the caller
    spent between events. ``network`` is the network as it stands at this event. An event
    with ``done`` 0 (and no network, NaN loss and accuracy) says the run is still preparing
    its data: ``prepared`` of its ``preparation_steps`` are ready.

    ``preparation_seconds`` is the part of ``elapsed`` spent preparing; ``work_done`` and
    ``work_total`` measure the training itself in samples passed through the network (the
    fast recipe's epochs grow as distorted copies join), so the time remaining follows the
    pace of training alone, not the preparation that came first."""

    done: int
    total: int
    unit: str
    loss: float
    train_accuracy: float
    validation_accuracy: float | None
    elapsed: float
    network: Network | None = field(repr=False, compare=False)
    prepared: int = 0
    preparation_steps: int = 0
    preparation_seconds: float = 0.0
    work_done: float | None = None
    work_total: float | None = None

    @property
    def fraction(self) -> float:
        return self.done / self.total

    @property
    def preparing(self) -> bool:
        return self.done == 0

    @property
    def remaining(self) -> float | None:
        """Seconds the run still needs at most (early stopping may end it sooner), at the
        pace of its training so far; None while preparing, as that pace is not known yet."""
        if self.preparing:
            return None
        done, total = self.work_done, self.work_total
        if done is None or total is None:
            done, total = self.done, self.total
        if done <= 0:
            return None
        pace = (self.elapsed - self.preparation_seconds) / done
        return max(0.0, pace * (total - done))


@dataclass(frozen=True)
class Finished:
    model: Model
    elapsed: float


class _Clock:
    """Training time: runs only while the generator works, not while it waits at a yield."""

    def __init__(self):
        self.total = 0.0
        self._start = time.perf_counter()

    def pause(self) -> float:
        self.total += time.perf_counter() - self._start
        return self.total

    def resume(self) -> None:
        self._start = time.perf_counter()


def _preparing(total: int, unit: str, clock: _Clock) -> Progress:
    """The event that says the run is still preparing its data."""
    event = Progress(0, total, unit, float("nan"), float("nan"), None, clock.pause(), None)
    clock.resume()
    return event


def train(config: Config, split: DigitSplit | None = None) -> Iterator[Progress | Finished]:
    """Run ``config``; yields Progress events, then one Finished. Raises TrainingDiverged."""
    if split is None:
        split = load_split(config.seed)
    if isinstance(config, ClassicConfig):
        return _train_classic(config, split)
    if isinstance(config, FastConfig):
        return _train_fast(config, split)
    raise TypeError(f"not a training config: {config!r}")


def accuracy(network: Network, X: np.ndarray, labels: np.ndarray) -> float:
    return float((network.output_of(X).argmax(axis=1) == labels).mean())


def _check_diverged(
    network: Network, loss: float, first_loss: float, config: Config, X_sample: np.ndarray
) -> None:
    """Raise TrainingDiverged if the run blew up: a non-finite loss or parameter, a loss well
    above both chance and where the run started, or sigmoid units saturated for good.
    A run that learns slowly is not diverging."""
    finite = np.isfinite(loss) and all(np.all(np.isfinite(p)) for p in network.parameters)
    ceiling = DIVERGENCE_FACTOR * max(CHANCE_LOSS[network.output], first_loss)
    exploding = finite and loss > ceiling
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


def _train_classic(config: ClassicConfig, split: DigitSplit) -> Iterator[Progress | Finished]:
    clock = _Clock()
    rng = np.random.default_rng(config.seed)
    network = Network.initialise((N_INPUTS, config.hidden_units, N_CLASSES), rng, "uniform")
    optimizer = SGD(config.learning_rate)
    targets = one_hot(split.y_train)
    picks = rng.integers(0, len(split.y_train), size=config.steps)
    report_every = max(1, config.steps // 200)
    running_loss, since_report, first_loss = 0.0, 0, None
    with np.errstate(over="ignore", invalid="ignore"):
        for step, index in enumerate(picks, start=1):
            x, t = split.X_train[index : index + 1], targets[index : index + 1]
            activations = network.forward(x)
            running_loss += network.loss(activations[-1], t)
            since_report += 1
            optimizer.step(network.parameters, network.backward(activations, t))
            if step % report_every == 0 or step == config.steps:
                loss = running_loss / since_report
                first_loss = loss if first_loss is None else first_loss
                _check_diverged(network, loss, first_loss, config, split.X_train[:200])
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


def _train_fast(config: FastConfig, split: DigitSplit) -> Iterator[Progress | Finished]:
    clock = _Clock()
    rng = np.random.default_rng(config.seed)
    order = rng.permutation(len(split.y_train))
    n_validation = max(1, round(config.validation_fraction * len(order)))
    validation, fitting = order[:n_validation], order[n_validation:]
    X_validation, y_validation = split.X_train[validation], split.y_train[validation]
    X_fit, y_fit = split.X_train[fitting], split.y_train[fitting]
    if config.training_data == "digits+pen":
        from bpdraw.augment import augmented_pen_set

        # rendered a copy at a time (seconds in all), with an event after each, so a
        # caller can cancel while the data is prepared; the random draws are the same
        # as rendering every copy in one call
        for copy in range(config.pen_copies + 1):
            X_pen, y_pen = augmented_pen_set(rng, min(copy, 1), include_clean=copy == 0)
            X_fit = np.concatenate([X_fit, scale(X_pen)])
            y_fit = np.concatenate([y_fit, y_pen])
            yield _preparing(config.epochs, "epoch", clock)
    # train on standardised pixels (each zero mean, unit spread), which Adam steps through
    # evenly; the shift and scale are folded into the first layer for every snapshot
    shift = X_fit.mean(axis=0)
    spread = X_fit.std(axis=0) + 0.1  # + 0.1: border pixels that are almost always blank
    X_fit = (X_fit - shift) / spread
    network = Network.initialise(
        (N_INPUTS, config.hidden_units, N_CLASSES), rng, "scaled", output="softmax"
    )
    optimizer = Adam(config.learning_rate, weight_decay=config.weight_decay)
    # the best epoch is the one with the highest validation accuracy; with ~130 validation
    # digits it ties often, and a tie goes to the later epoch, which has learnt more
    best = (-1.0, network, 0)
    first_loss = None
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(1, config.epochs + 1):
            # cosine decay: large steps first, small ones to settle at the end
            optimizer.learning_rate = (
                config.learning_rate * 0.5 * (1 + np.cos(np.pi * (epoch - 1) / config.epochs))
            )
            # after plain_epochs on the digits as they are (a few milliseconds each), the
            # training set grows by one distorted copy of the digits per epoch up to
            # digit_copies: no epoch waits for every copy to be made
            growing = 0 < epoch - config.plain_epochs <= config.digit_copies
            if growing:
                copy = distort_digits(split.images_train[fitting], rng)
                X_fit = np.concatenate([X_fit, (scale(copy) - shift) / spread])
                y_fit = np.concatenate([y_fit, split.y_train[fitting]])
            if epoch == 1 or growing:
                targets = one_hot(y_fit)
            shuffled = rng.permutation(len(y_fit))
            losses = []
            for start in range(0, len(shuffled), config.batch_size):
                batch = shuffled[start : start + config.batch_size]
                activations = network.forward(X_fit[batch])
                losses.append(network.loss(activations[-1], targets[batch]) * len(batch))
                optimizer.step(network.parameters, network.backward(activations, targets[batch]))
            loss = float(np.sum(losses) / len(y_fit))
            first_loss = loss if first_loss is None else first_loss
            _check_diverged(network, loss, first_loss, config, X_fit[:200])
            snapshot = _unstandardised(network, shift, spread)
            validation_accuracy = accuracy(snapshot, X_validation, y_validation)
            if validation_accuracy >= best[0]:
                best = (validation_accuracy, snapshot, epoch)
            stopping = epoch - best[2] >= config.patience
            yield Progress(
                done=epoch,
                total=config.epochs,
                unit="epoch",
                loss=loss,
                train_accuracy=accuracy(network, X_fit, y_fit),
                validation_accuracy=validation_accuracy,
                elapsed=clock.pause(),
                network=snapshot,
            )
            clock.resume()
            if stopping:
                break
    network = best[1]
    extra = {
        "epochs_run": epoch,
        "best_epoch": best[2],
        "validation_accuracy": best[0],
    }
    yield _finish(network, config, split, clock.pause(), extra)


def _unstandardised(network: Network, shift: np.ndarray, spread: np.ndarray) -> Network:
    """A copy of ``network`` that takes raw inputs x where it took (x - shift) / spread."""
    first = network.weights[0] / spread[:, None]
    first_bias = network.biases[0] - (shift / spread) @ network.weights[0]
    weights = [first, *(w.copy() for w in network.weights[1:])]
    biases = [first_bias, *(b.copy() for b in network.biases[1:])]
    return Network(weights, biases, network.output)


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

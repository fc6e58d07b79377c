"""The one training loop that the app, the CLI and the benchmark consume.

``train(config)`` is a generator: it yields ``Progress`` events while it learns and one
``Finished`` event with the trained model last. A caller cancels by no longer asking for
events. The same seed gives the same model. The recipes themselves live in bpdraw.recipes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

import numpy as np
from threadpoolctl import ThreadpoolController

from bpdraw import __version__
from bpdraw.augment import distort_digits
from bpdraw.data import N_CLASSES, N_INPUTS, PIXEL_MAX, DigitSplit, load_split, one_hot, scale
from bpdraw.divergence import LossWatch, TrainingDiverged, check_diverged
from bpdraw.events import Clock, Finished, Progress, preparing_event
from bpdraw.model import Model
from bpdraw.network import Network
from bpdraw.optimizers import SGD, Adam
from bpdraw.pen_recipe import (
    ExtraData,
    calibration_drawings,
    calibration_metadata,
    shipped_pen_copy,
)
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

# A classic run asks whether to stop every this many steps; random picks are drawn in blocks.
STOP_CHECK_STEPS = 64
PICK_BLOCK = 65_536
# Pixels are standardised by their spread + this: border pixels are almost always blank.
SPREAD_FLOOR = 0.1
# The fast recipe computes in float32 (about twice float64's speed on these small matrices);
# every network it hands out is float64 again, like the classic recipe's.
FAST_DTYPE = np.float32
# Mini-batches timed on a throwaway network while preparing, to foresee the training's time.
PACE_PROBE_BATCHES = 8
# One block this large allocated and freed before a fast run (see _keep_freed_memory).
FREED_BLOCK_BYTES = 32 * 2**20 - 2**16


def train(
    config: Config,
    split: DigitSplit | None = None,
    *,
    extra_data: ExtraData | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[Progress | Finished]:
    """Run ``config``; yields Progress events, then one Finished. Raises TrainingDiverged.

    ``extra_data`` makes the digits a "digits+pen" run adds to load_digits, a copy at a
    time (``pen_copies`` + 1 calls); by default the pendigits and UJI 01-40 drawings,
    shipped_pen_copy. A "digits+pen" model ends calibrated (bpdraw.pen_recipe): its
    metadata carries a temperature and a "not a digit" score.
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
        return _on_one_blas_thread(_train_classic(config, split, stop))
    if isinstance(config, FastConfig):
        if config.training_data == "digits+pen" and extra_data is None:
            extra_data = shipped_pen_copy
        return _on_one_blas_thread(_train_fast(config, split, extra_data, stop))
    raise TypeError(f"not a training config: {config!r}")


def _never() -> bool:
    return False


def _on_one_blas_thread(run: Iterator[Progress | Finished]) -> Iterator[Progress | Finished]:
    """``run``'s events, computed with NumPy's BLAS on one thread, whoever calls: our
    matrices are small (64x200 at most in a batch), and on a busy 2-core machine several
    threads made training about 4x slower (measured). The limit is lifted at every yield,
    so the caller's own work between events runs as the caller chose."""
    controller = ThreadpoolController()
    try:
        while True:
            with controller.limit(limits=1, user_api="blas"):
                try:
                    event = next(run)
                except StopIteration:
                    return
            yield event
    finally:
        run.close()


def accuracy(network: Network, X: np.ndarray, labels: np.ndarray) -> float:
    return float((network.output_of(X).argmax(axis=1) == labels).mean())


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
    watch = LossWatch()
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
                check_diverged(network, loss, watch, config, split.X_train[:200])
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
    _keep_freed_memory()
    rng = np.random.default_rng(config.seed)
    validation, fitting = _validation_split(len(split.y_train), config.validation_fraction, rng)
    X_validation, y_validation = split.X_train[validation], split.y_train[validation]
    X_fit, y_fit = split.X_train[fitting], split.y_train[fitting]
    # digits the "not a digit" score of a calibrated model learns from: the plain ones
    X_plain = split.X_train[fitting]
    if extra_data is not None:
        X_extra, y_extra, n_clean = yield from _prepare_extra(
            extra_data, config, len(fitting), rng, clock
        )
        X_plain = np.concatenate([X_plain, X_extra[:n_clean]])
        X_fit, y_fit = np.concatenate([X_fit, X_extra]), np.concatenate([y_fit, y_extra])
    preparation_seconds = clock.pause()
    clock.resume()
    calibration = None
    if config.training_data == "digits+pen":
        # The calibration's drawings depend on the seed alone: made on another thread (NumPy
        # lets go of the interpreter in its loops) while this one trains. A cancelled run
        # leaves the thread to end with its one task (a fraction of a second).
        background = ThreadPoolExecutor(1, thread_name_prefix="bpdraw-calibration")
        calibration = background.submit(calibration_drawings, config.seed)
        background.shutdown(wait=False)
    standardise = _Standardisation.of(X_fit)
    X_fit = standardise(X_fit).astype(FAST_DTYPE)
    network = _fast_network(config, rng)
    optimizer = Adam(config.learning_rate, weight_decay=config.weight_decay)
    best = _BestEpoch(network)
    work = np.cumsum(_epoch_sizes(config, len(y_fit), len(fitting)))
    watch = LossWatch()
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(1, config.epochs + 1):
            optimizer.learning_rate = _cosine_rate(config, epoch)
            growing = _grows_in(epoch, config)
            if growing:
                copy = distort_digits(split.images_train[fitting], rng)
                X_fit = np.concatenate([X_fit, standardise(scale(copy)).astype(FAST_DTYPE)])
                y_fit = np.concatenate([y_fit, split.y_train[fitting]])
            if epoch == 1 or growing:
                targets = one_hot(y_fit).astype(FAST_DTYPE)
            result = _epoch(network, optimizer, X_fit, targets, config.batch_size, rng, stop)
            if result is None:  # stopped inside the epoch
                return
            loss, train_accuracy = result
            watch.add(loss, len(targets))
            check_diverged(network, loss, watch, config, X_fit[:200])
            snapshot = standardise.folded_into(network)
            validation_accuracy = accuracy(snapshot, X_validation, y_validation)
            best.consider(epoch, validation_accuracy, snapshot)
            yield Progress(
                done=epoch,
                total=config.epochs,
                unit=config.unit,
                loss=loss,
                train_accuracy=train_accuracy,
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
    if calibration is not None:
        drawings = calibration.result()
        extra |= calibration_metadata(best.network, X_plain * PIXEL_MAX, config.seed, drawings)
    yield _finish(best.network, config, split, clock.pause(), extra)


def _keep_freed_memory() -> None:
    """Let the run's temporary arrays reuse freed memory from the start. glibc's malloc hands
    every freed block over 128 KB straight back to the system, so the next one faults in
    fresh pages, until it sees such a block freed; then it raises that bar to the block's
    size (up to 32 MB). One untouched block of nearly 32 MB, allocated and freed, does this
    up front: the first shipped-recipe run in a process faulted 173,000 pages instead of
    42,000 (0.2-0.3 s). Elsewhere it costs an untouched allocation, nothing more."""
    np.empty(FREED_BLOCK_BYTES, dtype=np.uint8)


def _fast_network(config: FastConfig, rng: np.random.Generator) -> Network:
    """The fast recipe's network (Glorot, softmax), computing in FAST_DTYPE."""
    network = Network.initialise(
        (N_INPUTS, config.hidden_units, N_CLASSES), rng, "scaled", output="softmax"
    )
    network.weights = [w.astype(FAST_DTYPE) for w in network.weights]
    network.biases = [b.astype(FAST_DTYPE) for b in network.biases]
    return network


def _validation_split(
    n: int, fraction: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """(validation, fitting): indices of the training digits, a random ``fraction`` (at
    least one) set aside to choose the best epoch."""
    order = rng.permutation(n)
    n_validation = max(1, round(fraction * n))
    return order[:n_validation], order[n_validation:]


def _prepare_extra(
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
            seconds_per_sample, seconds_per_copy = _pace_probe(config, n_fitting)
        made = sum(len(part) for part in parts_y)
        n_extra = made * steps / (copy + 1)  # the copies still to come, as large as these
        work = _epoch_sizes(config, n_fitting + round(n_extra), n_fitting)
        forecast = seconds_per_sample * sum(work) + seconds_per_copy * config.digit_copies
        yield preparing_event(config, clock, copy + 1, steps, forecast)
    return np.concatenate(parts_X), np.concatenate(parts_y), len(parts_y[0])


def _pace_probe(config: FastConfig, n_fitting: int) -> tuple[float, float]:
    """(seconds per training sample, seconds per distorted copy of the digits) of this
    config, timed on a few mini-batches of a throwaway network and one copy of blank digits
    (with random numbers of their own: the run's are not touched)."""
    probe_rng = np.random.default_rng(0)
    network = _fast_network(config, probe_rng)
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
) -> tuple[float, float] | None:
    """One pass over (X, targets) in shuffled mini-batches; -> (mean loss, share of samples
    the network got right as it met them), or None when stopped. The accuracy comes from the
    batches' own outputs, so no second pass over the (tens of thousands) samples is needed."""
    shuffled = rng.permutation(len(targets))
    loss_sum, correct = 0.0, 0
    for start in range(0, len(shuffled), batch_size):
        if stop():
            return None
        batch = shuffled[start : start + batch_size]
        batch_targets = targets[batch]
        activations = network.forward(X[batch])
        outputs = activations[-1]
        loss_sum += network.loss(outputs, batch_targets) * len(batch)
        correct += int((outputs.argmax(axis=1) == batch_targets.argmax(axis=1)).sum())
        optimizer.step(network.parameters, network.backward(activations, batch_targets))
    return loss_sum / len(targets), correct / len(targets)


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

"""The one training loop that the app, the CLI and the benchmark consume.

``train(config)`` is a generator: it yields ``Progress`` events while it learns and one
``Finished`` event with the trained model last. A caller cancels by no longer asking for
events. The same seed gives the same model. The recipes themselves live in bpdraw.recipes,
the pieces of a fast run (its network, schedules, best epoch, preparation) in bpdraw.fast_run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import datetime, timezone

import numpy as np
from threadpoolctl import ThreadpoolController

from bpdraw import __version__
from bpdraw.augment import distort_digits
from bpdraw.data import N_CLASSES, N_INPUTS, PIXEL_MAX, DigitSplit, load_split, one_hot, scale
from bpdraw.divergence import LossWatch, TrainingDiverged, check_diverged
from bpdraw.events import Clock, Finished, Progress
from bpdraw.fast_run import (
    FAST_DTYPE,
    BestEpoch,
    Standardisation,
    cosine_rate,
    epoch_sizes,
    fast_network,
    grows_in,
    keep_freed_memory,
    prepare_extra,
    validation_split,
)
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
    keep_freed_memory()
    rng = np.random.default_rng(config.seed)
    validation, fitting = validation_split(len(split.y_train), config.validation_fraction, rng)
    X_validation, y_validation = split.X_train[validation], split.y_train[validation]
    X_fit, y_fit = split.X_train[fitting], split.y_train[fitting]
    # digits the "not a digit" score of a calibrated model learns from: the plain ones
    X_plain = split.X_train[fitting]
    if extra_data is not None:
        X_extra, y_extra, n_clean = yield from prepare_extra(
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
    standardise = Standardisation.of(X_fit)
    X_fit = standardise(X_fit).astype(FAST_DTYPE)
    network = fast_network(config, rng)
    optimizer = Adam(config.learning_rate, weight_decay=config.weight_decay)
    best = BestEpoch(network)
    work = np.cumsum(epoch_sizes(config, len(y_fit), len(fitting)))
    watch = LossWatch()
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(1, config.epochs + 1):
            optimizer.learning_rate = cosine_rate(config, epoch)
            growing = grows_in(epoch, config)
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

"""Adapting a model to one person's handwriting from a few of their drawings.

The drawings go through the canvas's own conversion (`augment.render`), each with
distorted copies (the strokes distortion), and the network is fine-tuned with Adam
on batches that mix them with load_digits' training digits, so what it knew is
kept. A few hundred small steps: a second or so on a 2-core machine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from bpdraw import augment, preprocess
from bpdraw.data import N_CLASSES, load_split, one_hot, scale
from bpdraw.model import Model
from bpdraw.network import Network
from bpdraw.optimizers import Adam
from bpdraw.preprocess import PackedStrokes

MIN_DRAWINGS = 2
MIN_CLASSES = 2
# The render cost grows with drawings x copies; beyond this many renderings the
# copies per drawing shrink, so a large store still teaches in seconds.
MAX_RENDERINGS = 2000


class BadTeachingData(ValueError):
    """Drawings and labels that cannot teach a model; the message says what to do."""


class AdaptCancelled(Exception):
    """should_stop() asked to stop; the base model is untouched."""


@dataclass(frozen=True)
class AdaptSettings:
    """How a model is fine-tuned on a person's drawings (chosen with scripts/eval_teach.py).

    copies: distorted renderings of each drawing (besides the drawing itself).
    steps: Adam steps; batch: the person's renderings per step, mixed with
    digits_per_batch of load_digits' training digits.
    """

    copies: int = 30
    steps: int = 500
    learning_rate: float = 0.002
    batch: int = 64
    digits_per_batch: int = 192
    weight_decay: float = 0.0
    # bent as well as turned and slanted: from two drawings of a digit, the copies must
    # cover how the same hand varies (loops open and close, stems lengthen)
    distortion: augment.Distortion = augment.Distortion(bend=0.10)

    def __post_init__(self) -> None:
        for name, low in (("copies", 0), ("steps", 1), ("batch", 1), ("digits_per_batch", 0)):
            value = getattr(self, name)
            if not isinstance(value, int) or value < low:
                raise ValueError(f"{name} must be an int >= {low}, got {value!r}")
        if not 0 < self.learning_rate <= 1:
            raise ValueError(f"learning_rate must be in (0, 1], got {self.learning_rate}")


DEFAULT_SETTINGS = AdaptSettings()


def pack_drawings(drawings: Sequence[Sequence[np.ndarray]]) -> PackedStrokes:
    """Drawings (each a list of (k, 2) x, y strokes) -> PackedStrokes; non-finite points dropped."""
    try:
        return preprocess.pack_drawings(drawings)
    except ValueError as error:
        raise BadTeachingData(str(error)) from None


def check_teaching_data(drawings: Sequence, labels: Sequence[int]) -> np.ndarray:
    """The labels as an int array, or BadTeachingData saying what is wrong."""
    if len(drawings) != len(labels):
        raise BadTeachingData(f"{len(drawings)} drawings but {len(labels)} labels")
    labels = np.asarray(labels)
    if labels.size and (labels.dtype.kind not in "iu" or labels.min() < 0 or labels.max() > 9):
        raise BadTeachingData(f"labels must be digits 0-9, got {sorted(set(labels.tolist()))}")
    if len(labels) < MIN_DRAWINGS:
        raise BadTeachingData(
            f"{len(labels)} drawing(s) is too few to learn from: draw at least "
            f"{MIN_DRAWINGS}, of at least {MIN_CLASSES} different digits"
        )
    if len(np.unique(labels)) < MIN_CLASSES:
        raise BadTeachingData(
            f"all drawings are {int(labels[0])}s: with one digit only the model would learn "
            "to answer it for everything; add drawings of other digits"
        )
    return labels.astype(np.int64)


def adapt(
    model: Model,
    drawings: Sequence[Sequence[np.ndarray]],
    labels: Sequence[int],
    *,
    seed: int = 0,
    settings: AdaptSettings = DEFAULT_SETTINGS,
    progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Model:
    """A copy of `model` fine-tuned on a person's drawings; `model` itself is not changed.

    drawings: each a list of strokes, each an (k, 2) array of x, y (y down), any scale.
    labels: the digit of each drawing, 0-9. Deterministic for a seed.
    progress(fraction 0-1) is called as the work goes; should_stop() -> True cancels
    (AdaptCancelled). Raises BadTeachingData for too few drawings, one digit only,
    labels out of range or drawings that render as nothing.
    """
    labels = check_teaching_data(drawings, labels)
    packed = pack_drawings(drawings)
    X_clean, drawn = augment.render(packed)
    if not drawn.any():
        raise BadTeachingData("none of the drawings has anything drawn in it")
    if not drawn.all():
        blank = np.flatnonzero(~drawn).tolist()
        raise BadTeachingData(f"drawings {blank} have nothing drawn in them (a dot or a click)")

    rng = np.random.default_rng(seed)
    stop = should_stop or (lambda: False)
    report = progress or (lambda fraction: None)
    split = load_split(model.split_seed)
    X_digits, y_digits = split.X_train, split.y_train  # never its 450 test digits
    # the matrices are small: one BLAS thread is ~40x faster than two on a busy
    # 2-core machine (measured, 300 steps: 0.33 s against 13.8 s)
    with threadpool_limits(1):
        X_own, y_own = _renderings(packed, labels, X_clean, settings, rng, stop, report)
        network = _fine_tuned(
            model.network, X_own, y_own, X_digits, y_digits, settings, rng, stop, report
        )
    metadata = {
        **{k: v for k, v in model.metadata.items() if k not in ("created", "test_accuracy")},
        "adapted": {
            "base_model": model.describe(),
            "base_test_accuracy": model.test_accuracy,
            "drawings": int(len(labels)),
            "per_digit": np.bincount(labels, minlength=N_CLASSES).tolist(),
            "seed": int(seed),
            "settings": {k: v for k, v in asdict(settings).items() if k != "distortion"},
        },
        "recipe": f"{model.recipe} + adapted",
    }
    adapted = Model(network, metadata)
    adapted.metadata["test_accuracy"] = float(
        np.mean(adapted.predict(split.images_test) == split.y_test)
    )
    report(1.0)
    return adapted


def _renderings(packed, labels, X_clean, settings, rng, stop, report):
    """The drawings and their distorted copies through the canvas's conversion: (X 0-16, y)."""
    n = packed.n_drawings
    copies = min(settings.copies, max(1, MAX_RENDERINGS // n))
    parts_X, parts_y = [X_clean], [labels]
    distortion = settings.distortion
    for copy in range(copies):
        if stop():
            raise AdaptCancelled("cancelled while preparing the drawings")
        distorted = augment.distort_strokes(packed, rng, distortion)
        X, drawn = augment.render(
            distorted,
            pen_scale=rng.uniform(*distortion.pen, n),
            width_scale=rng.uniform(*distortion.width, n),
        )
        parts_X.append(X[drawn])
        parts_y.append(labels[drawn])
        report(0.5 * (copy + 1) / copies)
    return np.concatenate(parts_X), np.concatenate(parts_y)


def _fine_tuned(base, X_own, y_own, X_digits, y_digits, settings, rng, stop, report) -> Network:
    """Adam on mixed batches of the person's renderings and load_digits' digits."""
    network = Network(base.weights, base.biases, base.output)  # copies the arrays
    X_own, targets_own = scale(X_own), one_hot(y_own)
    targets_digits = one_hot(y_digits)
    optimizer = Adam(settings.learning_rate, weight_decay=settings.weight_decay)
    for step in range(settings.steps):
        if step % 20 == 0:
            if stop():
                raise AdaptCancelled("cancelled while learning")
            report(0.5 + 0.5 * step / settings.steps)
        own = rng.integers(0, len(y_own), settings.batch)
        digits = rng.integers(0, len(y_digits), settings.digits_per_batch)
        X = np.concatenate([X_own[own], X_digits[digits]])
        targets = np.concatenate([targets_own[own], targets_digits[digits]])
        activations = network.forward(X)
        optimizer.step(network.parameters, network.backward(activations, targets))
    return network

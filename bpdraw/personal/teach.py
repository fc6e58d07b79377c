"""Teaching a model a person's drawings, with before/after figures that are honest.

The figure on the person's drawings comes from drawings the model was NOT taught:
a quarter of each digit's drawings is held out, a model is taught the rest and both
the base and that model are scored on the held-out ones. The model handed back is
then taught every drawing (so it is at least as good as the one measured).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bpdraw.augment import render
from bpdraw.data import load_split
from bpdraw.model import Model
from bpdraw.personal.adapt import (
    DEFAULT_SETTINGS,
    AdaptSettings,
    adapt,
    check_teaching_data,
    pack_drawings,
)
from bpdraw.preprocess import PackedStrokes, unpack_drawings
from bpdraw.strokes_file import read_strokes_file

HELD_OUT_FRACTION = 0.25


@dataclass(frozen=True)
class TeachReport:
    """The taught model and how it reads, before (base model) and after.

    own_before/own_after: accuracy on `held_out` drawings not taught to the measured
    model (None when there are too few drawings to hold any out: `note` says so).
    test_before/test_after: accuracy on the 450 test digits of load_digits.
    """

    model: Model
    drawings: int
    held_out: int
    own_before: float | None
    own_after: float | None
    test_before: float
    test_after: float
    seconds: float
    note: str = ""


def drawings_of(packed: PackedStrokes) -> list[list[np.ndarray]]:
    """PackedStrokes -> one list of (k, 2) stroke arrays per drawing (what adapt takes)."""
    return unpack_drawings(packed)


def held_out_split(labels: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray] | None:
    """(taught, held out) indices: a quarter of each digit's drawings (rounded) held out.

    A digit with one drawing is only taught. None when the taught part would be
    unusable (fewer than 2 drawings or 1 digit) or nothing could be held out.
    """
    rng = np.random.default_rng(seed)
    taught, held = [], []
    for digit in np.unique(labels):
        of_digit = rng.permutation(np.flatnonzero(labels == digit))
        n_held = int(round(HELD_OUT_FRACTION * len(of_digit))) if len(of_digit) > 1 else 0
        n_held = max(n_held, 1) if len(of_digit) > 1 else 0
        held.extend(of_digit[:n_held])
        taught.extend(of_digit[n_held:])
    taught_labels = labels[taught]
    if not held or len(taught) < 2 or len(np.unique(taught_labels)) < 2:
        return None
    return np.sort(np.array(taught)), np.sort(np.array(held))


def teach_report(
    base: Model,
    drawings: Sequence[Sequence[np.ndarray]],
    labels: Sequence[int],
    *,
    seed: int = 0,
    settings: AdaptSettings = DEFAULT_SETTINGS,
    progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> TeachReport:
    """Teach `base` the drawings and measure it honestly (see the module docstring).

    Arguments and errors as for `adapt` (BadTeachingData, AdaptCancelled). The GUI's
    "Learn my handwriting" runs this off the GUI thread with progress and should_stop.
    """
    started = time.perf_counter()
    labels = check_teaching_data(drawings, labels)
    report = progress or (lambda fraction: None)
    split = held_out_split(labels, seed)
    own_before = own_after = None
    note = ""
    held_count = 0
    if split is None:
        note = "too few drawings to keep some aside for an honest figure"
        measured_share = 0.0
    else:
        taught, held = split
        held_count = len(held)
        X_held, drawn = render(pack_drawings([drawings[i] for i in held]))
        measured = adapt(
            base,
            [drawings[i] for i in taught],
            labels[taught],
            seed=seed,
            settings=settings,
            progress=lambda fraction: report(0.45 * fraction),
            should_stop=should_stop,
        )
        y_held = labels[held]
        own_before = float(np.mean(base.predict(X_held[drawn]) == y_held[drawn]))
        own_after = float(np.mean(measured.predict(X_held[drawn]) == y_held[drawn]))
        measured_share = 0.45
    model = adapt(
        base,
        drawings,
        labels,
        seed=seed,
        settings=settings,
        progress=lambda fraction: report(measured_share + (1 - measured_share) * fraction),
        should_stop=should_stop,
    )
    test = load_split(base.split_seed)  # the test digits the model never learnt from
    return TeachReport(
        model=model,
        drawings=len(labels),
        held_out=held_count,
        own_before=own_before,
        own_after=own_after,
        test_before=float(np.mean(base.predict(test.images_test) == test.y_test)),
        test_after=float(np.mean(model.predict(test.images_test) == test.y_test)),
        seconds=time.perf_counter() - started,
        note=note,
    )


def teach_file(base: Model, samples: str | os.PathLike, *, seed: int = 0) -> TeachReport:
    """`bpdraw teach SAMPLES.npz [--model BASE] -o OUT.npz`, all but the arguments and saving.

    samples: a strokes file (an export of "My digits", or any file `bpdraw evaluate
    --strokes` reads). The command is a thin wrapper:

        report = teach_file(load(args.model) if args.model else load_default(), args.samples)
        report.model.save(args.output)
        print("\\n".join(teach_report_lines(report)))  # bpdraw.cli_teach

    Raises StrokesFileError for an unreadable file and BadTeachingData for drawings
    that cannot teach; both messages are meant for the user.
    """
    packed, labels = read_strokes_file(samples)
    return teach_report(base, drawings_of(packed), labels, seed=seed)

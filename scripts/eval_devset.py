"""Measure how well drawings are read, on the pen-drawn dev set, split by writer.

Every dev-set digit is first replayed as a person would draw it on the canvas: a
random size (small to large), a random place, the points resampled at the rate of
mouse-move events and rounded to whole pixels. It then goes through a conversion
variant and a model, and the accuracy is reported per writer group:

  tune      writers 01-10 (ideas were chosen on these)
  held-out  writers 11-14 (only reported)
  rotation  each group of writers left out of the pen training data in turn

Models trained with pen digits never see the writers they are scored on.

    python scripts/eval_devset.py conversions          # preprocessing variants, load_digits model
    python scripts/eval_devset.py training --copies 2 4   # training data, bpdraw.training

"conversions" uses a scratch model (scikit-learn's MLPClassifier, 64-100-10, trained on
load_digits) only to compare preprocessing ideas quickly; "training" trains with
bpdraw.training's fast recipe, like the shipped model.
"""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from bpdraw import augment
from bpdraw.augment import Distortion, load_pen_packed, render
from bpdraw.data import load_split
from bpdraw.preprocess import Conversion, PackedStrokes

DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "devsets" / "pendigits_strokes.npz"
TUNE_WRITERS = [f"{w:02d}" for w in range(1, 11)]
HELD_OUT_WRITERS = ["11", "12", "13", "14"]
ROTATIONS = [["01", "02", "03", "04"], ["05", "06", "07"], ["08", "09", "10"], HELD_OUT_WRITERS]

CONVERSIONS = {
    "baseline: keep aspect, thin pen 2 px": Conversion(
        keep_aspect=True, pen_width=2.0, min_ink_width=0
    ),
    "baseline: keep aspect, thick pen 5 px": Conversion(
        keep_aspect=True, pen_width=5.0, min_ink_width=0
    ),
    "+ full height, width 20 px (pen 4 px)": Conversion(pen_width=4.0, min_ink_width=0),
    "+ pen from ink target (312 px)": Conversion(min_ink_width=0),
    "+ thick narrow digits (default)": Conversion(),
}


def mouse_drags(packed: PackedStrokes, rng: np.random.Generator, canvas: int = 400):
    """The drawings as canvas mouse drags: random size and place, event-rate points, whole px."""
    points, stroke_ptr, sample_ptr = packed.points, packed.stroke_ptr, packed.sample_ptr
    new_points, new_stroke_ptr, new_sample_ptr = [], [0], [0]
    for i in range(packed.n_drawings):
        strokes = [
            points[stroke_ptr[j] : stroke_ptr[j + 1]].astype(float)
            for j in range(sample_ptr[i], sample_ptr[i + 1])
        ]
        everything = np.concatenate(strokes)
        low, extent = everything.min(axis=0), np.ptp(everything, axis=0).max()
        size = rng.uniform(0.1, 0.85) * canvas
        scale = size / max(extent, 1.0)
        place = rng.uniform(0, canvas - size, 2)
        spacing = rng.uniform(1.5, 8.0)  # px between mouse-move events
        for stroke in strokes:
            on_canvas = (stroke - low) * scale + place
            steps = np.hypot(*np.diff(on_canvas, axis=0).T)
            along = np.concatenate([[0], np.cumsum(steps)])
            if along[-1] > 0:
                at = np.append(np.arange(0, along[-1], spacing), along[-1])
                on_canvas = np.stack(
                    [np.interp(at, along, on_canvas[:, 0]), np.interp(at, along, on_canvas[:, 1])],
                    axis=1,
                )
            on_canvas = np.rint(on_canvas)
            keep = np.ones(len(on_canvas), dtype=bool)
            keep[1:] = (np.diff(on_canvas, axis=0) != 0).any(axis=1)
            new_points.append(on_canvas[keep])
            new_stroke_ptr.append(new_stroke_ptr[-1] + int(keep.sum()))
        new_sample_ptr.append(new_sample_ptr[-1] + len(strokes))
    return PackedStrokes(
        np.concatenate(new_points), np.array(new_stroke_ptr), np.array(new_sample_ptr)
    )


class ScratchModel:
    """scikit-learn's MLPClassifier 64-100-10, a quick stand-in to compare preprocessing."""

    def __init__(self, X_0_16, y, seed):
        from sklearn.neural_network import MLPClassifier

        self.classifier = MLPClassifier(
            hidden_layer_sizes=(100,), alpha=1e-4, max_iter=300, random_state=seed
        )
        self.classifier.fit(X_0_16 / 16, y)

    def predict(self, X_0_16):
        return self.classifier.predict(np.asarray(X_0_16).reshape(-1, 64) / 16)


@contextmanager
def pen_writers(writers, **options):
    """Make bpdraw.training's "digits+pen" use only these writers' pen digits (and options)."""
    original = augment.augmented_pen_set

    def restricted(rng, copies, writers_=None, **ignored):
        return original(rng, copies, writers, **options)

    augment.augmented_pen_set = restricted
    try:
        yield
    finally:
        augment.augmented_pen_set = original


def train_recipe(seed, training_data, copies, epochs):
    from bpdraw.training import FastConfig, Finished, train

    config = FastConfig(seed=seed, training_data=training_data, pen_copies=copies, epochs=epochs)
    for event in train(config):
        if isinstance(event, Finished):
            return event.model
    raise RuntimeError("training ended without a model")


def load_dev(path):
    packed, labels, writers = load_pen_packed(str(path))
    return packed, labels, writers


def accuracy_by(model, X, labels, writers, groups):
    predicted = model.predict(X)
    return {
        name: float((predicted[np.isin(writers, group)] == labels[np.isin(writers, group)]).mean())
        for name, group in groups.items()
    }


def cmd_conversions(args, drags, labels, writers):
    split = load_split(0)
    X_digits, y_digits = split.images_train.reshape(-1, 64), split.y_train
    print(f"{'conversion (model: load_digits only, scratch MLP)':48s} tune  held-out")
    for name, conversion in CONVERSIONS.items():
        X_dev, drawn = render(drags, conversion)
        tune, held = [], []
        for seed in range(args.seeds):
            model = ScratchModel(X_digits, y_digits, seed)
            scores = accuracy_by(
                model,
                X_dev[drawn],
                labels[drawn],
                writers[drawn],
                {"tune": TUNE_WRITERS, "held": HELD_OUT_WRITERS},
            )
            tune.append(scores["tune"])
            held.append(scores["held"])
        print(f"{name:48s} {np.mean(tune):.3f} {np.mean(held):.3f}")


NO_DISTORTION = Distortion(
    rotation=0, slant=0, aspect=0, wobble=0, screen_height=(1e6, 1e6), pen=(1, 1), width=(1, 1)
)


def training_variants(copies):
    """(name, training_data, pen copies, augmented_pen_set options)."""
    yield "load_digits only", "digits", 1, {}
    yield (
        "+ pen digits, clean",
        "digits+pen",
        1,
        {
            "distortion": NO_DISTORTION,
            "include_clean": False,
        },
    )
    for k in copies:
        yield f"+ pen digits, clean + {k} distorted", "digits+pen", k, {}


def cmd_training(args, drags, labels, writers):
    """Train with bpdraw.training's fast recipe, leaving each group of writers out in turn."""
    X_dev, drawn = render(drags)
    print(f"{'fast recipe, training data':40s} rotation held-out test450  s/model")
    for name, training_data, copies, options in training_variants(args.copies):
        rotation_correct, held_scores, test_scores, seconds = 0, [], [], []
        for seed in range(args.seeds):
            for left_out in ROTATIONS:
                train_writers = [w for w in np.unique(writers) if w not in left_out]
                started = time.perf_counter()
                with pen_writers(train_writers, **options):
                    model = train_recipe(seed, training_data, copies, args.epochs)
                seconds.append(time.perf_counter() - started)
                mask = drawn & np.isin(writers, left_out)
                correct = int((model.predict(X_dev[mask]) == labels[mask]).sum())
                rotation_correct += correct
                if left_out is HELD_OUT_WRITERS:
                    held_scores.append(correct / mask.sum())
                    test_scores.append(model.test_accuracy)
        rotation = rotation_correct / (drawn.sum() * args.seeds)
        print(
            f"{name:40s} {rotation:.3f}    {np.mean(held_scores):.3f}    "
            f"{np.mean(test_scores):.3f}  {np.mean(seconds):4.0f}"
        )
        sys.stdout.flush()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["conversions", "training"])
    parser.add_argument("--strokes", default=str(DEV_SET), help="dev set in the pendigits format")
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--copies", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--epochs", type=int, default=150)
    args = parser.parse_args(argv)
    packed, labels, writers = load_dev(args.strokes)
    drags = mouse_drags(packed, np.random.default_rng(12345))
    commands = {"conversions": cmd_conversions, "training": cmd_training}
    commands[args.what](args, drags, labels, writers)


if __name__ == "__main__":
    main()

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
    python scripts/eval_devset.py training --no-baselines --no-held-out --distortions weak strong
    python scripts/eval_devset.py sizes --copies 4        # held-out accuracy by drawn size

"conversions" uses a scratch model (scikit-learn's MLPClassifier, 64-100-10, trained on
load_digits) only to compare preprocessing ideas quickly; "training" trains with
bpdraw.training's fast recipe, like the shipped model.
"""

from __future__ import annotations

import argparse
import sys
import time
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


def mouse_drags(
    packed: PackedStrokes,
    rng: np.random.Generator,
    canvas: int = 400,
    sizes: tuple[float, float] = (0.1, 0.85),
):
    """The drawings as canvas mouse drags: random size and place, event-rate points, whole px.

    sizes: the drawing's larger side, as a fraction of the canvas side (uniform).
    """
    points, stroke_ptr, sample_ptr = packed.points, packed.stroke_ptr, packed.sample_ptr
    new_points, new_stroke_ptr, new_sample_ptr = [], [0], [0]
    for i in range(packed.n_drawings):
        strokes = [
            points[stroke_ptr[j] : stroke_ptr[j + 1]].astype(float)
            for j in range(sample_ptr[i], sample_ptr[i + 1])
        ]
        everything = np.concatenate(strokes)
        low, extent = everything.min(axis=0), np.ptp(everything, axis=0).max()
        size = rng.uniform(*sizes) * canvas
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


def pen_writers(writers, **options):
    """The extra data of a "digits+pen" run (bpdraw.training.train's extra_data): only
    these writers' pen digits, copy 0 clean and the others distorted, with these options."""

    def pen_copy(rng, copy):
        keywords = {"include_clean": copy == 0, **options}
        return augment.augmented_pen_set(rng, min(copy, 1), writers, **keywords)

    return pen_copy


def train_recipe(seed, training_data, copies, epochs, extra_data=None, **settings):
    from bpdraw.training import FastConfig, Finished, train

    if epochs is not None:
        settings["epochs"] = epochs
    config = FastConfig(seed=seed, training_data=training_data, pen_copies=copies, **settings)
    if training_data != "digits+pen":
        extra_data = None  # load_digits alone: there is nothing to add
    for event in train(config, extra_data=extra_data):
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


DISTORTIONS = {
    "default": Distortion(),
    "weak": Distortion(rotation=5, slant=0.12, aspect=0.08, wobble=0.008, pen=(0.9, 1.1)),
    "strong": Distortion(rotation=15, slant=0.4, aspect=0.25, wobble=0.025, pen=(0.7, 1.5)),
    "no-screen": Distortion(screen_height=(1e6, 1e6)),
}


def training_variants(args):
    """(name, training_data, pen copies, augmented_pen_set options)."""
    if args.baselines:
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
    for distortion in args.distortions:
        for k in args.copies:
            yield (
                f"+ pen clean + {k} distorted ({distortion})",
                "digits+pen",
                k,
                {"distortion": DISTORTIONS[distortion]},
            )


def cmd_training(args, drags, labels, writers):
    """Train with bpdraw.training's fast recipe, leaving each group of writers out in turn.

    "tune" is the accuracy over the three folds of writers 01-10 (each fold scored by a
    model trained without it); "held-out" is writers 11-14 scored by a model trained
    without them; choices are made on "tune" only.
    """

    X_dev, drawn = render(drags)
    print(f"{'fast recipe, training data':44s} tune  held-out test450 s/model")
    settings = parse_settings(args)
    if settings:
        print(f"settings: {settings}")
    for name, training_data, copies, options in training_variants(args):
        correct = {"tune": 0, "held-out": 0}
        total = {"tune": 0, "held-out": 0}
        test_scores, seconds = [], []
        for seed in range(args.seeds):
            for left_out in ROTATIONS:
                part = "held-out" if left_out is HELD_OUT_WRITERS else "tune"
                if part == "held-out" and not args.held_out:
                    continue
                train_writers = [w for w in np.unique(writers) if w not in left_out]
                started = time.perf_counter()
                pen = pen_writers(train_writers, **options)
                model = train_recipe(seed, training_data, copies, args.epochs, pen, **settings)
                seconds.append(time.perf_counter() - started)
                mask = drawn & np.isin(writers, left_out)
                correct[part] += int((model.predict(X_dev[mask]) == labels[mask]).sum())
                total[part] += int(mask.sum())
                test_scores.append(model.test_accuracy)
        held = correct["held-out"] / total["held-out"] if total["held-out"] else float("nan")
        print(
            f"{name:44s} {correct['tune'] / total['tune']:.3f} {held:.3f}    "
            f"{np.mean(test_scores):.3f}  {np.mean(seconds):4.0f}"
        )
        sys.stdout.flush()


SIZES = {
    "tiny (24-48 px of 400)": (0.06, 0.12),
    "small (48-100 px)": (0.12, 0.25),
    "medium (100-200 px)": (0.25, 0.5),
    "large (200-340 px)": (0.5, 0.85),
}


def parse_settings(args) -> dict:
    """--setting key=value pairs as FastConfig values of the right type."""
    from bpdraw.training import FastConfig

    return {
        key: type(getattr(FastConfig, key))(value)
        for key, value in (setting.split("=", 1) for setting in args.settings)
    }


def cmd_sizes(args, drags, labels, writers):
    """Held-out accuracy by how large the digits are drawn (model trained without them)."""
    packed, _, _ = load_dev(args.strokes)
    train_writers = [w for w in np.unique(writers) if w not in HELD_OUT_WRITERS]
    pen = pen_writers(train_writers)
    settings = parse_settings(args)
    model = train_recipe(0, "digits+pen", args.copies[0], args.epochs, pen, **settings)
    if args.save_model:
        model.save(args.save_model)  # for scripts/eval_canvas.py --model
    held = np.isin(writers, HELD_OUT_WRITERS)
    print(f"fast recipe, digits+pen, copies {args.copies[0]}; writers 11-14 held out")
    for name, sizes in SIZES.items():
        sized = mouse_drags(packed, np.random.default_rng(7), sizes=sizes)
        X, drawn = render(sized)
        mask = held & drawn
        accuracy = np.mean(model.predict(X[mask]) == labels[mask])
        print(f"  {name:24s} {accuracy:.3f}  ({(held & ~drawn).sum()} nothing drawn)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["conversions", "training", "sizes"])
    parser.add_argument("--strokes", default=str(DEV_SET), help="dev set in the pendigits format")
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--copies", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--epochs", type=int, default=None, help="default: FastConfig's")
    parser.add_argument(
        "--setting", action="append", default=[], dest="settings", help="FastConfig key=value"
    )
    parser.add_argument("--save-model", help="sizes: save the model trained without 11-14")
    parser.add_argument("--distortions", nargs="+", default=["default"], choices=DISTORTIONS)
    parser.add_argument("--no-baselines", action="store_false", dest="baselines")
    parser.add_argument(
        "--no-held-out", action="store_false", dest="held_out", help="tune folds only"
    )
    args = parser.parse_args(argv)
    packed, labels, writers = load_dev(args.strokes)
    drags = mouse_drags(packed, np.random.default_rng(12345))
    commands = {"conversions": cmd_conversions, "training": cmd_training, "sizes": cmd_sizes}
    commands[args.what](args, drags, labels, writers)


if __name__ == "__main__":
    main()

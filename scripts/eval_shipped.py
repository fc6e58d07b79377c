"""Compare shipped models on what they never saw, read with bpdraw.confidence's one rule.

  test450         load_digits' 450 test digits
  UJI 41-60       UJI writers 41-60 (assets/uji_digits_strokes.npz; never training data of
                  the "digits+pen" recipe, which calibrates on them) replayed as canvas mouse
                  drags (scripts/eval_devset.py's mouse_drags)
  bridger digits  ../shared/devsets/bridger_digits_strokes.npz, as mouse drags (evaluation only)
  symbols         ../shared/devsets/bridger_symbols_strokes.npz (+ - / ? ^ e x): the share read
                  "not sure" / "not a digit", and how many show 100 %
  honesty         over UJI 41-60 + bridger digits: the share of wrong readings flagged "not
                  sure" and of right ones, the expected calibration error (10 bins)

With --held-out-copies the recipe is also trained without pendigits writers 11-14 (the
shipped model trains on all 14), per seed, and read on those writers' drawings as mouse drags:
"new" = the shipped recipe (pendigits 01-10 + UJI 01-40), "old" = the recipe before UJI
(pendigits 01-10 only).

    python scripts/eval_shipped.py OLD.npz NEW.npz [--held-out-copies --seeds 0 1]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from eval_devset import mouse_drags

from bpdraw.augment import load_pen_packed, render, select
from bpdraw.confidence import DRAWING_SHARPNESS, read_all_views
from bpdraw.data import load_split
from bpdraw.model import load
from bpdraw.numbers import READING_CONVERSIONS, READING_TURNS
from bpdraw.pen_recipe import (
    UJI_HELD_OUT_WRITERS,
    UJI_TRAINING_WRITERS,
    joined,
    load_uji_packed,
    pen_copy_maker,
)
from bpdraw.preprocess import PackedStrokes, turned

DEV = Path(__file__).resolve().parents[2] / "shared" / "devsets"
PEN_HELD_OUT = ["11", "12", "13", "14"]


def bridger(name: str):
    with np.load(DEV / f"bridger_{name}_strokes.npz", allow_pickle=False) as z:
        packed = PackedStrokes(z["points"].astype(float), z["stroke_ptr"], z["sample_ptr"])
        labels = z["symbol"].astype(str) if name == "symbols" else z["labels"]
    return packed, labels


def ece(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            total += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return total


def views(packed):
    """(k, n, 64): the drawings through each of the conversions and turns a reading averages
    (bpdraw.numbers.strokes_to_views)."""
    drawings = [packed] + [turned(packed, degrees) for degrees in READING_TURNS]
    return np.stack(
        [
            render(drawing, conversion)[0]
            for drawing in drawings
            for conversion in READING_CONVERSIONS
        ]
    )


def readings(model, X):
    found = read_all_views(model, X, sharpness=DRAWING_SHARPNESS)
    return (
        np.array([r.digit for r in found]),
        np.array([r.confidence for r in found]),
        np.array([r.not_sure for r in found]),
        np.array([r.not_a_digit for r in found]),
    )


def report(name: str, model, groups, X_symbols) -> None:
    split = load_split(model.split_seed)  # its own test digits
    test = float((model.predict(split.images_test) == split.y_test).mean())  # as the course
    parts = [f"test450 {test:.3f}"]
    digits, confidences, flagged, correct = [], [], [], []
    for group, (X, y) in groups.items():
        digit, confidence, not_sure, _ = readings(model, X)
        parts.append(f"{group} {(digit == y).mean():.3f}")
        digits.append(digit)
        confidences.append(confidence)
        flagged.append(not_sure)
        correct.append(digit == y)
    confidence, not_sure, right = map(np.concatenate, (confidences, flagged, correct))
    _, symbol_confidence, symbol_not_sure, symbol_not_digit = readings(model, X_symbols)
    print(f"{name}: " + ", ".join(parts))
    print(
        f"   honesty on {', '.join(groups)}: not sure on {not_sure[~right].mean():.0%} of"
        f" {(~right).sum()} wrong, {not_sure[right].mean():.1%} of {right.sum()} right;"
        f" ECE {ece(confidence, right):.3f}; median confidence when wrong"
        f" {np.median(confidence[~right]):.2f}"
    )
    print(
        f"   symbols: not sure {symbol_not_sure.mean():.0%}, not a digit"
        f" {symbol_not_digit.mean():.0%}, shown as 100 %:"
        f" {(np.round(100 * symbol_confidence) >= 100).sum()} of {len(symbol_confidence)}"
    )


def held_out_copy(with_uji: bool, seed: int, X_held, y_held) -> float:
    from bpdraw.training import FastConfig, Finished, train

    pen, labels, writers = load_pen_packed()
    kept = np.flatnonzero(~np.isin(writers, PEN_HELD_OUT))
    packed, labels = select(pen, kept), labels[kept]
    if with_uji:
        uji, uji_labels, _ = load_uji_packed(UJI_TRAINING_WRITERS)
        packed, labels = joined(packed, uji), np.concatenate([labels, uji_labels])
    config = FastConfig(
        hidden_units=200, training_data="digits+pen", pen_copies=4, batch_size=128, seed=seed
    )
    extra = pen_copy_maker(packed, labels)
    finished = next(e for e in train(config, extra_data=extra) if isinstance(e, Finished))
    return float((finished.model.predict(X_held) == y_held).mean())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--held-out-copies", action="store_true")
    parser.add_argument("--seeds", nargs="+", type=int, default=[0, 1])
    args = parser.parse_args(argv)
    rng = np.random.default_rng(12345)
    uji, uji_labels, _ = load_uji_packed(UJI_HELD_OUT_WRITERS)
    digits, digit_labels = bridger("digits")
    symbols, _ = bridger("symbols")
    groups = {  # read as the Draw tab reads them: both conversions, averaged
        "UJI 41-60": (views(mouse_drags(uji, rng)), uji_labels),
        "bridger digits": (views(mouse_drags(digits, rng)), digit_labels),
    }
    X_symbols = views(mouse_drags(symbols, rng))
    for path in args.models:
        report(str(path), load(path), groups, X_symbols)
    if args.held_out_copies:
        pen, labels, writers = load_pen_packed()
        chosen = np.flatnonzero(np.isin(writers, PEN_HELD_OUT))
        X_held = render(mouse_drags(select(pen, chosen), rng))[0]
        for with_uji, name in ((False, "old recipe"), (True, "new recipe")):
            figures = [held_out_copy(with_uji, s, X_held, labels[chosen]) for s in args.seeds]
            print(
                f"pendigits 11-14 held out, {name}: "
                + " ".join(f"seed {s} {f:.3f}" for s, f in zip(args.seeds, figures, strict=True))
                + f", mean {np.mean(figures):.3f}"
            )
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - started:.0f} s)")
    raise SystemExit(code)

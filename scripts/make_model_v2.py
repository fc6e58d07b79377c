"""Make a calibrated model to ship: the default recipe + UJI pen digits, with its honest confidence.

Like scripts/make_default_model.py (fast recipe, 64-200-10, load_digits + the shipped pen
digits rendered clean and COPIES times distorted), plus:

- the UJI pen digits of writers --uji-train (Spanish styles: flagged and footed 1s, crossed
  7s, open 4s; UCI "UJI Pen Characters v2", CC BY 4.0 — credit it in the README and
  assets/ before shipping), and bpdraw.styles' restyled and templated drawings with --styles;
- calibration (bpdraw.confidence.calibrate) on UJI writers --uji-calibrate, which the model
  never trains on, replayed as canvas mouse drags: the temperature and the "not a digit"
  score and threshold go into the model's metadata.

    python scripts/make_model_v2.py [--out /tmp/shippable_model.npz] [--styles] [--seed 0]

scripts/eval_reading.py measures the same recipe with writers held out of everything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from eval_devset import mouse_drags
from eval_reading import load_strokes, subset

from bpdraw.augment import load_pen_packed, render
from bpdraw.confidence import calibrate
from bpdraw.data import load_split
from bpdraw.recipes import FastConfig
from bpdraw.styles import non_digit_drawings, rendered, styled_extra_data, unpack
from bpdraw.training import Finished, train

REQUIRED_TEST_ACCURACY = 0.98


def writers(spec: str) -> list[str]:
    """ "01-40" -> ["01", ..., "40"]."""
    first, _, last = spec.partition("-")
    return [f"{w:02d}" for w in range(int(first), int(last or first) + 1)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uji-train", default="01-40")
    parser.add_argument("--uji-calibrate", default="41-60")
    parser.add_argument("--styles", action="store_true", help="add bpdraw.styles' drawings")
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--hidden", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("/tmp/shippable_model.npz"))
    args = parser.parse_args(argv)

    pen_packed, pen_labels, _ = load_pen_packed()  # all 14 shipped writers, as shipped
    uji = load_strokes("uji_digits")
    uji_packed, uji_labels = subset(*uji, writers(args.uji_train))
    drawings = unpack(pen_packed) + unpack(uji_packed)
    labels = np.concatenate([pen_labels, uji_labels])
    config = FastConfig(
        hidden_units=args.hidden, training_data="digits+pen", pen_copies=args.copies, seed=args.seed
    )
    extra = styled_extra_data(drawings, labels, styles=args.styles)
    finished = next(e for e in train(config, extra_data=extra) if isinstance(e, Finished))
    model = finished.model

    rng = np.random.default_rng(args.seed)
    held_packed, y_held = subset(*uji, writers(args.uji_calibrate))
    X_held, drawn = render(mouse_drags(held_packed, rng))
    X_digits, digits_drawn = rendered(drawings, rng, 1)
    X_digits = np.concatenate(
        [load_split(args.seed).images_train.reshape(-1, 64), X_digits[digits_drawn]]
    )
    X_non, non_drawn = rendered(non_digit_drawings(rng, 60)[0], rng, 2)
    model = calibrate(model, X_held[drawn], y_held[drawn], X_digits, X_non[non_drawn])
    model.metadata["training_data"] = "load_digits + pen digits + UJI pen digits" + (
        " + styles" if args.styles else ""
    )
    model.metadata["calibrated_on"] = f"UJI writers {args.uji_calibrate}, drawn as mouse drags"
    accuracy = model.test_accuracy
    print(
        f"{model.describe()} ({finished.elapsed:.0f} s), temperature "
        f"{model.metadata['temperature']:.3f}"
    )
    if accuracy is None or accuracy < REQUIRED_TEST_ACCURACY:
        print(
            f"not saved: test accuracy {accuracy} is below {REQUIRED_TEST_ACCURACY}",
            file=sys.stderr,
        )
        return 1
    model.save(args.out)
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

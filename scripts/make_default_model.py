"""Regenerate assets/default_model.npz, the model bpdraw ships, reproducibly (seeded).

The one recipe of the app, the CLI and the Train tab's "Shipped model's recipe" preset,
bpdraw.recipes.shipped_config(): the fast recipe 64-200-10 on "digits+pen" (bpdraw.pen_recipe)
= load_digits + the 14 shipped pendigits writers + UJI writers 01-40, each pen drawing rendered
through the canvas's conversion once clean and 4 times distorted, in mini-batches of 128, with
the fast recipe's own defaults otherwise; the run ends calibrated on UJI writers 41-60 drawn as
on a canvas (temperature, "not a digit" score), writers it never trained on. Saved only when it
reads >= REQUIRED_TEST_ACCURACY of load_digits' 450 test digits. scripts/eval_shipped.py
compares it with another model on writers and symbols it never saw.

The shipped seed is SHIPPED_SEED: the recipe's runs differ by seed more than its changes do
(bridger's canvas digits 0.908-0.933 over seeds 0-5), so of seeds 0-5 the one that read the
development writers best ships: the mean of bridger's drawings on the canvas, his 28x28
MNIST-style and 32x32 optdigits-style pictures and the pendigits tune writers' MNIST-style
pictures (scripts/make_photo_testset.py; 0.899-0.917, seed 5 best, seed 0 0.905). Bridger's
figures are therefore not those of a writer never looked at; UJI 41-60, real MNIST and the
photos never chose anything.

    python scripts/make_default_model.py [--copies 4] [--hidden 200] [--seed 5] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bpdraw.recipes import SHIPPED_SETTINGS, FastConfig, shipped_config
from bpdraw.training import Finished, train

ROOT = Path(__file__).resolve().parents[1]
REQUIRED_TEST_ACCURACY = 0.98
SHIPPED_SEED = int(SHIPPED_SETTINGS["seed"])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--copies", type=int, default=SHIPPED_SETTINGS["pen_copies"], help="distorted pen copies"
    )
    parser.add_argument(
        "--hidden", type=int, default=SHIPPED_SETTINGS["hidden_units"], help="hidden units"
    )
    parser.add_argument("--seed", type=int, default=SHIPPED_SEED)
    parser.add_argument("--epochs", type=int, default=FastConfig.epochs)
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "default_model.npz")
    return parser


def recipe_config(argv=None) -> FastConfig:
    """The config the script trains for these command-line arguments."""
    args = _parser().parse_args(argv)
    return shipped_config(
        hidden_units=args.hidden, pen_copies=args.copies, seed=args.seed, epochs=args.epochs
    )


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    config = recipe_config(argv)
    finished = None
    for event in train(config):
        if isinstance(event, Finished):
            finished = event
    model = finished.model
    accuracy = model.test_accuracy
    print(
        f"{model.describe()} ({finished.elapsed:.1f} s), "
        f"temperature {model.metadata['temperature']:.3f}"
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

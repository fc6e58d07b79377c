"""Run bpdraw.confidence's rule for its margins again, for a model, on the calibration writers.

The rule: of the margins in steps of 0.05, the one that flags the lowest share of right
readings "not sure" while at least 60 % of the wrong ones are. It is run on UJI writers 41-60,
whom no recipe trains on:
  drawings  their digits replayed as canvas mouse drags (scripts/eval_shipped.py's groups),
            read through both conversions, as drawn and turned (bpdraw.numbers'
            READING_TURNS) -> DRAWING_SHARPNESS (by log-loss) and NOT_SURE_MARGIN
  pictures  the same writers' digits as 28x28 MNIST-style and 32x32 optdigits-style pictures
            (scripts/make_photo_testset.py --writers uji --per 350 --conditions
            mnist,bitmap32), read from their views -> PICTURE_SHARPNESS (by log-loss)
            and PICTURE_NOT_SURE_MARGIN

    python scripts/make_photo_testset.py --writers uji --per 350 --conditions mnist,bitmap32 \
        --out /tmp/uji_pictures
    python scripts/choose_margins.py /tmp/uji_pictures [--model FILE]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from eval_devset import mouse_drags
from eval_shipped import views

from bpdraw.confidence import DRAWING_SHARPNESS, PICTURE_SHARPNESS, read_all_views, read_views
from bpdraw.images import picture_ink
from bpdraw.model import load, load_default
from bpdraw.pen_recipe import UJI_HELD_OUT_WRITERS, load_uji_packed

MARGINS = np.round(np.arange(0.05, 0.851, 0.05), 2)
POWERS = np.round(np.arange(1.0, 2.51, 0.05), 2)
AIM_WRONG_FLAGGED = 0.60


def chosen_margin(leads: np.ndarray, unlike: np.ndarray, right: np.ndarray) -> float | None:
    """The rule's margin (None if none flags enough), printing the trade-off at each."""
    best, shares = None, None
    for margin in MARGINS:
        flagged = (leads < margin) | unlike
        wrong, kept = flagged[~right].mean(), flagged[right].mean()
        mark = ""
        if best is None and wrong >= AIM_WRONG_FLAGGED:
            best, shares, mark = float(margin), (wrong, kept), "  <- chosen"
        elif shares == (wrong, kept):
            mark = "  (the same shares: a tie)"
        print(f"  margin {margin:.2f}: wrong flagged {wrong:6.1%}, right flagged {kept:6.1%}{mark}")
    print(f"  ({(~right).sum()} wrong of {len(right)})")
    return best


def leads_of(readings) -> tuple[np.ndarray, np.ndarray]:
    lead = np.array([r.confidence - r.runner_up_confidence for r in readings])
    return lead, np.array([r.not_a_digit for r in readings])


def fitted_power(read_at, labels: np.ndarray, in_use: float, name: str) -> float:
    """The power of POWERS with the least log-loss of ``read_at(power)``'s readings."""
    losses = []
    for power in POWERS:
        p = np.array([r.probabilities for r in read_at(power)])
        chance = p[np.arange(len(p)), labels]
        losses.append(-np.log(np.maximum(chance, 1e-12)).mean())
    best = float(POWERS[int(np.argmin(losses))])
    print(
        f"{name}: log-loss at power 1.0: {losses[0]:.4f}, at {in_use} (in use): "
        f"{losses[list(POWERS).index(in_use)]:.4f}, least at {best}: {min(losses):.4f}"
    )
    return best


def pictures(model, folder: Path) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """The views of each one-digit picture read as a small digit, its label, blob or not."""
    with open(folder / "manifest.csv") as file:
        rows = [row for row in csv.DictReader(file) if len(row["label"]) == 1]
    found, labels, blobs = [], [], []
    for row in rows:
        ink = picture_ink(row["path"])
        small = ink.small_views()
        if small is not None:
            found.append(small.reshape(len(small), -1))
            labels.append(int(row["label"]))
            blobs.append(ink.blob)
    return found, np.array(labels), np.array(blobs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pictures", type=Path, help="folder made by make_photo_testset.py")
    parser.add_argument("--model", type=Path, help="default: the shipped model")
    parser.add_argument("--draws", type=int, default=1, help="mouse-drag replays of each drawing")
    args = parser.parse_args(argv)
    model = load(args.model) if args.model else load_default()

    uji, labels, _ = load_uji_packed(UJI_HELD_OUT_WRITERS)
    drawn_views = [
        views(mouse_drags(uji, np.random.default_rng(12345 + draw))) for draw in range(args.draws)
    ]
    drawn_labels = np.tile(labels, args.draws)

    def drawn_at(power: float):
        return [r for X in drawn_views for r in read_all_views(model, X, sharpness=power)]

    drawing_power = fitted_power(drawn_at, drawn_labels, DRAWING_SHARPNESS, "drawings")
    print(f"DRAWING_SHARPNESS by log-loss: {drawing_power}")
    drawn = drawn_at(DRAWING_SHARPNESS)
    right = np.array([r.digit for r in drawn]) == drawn_labels
    print(
        f"drawings, {args.draws} replays of each, at the power {DRAWING_SHARPNESS}: "
        f"{right.mean():.3f} right"
    )
    margin = chosen_margin(*leads_of(drawn), right)
    print(f"NOT_SURE_MARGIN by the rule: {margin}")

    found, picture_labels, blobs = pictures(model, args.pictures)

    def read_at(power: float):
        return [read_views(model, v, sharpness=power) for v in found]

    print(f"pictures: {len(found)} read as one small digit")
    best_power = fitted_power(read_at, picture_labels, PICTURE_SHARPNESS, "pictures")
    print(f"PICTURE_SHARPNESS by log-loss: {best_power}")
    for power in sorted({PICTURE_SHARPNESS, best_power}):
        read = read_at(power)
        picture_right = np.array([r.digit for r in read]) == picture_labels
        print(f"  at the power {power}: {picture_right.mean():.3f} right")
        lead, unlike = leads_of(read)
        margin = chosen_margin(lead, unlike | blobs, picture_right)
        print(f"PICTURE_NOT_SURE_MARGIN by the rule, at the power {power}: {margin}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

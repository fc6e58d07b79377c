"""Draw docs/honesty.png: how far the shipped model's confidence can be trusted, on new writers.

Left, the reliability curve: readings grouped by the confidence shown (10 bins), the share of
each group read right against the confidence; on the diagonal, "90 %" is right 90 % of the
time. Right, what "not sure" catches: for every margin of the one rule (bpdraw.confidence,
a reading is "not sure" when its digit leads the runner-up by less than the margin, or it is
not a digit), the share of wrong readings flagged against the share of right ones flagged;
the dot is the margin bpdraw uses, the shaded corner the issue's aim (>= 60 % of wrong ones,
<= 10 % of right ones).

Sets, each read as bpdraw reads it:
  drawings       UJI writers 41-60 (assets; calibration writers, never trained on) and, when
                 ../shared/devsets is there, bridger's 822 digits, replayed as canvas mouse
                 drags (scripts/eval_devset.py) and read through both conversions
  small pictures the same UJI drawings as MNIST-style 28x28 pictures
                 (scripts/make_photo_testset.py's mnist_like), read as `bpdraw predict` does
  real MNIST     with --mnist DIR (scripts/eval_mnist.py says where to get it; digits 200-699
                 of each class, a yardstick only)

    python scripts/honesty_figure.py [--mnist package/src/digits] [--out docs/honesty.png]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from eval_devset import mouse_drags  # noqa: E402
from eval_reading import reliability  # noqa: E402
from eval_shipped import DEV, bridger, views  # noqa: E402
from make_photo_testset import mnist_like  # noqa: E402

from bpdraw.confidence import (  # noqa: E402
    DRAWING_SHARPNESS,
    NOT_SURE_MARGIN,
    PICTURE_NOT_SURE_MARGIN,
    read_all_views,
)
from bpdraw.model import load_default  # noqa: E402
from bpdraw.pen_recipe import UJI_HELD_OUT_WRITERS, load_uji_packed  # noqa: E402
from bpdraw.picture_reading import read_picture  # noqa: E402
from bpdraw.preprocess import NothingDrawn  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MARGINS = np.linspace(0.0, 1.0, 41)
RELIABILITY_TITLE = 'Reliability: is "90 %" right 90 % of the time?'
FLAGGED_TITLE = '"Not sure" at every margin (dot: the one used)'
FLAGGED_LABELS = ('right readings marked "not sure"', 'wrong readings marked "not sure"')
# A set's readings: (confidence shown, lead over the runner-up, not a digit, right).
Readings = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _columns(found, labels) -> Readings:
    confidence = np.array([r.confidence for r in found])
    lead = confidence - np.array([r.runner_up_confidence for r in found])
    unlike = np.array([r.not_a_digit for r in found])
    right = np.array([r.digit for r in found]) == np.asarray(labels)
    return confidence, lead, unlike, right


def drawings(model, rng) -> tuple[Readings, str]:
    packed, labels, _ = load_uji_packed(UJI_HELD_OUT_WRITERS)
    X, y, name = [views(mouse_drags(packed, rng))], [labels], "UJI 41-60"
    if (DEV / "bridger_digits_strokes.npz").exists():
        digits, digit_labels = bridger("digits")
        X.append(views(mouse_drags(digits, rng)))
        y.append(digit_labels)
        name += " + bridger"
    found = read_all_views(model, np.concatenate(X, axis=1), sharpness=DRAWING_SHARPNESS)
    return _columns(found, np.concatenate(y)), name


def _picture_readings(model, pictures, labels) -> Readings:
    """Read as `bpdraw predict` reads: a picture read as more (or fewer) than one digit is
    wrong, and flagged at every margin only when its own reading is not sure."""
    confidence, lead, unlike, right = [], [], [], []
    for picture, label in zip(pictures, labels, strict=True):
        try:
            number = read_picture(model, picture)
        except NothingDrawn:
            number = None
        if number is None or len(number.readings) != 1:
            flagged = number is None or number.not_sure
            confidence.append(0.0 if number is None else min(number.confidences))
            lead.append(-1.0 if flagged else 2.0)  # flagged at any margin, or at none
            unlike.append(False)
            right.append(False)
            continue
        reading = number.readings[0]
        confidence.append(reading.confidence)
        lead.append(reading.confidence - reading.runner_up_confidence)
        unlike.append(reading.not_a_digit)
        right.append(reading.digit == label)
    return tuple(map(np.array, (confidence, lead, unlike, right)))


def small_pictures(model, rng) -> Readings:
    packed, labels, _ = load_uji_packed(UJI_HELD_OUT_WRITERS)
    pictures = (mnist_like(packed, index, rng) for index in range(packed.n_drawings))
    return _picture_readings(model, pictures, labels)


def real_mnist(model, digits_dir: Path, first: int = 200, count: int = 500) -> Readings:
    pictures, labels = [], []
    for label in range(10):
        record = json.loads((digits_dir / f"{label}.json").read_text())
        pixels = np.asarray(record["data"], dtype=np.float64).reshape(-1, 28, 28)
        for grey in pixels[first : first + count]:
            light = np.round(255 * (1 - grey)) / 255  # as the 8-bit PNG eval_mnist.py saves
            pictures.append(np.repeat(light[..., None], 3, axis=2))
            labels.append(label)
    return _picture_readings(model, pictures, labels)


def flagged_shares(lead, unlike, right, margin):
    """(share of right readings flagged, share of wrong readings flagged) at ``margin``."""
    flagged = (lead < margin) | unlike
    return flagged[right].mean(), flagged[~right].mean() if (~right).any() else 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mnist", type=Path, help="the npm package mnist's src/digits folder")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "honesty.png")
    args = parser.parse_args(argv)
    model = load_default()
    rng = np.random.default_rng(12345)
    drawn, drawn_name = drawings(model, rng)
    sets = [(f"drawings ({drawn_name})", drawn, NOT_SURE_MARGIN, "tab:blue")]
    sets.append(
        (
            "MNIST-style pictures (UJI 41-60)",
            small_pictures(model, rng),
            PICTURE_NOT_SURE_MARGIN,
            "tab:orange",
        )
    )
    if args.mnist:
        sets.append(
            ("real MNIST", real_mnist(model, args.mnist), PICTURE_NOT_SURE_MARGIN, "tab:red")
        )

    figure, (left, right_axes) = plt.subplots(1, 2, figsize=(11, 4.8), dpi=100)
    left.plot([0, 1], [0, 1], color="0.7", linestyle="--", linewidth=1)
    right_axes.add_patch(plt.Rectangle((0, 0.6), 0.1, 0.4, color="tab:green", alpha=0.12))
    for name, (confidence, lead, unlike, right), margin, colour in sets:
        rows, _ = reliability(confidence, right)  # (low, high, count, mean shown, share right)
        shown, share = [row[3] for row in rows], [row[4] for row in rows]
        left.plot(shown, share, marker="o", color=colour, label=f"{name}, {len(right)}")
        curve = np.array([flagged_shares(lead, unlike, right, m) for m in MARGINS])
        right_axes.plot(curve[:, 0], curve[:, 1], color=colour, label=name)
        used = flagged_shares(lead, unlike, right, margin)
        right_axes.plot(*used, marker="o", color=colour)
        right_axes.annotate(f"{margin:g}", used, textcoords="offset points", xytext=(6, -12))
        print(
            f"{name}: {len(right)} read, {right.mean():.3f} right; at margin {margin:g} "
            f"{used[1]:.0%} of wrong readings flagged, {used[0]:.1%} of right ones"
        )
        for _, _, count, mean, fraction in rows:
            print(f"   shown {mean:.2f}: right {fraction:.2f} ({count})")
    for axes, labels, right_end, title, corner in (
        (left, ("confidence shown", "share read right"), 1.02, RELIABILITY_TITLE, "upper left"),
        (right_axes, FLAGGED_LABELS, 0.6, FLAGGED_TITLE, "lower right"),
    ):
        axes.set(xlabel=labels[0], ylabel=labels[1], xlim=(0, right_end), ylim=(0, 1.02))
        axes.set_title(title)
        axes.legend(loc=corner, fontsize=8)
    figure.tight_layout()
    figure.savefig(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

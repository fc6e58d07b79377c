"""Numbers whose digits touch: how often they are read, and what cutting costs single digits.

Pairs of digits by the same writer (UJI writers 41-60, whose drawings the shipped model never
trained on) are placed side by side with a gap of g times the digits' height: g < 0 overlaps
them, g = 0 makes them touch, g > 0 leaves them apart. Each number is read from its strokes
with bpdraw.numbers.read_number, "before" without cutting (the parts the gaps give, one digit
each). Single digits (UJI 41-60, and bridger's 822 from ../shared/devsets when present) show
what cutting costs one digit: how many are read as more than one digit.

    .venv/bin/python scripts/eval_numbers.py [--pairs 400]

Measured 2026-11-28 with a drawing's strokes shared between two digits too
(bpdraw.numbers.stroke_split, chosen on bridger's and pendigits 01-10's pairs):
    gap -0.15 0.000 -> 0.662, -0.05 0.000 -> 0.772, touching 0.000 -> 0.807,
    +0.10 0.000 -> 0.868, +0.30 (apart) 0.945 -> 0.945;
    single digits: UJI 41-60 0.963 -> 0.963 (1 of 400 cut), bridger 0.910 -> 0.916 (2 of 822).
Longer numbers, all digits touching / overlapping by 0.05 (150 each), once a side wide enough
for two digits may be shared again (numbers.FURTHER_SCORE, chosen on bridger's numbers) and a
part up to five times (numbers.MOST_SHARES): 3 digits 0.767 / 0.747, 4 digits 0.740 / 0.727,
5 digits 0.647 / 0.593 (before, with both sides sure and three digits at most:
0.49 / 0.45, 0.07 / 0.07, 0 / 0); pairs and single digits as above.

Measured 2026-11-27, vertical cuts alone (400 pairs; the cut's thresholds in bpdraw.numbers
were chosen on bridger's pairs and singles, the first ones also on these pairs; "after" reads
each part through both of numbers.READING_CONVERSIONS, "before" through one):
    gap -0.15 0.000 -> 0.328, -0.05 0.000 -> 0.470, touching 0.000 -> 0.515,
    +0.10 0.000 -> 0.610, +0.30 (apart) 0.945 -> 0.945;
    single digits: UJI 41-60 0.963 -> 0.963 (1 of 400 cut), bridger 0.910 -> 0.916 (2 of 822).
Trying a part wide for one digit (numbers.WIDE_ASPECT) even when it reads sure, with
stricter halves, was chosen on bridger's pairs alone; it took these from 0.302 / 0.427 /
0.463 / 0.527. Trying every part read "not sure" (no longer only those below 0.6 sure), also
chosen on bridger's pairs, took them from 0.265 / 0.375 / 0.410 / 0.463 before that.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

import numpy as np

from bpdraw.augment import load_pen_packed
from bpdraw.confidence import read_all
from bpdraw.model import load_default
from bpdraw.numbers import read_number, split_digits
from bpdraw.pen_recipe import UJI_HELD_OUT_WRITERS, load_uji_packed
from bpdraw.preprocess import NothingDrawn, strokes_to_digits

BRIDGER = Path(__file__).resolve().parents[2] / "shared" / "devsets" / "bridger_digits_strokes.npz"


def strokes_of(packed, index: int) -> list[np.ndarray]:
    first, last = packed.sample_ptr[index], packed.sample_ptr[index + 1]
    points = packed.points.astype(float)
    return [points[packed.stroke_ptr[s] : packed.stroke_ptr[s + 1]] for s in range(first, last)]


def side_by_side(*drawings: list, gap_share: float) -> list[np.ndarray]:
    """The drawings scaled to the same height, each `gap_share` heights to the right of the
    one before's right edge (negative: overlapping)."""
    placed, right_edge = [], 0.0
    for k, strokes in enumerate(drawings):
        points = np.concatenate(strokes)
        low, high = points.min(axis=0), points.max(axis=0)
        scale = 100.0 / max(high[1] - low[1], 1e-6)
        left = right_edge + gap_share * 100.0 if k else 0.0
        placed += [(stroke - low) * scale + (left, 0.0) for stroke in strokes]
        right_edge = left + (high[0] - low[0]) * scale
    return placed


def read_text(model, strokes, cut: bool) -> str:
    try:
        if cut:
            return read_number(model, strokes).text
        # the gap rule alone, one conversion per part (the reading before the cut)
        readings = []
        for part in split_digits(strokes):
            with contextlib.suppress(NothingDrawn):
                readings += read_all(model, strokes_to_digits(part))
        return "".join(str(r.digit) for r in readings)
    except NothingDrawn:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=400)
    arguments = parser.parse_args()
    model = load_default()
    packed, labels, writers = load_uji_packed(UJI_HELD_OUT_WRITERS)
    rng = np.random.default_rng(5)
    pairs = []
    for _ in range(arguments.pairs):
        writer = rng.choice(np.unique(writers))
        first, second = rng.choice(np.flatnonzero(writers == writer), 2, replace=False)
        pairs.append((first, second))
    print("gap (heights)   before   after   (numbers of 2 digits read right)")
    for gap in (-0.15, -0.05, 0.0, 0.1, 0.3):
        right = np.zeros(2)
        for first, second in pairs:
            strokes = side_by_side(
                strokes_of(packed, first), strokes_of(packed, second), gap_share=gap
            )
            truth = f"{labels[first]}{labels[second]}"
            right += [
                read_text(model, strokes, False) == truth,
                read_text(model, strokes, True) == truth,
            ]
        print(f"{gap:+.2f}            {right[0] / len(pairs):.3f}    {right[1] / len(pairs):.3f}")
    print("digits  touching  overlapping by 0.05   (longer numbers read right, 150 each)")
    for length in (3, 4, 5):
        right = np.zeros(2)
        for _ in range(150):
            writer = rng.choice(np.unique(writers))
            chosen = rng.choice(np.flatnonzero(writers == writer), length, replace=False)
            truth = "".join(str(labels[i]) for i in chosen)
            for k, gap in enumerate((0.0, -0.05)):
                drawn = side_by_side(*(strokes_of(packed, i) for i in chosen), gap_share=gap)
                right[k] += read_text(model, drawn, True) == truth
        print(f"{length}       {right[0] / 150:.3f}     {right[1] / 150:.3f}")
    singles = {"UJI 41-60": (packed, labels)}
    if BRIDGER.exists():
        bridger, bridger_labels, _ = load_pen_packed(str(BRIDGER))
        singles["bridger"] = (bridger, bridger_labels)
    for name, (drawings, truth) in singles.items():
        texts = [
            (
                read_text(model, strokes_of(drawings, i), False),
                read_text(model, strokes_of(drawings, i), True),
            )
            for i in range(drawings.n_drawings)
        ]
        before = np.mean([b == str(t) for (b, _), t in zip(texts, truth, strict=True)])
        after = np.mean([a == str(t) for (_, a), t in zip(texts, truth, strict=True)])
        several = np.mean([len(a) > 1 for _, a in texts])
        print(
            f"single digits, {name}: right {before:.3f} -> {after:.3f}; read as several digits"
            f" {several:.1%} of {len(texts)}"
        )


if __name__ == "__main__":
    main()

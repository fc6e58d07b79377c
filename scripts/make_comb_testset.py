"""Generate seeded "photos" of a form's comb field: a row of printed boxes sharing their
walls, one pen digit written in each (not kept in the repo).

A form asks for a number in a comb: 3-5 boxes side by side, each wall printed once and
shared by the boxes on either side of it, 1-3 px wide, grey, black or a form's pink or
pale blue; each digit is written inside its box, not always centred, and a quarter of
them over a wall (SLOPPY). The whole comb reads as the number. Writers as in make_photo_testset.py
(--writers uji: UJI writers 41-60, no model trained on them; bridger: a tune split only).
The manifest is make_photo_testset.py's, so eval_photos.py reads the set.

    .venv/bin/python scripts/make_comb_testset.py --writers uji --out /tmp/comb_uji
    .venv/bin/python scripts/eval_photos.py --set /tmp/comb_uji --only-after

The README's figures: --per 150 --seed 21 (UJI), --seed 22 (bridger), --far --per 40
--seed 31, --ticks --per 80 --seed 41 (UJI), --ticks --writers bridger --seed 42, and
--ticks --per 80 --seed 43 (a draw never tuned on); each also with --no-walls.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from make_photo_testset import (
    BRIDGER,
    drawing_strokes,
    fit_strokes,
    ink_coverage,
    lighting,
    paper,
    save,
)

from bpdraw.augment import load_pen_packed
from bpdraw.pen_recipe import UJI_HELD_OUT_WRITERS, load_uji_packed

WALL_COLOURS = (
    (0.25, 0.25, 0.25),
    (0.05, 0.05, 0.05),
    (0.55, 0.55, 0.55),
    (0.9, 0.55, 0.6),  # a form's pink
    (0.5, 0.65, 0.9),  # pale blue
)
# This share of the digits is written over a wall of its box, by 10-25 % of its width.
SLOPPY = 0.25


def comb(
    packed, indices, rng, walls: bool = True, far: bool = False, ticks: bool = False
) -> np.ndarray:
    """(h, w, 3) float photo of a comb field with drawing indices[k] in box k (without its
    printed lines unless walls: the same digits on blank paper, to compare; far: small in a
    large photo, 150-600 px of paper round it; ticks: an open comb, a baseline with short
    walls rising from it, 20-40 % of a box's height, and no top line)."""
    count = len(indices)
    box_w, box_h = int(rng.integers(70, 111)), int(rng.integers(90, 131))
    wall = int(rng.integers(1, 4))
    margin = rng.integers(150, 600, 4) if far else rng.integers(15, 60, 4)  # t, b, l, r
    width = int(margin[2] + count * box_w + wall + margin[3])
    height = int(margin[0] + box_h + wall + margin[1])
    left, top = int(margin[2]), int(margin[0])
    placed = []
    digit_height = rng.uniform(0.55, 0.8) * box_h
    for k, index in enumerate(indices):
        strokes, digit_width = fit_strokes(drawing_strokes(packed, index), digit_height, 0, 0)
        if digit_width > 0.85 * box_w:  # a wide digit written smaller to fit its box
            strokes = [stroke * (0.85 * box_w / digit_width) for stroke in strokes]
            digit_width = 0.85 * box_w
        tall = max(float(np.concatenate(strokes)[:, 1].max()), 1.0)
        x = left + k * box_w + wall + rng.uniform(0.05, 0.95) * (box_w - wall - digit_width)
        if rng.random() < SLOPPY:  # over a wall, into the next box a little
            x += rng.choice([-1, 1]) * rng.uniform(0.1, 0.25) * digit_width
        y = top + wall + rng.uniform(0.1, 0.9) * (box_h - wall - tall)
        placed += [stroke + (x, y) for stroke in strokes]
    pen = max(1.5, rng.uniform(0.03, 0.06) * digit_height)
    coverage = ink_coverage((width, height), placed, pen)
    sheet = paper((width, height), np.full(3, rng.uniform(0.85, 0.97)), rng)
    lines = np.zeros((height, width), dtype=bool)
    bottom, right = top + box_h, left + count * box_w
    if not ticks:
        lines[top : top + wall, left : right + wall] = True
    lines[bottom : bottom + wall, left : right + wall] = True
    tick_top = bottom - int(rng.uniform(0.2, 0.4) * box_h) if ticks else top
    for k in range(count + 1):
        x = left + k * box_w
        lines[tick_top : bottom + wall, x : x + wall] = True
    colour = np.array(WALL_COLOURS[int(rng.integers(len(WALL_COLOURS)))])
    if walls:
        sheet[lines] = sheet[lines] * 0.15 + colour * 0.85
    ink = np.array([0.08, 0.08, 0.1]) if rng.random() < 0.6 else np.array([0.1, 0.15, 0.6])
    picture = sheet * (1 - coverage[..., None]) + ink * coverage[..., None]
    picture = picture * lighting((width, height), rng, rng.uniform(0.05, 0.15))[..., None]
    picture = picture + rng.normal(0, 0.015, picture.shape).astype(np.float32)
    return np.clip(picture, 0, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/comb")
    parser.add_argument("--per", type=int, default=60, help="combs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--writers", default="uji", choices=("uji", "bridger"))
    parser.add_argument("--no-walls", action="store_true", help="the same digits, no comb")
    parser.add_argument("--far", action="store_true", help="a small comb in a large photo")
    parser.add_argument("--ticks", action="store_true", help="open combs: baseline and ticks")
    arguments = parser.parse_args()
    rng = np.random.default_rng(arguments.seed)
    if arguments.writers == "uji":
        packed, labels, writers = load_uji_packed(UJI_HELD_OUT_WRITERS)
        split = "test"
    else:
        packed, labels, writers = load_pen_packed(str(BRIDGER))
        split = "tune"
    out = Path(arguments.out)
    folder = out / split / "comb"
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in range(arguments.per):
        writer = writers[int(rng.integers(len(writers)))]
        pool = np.flatnonzero(writers == writer)
        indices = [int(i) for i in rng.choice(pool, int(rng.integers(3, 6)))]
        picture = comb(
            packed,
            indices,
            rng,
            walls=not arguments.no_walls,
            far=arguments.far,
            ticks=arguments.ticks,
        )
        path = save(picture, folder / f"{n:03d}", "comb", None, rng)
        label = "".join(str(labels[i]) for i in indices)
        rows.append((split, "comb", writer, label, str(path)))
    with open(out / "manifest.csv", "w", newline="") as file:
        csv.writer(file).writerows([("split", "condition", "writer", "label", "path"), *rows])
    print(f"{len(rows)} combs in {folder}")


if __name__ == "__main__":
    main()

"""Would the shipped recipe read small pictures (or flagged 1s) better if it learnt them?

A small picture (an MNIST PNG, an optdigits bitmap) is read from views the canvas never
makes: its ink fitted into the box and its centre lines, each also turned a little
(bpdraw.images.PictureInk.small_views). A candidate recipe here learns those views too, of
the training writers' own drawings (pendigits 01-14, UJI 01-40; never UJI 41-60): each
drawing drawn once MNIST's way and once optdigits' way by scripts/make_photo_testset.py's
generators, read as `bpdraw predict` reads it (cached in --cache; about a minute on 2
cores), and one view of each drawing, of a random style, added to every pen copy but the
clean one (--no-pictures: not). --flag also adds every pen 1 again with a flag
(bpdraw.styles.add_flag: "broad", its own lengths and angles, up to 0.45 of the height from
20 degrees; "steep", 0.12-0.3 of the height at 35-70 degrees) to the copies 0..STROKE_COPIES,
as the recipe adds looped 2s.

Each seed trains the shipped recipe and the candidate; both are read as scripts/eval_shipped.py
reads models (canvas drawings of UJI 41-60 and bridger, symbols) and on the pictures in the
folders given (scripts/make_photo_testset.py --conditions mnist,bitmap32), and on a 1 with a
short flag drawn as tests/test_pen_recipe.py draws it. Candidates are saved in --out.

    python scripts/make_photo_testset.py --writers bridger --conditions mnist,bitmap32 \
        --per 400 --out /tmp/bridger_pictures
    python scripts/eval_picture_views.py /tmp/bridger_pictures [--seeds 0 1 2]
        [--flag broad|steep] [--no-pictures]
"""

from __future__ import annotations

import argparse
import csv
from multiprocessing import Pool
from pathlib import Path

import make_photo_testset
import numpy as np
from eval_devset import mouse_drags
from eval_shipped import bridger, report, views

from bpdraw.confidence import DRAWING_SHARPNESS, read_views
from bpdraw.images import picture_ink
from bpdraw.numbers import strokes_to_views
from bpdraw.pen_recipe import (
    STROKE_COPIES,
    UJI_HELD_OUT_WRITERS,
    edited_copy,
    load_uji_packed,
    pen_copy_maker,
    training_pen_drawings,
)
from bpdraw.picture_reading import read_picture
from bpdraw.preprocess import NothingDrawn
from bpdraw.recipes import shipped_config
from bpdraw.styles import add_flag, unpack
from bpdraw.training import Finished, train

STYLES = {"mnist": make_photo_testset.mnist_like, "bitmap32": make_photo_testset.bitmap32}
VIEWS = 6
SEED = 2026
SHORT_FLAG_ONE = [((180, 100), (220, 60)), ((220, 60), (220, 340))]
FLAGS = {"broad": {}, "steep": {"lengths": (0.12, 0.3), "angles": (35, 70)}}


def drawing_views(task: tuple[int, int]) -> tuple[np.ndarray, int]:
    """The views of training drawing ``index`` drawn in style number ``style``, padded with
    blanks to (VIEWS, 8, 8) uint8, and how many are made (0: not read as one small digit)."""
    style, index = task
    packed, _, _ = training_pen_drawings()
    rng = np.random.default_rng([SEED, style, index])
    made = picture_ink(list(STYLES.values())[style](packed, index, rng)).small_views()
    out = np.zeros((VIEWS, 8, 8), dtype=np.uint8)
    count = 0 if made is None else min(len(made), VIEWS)
    if count:
        out[:count] = made[:count]
    return out, count


def picture_views(cache: Path) -> tuple[np.ndarray, np.ndarray]:
    """(n, styles, VIEWS, 64) views and (n, styles) how many are made, cached."""
    if not cache.exists():
        n = len(training_pen_drawings()[1])
        tasks = [(style, index) for style in range(len(STYLES)) for index in range(n)]
        with Pool(2) as pool:
            made = pool.map(drawing_views, tasks, chunksize=200)
        views = np.stack([v for v, _ in made]).reshape(len(STYLES), n, VIEWS, 8, 8)
        counts = np.array([c for _, c in made], dtype=np.uint8).reshape(len(STYLES), n)
        np.savez_compressed(cache, views=views.swapaxes(0, 1), count=counts.T)
    with np.load(cache) as arrays:
        return arrays["views"].reshape(*arrays["views"].shape[:3], 64), arrays["count"]


def candidate(flag: str | None, pictures: bool, cache: Path):
    """extra_data for bpdraw.training.train: the shipped copies plus (``pictures``) one picture
    view of each drawing in copies 1.. and (``flag``, a key of FLAGS) flagged 1s in copies
    0..STROKE_COPIES."""
    packed, labels, _ = training_pen_drawings()
    shipped = pen_copy_maker(packed, labels)
    all_views, counts = picture_views(cache) if pictures else (None, None)
    ones = [d for d, label in zip(unpack(packed), labels, strict=True) if label == 1]

    def flag_one(drawing, rng: np.random.Generator):
        return add_flag(drawing, rng, **FLAGS[flag])

    def copy_of(rng: np.random.Generator, copy: int):
        X, y = shipped(rng, copy)
        parts = [(X, y)]
        if flag and copy <= STROKE_COPIES:
            parts.append(edited_copy(ones, 1, flag_one, rng, copy, labels.dtype))
        if copy >= 1 and pictures:
            n = len(labels)
            style = rng.integers(0, counts.shape[1], n)
            count = counts[np.arange(n), style].astype(np.int64)
            view = np.minimum((rng.random(n) * count).astype(np.int64), np.maximum(count - 1, 0))
            kept = np.flatnonzero(count > 0)
            parts.append((all_views[kept, style[kept], view[kept]].astype(np.int64), labels[kept]))
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    return copy_of


def picture_accuracy(model, folder: Path) -> str:
    with open(folder / "manifest.csv") as file:
        rows = list(csv.DictReader(file))
    right: dict[str, list[int]] = {}
    for row in rows:
        try:
            text = read_picture(model, row["path"]).text
        except NothingDrawn:
            text = "nothing"
        right.setdefault(row["condition"], []).append(text == row["label"])
    return ", ".join(f"{c} {np.mean(r):.3f}" for c, r in right.items())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pictures", nargs="*", type=Path, help="make_photo_testset.py folders")
    parser.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    parser.add_argument("--flag", choices=sorted(FLAGS), help="also learn flagged 1s")
    parser.add_argument("--no-pictures", action="store_true", help="no picture views")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pen_picture_views.npz"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/picture_view_models"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(12345)
    uji, uji_labels, _ = load_uji_packed(UJI_HELD_OUT_WRITERS)
    digits, digit_labels = bridger("digits")
    symbols, _ = bridger("symbols")
    groups = {
        "UJI 41-60": (views(mouse_drags(uji, rng)), uji_labels),
        "bridger digits": (views(mouse_drags(digits, rng)), digit_labels),
    }
    X_symbols = views(mouse_drags(symbols, rng))
    line = [np.linspace(a, b, 40) for a, b in SHORT_FLAG_ONE]
    for seed in args.seeds:
        for name, extra in (
            ("shipped", None),
            ("candidate", candidate(args.flag, not args.no_pictures, args.cache)),
        ):
            events = train(shipped_config(seed=seed), extra_data=extra)
            model = next(e for e in events if isinstance(e, Finished)).model
            if name == "candidate":
                model.save(args.out / f"candidate_seed{seed}.npz")
            report(f"seed {seed} {name}", model, groups, X_symbols)
            flagged = read_views(model, strokes_to_views(line), sharpness=DRAWING_SHARPNESS)
            print(f"   a 1 with a short flag reads {flagged.digit} ({flagged.confidence:.2f})")
            for folder in args.pictures:
                print(f"   pictures in {folder}: {picture_accuracy(model, folder)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

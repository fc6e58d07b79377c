"""How the shipped model reads each handwriting style of bpdraw.styles, drawn and photographed.

Every template of bpdraw.styles.TEMPLATES (the forms the pen writers lack: flagged and footed
1s, crossed 7s, the slashed 0, curled 6s and 9s ...) is drawn --per times with its own
random hand (seeded), then read two ways: replayed as mouse drags on the canvas
(scripts/eval_devset.py's mouse_drags, as the Draw tab reads them) and as an MNIST-style 28x28
picture (scripts/make_photo_testset.py's mnist_like, as `bpdraw predict` reads a PNG). The
templates are synthetic: a style read badly here is a style to check on real writers, not a
yardstick; the shipped model trains on none of them (templates in the training data cost
bridger's real digits 1-4 points, see the README).

    python scripts/eval_styles.py [--model FILE] [--per 20] [--seed 77]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from eval_devset import mouse_drags
from make_photo_testset import mnist_like

from bpdraw import styles
from bpdraw.model import load, load_default
from bpdraw.numbers import read_number
from bpdraw.picture_reading import read_picture
from bpdraw.preprocess import unpack_drawings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path)
    parser.add_argument("--per", type=int, default=20)
    parser.add_argument("--seed", type=int, default=77)
    args = parser.parse_args(argv)
    model = load_default() if args.model is None else load(args.model)
    rng = np.random.default_rng(args.seed)
    print(f"{'style':24s} {'canvas':>8s} {'picture':>8s}   read instead (canvas | picture)")
    for style, (label, _) in styles.TEMPLATES.items():
        drawn = styles.pack([styles.template_drawing(style, rng) for _ in range(args.per)])
        dragged = unpack_drawings(mouse_drags(drawn, rng))
        canvas = [read_number(model, drawing).text for drawing in dragged]
        pictures = [read_picture(model, mnist_like(drawn, i, rng)).text for i in range(args.per)]
        right = [sum(text == str(label) for text in found) for found in (canvas, pictures)]
        wrong = [
            "".join(sorted(text for text in found if text != str(label)))
            for found in (canvas, pictures)
        ]
        print(
            f"{style:24s} {right[0]:>4d}/{args.per:<3d} {right[1]:>4d}/{args.per:<3d}   "
            f"{wrong[0] or '-'} | {wrong[1] or '-'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

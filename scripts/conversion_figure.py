"""Save docs/conversion.png: a drawing -> its 32x32 bitmap -> load_digits' 8x8 counts.

python scripts/conversion_figure.py [--index N] [--out docs/conversion.png]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from bpdraw.augment import load_pen_digits  # noqa: E402
from bpdraw.preprocess import bitmap_to_digits, strokes_to_bitmap  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def conversion_figure(strokes, out: Path) -> None:
    bitmap = strokes_to_bitmap(strokes)
    digits = bitmap_to_digits(bitmap)
    figure, (drawing_axes, bitmap_axes, digits_axes) = plt.subplots(1, 3, figsize=(10, 3.6))

    for stroke in strokes:
        stroke = np.asarray(stroke, dtype=float)
        drawing_axes.plot(stroke[:, 0], stroke[:, 1], "-", color="black", linewidth=2.5)
    drawing_axes.set_aspect("equal")
    drawing_axes.invert_yaxis()
    drawing_axes.margins(0.25)
    drawing_axes.set_xticks([])
    drawing_axes.set_yticks([])
    drawing_axes.set_title("1. the drawing (strokes)")

    bitmap_axes.imshow(bitmap, cmap="gray_r", vmin=0, vmax=1)
    for edge in range(0, 33, 4):
        bitmap_axes.axhline(edge - 0.5, color="tab:blue", linewidth=0.6)
        bitmap_axes.axvline(edge - 0.5, color="tab:blue", linewidth=0.6)
    bitmap_axes.set_xticks([])
    bitmap_axes.set_yticks([])
    bitmap_axes.set_title(f"2. 32x32, full height ({bitmap.sum():.0f} ink px)")

    digits_axes.imshow(digits, cmap="gray_r", vmin=0, vmax=16)
    for (row, column), count in np.ndenumerate(digits):
        colour = "white" if count > 8 else "black"
        digits_axes.text(column, row, str(count), ha="center", va="center", color=colour, size=9)
    digits_axes.set_xticks([])
    digits_axes.set_yticks([])
    digits_axes.set_title("3. 8x8: ink pixels per 4x4 block (0-16)")

    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=100)
    plt.close(figure)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Draw the conversion figure for the README.")
    parser.add_argument("--index", type=int, default=14, help="which shipped pen digit")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "conversion.png")
    args = parser.parse_args(argv)
    digits, labels, _ = load_pen_digits()
    conversion_figure(digits[args.index], args.out)
    print(f"saved {args.out} (a pen-drawn {labels[args.index]})")


if __name__ == "__main__":
    main()

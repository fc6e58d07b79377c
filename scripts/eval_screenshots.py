"""Screenshots of a paint program: is the digit on its canvas read, however small the canvas?

A pen digit by a UJI writer the shipped model never trained on (41-60) is drawn with a
hard-edged brush on a paint program's white canvas, and the whole window is saved as a
1280x800 screenshot and read with `bpdraw predict`'s reading (picture_reading.read_picture).
Two windows: "dark", a dark editor whose light toolbar and tool palette meet in an L larger
than a small canvas, the canvas in the middle; "light", a white title bar, a light ribbon of
buttons, a pale blue window and the canvas near its top left, as many paint programs have.
The canvas covers a share of the window from 0.5 down to 0.03; each digit is also drawn
alone, as a paint program saves it ("saved"), to show what the screenshot costs.

Measured 2026-12-07 (--per 40, seed 0), before -> after the canvas was looked for in
screenshots (bpdraw.sheet.find_sheets' canvas):
  share   dark          light         saved
  0.50    0.90 -> 0.97  0.97 -> 0.97  0.97
  0.15    0.90 -> 0.97  0.97 -> 0.97  0.97
  0.10    0.12 -> 0.97  0.97 -> 0.97  0.97
  0.06    0.07 -> 0.88  0.90 -> 0.90  0.88
  0.03    0.03 -> 0.97  0.93 -> 1.00  0.97
(0.30: 0.95 -> 0.97 dark, 0.97 light.) Before, a small canvas in the dark window was no
photo's sheet, and the whole window was read with its dark grey for paper.

    python scripts/eval_screenshots.py [--per 40] [--seed 0]
"""

from __future__ import annotations

import argparse

import numpy as np
from PIL import Image, ImageDraw

from bpdraw.model import load_default
from bpdraw.packed import unpack_drawings
from bpdraw.pen_recipe import UJI_HELD_OUT_WRITERS, load_uji_packed
from bpdraw.picture_reading import read_picture
from bpdraw.preprocess import NothingDrawn

SIZE = (1280, 800)
SHARES = (0.5, 0.3, 0.15, 0.1, 0.06, 0.03)


def window(theme: str, share: float) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A paint program's window and its canvas's box (left, top, right, bottom)."""
    width, height = SIZE
    image = Image.new("RGB", SIZE, (60, 63, 65) if theme == "dark" else (201, 211, 226))
    draw = ImageDraw.Draw(image)
    canvas_width = int(np.sqrt(share * width * height * 4 / 3))
    canvas_height = canvas_width * 3 // 4
    if theme == "dark":
        draw.rectangle((0, 0, width, 70), fill=(240, 240, 240))  # toolbar
        for x in range(20, 600, 45):
            draw.rectangle((x, 15, x + 30, 50), fill=(200, 200, 210), outline=(120, 120, 120))
        draw.rectangle((0, 70, 60, height), fill=(225, 225, 225))  # tool palette
        left = 60 + (width - 60 - canvas_width) // 2
        top = 70 + (height - 70 - canvas_height) // 2
    else:
        draw.rectangle((0, 0, width, 30), fill=(255, 255, 255))  # title bar
        draw.rectangle((0, 30, width, 140), fill=(245, 246, 247))  # ribbon
        for x in range(20, 900, 60):
            draw.rectangle((x, 45, x + 40, 120), fill=(230, 230, 240), outline=(160, 160, 170))
        draw.rectangle((0, height - 25, width, height), fill=(240, 240, 240))  # status bar
        left, top = 10, 160
    box = (left, top, left + canvas_width, top + canvas_height)
    draw.rectangle(box, fill=(255, 255, 255))
    return image, box


def draw_digit(image: Image.Image, box: tuple[int, int, int, int], strokes) -> None:
    """The pen digit's strokes in black, 0.7 of the canvas's height, a brush 1/25 of it."""
    left, top, right, bottom = box
    height = bottom - top
    points = np.concatenate(strokes)
    low, span = points.min(axis=0), np.ptp(points, axis=0)
    scale = 0.7 * height / max(span.max(), 1e-9)
    origin = np.array([(left + right) / 2 - span[0] * scale / 2, top + 0.15 * height])
    draw = ImageDraw.Draw(image)
    for stroke in strokes:
        line = [tuple(point) for point in (stroke - low) * scale + origin]
        if len(line) == 1:
            line = line * 2
        draw.line(line, fill=(0, 0, 0), width=max(3, height // 25), joint="curve")


def reading(model, picture: np.ndarray) -> str:
    try:
        return read_picture(model, picture).text
    except NothingDrawn:
        return "nothing"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per", type=int, default=40, help="digits per share and window")
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    packed, labels, _ = load_uji_packed(UJI_HELD_OUT_WRITERS)
    drawings = unpack_drawings(packed)
    model = load_default()
    rng = np.random.default_rng(arguments.seed)
    print(f"{'share':>6} {'dark':>6} {'light':>6} {'saved':>6}   (n = {arguments.per} each)")
    for share in SHARES:
        right = {"dark": 0, "light": 0, "saved": 0}
        for index in rng.choice(len(drawings), arguments.per, replace=False):
            strokes, label = drawings[index], str(labels[index])
            for theme in ("dark", "light"):
                image, box = window(theme, share)
                draw_digit(image, box, strokes)
                right[theme] += reading(model, np.asarray(image)) == label
                if theme == "dark":
                    saved = np.asarray(image.crop(box))
                    right["saved"] += reading(model, saved) == label
        shares = "  ".join(f"{right[name] / arguments.per:>5.2f}" for name in right)
        print(f"{share:>6.2f} {shares}", flush=True)


if __name__ == "__main__":
    main()

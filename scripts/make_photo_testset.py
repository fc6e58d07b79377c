"""Generate a seeded test set of "photos" of pen digits, by condition (not kept in the repo).

Pen digits from the shipped assets (bpdraw.augment.load_pen_packed) are drawn as ink on
paper and photographed badly: paper texture and noise, uneven light and a soft shadow,
a dark band at an edge, a yellow sticky-note corner, blue/black/red ink, dim photos,
blue ink on grey paper, ink that differs from the paper only in colour, thick marker,
JPEG compression, EXIF rotation tags, large frames with a small digit, and numbers of
two or three digits; besides photos, "mnist" (28x28, the digit fitted in 20x20 and centred
by its mass, thick soft strokes, saved dark on light as the issue's MNIST PNGs are) and
"paint" (a paint program's hard-edged brush on white) and "bitmap32" (a 32x32 black-and-
white bitmap the digit fills from top to bottom, as optdigits' original bitmaps do); and
paper with printed lines: "ruled" (lines across the page, the digit over two or three),
"squared" (a school exercise book's grid), "boxed" (a form's box printed round the digit)
and "margin" (a ruled notebook page whose red margin line runs down through the digit);
and a sheet photographed lying on a table: "table" (wooden, all round the sheet),
"table_turned" (the sheet turned 5-25 degrees, its digit with it), "table_grey" (a grey
table, its grain as bright as the paper in places) and "table_cut" (the sheet running off
one or two sides of the frame); and a camera's faults: "grainy" (a dim room's photo, its
sensor's grain 0.03-0.1 a colour), "slanted" (taken from below or beside the sheet, its far
edge 1.2-1.5 times as wide as the near one, the table showing in wedges), "pencil" (soft grey
graphite, grainy and faint), "blurred" (out of focus), "shaken" (the phone moved: motion blur
5-12 px long) and "thumbnail" (the photo shrunk to 60-110 px, as a chat app sends it).
Pendigits writers 11-14 are the test split, 01-10 the tune split; but the shipped model
trained on all 14, so for figures on writers its weights never saw use --writers uji: UJI
writers 41-60 (assets; only the temperature was fitted on them), all in the test split.
--writers bridger (../shared/devsets, one writer no model trains on) makes a tune split only.

    .venv/bin/python scripts/make_photo_testset.py [--out /tmp/phototest] [--per 30]
    .venv/bin/python scripts/make_photo_testset.py --writers uji --out /tmp/phototest_uji

Writes OUT/{tune,test}/<condition>/<n>.{png,jpg} and OUT/manifest.csv
(split, condition, writer, label, path).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw
from scipy import ndimage

from bpdraw.augment import load_pen_packed
from bpdraw.pen_recipe import UJI_HELD_OUT_WRITERS, load_uji_packed

TEST_WRITERS = ("11", "12", "13", "14")
BRIDGER = Path(__file__).resolve().parents[2] / "shared" / "devsets" / "bridger_digits_strokes.npz"
LUMA = np.array([0.299, 0.587, 0.114])
CONDITIONS = (
    "clean",
    "gradient_shadow",
    "edge_band",
    "sticky_note",
    "red_ink",
    "blue_ink",
    "dim",
    "blue_on_grey",
    "colour_only",
    "marker",
    "jpeg",
    "exif_rotated",
    "large_frame",
    "multi",
    "mnist",
    "paint",
    "bitmap32",
    "ruled",
    "squared",
    "boxed",
    "margin",
    "table",
    "table_turned",
    "table_grey",
    "table_cut",
    # a camera's faults (after the others, so that their draws stay as they were)
    "grainy",
    "slanted",
    "pencil",
    "blurred",
    "shaken",
    "thumbnail",
)


def drawing_strokes(packed, index: int) -> list[np.ndarray]:
    """Drawing `index` of the packed pen digits as a list of (k, 2) strokes, y down."""
    first, last = packed.sample_ptr[index], packed.sample_ptr[index + 1]
    return [
        packed.points[packed.stroke_ptr[s] : packed.stroke_ptr[s + 1]] for s in range(first, last)
    ]


def fit_strokes(strokes, height: float, left: float, top: float) -> tuple[list, float]:
    """Strokes scaled to `height` px with their top-left at (left, top); and their width."""
    points = np.concatenate(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    scale = height / max(high[1] - low[1], 1e-6)
    moved = [(stroke - low) * scale + (left, top) for stroke in strokes]
    return moved, float((high[0] - low[0]) * scale)


def ink_coverage(size: tuple[int, int], strokes, pen: float) -> np.ndarray:
    """(h, w) float ink coverage of the strokes drawn with a round pen `pen` px wide."""
    width, height = size
    canvas = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(canvas)
    radius = pen / 2
    for stroke in strokes:
        points = [tuple(point) for point in stroke]
        if len(points) > 1:
            draw.line(points, fill=255, width=max(1, round(pen)), joint="curve")
        for x, y in (points[0], points[-1]):
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    coverage = np.asarray(canvas, dtype=np.float32) / 255
    return ndimage.gaussian_filter(coverage, 0.6)


def place_number(packed, indices, size, rng, height_share, pen_share) -> np.ndarray:
    """Ink coverage of the drawings `indices` side by side, centred-ish in the frame."""
    width, height = size
    digit_height = height_share * min(height, width * 1.2 / len(indices))
    pieces, total = [], 0.0
    for k, index in enumerate(indices):
        strokes, digit_width = fit_strokes(drawing_strokes(packed, index), digit_height, 0, 0)
        gap = rng.uniform(0.15, 0.4) * digit_height if k else 0.0
        pieces.append((strokes, total + gap))
        total += gap + max(digit_width, 1.0)
    left = rng.uniform(0.15, 0.85) * (width - total) if total < width else 0.0
    top = rng.uniform(0.2, 0.8) * (height - digit_height)
    placed = [stroke + (left + offset, top) for strokes, offset in pieces for stroke in strokes]
    return ink_coverage(size, placed, max(1.5, pen_share * digit_height))


def paper(size, colour, rng) -> np.ndarray:
    """(h, w, 3) paper of `colour` with a soft fibre texture."""
    width, height = size
    texture = ndimage.gaussian_filter(rng.normal(0, 1, (height, width)).astype(np.float32), 2)
    texture *= 0.03 / max(float(texture.std()), 1e-6)
    return np.clip(np.asarray(colour, dtype=np.float32) + texture[..., None], 0, 1)


def lighting(size, rng, strength: float) -> np.ndarray:
    """(h, w) light falling off linearly across the frame by up to `strength`."""
    width, height = size
    angle = rng.uniform(0, 2 * np.pi)
    rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
    along = np.cos(angle) * columns / width + np.sin(angle) * rows / height
    along = (along - along.min()) / max(float(np.ptp(along)), 1e-6)
    return 1 - strength * along


def shadow(size, rng) -> np.ndarray:
    """(h, w) a soft shadow (a phone or a hand) over one side of the frame, 1 = no shadow."""
    width, height = size
    rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    signed = (np.cos(angle) * (columns - width / 2) + np.sin(angle) * (rows - height / 2)) / max(
        width, height
    ) - rng.uniform(0.0, 0.3)
    softness = rng.uniform(0.03, 0.1)
    depth = rng.uniform(0.3, 0.55)
    return 1 - depth / (1 + np.exp(-signed / softness))


def colour_only_ink(paper_colour, rng) -> np.ndarray:
    """An ink colour as bright as the paper, differing from it only in hue."""
    direction = rng.normal(0, 1, 3)
    direction -= direction @ LUMA  # no change in brightness
    direction /= np.abs(direction).max()
    return np.clip(np.asarray(paper_colour) + 0.35 * direction, 0, 1)


def mnist_like(packed, index: int, rng) -> np.ndarray:
    """(28, 28, 3) MNIST's way: the digit's ink fitted in a 20x20 box keeping its shape, its
    centre of mass at the centre, anti-aliased; dark on light. MNIST's writers lean and use
    thicker pens than the pen sets' writers: the strokes are slanted (x -= s * y, leaning
    right for s > 0, s drawn around 0.2, spread 0.25) and the pen is 1.4-3.4 px, as MNIST's
    own digits measure (their ink's moment slant has median 0.16 and deciles -0.20 / 0.55;
    stroke width 2.2 / 2.8 / 4.0 px)."""
    slant = rng.normal(0.2, 0.25)
    strokes = [
        np.column_stack([stroke[:, 0] - slant * stroke[:, 1], stroke[:, 1]]).astype(float)
        for stroke in drawing_strokes(packed, index)
    ]
    points = np.concatenate(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    pen = rng.uniform(1.4, 3.4)
    scale = (20.0 - pen) * 8 / max(float((high - low).max()), 1e-6)  # drawn 8x larger
    big = [(stroke - low) * scale + (4 + pen / 2) * 8 for stroke in strokes]
    coverage = ink_coverage((28 * 8, 28 * 8), big, pen=pen * 8)
    small = coverage.reshape(28, 8, 28, 8).mean(axis=(1, 3))
    rows, columns = np.indices(small.shape)
    mass = max(float(small.sum()), 1e-6)
    shift = (13.5 - (rows * small).sum() / mass, 13.5 - (columns * small).sum() / mass)
    small = np.clip(ndimage.shift(small, shift, order=1), 0, 1)
    return np.repeat((1 - small)[..., None], 3, axis=2)


def painted(packed, index: int, rng) -> np.ndarray:
    """(h, w, 3) a paint program's drawing: a hard-edged black brush on white."""
    side = int(rng.integers(250, 600))
    strokes, width = fit_strokes(drawing_strokes(packed, index), 0.6 * side, 0, 0)
    left, top = rng.uniform(0.05, 0.95) * max(side - width, 1), rng.uniform(0.1, 0.3) * side
    canvas = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(canvas)
    brush = int(rng.integers(6, 26))
    for stroke in strokes:
        moved = [tuple(point + (left, top)) for point in stroke]
        if len(moved) > 1:
            draw.line(moved, fill=0, width=brush, joint="curve")
        for x, y in (moved[0], moved[-1]):
            draw.ellipse((x - brush / 2, y - brush / 2, x + brush / 2, y + brush / 2), fill=0)
    grey = np.asarray(canvas, dtype=np.float32) / 255
    return np.repeat(grey[..., None], 3, axis=2)


def bitmap32(packed, index: int, rng) -> np.ndarray:
    """(32, 32, 3) optdigits' way: the digit fills the height (and about 20 px of width, at
    most 3x unevenly), black and white, drawn with the pen that inks as many pixels as an
    optdigits scan does (a count drawn from load_digits' own: its 8x8 counts sum to the ink
    pixels of the 32x32 bitmap, mean 313, deciles 267 / 356)."""
    strokes = drawing_strokes(packed, index)
    wanted = float(np.clip(rng.normal(313, 35), 200, 450))
    low_pen, high_pen = 1.0, 10.0
    for _ in range(7):  # the pen by bisection: more ink the wider it is
        pen = (low_pen + high_pen) / 2
        ink = _bitmap32_ink(strokes, pen)
        low_pen, high_pen = (pen, high_pen) if ink.sum() < wanted else (low_pen, pen)
    return np.repeat((~ink).astype(np.float32)[..., None], 3, axis=2)


def _bitmap32_ink(strokes, pen: float) -> np.ndarray:
    """(32, 32) bool: the strokes fitted to the bitmap as bitmap32 fits them, pen px wide."""
    points = np.concatenate(strokes).astype(float)
    low, high = points.min(axis=0), points.max(axis=0)
    k = 8
    vertical = (32 - pen) * k / max(high[1] - low[1], 1e-6)
    horizontal = min(vertical, (22 - pen) * k / max(high[0] - low[0], 1e-6))
    horizontal = max(horizontal, vertical / 3)
    width = (high[0] - low[0]) * horizontal
    placed = [
        (stroke - low) * (horizontal, vertical) + ((32 * k - width) / 2, pen * k / 2)
        for stroke in strokes
    ]
    coverage = ink_coverage((32 * k, 32 * k), placed, pen * k)
    return coverage.reshape(32, k, 32, k).mean(axis=(1, 3)) > 0.5


def photo(packed, indices, condition, rng) -> tuple[np.ndarray, int | None]:
    """(h, w, 3) float photo of the drawings `indices` in `condition`; and an EXIF tag."""
    if condition in CAMERA_FAULTS:
        return CAMERA_FAULTS[condition](packed, indices, rng), None
    if condition == "bitmap32":
        return bitmap32(packed, indices[0], rng), None
    if condition == "mnist":
        return mnist_like(packed, indices[0], rng), None
    if condition == "paint":
        return painted(packed, indices[0], rng), None
    large = condition == "large_frame"
    size = (3000, 4000) if large else (int(rng.integers(260, 480)), int(rng.integers(260, 480)))
    if condition == "multi":
        size = (int(rng.integers(500, 800)), int(rng.integers(260, 400)))
    height_share = rng.uniform(0.1, 0.3) if large else rng.uniform(0.4, 0.7)
    if condition == "multi":  # every digit inside the frame
        height_share = rng.uniform(0.3, 0.45)
    pen_share = rng.uniform(0.1, 0.16) if condition == "marker" else rng.uniform(0.02, 0.05)
    coverage = place_number(packed, indices, size, rng, height_share, pen_share)
    paper_colour = np.full(3, rng.uniform(0.82, 0.97)) * (1, 1, rng.uniform(0.93, 1.0))
    ink = np.array([0.08, 0.08, 0.1])
    if condition == "red_ink":
        ink = np.array([0.75, 0.1, 0.12])
    elif condition == "blue_ink":
        ink = np.array([0.1, 0.15, 0.6])
    elif condition == "blue_on_grey":
        paper_colour = np.full(3, rng.uniform(0.38, 0.48))
        ink = np.array([0.08, 0.12, 0.45])
    elif condition == "colour_only":
        paper_colour = np.full(3, rng.uniform(0.6, 0.75))
        ink = colour_only_ink(paper_colour, rng)
    elif condition == "marker":
        ink = np.array([0.05, 0.05, 0.05]) if rng.random() < 0.5 else np.array([0.1, 0.1, 0.5])
    sheet = paper(size, paper_colour, rng)
    if condition in ("ruled", "squared", "boxed", "margin"):
        _print_lines(sheet, coverage, condition, rng)
    if condition == "sticky_note":
        _sticky_note(sheet, coverage, rng)
    picture = sheet * (1 - coverage[..., None]) + ink * coverage[..., None]
    light = lighting(size, rng, rng.uniform(0.05, 0.15))
    if condition == "gradient_shadow":
        light = lighting(size, rng, rng.uniform(0.3, 0.5)) * shadow(size, rng)
    if condition == "dim":
        light = light * rng.uniform(0.18, 0.35)
    picture = picture * light[..., None]
    if condition == "edge_band":
        _edge_band(picture, rng)
    if condition.startswith("table"):
        picture = _on_a_table(picture, condition, rng)
    noise = 0.015 if condition != "dim" else 0.01
    picture = picture + rng.normal(0, noise, picture.shape).astype(np.float32)
    tag = int(rng.choice([3, 6, 8])) if condition == "exif_rotated" else None
    return np.clip(picture, 0, 1), tag


def grainy(packed, indices, rng) -> np.ndarray:
    """A dim photo under a sensor's grain of 0.03-0.1 in each colour."""
    picture, _ = photo(packed, indices, "dim", rng)
    return np.clip(picture + rng.normal(0, rng.uniform(0.03, 0.1), picture.shape), 0, 1)


def slanted(packed, indices, rng) -> np.ndarray:
    """A clean photo taken at a slant: one edge of the frame (the sheet's far edge) shows
    1.2-1.5 times as much of the sheet as the opposite one, the table beyond its sides."""
    picture, _ = photo(packed, indices, "clean", rng)
    height, width = picture.shape[:2]
    wider = rng.uniform(0.1, 0.25)
    # the output's corners (upper left, lower left, lower right, upper right) in the photo
    corners = np.array([(0, 0), (0, height), (width, height), (width, 0)], dtype=float)
    far = [(0, 3), (0, 1), (1, 2), (2, 3)][int(rng.integers(4))]  # top, left, bottom, right
    along = corners[far[1]] - corners[far[0]]
    corners[far[0]] -= wider * along
    corners[far[1]] += wider * along
    image = Image.fromarray(np.rint(picture * 255).astype(np.uint8))
    table = tuple(int(v) for v in rng.integers(40, 110, 3))
    turned = image.transform(
        (width, height), Image.Transform.QUAD, tuple(corners.ravel()),
        Image.Resampling.BILINEAR, fillcolor=table,
    )  # fmt: skip
    return np.asarray(turned, dtype=np.float32) / 255


def pencil(packed, indices, rng) -> np.ndarray:
    """Soft graphite on paper: grey, thin, its coverage broken by the paper's tooth."""
    size = (int(rng.integers(260, 480)), int(rng.integers(260, 480)))
    coverage = place_number(
        packed, indices, size, rng, rng.uniform(0.4, 0.7), rng.uniform(0.015, 0.035)
    )
    tooth = ndimage.gaussian_filter(rng.random(coverage.shape), 0.7)
    tooth = np.clip((tooth - tooth.mean()) / tooth.std() * 0.25 + 0.75, 0, 1)
    coverage = coverage * tooth * rng.uniform(0.45, 0.7)
    sheet = paper(size, np.full(3, rng.uniform(0.82, 0.97)), rng)
    picture = sheet * (1 - coverage[..., None]) + np.array([0.25, 0.25, 0.28]) * coverage[..., None]
    picture = picture * lighting(size, rng, rng.uniform(0.05, 0.2))[..., None]
    return np.clip(picture + rng.normal(0, 0.015, picture.shape), 0, 1)


def blurred(packed, indices, rng) -> np.ndarray:
    """A clean photo out of focus (a Gaussian blur of 1.5-4 px)."""
    picture, _ = photo(packed, indices, "clean", rng)
    sigma = rng.uniform(1.5, 4.0)
    return ndimage.gaussian_filter(picture, (sigma, sigma, 0))


def shaken(packed, indices, rng) -> np.ndarray:
    """A clean photo taken as the phone moved: blurred along a line 5-12 px long."""
    picture, _ = photo(packed, indices, "clean", rng)
    length = int(rng.integers(5, 13))
    angle = rng.uniform(0, np.pi)
    kernel = np.zeros((length, length))
    for t in np.linspace(-1, 1, 3 * length):
        centre = (length - 1) / 2
        kernel[round(centre * (1 + t * np.sin(angle))), round(centre * (1 + t * np.cos(angle)))] = 1
    kernel /= kernel.sum()
    return np.stack(
        [ndimage.convolve(picture[..., c], kernel, mode="nearest") for c in range(3)], 2
    )


def thumbnail(packed, indices, rng) -> np.ndarray:
    """A clean photo shrunk to 60-110 px on its longer side, as a chat app may send it."""
    picture, _ = photo(packed, indices, "clean", rng)
    height, width = picture.shape[:2]
    side = int(rng.integers(60, 111))
    size = (max(1, side * width // max(height, width)), max(1, side * height // max(height, width)))
    image = Image.fromarray(np.rint(picture * 255).astype(np.uint8))
    return np.asarray(image.resize(size, Image.Resampling.LANCZOS), dtype=np.float32) / 255


CAMERA_FAULTS = {
    "grainy": grainy,
    "slanted": slanted,
    "pencil": pencil,
    "blurred": blurred,
    "shaken": shaken,
    "thumbnail": thumbnail,
}


def _print_lines(sheet: np.ndarray, coverage: np.ndarray, condition: str, rng) -> None:
    """Print lines on the paper, under the ink: a ruled or squared page, or a form's box."""
    height, width = sheet.shape[:2]
    rows, columns = np.flatnonzero(coverage.any(axis=1)), np.flatnonzero(coverage.any(axis=0))
    digit = rows[-1] - rows[0] + 1
    thick = int(rng.integers(1, 4))
    lines = np.zeros((height, width), dtype=bool)
    if condition == "boxed":
        margin = (rng.uniform(0.08, 0.3, 4) * digit).astype(int) + thick + 1
        # the whole box inside the photo, a little paper around it
        top, bottom = max(2, rows[0] - margin[0]), min(height - 3, rows[-1] + margin[1])
        left, right = max(2, columns[0] - margin[2]), min(width - 3, columns[-1] + margin[3])
        for side in (slice(top, top + thick), slice(bottom - thick + 1, bottom + 1)):
            lines[side, left : right + 1] = True
        for side in (slice(left, left + thick), slice(right - thick + 1, right + 1)):
            lines[top : bottom + 1, side] = True
        colour = np.full(3, rng.uniform(0.05, 0.4))
    else:
        spacing = rng.uniform(0.25, 0.45 if condition == "ruled" else 0.35) * digit
        start = rng.uniform(0, spacing)
        for y in np.arange(start, height, spacing).astype(int):
            lines[y : y + thick] = True
        if condition == "squared":
            for x in np.arange(rng.uniform(0, spacing), width, spacing).astype(int):
                lines[:, x : x + thick] = True
        # an exercise book's pale blue, or grey from faint to a photocopy's dark
        blue = np.array([0.45, 0.6, 0.9]) * rng.uniform(0.7, 1.0)
        colour = blue if rng.random() < 0.4 else np.full(3, rng.uniform(0.3, 0.7))
    sheet[lines] = sheet[lines] * 0.15 + colour * 0.85
    if condition == "margin":  # a notebook's red margin line, down through the digit
        x = int(rng.uniform(columns[0], columns[-1] - thick))
        sheet[:, x : x + thick] = sheet[:, x : x + thick] * 0.4 + np.array([0.9, 0.3, 0.3]) * 0.6


def _sticky_note(sheet: np.ndarray, coverage: np.ndarray, rng) -> None:
    """A yellow square note over a corner of the sheet, clear of the ink."""
    height, width = coverage.shape
    side = int(rng.uniform(0.2, 0.35) * min(height, width))
    rows = slice(0, side) if rng.random() < 0.5 else slice(height - side, height)
    columns = slice(0, side) if rng.random() < 0.5 else slice(width - side, width)
    coverage[rows, columns] = 0
    sheet[rows, columns] = (0.98, 0.9, 0.35)


def _edge_band(picture: np.ndarray, rng) -> None:
    """A dark band (the table beyond the paper) along one edge."""
    height, width = picture.shape[:2]
    side = int(rng.integers(4))
    depth = rng.uniform(0.04, 0.12)
    colour = np.array([0.25, 0.18, 0.12]) * rng.uniform(0.5, 1.2)
    if side == 0:
        picture[: int(depth * height)] = colour
    elif side == 1:
        picture[height - int(depth * height) :] = colour
    elif side == 2:
        picture[:, : int(depth * width)] = colour
    else:
        picture[:, width - int(depth * width) :] = colour


def _on_a_table(picture: np.ndarray, condition: str, rng) -> np.ndarray:
    """The photo of a sheet `picture` lying on a table with a grain, seen around it."""
    if condition == "table_turned":
        angle = rng.uniform(5, 25) * rng.choice([-1, 1])
        alpha = ndimage.rotate(np.ones(picture.shape[:2]), angle, order=1, cval=0.0)
        picture = np.clip(ndimage.rotate(picture, angle, axes=(1, 0), order=1), 0, 1)
    else:
        alpha = np.ones(picture.shape[:2])
    height, width = alpha.shape
    grow = rng.uniform(1.2, 1.6, 2) if condition != "table_turned" else (1.35, 1.35)
    size = (int(height * grow[0]), int(width * grow[1]))
    if condition == "table_grey":
        colour = np.full(3, rng.uniform(0.45, 0.65))
    else:
        colour = np.array([0.45, 0.3, 0.18]) * rng.uniform(0.6, 1.1)
    grain = ndimage.gaussian_filter(rng.normal(0, 1, size), (1, 12))
    table = np.clip(colour * (1 + 0.25 * grain / grain.std())[..., None], 0, 1)
    top = int(rng.uniform(0.1, 0.9) * (size[0] - height))
    left = int(rng.uniform(0.1, 0.9) * (size[1] - width))
    under = table[top : top + height, left : left + width]
    table[top : top + height, left : left + width] = (
        alpha[..., None] * picture + (1 - alpha[..., None]) * under
    )
    if condition != "table_cut":
        return table
    # the frame's edge falls inside the sheet on one or two sides, clear of its middle
    bounds = [0, size[0], 0, size[1]]  # top, bottom, left, right
    for side in rng.choice(4, int(rng.integers(1, 3)), replace=False):
        into = rng.uniform(0.03, 0.1) * (height if side < 2 else width)
        edge = (top, top + height, left, left + width)[side]
        bounds[side] = int(edge + into) if side % 2 == 0 else int(edge - into)
    return table[bounds[0] : bounds[1], bounds[2] : bounds[3]]


def save(picture: np.ndarray, path: Path, condition: str, tag: int | None, rng) -> Path:
    """Write the photo: JPEG for phone-like conditions (EXIF tag applied in reverse), else PNG."""
    image = Image.fromarray(np.rint(picture * 255).astype(np.uint8), "RGB")
    if tag is not None:
        undo = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90}
        image = image.transpose(undo.get(tag, Image.Transpose.ROTATE_270))
        exif = Image.Exif()
        exif[0x0112] = tag
        path = path.with_suffix(".jpg")
        image.save(path, quality=90, exif=exif)
    elif condition in ("jpeg", "large_frame", *CAMERA_FAULTS) or condition.startswith("table"):
        path = path.with_suffix(".jpg")
        image.save(path, quality=int(rng.integers(20, 40)) if condition == "jpeg" else 88)
    else:
        path = path.with_suffix(".png")
        image.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/phototest")
    parser.add_argument("--per", type=int, default=30, help="photos per condition and split")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--conditions", default=",".join(CONDITIONS), help="comma-separated")
    parser.add_argument("--splits", default="tune,test", help="comma-separated")
    parser.add_argument("--writers", default="pendigits", choices=("pendigits", "uji", "bridger"))
    arguments = parser.parse_args()
    rng = np.random.default_rng(arguments.seed)
    if arguments.writers == "uji":
        packed, labels, writers = load_uji_packed(UJI_HELD_OUT_WRITERS)
        arguments.splits = "test"
        test_writers = tuple(UJI_HELD_OUT_WRITERS)
    elif arguments.writers == "bridger":  # a writer to tune on: never trained on, not reported
        packed, labels, writers = load_pen_packed(str(BRIDGER))
        arguments.splits = "tune"
        test_writers = ()
    else:
        packed, labels, writers = load_pen_packed()
        test_writers = TEST_WRITERS
    out = Path(arguments.out)
    rows = []
    for split in arguments.splits.split(","):
        pool = np.flatnonzero(np.isin(writers, test_writers) == (split == "test"))
        for condition in arguments.conditions.split(","):
            folder = out / split / condition
            folder.mkdir(parents=True, exist_ok=True)
            count = arguments.per // 2 if condition == "large_frame" else arguments.per
            for n in range(count):
                first = int(rng.choice(pool))
                indices = [first]
                if condition == "multi":
                    same_writer = pool[writers[pool] == writers[first]]
                    indices += list(rng.choice(same_writer, int(rng.integers(1, 3))))
                picture, tag = photo(packed, indices, condition, rng)
                path = save(picture, folder / f"{n:03d}", condition, tag, rng)
                label = "".join(str(labels[i]) for i in indices)
                rows.append((split, condition, writers[first], label, str(path)))
            print(split, condition, count, flush=True)
    with open(out / "manifest.csv", "w", newline="") as file:
        csv.writer(file).writerows([("split", "condition", "writer", "label", "path"), *rows])


if __name__ == "__main__":
    main()

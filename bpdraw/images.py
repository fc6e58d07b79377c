"""Pictures -> the drawing conversion: a photo or scan of one digit -> (8, 8) ints 0-16.

A picture is read upright (a phone's orientation tag is honoured) and its ink found
against the local paper, whatever the lighting, shadows, polarity or ink colour
(bpdraw.photo). The ink around the digit is cropped and thinned to its centre lines
(short spurs of thick strokes pruned), which are drawn again like strokes through
`bpdraw.preprocess`, so a photo's pen width and the digit's share of the frame do
not matter either. A digit too small to thin well (MNIST's 20 px) is read from its ink
itself instead, fitted into the 32x32 box as optdigits fits its scans (`PictureInk`).
Several digits side by side: bpdraw.numbers.
"""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import ndimage

from bpdraw.data import BITMAP_SIZE, count_blocks
from bpdraw.paper import block_mean, planar_paper
from bpdraw.photo import LUMA, ink_parts
from bpdraw.picture_file import READ_MAX_SIDE, read_image
from bpdraw.preprocess import DEFAULT_CONVERSION, Conversion, NothingDrawn, strokes_to_digits

# Ink less tall than this (px) is one digit read from the ink itself, not its centre lines:
# at MNIST's 20 px, thinning closes loops and merges strokes (MNIST-style pictures of the
# tune writers' pen digits: 14 of 300 read wrong through centre lines, 7 this way).
SMALL_INK_HEIGHT = 48
# ... when it is at most this wide for its height (wider: digits side by side).
SMALL_INK_ASPECT = 1.2
# A small digit is also read turned this many degrees each way (its ink and its centre lines
# alike), and the readings of all its views averaged: people's slant and lean vary more than
# optdigits' deslanted digits do, and the turned views smooth the model's sensitivity to it.
# On the MNIST-style pictures of the tune writers (bridger, pendigits 01-10; 800): 0.778 /
# 0.926 -> 0.817 / 0.951 (5 degrees: 0.799 / 0.936; 8: 0.799 / 0.946; 16: 0.823 / 0.938;
# 20: 0.810 / 0.944). Turning the ink alone read 1 point less on them, and 0.9 points less
# than before on real MNIST, where the ink view is the weaker of the two.
SMALL_DIGIT_TURNS = (12.0, -12.0)
# Small ink this thick for its size (its widest part, twice the largest distance from ink to
# paper, over its longer side) is a blob, not strokes: a dot is not a digit (its ink read "1"
# at 50 %, and thinned it drew a cross that read "4" at 98 %). The digits of the MNIST- and
# optdigits-style tune and calibration pictures (1,500) measure at most 0.54, filled dots 0.9+.
BLOB_THICKNESS = 0.7
# A picture smaller than this (px, longer side) is a tight scan or a thumbnail: its ink may
# touch the frame, so it is read inside a margin of its own paper.
FRAMED_SIDE = 100
# Holes in the thinned-size ink mask up to this many px are noise, not a digit's loop.
PINHOLE_AREA = 4


def image_to_digits(
    image: np.ndarray | str | os.PathLike, *, conversion: Conversion = DEFAULT_CONVERSION
) -> np.ndarray:
    """A picture of one digit (array or PNG/JPEG file) -> (8, 8) int64 in 0..16.

    Dark ink on a light background and light on dark are both read. Raises NothingDrawn
    for a blank image, UnreadableImage (a ValueError) for a file that is not a picture.
    """
    ink = picture_ink(image)
    small = ink.small_digit()
    return small if small is not None else strokes_to_digits(ink.strokes(), conversion=conversion)


def image_to_strokes(image: np.ndarray | str | os.PathLike) -> list[np.ndarray]:
    """A picture (array or file) -> its ink's centre lines as strokes, y down, left to right.

    Several digits side by side stay side by side (bpdraw.numbers splits them). Raises
    NothingDrawn for a blank image, UnreadableImage for a file that is not a picture.
    """
    return picture_ink(image).strokes()


@dataclass(frozen=True)
class PictureInk:
    """The ink of a picture, cropped to the digit(s), at the picture's own resolution.

    scan: the picture is small (under FRAMED_SIDE px), a scan or a crop of a digit.
    """

    mask: np.ndarray
    scan: bool = False
    # Where the mask lies in the picture: its top-left corner (x, y) in the picture's pixels,
    # and how many of them a mask pixel spans (a large array is averaged in blocks as read).
    origin: tuple[float, float] = (0.0, 0.0)
    pixel: float = 1.0
    # A form's comb field: its walls (x in the picture's pixels, the outer ones first and
    # last), one digit between each two; what lies beyond the outer walls is not its number.
    cells: tuple[float, ...] = ()
    # The degrees (counter-clockwise) by which the sheet of paper the ink is on is turned in
    # the picture (bpdraw.sheet.sheet_turn): its digits are read turned back.
    turn: float = 0.0

    def strokes(self) -> list[np.ndarray]:
        """The ink's centre lines as strokes, y down, left to right."""
        mask = _thinning_size(self.mask)
        return _skeleton_strokes(_prune_spurs(_thin(mask), _spur_length(mask)))

    def in_picture(self, points: np.ndarray) -> np.ndarray:
        """Points of `strokes()` -> where they are in the picture, in its pixels (x, y)."""
        grow, shrink = _thinning_scale(self.mask)
        in_mask = (np.asarray(points, dtype=np.float64) - 1.0) * shrink / grow  # 1: the pad
        return np.asarray(self.origin) + in_mask * self.pixel

    def small_digit(self) -> np.ndarray | None:
        """(8, 8) int64 for one digit too small to thin well: its ink fitted to the 32 px
        height and about 20 px width (as preprocess fits strokes) and counted in 4x4
        blocks; None for a larger digit, or digits side by side."""
        height, width = self.mask.shape
        if height >= SMALL_INK_HEIGHT or width > SMALL_INK_ASPECT * height:
            return None
        return _ink_view(self.mask)

    @cached_property
    def blob(self) -> bool:
        """The ink is a filled blob, not strokes (BLOB_THICKNESS): a dot, not a digit."""
        return _thickness(self.mask) > BLOB_THICKNESS

    def small_views(self) -> np.ndarray | None:
        """(k, 8, 8) int64, the views a small digit is read from (picture_reading.read_picture):
        its ink (small_digit, first) and, when they draw anything, its centre lines drawn
        again as the canvas draws strokes (not for a blob, which has none); then the same of
        the ink turned by each of SMALL_DIGIT_TURNS. None where small_digit is None."""
        small = self.small_digit()
        if small is None:
            return None
        lines = not self.blob
        views = [small, *(_lines_view(self.mask) if lines else [])]
        for angle in SMALL_DIGIT_TURNS:
            turned = _turned(self.mask, angle)
            views.append(_ink_view(turned))
            views.extend(_lines_view(turned) if lines else [])
        return np.stack(views).astype(np.int64)


def _ink_view(mask: np.ndarray) -> np.ndarray:
    """(8, 8) int64: a small ink mask fitted to the 32 px height and about 20 px width (as
    preprocess fits strokes) and counted in 4x4 blocks."""
    return count_blocks(_fitted_bitmap(mask, DEFAULT_CONVERSION)).astype(np.int64)


def _thickness(mask: np.ndarray) -> float:
    """The ink's widest part (twice the largest distance from ink to paper) over its longer
    side: a digit's strokes about 0.2, a filled dot about 1."""
    distance = ndimage.distance_transform_edt(np.pad(mask, 1))
    return 2 * float(distance.max()) / max(mask.shape)


def _lines_view(mask: np.ndarray) -> list[np.ndarray]:
    """[the (8, 8) of the ink's centre lines drawn as the canvas draws strokes], or [] when
    they are too short to draw."""
    with suppress(NothingDrawn):
        return [strokes_to_digits(PictureInk(mask).strokes())]
    return []


def _turned(mask: np.ndarray, degrees: float) -> np.ndarray:
    """An ink mask turned by ``degrees`` (counter-clockwise), cropped to its ink again."""
    turned = ndimage.rotate(mask.astype(np.uint8), degrees, order=0, reshape=True) > 0
    rows, columns = np.flatnonzero(turned.any(axis=1)), np.flatnonzero(turned.any(axis=0))
    if not len(rows):
        return mask
    return turned[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]


def picture_ink(image: np.ndarray | str | os.PathLike) -> PictureInk:
    """A picture (array or file) -> its ink. Raises NothingDrawn for a blank image,
    UnreadableImage for a file that is not a picture."""
    if isinstance(image, (str, os.PathLike)):
        image = read_image(image)
    colour, pixel = _colour(image)
    if max(colour.shape[:2]) >= FRAMED_SIDE:
        mask, (left, top), walls, turn = _cropped_ink(colour)
        cells = tuple(float(wall * pixel) for wall in walls)
        origin = (left * pixel, top * pixel)
        return PictureInk(mask, origin=origin, pixel=pixel, cells=cells, turn=turn)
    # A small picture is a scan or a crop: a thick part in it is a marker's digit (an MNIST
    # digit's loops filled in), not the shadow or stain it would be in a photo.
    framed = _framed(colour)
    margin = (framed.shape[0] - colour.shape[0]) // 2
    mask, (left, top), _, _ = _cropped_ink(framed, scan=True)
    origin = ((left - margin) * pixel, (top - margin) * pixel)
    return PictureInk(mask, scan=True, origin=origin, pixel=pixel)


def _framed(colour: np.ndarray) -> np.ndarray:
    """A small picture in a margin of its own paper (paper.planar_paper, its light's
    gradient carried on): a scan cropped tight to its digit (optdigits' 32x32 bitmaps fill
    the frame) keeps ink that touches the frame, which in a photo would be a band or a
    shadow to drop."""
    margin = max(2, max(colour.shape[:2]) // 8)
    height, width = colour.shape[:2]
    framed = planar_paper(colour, margin)
    framed[margin : margin + height, margin : margin + width] = colour
    return framed


def _fitted_bitmap(mask: np.ndarray, conversion: Conversion) -> np.ndarray:
    """A small cropped ink mask -> (32, 32) bool: stretched to the full height and the
    conversion's ink width (at most max_stretch times unevenly), centred; a pixel the
    enlarged ink reaches at all is ink (about optdigits' 312 pixels at MNIST's size)."""
    height, width = mask.shape
    vertical = BITMAP_SIZE / height
    horizontal = np.clip(conversion.ink_width / width, vertical / conversion.max_stretch,
                         vertical * conversion.max_stretch)  # fmt: skip
    out_width = int(np.clip(round(width * horizontal), 1, BITMAP_SIZE))
    zoom = (vertical, out_width / width)
    grown = ndimage.zoom(mask.astype(np.float64), zoom, order=1, grid_mode=True, mode="nearest")
    bitmap = np.zeros((BITMAP_SIZE, BITMAP_SIZE), dtype=bool)
    left = (BITMAP_SIZE - out_width) // 2
    bitmap[:, left : left + out_width] = grown[:BITMAP_SIZE, :out_width] > 0
    return bitmap


def _colour(image: np.ndarray) -> tuple[np.ndarray, int]:
    """An image's pixels -> ((h, w, 3) float RGB in [0, 1], at most READ_MAX_SIDE, averaged in
    square blocks if larger; the blocks' side)."""
    pixels = _unit_range(np.asarray(image))
    if pixels.ndim == 3 and pixels.shape[2] == 4:
        alpha = pixels[..., 3:]
        over_white = alpha * pixels[..., :3] + (1 - alpha)
        # Ink on a transparent sheet: the transparency is the drawing.
        if np.ptp(over_white @ LUMA) < 0.5 * np.ptp(alpha):
            over_white = np.repeat(1 - alpha, 3, axis=2)
        pixels = over_white
    elif pixels.ndim == 3 and pixels.shape[2] in (1, 2):
        pixels = pixels[..., 0]
    if pixels.ndim == 2:
        pixels = np.repeat(pixels[..., None], 3, axis=2)
    if pixels.ndim != 3 or pixels.shape[2] != 3 or min(pixels.shape[:2]) < 1:
        raise ValueError(f"an image must be (h, w), (h, w, 3) or (h, w, 4), got {pixels.shape}")
    factor = -(-max(pixels.shape[:2]) // READ_MAX_SIDE)
    return np.clip(block_mean(pixels, factor), 0.0, 1.0), factor


def _unit_range(pixels: np.ndarray) -> np.ndarray:
    """Pixels of any numeric dtype -> float64, 0-1 for the usual ranges; NaN made neutral."""
    if pixels.dtype == bool:
        return pixels.astype(np.float64)
    if np.issubdtype(pixels.dtype, np.integer):
        return pixels.astype(np.float64) / max(float(np.iinfo(pixels.dtype).max), 1.0)
    if not np.issubdtype(pixels.dtype, np.floating):
        raise ValueError(f"an image must hold numbers, got {pixels.dtype}")
    pixels = pixels.astype(np.float64)
    finite = np.isfinite(pixels)
    pixels = np.where(finite, pixels, np.median(pixels[finite]) if finite.any() else 0.0)
    top = np.abs(pixels).max(initial=0.0)
    return pixels / (255.0 if top <= 255 else top) if top > 1 else pixels


def _cropped_ink(
    colour: np.ndarray, *, scan: bool = False
) -> tuple[np.ndarray, tuple, tuple, float]:
    """(h, w, 3) picture -> (bool ink mask cropped to the digit(s) (photo.ink_parts), the
    crop's left and top in the picture, the columns where a comb's boxes meet in it, the
    degrees its sheet of paper is turned by)."""
    mask, walls, turn = ink_parts(colour, scan=scan)
    if mask is None:
        raise NothingDrawn("nothing drawn: the image is blank (no ink stands out)")
    if mask.sum() < 3:
        raise NothingDrawn("nothing drawn: the image has only a speck of ink")
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    crop = mask[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]
    return crop, (int(columns[0]), int(rows[0])), walls, turn


def _thinning_size(mask: np.ndarray) -> np.ndarray:
    """A cropped ink mask -> the same, 48-128 px tall, pinholes filled, padded by 1."""
    grow, shrink = _thinning_scale(mask)
    if grow > 1:
        mask = np.kron(mask, np.ones((grow, grow), dtype=bool))
    elif shrink > 1:
        h, w = -(-mask.shape[0] // shrink) * shrink, -(-mask.shape[1] // shrink) * shrink
        padded = np.zeros((h, w), dtype=bool)
        padded[: mask.shape[0], : mask.shape[1]] = mask
        mask = padded.reshape(h // shrink, shrink, w // shrink, shrink).any(axis=(1, 3))
    return np.pad(_fill_pinholes(mask), 1)


def _thinning_scale(mask: np.ndarray) -> tuple[int, int]:
    """(grow, shrink): a cropped mask is thinned at a comfortable resolution, about 48-128 px
    for a digit (a number is wider), grown or shrunk that many times."""
    side = max(mask.shape[0], mask.shape[1] / 3)
    if side < 48:
        return int(np.ceil(48 / side)), 1
    if side > 128:
        return 1, int(np.ceil(side / 128))
    return 1, 1


def _fill_pinholes(mask: np.ndarray) -> np.ndarray:
    """Fill holes of a few pixels in the ink (noise), keeping even a marker 8's tiny loop."""
    holes, count = ndimage.label(~mask)
    if count < 2:
        return mask
    area = ndimage.sum_labels(np.ones_like(mask), holes, np.arange(1, count + 1))
    small = np.flatnonzero(area <= PINHOLE_AREA) + 1
    return mask | np.isin(holes, small)


def _spur_length(mask: np.ndarray) -> int:
    """Side branches shorter than this (about 0.6 pen widths) are thinning's artefacts."""
    inside = ndimage.distance_transform_edt(mask)[mask]
    return max(2, int(round(0.6 * 2 * np.median(inside)))) if inside.size else 2


def _prune_spurs(skeleton: np.ndarray, length: int) -> np.ndarray:
    """Remove short side branches that thinning leaves on thick strokes (a marker's).

    Ends are eaten back `length` px, then the surviving branches are grown back along
    the skeleton by as much: spurs shorter than `length` are gone, real ends come back.
    """
    eaten = skeleton.copy()
    for _ in range(length):
        eaten &= ~_ends(eaten)
    if not eaten.any():
        return skeleton
    grown = eaten.copy()
    tips = _ends(eaten)
    for _ in range(length):
        tips = ndimage.binary_dilation(tips, structure=np.ones((3, 3))) & skeleton & ~grown
        grown |= tips
    return grown


def _ends(skeleton: np.ndarray) -> np.ndarray:
    """Skeleton pixels with exactly one neighbour: the ends of its lines."""
    neighbours = ndimage.convolve(
        skeleton.astype(np.int8), np.ones((3, 3), np.int8), mode="constant"
    )
    return skeleton & (neighbours == 2)


def _thin(mask: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning: the ink's one-pixel-wide centre lines.

    Kept rather than scikit-image's skeletonize (measured on 60 rendered pen digits:
    0.16 ms against 2 ms here, but a different skeleton on all 60, changing the digits
    by up to 9 of 16): 2 ms of a ~15 ms picture is not worth a 56 MB dependency that
    would change every picture's digits.
    """
    skeleton = mask.copy()
    while True:
        changed = False
        for first_pass in (True, False):
            p = np.pad(skeleton, 1)
            # Neighbours P2..P9, clockwise from north.
            n = [
                p[:-2, 1:-1],
                p[:-2, 2:],
                p[1:-1, 2:],
                p[2:, 2:],
                p[2:, 1:-1],
                p[2:, :-2],
                p[1:-1, :-2],
                p[:-2, :-2],
            ]
            count = sum(neighbour.astype(np.int8) for neighbour in n)
            ring = n + n[:1]
            transitions = sum((~ring[i] & ring[i + 1]).astype(np.int8) for i in range(8))
            if first_pass:
                clear = ~(n[0] & n[2] & n[4]) & ~(n[2] & n[4] & n[6])
            else:
                clear = ~(n[0] & n[2] & n[6]) & ~(n[0] & n[4] & n[6])
            remove = skeleton & (count >= 2) & (count <= 6) & (transitions == 1) & clear
            if remove.any():
                skeleton = skeleton & ~remove
                changed = True
        if not changed:
            return skeleton


def _skeleton_strokes(skeleton: np.ndarray) -> list[np.ndarray]:
    """Centre-line pixels -> strokes: a segment between each pair of touching pixels.

    skeleton must have an empty one-pixel border.
    """
    height, width = skeleton.shape
    inner = skeleton[1:-1, 1:-1]
    strokes: list[np.ndarray] = []
    touched = np.zeros_like(skeleton)
    for step_row, step_column in ((0, 1), (1, 0), (1, 1), (1, -1)):
        neighbour = skeleton[
            1 + step_row : height - 1 + step_row, 1 + step_column : width - 1 + step_column
        ]
        rows, columns = np.nonzero(inner & neighbour)
        rows, columns = rows + 1, columns + 1
        touched[rows, columns] = True
        touched[rows + step_row, columns + step_column] = True
        starts = np.stack([columns + 0.5, rows + 0.5], axis=1)
        ends = starts + [step_column, step_row]
        strokes.extend(np.stack([starts, ends], axis=1))
    rows, columns = np.nonzero(skeleton & ~touched)
    strokes.extend(
        np.array([[column + 0.5, row + 0.5]]) for row, column in zip(rows, columns, strict=True)
    )
    return strokes

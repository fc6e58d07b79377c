"""Where the ink is in a photo: against the local background, in colour as well as brightness.

A phone photo of paper is lit unevenly, has shadows, a table at its edge, a sticky note
in a corner; a dim photo is dark all over, and ink may differ from the paper in colour
only. So the paper is estimated (bpdraw.paper: locally in a photo, as a plane in a small
scan or a picture made on a computer), and ink is whatever differs from it, in any direction
of colour. A sheet of paper lying on a table is read alone (bpdraw.sheet): the table is
coloured as the paper before the paper is estimated. Parts of the ink that are not
digit-like (touching the frame's border or the sheet's edge while a digit stands free, solid
blobs, specks) are dropped.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from bpdraw.combs import without_combs
from bpdraw.paper import (
    BACKGROUND_WINDOW,
    STROKES_PER_WINDOW,
    background_factor,
    block_mean,
    fit_shape,
    local_background,
    looks_digital,
    looks_flat,
    planar_paper,
)
from bpdraw.printed_lines import (
    SPECK_SHARE,
    parts_on_border,
    without_frames,
    without_rules,
)
from bpdraw.sheet import find_sheets, sheet_edge, sheet_turn

# Brightness of an RGB pixel.
LUMA = np.array([0.299, 0.587, 0.114])
# Ink is at least this far (RGB distance / sqrt(3), 0-1) from the paper, and this many
# times the paper's own typical deviation (its noise and texture).
MIN_CONTRAST = 0.08
MIN_CONTRAST_OVER_NOISE = 6.0
# A grainy picture in which nothing stands out is looked at again smoothed by a Gaussian of
# this sigma (px); 2 px showed a digit on one blank grainy page of 40.
GRAIN_SIGMA = 1.0
# Hysteresis: strokes start above SEED of the strongest contrast and extend above GROW.
SEED, GROW = 0.5, 0.3
# Printed lines too pale to be ink (a form's pink or pale blue) are looked for above FAINT
# of the strongest ink and FAINT_OVER_NOISE times the paper's typical deviation.
FAINT = 0.15
FAINT_OVER_NOISE = 4.0
# A pixel this close (relative) to the paper a block away is paper beside an edge.
EDGE_MATCH = 0.35
# A part is a blob when its widest point is this share of its bounding box's long side.
BLOB_THICKNESS = 0.25
# A loop is filled (a dark patch's rim, not a 0) when its inside differs from the paper by
# more than this share of the ink's difference.
FILLED_LOOP = 0.5
# In a small scan only a loop of at least this many pixels is judged so: a smaller one is a
# few grey pixels whose colour says little (an 8's pinholes), a dot's hollow is dozens.
SCAN_LOOP_PIXELS = 9


def contrast(colour: np.ndarray, paper: np.ndarray, reach: int = 0) -> np.ndarray:
    """(h, w) distance of each pixel from the paper in RGB, 0-1 (any polarity, any hue).

    The paper estimated at a reduced resolution places a sharp edge (a table, a sticky
    note) only to within a block: a pixel that matches the paper `reach` px away almost
    exactly (EDGE_MATCH of its distance here) is paper beside such an edge, not ink.
    """
    direct = ((colour - paper) ** 2).sum(axis=2)
    if reach == 0:
        return np.sqrt(direct / 3.0)
    height, width = colour.shape[:2]
    padded = np.pad(paper, ((reach, reach), (reach, reach), (0, 0)), mode="edge")
    closest = direct.copy()
    for down in (0, reach, 2 * reach):
        for right in (0, reach, 2 * reach):
            shifted = padded[down : down + height, right : right + width]
            np.minimum(closest, ((colour - shifted) ** 2).sum(axis=2), out=closest)
    beside_an_edge = closest < EDGE_MATCH**2 * direct
    return np.sqrt(np.where(beside_an_edge, closest, direct) / 3.0)


def ink_parts(
    colour: np.ndarray, *, scan: bool = False
) -> tuple[np.ndarray | None, tuple[int, ...], float]:
    """(h, w, 3) float picture -> (bool mask of its digit-like ink, or None if it has none;
    the columns where a form's comb field parts one digit's box from the next, if any; the
    degrees by which the sheet of paper the ink is on is turned in the picture, or 0).

    Thick ink (a marker) is looked for again against paper estimated over a window
    wide enough for it. scan: the picture is a small scan or crop of a digit: its paper is
    a plane (planar_paper), it has no printed lines, thick parts are the digit when nothing
    else is (digit_like's thick_digit: a marker's digit) and only loops of SCAN_LOOP_PIXELS
    or more are judged by their inside. A picture made on a computer (looks_digital; a form
    scanned to pure white too) has its paper a plane and thick parts kept likewise, but may
    have printed lines.

    A photo of a sheet of paper on a table is read on the sheet alone (_on_sheets), and a
    screenshot on its paint program's canvas; if no digit stands on it (the "sheet" was a
    lit part of a page, the "table" its shadow; the "canvas" a toolbar), the whole picture
    is read.

    A grainy photo (a dim room's, _grainy) in which nothing stands out is looked at again
    smoothed by GRAIN_SIGMA: its grain hid strokes several px wide.
    """
    found = _ink_parts_of(colour, scan)
    if found[0] is None and not scan and _grainy(colour):
        smoothed = ndimage.gaussian_filter(colour, (GRAIN_SIGMA, GRAIN_SIGMA, 0), mode="nearest")
        return _ink_parts_of(smoothed, scan)
    return found


def _grainy(colour: np.ndarray) -> bool:
    """A picture whose paper's typical deviation from its estimate (its grain and texture)
    is so large that ink of MIN_CONTRAST would not stand out of it."""
    noise = float(np.median(contrast(colour, local_background(colour))))
    return MIN_CONTRAST_OVER_NOISE * noise > MIN_CONTRAST


def _ink_parts_of(
    colour: np.ndarray, scan: bool
) -> tuple[np.ndarray | None, tuple[int, ...], float]:
    """ink_parts, smoothed or not."""
    if not scan:
        drawn = looks_digital(colour)
        # a sheet as a photo's is looked for first, then a screenshot's canvas
        for canvas in (False, True) if drawn or looks_flat(colour) else (False,):
            for on_sheet, table, turn in _on_sheets(colour, canvas):
                if (found := _ink_parts(on_sheet, False, table))[0] is not None:
                    return (*found, turn)
        if drawn:  # no shadows, no stains: its paper is a plane
            return (*_ink_parts(colour, False, None, planar_paper(colour)), 0.0)
    return (*_ink_parts(colour, scan, None), 0.0)


def _ink_parts(
    colour: np.ndarray, scan: bool, table: np.ndarray | None, paper: np.ndarray | None = None
) -> tuple[np.ndarray | None, tuple[int, ...]]:
    """ink_parts with ``table`` (where the sheet of paper is not) known, or None; and the
    paper, when it is known (a picture made on a computer)."""
    if scan:
        # A small scan is lit evenly (a drawing is not lit at all), and its digit's strokes
        # may be wider than any window a local estimate could take (optdigits' 1: a bar a
        # third of the frame wide): its paper is a plane over the whole picture. It holds
        # no printed lines.
        ink, _ = _ink_against(colour, planar_paper(colour), SCAN_LOOP_PIXELS)
        return (None if ink is None else digit_like(ink, thick_digit=True)), ()
    ink, faint = _ink_against(colour, local_background(colour) if paper is None else paper)
    if ink is None or not ink.any():
        return None, ()
    ink, walls = without_combs(ink, faint)
    ink = without_rules(without_frames(ink), faint)
    mask = digit_like(ink, thick_digit=paper is not None, off=table)
    if paper is not None:  # however wide its strokes, known paper is no window's estimate
        return mask, walls
    # A stroke too wide for the window (a marker) is found as its rim, its inside filled in
    # (_with_filled_loops); none of it may be left digit-like, so all the ink is measured.
    measured = ink if mask is None else mask
    # Across a stroke the distance to its edge runs 0..width/2: its 90th percentile ~ 0.45 w.
    width = 2 * float(np.percentile(ndimage.distance_transform_edt(measured)[measured], 90))
    factor = background_factor(colour)
    window = min(colour.shape[:2]) // factor * BACKGROUND_WINDOW * factor
    if STROKES_PER_WINDOW * width > window:
        ink, faint = _ink_against(colour, local_background(colour, width))
        if ink is None:
            return None, walls
        ink = without_rules(without_frames(without_combs(ink, faint)[0]), faint)
        return digit_like(ink, off=table), walls
    return mask, walls


def _ink_against(
    colour: np.ndarray, paper: np.ndarray, smallest_loop: int = 1
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The ink against the paper estimated (local_background or planar_paper), loops of at
    least `smallest_loop` px that look like ink filled in, or None when nothing stands out
    (digit_like then keeps a digit's parts of it); and all that stands out at all (FAINT of
    the strongest ink: a form's pale print, which the ink leaves out)."""
    factor = background_factor(colour)
    reach = factor + 1 if factor > 1 else 0
    strength = contrast(colour, paper, reach)
    noise = float(np.median(strength))
    # The strongest ink: the top 0.1 % of pixels, or the top 0.01 % for a thin digit
    # small in a large photo (its ink is less than 0.1 % of the frame).
    for share in (99.9, 99.99):
        strongest = float(np.percentile(strength, share))
        if strongest > max(MIN_CONTRAST, MIN_CONTRAST_OVER_NOISE * noise):
            break
    else:
        return None, None
    seeds = strength > SEED * strongest
    labels, count = ndimage.label(strength > GROW * strongest, structure=np.ones((3, 3)))
    seeded = np.zeros(count + 1, dtype=bool)
    seeded[labels[seeds]] = True
    seeded[0] = False
    ink = seeded[labels]
    faint = strength > max(FAINT * strongest, FAINT_OVER_NOISE * noise)
    return _with_filled_loops(colour, ink, smallest_loop), faint


def _with_filled_loops(colour: np.ndarray, mask: np.ndarray, smallest: int = 1) -> np.ndarray:
    """The ink mask with every loop (of at least `smallest` px) whose inside looks like ink
    rather than paper filled in.

    Paper estimated nearby takes the inside of a large dark patch (a dot, a stain) for
    paper, leaving only its rim as ink: a ring that would read as a confident 0. Compared
    with the paper around the ink, such an inside is as far off as the ink itself; a 0's
    inside is paper."""
    holes = ndimage.binary_fill_holes(mask) & ~mask
    if not holes.any():
        return mask
    around = ~(mask | holes)
    if not around.any():
        return mask
    paper = np.median(colour[around], axis=0)
    ink = float(np.linalg.norm(np.median(colour[mask], axis=0) - paper))
    labels, count = ndimage.label(holes)
    index = np.arange(1, count + 1)
    inside = np.stack([ndimage.median(colour[..., c], labels, index) for c in range(3)], axis=1)
    large = ndimage.sum(holes, labels, index) >= smallest
    filled = index[large & (np.linalg.norm(inside - paper, axis=1) > FILLED_LOOP * ink)]
    return mask | np.isin(labels, filled)


def digit_like(
    mask: np.ndarray, thick_digit: bool = False, off: np.ndarray | None = None
) -> np.ndarray | None:
    """The parts of an ink mask a digit is made of: no border bands, blobs or specks.

    thick_digit: when every part is a blob, the blobs inside the frame are the digit (a
    small scan of a digit in marker: its filled loops make it a blob by the rule for
    photos, where such a part is a shadow or a stain). off: where the picture's sheet of
    paper is not, its edge included (bpdraw.sheet.sheet_edge), whose parts are dropped as
    border parts are."""
    labels, count = ndimage.label(mask, structure=np.ones((3, 3)))
    if count == 0:
        return None
    index = np.arange(1, count + 1)
    area = ndimage.sum_labels(mask, labels, index)
    thickness = ndimage.maximum(ndimage.distance_transform_edt(mask), labels, index)
    boxes = ndimage.find_objects(labels)
    long_side = np.array([max(s.stop - s.start for s in box) for box in boxes])
    on_border = parts_on_border(labels, count)
    if off is not None:
        on_border[np.unique(labels[off & mask]) - 1] = True
    blob = (thickness > BLOB_THICKNESS * long_side) & (long_side > 4)
    keep = ~blob
    if (keep & ~on_border).any():
        keep &= ~on_border
    elif thick_digit and not keep.any():
        keep = blob & ~on_border
    if not keep.any():
        return None
    keep &= area >= SPECK_SHARE * area[keep].max()
    return np.isin(labels, index[keep])


def _on_sheets(colour: np.ndarray, canvas: bool) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """A photo of a sheet of paper on a table, or (with `canvas`) a screenshot of a paint
    program's canvas (bpdraw.sheet, looked for at the paper's estimating resolution) -> for
    each sheet found: (the picture with the table coloured as the nearest paper, so that the
    paper is estimated from the sheet alone; where the sheet is not, its edge included, to
    drop ink from; the degrees the sheet is turned by). Any other picture -> []."""
    factor = background_factor(colour)
    small = block_mean(colour, factor)

    def grown(blocks: np.ndarray) -> np.ndarray:
        full = np.repeat(np.repeat(blocks, factor, axis=0), factor, axis=1)
        return fit_shape(full, colour.shape[:2])

    found = []
    for sheet in find_sheets(small @ LUMA, canvas=canvas):
        # the table coloured as the nearest paper well inside the sheet (its edge blocks are
        # part table)
        inner = ndimage.binary_erosion(sheet, iterations=2)
        inner = inner if inner.any() else sheet
        nearest = ndimage.distance_transform_edt(~inner, return_indices=True)[1]
        paper = small[nearest[0], nearest[1]]
        on_sheet = np.where(grown(~sheet)[..., None], grown(paper), colour)
        found.append((on_sheet, grown(sheet_edge(sheet)), sheet_turn(sheet)))
    return found

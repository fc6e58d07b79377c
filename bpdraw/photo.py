"""Where the ink is in a photo: against the local background, in colour as well as brightness.

A phone photo of paper is lit unevenly, has shadows, a table at its edge, a sticky note
in a corner; a dim photo is dark all over, and ink may differ from the paper in colour
only. So the paper is estimated locally (a median over a window much wider than a pen
stroke, at a reduced resolution: it keeps gradients, shadows and the edges of large
patches, but not strokes), and ink is whatever differs from it, in any direction of
colour. A sheet of paper lying on a table is read alone (bpdraw.sheet): the table is
coloured as the paper before the paper is estimated. Parts of the ink that are not
digit-like (touching the frame's border or the sheet's edge while a digit stands free, solid
blobs, specks) are dropped. A small scan, and a picture made on a computer (its paper exactly
one colour or an even gradient), has its paper fitted as a plane instead: a broad brush's
stroke can be wider than any window a local estimate could take.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from bpdraw.combs import without_combs
from bpdraw.printed_lines import (
    SPECK_SHARE,
    parts_on_border,
    without_frames,
    without_rules,
)
from bpdraw.sheet import find_sheets, sheet_edge, sheet_turn

# Brightness of an RGB pixel.
LUMA = np.array([0.299, 0.587, 0.114])
# The paper is estimated at this many px on the longer side, with a median window of
# BACKGROUND_WINDOW of the shorter side: wider than twice a thick marker's stroke.
BACKGROUND_SIDE = 128
BACKGROUND_WINDOW = 1 / 3
# The window spans at least this many pen widths (a thick marker's 8 is mostly ink).
STROKES_PER_WINDOW = 6.0
# Ink is at least this far (RGB distance / sqrt(3), 0-1) from the paper, and this many
# times the paper's own typical deviation (its noise and texture).
MIN_CONTRAST = 0.08
MIN_CONTRAST_OVER_NOISE = 6.0
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
# A small scan's or a drawing's paper is a plane fitted PLANE_FITS times to the PLANE_TRIM
# of its edge pixels nearest the last fit, then to all pixels within PLANE_OUTLIER times the
# edge's median distance from it.
PLANE_FITS = 6
PLANE_TRIM = 0.6
PLANE_OUTLIER = 3.0
# ... on every few pixels of a large picture, this many a side.
PLANE_SAMPLE = 256
# A picture made on a computer: this share of its pixels within this of its paper's plane,
# and at most this many colours.
DIGITAL_SHARE = 0.5
DIGITAL_EXACT = 1.5 / 255
DIGITAL_COLOURS = 512


def background_factor(colour: np.ndarray) -> int:
    """The block size at which the paper is estimated."""
    return max(1, -(-max(colour.shape[:2]) // BACKGROUND_SIDE))


def local_background(colour: np.ndarray, stroke_width: float = 0.0) -> np.ndarray:
    """(h, w, 3) picture -> (h, w, 3) estimate of the paper under it (no strokes).

    The median window is BACKGROUND_WINDOW of the shorter side, and at least
    STROKES_PER_WINDOW times `stroke_width` (px) so that thick ink stays a minority in it.
    """
    height, width = colour.shape[:2]
    factor = background_factor(colour)
    small = block_mean(colour, factor)
    wanted = max(
        min(small.shape[:2]) * BACKGROUND_WINDOW, STROKES_PER_WINDOW * stroke_width / factor
    )
    window = max(3, int(round(min(wanted, max(small.shape[:2])))) | 1)
    paper = ndimage.median_filter(small, size=(window, window, 1), mode="nearest")
    if factor == 1:
        return paper
    zoom = (height / paper.shape[0], width / paper.shape[1], 1)
    grown = ndimage.zoom(paper, zoom, order=1, mode="nearest", grid_mode=True)
    return _fit_shape(grown, (height, width))


def planar_paper(colour: np.ndarray, margin: int = 0) -> np.ndarray:
    """(h, w, 3) picture -> (h + 2 margin, w + 2 margin, 3) its paper as a plane in each
    colour (a gradient of light across it), reaching `margin` px past its edges; fitted to
    the pixels that lie near it, so that ink, however wide its strokes, is left out as it
    stands off (a large picture is fitted on every few pixels, PLANE_SAMPLE a side)."""
    height, width = colour.shape[:2]
    plane = _paper_plane(colour)
    rows, columns = np.mgrid[-margin : height + margin, -margin : width + margin]
    paper = _plane_terms(rows, columns, height, width) @ plane
    return np.clip(paper, 0.0, 1.0).reshape(height + 2 * margin, width + 2 * margin, 3)


def looks_digital(colour: np.ndarray) -> bool:
    """A picture made on a computer (a paint program's, a bitmap enlarged), not a photo or a
    scan: DIGITAL_SHARE of its pixels, sampled, lie within DIGITAL_EXACT of their paper's
    plane in every colour, and they have at most DIGITAL_COLOURS colours. A camera's or
    scanner's noise, a page's texture and light that is not quite a plane leave a photo's
    paper at most 0.16 so, a drawing's 0.6-0.98; a photo so bright that its paper is white
    (or a scan whitened) has thousands of colours in its ink and shadows, a drawing a few
    hundred at most (its strokes' edges smoothed)."""
    sample = colour[:: _sample_step(colour), :: _sample_step(colour)]
    exact = np.abs(sample - planar_paper(sample)).max(axis=2) <= DIGITAL_EXACT
    return exact.mean() >= DIGITAL_SHARE and _few_colours(sample)


def looks_flat(colour: np.ndarray) -> bool:
    """A picture made on a computer whose paper need not be one plane (a screenshot: a
    window, toolbars and a canvas): DIGITAL_SHARE of its pixels, sampled, lie within
    DIGITAL_EXACT of the pixels right of and below them, and they have at most
    DIGITAL_COLOURS colours. A photo's noise leaves at most 0.08 of its pixels so, a
    drawing's 0.5-1."""
    sample = colour[:: _sample_step(colour), :: _sample_step(colour)]
    flat = np.abs(sample[:-1, :-1] - sample[1:, :-1]).max(axis=2) <= DIGITAL_EXACT
    flat &= np.abs(sample[:-1, :-1] - sample[:-1, 1:]).max(axis=2) <= DIGITAL_EXACT
    return flat.size > 0 and flat.mean() >= DIGITAL_SHARE and _few_colours(sample)


def _few_colours(sample: np.ndarray) -> bool:
    levels = np.rint(sample.reshape(-1, sample.shape[-1]) * 255).astype(np.int64)
    return len(np.unique(levels @ np.array([65536, 256, 1]))) <= DIGITAL_COLOURS


def _plane_terms(rows: np.ndarray, columns: np.ndarray, height: int, width: int) -> np.ndarray:
    return np.column_stack([np.ones(rows.size), rows.ravel() / height, columns.ravel() / width])


def _sample_step(colour: np.ndarray) -> int:
    return -(-max(colour.shape[:2]) // PLANE_SAMPLE)


def _paper_plane(colour: np.ndarray) -> np.ndarray:
    """(3, 3) the paper's plane in a picture (in the terms of _plane_terms), fitted to every
    few of its pixels in each direction."""
    height, width = colour.shape[:2]
    step = _sample_step(colour)
    sample = colour[::step, ::step]
    rows, columns = np.mgrid[: sample.shape[0], : sample.shape[1]]
    terms = _plane_terms(rows * step, columns * step, height, width)
    pixels = sample.reshape(-1, 3)
    # The picture's edge is paper but where a digit touches it (a heavy digit may be most of
    # the picture): the plane is fitted to its nearest PLANE_TRIM, again and again, then to
    # every pixel within PLANE_OUTLIER times the edge's median distance from it.
    edge = np.ones(sample.shape[:2], dtype=bool)
    edge[1:-1, 1:-1] = False
    edge = edge.ravel()
    near = edge
    for _ in range(PLANE_FITS):
        plane = np.linalg.lstsq(terms[near], pixels[near], rcond=None)[0]
        distance = np.linalg.norm(pixels - terms @ plane, axis=1)
        near = edge & (distance <= np.quantile(distance[edge], PLANE_TRIM))
    near = distance <= PLANE_OUTLIER * np.median(distance[edge]) + 1e-6
    return np.linalg.lstsq(terms[near], pixels[near], rcond=None)[0]


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
    """
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
        return _fit_shape(full, colour.shape[:2])

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


def block_mean(pixels: np.ndarray, factor: int) -> np.ndarray:
    """Average (h, w, ...) pixels in factor x factor blocks (whole blocks only)."""
    if factor <= 1:
        return pixels
    height, width = (pixels.shape[0] // factor) * factor, (pixels.shape[1] // factor) * factor
    if height == 0 or width == 0:
        return pixels.mean(axis=(0, 1), keepdims=True)
    shape = (height // factor, factor, width // factor, factor, *pixels.shape[2:])
    return pixels[:height, :width].reshape(shape).mean(axis=(1, 3))


def _fit_shape(pixels: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Pad (edge) or cut pixels to exactly `shape` in its first two axes."""
    pixels = pixels[: shape[0], : shape[1]]
    pad = [(0, shape[0] - pixels.shape[0]), (0, shape[1] - pixels.shape[1])]
    return np.pad(pixels, pad + [(0, 0)] * (pixels.ndim - 2), mode="edge")

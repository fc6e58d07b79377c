"""A sheet of paper photographed on a table: where the sheet ends.

A phone photo of a page often shows the table around it. The paper is estimated locally
(bpdraw.paper.local_background), so near the sheet's edge, where the estimate's window holds
more table than paper, the paper itself stands out from its estimate as ink does, and the
grain of a wooden table may too. A frame's border is known; a sheet's edge is found here:
the sheet is the picture's largest bright part once its ink is filled in, bounded by a sharp
step in brightness (a shadow's edge is soft), solid (paper with a little ink on it, not a
chalk digit on a board) and convex (a sheet, even photographed at a slant, is a
quadrilateral; bright table grain joined to it aside). The paper is then estimated from the
sheet alone, the table taken for more of it, and ink touching the sheet's edge or lying off
it is dropped as ink touching the frame's border is (bpdraw.photo.digit_like).

A screenshot of a paint program is looked at the same way: its white canvas is the sheet,
the window round it the table. Its canvas may be small and need not be its largest bright
part (a light toolbar and palette may be larger), so its few largest bright parts of
MIN_CANVAS or more are candidates, the largest first; bpdraw.photo.ink_parts reads the first
that holds a digit.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

# It covers this share of the frame at least, and leaves this much table at least (a thinner
# band at an edge is handled as the frame's border is). 0.15 of table left a sheet photographed
# at a slant unfound, the table only wedges beside it, and the paper along its slanting edges
# stood out as strokes (40 UJI 41-60 digits so: 0.80 read right; 0.875 with 0.05).
MIN_SHEET, MIN_TABLE = 0.15, 0.05
# A screenshot: its paint program's canvas covers this share of the frame at least, and this
# many of its bright parts are tried, the largest first.
MIN_CANVAS = 0.02
CANVASES_TRIED = 3
# The window round a canvas is darker than it by MIN_STEP from the canvas's edge out to this
# many px (at the resolution the paper is estimated at; the edge's own ring of px is part
# canvas, and left out).
CANVAS_RING = 4
# The sheet is this much brighter than the table (luma, 0-1).
MIN_STEP = 0.15
# Across its edge (EDGE_RING px in, EDGE_RING px out, beyond the edge's own px on either
# side, which are part sheet and part table) brightness changes by at least this share of
# the sheet's and the table's difference: a sheet's edge is sharp, a shadow's soft. With the
# edge's own px, half of each ring was mixed, and 7 of 30 sheets on a grey table fell short.
SHARP_EDGE = 0.8
EDGE_RING = 2
# At least this share of the sheet's paper with its holes filled is bright (paper, not a
# loop's inside), and it fills at least this share of its convex hull.
SOLID = 0.85
CONVEX = 0.92
# A sheet turned by MIN_TURN to MAX_TURN degrees has its digits read turned back.
MIN_TURN, MAX_TURN = 2.0, 35.0
# The table's bright grain, thinner than twice this (px), is not part of the sheet.
OPENING = 2
# The opening also cuts off paper thinner than that between a stroke and the sheet's edge, and
# the sheet is then no longer convex; if no sheet is found, it is looked for again with the
# ink filled in (strokes narrower than this many px; not at first, since a grey table's grain
# merges so: 14 of 30 grey tables' sheets found, against 27, measured before CORE). Without
# this, 5 of 30 sheets running off the frame and 3 of 30 turned ones are not found.
INK_CLOSING = 3
# Bright grain joined to the sheet, thinner than twice this (px), is not part of its hull: it
# made the sheet larger than it is, and the table's grain inside it read as strokes (a 7 on
# one grey table of 30 read 2). Nor does it make the sheet less convex: on a table of 0.7
# grey, 25 of 30 sheets were not found so (5 now).
CORE = 2
SQUARE = np.ones((3, 3), dtype=bool)


def find_sheet(luma: np.ndarray) -> np.ndarray | None:
    """(h, w) brightness 0-1 of a photo, at the resolution its paper is estimated at
    (bpdraw.paper.BACKGROUND_SIDE px on the longer side) -> (h, w) bool, the sheet of paper
    (the convex hull of its paper, bright table grain joined to it left out: its ink and the
    thin paper between a digit and the edge included); None when the picture shows no sheet
    with table around it."""
    return next(iter(find_sheets(luma)), None)


def find_sheets(luma: np.ndarray, *, canvas: bool = False) -> list[np.ndarray]:
    """find_sheet's sheets, as a list: a photo's largest bright part if it is a sheet on a
    table (at most one); canvas, a picture made on a computer: each of its CANVASES_TRIED
    largest bright parts that is a canvas of MIN_CANVAS or more, largest first."""
    if min(luma.shape) < 4 * EDGE_RING + 2:
        return []
    threshold = _otsu(luma)
    if canvas:  # a computer's picture has no table grain, and its ink may be near the edge
        return _sheets(luma, luma > threshold, canvas=True)
    # then with the ink filled in, if a stroke near the sheet's edge cut the paper beside it off
    for inked in (False, True):
        seen = ndimage.grey_closing(luma, size=INK_CLOSING) if inked else luma
        bright = ndimage.binary_opening(seen > threshold, iterations=OPENING)
        if sheets := _sheets(luma, bright, canvas=False):
            return sheets
    return []


def _sheets(luma: np.ndarray, bright: np.ndarray, canvas: bool) -> list[np.ndarray]:
    """The sheets among the largest parts of `bright`, the picture's bright pixels (one, or
    CANVASES_TRIED for a canvas)."""
    labels, count = ndimage.label(bright)
    sizes = ndimage.sum_labels(bright, labels, np.arange(1, count + 1))
    sheets = []
    for index in np.argsort(-sizes, kind="stable")[: CANVASES_TRIED if canvas else 1]:
        paper = labels == 1 + index
        filled = ndimage.binary_fill_holes(paper)
        # a loop's dark inside: a chalk 0, no sheet (a 0 drawn on a sheet is bright inside)
        if (bright & filled).sum() < SOLID * filled.sum():
            continue
        sheet = _hull(filled)
        convex = filled.sum() >= CONVEX * sheet.sum()
        if not canvas:
            core = ndimage.binary_erosion(filled, SQUARE, iterations=CORE)
            if core.any():
                core_hull = _hull(core)
                # grain joined to it made it look less convex than it is
                convex |= core.sum() >= CONVEX * core_hull.sum()
                sheet &= ndimage.binary_dilation(core_hull, SQUARE, iterations=CORE)
        if convex and _on_a_table(luma, paper, sheet, canvas):
            sheets.append(sheet)
    return sheets


def sheet_edge(sheet: np.ndarray) -> np.ndarray:
    """The table around a sheet (find_sheet) and its edge's pixels: its blocks there are
    part table."""
    return ~ndimage.binary_erosion(sheet, border_value=1)


def sheet_turn(sheet: np.ndarray) -> float:
    """The degrees (counter-clockwise, within 45 each way) by which a sheet (find_sheet) is
    turned: the side of the smallest rectangle around it that lies nearest the horizontal.
    0 when it is turned less than MIN_TURN, or more than MAX_TURN (a sheet turned 45
    degrees has no sense of which way is up)."""
    from scipy.spatial import ConvexHull, QhullError

    points = np.argwhere(sheet)[:, ::-1] + 0.5  # (x, y), y down
    try:
        corners = points[ConvexHull(points).vertices]
    except QhullError:
        return 0.0
    sides = np.roll(corners, -1, axis=0) - corners
    angles = np.arctan2(sides[:, 1], sides[:, 0])
    areas = []
    for cos, sin in zip(np.cos(angles), np.sin(angles), strict=True):
        along = corners @ np.array([[cos, -sin], [sin, cos]])  # along the side and across
        areas.append(np.ptp(along[:, 0]) * np.ptp(along[:, 1]))
    # y runs down the picture, so a side rising to the right has a negative angle here
    turn = (-np.degrees(angles[int(np.argmin(areas))]) + 45) % 90 - 45
    return float(turn) if MIN_TURN <= abs(turn) <= MAX_TURN else 0.0


def _on_a_table(luma: np.ndarray, paper: np.ndarray, sheet: np.ndarray, canvas: bool) -> bool:
    """Whether `sheet`, whose bright `paper` part is, is a sheet of paper on a table: of
    a fair size, with table around it darker by MIN_STEP and a sharp edge between them.
    With `canvas`, a screenshot's: of MIN_CANVAS or more, and its edge, seldom on a block's,
    need not look sharp (a computer's picture has no shadows)."""
    share = sheet.mean()
    if share < (MIN_CANVAS if canvas else MIN_SHEET) or share > 1 - MIN_TABLE:
        return False
    step = float(np.median(luma[paper]) - np.median(luma[~sheet]))
    if step < MIN_STEP:
        return False
    if canvas:
        # the window round a canvas is darker, not just a stroke round a loop's inside or
        # between the parts of a drawing's paper that a digit runs across
        near = ndimage.binary_dilation(sheet, iterations=CANVAS_RING)
        near &= ~ndimage.binary_dilation(sheet)
        if not near.any():
            return False
        return float(np.median(luma[paper]) - np.median(luma[near])) >= MIN_STEP
    inside = ndimage.binary_erosion(sheet, border_value=1) & paper
    inside &= ~ndimage.binary_erosion(sheet, iterations=1 + EDGE_RING, border_value=1)
    outside = ndimage.binary_dilation(sheet, iterations=1 + EDGE_RING)
    outside &= ~ndimage.binary_dilation(sheet)
    if not inside.any() or not outside.any():
        return False
    return float(np.median(luma[inside]) - np.median(luma[outside])) >= SHARP_EDGE * step


def _hull(mask: np.ndarray) -> np.ndarray:
    """The pixels whose centres lie in the convex hull of a mask's pixels (their squares)."""
    from scipy.spatial import ConvexHull, QhullError

    rows, columns = np.nonzero(mask & ~ndimage.binary_erosion(mask))
    corners = np.concatenate(
        [np.stack([rows + down, columns + right], axis=1) for down in (0, 1) for right in (0, 1)]
    )
    try:
        facets = ConvexHull(corners).equations  # normal . point + offset <= 0 inside
    except QhullError:  # all in a line
        return mask
    centres = np.indices(mask.shape).reshape(2, -1).T + 0.5
    inside = (centres @ facets[:, :2].T + facets[:, 2] <= 1e-9).all(axis=1)
    return inside.reshape(mask.shape) | mask


def _otsu(values: np.ndarray) -> float:
    """The threshold that best parts values (0-1) into a dark and a bright class (Otsu)."""
    counts, edges = np.histogram(values, bins=64, range=(0.0, 1.0))
    centres = (edges[:-1] + edges[1:]) / 2
    weight = np.cumsum(counts)
    mean = np.cumsum(counts * centres)
    total, total_mean = weight[-1], mean[-1]
    dark, bright = weight[:-1], total - weight[:-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mean * dark / total - mean[:-1]) ** 2 / (dark * bright)
    between = np.nan_to_num(between)
    return float(edges[1 + int(np.argmax(between))])

"""The paper under a picture's ink: estimated locally in a photo, fitted as a plane in a scan.

A phone photo's paper is lit unevenly and shadowed, so it is estimated locally: a median over
a window much wider than a pen stroke, at a reduced resolution, which keeps gradients,
shadows and the edges of large patches but not strokes (local_background). A small scan,
and a picture made on a computer (looks_digital: its paper exactly one colour or an even
gradient), has its paper fitted as a plane instead (planar_paper): a broad brush's stroke
can be wider than any window a local estimate could take. bpdraw.photo finds the ink against
either.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

# The paper is estimated at this many px on the longer side, with a median window of
# BACKGROUND_WINDOW of the shorter side: wider than twice a thick marker's stroke.
BACKGROUND_SIDE = 128
BACKGROUND_WINDOW = 1 / 3
# The window spans at least this many pen widths (a thick marker's 8 is mostly ink).
STROKES_PER_WINDOW = 6.0

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
    return fit_shape(grown, (height, width))


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


def block_mean(pixels: np.ndarray, factor: int) -> np.ndarray:
    """Average (h, w, ...) pixels in factor x factor blocks (whole blocks only)."""
    if factor <= 1:
        return pixels
    height, width = (pixels.shape[0] // factor) * factor, (pixels.shape[1] // factor) * factor
    if height == 0 or width == 0:
        return pixels.mean(axis=(0, 1), keepdims=True)
    shape = (height // factor, factor, width // factor, factor, *pixels.shape[2:])
    return pixels[:height, :width].reshape(shape).mean(axis=(1, 3))


def fit_shape(pixels: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Pad (edge) or cut pixels to exactly `shape` in its first two axes."""
    pixels = pixels[: shape[0], : shape[1]]
    pad = [(0, shape[0] - pixels.shape[0]), (0, shape[1] - pixels.shape[1])]
    return np.pad(pixels, pad + [(0, 0)] * (pixels.ndim - 2), mode="edge")

"""Handwriting styles the pen digits lack, made as strokes: edits of real pen digits and templates.

The shipped pen digits (pendigits) were written by 14 writers with few of the forms many
people use: the flagged or footed 1, the crossed 7, the slashed 0, the flat-topped 3, the 2
with a loop at its foot, the 9 with a large head, the 6 and 9 drawn as a curl, open and
closed 4s. This module makes such drawings, always from a ``np.random.Generator`` passed in:

- ``add_flag``, ``add_foot``, ``add_crossbar``, ``add_slash``, ``add_foot_loop``,
  ``enlarge_head``, ``turned_half`` edit a real drawing (a flag on a pen 1, a crossbar
  through a pen 7, a loop at a pen 2's foot, a pen 9's loop grown down its stem, a 6 turned
  into a 9 ...);
- ``template_drawing`` (one of ``TEMPLATES``) and ``non_digit_drawing`` (lines, plus,
  letters, scribbles) draw from jittered control points: they live in bpdraw.templates;
- ``rendered`` and ``styled_extra_data`` turn drawings into training digits.

A drawing is a list of strokes, each an (k, 2) float array of x, y points, y down, in any
scale: the canvas's conversion normalises size and place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from bpdraw.augment import DEFAULT_DISTORTION, Distortion, distort_strokes, render
from bpdraw.preprocess import PackedStrokes, pack_drawings, unpack_drawings
from bpdraw.templates import NON_DIGIT_KINDS as NON_DIGIT_KINDS  # tests, scripts import these here
from bpdraw.templates import TEMPLATES as TEMPLATES
from bpdraw.templates import Drawing, line, templated_drawings
from bpdraw.templates import non_digit_drawing as non_digit_drawing
from bpdraw.templates import non_digit_drawings as non_digit_drawings
from bpdraw.templates import template_drawing as template_drawing


def _bounds(drawing: Drawing) -> tuple[np.ndarray, np.ndarray, float]:
    """(low corner, high corner, height) of a drawing; height at least 1e-9."""
    everything = np.concatenate(drawing).astype(float)
    low, high = everything.min(axis=0), everything.max(axis=0)
    return low, high, max(float(high[1] - low[1]), 1e-9)


def add_flag(
    drawing: Drawing,
    rng: np.random.Generator,
    *,
    lengths: tuple[float, float] = (0.15, 0.45),
    angles: tuple[float, float] = (20, 60),
) -> Drawing:
    """A 1 with a flag: a short up-stroke to the top of the stem, joined to it or apart; its
    length a share of the height drawn from ``lengths``, its angle below the horizontal (to
    the left) in degrees from ``angles``."""
    drawing = [np.asarray(s, dtype=float) for s in drawing]
    everything = np.concatenate(drawing)
    _, _, height = _bounds(drawing)
    top = everything[everything[:, 1].argmin()]
    length = rng.uniform(*lengths) * height
    angle = np.radians(rng.uniform(*angles))
    start = top + length * np.array([-np.cos(angle), np.sin(angle)])
    flag = line(start, top)
    first = drawing[0]
    if rng.random() < 0.5 and np.allclose(first[0], top):  # one stroke: flag, then stem
        return [np.concatenate([flag[:-1], first]), *drawing[1:]]
    return [flag, *drawing]


def add_foot(drawing: Drawing, rng: np.random.Generator) -> Drawing:
    """A 1 standing on a foot: a short horizontal stroke through the bottom of the stem."""
    drawing = [np.asarray(s, dtype=float) for s in drawing]
    everything = np.concatenate(drawing)
    _, _, height = _bounds(drawing)
    bottom = everything[everything[:, 1].argmax()]
    half = rng.uniform(0.12, 0.3) * height
    tilt = rng.normal(0, 0.03) * height
    return [*drawing, line(bottom + [-half, -tilt], bottom + [half, tilt])]


def add_flag_and_foot(drawing: Drawing, rng: np.random.Generator) -> Drawing:
    """A 1 with a flag (add_flag) standing on a foot (add_foot)."""
    return add_foot(add_flag(drawing, rng), rng)


def add_crossbar(drawing: Drawing, rng: np.random.Generator) -> Drawing:
    """A crossed 7 (or Z): a short stroke across the stem about halfway down."""
    drawing = [np.asarray(s, dtype=float) for s in drawing]
    everything = np.concatenate(drawing)
    low, _, height = _bounds(drawing)
    level = low[1] + rng.uniform(0.45, 0.62) * height
    near = np.abs(everything[:, 1] - level) < 0.08 * height
    stem_x = everything[near, 0].mean() if near.any() else everything[:, 0].mean()
    half = rng.uniform(0.15, 0.3) * height
    shift = rng.normal(0, 0.05) * height
    tilt = rng.normal(0, 0.04) * height
    centre = np.array([stem_x + shift, level])
    return [*drawing, line(centre + [-half, tilt], centre + [half, -tilt])]


def add_slash(drawing: Drawing, rng: np.random.Generator) -> Drawing:
    """A slashed 0: a stroke from the lower left to the upper right, about corner to corner."""
    drawing = [np.asarray(s, dtype=float) for s in drawing]
    low, high, height = _bounds(drawing)
    overshoot = rng.uniform(-0.1, 0.12, 4) * height
    start = np.array([low[0] - overshoot[0], high[1] + overshoot[1]])
    end = np.array([high[0] + overshoot[2], low[1] - overshoot[3]])
    return [*drawing, line(start, end)]


def add_foot_loop(
    drawing: Drawing, rng: np.random.Generator, *, radii: tuple[float, float] = (0.07, 0.16)
) -> Drawing:
    """A 2 with a loop at its foot: where the stroke turns at the bottom left, it curls
    round a loop (left, up, over and down again) before running on along the base; its
    radius a share of the height drawn from ``radii``."""
    drawing = [np.asarray(s, dtype=float) for s in drawing]
    low, high, height = _bounds(drawing)
    width = max(float(high[0] - low[0]), 1e-9)
    # the bottom-left corner: the point lowest and furthest left, on whichever stroke has it
    corners = [((s[:, 1] - low[1]) / height - (s[:, 0] - low[0]) / width) for s in drawing]
    which = int(np.argmax([c.max() for c in corners]))
    at = int(corners[which].argmax())
    stroke, corner = drawing[which], drawing[which][at]
    radius = rng.uniform(*radii) * height
    centre = corner + np.array([rng.uniform(-0.2, 0.4) * radius, -radius])
    turn = np.linspace(np.pi / 2, 5 * np.pi / 2, 16)[1:-1]  # from the corner round to it
    loop = centre + radius * np.stack([np.cos(turn), np.sin(turn)], axis=1)
    looped = np.concatenate([stroke[: at + 1], loop, stroke[at:]])
    return [*drawing[:which], looped, *drawing[which + 1 :]]


def enlarge_head(
    drawing: Drawing, rng: np.random.Generator, *, powers: tuple[float, float] = (0.35, 0.7)
) -> Drawing:
    """A 9 with a large head: the drawing stretched from its top down, each point's depth
    below the top (a share t of the height) moved to t ** p, p drawn from ``powers``, so the
    loop fills most of the height and the stem is short; the top, the bottom and the order
    of the points stay."""
    drawing = [np.asarray(s, dtype=float) for s in drawing]
    low, _, height = _bounds(drawing)
    power = rng.uniform(*powers)
    stretched = []
    for stroke in drawing:
        depth = np.clip((stroke[:, 1] - low[1]) / height, 0.0, 1.0)
        stretched.append(np.stack([stroke[:, 0], low[1] + height * depth**power], axis=1))
    return stretched


def turned_half(drawing: Drawing) -> Drawing:
    """The drawing turned by 180 degrees (a curled 6 becomes a curled 9 and back)."""
    low, high, _ = _bounds(drawing)
    centre = (low + high) / 2
    return [2 * centre - np.asarray(s, dtype=float) for s in drawing]


# label -> the edits that make another style of it from a real pen digit
EDITS = {
    0: (add_slash,),
    1: (add_flag, add_foot, add_flag_and_foot),
    7: (add_crossbar,),
}
# a 6 turned by 180 degrees is a 9 and back (with turn_six_nine)
TURNED = {6: 9, 9: 6}


def edited_drawings(
    drawings: Sequence[Drawing],
    labels: np.ndarray,
    rng: np.random.Generator,
    *,
    turn_six_nine: bool = False,
) -> tuple[list[Drawing], np.ndarray]:
    """A restyled copy of each pen digit that has an edit (0, 1, 7): (drawings, labels).

    Each drawing gets one of its label's edits, picked at random; with turn_six_nine a 6
    turned by 180 degrees also becomes a 9 and a 9 a 6.
    """
    edited, edited_labels = [], []
    for drawing, label in zip(drawings, np.asarray(labels), strict=True):
        label = int(label)
        if turn_six_nine and label in TURNED:
            edited.append(turned_half(drawing))
            edited_labels.append(TURNED[label])
        elif label in EDITS:
            edits = EDITS[label]
            edited.append(edits[rng.integers(len(edits))](drawing, rng))
            edited_labels.append(label)
    return edited, np.array(edited_labels, dtype=np.int64)


def pack(drawings: Sequence[Drawing]) -> PackedStrokes:
    """Drawings -> PackedStrokes (the dev sets' flat layout)."""
    return pack_drawings(drawings)


def unpack(packed: PackedStrokes) -> list[Drawing]:
    """PackedStrokes -> drawings, each a list of (k, 2) float arrays."""
    return [[np.asarray(s, dtype=float) for s in d] for d in unpack_drawings(packed)]


def rendered(
    drawings: Sequence[Drawing],
    rng: np.random.Generator,
    copies: int,
    distortion: Distortion = DEFAULT_DISTORTION,
) -> tuple[np.ndarray, np.ndarray]:
    """``copies`` distorted renderings of each drawing through the canvas's conversion.

    Returns (X (n, 64) float 0-16, drawn (n,) bool), copy after copy, so the labels of
    the result are ``np.tile(labels, copies)``.
    """
    packed = pack(drawings)
    parts_X, parts_drawn = [], []
    for _ in range(copies):
        X, drawn = render(
            distort_strokes(packed, rng, distortion),
            pen_scale=rng.uniform(*distortion.pen, packed.n_drawings),
            width_scale=rng.uniform(*distortion.width, packed.n_drawings),
        )
        parts_X.append(X)
        parts_drawn.append(drawn)
    if not parts_X:
        return np.zeros((0, 64)), np.zeros(0, dtype=bool)
    return np.concatenate(parts_X), np.concatenate(parts_drawn)


def styled_extra_data(
    drawings: Sequence[Drawing],
    labels: np.ndarray,
    *,
    styles: bool = True,
    edited_share: float = 0.5,
    templates_per_style: int = 40,
    distortion: Distortion = DEFAULT_DISTORTION,
) -> Callable[[np.random.Generator, int], tuple[np.ndarray, np.ndarray]]:
    """Real pen drawings plus their styles, as bpdraw.training.train's ``extra_data``.

    Copy 0 renders the drawings as drawn, copies 1.. distorted; with ``styles`` every copy
    also restyles ``edited_share`` of the drawings that have an edit (a new edit each
    copy) and adds ``templates_per_style`` drawings of every template. Returns
    (rng, copy) -> (X (n, 64) 0-16, y (n,)).
    """
    drawings, labels = list(drawings), np.asarray(labels, dtype=np.int64)
    eligible = np.flatnonzero(np.isin(labels, list(EDITS)))

    def extra(rng: np.random.Generator, copy: int) -> tuple[np.ndarray, np.ndarray]:
        parts = [(drawings, labels)]
        if styles:
            chosen = rng.choice(eligible, int(edited_share * len(eligible)), replace=False)
            parts.append(edited_drawings([drawings[i] for i in chosen], labels[chosen], rng))
            parts.append(templated_drawings(rng, templates_per_style))
        everything = [d for part in parts for d in part[0]]
        y = np.concatenate([part[1] for part in parts])
        if copy == 0:
            X, drawn = render(pack(everything))
        else:
            X, drawn = rendered(everything, rng, 1, distortion)
        return X[drawn], y[drawn]

    return extra

"""Handwriting styles the pen digits lack, made as strokes: edits of real pen digits and templates.

The shipped pen digits (pendigits) were written by 14 writers with few of the forms many
people use: the flagged or footed 1, the crossed 7, the slashed 0, the flat-topped 3, the 2
with a loop at its foot, the 6 and 9 drawn as a curl, open and closed 4s. This module
makes such drawings, always from a ``np.random.Generator`` passed in:

- ``add_flag``, ``add_foot``, ``add_crossbar``, ``add_slash``, ``add_foot_loop``,
  ``turned_half`` edit a real drawing (a flag on a pen 1, a crossbar through a pen 7, a loop
  at a pen 2's foot, a 6 turned into a 9 ...);
- ``template_drawing`` draws one of ``TEMPLATES`` (control points in a unit box, each
  point jittered, the path smoothed) so every call gives a different hand;
- ``non_digit_drawing`` draws things that are not digits (lines, plus, letters,
  scribbles), to set the "doesn't look like a digit" threshold in bpdraw.confidence.

A drawing is a list of strokes, each an (k, 2) float array of x, y points, y down, in any
scale: the canvas's conversion normalises size and place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from bpdraw.augment import DEFAULT_DISTORTION, Distortion, distort_strokes, render
from bpdraw.preprocess import PackedStrokes, pack_drawings, unpack_drawings

Drawing = list[np.ndarray]

# Unit box: x 0..0.6 (a digit is narrower than tall), y 0..1, y down. Each template is a
# label and its strokes' control points, in drawing order.
TEMPLATES: dict[str, tuple[int, list[list[tuple[float, float]]]]] = {
    "bent 1": (1, [[(0.34, 0.0), (0.27, 0.5), (0.31, 1.0)]]),
    "flagged 1": (1, [[(0.05, 0.3), (0.38, 0.0), (0.38, 1.0)]]),
    "flagged 1, footed": (1, [[(0.08, 0.25), (0.35, 0.0), (0.35, 1.0)], [(0.1, 1.0), (0.6, 1.0)]]),
    "long-flag 1": (1, [[(0.0, 0.45), (0.4, 0.0), (0.4, 1.0)]]),
    "flat-topped 3": (
        3,
        [
            [
                (0.05, 0.0),
                (0.55, 0.0),
                (0.22, 0.42),
                (0.5, 0.5),
                (0.6, 0.75),
                (0.4, 0.98),
                (0.0, 0.9),
            ]
        ],
    ),
    "2 with a foot loop": (
        2,
        [
            [
                (0.02, 0.22),
                (0.25, 0.0),
                (0.5, 0.1),
                (0.52, 0.3),
                (0.3, 0.6),
                (0.06, 0.92),
                (0.16, 0.8),
                (0.24, 0.9),
                (0.12, 1.0),
                (0.35, 0.96),
                (0.6, 1.0),
            ]
        ],
    ),
    "Z-shaped 2": (2, [[(0.02, 0.05), (0.55, 0.0), (0.05, 1.0), (0.6, 0.98)]]),
    "curled 6": (
        6,
        [
            [
                (0.5, 0.0),
                (0.2, 0.2),
                (0.04, 0.6),
                (0.15, 0.92),
                (0.38, 1.0),
                (0.56, 0.8),
                (0.45, 0.58),
                (0.2, 0.58),
                (0.08, 0.72),
            ]
        ],
    ),
    "curled 9": (
        9,
        [
            [
                (0.1, 1.0),
                (0.4, 0.8),
                (0.56, 0.4),
                (0.45, 0.08),
                (0.22, 0.0),
                (0.04, 0.2),
                (0.15, 0.42),
                (0.4, 0.42),
                (0.52, 0.28),
            ]
        ],
    ),
    "9 with a straight stem": (
        9,
        [[(0.5, 0.1), (0.25, 0.0), (0.05, 0.2), (0.2, 0.42), (0.5, 0.3), (0.52, 0.0), (0.52, 1.0)]],
    ),
    "closed 4": (4, [[(0.45, 1.0), (0.45, 0.0), (0.0, 0.62), (0.6, 0.62)]]),
    "open 4": (4, [[(0.28, 0.0), (0.02, 0.6), (0.6, 0.6)], [(0.45, 0.25), (0.45, 1.0)]]),
    "open 4, tall stem": (4, [[(0.1, 0.0), (0.05, 0.55), (0.6, 0.55)], [(0.45, 0.0), (0.45, 1.0)]]),
    "crossed 7": (7, [[(0.0, 0.05), (0.6, 0.0), (0.25, 1.0)], [(0.14, 0.52), (0.55, 0.48)]]),
    "hooked 7": (7, [[(0.0, 0.18), (0.04, 0.0), (0.6, 0.02), (0.28, 1.0)]]),
    "slashed 0": (
        0,
        [
            [(0.3, 0.0), (0.05, 0.2), (0.0, 0.5), (0.08, 0.85), (0.3, 1.0)]
            + [(0.52, 0.85), (0.6, 0.5), (0.55, 0.2), (0.3, 0.0)],
            [(0.0, 0.95), (0.6, 0.05)],
        ],
    ),
}

# Things that are not digits, as control points in a unit box (y down), for the
# "doesn't look like a digit" threshold. Not the bridger symbols: those stay a test.
NON_DIGIT_TEMPLATES: dict[str, list[list[tuple[float, float]]]] = {
    "horizontal line": [[(0.0, 0.5), (1.0, 0.5)]],
    "plus": [[(0.0, 0.5), (1.0, 0.5)], [(0.5, 0.0), (0.5, 1.0)]],
    "letter A": [[(0.0, 1.0), (0.35, 0.0), (0.7, 1.0)], [(0.15, 0.6), (0.55, 0.6)]],
    "letter H": [[(0.0, 0.0), (0.0, 1.0)], [(0.7, 0.0), (0.7, 1.0)], [(0.0, 0.5), (0.7, 0.5)]],
    "letter T": [[(0.0, 0.0), (0.8, 0.0)], [(0.4, 0.0), (0.4, 1.0)]],
    "letter K": [[(0.0, 0.0), (0.0, 1.0)], [(0.6, 0.0), (0.0, 0.55), (0.6, 1.0)]],
    "letter M": [[(0.0, 1.0), (0.05, 0.0), (0.4, 0.6), (0.75, 0.0), (0.8, 1.0)]],
    "letter W": [[(0.0, 0.0), (0.2, 1.0), (0.4, 0.3), (0.6, 1.0), (0.8, 0.0)]],
    "letter E": [[(0.6, 0.0), (0.0, 0.0), (0.0, 1.0), (0.6, 1.0)], [(0.0, 0.5), (0.45, 0.5)]],
    "letter F": [[(0.6, 0.0), (0.0, 0.0), (0.0, 1.0)], [(0.0, 0.5), (0.45, 0.5)]],
    "check mark": [[(0.0, 0.55), (0.3, 1.0), (1.0, 0.0)]],
    "zigzag": [[(0.0, 0.3), (0.25, 0.7), (0.5, 0.3), (0.75, 0.7), (1.0, 0.3)]],
    "triangle": [[(0.5, 0.0), (0.0, 0.9), (1.0, 0.9), (0.5, 0.0)]],
    "arrow": [[(0.0, 0.5), (1.0, 0.5)], [(0.7, 0.25), (1.0, 0.5), (0.7, 0.75)]],
}
NON_DIGIT_KINDS = (*NON_DIGIT_TEMPLATES, "slanted line", "crossing lines", "scribble")


def _smooth_path(control: np.ndarray, rng: np.random.Generator, jitter: float) -> np.ndarray:
    """Control points jittered, joined and lightly smoothed: (k, 2) points about 0.01 apart."""
    points = control + rng.normal(0, jitter, control.shape)
    if len(points) == 1:
        return points
    steps = np.hypot(*np.diff(points, axis=0).T)
    along = np.concatenate([[0], np.cumsum(steps)])
    at = np.linspace(0, along[-1], max(2, int(along[-1] / 0.01)))
    path = np.stack([np.interp(at, along, points[:, 0]), np.interp(at, along, points[:, 1])], 1)
    if len(path) > 5:  # round the corners a little, as a pen does; the ends stay put
        kernel = np.ones(5) / 5
        inner = np.stack([np.convolve(path[:, k], kernel, mode="valid") for k in (0, 1)], 1)
        path = np.concatenate([path[:2], inner, path[-2:]])
    return path


def template_drawing(style: str, rng: np.random.Generator, jitter: float = 0.025) -> Drawing:
    """One drawing of ``TEMPLATES[style]``, every control point moved by N(0, jitter)."""
    if style not in TEMPLATES:
        raise ValueError(f"unknown style {style!r}; known: {', '.join(TEMPLATES)}")
    _, strokes = TEMPLATES[style]
    return [_smooth_path(np.array(stroke, dtype=float), rng, jitter) for stroke in strokes]


def _bounds(drawing: Drawing) -> tuple[np.ndarray, np.ndarray, float]:
    """(low corner, high corner, height) of a drawing; height at least 1e-9."""
    everything = np.concatenate(drawing).astype(float)
    low, high = everything.min(axis=0), everything.max(axis=0)
    return low, high, max(float(high[1] - low[1]), 1e-9)


def _line(start, end, n: int = 12) -> np.ndarray:
    return np.linspace(np.asarray(start, float), np.asarray(end, float), n)


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
    flag = _line(start, top)
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
    return [*drawing, _line(bottom + [-half, -tilt], bottom + [half, tilt])]


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
    return [*drawing, _line(centre + [-half, tilt], centre + [half, -tilt])]


def add_slash(drawing: Drawing, rng: np.random.Generator) -> Drawing:
    """A slashed 0: a stroke from the lower left to the upper right, about corner to corner."""
    drawing = [np.asarray(s, dtype=float) for s in drawing]
    low, high, height = _bounds(drawing)
    overshoot = rng.uniform(-0.1, 0.12, 4) * height
    start = np.array([low[0] - overshoot[0], high[1] + overshoot[1]])
    end = np.array([high[0] + overshoot[2], low[1] - overshoot[3]])
    return [*drawing, _line(start, end)]


def add_foot_loop(drawing: Drawing, rng: np.random.Generator) -> Drawing:
    """A 2 with a loop at its foot: where the stroke turns at the bottom left, it curls
    round a small loop (left, up, over and down again) before running on along the base."""
    drawing = [np.asarray(s, dtype=float) for s in drawing]
    low, high, height = _bounds(drawing)
    width = max(float(high[0] - low[0]), 1e-9)
    # the bottom-left corner: the point lowest and furthest left, on whichever stroke has it
    corners = [((s[:, 1] - low[1]) / height - (s[:, 0] - low[0]) / width) for s in drawing]
    which = int(np.argmax([c.max() for c in corners]))
    at = int(corners[which].argmax())
    stroke, corner = drawing[which], drawing[which][at]
    radius = rng.uniform(0.07, 0.16) * height
    centre = corner + np.array([rng.uniform(-0.2, 0.4) * radius, -radius])
    turn = np.linspace(np.pi / 2, 5 * np.pi / 2, 16)[1:-1]  # from the corner round to it
    loop = centre + radius * np.stack([np.cos(turn), np.sin(turn)], axis=1)
    looped = np.concatenate([stroke[: at + 1], loop, stroke[at:]])
    return [*drawing[:which], looped, *drawing[which + 1 :]]


def turned_half(drawing: Drawing) -> Drawing:
    """The drawing turned by 180 degrees (a curled 6 becomes a curled 9 and back)."""
    low, high, _ = _bounds(drawing)
    centre = (low + high) / 2
    return [2 * centre - np.asarray(s, dtype=float) for s in drawing]


# label -> the edits that make another style of it from a real pen digit
EDITS = {
    0: (add_slash,),
    1: (add_flag, add_foot, lambda d, rng: add_foot(add_flag(d, rng), rng)),
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


def templated_drawings(
    rng: np.random.Generator, per_style: int
) -> tuple[list[Drawing], np.ndarray]:
    """``per_style`` drawings of every template: (drawings, labels)."""
    drawings, labels = [], []
    for style, (label, _) in TEMPLATES.items():
        for _ in range(per_style):
            drawings.append(template_drawing(style, rng))
            labels.append(label)
    return drawings, np.array(labels, dtype=np.int64)


def non_digit_drawing(kind: str, rng: np.random.Generator) -> Drawing:
    """Something that is not a digit, drawn with random variation: one of NON_DIGIT_KINDS."""
    if kind in NON_DIGIT_TEMPLATES:
        return [
            _smooth_path(np.array(stroke, dtype=float), rng, 0.04)
            for stroke in NON_DIGIT_TEMPLATES[kind]
        ]
    if kind in ("slanted line", "crossing lines"):
        # lines well away from the vertical (a vertical line is a 1), crossing at 60-120 degrees
        angles = [rng.uniform(-55, 55)]
        if kind == "crossing lines":
            angles.append(angles[0] + rng.choice([-1, 1]) * rng.uniform(60, 120))
        strokes = []
        for angle in np.radians(angles):
            direction = np.array([np.cos(angle), np.sin(angle)]) / 2
            strokes.append(_line(0.5 - direction, 0.5 + direction) + rng.normal(0, 0.03, 2))
        return strokes
    if kind == "scribble":
        steps = rng.normal(0, 0.25, (int(rng.integers(6, 14)), 2))
        return [_smooth_path(np.cumsum(steps, axis=0), rng, 0.0)]
    raise ValueError(f"unknown kind {kind!r}; known: {', '.join(NON_DIGIT_KINDS)}")


def non_digit_drawings(rng: np.random.Generator, per_kind: int) -> tuple[list[Drawing], list[str]]:
    """``per_kind`` drawings of every NON_DIGIT_KINDS kind: (drawings, kinds)."""
    drawings, kinds = [], []
    for kind in NON_DIGIT_KINDS:
        for _ in range(per_kind):
            drawings.append(non_digit_drawing(kind, rng))
            kinds.append(kind)
    return drawings, kinds


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

"""Drawings made from control points, jittered and smoothed so every call gives a different
hand: the digit styles the pen digits lack (``TEMPLATES``) and things that are not digits
(``NON_DIGIT_KINDS``), for the "doesn't look like a digit" threshold in bpdraw.confidence.

A drawing is a list of strokes, each an (k, 2) float array of x, y points, y down.
"""

from __future__ import annotations

import numpy as np

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


def line(start, end, n: int = 12) -> np.ndarray:
    """A straight stroke of ``n`` points from ``start`` to ``end``."""
    return np.linspace(np.asarray(start, float), np.asarray(end, float), n)


def template_drawing(style: str, rng: np.random.Generator, jitter: float = 0.025) -> Drawing:
    """One drawing of ``TEMPLATES[style]``, every control point moved by N(0, jitter)."""
    if style not in TEMPLATES:
        raise ValueError(f"unknown style {style!r}; known: {', '.join(TEMPLATES)}")
    _, strokes = TEMPLATES[style]
    return [_smooth_path(np.array(stroke, dtype=float), rng, jitter) for stroke in strokes]


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
            strokes.append(line(0.5 - direction, 0.5 + direction) + rng.normal(0, 0.03, 2))
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

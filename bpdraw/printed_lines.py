"""Printed lines are not a digit: ruled and squared paper, a form's boxes and comb fields.

A digit photographed on a page may stand over lines printed on it: the rules of a ruled
page or an exercise book's grid, a box printed round it, or a form's comb, a row of boxes
sharing their walls with one digit in each. Such lines are long, straight runs of ink that
reach past the digit at both ends, or meet other runs in a box's corners, or reach from one
such line to another; a digit's own straight strokes do neither, and a broad stroke is
thicker than any printed line. They are taken out of the
ink mask, keeping the part of a stroke that crosses one. Comb fields are found in combs.py.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

# Printed lines (ruled or squared paper, a form's boxes) are not a digit: a straight
# horizontal (vertical) run of ink at least RULE_SHARE of the picture's width (height) that
# reaches past the rest of the ink at both ends, by RULE_OVERHANG of the rest's extent.
RULE_SHARE = 0.5
RULE_OVERHANG = 0.1
# Two or more lines this share of the picture's side long are a ruled page's, even where a
# digit is as wide as the picture.
RULE_ACROSS = 0.9
# A printed line is at most this share of the picture's side thick (on average along it): a
# thicker band of straight runs is a broad stroke's (an optdigits 1, a third of its width).
RULE_THICKEST = 0.04
# Gaps in a printed line up to this share of the picture's side are bridged to find it.
RULE_GAP = 0.02
# A part that encloses other ink and lies along its bounding box's sides (within FRAME_BAND
# of its shorter side) is a box drawn around a digit, not a digit.
FRAME_BAND = 0.1
FRAME_SHARE = 0.9
# A part with less ink than this share of the largest is a speck.
SPECK_SHARE = 0.08


def without_rules(mask: np.ndarray, faint: np.ndarray | None = None) -> np.ndarray:
    """The ink mask without printed lines (RULE_SHARE, RULE_OVERHANG, RULE_ACROSS): a digit
    written on ruled or squared paper or in a form's box. Where a stroke crosses a line, the line's
    width of the stroke is kept. A digit's own straight stroke (a 1, a 7's bar, a 4's stem)
    does not reach past the rest of the digit at both ends, so it stays. ``faint``: all that
    stands out from the paper at all, in which a line too pale to be ink everywhere (a
    notebook's red margin line, grown into the ink only where it touches the digit) is
    measured at its whole length."""
    for _ in range(2):  # a box's sides go once its top and bottom no longer span the rest
        unruled = _without_rules_once(mask, faint)
        if unruled is mask:
            break
        mask = unruled
    return mask


def _straight_runs(mask: np.ndarray) -> dict[int, np.ndarray]:
    """The mask's straight runs across (0) and down (1), at least RULE_SHARE of the picture
    long, their gaps (up to RULE_GAP) bridged: one printed line is one run."""
    height, width = mask.shape
    along = {0: max(3, round(RULE_SHARE * width)), 1: max(3, round(RULE_SHARE * height))}
    spanned = {}
    for axis, n in along.items():
        # a printed line found in a photo has gaps (noise, faint spots): bridged to find it
        gap = max(3, round(RULE_GAP * n / RULE_SHARE))
        rows = mask if axis == 0 else mask.T
        bridged = rows | run_pixels(~rows, shorter_than=gap, inside=True)
        found = _thin_lines(run_pixels(bridged, at_least=n), RULE_THICKEST * rows.shape[0])
        spanned[axis] = found if axis == 0 else found.T
    return spanned


def _thin_lines(runs: np.ndarray, thickest: float) -> np.ndarray:
    """Runs along the rows, without the bands of them thicker on average than ``thickest``
    px (their pixels over their length): a broad brush's or a marker's stroke, not a
    printed line."""
    labels, count = ndimage.label(runs, structure=np.ones((3, 3)))
    if count == 0:
        return runs
    index = np.arange(1, count + 1)
    length = np.array([box[1].stop - box[1].start for box in ndimage.find_objects(labels)])
    thick = ndimage.sum_labels(runs, labels, index) / length > thickest
    return runs & ~np.isin(labels, index[thick])


def _labelled(spanned: dict[int, np.ndarray], mask: np.ndarray) -> dict[int, tuple]:
    """Each direction's runs as (labels on the mask's ink, their (rows, columns) slices)."""
    parts = {}
    for axis, lines in spanned.items():
        labels, _ = ndimage.label(lines, structure=np.ones((3, 3)))
        boxes = ndimage.find_objects(labels)  # a line's whole length, faint parts too
        labels[~mask] = 0
        parts[axis] = (labels, boxes)
    return parts


def _without_rules_once(mask: np.ndarray, faint: np.ndarray | None = None) -> np.ndarray:
    """One pass of without_rules: ``mask`` itself when it finds no printed line."""
    spanned = _straight_runs(mask if faint is None else mask | faint)
    straight = {axis: lines & mask for axis, lines in spanned.items()}
    if not (straight[0].any() or straight[1].any()):
        return mask
    # the rest of the ink, without any straight run; if there is none (a 1 as tall as half
    # the picture, crossing ruled lines), without the runs of one direction at a time
    both = main_parts(mask & ~straight[0] & ~straight[1])
    parts = _labelled(spanned, mask)
    rules = np.zeros_like(mask)
    if both is not None:  # a printed box round the rest, even with the digit touching it
        sides = _box_sides(parts)
        if sides.any() and _encloses(sides, both):
            rules |= sides
    for axis, lines in straight.items():
        rest = both if both is not None else main_parts(mask & ~lines)
        if rest is None:
            continue  # the straight ink is all there is: the digit, not a line
        extent = np.flatnonzero(rest.any(axis=axis))
        overhang = max(2, RULE_OVERHANG * (extent[-1] - extent[0] + 1))
        labels, boxes = parts[axis]
        spans = [box[1 - axis] for box in boxes]
        # lines from edge to edge, two or more: a ruled page, even behind a digit as wide
        side = mask.shape[1 - axis]
        edge_to_edge = [span.stop - span.start >= RULE_ACROSS * side for span in spans]
        for index, span in enumerate(spans, start=1):
            past = span.start <= extent[0] - overhang and span.stop - 1 >= extent[-1] + overhang
            if past or (edge_to_edge[index - 1] and sum(edge_to_edge) >= 2):
                rules |= labels == index
    return taken_out(mask, rules) if rules.any() else mask


def taken_out(mask: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """The mask without printed lines ``rules``, but where a stroke crosses a line, the line's
    width of the stroke is kept."""
    kept = mask & ~rules
    # a stroke crossing a line: bridge the line's width where ink lies on both sides of it
    thickness = 2 + int(ndimage.distance_transform_edt(rules).max() * 2)
    across = ndimage.binary_closing(kept, np.ones((thickness, 1), bool)) | ndimage.binary_closing(
        kept, np.ones((1, thickness), bool)
    )
    return kept | (rules & across)


def _box_sides(parts: dict[int, tuple[np.ndarray, list]]) -> np.ndarray:
    """The straight runs (parts[0] across, parts[1] down: labels and their slices) that end
    at both ends in a corner with a run that ends there too: a printed box's sides. Ruled
    lines run past a digit's ends, so a 1 written between two of them has no corners."""
    widths = [box[axis].stop - box[axis].start for axis in parts for box in parts[axis][1]]
    reach = 3 + max(widths, default=0)
    sides = np.zeros(parts[0][0].shape, dtype=bool)
    for axis, (labels, boxes) in parts.items():
        others = parts[1 - axis][1]
        for index, box in enumerate(boxes, start=1):
            along = box[1 - axis]
            ends = (along.start, along.stop - 1)
            if all(_corner(box, end, others, axis, reach) for end in ends):
                sides |= labels == index
    return sides


def _encloses(sides: np.ndarray, rest: np.ndarray) -> bool:
    """Whether the rest of the ink lies within the bounding box of a box's sides."""
    inner = [np.flatnonzero(sides.any(axis=1 - axis)) for axis in (0, 1)]
    ink = [np.flatnonzero(rest.any(axis=1 - axis)) for axis in (0, 1)]
    return all(i[0] <= r[0] and r[-1] <= i[-1] for i, r in zip(inner, ink, strict=True))


def _corner(box: tuple[slice, slice], end: int, others, axis: int, reach: int) -> bool:
    """Whether a run of direction ``axis`` (its bounding ``box``) meets, at its ``end``, a run
    of the other direction that has one of its own ends on it (within ``reach`` px)."""
    across = box[axis]
    for other in others:
        other_along, other_across = other[axis], other[1 - axis]
        if not other_across.start - reach <= end < other_across.stop + reach:
            continue
        for other_end in (other_along.start, other_along.stop - 1):
            if across.start - reach <= other_end < across.stop + reach:
                return True
    return False


def without_frames(mask: np.ndarray) -> np.ndarray:
    """The ink mask without boxes around other ink (a form's boxes, a box drawn round a
    digit): parts with FRAME_SHARE of their ink within FRAME_BAND of their bounding box's
    sides that enclose another part. A 0 is round, and encloses nothing."""
    labels, count = ndimage.label(mask, structure=np.ones((3, 3)))
    if count < 2:
        return mask
    frames = []
    for index, box in enumerate(ndimage.find_objects(labels), start=1):
        part = labels[box] == index
        inside = ndimage.binary_fill_holes(part) & ~part
        if not (inside & (labels[box] > 0)).any():
            continue
        band = max(2, round(FRAME_BAND * min(part.shape)))
        sides = np.ones_like(part)
        sides[band:-band, band:-band] = False
        if (part & sides).sum() >= FRAME_SHARE * part.sum():
            frames.append(index)
    return mask & ~np.isin(labels, frames) if frames else mask


def run_pixels(
    rows: np.ndarray, *, at_least: int = 0, shorter_than: int | None = None, inside: bool = False
) -> np.ndarray:
    """The pixels of the runs of True along each row of ``rows`` that are ``at_least`` and
    ``shorter_than`` long; inside: only runs with neither end at the row's ends (a gap)."""
    height, width = rows.shape
    steps = np.diff(np.pad(rows, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    row, start = np.nonzero(steps == 1)
    stop = np.nonzero(steps == -1)[1]  # in the same order: each run's end after its start
    length = stop - start
    keep = length >= at_least
    if shorter_than is not None:
        keep &= length < shorter_than
    if inside:
        keep &= (start > 0) & (stop < width)
    found = np.zeros((height, width + 1), dtype=np.int32)
    np.add.at(found, (row[keep], start[keep]), 1)
    np.add.at(found, (row[keep], stop[keep]), -1)
    return np.cumsum(found, axis=1)[:, :width] > 0


def main_parts(mask: np.ndarray) -> np.ndarray | None:
    """The parts of a mask that are not specks (SPECK_SHARE of the largest) and, if any part
    stands free, do not touch the frame's border (as digit_like keeps them); or None."""
    labels, count = ndimage.label(mask, structure=np.ones((3, 3)))
    if count == 0:
        return None
    index = np.arange(1, count + 1)
    area = ndimage.sum_labels(mask, labels, index)
    on_border = parts_on_border(labels, count)
    if (~on_border).any():
        area = np.where(on_border, 0, area)
    return np.isin(labels, index[area >= max(1, SPECK_SHARE * area.max())])


def parts_on_border(labels: np.ndarray, count: int) -> np.ndarray:
    """(count,) bool: which of the labelled parts 1..count touch the frame's border."""
    on_border = np.zeros(count + 1, dtype=bool)
    for edge in (labels[0], labels[-1], labels[:, 0], labels[:, -1]):
        on_border[edge] = True
    return on_border[1:]

"""A form's comb field: a row of printed boxes sharing their walls, one digit in each.

The comb's lines are printed lines (printed_lines.py), taken out of the ink mask before the
others: a comb's boxes may look like frames. Closed combs have a line above and below the
boxes, walls from one to the other; open combs have one line with short ticks rising from it
(or hanging). The walls' columns part one digit's box from the next, and the outer ones the
comb from what is written or printed beside it (a form's label).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from bpdraw.printed_lines import RULE_GAP, main_parts, run_pixels, taken_out

# A comb field (a form's row of boxes sharing their walls): COMB_WALLS or more straight
# walls (of runs at least COMB_RUN of the picture's side) that reach from one printed line to
# another, the first and last at both lines' ends; walls and lines may be broken (a stroke
# over them, glare) but cover COMB_COVER of their way.
COMB_WALLS = 3
COMB_RUN = 0.1
COMB_COVER = 0.7
# An open comb's walls (ticks rising from a baseline) are runs of TICK_RUN of the picture's
# height or longer, their lengths within TICK_ALIKE of their median, at most TICK_SHARE of
# their spacing.
TICK_RUN = 0.04
TICK_ALIKE = 0.3
TICK_SHARE = 0.8
# Ticks are printed as their line is, TICK_THIN times as long as they are thick or more,
# evenly spaced (within TICK_STEP of their spacing).
TICK_THIN = 3
TICK_STEP = 0.2


def without_combs(
    mask: np.ndarray, faint: np.ndarray | None = None
) -> tuple[np.ndarray, tuple[int, ...]]:
    """The ink mask without the lines of comb fields (COMB_WALLS, COMB_RUN, COMB_COVER), a
    stroke kept whole where it crosses one; and the columns of the walls of a comb running
    across, left to right, its outer walls first and last (empty if there is none). faint: all
    that stands out from the paper at all, where a form's pale print is looked for (in the
    ink, only where strokes touch it). Taken out before the other printed lines: a comb's
    boxes may look like frames, and a frame taken out of a comb broken by glare would leave
    the rest of it behind."""
    main = main_parts(mask)
    if main is None:
        return mask, ()
    # a comb small in a large photo: looked for around the ink (not its specks), its runs
    # measured by that
    rows, columns = np.flatnonzero(main.any(axis=1)), np.flatnonzero(main.any(axis=0))
    margin = (rows[-1] - rows[0] + 1) // 2  # a pale comb's walls beyond the digits
    around = (
        slice(max(rows[0] - margin, 0), rows[-1] + margin + 1),
        slice(max(columns[0] - margin, 0), columns[-1] + margin + 1),
    )
    lines, columns = _comb_walls(mask[around])
    # A comb in a form's pale print is looked for running across only: a blurred photo's
    # digit stands out faintly all round its strokes, and a tall 8 so widened was a comb
    # running down (its sides the lines, its bars and crossing the walls: read "97").
    if faint is not None and not lines.any():
        lines, columns = _upright_comb(faint[around] | mask[around], open_too=True)
        lines &= mask[around]
    if not lines.any():
        return mask, ()
    found = np.zeros_like(mask)
    found[around] = lines
    return taken_out(mask, found), tuple(int(column + around[1].start) for column in columns)


def _comb_walls(mask: np.ndarray) -> tuple[np.ndarray, tuple[int, ...]]:
    """The lines of the comb fields in the ink mask, across and down (the mask's own way and
    transposed); and the columns of the walls (outer ones too) of those that run across. Open combs
    only when there is no closed one, and only across: a closed comb's wall is a line that
    short runs (the bits of its lines) rise from."""
    turned, _ = _upright_comb(mask.T)
    upright, columns = _upright_comb(mask, open_too=not turned.any())
    return upright | turned.T, columns


def _upright_comb(mask: np.ndarray, open_too: bool = False) -> tuple[np.ndarray, tuple[int, ...]]:
    """The lines of comb fields running across: two printed lines (runs across, COMB_RUN of
    the picture's width or longer, gaps bridged; the runs in one band of rows are one line,
    however broken) and COMB_WALLS or more walls down from one to the other (the runs down in
    one band of columns, covering COMB_COVER of the way), the outermost at both lines' ends,
    the lines covering COMB_COVER of the way between them. A ruled page's lines run past the
    digits, so 1s from one line to the next are no walls. With the walls' columns.
    open_too: open combs (_open_comb) where there is no closed one."""
    found = np.zeros_like(mask)
    across, down = _banded(mask, 0), _banded(mask, 1)
    if not across:
        return found, ()
    reach = 4 + int(np.median([band.thickness for band in (*across, *down)]))
    # a line's end may run on over a speck beside it, bridged as a gap
    end_reach = reach + max(3, round(RULE_GAP * mask.shape[1]))
    between: dict[tuple[int, int], list[_Band]] = {}
    for wall in down:
        ends = [_band_at(across, end, wall.middle, reach) for end in (wall.low, wall.high)]
        if None in ends or ends[0] == ends[1]:
            continue
        if wall.cover(wall.low, wall.high) >= COMB_COVER:
            between.setdefault((ends[0], ends[1]), []).append(wall)
    columns: list[int] = []
    for (top, bottom), walls in between.items():
        if len(walls) < COMB_WALLS:
            continue
        walls.sort(key=lambda wall: wall.middle)
        left, right = walls[0].middle, walls[-1].middle
        lines = (across[top], across[bottom])
        if not all(
            abs(line.low - left) <= end_reach
            and abs(line.high - right) <= end_reach
            and line.cover(left, right) >= COMB_COVER
            for line in lines
        ):
            continue
        for band in (*lines, *walls):
            found |= band.pixels
        columns += [wall.middle for wall in walls]
    if open_too and not found.any():
        return _open_comb(mask, across, reach, end_reach)
    return found, tuple(sorted(columns))


def _open_comb(
    mask: np.ndarray, across: list[_Band], reach: int, end_reach: int
) -> tuple[np.ndarray, tuple[int, ...]]:
    """The lines of open combs running across (a baseline and short walls rising from it,
    or hanging from a top line), as _upright_comb finds closed ones: ticks (runs down at
    least TICK_RUN of the picture's height, printed as the line is: as thick, TICK_THIN) with
    one end on the line, the most of them alike in length (within TICK_ALIKE of their
    median) and short for their spacing (TICK_SHARE), COMB_WALLS or more where that spacing
    puts them (TICK_STEP), the outermost at the line's ends. A tick a digit's stroke runs
    along is longer: it goes as far from the line as the others. Digits standing on an
    underline are as tall as they are wide apart, and not evenly spaced; a digit's own bars
    are thick for the runs down from them."""
    found = np.zeros_like(mask)
    on_line: dict[tuple[int, int], list[_Band]] = {}
    lines = np.zeros_like(mask)
    for line in across:
        lines |= line.pixels
    for tick in _banded(mask & ~lines, 1, TICK_RUN):  # (the lines' own runs down are short)
        ends = [_band_at(across, end, tick.middle, reach) for end in (tick.low, tick.high)]
        if tick.cover(tick.low, tick.high) < COMB_COVER:
            continue
        for side, line in enumerate(ends):  # (a digit's stroke may cross its other end)
            if line is not None:
                on_line.setdefault((line, side), []).append(tick)
    columns: list[int] = []
    for (line_index, side), ticks in on_line.items():
        line = across[line_index]
        # printed as the line is: as thick (within a factor 2), and thin for their length
        printed = [
            tick
            for tick in ticks
            if line.thickness / 2 - 1 <= tick.thickness <= 2 * line.thickness + 1
            and tick.high - tick.low >= TICK_THIN * tick.thickness
        ]
        if len(printed) < 2:
            continue
        length = float(np.median([tick.high - tick.low for tick in printed]))
        alike = sorted(
            tick.middle
            for tick in printed
            if abs(tick.high - tick.low - length) <= TICK_ALIKE * length
        )
        if len(alike) < 2:
            continue
        spacing = _spacing(np.diff(alike))
        if spacing <= reach or length > TICK_SHARE * spacing:
            continue
        # a tick where the spacing puts one (a digit touching it makes its band wide)
        slack = min(2 * reach, TICK_STEP * spacing)
        steps = range(
            int(np.ceil((line.low - slack - alike[0]) / spacing)),
            int(np.floor((line.high + slack - alike[0]) / spacing)) + 1,
        )
        walls = [
            column
            for step in steps
            if (column := _tick_at(mask, line, side, alike[0] + step * spacing, slack, length))
            is not None
        ]
        if len(walls) < COMB_WALLS:
            continue
        left, right = walls[0], walls[-1]
        if not (
            abs(line.low - left) <= end_reach
            and abs(line.high - right) <= end_reach
            and line.cover(left, right) >= COMB_COVER
        ):
            continue
        found |= line.pixels
        rows = np.arange(mask.shape[0])[:, None]
        # as far from the line as a tick goes, not up a digit's stroke beside it
        near = (
            (rows >= line.first - (1 + TICK_ALIKE) * length) & (rows < line.first)
            if side
            else (rows <= line.last + (1 + TICK_ALIKE) * length) & (rows > line.last)
        )
        half = 1 + max(tick.thickness for tick in printed) // 2
        for column in walls:
            strip = slice(max(column - half, 0), column + half + 1)
            found[:, strip] |= mask[:, strip] & near
        columns += walls
    return found, tuple(sorted(columns))


def _spacing(gaps: np.ndarray) -> float:
    """The ticks' spacing from the gaps between those found alike: the smallest, if the others
    are whole numbers of it (TICK_STEP; a tick a digit touches is missing), or the median."""
    gaps = gaps[gaps > 0]  # (two ticks in one column, one above the other, are one)
    if not len(gaps):
        return 0.0
    steps = gaps / gaps.min()
    if (np.abs(steps - np.round(steps)) <= TICK_STEP).all():
        return float(gaps.min())
    return float(np.median(gaps))


def _tick_at(
    mask: np.ndarray, line: _Band, side: int, x: float, slack: float, length: float
) -> int | None:
    """The column within ``slack`` of x nearest it where ink runs on from the line (up from
    it, side 1, or down, side 0) for (1 - TICK_ALIKE) of a tick's ``length`` or more."""
    low, high = max(round(x - slack), 0), min(round(x + slack) + 1, mask.shape[1])
    if low >= high:
        return None
    # from the line's far edge through it and on: ink unbroken
    strip = mask[: line.last + 1, low:high][::-1] if side else mask[line.first :, low:high]
    run = np.cumprod(strip, axis=0).sum(axis=0) - line.thickness
    tall = run >= (1 - TICK_ALIKE) * length
    columns = np.flatnonzero(tall) + low
    if not len(columns):
        return None
    # the middle of the tick's width (its columns side by side)
    nearest = int(np.argmin(np.abs(columns - x)))
    first = last = nearest
    while first > 0 and columns[first - 1] == columns[first] - 1:
        first -= 1
    while last + 1 < len(columns) and columns[last + 1] == columns[last] + 1:
        last += 1
    return int(columns[first] + columns[last]) // 2


@dataclass
class _Band:
    """Straight runs of ink along one direction lying in one band across it: one printed
    line, however broken. low/high: its extent along; first/last: its band across."""

    pixels: np.ndarray
    pieces: list[tuple[int, int]]  # each run's extent along the line (first, last)
    first: int
    last: int

    @property
    def low(self) -> int:
        return min(piece[0] for piece in self.pieces)

    @property
    def high(self) -> int:
        return max(piece[1] for piece in self.pieces)

    @property
    def middle(self) -> int:
        return (self.first + self.last) // 2

    @property
    def thickness(self) -> int:
        return self.last - self.first + 1

    def cover(self, start: int, stop: int) -> float:
        """The share of the way from start to stop (along the line) its runs cover."""
        covered = np.zeros(max(stop - start + 1, 1), dtype=bool)
        for low, high in self.pieces:
            covered[max(low - start, 0) : max(high - start + 1, 0)] = True
        return float(covered.mean())


def _banded(mask: np.ndarray, axis: int, share: float = COMB_RUN) -> list[_Band]:
    """The mask's straight runs across (axis 0) or down (1), ``share`` of the picture's side
    or longer with their gaps (RULE_GAP) bridged, gathered by the band across them they lie
    in (overlapping, or within 2 px)."""
    rows = mask if axis == 0 else mask.T
    side = rows.shape[1]
    bridged = rows | run_pixels(~rows, shorter_than=max(3, round(RULE_GAP * side)), inside=True)
    runs = run_pixels(bridged, at_least=max(3, round(share * side)))
    labels, _ = ndimage.label(runs, structure=np.ones((3, 3)))
    pieces = []
    for index, box in enumerate(ndimage.find_objects(labels), start=1):
        if box is not None:
            pieces.append((box[0].start, box[0].stop - 1, box[1].start, box[1].stop - 1, index))
    bands: list[list] = []
    for piece in sorted(pieces):
        if bands and piece[0] <= bands[-1][0][1] + 2:
            bands[-1][0][1] = max(bands[-1][0][1], piece[1])
            bands[-1][1].append(piece)
        else:
            bands.append([[piece[0], piece[1]], [piece]])
    found = []
    for (first, last), members in bands:
        pixels = np.isin(labels, [member[4] for member in members]) & rows
        spans = [(member[2], member[3]) for member in members]
        found.append(_Band(pixels if axis == 0 else pixels.T, spans, first, last))
    return found


def _band_at(bands: list[_Band], position: int, along: int, reach: int) -> int | None:
    """The index of the longest band that lies at ``position`` across (within ``reach``)
    and spans ``along`` (within reach): the line a wall's end lands on, not a digit's stroke
    beside it."""
    landed = [
        index
        for index, band in enumerate(bands)
        if band.first - reach <= position <= band.last + reach
        and band.low - reach <= along <= band.high + reach
    ]
    return max(landed, key=lambda index: bands[index].high - bands[index].low, default=None)

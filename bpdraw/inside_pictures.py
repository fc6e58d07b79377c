"""Matplotlib drawings of ``bpdraw.inside`` for files: one drawing read by a model, and the
weights mosaic. Every panel carries a title saying what it shows and how to read it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from bpdraw.data import N_CLASSES, PIXEL_MAX
from bpdraw.inside import (
    TILE,
    TILE_PITCH,
    attribution,
    hidden_activations,
    mosaic_shape,
    rarely_inked_cells,
    unit_groups,
    unit_order,
    weight_mosaic,
)
from bpdraw.model import Model


@dataclass(frozen=True)
class PictureColours:
    """The colours of a picture; the app's theme supplies its own (bpdraw.app.theme)."""

    positive: str = "tab:blue"
    negative: str = "tab:red"
    ink: str = "black"
    muted: str = "grey"
    paper: str = "white"


def _diverging(colours: PictureColours) -> LinearSegmentedColormap:
    return LinearSegmentedColormap.from_list(
        "push", [colours.negative, colours.paper, colours.positive]
    )


def _bare(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])


def draw_inside(figure, model: Model, digits: np.ndarray, colours=None) -> None:
    """Four panels on ``figure``: what the network reads, its hidden units, its answer, why."""
    colours = colours or PictureColours()
    probabilities = model.predict_proba(digits)[0]
    answer = int(probabilities.argmax())
    activations = hidden_activations(model, digits)
    groups = unit_groups(model)
    width = max(len(group) for group in groups)
    grid = np.full((N_CLASSES, width), np.nan)
    for digit, group in enumerate(groups):
        grid[digit, : len(group)] = activations[group]

    axes = figure.subplots(1, 4, width_ratios=[1, 2.2, 1, 1])
    reads, hidden, answers, why = axes
    reads.imshow(np.asarray(digits).reshape(TILE, TILE), cmap="Greys", vmin=0, vmax=PIXEL_MAX)
    reads.set_title("What the network reads:\n64 inputs, 8×8 cells,\n0 (white) to 16 (black)")
    _bare(reads)

    activation_cmap = LinearSegmentedColormap.from_list(
        "fire", [colours.paper, colours.ink]
    ).with_extremes(bad=colours.paper)
    image = hidden.imshow(grid, cmap=activation_cmap, vmin=0, vmax=1, aspect="auto")
    hidden.set_title(
        f"Hidden units: {len(activations)} cells, dark = firing (1), white = silent (0).\n"
        "Row d holds the units whose strongest vote goes to digit d"
    )
    hidden.set_yticks(range(N_CLASSES), [f"votes for {d}" for d in range(N_CLASSES)])
    hidden.set_xticks([])
    figure.colorbar(image, ax=hidden, shrink=0.8, label="activation")

    bar_colours = [colours.positive if d == answer else colours.muted for d in range(N_CLASSES)]
    answers.barh(range(N_CLASSES), probabilities, color=bar_colours)
    answers.set_yticks(range(N_CLASSES))
    answers.invert_yaxis()
    answers.set_xlim(0, 1)
    answers.set_title(
        f"The ten outputs, as shares:\nit reads {answer} ({probabilities[answer]:.0%})"
    )

    pushes = attribution(model, digits, answer)
    limit = max(float(np.abs(pushes).max()), 1e-12)
    why.imshow(pushes, cmap=_diverging(colours), vmin=-limit, vmax=limit)
    why.set_title(
        f"Why {answer}? (input × gradient)\n"
        f"blue cells pushed toward {answer},\nred cells pushed against it"
    )
    _bare(why)


def draw_mosaic(figure, model: Model, colours=None) -> None:
    """Every hidden unit's 64 incoming weights as one 8x8 tile, labelled with its vote."""
    colours = colours or PictureColours()
    order = unit_order(model)
    mosaic = weight_mosaic(model.network, order, hide=rarely_inked_cells())
    votes = model.network.weights[1].argmax(axis=1)
    ax = figure.subplots()
    ax.imshow(mosaic, cmap=_diverging(colours), vmin=-1, vmax=1, interpolation="nearest")
    _, columns = mosaic_shape(len(order))
    for position, unit in enumerate(order):
        row, column = divmod(position, columns)
        ax.text(
            column * TILE_PITCH + TILE / 2 - 0.5,
            row * TILE_PITCH - 0.15,
            f"→{votes[unit]}",
            ha="center",
            va="bottom",
            fontsize=6,
            color=colours.muted,
        )
    _bare(ax)
    ax.set_title(
        f"What each of the {len(order)} hidden units looks for: its 64 incoming weights as 8×8.\n"
        "Blue: ink there makes the unit fire; red: ink there silences it "
        "(each tile on its own scale).\n"
        "'→3' over a tile: the digit the unit votes for most. White edge columns: cells blank\n"
        "in almost every training digit, so their weights hardly matter.",
        fontsize=10,
    )


# -- pictures for slides and homework -----------------------------------------------------------


def save_inside_picture(
    model: Model, digits: np.ndarray, path: str | os.PathLike, colours=None
) -> None:
    """A PNG of one drawing read by ``model``: input, hidden units, outputs, attribution.

    ``colours``: a ``PictureColours`` (the app passes its theme's).
    """
    figure = Figure(figsize=(14, 4.6), dpi=110, layout="constrained", facecolor="white")
    draw_inside(figure, model, np.asarray(digits), colours)
    figure.savefig(path)


def save_weight_mosaic(model: Model, path: str | os.PathLike, colours=None) -> None:
    """A PNG of every hidden unit's incoming weights, one 8x8 tile per unit."""
    figure = Figure(figsize=(9, 9.8), dpi=110, layout="constrained", facecolor="white")
    draw_mosaic(figure, model, colours)
    figure.savefig(path)

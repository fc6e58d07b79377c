"""Looking inside a digit network: hidden activations, what each unit looks for, why an answer,
and backpropagation one training sample at a time with the course's recipe.

Everything here reads a ``Model`` (or a ``Network``) and returns arrays or frozen records; the
Inside tab and the ``bpdraw inside`` command draw them. Digits are load_digits' (8, 8) 0-16;
the network reads them divided by 16.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpdraw.data import N_CLASSES, N_INPUTS, PIXEL_MAX, load_split, one_hot
from bpdraw.model import Model
from bpdraw.network import Network, sigmoid
from bpdraw.training import ClassicConfig

TILE = 8  # a hidden unit's 64 incoming weights, as the 8x8 digit they look at
TILE_PITCH = TILE + 1  # one blank cell between tiles in a mosaic


def network_inputs(digits: np.ndarray) -> np.ndarray:
    """digits: (8, 8) or (64,) in 0-16 -> (64,) float in [0, 1], the network's input."""
    digits = np.asarray(digits, dtype=np.float64)
    if digits.size != N_INPUTS:
        raise ValueError(f"expected one 8x8 digit (64 values), got shape {digits.shape}")
    if not np.all(np.isfinite(digits)) or digits.min() < 0 or digits.max() > PIXEL_MAX:
        raise ValueError("digit values must lie in 0-16 (load_digits' scale)")
    return digits.reshape(N_INPUTS) / PIXEL_MAX


def hidden_activations(model: Model, digits: np.ndarray) -> np.ndarray:
    """digits: (8, 8) in 0-16 -> (H,) the first hidden layer's activations, in unit order."""
    return model.network.forward(network_inputs(digits)[None, :])[1][0]


def unit_groups(model: Model | Network) -> list[np.ndarray]:
    """Ten arrays of hidden units, group d holding the units that vote for digit d most (their
    largest outgoing weight goes to d), strongest vote first. A group may be empty."""
    network = model.network if isinstance(model, Model) else model
    outgoing = network.weights[1]
    favourite = outgoing.argmax(axis=1)
    strength = outgoing.max(axis=1)
    order = np.lexsort((-strength, favourite))
    return [order[favourite[order] == digit] for digit in range(N_CLASSES)]


def unit_order(model: Model | Network) -> np.ndarray:
    """(H,) int, a permutation of the hidden units: the ``unit_groups`` one after the other, so
    units that mean the same sit together."""
    return np.concatenate(unit_groups(model))


def attribution(model: Model, digits: np.ndarray, target: int | None = None) -> np.ndarray:
    """Input × gradient: (8, 8), each cell's input times d(output of ``target``)/d(input).

    Positive cells pushed the output of ``target`` (the likeliest digit when None) up, negative
    cells pushed it down; a blank cell (input 0) pushed nothing. The output is the network's
    own output unit for ``target`` (a sigmoid value, or a softmax probability).
    """
    network = model.network
    x = network_inputs(digits)
    activations = network.forward(x[None, :])
    outputs = activations[-1][0]
    if target is None:
        target = int(outputs.argmax())
    if not 0 <= target < N_CLASSES:
        raise ValueError(f"target must be a digit 0-9, not {target}")
    chosen = np.zeros(N_CLASSES)
    chosen[target] = 1.0
    if network.output == "softmax":
        delta = outputs[target] * (chosen - outputs)  # d softmax_t / dz
    else:
        delta = chosen * outputs * (1.0 - outputs)  # d sigmoid_t / dz
    for layer in range(len(network.weights) - 1, 0, -1):
        a = activations[layer][0]
        delta = (network.weights[layer] @ delta) * a * (1.0 - a)
    gradient = network.weights[0] @ delta
    return (x * gradient).reshape(TILE, TILE)


def mosaic_shape(n_units: int) -> tuple[int, int]:
    """(rows, columns) of tiles for ``n_units``: as square as possible, wider than tall."""
    columns = int(np.ceil(np.sqrt(n_units)))
    return int(np.ceil(n_units / columns)), columns


def rarely_inked_cells(share: float = 0.02) -> np.ndarray:
    """(8, 8) bool: cells inked in fewer than ``share`` of load_digits' digits (the outer
    columns). Their weights hardly matter: they almost never see ink, and under the classic
    recipe they never change from their random start."""
    images = load_split(0).images_train
    return (images > 0).mean(axis=0) < share


def weight_mosaic(
    network: Network, order: np.ndarray | None = None, hide: np.ndarray | None = None
) -> np.ndarray:
    """Every hidden unit's 64 incoming weights as 8x8 tiles: (rows*9, columns*9) in [-1, 1].

    Tile i (row-major) is unit ``order[i]``; each tile is divided by its own 98th-percentile
    |weight| and clipped, so its pattern shows whatever its size and a few extreme cells do not
    wash it out. Cells in ``hide`` (8, 8) bool are 0 and left out of that scale. The ninth
    row and column of each tile, and tiles past the last unit, are 0.
    """
    incoming = network.weights[0].copy()
    if hide is not None:
        hide = np.asarray(hide, dtype=bool)
        incoming[hide.reshape(N_INPUTS)] = 0.0
    n_units = incoming.shape[1]
    order = np.arange(n_units) if order is None else np.asarray(order)
    rows, columns = mosaic_shape(n_units)
    shown = np.ones(N_INPUTS, dtype=bool) if hide is None else ~hide.reshape(N_INPUTS)
    largest = np.maximum(np.percentile(np.abs(incoming[shown]), 98, axis=0), 1e-12)
    # every tile at once, no loop over units: the Train tab rebuilds this while a run goes
    tiles = np.zeros((rows * columns, TILE_PITCH, TILE_PITCH))
    scaled = np.clip(incoming[:, order] / largest[order], -1.0, 1.0)
    tiles[: len(order), :TILE, :TILE] = scaled.T.reshape(len(order), TILE, TILE)
    grid = tiles.reshape(rows, columns, TILE_PITCH, TILE_PITCH).transpose(0, 2, 1, 3)
    return grid.reshape(rows * TILE_PITCH, columns * TILE_PITCH)


@dataclass(frozen=True)
class Connection:
    """One hidden unit -> output link: contribution = activation × weight, its push on digit."""

    unit: int
    digit: int
    activation: float
    weight: float
    contribution: float


def strongest_connections(model: Model, activations: np.ndarray, k: int = 12) -> list[Connection]:
    """The ``k`` hidden -> output links that pushed hardest (by |activation × weight|) for
    these hidden ``activations`` (H,), strongest first."""
    outgoing = model.network.weights[1]
    activations = np.asarray(activations, dtype=np.float64)
    contributions = activations[:, None] * outgoing
    k = max(0, min(k, contributions.size))
    flat = np.argsort(-np.abs(contributions), axis=None, kind="stable")[:k]
    links = []
    for index in flat:
        unit, digit = divmod(int(index), N_CLASSES)
        links.append(
            Connection(
                unit,
                digit,
                float(activations[unit]),
                float(outgoing[unit, digit]),
                float(contributions[unit, digit]),
            )
        )
    return links


# -- backpropagation, one sample at a time -----------------------------------------------------


@dataclass(frozen=True, eq=False)
class BackpropStep:
    """Every value of one training step of the course's recipe, before the weights change.

    Shapes: inputs (64,), hidden_* (H,), output_*/target/error (10,). Signs follow
    bpdraw.network: output_delta = (y - t)·y(1 - y), and every weight moves by
    -learning_rate × gradient.
    """

    number: int  # 1 for the first step
    sample: int  # index into the training digits
    label: int
    inputs: np.ndarray  # x: the 64 cells / 16
    hidden_input: np.ndarray  # z = x·W1 + b1
    hidden: np.ndarray  # h = sigmoid(z)
    output_input: np.ndarray  # u = h·W2 + b2
    output: np.ndarray  # y = sigmoid(u)
    target: np.ndarray  # t: 1 for the right digit, 0 for the others
    error: np.ndarray  # t - y
    loss: float  # E = 1/2 Σ (t - y)²
    output_delta: np.ndarray  # δ_out = (y - t)·y(1 - y)
    hidden_delta: np.ndarray  # δ_hidden = (W2 δ_out)·h(1 - h)
    learning_rate: float
    unit: int  # the hidden unit whose weight change is shown
    incoming_before: np.ndarray  # (64,) W1[:, unit] before the step
    outgoing_before: np.ndarray  # (10,) W2[unit, :] before the step
    incoming_change: np.ndarray  # (64,) ΔW1[:, unit] = -lr · x · δ_hidden[unit]
    outgoing_change: np.ndarray  # (10,) ΔW2[unit, :] = -lr · h[unit] · δ_out


class StepperFinished(Exception):
    """The stepper has used every step its config allows; make a new one to go on."""


class BackpropStepper:
    """Trains a fresh 64-H-10 network with the course's recipe, one sample per ``step()``.

    Same start and same picks as ``bpdraw.training``'s classic run with the same config: after
    ``run(config.steps)`` the weights equal that run's model.
    """

    def __init__(self, config: ClassicConfig | None = None, unit: int = 0):
        self.config = config or ClassicConfig()
        self.split = load_split(self.config.seed)
        rng = np.random.default_rng(self.config.seed)
        self.network = Network.initialise(
            (N_INPUTS, self.config.hidden_units, N_CLASSES), rng, "uniform"
        )
        self.targets = one_hot(self.split.y_train)
        self.picks = rng.integers(0, len(self.split.y_train), size=self.config.steps)
        self.steps_done = 0
        self.unit = unit

    @property
    def unit(self) -> int:
        return self._unit

    @unit.setter
    def unit(self, unit: int) -> None:
        if not 0 <= unit < self.config.hidden_units:
            raise ValueError(f"hidden unit must be 0-{self.config.hidden_units - 1}, not {unit}")
        self._unit = int(unit)

    @property
    def learning_rate(self) -> float:
        return self.config.learning_rate

    def step(self) -> BackpropStep:
        """Learn from the next training sample; returns what was computed and changed."""
        return self._advance(record=True)

    def run(self, n_steps: int) -> np.ndarray:
        """Learn from the next ``n_steps`` samples at full speed -> (n,) their losses E."""
        n_steps = min(n_steps, self.config.steps - self.steps_done)
        return np.array([self._advance(record=False) for _ in range(n_steps)])

    def _advance(self, record: bool):
        if self.steps_done >= self.config.steps:
            raise StepperFinished(f"all {self.config.steps:,} steps of this run are done")
        (w1, w2), (b1, b2) = self.network.weights, self.network.biases
        sample = int(self.picks[self.steps_done])
        x, t = self.split.X_train[sample], self.targets[sample]
        z = x @ w1 + b1
        h = sigmoid(z)
        u = h @ w2 + b2
        y = sigmoid(u)
        loss = 0.5 * float(((t - y) ** 2).sum())
        output_delta = (y - t) * y * (1.0 - y)
        hidden_delta = (w2 @ output_delta) * h * (1.0 - h)
        rate = self.learning_rate
        change_w2 = -rate * np.outer(h, output_delta)
        change_w1 = -rate * np.outer(x, hidden_delta)
        unit = self._unit
        shown = None
        if record:
            shown = BackpropStep(
                number=self.steps_done + 1,
                sample=sample,
                label=int(self.split.y_train[sample]),
                inputs=x.copy(),
                hidden_input=z,
                hidden=h,
                output_input=u,
                output=y,
                target=t.copy(),
                error=t - y,
                loss=loss,
                output_delta=output_delta,
                hidden_delta=hidden_delta,
                learning_rate=rate,
                unit=unit,
                incoming_before=w1[:, unit].copy(),
                outgoing_before=w2[unit].copy(),
                incoming_change=change_w1[:, unit].copy(),
                outgoing_change=change_w2[unit].copy(),
            )
        w1 += change_w1
        w2 += change_w2
        b1 -= rate * hidden_delta
        b2 -= rate * output_delta
        self.steps_done += 1
        return shown if record else loss

    def model(self) -> Model:
        """The network as it stands, as a Model (a copy)."""
        network = self.network
        return Model(
            Network(network.weights, network.biases, network.output),
            {"recipe": "classic", "steps_run": self.steps_done, "seed": self.config.seed},
        )

"""What a training run tells its caller: Progress events while it learns, Finished at the end."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bpdraw.model import Model
from bpdraw.network import Network
from bpdraw.recipes import Config


@dataclass(frozen=True)
class Progress:
    """How far a run is. ``elapsed`` counts only time spent training, not time the caller
    spent between events. ``network`` is the network as it stands at this event. An event
    with ``done`` 0 (and no network, NaN loss and accuracy) says the run is still preparing
    its data: ``prepared`` of its ``preparation_steps`` are ready.

    ``preparation_seconds`` is the part of ``elapsed`` spent preparing; ``work_done`` and
    ``work_total`` measure the training itself in samples passed through the network (the
    fast recipe's epochs grow as distorted copies join), so the time remaining follows the
    pace of training alone, not the preparation that came first."""

    done: int
    total: int
    unit: str
    loss: float
    train_accuracy: float
    validation_accuracy: float | None
    elapsed: float
    network: Network | None = field(repr=False, compare=False)
    prepared: int = 0
    preparation_steps: int = 0
    preparation_seconds: float = 0.0
    work_done: float | None = None
    work_total: float | None = None

    @property
    def fraction(self) -> float:
        return self.done / self.total

    @property
    def preparing(self) -> bool:
        return self.done == 0

    @property
    def remaining(self) -> float | None:
        """Seconds the run still needs at most (early stopping may end it sooner), at the
        pace of its training so far; None while preparing, as that pace is not known yet."""
        if self.preparing:
            return None
        done, total = self.work_done, self.work_total
        if done is None or total is None:
            done, total = self.done, self.total
        if done <= 0:
            return None
        pace = (self.elapsed - self.preparation_seconds) / done
        return max(0.0, pace * (total - done))


@dataclass(frozen=True)
class Finished:
    model: Model
    elapsed: float


class Clock:
    """Training time: runs only while the generator works, not while it waits at a yield."""

    def __init__(self):
        self.total = 0.0
        self._start = time.perf_counter()

    def pause(self) -> float:
        self.total += time.perf_counter() - self._start
        return self.total

    def resume(self) -> None:
        self._start = time.perf_counter()


def preparing_event(config: Config, clock: Clock, prepared: int, steps: int) -> Progress:
    """The event that says the run is still preparing its data."""
    elapsed = clock.pause()
    event = Progress(
        0,
        config.length,
        config.unit,
        float("nan"),
        float("nan"),
        None,
        elapsed,
        None,
        prepared=prepared,
        preparation_steps=steps,
        preparation_seconds=elapsed,
    )
    clock.resume()
    return event

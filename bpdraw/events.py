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
    pace of training alone, not the preparation that came first. While preparing,
    ``training_forecast`` is the run's estimate of the training still to come, in seconds."""

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
    training_forecast: float | None = None

    @property
    def fraction(self) -> float:
        return self.done / self.total

    @property
    def preparing(self) -> bool:
        return self.done == 0

    @property
    def remaining(self) -> float | None:
        """Seconds the run still needs at most (early stopping may end it sooner): while
        preparing, the copies still to make at the pace of those made plus the training's
        forecast (None before a copy is made); then the training's pace so far."""
        if self.preparing:
            if self.prepared <= 0 or self.training_forecast is None:
                return None
            per_step = self.preparation_seconds / self.prepared
            left = per_step * (self.preparation_steps - self.prepared)
            return max(0.0, left + self.training_forecast)
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


def preparing_event(
    config: Config,
    clock: Clock,
    prepared: int,
    steps: int,
    training_forecast: float | None = None,
) -> Progress:
    """The event that says the run is still preparing its data (``training_forecast``: the
    seconds the training after it is expected to take)."""
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
        training_forecast=training_forecast,
    )
    clock.resume()
    return event

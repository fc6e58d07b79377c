"""Side-by-side benchmark: our recipes and scikit-learn's MLPClassifier, measured in one run.

Every figure is measured here and now, on this machine, so the ratios between the rows are
what to read; absolute seconds vary with the machine and its load. Nothing here fails on a
time: the benchmark reports.
"""

from __future__ import annotations

import statistics
import time
import warnings
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from bpdraw.data import DigitSplit, load_split
from bpdraw.model import Model
from bpdraw.training import ClassicConfig, FastConfig, Finished, train

TARGET_ACCURACY = 0.97
LATENCY_CALLS = 2000


@dataclass
class Row:
    """One method's figures over the seeds."""

    name: str
    accuracies: list[float] = field(default_factory=list)
    train_seconds: list[float] = field(default_factory=list)
    seconds_to_target: list[float | None] = field(default_factory=list)
    latencies_ms: np.ndarray = field(default_factory=lambda: np.zeros(0))
    devset_accuracy: float | None = None

    @property
    def median_to_target(self) -> float | None:
        """Median over seeds; a seed that never reaches the target counts as never (inf)."""
        if not self.seconds_to_target:
            return None
        times = [np.inf if t is None else t for t in self.seconds_to_target]
        return float(statistics.median(times))


# -- one training run of each kind, timed without evaluation -------------------------------
def _run_ours(config, split: DigitSplit) -> tuple[Model, float, float | None]:
    """-> (model, training seconds, seconds until test accuracy first reached the target)."""
    reached = None
    for event in train(config, split):
        if isinstance(event, Finished):
            return event.model, event.elapsed, reached
        if reached is None and event.network is not None:
            # evaluated between events, outside the training clock
            predictions = event.network.output_of(split.X_test).argmax(axis=1)
            if (predictions == split.y_test).mean() >= TARGET_ACCURACY:
                reached = event.elapsed
    raise RuntimeError("training ended without a model")


def _run_mlp(seed: int, split: DigitSplit):
    """MLPClassifier(hidden_layer_sizes=(100,)) with its defaults, as a user would pick it.

    Trained by ``fit``, timed; then once more epoch by epoch (``partial_fit`` runs the same
    Adam epochs) to find when it first reaches the target, evaluation excluded.
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier = MLPClassifier(hidden_layer_sizes=(100,), random_state=seed)
        started = time.perf_counter()
        classifier.fit(split.X_train, split.y_train)
        train_seconds = time.perf_counter() - started

        stepwise = MLPClassifier(hidden_layer_sizes=(100,), random_state=seed)
        spent, reached = 0.0, None
        for _ in range(classifier.max_iter):
            started = time.perf_counter()
            stepwise.partial_fit(split.X_train, split.y_train, classes=np.arange(10))
            spent += time.perf_counter() - started
            if stepwise.score(split.X_test, split.y_test) >= TARGET_ACCURACY:
                reached = spent
                break
    return classifier, train_seconds, reached


def _latencies_ms(predict: Callable[[np.ndarray], object], digit: np.ndarray) -> np.ndarray:
    """Milliseconds per call of ``predict`` on one digit, as the canvas asks while drawing."""
    for _ in range(50):
        predict(digit)
    times = np.empty(LATENCY_CALLS)
    for index in range(LATENCY_CALLS):
        started = time.perf_counter()
        predict(digit)
        times[index] = time.perf_counter() - started
    return times * 1000


# -- the table -----------------------------------------------------------------------------
def measure(seeds: int = 5, progress: Callable[[str], None] = print) -> tuple[list[Row], dict]:
    """Train every method on seeds 0..seeds-1; -> (rows, models of seed 0 by row name)."""
    methods: list[tuple[str, Callable[[int], object]]] = [
        ("classic 10,000 steps", lambda seed: ClassicConfig(steps=10_000, seed=seed)),
        ("classic 30,000 steps", lambda seed: ClassicConfig(steps=30_000, seed=seed)),
        ("fast", lambda seed: FastConfig(seed=seed)),
        ("MLPClassifier (100,)", None),
    ]
    rows = [Row(name) for name, _ in methods]
    first_models: dict[str, object] = {}
    for seed in range(seeds):
        split = load_split(seed)
        for row, (name, make_config) in zip(rows, methods, strict=True):
            progress(f"  seed {seed}: {name} …")
            if make_config is None:
                model, seconds, reached = _run_mlp(seed, split)
                accuracy = float(model.score(split.X_test, split.y_test))
            else:
                model, seconds, reached = _run_ours(make_config(seed), split)
                accuracy = float(model.test_accuracy)
            row.accuracies.append(accuracy)
            row.train_seconds.append(seconds)
            row.seconds_to_target.append(reached)
            if seed == 0:
                first_models[name] = model
    digit = load_split(0).images_test[:1]
    for row in rows:
        model = first_models[row.name]
        if isinstance(model, Model):
            row.latencies_ms = _latencies_ms(model.predict_proba, digit)
        else:
            scaled = digit.reshape(1, 64) / 16.0
            row.latencies_ms = _latencies_ms(model.predict_proba, scaled)
    return rows, first_models


def format_table(rows: list[Row], reference: str = "MLPClassifier (100,)") -> str:
    """A plain-text table; ratios are against the reference row measured in the same run."""
    by_name = {row.name: row for row in rows}
    ref = by_name[reference]
    header = (
        f"{'method':<22} {'test acc mean':>13} {'min':>6} {'max':>6} {'train s':>8} "
        f"{'× ref':>6} {'to 0.97 s':>9} {'× ref':>6} {'infer ms p50':>12} {'p99':>6}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        to_target = row.median_to_target
        ref_target = ref.median_to_target
        train_median = statistics.median(row.train_seconds)
        lines.append(
            f"{row.name:<22} {np.mean(row.accuracies):>13.4f} {min(row.accuracies):>6.3f} "
            f"{max(row.accuracies):>6.3f} {train_median:>8.2f} "
            f"{train_median / statistics.median(ref.train_seconds):>6.2f} "
            f"{_seconds(to_target):>9} {_ratio(to_target, ref_target):>6} "
            f"{np.median(row.latencies_ms):>12.3f} {np.percentile(row.latencies_ms, 99):>6.3f}"
        )
    lines.append("")
    lines.append(
        "train s: median over seeds of the time to the final model; to 0.97 s: median time until "
        "the test accuracy first reached 0.97 (evaluation excluded; '—' = never); × ref: "
        "ratio to MLPClassifier in this run (below 1 is faster); infer: one digit per call."
    )
    return "\n".join(lines)


def _seconds(value: float | None) -> str:
    if value is None or not np.isfinite(value):
        return "—"
    return f"{value:.2f}"


def _ratio(value: float | None, reference: float | None) -> str:
    if value is None or reference is None or not np.isfinite(value) or not np.isfinite(reference):
        return "—"
    return f"{value / reference:.2f}"


def devset_accuracy(model: Model, path: Path) -> float:
    """Share of the drawings in ``path`` read right through the canvas's conversion."""
    from bpdraw.augment import render
    from bpdraw.strokes_file import read_strokes_file

    drawings, labels = read_strokes_file(path)
    digits, drawn = render(drawings)
    predictions = model.predict(digits)
    return float(((predictions == labels) & drawn).mean())


def run_bench(seeds: int = 5, devset: str | None = None) -> None:
    """Measure and print the recipes' figures (``bpdraw bench``); ``devset``: drawings to
    read, by default the pen digits shipped with bpdraw."""
    print(f"bpdraw bench: seeds 0..{seeds - 1}, time to {TARGET_ACCURACY} test accuracy")
    # every method on one BLAS thread, as bpdraw's own training always runs (bpdraw.training)
    with threadpool_limits(limits=1, user_api="blas"):
        rows, models = measure(seeds, progress=lambda text: print(text, flush=True))
    print()
    print(format_table(rows))
    fast, mlp = (next(r for r in rows if r.name == n) for n in ("fast", "MLPClassifier (100,)"))
    classic = next(r for r in rows if r.name == "classic 30,000 steps")
    print()
    sooner = _speedup(mlp.median_to_target, fast.median_to_target)
    faster = _speedup(
        statistics.median(classic.train_seconds), statistics.median(fast.train_seconds)
    )
    print(f"fast reaches 0.97 {sooner} sooner than MLPClassifier;")
    print(f"fast trains to its final model {faster} faster than classic at 30,000 steps.")
    _print_devset(devset, models)


def _speedup(slow: float | None, quick: float | None) -> str:
    if slow is None or quick is None or not np.isfinite(slow) or not np.isfinite(quick):
        return "(not measurable: a method never reached 0.97)"
    return f"{slow / quick:.1f}×"


def _print_devset(devset: str | None, models: dict) -> None:
    from bpdraw.augment import PEN_DIGITS_FILE
    from bpdraw.model import load_default
    from bpdraw.shipped import shipped_file

    if devset is not None and not Path(devset).is_file():
        print(f"\ndev-set accuracy: skipped ({devset} not found)")
        return
    shipped = load_default()
    candidates = [(f"shipped default ({shipped.describe()})", shipped)]
    candidates += [(f"{name}, seed 0", m) for name, m in models.items() if isinstance(m, Model)]
    opened = shipped_file(PEN_DIGITS_FILE) if devset is None else nullcontext(Path(devset))
    with opened as path:
        what = "the shipped pen digits" if devset is None else str(path)
        print(f"\ndev-set accuracy on {what} (drawings through the canvas's conversion):")
        for name, model in candidates:
            print(f"  {devset_accuracy(model, path):.4f}  {name}")
    if devset is None:
        print(
            "  (the shipped default was trained on these pen digits, so its figure is a "
            "training figure, not a held-out one; pass --devset FILE.npz for other drawings)"
        )

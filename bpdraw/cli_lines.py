"""The lines bpdraw's commands print: a training run's progress line (and the line shown while
its data is made), durations, the confusion matrix and the per-digit table, each cut to
terminal columns (a Chinese character takes two).

Each function takes the `translate(context, text)` that bpdraw.cli passes in (English by
default), as bpdraw.texts' do; nothing here prints.
"""

from __future__ import annotations

import unicodedata

import numpy as np

from bpdraw.cli_common import english as _english

BAR_WIDTH = 10
LINE_WIDTH = 79  # a progress line fits an 80-column terminal


def fit(text: str, width: int = LINE_WIDTH) -> str:
    """`text` cut and padded to `width` terminal columns (a Chinese character takes two)."""
    shown, used = [], 0
    for character in text:
        columns = 2 if unicodedata.east_asian_width(character) in "WF" else 1
        if used + columns > width:
            break
        shown.append(character)
        used += columns
    return "".join(shown) + " " * (width - used)


def preparing_line(event, translate=_english) -> str:
    """The line shown while the training data is made, at most LINE_WIDTH characters."""
    remaining = event.remaining
    left = ""
    if remaining is not None:
        left = translate("cli", ", ~{time} left in all").format(time=duration(remaining, translate))
    line = translate("cli", "preparing the training data {done}/{steps} ({elapsed}{left})")
    return fit(
        line.format(
            done=event.prepared,
            steps=event.preparation_steps,
            elapsed=duration(event.elapsed, translate),
            left=left,
        )
    )


def progress_line(event, translate=_english) -> str:
    """One line of at most LINE_WIDTH characters: bar, share, loss, accuracies, time left."""
    validation = ""
    if event.validation_accuracy is not None:
        validation = " " + translate("cli", "val {accuracy}").format(
            accuracy=f"{event.validation_accuracy:.3f}"
        )
    remaining = event.remaining
    left = duration(event.elapsed, translate)
    if remaining:
        left = translate("cli", "~{time} left").format(time=duration(remaining, translate))
    filled = round(BAR_WIDTH * event.fraction)
    bar = "█" * filled + "·" * (BAR_WIDTH - filled)
    line = translate("cli", "{unit} {done}/{total} loss {loss} train {accuracy}").format(
        unit=translate("cli", event.unit),
        done=f"{event.done:,}",
        total=f"{event.total:,}",
        loss=f"{event.loss:.4f}",
        accuracy=f"{event.train_accuracy:.3f}",
    )
    # padded: it overwrites a longer line
    return fit(f"{bar} {event.fraction:4.0%} {line}{validation} {left}")


def duration(seconds: float, translate=_english) -> str:
    """12.3 s, 1 min 14 s."""
    if seconds < 60:
        shown = f"{seconds:.1f}" if seconds < 10 else f"{seconds:.0f}"
        return translate("cli", "{seconds} s").format(seconds=shown)
    minutes, rest = divmod(round(seconds), 60)
    return translate("cli", "{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)


def confusion_text(confusion: np.ndarray, translate=_english) -> str:
    header = (
        fit(translate("cli", "true\\pred"), 9)
        + " "
        + " ".join(f"{digit:>4}" for digit in range(len(confusion)))
    )
    rows = [header]
    for digit, row in enumerate(confusion):
        rows.append(f"{digit:>9} " + " ".join(f"{count:>4}" for count in row))
    return "\n".join(rows)


def digit_table_lines(evaluation, translate=_english) -> list[str]:
    """Precision, recall and count of each digit, in columns with translated headings (the
    English command prints scikit-learn's report instead)."""
    counts = evaluation.confusion.sum(axis=1)
    columns = [translate("cli", name) for name in ("digit", "precision", "recall", "digits")]
    lines = ["  ".join(fit(name, 8) for name in columns)]
    for digit in range(len(counts)):
        numbers = (f"{evaluation.precision[digit]:.3f}", f"{evaluation.recall[digit]:.3f}")
        lines.append("  ".join(fit(text, 8) for text in (str(digit), *numbers, str(counts[digit]))))
    return lines

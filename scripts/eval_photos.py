"""Accuracy on the generated photo test set (scripts/make_photo_testset.py), by condition.

Compares the picture reading of a given commit (default: before issue 12's photo work)
with the working tree's: each photo is read with the shipped model and counts as right
when every digit of its number is read. The old reading reads one digit per picture.

    .venv/bin/python scripts/eval_photos.py [--set /tmp/phototest] [--split test]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import types
from collections import defaultdict
from pathlib import Path

from bpdraw.model import Model, load_default
from bpdraw.picture_reading import read_picture
from bpdraw.preprocess import NothingDrawn

BEFORE_COMMIT = "16f3377"


def module_at(commit: str, path: str, name: str) -> types.ModuleType:
    """The module `path` as it was at `commit` (read from git, not from the working tree)."""
    source = subprocess.run(
        ["git", "show", f"{commit}:{path}"], capture_output=True, text=True, check=True
    ).stdout
    module = types.ModuleType(name)
    exec(compile(source, f"{commit}:{path}", "exec"), module.__dict__)
    return module


def read_before(model: Model, old_images, path: str) -> str:
    """The old reading: one digit per picture."""
    return str(int(model.predict(old_images.image_to_digits(path))[0]))


def read_after(model: Model, path: str) -> str:
    return read_picture(model, path).text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="/tmp/phototest")
    parser.add_argument("--split", default="test", choices=("tune", "test"))
    parser.add_argument("--before", default=BEFORE_COMMIT, help="commit of the old reading")
    parser.add_argument("--only-after", action="store_true")
    arguments = parser.parse_args()
    model = load_default()
    old_images = (
        None
        if arguments.only_after
        else module_at(arguments.before, "bpdraw/images.py", "old_images")
    )
    with open(Path(arguments.set) / "manifest.csv") as file:
        rows = [row for row in csv.DictReader(file) if row["split"] == arguments.split]
    right = defaultdict(lambda: [0, 0, 0])  # before, after, total
    for row in rows:
        tally = right[row["condition"]]
        tally[2] += 1
        for slot, read in ((0, None if old_images is None else read_before), (1, read_after)):
            if read is None:
                continue
            try:
                text = (
                    read(model, old_images, row["path"]) if slot == 0 else read(model, row["path"])
                )
            except NothingDrawn:
                text = "nothing"
            tally[slot] += text == row["label"]
    print(f"{'condition':<16} {'n':>4} {'before':>7} {'after':>7}")
    totals = [0, 0, 0]
    for condition, (before, after, total) in right.items():
        print(f"{condition:<16} {total:>4} {before / total:>7.2f} {after / total:>7.2f}")
        totals = [totals[0] + before, totals[1] + after, totals[2] + total]
    print(f"{'all':<16} {totals[2]:>4} {totals[0] / totals[2]:>7.2f} {totals[1] / totals[2]:>7.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

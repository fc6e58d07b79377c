"""Texts of the command line built from the core's values in the language spoken.

Each function takes the command line's ``translate(context, text)`` (bpdraw.cli.translate);
its literal ``translate("…", "…")`` calls are what pyside6-lupdate collects. No Qt here: only
bpdraw.cli may reach the app's translator.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bpdraw.model import Model
    from bpdraw.strokes_file import StrokesFileError

Translate = Callable[[str, str], str]

# The strokes file problems (bpdraw.strokes_file) said the same way every time.
_NOT_STROKES = "is not an .npz archive of strokes"


def model_description(model: Model, translate: Translate) -> str:
    """`model.describe()` in the language spoken (as the app's Model box says it)."""
    recipe = translate("recipes", str(model.recipe))
    parts = [translate("recipes", "{recipe} recipe").format(recipe=recipe)]
    parts.append("-".join(map(str, model.network.layer_sizes)))
    if model.metadata.get("training_data"):
        data = translate("recipes", str(model.metadata["training_data"]))
        parts.append(translate("recipes", "trained on {data}").format(data=data))
    if model.test_accuracy is not None:
        accuracy = translate("recipes", "test accuracy {accuracy}")
        parts.append(accuracy.format(accuracy=f"{model.test_accuracy:.3f}"))
    parts.append(str(model.metadata.get("created", ""))[:10])
    return translate("recipes", ", ").join(part for part in parts if part)


def strokes_file_problem(error: StrokesFileError, translate: Translate) -> str:
    """A StrokesFileError's message, its problem translated when it is a fixed one."""
    known = {_NOT_STROKES: translate("cli", "is not an .npz archive of strokes")}
    problem = known.get(error.problem, error.problem)
    return translate("cli", "{path}: {problem}").format(path=error.path, problem=problem)

"""The command line's parser: every command, option and help text, in the language spoken
through the `translate(context, text)` that bpdraw.cli passes in (this module imports no Qt)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from bpdraw import __version__
from bpdraw.cli_teach import add_teach_and_inside
from bpdraw.recipes import (
    RECIPES,
    SHIPPED_SETTINGS,
    TRAINING_DATA,
    TRAINING_DATA_NAMES,
    FastConfig,
)

DEFAULT_RECIPE = "classic"
Translate = Callable[[str, str], str]


def build_parser(translate: Translate, run: dict[str, Callable]) -> argparse.ArgumentParser:
    """The parser; `run` holds each command's function by name."""
    parser = argparse.ArgumentParser(
        prog="bpdraw",
        description=translate(
            "cli",
            "Draw a digit and let a NumPy backpropagation network read it. "
            "Run with no arguments to open the app.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"bpdraw {__version__}",
        help=translate("argparse", "show program's version number and exit"),
    )
    commands = parser.add_subparsers(
        title=translate("cli", "commands"), metavar="COMMAND", required=True
    )
    _add_train(commands, translate, run["train"])

    evaluate = commands.add_parser(
        "evaluate",
        help=translate("cli", "evaluate a saved or the shipped model"),
        description=translate(
            "cli",
            "Accuracy, confusion matrix and per-class report of a model on the 450 "
            "test digits, or on pen-drawn strokes through the canvas's conversion.",
        ),
    )
    shipped = translate("cli", "model file (default: shipped)")
    evaluate.add_argument("model", nargs="?", metavar="FILE", help=shipped)
    evaluate.add_argument(
        "--strokes",
        metavar="FILE.npz",
        help=translate(
            "cli", "drawn digits in the dev set's format (points, stroke_ptr, sample_ptr, labels)"
        ),
    )
    evaluate.set_defaults(command=run["evaluate"])

    predict = commands.add_parser(
        "predict",
        help=translate("cli", "read digits from image files"),
        description=translate(
            "cli",
            "Read the handwritten digit, or the digits side by side, in each picture "
            "(PNG, JPEG, GIF, BMP, TIFF or WebP: a photo or scan, any ink on any paper), "
            "or in every picture in a folder. Each line reads "
            "'IMAGE: DIGITS (CONFIDENCE of each)', with 'not sure' when a digit is uncertain.",
        ),
    )
    predict.add_argument(
        "images",
        nargs="+",
        metavar="IMAGE",
        help=translate("cli", "a picture, or a folder of them"),
    )
    predict.add_argument("--model", metavar="FILE", help=shipped)
    predict.set_defaults(command=run["predict"])

    add_teach_and_inside(commands, translate)

    bench = commands.add_parser(
        "bench",
        help=translate("cli", "benchmark the recipes against scikit-learn's MLPClassifier"),
        description=translate(
            "cli",
            "Accuracy over seeds, training time, time to 0.97 test accuracy and "
            "inference latency of classic, fast and MLPClassifier, measured in this run.",
        ),
    )
    bench.add_argument(
        "--seeds", type=int, default=5, help=translate("cli", "seeds 0..N-1 (default 5)")
    )
    bench.add_argument(
        "--devset",
        metavar="FILE.npz",
        help=translate(
            "cli",
            "pen-drawn digits to report accuracy on (default: the pen digits shipped with "
            "bpdraw, which the shipped model was trained on)",
        ),
    )
    bench.add_argument(
        "--app",
        action="store_true",
        help=translate("cli", "also measure app start-up and GUI stalls (Qt)"),
    )
    bench.set_defaults(command=run["bench"])
    return parser


def _add_train(commands, translate: Translate, run: Callable) -> None:
    train = commands.add_parser(
        "train",
        help=translate("cli", "train a network and report its test accuracy"),
        description=translate(
            "cli",
            "Train the 64-100-10 network on load_digits' 1347 training digits and "
            "report accuracy and the confusion matrix on its 450 test digits.",
        ),
    )
    default = translate("cli", "(default {value})")
    summaries = (f"{name}: {translate('recipes', kind.summary)}" for name, kind in RECIPES.items())
    train.add_argument(
        "--recipe",
        choices=list(RECIPES),
        default=None,  # DEFAULT_RECIPE, or fast with --shipped (bpdraw.cli._train)
        help="; ".join(summaries) + " " + default.format(value=DEFAULT_RECIPE),
    )
    train.add_argument(
        "--shipped",
        action="store_true",
        help=translate(
            "cli",
            "start from the shipped model's recipe (fast, {settings}); the other options change it",
        ).format(settings=", ".join(f"{k} {v}" for k, v in SHIPPED_SETTINGS.items())),
    )
    data = (f"{name} ({translate('recipes', TRAINING_DATA_NAMES[name])})" for name in TRAINING_DATA)
    train.add_argument(
        "--data",
        choices=TRAINING_DATA,
        help=translate("cli", "fast recipe only: {choices}").format(choices=", ".join(data))
        + " "
        + default.format(value=_default("training_data", FastConfig)),
    )
    for option, setting, kind, text in (
        ("--hidden", "hidden_units", int, "hidden units"),
        ("--lr", "learning_rate", float, "learning rate"),
    ):
        help_text = translate("recipes", text) + f" ({_defaults(setting, translate)})"
        train.add_argument(option, type=kind, help=help_text)
    length = train.add_mutually_exclusive_group()
    for name, recipe in RECIPES.items():
        setting = recipe.length_setting
        if name == "fast":
            text = translate("cli", "{recipe} recipe: {units} to train at most")
        else:
            text = translate("cli", "{recipe} recipe: {units} to train")
        length.add_argument(
            f"--{setting}",
            type=int,
            help=text.format(recipe=name, units=translate("recipes", setting))
            + " "
            + default.format(value=_default(setting, recipe)),
        )
    train.add_argument(
        "--seed",
        type=int,
        help=translate("cli", "seed of the split and the weights")
        + f" ({_defaults('seed', translate)})",
    )
    train.add_argument(
        "-o",
        "--output",
        metavar="FILE.npz",
        help=translate("cli", "save the trained model (checked before training)"),
    )
    train.set_defaults(command=run)


def _default(setting: str, kind: type) -> object:
    """The default value of ``setting`` in the config class ``kind``."""
    return kind.__dataclass_fields__[setting].default


def _defaults(setting: str, translate: Translate) -> str:
    """ "default classic 0.11, fast 0.02", or "default 0" when every recipe agrees."""
    values = {name: _default(setting, kind) for name, kind in RECIPES.items()}
    default = translate("cli", "default {value}")
    if len(set(values.values())) == 1:
        return default.format(value=next(iter(values.values())))
    return default.format(value=", ".join(f"{name} {value}" for name, value in values.items()))

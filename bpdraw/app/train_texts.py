"""Texts of the Train tab and of the core shown in it, in the language now spoken.

The core (bpdraw.recipes, bpdraw.divergence) cannot import Qt, so its English texts are
listed here for pyside6-lupdate (context "recipes") and translated when shown:
`recipe_text` for titles, summaries and setting names, `error_text` for a refused setting
(`SettingError`'s template and values) or a run that diverged. The command line loads the
same catalogue, so these entries serve it too, with argparse's own words (context
"argparse").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bpdraw.app.i18n import format_number
from bpdraw.recipes import SettingError
from bpdraw.texts import model_description

if TYPE_CHECKING:
    from bpdraw.model import Model
    from bpdraw.recipes import Config

# bpdraw.recipes' texts (English sources, shown through recipe_text).
RECIPE_TEXTS = (
    QT_TRANSLATE_NOOP("recipes", "classic (the course)"),
    QT_TRANSLATE_NOOP(
        "recipes",
        "the course's per-sample gradient descent with sigmoid outputs: "
        "slow, but every step is the textbook formula",
    ),
    QT_TRANSLATE_NOOP("recipes", "fast (Adam, softmax)"),
    QT_TRANSLATE_NOOP(
        "recipes",
        "Adam on mini-batches with softmax outputs and distorted copies: "
        "higher accuracy in a few seconds; the shipped model's recipe",
    ),
    QT_TRANSLATE_NOOP("recipes", "classic"),  # the recipes' short names
    QT_TRANSLATE_NOOP("recipes", "fast"),
    QT_TRANSLATE_NOOP("recipes", "load_digits"),
    QT_TRANSLATE_NOOP("recipes", "load_digits + pen digits (14 + 40 writers)"),
    # setting names, as the configs' checks name them
    QT_TRANSLATE_NOOP("recipes", "hidden units"),
    QT_TRANSLATE_NOOP("recipes", "learning rate"),
    QT_TRANSLATE_NOOP("recipes", "steps"),
    QT_TRANSLATE_NOOP("recipes", "epochs"),
    QT_TRANSLATE_NOOP("recipes", "seed"),
    QT_TRANSLATE_NOOP("recipes", "batch size"),
    QT_TRANSLATE_NOOP("recipes", "weight decay"),
    QT_TRANSLATE_NOOP("recipes", "validation fraction"),
    QT_TRANSLATE_NOOP("recipes", "patience"),
    QT_TRANSLATE_NOOP("recipes", "digit copies"),
    QT_TRANSLATE_NOOP("recipes", "plain epochs"),
    QT_TRANSLATE_NOOP("recipes", "pen copies"),
    QT_TRANSLATE_NOOP("recipes", "training data"),
    # SettingError templates
    QT_TRANSLATE_NOOP("recipes", "{name} must be a whole number, not {value}"),
    QT_TRANSLATE_NOOP("recipes", "{name} must be between {low} and {high}, not {value}"),
    QT_TRANSLATE_NOOP("recipes", "{name} must be a number, not {value}"),
    QT_TRANSLATE_NOOP("recipes", "{name} must be greater than {low} and at most {high}, not {value}"),  # noqa: E501
    QT_TRANSLATE_NOOP("recipes", "{name} must be at least {low} and at most {high}, not {value}"),
    QT_TRANSLATE_NOOP("recipes", "training data must be one of {choices}, not {value}"),
    QT_TRANSLATE_NOOP("recipes", "recipe must be one of {choices}, not {value}"),
    QT_TRANSLATE_NOOP("recipes", "the {recipe} recipe has no setting {names}"),
    QT_TRANSLATE_NOOP("recipes", "learning rate must be a number like 0.11, not {value}"),
)  # fmt: skip

# argparse's own words, for the command line's help (English sources; context "argparse").
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
)

# The recipe form's names (context "RecipeForm"): presets by key, rows by setting.
PRESET_NAMES = {  # English sources, shown through RecipeForm.tr()
    "model": QT_TRANSLATE_NOOP("RecipeForm", "Shipped model's recipe"),
    "classic": QT_TRANSLATE_NOOP("RecipeForm", "The course (classic)"),
    "custom": QT_TRANSLATE_NOOP("RecipeForm", "Custom"),
}
IN_USE_PRESET_NAME = QT_TRANSLATE_NOOP("RecipeForm", "The model in use's recipe")
ROW_NAMES = {
    "preset": QT_TRANSLATE_NOOP("RecipeForm", "Preset"),
    "recipe": QT_TRANSLATE_NOOP("RecipeForm", "Recipe"),
    "training_data": QT_TRANSLATE_NOOP("RecipeForm", "Training data"),
    "hidden_units": QT_TRANSLATE_NOOP("RecipeForm", "Hidden units"),
    "learning_rate": QT_TRANSLATE_NOOP("RecipeForm", "Learning rate"),
    "steps": QT_TRANSLATE_NOOP("RecipeForm", "Steps"),
    "epochs": QT_TRANSLATE_NOOP("RecipeForm", "Epochs"),
    "seed": QT_TRANSLATE_NOOP("RecipeForm", "Seed"),
}

# The command line's words that reach it as values (context "cli").
CLI_TEXTS = (
    QT_TRANSLATE_NOOP("cli", "step"),
    QT_TRANSLATE_NOOP("cli", "epoch"),
    QT_TRANSLATE_NOOP("cli", "digit"),
    QT_TRANSLATE_NOOP("cli", "precision"),
    QT_TRANSLATE_NOOP("cli", "recall"),
    QT_TRANSLATE_NOOP("cli", "digits"),
)

# The live plot's texts (bpdraw.app.plots shows them; context "LivePlot").
LIVE_PLOT_TEXTS = (
    QT_TRANSLATE_NOOP("LivePlot", "Predicted digit"),
    QT_TRANSLATE_NOOP("LivePlot", "True digit"),
    QT_TRANSLATE_NOOP("LivePlot", "Loss (training digits, log)"),
    QT_TRANSLATE_NOOP("LivePlot", "Accuracy"),
    QT_TRANSLATE_NOOP("LivePlot", "steps"),
    QT_TRANSLATE_NOOP("LivePlot", "epochs"),
    QT_TRANSLATE_NOOP("LivePlot", "steps or epochs"),
    QT_TRANSLATE_NOOP("LivePlot", " distorted copies\n join: loss rises"),
    QT_TRANSLATE_NOOP("LivePlot", "training digits"),
    QT_TRANSLATE_NOOP("LivePlot", "previous run (faint)"),
)

# What each field of the recipe form does (shown under it; context "RecipeForm").
HELP = {
    "preset": QT_TRANSLATE_NOOP(
        "RecipeForm", "A preset fills in every setting below; change any of them to experiment."
    ),
    "hidden_units": QT_TRANSLATE_NOOP(
        "RecipeForm",
        "How many units sit between the 64 pixels and the 10 digits. More can "
        "learn more shapes but train slower.",
    ),
    "learning_rate": QT_TRANSLATE_NOOP(
        "RecipeForm",
        "How big a step each correction takes. Too big and the loss jumps "
        "around or explodes; too small and learning crawls.",
    ),
    "steps": QT_TRANSLATE_NOOP(
        "RecipeForm", "Each step shows the network one training digit and corrects it once."
    ),
    "epochs": QT_TRANSLATE_NOOP(
        "RecipeForm",
        "An epoch shows the network every training digit once. It may stop sooner "
        "when the validation digits stop improving.",
    ),
    "seed": QT_TRANSLATE_NOOP(
        "RecipeForm", "Picks the random start and order: the same seed gives the same model."
    ),
    "data_fast": QT_TRANSLATE_NOOP(
        "RecipeForm",
        "load_digits: 1,347 scanned digits. Pen digits add people's pen strokes "
        "rendered like your drawings, so drawn digits are read better.",
    ),
    "data_classic": QT_TRANSLATE_NOOP(
        "RecipeForm",
        "Greyed out: the classic recipe trains on load_digits only, as the course did.",
    ),
}

# Why a run failed, as the training worker says it in English (context "TrainingWorker").
NO_MODEL = QT_TRANSLATE_NOOP("TrainingWorker", "Training ended without producing a model.")
BAD_SETTINGS = QT_TRANSLATE_NOOP("TrainingWorker", "Bad training settings: {error}")
UNEXPECTED = QT_TRANSLATE_NOOP("TrainingWorker", "Training failed unexpectedly: {error}")

DIVERGED = re.compile(
    r"Training diverged: the loss (?P<what>.+?) instead of falling\. The learning rate "
    r"(?P<rate>\S+) is too large for the (?P<recipe>\w+) recipe; try (?P<default>\S+)\."
)
LOSS_WHAT = (
    (re.compile(r"became infinite or NaN"), QT_TRANSLATE_NOOP("recipes", "became infinite or NaN")),
    (re.compile(r"grew to (?P<loss>\S+)"), QT_TRANSLATE_NOOP("recipes", "grew to {loss}")),
    (
        re.compile(r"stuck at (?P<loss>\S+) with its units saturated"),
        QT_TRANSLATE_NOOP("recipes", "stuck at {loss} with its units saturated"),
    ),
)  # fmt: skip


def recipe_text(text: str) -> str:
    """A text of bpdraw.recipes (a title, a summary, a setting's name) in the language spoken."""
    return QCoreApplication.translate("recipes", text)


def sentence(text: str) -> str:
    """`text` with a capital first letter and a full stop (。 when it is Chinese)."""
    text = text.strip()
    if not text:
        return text
    end = "。" if any("\u4e00" <= character <= "\u9fff" for character in text) else "."
    return text[:1].upper() + text[1:] + ("" if text[-1] in ".。" else end)


def error_text(error: BaseException) -> str:
    """Why the core refused a setting or stopped a run, in the language spoken."""
    if isinstance(error, SettingError):
        values = dict(error.values)
        if "name" in values:
            values["name"] = recipe_text(values["name"])
        return recipe_text(error.template).format(**values)
    return diverged_text(str(error))


def diverged_text(message: str) -> str:
    """bpdraw.divergence's message in the language spoken (any other message as it is)."""
    match = DIVERGED.fullmatch(message.strip())
    if match is None:
        return message
    what = match["what"]
    for pattern, template in LOSS_WHAT:
        found = pattern.fullmatch(what)
        if found is not None:
            what = recipe_text(template).format(**found.groupdict())
            break
    return QCoreApplication.translate(
        "recipes",
        "Training diverged: the loss {what} instead of falling. The learning rate {rate} is "
        "too large for the {recipe} recipe; try {default}.",
    ).format(
        what=what, rate=match["rate"], recipe=recipe_text(match["recipe"]), default=match["default"]
    )


def failure_text(message: str) -> str:
    """Why a run failed (the training worker's English message) in the language spoken."""
    for template in (BAD_SETTINGS, UNEXPECTED):
        prefix = template.split("{")[0]
        if message.startswith(prefix):
            error = message[len(prefix) :]
            return QCoreApplication.translate("TrainingWorker", template).format(error=error)
    if DIVERGED.fullmatch(message.strip()):
        return diverged_text(message)
    return QCoreApplication.translate("TrainingWorker", message)


def model_text(model: Model) -> str:
    """`model.describe()` in the language spoken: recipe, shape, data, test accuracy, date
    (bpdraw.texts.model_description, the words `bpdraw` prints)."""
    return model_description(model, QCoreApplication.translate)


def length_name(config: Config | type) -> str:
    """ "steps" or "epochs" in the language spoken."""
    return recipe_text(config.length_setting)


def training_line(config: Config) -> str:
    """The status line while `config` trains."""
    return QCoreApplication.translate(
        "TrainTab",
        "Training the {recipe} recipe: 64-{hidden}-10, {length} {units}, learning rate {rate}, "
        "seed {seed}…",
    ).format(
        recipe=recipe_text(config.recipe),
        hidden=config.hidden_units,
        length=format_number(config.length),
        units=length_name(config),
        rate=f"{config.learning_rate:g}",
        seed=config.seed,
    )


def preparing_text(config: Config, prepared: int, steps: int, left: str) -> str:
    """The progress bar's text while the training data is being made."""
    if config.training_data == "digits+pen":
        text = QCoreApplication.translate("TrainTab", "Preparing the pen digits{counted}…{left}")
    else:
        text = QCoreApplication.translate("TrainTab", "Preparing the digits{counted}…{left}")
    counted = f" ({prepared}/{steps})" if steps else ""
    return text.format(counted=counted, left=left)


def time_left(seconds: float | None, format_seconds) -> str:
    """ "  ·  about 12 s left" (or nothing when unknown)."""
    if seconds is None:
        return ""
    return QCoreApplication.translate("TrainTab", "  ·  about {time} left").format(
        time=format_seconds(seconds)
    )


def cancelled_message() -> str:
    return QCoreApplication.translate(
        "TrainTab", "Training cancelled — still using the previous model."
    )


def idle_message() -> str:
    return QCoreApplication.translate(
        "TrainTab",
        "Retrain trains a new network with these settings. You then see it beside the "
        "model in use and choose which to keep.",
    )


def failed_message(message: str) -> str:
    return QCoreApplication.translate(
        "TrainTab", "{message}\nStill using the previous model."
    ).format(message=failure_text(message))


def stopped_mark(message: str) -> str:
    """The note on the loss plot where a failed run stopped."""
    first = re.split(r"[.。]", failure_text(message))[0][:60]
    return QCoreApplication.translate("TrainTab", "stopped here: {reason}").format(reason=first)

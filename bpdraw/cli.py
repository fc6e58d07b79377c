"""bpdraw's command line: no arguments opens the app; train, evaluate, predict, teach, inside
and bench."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import numpy as np

from bpdraw import __version__
from bpdraw.cli_teach import add_teach_and_inside
from bpdraw.recipes import RECIPES, TRAINING_DATA, TRAINING_DATA_NAMES, FastConfig

BAR_WIDTH = 10
LINE_WIDTH = 79  # a progress line fits an 80-column terminal
DEFAULT_RECIPE = "classic"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        if not _display_available():
            return _refuse(
                "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). "
                "Run bpdraw in a desktop session, or use its commands: bpdraw --help"
            )
        from bpdraw.app.main_window import run

        return run([sys.argv[0]])
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.command(arguments)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
        return 0


def _display_available() -> bool:
    """On Linux, Qt needs an X11 or Wayland display unless a platform such as offscreen
    is chosen; without one it aborts with a long plugin error, so say it plainly first."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bpdraw",
        description="Draw a digit and let a NumPy backpropagation network read it. "
        "Run with no arguments to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"bpdraw {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    train = commands.add_parser(
        "train",
        help="train a network and report its test accuracy",
        description="Train the 64-100-10 network on load_digits' 1347 training digits and "
        "report accuracy and the confusion matrix on its 450 test digits.",
    )
    train.add_argument(
        "--recipe",
        choices=list(RECIPES),
        default=DEFAULT_RECIPE,
        help="; ".join(f"{name}: {kind.summary}" for name, kind in RECIPES.items())
        + f" (default {DEFAULT_RECIPE})",
    )
    train.add_argument(
        "--data",
        choices=TRAINING_DATA,
        help="fast recipe only: "
        + ", ".join(f"{name} ({TRAINING_DATA_NAMES[name]})" for name in TRAINING_DATA)
        + f" (default {_default('training_data', FastConfig)})",
    )
    train.add_argument("--hidden", type=int, help=f"hidden units ({_defaults('hidden_units')})")
    train.add_argument("--lr", type=float, help=f"learning rate ({_defaults('learning_rate')})")
    length = train.add_mutually_exclusive_group()
    for name, kind in RECIPES.items():
        setting = kind.length_setting
        length.add_argument(
            f"--{setting}",
            type=int,
            help=f"{name} recipe: {kind().unit}s to train"
            + (" at most" if name == "fast" else "")
            + f" (default {_default(setting, kind)})",
        )
    train.add_argument(
        "--seed", type=int, help=f"seed of the split and the weights ({_defaults('seed')})"
    )
    train.add_argument(
        "-o",
        "--output",
        metavar="FILE.npz",
        help="save the trained model (checked before training)",
    )
    train.set_defaults(command=_train)

    evaluate = commands.add_parser(
        "evaluate",
        help="evaluate a saved or the shipped model",
        description="Accuracy, confusion matrix and per-class report of a model on the 450 "
        "test digits, or on pen-drawn strokes through the canvas's conversion.",
    )
    evaluate.add_argument("model", nargs="?", metavar="FILE", help="model file (default: shipped)")
    evaluate.add_argument(
        "--strokes",
        metavar="FILE.npz",
        help="drawn digits in the dev set's format (points, stroke_ptr, sample_ptr, labels)",
    )
    evaluate.set_defaults(command=_evaluate)

    predict = commands.add_parser(
        "predict",
        help="read digits from image files",
        description="Read the handwritten digit, or the digits side by side, in each PNG or "
        "JPEG image (a photo or scan, any ink on any paper). Each line reads "
        "'IMAGE: DIGITS (CONFIDENCE of each)', with 'not sure' when a digit is uncertain.",
    )
    predict.add_argument("images", nargs="+", metavar="IMAGE")
    predict.add_argument("--model", metavar="FILE", help="model file (default: shipped)")
    predict.set_defaults(command=_predict)

    add_teach_and_inside(commands)

    bench = commands.add_parser(
        "bench",
        help="benchmark the recipes against scikit-learn's MLPClassifier",
        description="Accuracy over seeds, training time, time to 0.97 test accuracy and "
        "inference latency of classic, fast and MLPClassifier, measured in this run.",
    )
    bench.add_argument("--seeds", type=int, default=5, help="seeds 0..N-1 (default 5)")
    bench.add_argument(
        "--devset",
        metavar="FILE.npz",
        help="pen-drawn digits to report accuracy on (default: the pen digits shipped with "
        "bpdraw, which the shipped model was trained on)",
    )
    bench.add_argument(
        "--app", action="store_true", help="also measure app start-up and GUI stalls (Qt)"
    )
    bench.set_defaults(command=_bench)
    return parser


def _default(setting: str, kind: type) -> object:
    """The default value of ``setting`` in the config class ``kind``."""
    return kind.__dataclass_fields__[setting].default


def _defaults(setting: str) -> str:
    """ "default classic 0.11, fast 0.015", or "default 0" when every recipe agrees."""
    values = {name: _default(setting, kind) for name, kind in RECIPES.items()}
    if len(set(values.values())) == 1:
        return f"default {next(iter(values.values()))}"
    return "default " + ", ".join(f"{name} {value}" for name, value in values.items())


# -- train ---------------------------------------------------------------------------------
def _train(arguments) -> int:
    from bpdraw.evaluate import evaluate_on_test
    from bpdraw.training import Finished, TrainingDiverged, config_from_settings, train

    recipe, kind = arguments.recipe, RECIPES[arguments.recipe]
    settings: dict = {}
    for option, setting in (("seed", "seed"), ("hidden", "hidden_units"), ("lr", "learning_rate")):
        if getattr(arguments, option) is not None:
            settings[setting] = getattr(arguments, option)
    for name, other in RECIPES.items():
        value = getattr(arguments, other.length_setting)
        if value is None:
            continue
        if other.length_setting != kind.length_setting:
            return _refuse(
                f"--{other.length_setting} is for the {name} recipe; "
                f"the {recipe} recipe counts --{kind.length_setting}"
            )
        settings[kind.length_setting] = value
    if arguments.data is not None:
        if "training_data" in _settings_of(kind):
            settings["training_data"] = arguments.data
        elif arguments.data != kind().training_data:
            return _refuse(
                f"--data is for the fast recipe; the {recipe} recipe uses "
                f"{TRAINING_DATA_NAMES[kind().training_data]}"
            )
    try:
        config = config_from_settings(arguments.recipe, **settings)
    except ValueError as error:
        return _refuse(str(error))
    if arguments.output is not None and _unsavable(arguments.output):
        return 2

    print(f"training: {arguments.recipe} recipe, {_settings_text(config)}")
    finished = None
    try:
        for event in train(config):
            if isinstance(event, Finished):
                finished = event
            else:
                _show_progress(event)
    except TrainingDiverged as error:
        print(file=sys.stderr)
        return _refuse(str(error))
    print()
    model = finished.model
    evaluation, _ = evaluate_on_test(model)
    print(f"trained in {finished.elapsed:.2f} s")
    print(f"test accuracy: {evaluation.accuracy:.4f} on {len(evaluation.labels)} test digits")
    print()
    print(_confusion_text(evaluation.confusion))
    print()
    print(evaluation.report)
    if arguments.output is None:
        print(
            "not saved: to keep the model, run the same command again with -o FILE.npz "
            "(the same settings and seed give the same model)"
        )
        return 0
    if _save(model, arguments.output):
        return 2
    print(f"saved to {arguments.output}")
    return 0


def _unsavable(path: str) -> bool:
    """True (and the reason printed) when a model cannot be saved to ``path``: checked
    before a run, so a wrong folder or name costs nothing."""
    from bpdraw.model import check_save_target

    try:
        check_save_target(path)
    except OSError as error:
        _refuse(
            f"cannot save a model to {path!r}: {error.strerror or error}. "
            "Give -o a file name in an existing folder you can write to, such as mine.npz"
        )
        return True
    return False


def _save(model, path: str) -> bool:
    """Save ``model``; True (and the reason printed) when that failed."""
    try:
        model.save(path)
    except OSError as error:
        _refuse(f"cannot save to {path}: {error.strerror or error}")
        return True
    return False


def _settings_of(kind: type) -> set[str]:
    """The settings a config class takes."""
    return {name for name, f in kind.__dataclass_fields__.items() if f.init}


def _settings_text(config) -> str:
    from dataclasses import asdict

    return ", ".join(
        f"{k.replace('_', ' ')} {v}" for k, v in asdict(config).items() if k != "recipe"
    )


def _show_progress(event) -> None:
    """A bar redrawn in place on a terminal; a line every tenth of the run otherwise."""
    interactive = sys.stdout.isatty()
    if event.preparing:
        if interactive:
            sys.stdout.write("\r" + _preparing_line(event))
            sys.stdout.flush()
        return
    if not interactive and int(10 * event.done / event.total) == int(
        10 * (event.done - 1) / event.total
    ):
        return
    line = _progress_line(event)
    sys.stdout.write("\r" + line if interactive else line.rstrip() + "\n")
    sys.stdout.flush()


def _preparing_line(event) -> str:
    """The line shown while the training data is made, at most LINE_WIDTH characters."""
    remaining = event.remaining
    left = f", ~{_duration(remaining)} left in all" if remaining is not None else ""
    line = (
        f"preparing the training data {event.prepared}/{event.preparation_steps} "
        f"({_duration(event.elapsed)}{left})"
    )
    return line[:LINE_WIDTH].ljust(LINE_WIDTH)


def _progress_line(event) -> str:
    """One line of at most LINE_WIDTH characters: bar, share, loss, accuracies, time left."""
    validation = (
        f" val {event.validation_accuracy:.3f}" if event.validation_accuracy is not None else ""
    )
    remaining = event.remaining
    left = f"~{_duration(remaining)} left" if remaining else _duration(event.elapsed)
    filled = round(BAR_WIDTH * event.fraction)
    bar = "█" * filled + "·" * (BAR_WIDTH - filled)
    line = (
        f"{bar} {event.fraction:4.0%} {event.unit} {event.done:,}/{event.total:,} "
        f"loss {event.loss:.4f} train {event.train_accuracy:.3f}{validation} {left}"
    )
    return line[:LINE_WIDTH].ljust(LINE_WIDTH)  # padded: it overwrites a longer line


def _duration(seconds: float) -> str:
    """12.3 s, 1 min 14 s."""
    if seconds < 60:
        return f"{seconds:.1f} s" if seconds < 10 else f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"


def _confusion_text(confusion: np.ndarray) -> str:
    header = "true\\pred " + " ".join(f"{digit:>4}" for digit in range(len(confusion)))
    rows = [header]
    for digit, row in enumerate(confusion):
        rows.append(f"{digit:>9} " + " ".join(f"{count:>4}" for count in row))
    return "\n".join(rows)


# -- evaluate / predict --------------------------------------------------------------------
def _load_model(path: str | None):
    from bpdraw.model import ModelFileError, load, load_default

    try:
        return load(path) if path else load_default()
    except ModelFileError as error:
        print(f"bpdraw: {error}", file=sys.stderr)
        return None


def _evaluate(arguments) -> int:
    from bpdraw.evaluate import evaluate, evaluate_on_test

    model = _load_model(arguments.model)
    if model is None:
        return 2
    print(f"model: {model.describe()}")
    if arguments.strokes:
        from bpdraw.augment import render
        from bpdraw.strokes_file import StrokesFileError, read_strokes_file

        try:
            drawings, labels = read_strokes_file(arguments.strokes)
        except StrokesFileError as error:
            return _refuse(str(error))
        if not len(labels):
            return _refuse(f"{arguments.strokes} holds no drawings")
        digits, drawn = render(drawings)  # the canvas's conversion, many drawings at once
        if not drawn.any():
            return _refuse(f"{arguments.strokes}: every drawing reads as nothing drawn")
        evaluation = evaluate(model, digits[drawn], labels[drawn])
        correct = int((evaluation.predictions == evaluation.labels).sum())
        print(
            f"strokes: {len(labels)} drawings from {arguments.strokes}, "
            f"{int((~drawn).sum())} read as nothing drawn (counted wrong)"
        )
        print(f"accuracy: {correct / len(labels):.4f} through the canvas's conversion")
    else:
        evaluation, _ = evaluate_on_test(model)
        print(f"test accuracy: {evaluation.accuracy:.4f} on {len(evaluation.labels)} test digits")
    print()
    print(_confusion_text(evaluation.confusion))
    print()
    print(evaluation.report)
    return 0


def _predict(arguments) -> int:
    from bpdraw.images import NothingDrawn, UnreadableImage
    from bpdraw.numbers import read_picture

    model = _load_model(arguments.model)
    if model is None:
        return 2
    status = 0
    for path in arguments.images:
        if not os.path.isfile(path):
            print(f"{path}: no such file", file=sys.stderr)
            status = 2
            continue
        try:
            number = read_picture(model, path)
        except NothingDrawn:
            print(f"{path}: nothing drawn (the image looks blank)")
            continue
        except UnreadableImage as error:
            print(f"{path}: cannot read this image: {error.problem}", file=sys.stderr)
            status = 2
            continue
        except (ValueError, OSError) as error:
            print(f"{path}: cannot read this image: {error}", file=sys.stderr)
            status = 2
            continue
        shares = ", ".join(f"{confidence:.0%}" for confidence in number.confidences)
        line = f"{path}: {number.text} ({shares})" + (" not sure" if number.not_sure else "")
        if len(number.readings) == 1:
            probabilities = number.readings[0].probabilities
            line += "   " + "  ".join(f"{d}:{p:.2f}" for d, p in enumerate(probabilities))
        print(line)
    return status


def _bench(arguments) -> int:
    from bpdraw.bench import run_bench

    if arguments.seeds < 1:
        return _refuse("--seeds must be at least 1")
    print_app_figures = None
    if arguments.app:  # checked first, not after minutes of measuring
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            from bpdraw.app.bench import print_app_figures
        except ImportError as error:
            return _refuse(
                f"cannot measure the app ({error}); --app needs the app's benchmarks "
                "(bpdraw.app.bench) and PySide6"
            )
    run_bench(seeds=arguments.seeds, devset=arguments.devset)
    if print_app_figures is not None:
        print_app_figures()
    return 0


def _refuse(message: str) -> int:
    print(f"bpdraw: {message}", file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

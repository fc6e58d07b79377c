"""bpdraw's command line: no arguments opens the app; train, evaluate, predict, teach, inside
and bench."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Sequence

from bpdraw.cli_common import english as _english
from bpdraw.cli_common import load_model as _load_model
from bpdraw.cli_common import picture_error_reason
from bpdraw.cli_common import refuse as _refuse
from bpdraw.cli_common import save as _save
from bpdraw.cli_common import unsavable as _unsavable
from bpdraw.cli_lines import confusion_text, digit_table_lines, preparing_line, progress_line
from bpdraw.cli_parser import DEFAULT_RECIPE, build_parser
from bpdraw.recipes import RECIPES, SHIPPED_SETTINGS, TRAINING_DATA_NAMES

LANGUAGE_VARIABLE = "BPDRAW_LANG"  # as bpdraw.app.i18n reads it


def translate(context: str, text: str) -> str:
    """``text`` in the language bpdraw speaks (BPDRAW_LANG, else the app's kept choice, else
    the system locale), from the app's .qm. Qt is imported only when Chinese may be wanted;
    without PySide6 the command line speaks English."""
    return _translator()(context, text)


def speaks_english() -> bool:
    """True when the command line speaks English (no translator is in use)."""
    return _translator() is _english


@functools.cache
def _translator() -> Callable[[str, str], str]:
    if not _may_want_chinese():
        return _english
    try:
        from bpdraw.app.i18n import command_line_translate
    except ImportError:
        return _english
    return command_line_translate()


def _may_want_chinese() -> bool:
    """False when English is certain without asking Qt (kept fast: no Qt import)."""
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    if chosen:
        return chosen.startswith("zh")
    if not sys.platform.startswith("linux"):
        return True  # the system locale and kept choice are Qt's to read
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if os.environ.get(name, "").lower().startswith("zh"):
            return True
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    try:
        with open(os.path.join(config, "bpdraw", "bpdraw.conf"), encoding="utf-8") as kept:
            return "language=zh" in kept.read()
    except OSError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        if not _display_available():
            return _refuse(
                translate(
                    "cli",
                    "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). "
                    "Run bpdraw in a desktop session, or use its commands: bpdraw --help",
                )
            )
        from bpdraw.app.main_window import run

        return run([sys.argv[0]])
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.command(arguments)
    except KeyboardInterrupt:
        print("\n" + translate("cli", "interrupted"), file=sys.stderr)
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
    if not speaks_english():  # argparse's own words (usage, options) too
        argparse._ = functools.partial(translate, "argparse")
    commands = {"train": _train, "evaluate": _evaluate, "predict": _predict, "bench": _bench}
    return build_parser(translate, commands)


# -- train ---------------------------------------------------------------------------------
def _train(arguments) -> int:
    from bpdraw.evaluate import evaluate_on_test
    from bpdraw.training import Finished, TrainingDiverged, config_from_settings, train

    if arguments.shipped and arguments.recipe not in (None, "fast"):
        shipped = translate("cli", "--shipped is the fast recipe's; leave out --recipe {recipe}")
        return _refuse(shipped.format(recipe=arguments.recipe))
    arguments.recipe = arguments.recipe or ("fast" if arguments.shipped else DEFAULT_RECIPE)
    recipe, kind = arguments.recipe, RECIPES[arguments.recipe]
    settings: dict = dict(SHIPPED_SETTINGS) if arguments.shipped else {}
    for option, setting in (("seed", "seed"), ("hidden", "hidden_units"), ("lr", "learning_rate")):
        if getattr(arguments, option) is not None:
            settings[setting] = getattr(arguments, option)
    for name, other in RECIPES.items():
        value = getattr(arguments, other.length_setting)
        if value is None:
            continue
        if other.length_setting != kind.length_setting:
            return _refuse(
                translate("cli", "--{option} is for the {other} recipe; the {recipe} recipe "
                          "counts --{length}").format(
                    option=other.length_setting, other=name, recipe=recipe,
                    length=kind.length_setting,
                )
            )  # fmt: skip
        settings[kind.length_setting] = value
    if arguments.data is not None:
        if "training_data" in _settings_of(kind):
            settings["training_data"] = arguments.data
        elif arguments.data != kind().training_data:
            uses = translate(
                "cli", "--data is for the fast recipe; the {recipe} recipe uses {data}"
            )
            data = translate("recipes", TRAINING_DATA_NAMES[kind().training_data])
            return _refuse(uses.format(recipe=recipe, data=data))
    try:
        config = config_from_settings(arguments.recipe, **settings)
    except ValueError as error:
        return _refuse(_error_text(error))
    if arguments.output is not None and _unsavable(arguments.output, translate):
        return 2

    training = translate("cli", "training: {recipe} recipe, {settings}")
    print(training.format(recipe=arguments.recipe, settings=_settings_text(config)))
    finished = None
    try:
        for event in train(config):
            if isinstance(event, Finished):
                finished = event
            else:
                _show_progress(event)
    except TrainingDiverged as error:
        from bpdraw.texts import diverged_message

        print(file=sys.stderr)
        return _refuse(diverged_message(str(error), translate))
    print()
    model = finished.model
    evaluation, _ = evaluate_on_test(model)
    print(translate("cli", "trained in {seconds} s").format(seconds=f"{finished.elapsed:.2f}"))
    _print_scores(evaluation)
    if arguments.output is None:
        print(
            translate(
                "cli",
                "not saved: to keep the model, run the same command again with -o FILE.npz "
                "(the same settings and seed give the same model)",
            )
        )
        return 0
    if _save(model, arguments.output, translate):
        return 2
    print(translate("cli", "saved to {path}").format(path=arguments.output))
    return 0


def _settings_of(kind: type) -> set[str]:
    """The settings a config class takes."""
    return {name for name, f in kind.__dataclass_fields__.items() if f.init}


def _print_scores(evaluation, accuracy_line: str | None = None) -> None:
    """Accuracy (test digits', or `accuracy_line`), confusion matrix, per-digit report."""
    if accuracy_line is None:
        # "test accuracy: 0.9622" stays in every language: scripts read it
        accuracy_line = f"test accuracy: {evaluation.accuracy:.4f} " + translate(
            "cli", "on {count} test digits"
        ).format(count=len(evaluation.labels))
    print(accuracy_line)
    print()
    print(confusion_text(evaluation.confusion, translate))
    print()
    if speaks_english():
        print(evaluation.report)
        return
    for line in digit_table_lines(evaluation, translate):
        print(line)
    print()


def _settings_text(config) -> str:
    from dataclasses import asdict

    return ", ".join(
        f"{translate('recipes', k.replace('_', ' '))} {v}"
        for k, v in asdict(config).items()
        if k != "recipe"
    )


def _error_text(error: ValueError) -> str:
    """A refused setting's message in the language spoken (its template translated)."""
    template, values = getattr(error, "template", None), dict(getattr(error, "values", {}))
    if template is None:
        return str(error)
    if "name" in values:
        values["name"] = translate("recipes", values["name"])
    return translate("recipes", template).format(**values)


def _preparing_line(event) -> str:
    """bpdraw.cli_lines' line shown while the training data is made, in the language spoken."""
    return preparing_line(event, translate)


def _progress_line(event) -> str:
    """bpdraw.cli_lines' progress line of a training run, in the language spoken."""
    return progress_line(event, translate)


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


# -- evaluate / predict --------------------------------------------------------------------
def _evaluate(arguments) -> int:
    from bpdraw.evaluate import evaluate, evaluate_on_test

    model = _load_model(arguments.model, translate)
    if model is None:
        return 2
    from bpdraw.texts import model_description, strokes_file_problem

    print(translate("cli", "model: {model}").format(model=model_description(model, translate)))
    accuracy_line = None  # the test digits'
    if arguments.strokes:
        from bpdraw.augment import render
        from bpdraw.strokes_file import StrokesFileError, read_strokes_file

        try:
            drawings, labels = read_strokes_file(arguments.strokes)
        except StrokesFileError as error:
            return _refuse(strokes_file_problem(error, translate))
        if not len(labels):
            return _refuse(
                translate("cli", "{path} holds no drawings").format(path=arguments.strokes)
            )
        digits, drawn = render(drawings)  # the canvas's conversion, many drawings at once
        if not drawn.any():
            nothing = translate("cli", "{path}: every drawing reads as nothing drawn")
            return _refuse(nothing.format(path=arguments.strokes))
        evaluation = evaluate(model, digits[drawn], labels[drawn])
        correct = int((evaluation.predictions == evaluation.labels).sum())
        strokes = translate(
            "cli",
            "strokes: {count} drawings from {path}, {blank} read as nothing drawn (counted wrong)",
        )
        print(strokes.format(count=len(labels), path=arguments.strokes, blank=int((~drawn).sum())))
        # "accuracy: 0.9500" stays in every language: scripts read it
        accuracy_line = f"accuracy: {correct / len(labels):.4f} " + translate(
            "cli", "through the canvas's conversion"
        )
    else:
        evaluation, _ = evaluate_on_test(model)
    _print_scores(evaluation, accuracy_line)
    return 0


def _predict(arguments) -> int:
    from bpdraw.images import NothingDrawn
    from bpdraw.picture_reading import read_picture

    model = _load_model(arguments.model, translate)
    if model is None:
        return 2
    status = 0
    for path in _pictures_named(arguments.images):
        if not os.path.isfile(path):
            missing = translate("cli", "{path}: no such file")
            if os.path.isdir(path):
                missing = translate("cli", "{path}: a folder with no pictures in it")
            print(missing.format(path=path), file=sys.stderr)
            status = 2
            continue
        try:
            number = read_picture(model, path)
        except NothingDrawn:
            print(
                translate("cli", "{path}: nothing drawn (the image looks blank)").format(path=path)
            )
            continue
        except (ValueError, OSError) as error:  # UnreadableImage is a ValueError
            problem = translate("cli", "{path}: cannot read this image: {problem}")
            reason = picture_error_reason(error, translate)
            print(problem.format(path=path, problem=reason), file=sys.stderr)
            status = 2
            continue
        shares = ", ".join(f"{confidence:.0%}" for confidence in number.confidences)
        not_sure = " " + translate("cli", "not sure") if number.not_sure else ""
        line = f"{path}: {number.text} ({shares})" + not_sure
        if len(number.readings) == 1:
            probabilities = number.readings[0].probabilities
            line += "   " + "  ".join(f"{d}:{p:.2f}" for d, p in enumerate(probabilities))
        print(line)
    return status


def _pictures_named(paths: list[str]) -> list[str]:
    """The files named, each folder named replaced by the pictures in it (by name); a
    folder without any stays, to be reported."""
    from bpdraw.cli_common import pictures_in

    named = []
    for path in paths:
        inside = pictures_in(path) if os.path.isdir(path) else []
        named += [str(picture) for picture in inside] or [path]
    return named


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


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

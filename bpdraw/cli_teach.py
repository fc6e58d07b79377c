"""bpdraw's teach and inside commands: a model taught your drawings, and pictures of what a
network does with a drawing. Thin wrappers over bpdraw.personal and bpdraw.inside_pictures;
every heavy import happens only when the command runs."""

from __future__ import annotations

import functools
import os

import numpy as np

from bpdraw.cli_common import english as _english


def add_teach_and_inside(commands, translate=_english) -> None:
    """Add the teach and inside commands to the parser's sub-commands; `translate(context,
    text)` gives their help in the language spoken."""
    teach = commands.add_parser(
        "teach",
        help=translate("cli", "teach a model your own drawings"),
        description=translate(
            "cli",
            "Fine-tune a model (default: the shipped one) on drawings in a strokes file "
            "(an export of My digits, or any file evaluate --strokes reads) and print how it "
            "reads them before and after (on drawings held out from the measured teach) and the "
            "test digits.",
        ),
    )
    teach.add_argument(
        "samples", metavar="SAMPLES.npz", help=translate("cli", "your drawings, a strokes file")
    )
    teach.add_argument(
        "--model",
        metavar="BASE.npz",
        help=translate("cli", "model to start from (default: shipped)"),
    )
    teach.add_argument(
        "-o",
        "--output",
        metavar="OUT.npz",
        required=True,
        help=translate("cli", "where to save the taught model"),
    )
    teach.add_argument(
        "--seed", type=int, default=0, help=translate("cli", "seed of the teaching (default 0)")
    )
    teach.set_defaults(command=functools.partial(_teach, translate=translate))

    inside = commands.add_parser(
        "inside",
        help=translate("cli", "save a picture of what the network does with a drawing"),
        description=translate(
            "cli",
            "Save a PNG showing how a model reads one drawing (its 8x8 input, hidden "
            "units, answer and which cells pushed for and against it), or with --weights the "
            "incoming weights of every hidden unit.",
        ),
    )
    source = inside.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "image", nargs="?", metavar="IMAGE", help=translate("cli", "a PNG or JPEG of one digit")
    )
    source.add_argument(
        "--strokes", metavar="FILE.npz", help=translate("cli", "a strokes file; see --index")
    )
    source.add_argument(
        "--weights",
        nargs="?",
        const="",
        metavar="MODEL",
        help=translate(
            "cli", "save the weight mosaic of MODEL (default: --model, else the shipped model)"
        ),
    )
    inside.add_argument(
        "--index",
        type=int,
        default=0,
        help=translate("cli", "which drawing of the strokes file (default 0)"),
    )
    inside.add_argument(
        "--model", metavar="FILE", help=translate("cli", "model file (default: shipped)")
    )
    inside.add_argument("-o", "--output", metavar="PICTURE.png", required=True)
    inside.set_defaults(command=functools.partial(_inside, translate=translate))


def _teach(arguments, translate=_english) -> int:
    from bpdraw.cli_common import load_model as _load_model
    from bpdraw.cli_common import refuse as _refuse
    from bpdraw.cli_common import save as _save
    from bpdraw.cli_common import unsavable as _unsavable
    from bpdraw.personal import BadTeachingData, teach_file
    from bpdraw.strokes_file import StrokesFileError

    if _unsavable(arguments.output, translate):
        return 2
    model = _load_model(arguments.model, translate)
    if model is None:
        return 2
    try:
        report = teach_file(model, arguments.samples, seed=arguments.seed)
    except StrokesFileError as error:
        from bpdraw.texts import strokes_file_problem

        give = translate("cli", "{problem}. Give a strokes file, such as an export of My digits")
        return _refuse(give.format(problem=strokes_file_problem(error, translate)))
    except BadTeachingData as error:
        from bpdraw.texts import teaching_problem

        problem = teaching_problem(str(error), translate)
        return _refuse(
            translate("cli", "{path}: {problem}").format(path=arguments.samples, problem=problem)
        )
    except ValueError as error:  # a seed out of range, and the like
        return _refuse(str(error))
    print("\n".join(teach_report_lines(report, translate)))
    if _save(report.model, arguments.output, translate):
        return 2
    print(translate("cli", "saved to {path}").format(path=arguments.output))
    return 0


# TeachReport.note's one text (bpdraw.personal.teach), said in the language spoken.
_TOO_FEW_NOTE = "too few drawings to keep some aside for an honest figure"


def teach_report_lines(report, translate=_english) -> list[str]:
    """What `bpdraw teach` prints of a bpdraw.personal.TeachReport, in the language spoken
    (English by default): the one wording of the report."""
    taught = translate("teach", "taught {drawings} drawings in {seconds} s")
    lines = [taught.format(drawings=report.drawings, seconds=f"{report.seconds:.1f}")]
    if report.own_before is not None and report.own_after is not None:
        own = translate(
            "teach",
            "your drawings (the {held_out} not used to teach the measured model): "
            "before {before}  after {after}",
        )
        before, after = f"{report.own_before:.3f}", f"{report.own_after:.3f}"
        lines.append(own.format(held_out=report.held_out, before=before, after=after))
    else:
        notes = {
            _TOO_FEW_NOTE: translate(
                "teach", "too few drawings to keep some aside for an honest figure"
            )
        }
        unmeasured = translate("teach", "your drawings: not measured ({note})")
        lines.append(unmeasured.format(note=notes.get(report.note, report.note)))
    test = translate("teach", "test digits (450): before {before}  after {after}")
    lines.append(test.format(before=f"{report.test_before:.3f}", after=f"{report.test_after:.3f}"))
    return lines


def _inside(arguments, translate=_english) -> int:
    from bpdraw.cli_common import load_model as _load_model
    from bpdraw.cli_common import refuse as _refuse
    from bpdraw.model import check_save_target
    from bpdraw.texts import os_error_reason

    try:
        check_save_target(arguments.output)
    except OSError as error:
        cannot = translate(
            "cli",
            "cannot write a picture to {path}: {reason}. Give -o a file name in an existing "
            "folder, such as picture.png",
        )
        reason = os_error_reason(error, translate)
        return _refuse(cannot.format(path=repr(arguments.output), reason=reason))
    if arguments.weights is not None:
        if arguments.weights and arguments.model:
            return _refuse(
                translate("cli", "give the model once: --weights MODEL or --model MODEL")
            )
        model = _load_model(arguments.weights or arguments.model, translate)
        if model is None:
            return 2
        from bpdraw.inside_pictures import save_weight_mosaic

        save_weight_mosaic(model, arguments.output)
        units = model.network.layer_sizes[1]
        saved = translate("cli", "saved the weights of {units} hidden units to {path}")
        print(saved.format(units=units, path=arguments.output))
        return 0
    model = _load_model(arguments.model, translate)
    if model is None:
        return 2
    digits = _drawing_digits(arguments, translate)
    if digits is None:
        return 2
    from bpdraw.inside_pictures import save_inside_picture

    save_inside_picture(model, digits, arguments.output)
    answer = int(model.predict_proba(digits)[0].argmax())
    saved = translate("cli", "read as {answer}; saved the picture to {path}")
    print(saved.format(answer=answer, path=arguments.output))
    return 0


def _drawing_digits(arguments, translate=_english) -> np.ndarray | None:
    """The (8, 8) digit that ``inside`` shows, from an image or a strokes file; None (and the
    reason printed) when there is none."""
    from bpdraw.cli_common import refuse as _refuse

    if arguments.strokes is None:
        from bpdraw.cli_common import picture_error_reason
        from bpdraw.images import NothingDrawn, image_to_digits

        path = arguments.image
        if not os.path.isfile(path):
            missing = translate("cli", "{path}: no such file; give a PNG or JPEG of one digit")
            _refuse(missing.format(path=path))
            return None
        try:
            return image_to_digits(path)
        except NothingDrawn:
            blank = translate(
                "cli", "{path}: nothing drawn (the image looks blank); give a picture of a digit"
            )
            _refuse(blank.format(path=path))
        except (ValueError, OSError) as error:  # UnreadableImage is a ValueError
            cannot = translate("cli", "{path}: cannot read this image: {problem}")
            _refuse(cannot.format(path=path, problem=picture_error_reason(error, translate)))
        return None
    from bpdraw.augment import render, select
    from bpdraw.strokes_file import StrokesFileError, read_strokes_file

    try:
        packed, _ = read_strokes_file(arguments.strokes)
    except StrokesFileError as error:
        from bpdraw.texts import strokes_file_problem

        _refuse(strokes_file_problem(error, translate))
        return None
    if not 0 <= arguments.index < packed.n_drawings:
        holds = translate("cli", "{path} holds {count} drawings: give --index from 0 to {last}")
        last = packed.n_drawings - 1
        _refuse(holds.format(path=arguments.strokes, count=packed.n_drawings, last=last))
        return None
    digits, drawn = render(select(packed, np.array([arguments.index])))
    if not drawn[0]:
        nothing = translate("cli", "drawing {index} of {path} reads as nothing drawn")
        _refuse(nothing.format(index=arguments.index, path=arguments.strokes))
        return None
    return digits.reshape(8, 8).astype(np.int64)

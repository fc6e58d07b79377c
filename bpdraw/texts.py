"""Texts built from the core's values in the language spoken, for the command line and the app.

Each function takes a ``translate(context, text)``: the command line's (bpdraw.cli.translate)
or the app's QCoreApplication.translate; its literal ``translate("…", "…")`` calls are what
pyside6-lupdate collects. No Qt here: only bpdraw.cli may reach the app's translator.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bpdraw.model import Model, ModelFileError
    from bpdraw.strokes_file import StrokesFileError

Translate = Callable[[str, str], str]


def model_description(model: Model, translate: Translate) -> str:
    """`model.describe()` in the language spoken: the command line's words and the app's
    (bpdraw.app.train_texts.model_text)."""
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


def strokes_file_problem(error: ModelFileError | StrokesFileError, translate: Translate) -> str:
    """A ModelFileError's or StrokesFileError's message, its problem in the language spoken."""
    problem = file_problem(error.problem, translate)
    return translate("cli", "{path}: {problem}").format(path=error.path, problem=problem)


def file_problem(problem: str, translate: Translate) -> str:
    """A model or strokes file's problem (bpdraw.model, bpdraw.strokes_file, bpdraw.archive)
    in the language spoken; a problem not known here is given as it is."""
    fixed = {
        "is a folder, not a file": translate("cli", "is a folder, not a file"),
        "is not a regular file (a device, pipe or socket cannot be read)": translate(
            "cli", "is not a regular file (a device, pipe or socket cannot be read)"
        ),
        "is not an .npz archive": translate("cli", "is not an .npz archive"),
        "is not a bpdraw model file (not an .npz archive)": translate(
            "cli", "is not a bpdraw model file (not an .npz archive)"
        ),
        "is not an .npz archive of strokes": translate("cli", "is not an .npz archive of strokes"),
        "has no metadata record": translate("cli", "has no metadata record"),
        "metadata is not a JSON text of a sensible size": translate(
            "cli", "metadata is not a JSON text of a sensible size"
        ),
        "metadata holds numbers or nesting beyond reason": translate(
            "cli", "metadata holds numbers or nesting beyond reason"
        ),
        "metadata is not a JSON object": translate("cli", "metadata is not a JSON object"),
        "metadata has no format_version": translate("cli", "metadata has no format_version"),
    }
    if problem in fixed:
        return fixed[problem]
    # (the problem's pattern, its template): each {field} is the pattern's group of that name
    patterns = (
        (
            r"is (?P<size>[\d,.]+) MB, more than the (?P<most>[\d,]+) MB such a file can be",
            translate("cli", "is {size} MB, more than the {most} MB such a file can be"),
        ),
        (
            r"is a damaged archive \((?P<detail>.*)\)",
            translate("cli", "is a damaged archive ({detail})"),
        ),
        (
            r"holds (?P<count>[\d,]+) members; expected at most (?P<most>\d+)",
            translate("cli", "holds {count} members; expected at most {most}"),
        ),
        (
            r"member (?P<member>.+) is not a NumPy array",
            translate("cli", "member {member} is not a NumPy array"),
        ),
        (
            r"(?P<name>\S+) is in an unknown \.npy version (?P<version>.+)",
            translate("cli", "{name} is in an unknown .npy version {version}"),
        ),
        (
            r"(?P<name>\S+) holds data that would need pickle to load; bpdraw never unpickles",
            translate(
                "cli", "{name} holds data that would need pickle to load; bpdraw never unpickles"
            ),
        ),
        (
            r"(?P<name>\S+) declares more values than the archive holds",
            translate("cli", "{name} declares more values than the archive holds"),
        ),
        (r"(?P<name>\S+) is truncated", translate("cli", "{name} is truncated")),
        (
            r"(?P<name>\S+) is damaged or truncated \((?P<detail>.*)\)",
            translate("cli", "{name} is damaged or truncated ({detail})"),
        ),
        (
            r"(?P<name>\S+) has dtype (?P<dtype>\S+), expected float64",
            translate("cli", "{name} has dtype {dtype}, expected float64"),
        ),
        (
            r"(?P<name>\S+) has dtype (?P<dtype>\S+), not numbers",
            translate("cli", "{name} has dtype {dtype}, not numbers"),
        ),
        (
            r"(?P<name>\S+) has shape (?P<shape>\(.*\)), larger than any layer bpdraw makes",
            translate("cli", "{name} has shape {shape}, larger than any layer bpdraw makes"),
        ),
        (
            r"holds more than (?P<most>[\d,]+) parameters, more than bpdraw makes",
            translate("cli", "holds more than {most} parameters, more than bpdraw makes"),
        ),
        (r"is missing arrays (?P<names>.+)", translate("cli", "is missing arrays {names}")),
        (r"has unexpected arrays (?P<names>.+)", translate("cli", "has unexpected arrays {names}")),
        (
            r"(?P<name>\S+) has shape (?P<shape>\(.*\)), expected (?P<expected>\(.*\))",
            translate("cli", "{name} has shape {shape}, expected {expected}"),
        ),
        (
            r"(?P<name>\S+) holds NaN or infinite values",
            translate("cli", "{name} holds NaN or infinite values"),
        ),
        (
            r"(?P<name>\S+) holds values beyond ±(?P<limit>\S+)",
            translate("cli", "{name} holds values beyond ±{limit}"),
        ),
        (
            r"metadata is not valid JSON \((?P<detail>.*)\)",
            translate("cli", "metadata is not valid JSON ({detail})"),
        ),
        (
            r"was written in format (?P<version>\d+) by a newer bpdraw; this one reads up to "
            r"(?P<newest>\d+) — update bpdraw to open it",
            translate(
                "cli",
                "was written in format {version} by a newer bpdraw; this one reads up to "
                "{newest} — update bpdraw to open it",
            ),
        ),
        (
            r"has an unknown format_version (?P<version>.+)",
            translate("cli", "has an unknown format_version {version}"),
        ),
        (
            r"metadata layer_sizes (?P<sizes>.+) is not a list of layer widths",
            translate("cli", "metadata layer_sizes {sizes} is not a list of layer widths"),
        ),
        (
            r"maps (?P<inputs>\d+) inputs to (?P<outputs>\d+) outputs; a digit model maps 64 to 10",
            translate(
                "cli", "maps {inputs} inputs to {outputs} outputs; a digit model maps 64 to 10"
            ),
        ),
        (
            r"metadata output (?P<output>.+) is not one of (?P<outputs>\(.*\))",
            translate("cli", "metadata output {output} is not one of {outputs}"),
        ),
        (
            r"declares more than (?P<most>[\d,]+) points; split it into smaller files",
            translate("cli", "declares more than {most} points; split it into smaller files"),
        ),
        (
            r"declares more than (?P<most>[\d,]+) strokes; split it into smaller files",
            translate("cli", "declares more than {most} strokes; split it into smaller files"),
        ),
        (
            r"declares more than (?P<most>[\d,]+) drawings; split it into smaller files",
            translate("cli", "declares more than {most} drawings; split it into smaller files"),
        ),
        (r"is missing (?P<names>.+)", translate("cli", "is missing {names}")),
        (
            r"points must be \(P, 2\) numbers, not (?P<shape>\(.*\))",
            translate("cli", "points must be (P, 2) numbers, not {shape}"),
        ),
        (
            r"labels must be (?P<count>\d+) digits 0-9",
            translate("cli", "labels must be {count} digits 0-9"),
        ),
        (
            r"(?P<name>\S+) must rise from 0 to (?P<end>\d+)",
            translate("cli", "{name} must rise from 0 to {end}"),
        ),
    )
    match = re.fullmatch(r"cannot be read \((?P<reason>.*)\)", problem)
    if match:  # the operating system's reason in the language spoken too
        reason = os_reason(match["reason"], translate)
        return translate("cli", "cannot be read ({reason})").format(reason=reason)
    return _filled(problem, patterns)


def os_reason(reason: str, translate: Translate) -> str:
    """An operating system's reason (an OSError's strerror, or bpdraw.model's save-target
    reasons) in the language spoken; one not known here is given as it is."""
    by_name = {  # errno names; a platform without one simply lacks it
        "ENOENT": translate("os", "No such file or directory"),
        "EACCES": translate("os", "Permission denied"),
        "EPERM": translate("os", "Operation not permitted"),
        "EISDIR": translate("os", "Is a directory"),
        "ENOTDIR": translate("os", "Not a directory"),
        "ENOSPC": translate("os", "No space left on device"),
        "EROFS": translate("os", "Read-only file system"),
        "ENAMETOOLONG": translate("os", "File name too long"),
        "EDQUOT": translate("os", "Disk quota exceeded"),
        "ELOOP": translate("os", "Too many levels of symbolic links"),
        "EIO": translate("os", "Input/output error"),
    }
    known = {
        os.strerror(getattr(errno, name)): text
        for name, text in by_name.items()
        if hasattr(errno, name)
    }
    if reason in known:
        return known[reason]
    patterns = (
        (r"no file name given", translate("os", "no file name given")),
        (
            r"is not a regular file \(a folder, device or pipe\)",
            translate("os", "is not a regular file (a folder, device or pipe)"),
        ),
        (
            r"the folder (?P<folder>.+) does not exist",
            translate("os", "the folder {folder} does not exist"),
        ),
        (
            r"the folder (?P<folder>.+) is not writable",
            translate("os", "the folder {folder} is not writable"),
        ),
    )
    return _filled(reason, patterns)


def os_error_reason(error: OSError, translate: Translate) -> str:
    """Why an OSError happened (its strerror, else its words), in the language spoken."""
    return os_reason(str(error.strerror or error), translate)


def image_problem(problem: str, translate: Translate) -> str:
    """The reason bpdraw.images gives for a picture it cannot read, in the language spoken."""
    patterns = (
        (
            r"it is not a picture bpdraw can read \(PNG, JPEG, GIF, BMP, TIFF or WebP\)",
            translate(
                "images", "it is not a picture bpdraw can read (PNG, JPEG, GIF, BMP, TIFF or WebP)"
            ),
        ),
        (
            r"it is a (?P<kind>HEIC|HEIF|AVIF) photo, which bpdraw cannot read; save it as JPEG "
            r"or PNG \(on an iPhone: Settings > Camera > Formats > Most Compatible, or share "
            r"the photo as JPEG\)",
            translate(
                "images",
                "it is a {kind} photo, which bpdraw cannot read; save it as JPEG or PNG (on an "
                "iPhone: Settings > Camera > Formats > Most Compatible, or share the photo as "
                "JPEG)",
            ),
        ),
        (r"it is a folder, not a picture", translate("images", "it is a folder, not a picture")),
        (r"permission denied", translate("images", "permission denied")),
        (r"no such file", translate("images", "no such file")),
        (
            r"the picture is damaged or cut short \((?P<detail>.*)\)",
            translate("images", "the picture is damaged or cut short ({detail})"),
        ),
        (
            r"it has more than Pillow's limit of (?P<most>[\d,]+) pixels, too many to read "
            r"safely; save a smaller copy \(a digit needs only a few hundred pixels\)",
            translate(
                "images",
                "it has more than Pillow's limit of {most} pixels, too many to read safely; "
                "save a smaller copy (a digit needs only a few hundred pixels)",
            ),
        ),
    )
    return _filled(problem, patterns)


def teaching_problem(problem: str, translate: Translate) -> str:
    """BadTeachingData's message (bpdraw.personal.adapt) in the language spoken."""
    patterns = (
        (
            r"(?P<drawings>\d+) drawings but (?P<labels>\d+) labels",
            translate("teach", "{drawings} drawings but {labels} labels"),
        ),
        (
            r"labels must be digits 0-9, got (?P<labels>.+)",
            translate("teach", "labels must be digits 0-9, got {labels}"),
        ),
        (
            r"(?P<count>\d+) drawing\(s\) is too few to learn from: draw at least "
            r"(?P<least>\d+), of at least (?P<classes>\d+) different digits",
            translate(
                "teach",
                "{count} drawing(s) is too few to learn from: draw at least {least}, of at "
                "least {classes} different digits",
            ),
        ),
        (
            r"all drawings are (?P<digit>\d)s: with one digit only the model would learn "
            r"to answer it for everything; add drawings of other digits",
            translate(
                "teach",
                "all drawings are {digit}s: with one digit only the model would learn to "
                "answer it for everything; add drawings of other digits",
            ),
        ),
        (
            r"none of the drawings has anything drawn in it",
            translate("teach", "none of the drawings has anything drawn in it"),
        ),
        (
            r"drawings (?P<blank>\[.*\]) have nothing drawn in them \(a dot or a click\)",
            translate("teach", "drawings {blank} have nothing drawn in them (a dot or a click)"),
        ),
    )
    return _filled(problem, patterns)


def diverged_message(message: str, translate: Translate) -> str:
    """TrainingDiverged's message (bpdraw.divergence) in the language spoken; one not known
    here is given as it is."""
    advice = (
        r" instead of falling\. The learning rate (?P<rate>\S+) is too large for the "
        r"(?P<recipe>\S+) recipe; try (?P<default>\S+)\."
    )
    patterns = (
        (
            r"Training diverged: the loss became infinite or NaN" + advice,
            translate(
                "cli",
                "Training diverged: the loss became infinite or NaN instead of falling. The "
                "learning rate {rate} is too large for the {recipe} recipe; try {default}.",
            ),
        ),
        (
            r"Training diverged: the loss grew to (?P<loss>\S+)" + advice,
            translate(
                "cli",
                "Training diverged: the loss grew to {loss} instead of falling. The learning "
                "rate {rate} is too large for the {recipe} recipe; try {default}.",
            ),
        ),
        (
            r"Training diverged: the loss stuck at (?P<loss>\S+) with its units saturated" + advice,
            translate(
                "cli",
                "Training diverged: the loss stuck at {loss} with its units saturated instead of "
                "falling. The learning rate {rate} is too large for the {recipe} recipe; try "
                "{default}.",
            ),
        ),
    )
    return _filled(message, patterns)


def _filled(text: str, patterns) -> str:
    """The template of the first pattern matching all of ``text``, filled with its groups;
    ``text`` itself when none does."""
    for pattern, template in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            return template.format(**match.groupdict())
    return text

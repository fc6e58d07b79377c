"""What the command line's commands share: loading a model, saving one, refusing with a reason."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The pictures `bpdraw predict` reads from a folder and the app's file dialog offers, by name
# (bpdraw.images reads them; what it cannot read it says why: HEIC and HEIF are listed so
# that a folder of iPhone photos is told why, not passed over).
PICTURE_SUFFIXES = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".webp",
    ".avif",
    ".heic",
    ".heif",
)


def english(_context: str, text: str) -> str:
    """The command line's translate(context, text) when it speaks English: text as it is."""
    return text


def unsavable(path: str, translate=english) -> bool:
    """True (and the reason printed, in the language of ``translate(context, text)``) when a
    model cannot be saved to ``path``: checked before a run, so a wrong folder or name costs
    nothing."""
    from bpdraw.model import check_save_target
    from bpdraw.texts import os_error_reason

    try:
        check_save_target(path)
    except OSError as error:
        cannot = translate(
            "cli",
            "cannot save a model to {path}: {reason}. Give -o a file name in an existing "
            "folder you can write to, such as mine.npz",
        )
        refuse(cannot.format(path=repr(path), reason=os_error_reason(error, translate)))
        return True
    return False


def save(model, path: str, translate=english) -> bool:
    """Save ``model``; True (and the reason printed) when that failed."""
    from bpdraw.texts import os_error_reason

    try:
        model.save(path)
    except OSError as error:
        cannot = translate("cli", "cannot save to {path}: {reason}")
        refuse(cannot.format(path=path, reason=os_error_reason(error, translate)))
        return True
    return False


def picture_error_reason(error: ValueError | OSError, translate=english) -> str:
    """Why a picture could not be read (bpdraw.images' UnreadableImage, an OSError, another
    ValueError), in the language spoken."""
    from bpdraw.picture_file import UnreadableImage
    from bpdraw.texts import image_problem, os_error_reason

    if isinstance(error, UnreadableImage):
        return image_problem(error.problem, translate)
    if isinstance(error, OSError):
        return os_error_reason(error, translate)
    return str(error)


def pictures_in(folder: str | os.PathLike) -> list[Path]:
    """The picture files (PICTURE_SUFFIXES, any case) directly in ``folder``, by name."""
    files = (path for path in Path(folder).iterdir() if path.is_file())
    return sorted(path for path in files if path.suffix.lower() in PICTURE_SUFFIXES)


def load_model(path: str | None, translate=None):
    """The model at ``path`` (the shipped one without a path), or None with the reason printed
    (in the language of ``translate(context, text)`` when one is given)."""
    from bpdraw.model import ModelFileError, load, load_default

    try:
        return load(path) if path else load_default()
    except ModelFileError as error:
        if translate is not None:
            from bpdraw.texts import strokes_file_problem

            error = strokes_file_problem(error, translate)
        print(f"bpdraw: {error}", file=sys.stderr)
        return None


def refuse(message: str) -> int:
    """Print why a command cannot go on; the exit status 2."""
    print(f"bpdraw: {message}", file=sys.stderr)
    return 2

"""Why a file cannot be read or written, in the language installed: the core's own reasons
(ModelFileError, StrokesFileError, an OSError's) through the templates the command line uses
(bpdraw.texts), translated by the app's translator."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication

from bpdraw.model import ModelFileError
from bpdraw.strokes_file import StrokesFileError
from bpdraw.texts import os_error_reason, strokes_file_problem

translate = QCoreApplication.translate


def file_error_text(error) -> str:
    """A ModelFileError's or StrokesFileError's message, its problem translated."""
    return strokes_file_problem(error, translate)


def reason_text(error: OSError) -> str:
    """An OSError's reason, translated."""
    return os_error_reason(error, translate)


def os_error_text(path: str | os.PathLike, error: OSError) -> str:
    """'PATH: reason' for an OSError met reading or writing ``path``, the reason translated."""
    return translate("cli", "{path}: {problem}").format(path=path, problem=reason_text(error))


def read_error_text(path: str | os.PathLike, error: Exception) -> str:
    """What to show for any error met reading ``path``: the translated reason where it is a
    file or system error bpdraw knows, the error's own words otherwise."""
    if isinstance(error, (ModelFileError, StrokesFileError)):
        return file_error_text(error)
    if isinstance(error, OSError):
        return os_error_text(path, error)
    return f"{path}: {error}"

"""Reading .npz archives bounded by design: sizes are checked before anything is allocated.

Model files and strokes files are .npz archives from people we don't know. `read_npz` opens
only regular files (not a FIFO, a device or a folder), refuses a file larger than the caller
allows, reads each member's .npy header first and asks the caller's `check` whether that
shape and dtype are acceptable, and only then reads the values, never with pickle. A member
that declares more data than it holds, or more than its header says, is damaged.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable
from typing import BinaryIO

import numpy as np
from numpy.lib import format as npy_format

# (member name, shape, dtype) -> None, or a problem in words ("has shape (3,), expected (64,)")
MemberCheck = Callable[[str, tuple[int, ...], np.dtype], "str | None"]


class ArchiveError(Exception):
    """An archive that cannot be used: ``problem`` says what is wrong, in words."""

    def __init__(self, problem: str):
        self.problem = problem
        super().__init__(problem)


def open_regular_file(path: str | os.PathLike, max_bytes: int) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file of at most ``max_bytes``.

    Opened without blocking (a FIFO with no writer would wait forever) and checked on the
    opened file itself, so a file swapped in between cannot slip through.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise ArchiveError("is a folder, not a file") from None
    except OSError as error:
        raise ArchiveError(f"cannot be read ({error.strerror or error})") from error
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise ArchiveError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ArchiveError("is not a regular file (a device, pipe or socket cannot be read)")
        if info.st_size > max_bytes:
            raise ArchiveError(
                f"is {info.st_size / 1e6:,.1f} MB, more than the {max_bytes / 1e6:,.0f} MB "
                "such a file can be"
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_npz(
    path: str | os.PathLike, check: MemberCheck, *, max_file_bytes: int, max_members: int = 64
) -> dict[str, np.ndarray]:
    """Every array in the .npz at ``path``, each accepted by ``check`` before it is read.

    Raises ArchiveError with the problem in words (the caller adds the file's name).
    """
    with open_regular_file(path, max_file_bytes) as stream:
        if not zipfile.is_zipfile(stream):
            raise ArchiveError("is not an .npz archive")
        stream.seek(0)
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise ArchiveError(f"is a damaged archive ({error})") from error
        with archive:
            members = archive.infolist()
            if len(members) > max_members:
                raise ArchiveError(
                    f"holds {len(members):,} members; expected at most {max_members}"
                )
            return {_array_name(m.filename): _read_member(archive, m, check) for m in members}


def _array_name(filename: str) -> str:
    return filename[: -len(".npy")] if filename.endswith(".npy") else filename


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, check: MemberCheck):
    name = _array_name(member.filename)
    if not member.filename.endswith(".npy"):
        raise ArchiveError(f"member {member.filename!r} is not a NumPy array")
    try:
        with archive.open(member) as data:
            version = npy_format.read_magic(data)
            if version == (1, 0):
                shape, fortran_order, dtype = npy_format.read_array_header_1_0(data)
            elif version in ((2, 0), (3, 0)):
                shape, fortran_order, dtype = npy_format.read_array_header_2_0(data)
            else:
                raise ArchiveError(f"{name} is in an unknown .npy version {version}")
            if dtype.hasobject:
                raise ArchiveError(
                    f"{name} holds data that would need pickle to load; bpdraw never unpickles"
                )
            problem = check(name, shape, dtype)
            if problem:
                raise ArchiveError(problem)
            count = int(np.prod(shape, dtype=np.int64))
            if count * dtype.itemsize > member.file_size - data.tell():
                raise ArchiveError(f"{name} declares more values than the archive holds")
            raw = data.read(count * dtype.itemsize)
            if len(raw) != count * dtype.itemsize:
                raise ArchiveError(f"{name} is truncated")
    except ArchiveError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, RuntimeError) as error:
        # bad headers, CRC errors, truncated or encrypted members
        raise ArchiveError(f"{name} is damaged or truncated ({error})") from error
    array = np.frombuffer(raw, dtype=dtype, count=count)
    if fortran_order:
        return array.reshape(shape[::-1]).T.copy()
    return array.reshape(shape).copy()


def expect_shape(
    name: str, shape: tuple[int, ...], dtype: np.dtype, wanted: tuple[int, ...], kinds: str
) -> str | None:
    """A `check` helper: None if ``shape`` is ``wanted`` and the dtype kind is one of ``kinds``."""
    if dtype.kind not in kinds:
        return f"{name} has dtype {dtype}, not the numbers it should hold"
    if tuple(shape) != tuple(wanted):
        return f"{name} has shape {tuple(shape)}, expected {tuple(wanted)}"
    return None

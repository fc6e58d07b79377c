import atexit
import io
import os
import shutil
import sys
import tempfile
import zipfile

import numpy as np
import pytest
from numpy.lib import format as npy_format

from bpdraw.data import load_split

# Tests never need a display: Qt draws into memory.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests read English whatever the machine's locale (tests/app/test_i18n.py sets its own).
os.environ["BPDRAW_LANG"] = "en"

# Nothing a test runs may touch the user's own settings, data or cache: every test, and every
# process a test starts (which inherits this environment), gets a private home for them.
# (Set before anything imports platformdirs or Qt, which read these once.)
PRIVATE_HOME = tempfile.mkdtemp(prefix="bpdraw-tests-")
atexit.register(shutil.rmtree, PRIVATE_HOME, ignore_errors=True)  # and nothing left behind
for variable, folder in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
):
    os.environ[variable] = os.path.join(PRIVATE_HOME, folder)

# PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a method that
# returns nothing and aborts the interpreter after a few thousand paints. Say so before any
# Qt test runs rather than dying halfway (tests/app/test_refcount.py measures the leak).
KNOWN_BAD_PYSIDE = ((6, 12, 0), (3, 11))


def pytest_configure(config):
    try:
        from importlib.metadata import version

        pyside = tuple(int(part) for part in version("PySide6-Essentials").split(".")[:3])
    except Exception:  # not installed, or an unusual version string
        return
    if pyside == KNOWN_BAD_PYSIDE[0] and sys.version_info[:2] == KNOWN_BAD_PYSIDE[1]:
        pytest.exit(
            "PySide6-Essentials 6.12.0 on CPython 3.11 leaks references to None and aborts "
            "Python after a few thousand paints; install 'PySide6-Essentials<6.12' "
            "(pip install -e '.[test]' does)",
            returncode=3,
        )


@pytest.fixture(scope="session")
def split():
    """The course's load_digits split (seed 0), shared by the core tests."""
    return load_split(0)


def _assert_valid_digit(digits):
    """An (8, 8) int64 digit in load_digits' 0-16."""
    assert digits.shape == (8, 8)
    assert digits.dtype == np.int64
    assert digits.min() >= 0 and digits.max() <= 16


def _picture_of_a_zero(size=120, thickness=9, dark_on_light=True):
    """(size, size) uint8 picture of an upright ellipse ("0"), ink 0 on 255 or 255 on 0."""
    rows, columns = np.mgrid[0:size, 0:size]
    radius = np.hypot((columns - size / 2) / 0.6, rows - size / 2)
    ink = np.abs(radius - size * 0.35) < thickness / 2
    return np.where(ink, 0, 255).astype(np.uint8) if dark_on_light else np.where(ink, 255, 0)


@pytest.fixture(scope="session")
def assert_valid_digit():
    """Checks that a conversion result is a valid load_digits digit."""
    return _assert_valid_digit


@pytest.fixture(scope="session")
def picture_of_a_zero():
    """Makes a picture of a zero: picture_of_a_zero(size=120, thickness=9, dark_on_light=True)."""
    return _picture_of_a_zero


class _Npz:
    """Builds .npz archives member by member, headers as declared: hostile files for tests."""

    @staticmethod
    def npy(header: dict | None = None, payload: bytes = b"", array=None) -> bytes:
        """A .npy member: ``array`` saved as NumPy saves it, or a ``header`` + raw payload."""
        buffer = io.BytesIO()
        if array is not None:
            np.save(buffer, array, allow_pickle=False)
            return buffer.getvalue()
        npy_format.write_array_header_1_0(buffer, header)
        return buffer.getvalue() + payload

    @staticmethod
    def write(path, members: dict[str, bytes]) -> None:
        """A zip archive whose members are written as given (names as given, .npy or not)."""
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)


@pytest.fixture(scope="session")
def npz():
    """npz.npy(header, payload) / npz.npy(array=...) and npz.write(path, {name: bytes})."""
    return _Npz

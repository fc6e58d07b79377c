import os
import sys

import pytest

from bpdraw.data import load_split

# Tests never need a display: Qt draws into memory.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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

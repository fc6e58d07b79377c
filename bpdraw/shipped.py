"""Files shipped in assets/: found inside an installed bpdraw or in a source checkout."""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib import resources
from pathlib import Path

# A checkout keeps them at the top level (assets/); an install maps that folder to the
# package bpdraw.assets. Running from a checkout whose bpdraw/ shadows an installed one
# (python -m pytest in a clone) finds no bpdraw.assets, so the checkout's folder serves.
CHECKOUT_ASSETS = Path(__file__).resolve().parent.parent / "assets"


def shipped_file(name: str) -> AbstractContextManager[Path]:
    """A context giving the path of the shipped file ``name``, e.g. "default_model.npz"."""
    try:
        resource = resources.files("bpdraw.assets") / name
    except ModuleNotFoundError:
        resource = CHECKOUT_ASSETS / name
    return resources.as_file(resource)


def shipped_folder(name: str) -> Path:
    """The shipped folder ``name`` (e.g. "translations") on disk, in an install or a checkout.

    Folders ship unzipped in every install bpdraw supports (a wheel installed by pip), so the
    path is a real one; a checkout whose bpdraw/ shadows the install uses its own assets/.
    """
    try:
        folder = resources.files("bpdraw.assets") / name
    except ModuleNotFoundError:
        return CHECKOUT_ASSETS / name
    return Path(str(folder))

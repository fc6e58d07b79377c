"""Picture files -> pixels: read upright (a phone's orientation tag honoured), large ones
reduced while they are read, and a clear message for a file that is not a picture.

Only Pillow and NumPy: reading a file costs no scipy (bpdraw.images finds the ink).
"""

from __future__ import annotations

import os
import warnings

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

# A file longer than READ_MAX_SIDE on a side is averaged in square blocks down to that
# while it is read (JPEG: partly in the decoder), so a phone photo never becomes a
# 300 MB float array, yet a digit filling a tenth of its frame keeps ~100 px.
READ_MAX_SIDE = 1024


class UnreadableImage(ValueError):
    """A picture file that cannot be read; the message names the file and what to do."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = os.fspath(path)
        self.problem = problem
        super().__init__(f"cannot read {self.path}: {problem}")


def read_image(path: str | os.PathLike) -> np.ndarray:
    """A PNG/JPEG/... file -> its pixels upright, (h, w) or (h, w, 3 or 4) uint8.

    16-bit grey files give uint16. Raises UnreadableImage for a file that is not a
    picture, or one with more pixels than Pillow's limit (Image.MAX_IMAGE_PIXELS, 89.5
    million): decoding that could exhaust memory (a decompression bomb).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(os.fspath(path)) as image:
                pixels = _upright_pixels(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadableImage(
            path,
            f"it has more than Pillow's limit of {Image.MAX_IMAGE_PIXELS:,} pixels, too many "
            "to read safely; save a smaller copy (a digit needs only a few hundred pixels)",
        ) from None
    except UnidentifiedImageError as error:
        heif = _heif_brand(path)
        problem = _problem_of(error) if heif is None else _HEIF_PROBLEM.format(heif)
        raise UnreadableImage(path, problem) from None
    except (OSError, ValueError, SyntaxError) as error:
        raise UnreadableImage(path, _problem_of(error)) from None
    return pixels


# An iPhone keeps its photos as HEIF (HEIC), which Pillow does not read.
_HEIF_BRANDS = {b"heic": "HEIC", b"heix": "HEIC", b"hevc": "HEIC", b"heim": "HEIC",
                b"mif1": "HEIF", b"msf1": "HEIF", b"avif": "AVIF"}  # fmt: skip
_HEIF_PROBLEM = (
    "it is a {} photo, which bpdraw cannot read; save it as JPEG or PNG (on an iPhone: "
    "Settings > Camera > Formats > Most Compatible, or share the photo as JPEG)"
)


def _heif_brand(path: str | os.PathLike) -> str | None:
    """ "HEIC", "HEIF" or "AVIF" when the file starts as an ISO box of that brand, else None."""
    try:
        with open(path, "rb") as file:
            head = file.read(12)
    except OSError:
        return None
    return _HEIF_BRANDS.get(head[8:12]) if head[4:8] == b"ftyp" else None


def _problem_of(error: Exception) -> str:
    """What went wrong reading a picture, in a user's terms."""
    if isinstance(error, UnidentifiedImageError):
        return "it is not a picture bpdraw can read (PNG, JPEG, GIF, BMP, TIFF or WebP)"
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a picture"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file"
    return f"the picture is damaged or cut short ({error})"


def _upright_pixels(image: Image.Image) -> np.ndarray:
    """An opened picture -> its pixels upright in L, RGB or RGBA, averaged in blocks if large."""
    factor = _block_factor(max(image.size)) if max(image.size) > READ_MAX_SIDE else 1
    if factor > 1 and image.format == "JPEG":
        # The decoder itself shrinks by 2, 4 or 8: take the largest that divides factor.
        scale = next(s for s in (8, 4, 2, 1) if factor % s == 0)
        width, height = image.size
        image.draft("L" if image.mode == "L" else "RGB", (width // scale, height // scale))
        factor //= round(width / image.size[0])
    image = ImageOps.exif_transpose(image)
    if image.mode.startswith("I;16"):  # 16-bit grey: no Pillow mode between it and 8 bits
        pixels = np.asarray(image).astype(np.uint16)
        return pixels[::factor, ::factor]
    if image.mode not in ("L", "RGB", "RGBA"):
        image = image.convert("RGBA")
    if factor > 1:
        # Whole blocks only, as _thinning_size does: the last partial row and column are dropped.
        width, height = (image.width // factor) * factor, (image.height // factor) * factor
        image = image.reduce(factor, box=(0, 0, width, height))
    return np.asarray(image)


def _block_factor(side: int) -> int:
    """The block size that brings a picture `side` px long down to READ_MAX_SIDE px or less."""
    return -(-side // READ_MAX_SIDE)

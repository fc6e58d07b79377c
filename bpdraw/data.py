"""The course's data: scikit-learn's load_digits, split 1347 / 450 by a seed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

N_INPUTS = 64  # an 8x8 digit, one input per block
N_CLASSES = 10
BITMAP_SIZE = 32  # optdigits' normalised bitmaps are 32x32 ...
BLOCK_SIZE = 4  # ... counted in non-overlapping 4x4 blocks
PIXEL_MAX = BLOCK_SIZE * BLOCK_SIZE  # so each of the 8x8 counts is 0..16
TEST_FRACTION = 0.25


@dataclass(frozen=True)
class DigitSplit:
    """The seeded train/test split of load_digits.

    images_*: (n, 8, 8) int 0-16, X_*: (n, 64) float in [0, 1], y_*: (n,) int,
    *_indices: positions in load_digits().
    """

    seed: int
    images_train: np.ndarray
    X_train: np.ndarray
    y_train: np.ndarray
    train_indices: np.ndarray
    images_test: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    test_indices: np.ndarray


@lru_cache(maxsize=1)
def _digits() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = digits.images.astype(np.int64)
    images.setflags(write=False)
    target = digits.target.astype(np.int64)
    target.setflags(write=False)
    return images, target


def load_split(seed: int = 0) -> DigitSplit:
    """load_digits split 3/4 train (1347) and 1/4 test (450), as the course did."""
    from sklearn.model_selection import train_test_split

    images, target = _digits()
    indices = np.arange(len(target))
    train_indices, test_indices = train_test_split(
        indices, test_size=TEST_FRACTION, random_state=seed
    )
    return DigitSplit(
        seed=seed,
        images_train=images[train_indices],
        X_train=scale(images[train_indices]),
        y_train=target[train_indices],
        train_indices=train_indices,
        images_test=images[test_indices],
        X_test=scale(images[test_indices]),
        y_test=target[test_indices],
        test_indices=test_indices,
    )


def scale(images: np.ndarray) -> np.ndarray:
    """(n, 8, 8) or (n, 64) in 0-16 -> (n, 64) float64 in [0, 1]."""
    images = np.asarray(images, dtype=np.float64)
    return images.reshape(-1, N_INPUTS) / PIXEL_MAX


def count_blocks(bitmaps: np.ndarray) -> np.ndarray:
    """(..., 32, 32) ink -> (..., 8, 8) ink summed over each 4x4 block, as load_digits counts.

    Bool bitmaps give int counts, float coverage gives float sums (rounding is the caller's).
    """
    bitmaps = np.asarray(bitmaps)
    n_blocks = BITMAP_SIZE // BLOCK_SIZE
    shape = bitmaps.shape[:-2] + (n_blocks, BLOCK_SIZE, n_blocks, BLOCK_SIZE)
    return bitmaps.reshape(shape).sum(axis=(-3, -1))


def one_hot(labels: np.ndarray, n_classes: int = N_CLASSES) -> np.ndarray:
    """(n,) int labels -> (n, n_classes) float rows with a single 1."""
    labels = np.asarray(labels, dtype=np.int64)
    encoded = np.zeros((len(labels), n_classes))
    encoded[np.arange(len(labels)), labels] = 1.0
    return encoded


def distort(
    images: np.ndarray,
    rng: np.random.Generator,
    max_rotation: float = 10.0,
    max_scale: float = 0.1,
    max_shear: float = 0.15,
    max_shift: float = 1.5,
) -> np.ndarray:
    """Randomly rotated, scaled, sheared and shifted copies of digits, for augmentation.

    images: (n, 8, 8) or (n, 64) in 0-16. Each digit is rebuilt as a 32x32 bitmap like the
    one load_digits was counted from, moved there (angles in degrees, shifts in pixels of
    32) and counted back in 4x4 blocks, so a shift of 2 moves the ink by half an 8x8 cell.
    Returns (n, 64) float, whole numbers 0-16.
    """
    n = len(images)
    pixels = np.asarray(images, dtype=np.float64).reshape(n, 64)
    # rebuild a 32x32 bitmap like the one load_digits was counted from: ink where the
    # enlarged digit is at least half dark
    enlarged = (pixels @ _enlarging()).reshape(n, 32, 32)
    bitmap = enlarged > PIXEL_MAX / 2
    angle = np.deg2rad(rng.uniform(-max_rotation, max_rotation, n))
    scale_yx = rng.uniform(1 - max_scale, 1 + max_scale, (n, 2))
    shear = rng.uniform(-max_shear, max_shear, n)
    cos, sin = np.cos(angle), np.sin(angle)
    forward = np.empty((n, 2, 2))  # rotation @ shear @ scale, in (row, column) coordinates
    forward[:, 0, 0] = cos * scale_yx[:, 0]
    forward[:, 0, 1] = (cos * shear - sin) * scale_yx[:, 1]
    forward[:, 1, 0] = sin * scale_yx[:, 0]
    forward[:, 1, 1] = (sin * shear + cos) * scale_yx[:, 1]
    inverse = np.linalg.inv(forward).astype(np.float32)
    offset = (15.5 + rng.uniform(-max_shift, max_shift, (n, 2))).astype(np.float32)
    target_rows, target_columns = (np.mgrid[0:32, 0:32].reshape(2, -1) - 15.5).astype(np.float32)
    # the source pixel of every target pixel, rounded to the nearest (+ 0.5, then floor)
    rows = inverse[:, 0, :1] * target_rows + inverse[:, 0, 1:] * target_columns
    columns = inverse[:, 1, :1] * target_rows + inverse[:, 1, 1:] * target_columns
    rows = np.floor(rows + (offset[:, :1] + 0.5)).astype(np.intp)
    columns = np.floor(columns + (offset[:, 1:] + 0.5)).astype(np.intp)
    inside = (rows >= 0) & (rows < 32) & (columns >= 0) & (columns < 32)
    flat = np.where(inside, rows * 32 + columns, 0) + (np.arange(n) * 32 * 32)[:, None]
    moved = bitmap.ravel()[flat] & inside
    return count_blocks(moved.reshape(n, 32, 32)).reshape(n, N_INPUTS).astype(np.float64)


@lru_cache(maxsize=1)
def _enlarging() -> np.ndarray:
    """(64, 1024): bilinear enlargement of an 8x8 grid to 32x32 as one matrix product.

    Bilinear interpolation is separable, so the 2-D map is the Kronecker product of the
    1-D one: each 32-pixel centre takes its two nearest 8-cell centres by distance, and a
    centre beyond the outermost cells fades towards a blank (zero) border.
    """
    centres = (np.arange(32) + 0.5) / 4 - 0.5  # 32-pixel centres in 8-cell coordinates
    one_dimension = np.maximum(0.0, 1.0 - np.abs(centres[None, :] - np.arange(8)[:, None]))
    return np.kron(one_dimension, one_dimension)

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

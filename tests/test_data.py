"""The course's split of load_digits, one-hot labels and the augmentation's distortions."""

import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from bpdraw.data import distort, load_split, one_hot

N_DIGITS = 1797  # load_digits ships 1797 8x8 digits


@pytest.fixture(scope="module")
def split():
    return load_split(0)


def test_split_holds_1347_train_and_450_test_digits(split):
    # train_test_split(test_size=0.25) on 1797 digits: ceil(0.25 * 1797) = 450 test, 1347 train
    assert split.images_train.shape == (1347, 8, 8)
    assert split.X_train.shape == (1347, 64)
    assert split.y_train.shape == (1347,)
    assert split.images_test.shape == (450, 8, 8)
    assert split.X_test.shape == (450, 64)
    assert split.y_test.shape == (450,)


def test_split_train_and_test_partition_all_digits(split):
    together = np.concatenate([split.train_indices, split.test_indices])
    assert np.array_equal(np.sort(together), np.arange(N_DIGITS))


def test_split_inputs_are_the_images_scaled_to_unit_range(split):
    assert split.X_train.dtype == np.float64
    assert np.array_equal(split.X_train, split.images_train.reshape(-1, 64) / 16)
    assert np.array_equal(split.X_test, split.images_test.reshape(-1, 64) / 16)
    assert split.X_train.min() == 0.0 and split.X_train.max() == 1.0


@pytest.mark.parametrize("seed", [0, 1, 4])
def test_split_matches_sklearn_train_test_split(seed):
    digits = load_digits()
    images_train, images_test, y_train, y_test = train_test_split(
        digits.images, digits.target, test_size=0.25, random_state=seed
    )
    split = load_split(seed)
    assert np.array_equal(split.images_train, images_train)
    assert np.array_equal(split.images_test, images_test)
    assert np.array_equal(split.y_train, y_train)
    assert np.array_equal(split.y_test, y_test)


def test_split_indices_point_at_their_digits_in_load_digits():
    digits = load_digits()
    split = load_split(3)
    assert np.array_equal(digits.images[split.test_indices], split.images_test)
    assert np.array_equal(digits.target[split.test_indices], split.y_test)
    assert np.array_equal(digits.images[split.train_indices], split.images_train)


def test_split_is_reproducible_for_a_seed():
    first, second = load_split(7), load_split(7)
    assert np.array_equal(first.test_indices, second.test_indices)
    assert np.array_equal(first.train_indices, second.train_indices)


def test_split_differs_between_seeds():
    assert not np.array_equal(load_split(0).test_indices, load_split(1).test_indices)


def test_one_hot_puts_a_single_one_at_each_label():
    labels = np.array([3, 0, 9, 3])
    encoded = one_hot(labels)
    expected = np.zeros((4, 10))
    expected[0, 3] = expected[1, 0] = expected[2, 9] = expected[3, 3] = 1.0
    assert np.array_equal(encoded, expected)


def test_one_hot_honours_the_number_of_classes():
    assert one_hot(np.array([0, 2]), n_classes=3).tolist() == [[1, 0, 0], [0, 0, 1]]


def test_distort_keeps_shape_and_the_0_16_range(split):
    distorted = distort(split.images_train[:200], np.random.default_rng(0))
    assert distorted.shape == (200, 64)
    assert distorted.min() >= 0.0
    assert distorted.max() <= 16.0


def test_distort_changes_the_digits(split):
    originals = split.images_train[:200].reshape(-1, 64)
    distorted = distort(split.images_train[:200], np.random.default_rng(0))
    # the default distortion moves ink by ~1.6 of 16 levels per pixel on average (measured)
    assert np.abs(distorted - originals).mean() > 1.0


def test_distort_is_reproducible_for_a_generator_seed(split):
    first = distort(split.images_train[:50], np.random.default_rng(5))
    second = distort(split.images_train[:50], np.random.default_rng(5))
    assert np.array_equal(first, second)


def test_distort_accepts_flat_digits_like_8x8_ones(split):
    grid = distort(split.images_train[:20], np.random.default_rng(2))
    flat = distort(split.images_train[:20].reshape(20, 64), np.random.default_rng(2))
    assert np.array_equal(grid, flat)


def test_zero_distortion_approximately_preserves_digits(split):
    """The 8x8 -> 32x32 (ink where at least half dark) -> 8x8 round trip moves grey levels
    but keeps each digit recognisably itself."""
    originals = split.images_train.reshape(-1, 64).astype(np.float64)
    kept = distort(
        split.images_train,
        np.random.default_rng(0),
        max_rotation=0.0,
        max_scale=0.0,
        max_shear=0.0,
        max_shift=0.0,
    )
    # measured: 0.74 of 16 levels per pixel on average
    assert np.abs(kept - originals).mean() < 1.0
    # measured: 99.0% of the round-tripped digits are nearest (Euclidean) to their own original
    distances = (kept**2).sum(axis=1)[:, None] - 2 * kept @ originals.T + (originals**2).sum(axis=1)
    nearest_is_self = distances.argmin(axis=1) == np.arange(len(originals))
    assert nearest_is_self.mean() >= 0.97

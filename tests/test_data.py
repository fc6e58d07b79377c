"""The course's split of load_digits, one-hot labels and the augmentation's distortions."""

import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from bpdraw.data import BITMAP_SIZE, N_INPUTS, PIXEL_MAX, count_blocks, load_split, one_hot, scale

N_DIGITS = 1797  # load_digits ships 1797 8x8 digits


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


def test_the_format_constants_agree_with_load_digits(split):
    assert N_INPUTS == split.images_train[0].size == 64
    assert PIXEL_MAX == split.images_train.max() == 16


def test_scale_maps_0_16_onto_0_1_as_flat_rows():
    images = np.arange(2 * 64).reshape(2, 8, 8) % 17
    scaled = scale(images)
    assert scaled.shape == (2, 64)
    np.testing.assert_array_equal(scaled * 16, images.reshape(2, 64))


def test_count_blocks_sums_each_4x4_block():
    bitmap = np.zeros((BITMAP_SIZE, BITMAP_SIZE), dtype=bool)
    bitmap[0:4, 0:4] = True  # a full top-left block: 16
    bitmap[30, 5] = True  # one pixel in block (7, 1)
    counts = count_blocks(bitmap)
    assert counts.shape == (8, 8)
    assert counts[0, 0] == 16 and counts[7, 1] == 1 and counts.sum() == 17


def test_count_blocks_counts_a_batch_digit_by_digit():
    rng = np.random.default_rng(0)
    bitmaps = rng.random((3, BITMAP_SIZE, BITMAP_SIZE))
    batch = count_blocks(bitmaps)
    assert batch.shape == (3, 8, 8)
    np.testing.assert_allclose(batch[2], count_blocks(bitmaps[2]))

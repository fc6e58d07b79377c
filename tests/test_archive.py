"""Bounded .npz reading: sizes checked before allocation, only regular files, no pickle."""

import os
import resource

import numpy as np
import pytest

from bpdraw.archive import ArchiveError, expect_shape, read_npz


def accept_all(name, shape, dtype):
    return None


def test_reads_back_what_numpy_saved(tmp_path):
    path = tmp_path / "a.npz"
    weights = np.arange(12.0).reshape(3, 4)
    np.savez(path, weights=weights, fortran=np.asfortranarray(weights), label=np.array("hi"))
    arrays = read_npz(path, accept_all, max_file_bytes=10**6)
    assert np.array_equal(arrays["weights"], weights)
    assert np.array_equal(arrays["fortran"], weights)
    assert str(arrays["label"]) == "hi"


def test_the_check_sees_each_shape_before_the_values_are_read(tmp_path):
    path = tmp_path / "a.npz"
    np.savez(path, weights=np.zeros((3, 4)))

    def check(name, shape, dtype):
        return expect_shape(name, shape, dtype, (4, 3), "f")

    with pytest.raises(ArchiveError, match=r"weights has shape \(3, 4\), expected \(4, 3\)"):
        read_npz(path, check, max_file_bytes=10**6)


def test_a_huge_declared_array_is_refused_without_allocating_it(tmp_path, npz):
    # a small file whose header declares 2 GiB of float64
    path = tmp_path / "bomb.npz"
    header = {"descr": "<f8", "fortran_order": False, "shape": (2**28,)}
    npz.write(path, {"weights_0.npy": npz.npy(header, b"\0" * 64)})
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    try:  # would need 2 GiB if it were allocated
        resource.setrlimit(resource.RLIMIT_AS, (2**30 + 2**29 * 3, hard))
        with pytest.raises(ArchiveError, match="declares more values than the archive holds"):
            read_npz(path, accept_all, max_file_bytes=10**6)
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_a_check_refusing_the_size_stops_before_reading(tmp_path, npz):
    path = tmp_path / "big.npz"
    header = {"descr": "<f8", "fortran_order": False, "shape": (10_000, 10_000)}
    npz.write(path, {"weights_0.npy": npz.npy(header)})

    def check(name, shape, dtype):
        return f"{name} is too big" if np.prod(shape) > 10**6 else None

    with pytest.raises(ArchiveError, match="weights_0 is too big"):
        read_npz(path, check, max_file_bytes=10**6)


def test_object_arrays_are_never_unpickled(tmp_path):
    path = tmp_path / "pickle.npz"
    np.savez(path, payload=np.array([{"a": 1}], dtype=object))
    with pytest.raises(ArchiveError, match="pickle"):
        read_npz(path, accept_all, max_file_bytes=10**6)


@pytest.mark.parametrize(
    "members, problem",
    [
        ({"notes.txt": b"hello"}, "not a NumPy array"),
        ({"a.npy": b"\x93NUMPY garbage"}, "a is in an unknown .npy version"),
        ({"a.npy": b"\x93NUMPY\x01\x00\x10\x00{not a header}  "}, "a is damaged"),
        ({"a.npy": {"descr": "<f8", "fortran_order": False, "shape": (8,)}}, "declares more"),
    ],
)
def test_damaged_members_get_a_message(tmp_path, npz, members, problem):
    path = tmp_path / "bad.npz"
    # a header given as a dict declares 8 values and holds one
    members = {
        name: npz.npy(data, b"\0" * 8) if isinstance(data, dict) else data
        for name, data in members.items()
    }
    npz.write(path, members)
    with pytest.raises(ArchiveError, match=problem):
        read_npz(path, accept_all, max_file_bytes=10**6)


def test_too_many_members_are_refused(tmp_path):
    path = tmp_path / "many.npz"
    np.savez(path, **{f"a{i}": np.zeros(1) for i in range(70)})
    with pytest.raises(ArchiveError, match="70 members"):
        read_npz(path, accept_all, max_file_bytes=10**6)


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "a.npz"
    np.savez(path, weights=np.zeros(1000))
    with pytest.raises(ArchiveError, match="MB"):
        read_npz(path, accept_all, max_file_bytes=1000)


def test_not_a_zip_file(tmp_path):
    path = tmp_path / "a.npz"
    path.write_bytes(b"hello, not a zip")
    with pytest.raises(ArchiveError, match="not an .npz archive"):
        read_npz(path, accept_all, max_file_bytes=10**6)


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.npz"
    os.mkfifo(fifo)
    with pytest.raises(ArchiveError, match="not a regular file"):
        read_npz(fifo, accept_all, max_file_bytes=10**6)


def test_a_device_and_a_folder_are_refused(tmp_path):
    with pytest.raises(ArchiveError, match="not a regular file"):
        read_npz("/dev/zero", accept_all, max_file_bytes=10**6)
    with pytest.raises(ArchiveError, match="folder"):
        read_npz(tmp_path, accept_all, max_file_bytes=10**6)


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(ArchiveError, match="cannot be read"):
        read_npz(tmp_path / "nope.npz", accept_all, max_file_bytes=10**6)

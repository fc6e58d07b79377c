"""Model files that try to exhaust memory, hang or crash bpdraw, and saves without side effects
(issue 9): each reproducer is built here, small, and must end in seconds with a message."""

import io
import json
import os
import resource
import stat
import subprocess
import sys

import numpy as np
import pytest

from bpdraw.model import MAX_PARAMETERS, Model, ModelFileError, check_save_target, load
from bpdraw.network import Network

TWO_GIB = 2**31


def small_model(hidden_units=5):
    network = Network.initialise((64, hidden_units, 10), np.random.default_rng(0), "scaled")
    return Model(network, {"recipe": "fast"})


def metadata_member(metadata: dict | str) -> bytes:
    text = metadata if isinstance(metadata, str) else json.dumps(metadata)
    stream = io.BytesIO()
    np.save(stream, np.array(text))
    return stream.getvalue()


@pytest.fixture
def memory_capped():
    """At most 2 GiB of address space beyond what the test process already uses."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as statm:
        used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (used + TWO_GIB, hard))
    yield
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_a_small_file_declaring_a_2_gib_array_is_refused_before_allocating(
    tmp_path, npz, memory_capped
):
    path = tmp_path / "bomb.npz"
    sizes = [64, 5, 10]
    npz.write(
        path,
        {
            "metadata.npy": metadata_member(
                {"format_version": 1, "layer_sizes": sizes, "output": "softmax"}
            ),
            "weights_0.npy": npz.npy(
                {"descr": "<f8", "fortran_order": False, "shape": (2**28,)}, b"\0" * 4096
            ),
        },
    )
    with pytest.raises(ModelFileError, match="bomb.npz: weights_0 has shape"):
        load(path)


def test_a_network_legal_in_shape_but_huge_in_total_is_refused(tmp_path, npz, memory_capped):
    # 8 layers of 10000 x 10000: every layer within the per-layer limit, 800 million in all
    path = tmp_path / "huge.npz"
    sizes = [64] + [10_000] * 7 + [10]
    members = {
        "metadata.npy": metadata_member(
            {"format_version": 1, "layer_sizes": sizes, "output": "softmax"}
        )
    }
    for layer in range(8):
        shape = (sizes[layer], sizes[layer + 1])
        payload = bytes(8 * shape[0] * shape[1]) if layer == 0 else b""  # 5 MB of zeros
        members[f"weights_{layer}.npy"] = npz.npy(
            {"descr": "<f8", "fortran_order": False, "shape": shape}, payload
        )
    npz.write(path, members)
    with pytest.raises(ModelFileError, match=f"more than {MAX_PARAMETERS:,} parameters"):
        load(path)


@pytest.mark.parametrize(
    "metadata, problem",
    [
        ('{"format_version": 1, "big": ' + "9" * 5000 + "}", "beyond reason"),
        ("[" * 100_000 + "]" * 100_000, "not a JSON text of a sensible size"),
        ('{"format_version": 1, "deep": ' + "[" * 20_000 + "]" * 20_000 + "}", "beyond reason"),
    ],
)
def test_metadata_with_absurd_numbers_or_nesting_gets_a_message(tmp_path, npz, metadata, problem):
    path = tmp_path / "odd.npz"
    npz.write(path, {"metadata.npy": metadata_member(metadata)})
    with pytest.raises(ModelFileError, match=problem):
        load(path)


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "model.npz"
    os.mkfifo(fifo)
    with pytest.raises(ModelFileError, match="not a regular file"):
        load(fifo)


def test_dev_zero_is_refused_at_once():
    with pytest.raises(ModelFileError, match="/dev/zero: is not a regular file"):
        load("/dev/zero")


# -- saving ---------------------------------------------------------------------------------
def test_a_new_file_gets_the_umask_permissions(tmp_path):
    previous = os.umask(0o002)
    try:
        small_model().save(tmp_path / "m.npz")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "m.npz").stat().st_mode) == 0o664


def test_an_existing_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "m.npz"
    small_model().save(path)
    path.chmod(0o640)
    small_model(7).save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load(path).network.layer_sizes == (64, 7, 10)


def test_saving_through_a_symlink_writes_its_target(tmp_path):
    target = tmp_path / "real.npz"
    small_model().save(target)
    link = tmp_path / "link.npz"
    link.symlink_to(target)
    small_model(7).save(link)
    assert link.is_symlink()
    assert load(target).network.layer_sizes == (64, 7, 10)


@pytest.mark.parametrize("make", ["fifo", "folder"])
def test_a_target_that_is_not_a_regular_file_is_refused_and_left_alone(tmp_path, make):
    target = tmp_path / "target"
    os.mkfifo(target) if make == "fifo" else target.mkdir()
    with pytest.raises(OSError, match="not a regular file"):
        small_model().save(target)
    assert stat.S_ISFIFO(target.stat().st_mode) if make == "fifo" else target.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_refused(name):
    with pytest.raises(OSError, match="no file name"):
        check_save_target(name)


def test_a_missing_folder_is_known_before_saving(tmp_path):
    with pytest.raises(OSError, match="does not exist"):
        check_save_target(tmp_path / "missing" / "m.npz")


def test_a_temporary_left_by_a_killed_save_is_removed_by_the_next_save(tmp_path):
    path = tmp_path / "m.npz"
    # a save killed mid-write: a child process that dies before the rename
    code = (
        "import os, sys, numpy as np\n"
        "import bpdraw.model as m\n"
        "def die(stream, **arrays):\n"
        "    stream.write(b'partial'); stream.flush(); os._exit(9)\n"
        "np.savez = die\n"
        f"m.Model(m.Network.initialise((64, 5, 10), np.random.default_rng(0), 'scaled'))"
        f".save({str(path)!r})\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1
    small_model().save(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"]


def test_a_temporary_of_a_save_still_running_is_left_alone(tmp_path):
    path = tmp_path / "m.npz"
    running = tmp_path / f".m.npz.{os.getppid()}.abc.tmp"  # our parent is alive
    running.write_bytes(b"in progress")
    small_model().save(path)
    assert running.exists()

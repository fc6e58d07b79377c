"""The command line's teach and inside commands, and train's output checks."""

from __future__ import annotations

import numpy as np
import pytest

from bpdraw import cli, training
from bpdraw.augment import load_pen_packed, select
from bpdraw.model import load, load_default
from bpdraw.training import Progress

DRAWINGS_PER_DIGIT = 2


def write_samples(path, chosen=None, labels=None):
    """A strokes file of shipped pen digits: by default 2 of each digit by writer 01."""
    packed, all_labels, writers = load_pen_packed()
    if chosen is None:
        chosen = np.concatenate(
            [
                np.flatnonzero((all_labels == digit) & (writers == "01"))[:DRAWINGS_PER_DIGIT]
                for digit in range(10)
            ]
        )
    part = select(packed, chosen)
    np.savez(
        path,
        points=part.points.astype(np.int32),
        stroke_ptr=part.stroke_ptr,
        sample_ptr=part.sample_ptr,
        labels=np.asarray(all_labels[chosen] if labels is None else labels, dtype=np.int64),
        writer=np.array(["01"] * len(chosen)),
    )
    return path


@pytest.fixture
def no_training(monkeypatch):
    """Any attempt to train fails the test: a refused output must come first."""

    def refuse(*arguments, **keywords):
        raise AssertionError("training started although the output was refused")

    monkeypatch.setattr(training, "train", refuse)


@pytest.mark.parametrize(
    "output, reason",
    [("", "no file name given"), ("missing/m.npz", "does not exist"), (".", "not a regular")],
)
def test_train_refuses_a_bad_output_before_training(
    tmp_path, monkeypatch, no_training, capsys, output, reason
):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["train", "--steps", "100", "-o", output]) == 2
    printed = capsys.readouterr()
    assert reason in printed.err and "Give -o a file name" in printed.err
    assert "training:" not in printed.out


def test_train_refuses_a_device_as_output(no_training, capsys):
    assert cli.main(["train", "--steps", "100", "-o", "/dev/null"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_train_without_output_says_how_to_keep_the_model(capsys):
    assert cli.main(["train", "--steps", "200"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "-o FILE.npz" in last and "to keep the model" in last


def test_the_preparing_line_fits_80_columns_and_says_the_time_left():
    event = Progress(
        0, 16, "epoch", float("nan"), float("nan"), None, 1234.5, None,
        prepared=1, preparation_steps=5, preparation_seconds=1234.5, training_forecast=2.0,
    )  # fmt: skip
    line = cli._preparing_line(event)
    assert len(line) < 80
    assert "1/5" in line and "left in all" in line


def test_teach_saves_a_taught_model_and_prints_before_and_after(tmp_path, capsys):
    samples = write_samples(tmp_path / "mine.npz")
    out = tmp_path / "taught.npz"
    assert cli.main(["teach", str(samples), "-o", str(out), "--seed", "1"]) == 0
    printed = capsys.readouterr().out
    assert "taught 20 drawings" in printed
    assert "your drawings" in printed and "before" in printed and "after" in printed
    assert "test digits (450)" in printed
    assert load(out).network.layer_sizes == load_default().network.layer_sizes


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda path: write_samples(path, chosen=np.array([0])), "too few"),
        (lambda path: write_samples(path, chosen=np.arange(6), labels=[3] * 6), "all drawings"),
        (lambda path: write_samples(path, chosen=np.arange(6), labels=[1, 2, 3, 4, 5, 12]), "0-9"),
        (lambda path: path.write_bytes(b"not an archive") and path, "strokes file"),
    ],
    ids=["one drawing", "one class", "label out of range", "not a strokes file"],
)
def test_teach_refuses_bad_samples_and_writes_nothing(tmp_path, capsys, make, message):
    samples = make(tmp_path / "bad.npz")
    out = tmp_path / "taught.npz"
    assert cli.main(["teach", str(samples), "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_teach_refuses_a_base_that_is_not_a_model(tmp_path, capsys):
    samples = write_samples(tmp_path / "mine.npz")
    base = tmp_path / "base.npz"
    base.write_bytes(b"not a model")
    out = tmp_path / "taught.npz"
    assert cli.main(["teach", str(samples), "--model", str(base), "-o", str(out)]) == 2
    assert "is not a bpdraw model file" in capsys.readouterr().err
    assert not out.exists()


def test_inside_saves_the_picture_of_a_drawing_from_strokes(tmp_path, capsys):
    samples = write_samples(tmp_path / "mine.npz")
    out = tmp_path / "inside.png"
    assert cli.main(["inside", "--strokes", str(samples), "--index", "3", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "read as" in capsys.readouterr().out


def test_inside_saves_the_picture_of_a_drawing_from_an_image(tmp_path, picture_of_a_zero):
    from PIL import Image

    image = tmp_path / "zero.png"
    Image.fromarray(picture_of_a_zero()).save(image)
    out = tmp_path / "inside.png"
    assert cli.main(["inside", str(image), "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_inside_saves_the_weight_mosaic(tmp_path, capsys):
    out = tmp_path / "mosaic.png"
    assert cli.main(["inside", "--weights", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "hidden units" in capsys.readouterr().out


def test_inside_refuses_an_index_beyond_the_file(tmp_path, capsys):
    samples = write_samples(tmp_path / "mine.npz")
    out = tmp_path / "inside.png"
    assert cli.main(["inside", "--strokes", str(samples), "--index", "99", "-o", str(out)]) == 2
    assert "give --index from 0 to 19" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_evaluate_a_fifo_or_device_is_one_clear_line(tmp_path, capsys, target):
    import os

    if target == "fifo":
        target = str(tmp_path / "pipe.npz")
        os.mkfifo(target)
    assert cli.main(["evaluate", target]) == 2
    assert cli.main(["evaluate", "--strokes", target]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("bpdraw: ") for line in errors)

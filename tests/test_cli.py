"""The command line: what a user types, what they get back."""

from __future__ import annotations

import numpy as np
import pytest

from bpdraw import __version__, cli
from bpdraw.bench import Row, format_table
from bpdraw.model import load
from bpdraw.strokes_file import StrokesFileError, read_strokes_file
from bpdraw.training import RECIPES, TRAINING_DATA, ClassicConfig, FastConfig, Progress


def vertical_line():
    return [np.array([[50.0, 0.0], [50.0, 100.0]])]


def loop():
    angles = np.linspace(0, 2 * np.pi, 40)
    return [np.stack([50 + 30 * np.cos(angles), 50 + 45 * np.sin(angles)], axis=1)]


def write_strokes(path, drawings, labels, **overrides):
    points = np.concatenate([s for d in drawings for s in d]).astype(np.int32)
    stroke_lengths = [len(s) for d in drawings for s in d]
    arrays = {
        "points": points,
        "stroke_ptr": np.concatenate([[0], np.cumsum(stroke_lengths)]).astype(np.int64),
        "sample_ptr": np.concatenate([[0], np.cumsum([len(d) for d in drawings])]).astype(np.int64),
        "labels": np.asarray(labels, dtype=np.int64),
        "writer": np.array(["01"] * len(labels)),
    }
    arrays.update(overrides)
    np.savez(path, **arrays)


def test_train_classic_prints_accuracy_and_confusion_and_saves(tmp_path, capsys):
    out = tmp_path / "mine.npz"
    assert cli.main(["train", "--steps", "3000", "--seed", "1", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "test accuracy: 0." in printed
    assert "true\\pred" in printed and "precision" in printed
    model = load(out)
    assert model.recipe == "classic"
    assert model.metadata["settings"]["steps"] == 3000 and model.metadata["seed"] == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["train", "--hidden", "0"], "hidden units must be between 1"),
        (["train", "--lr", "-1"], "learning rate must be greater than 0"),
        (["train", "--steps", "0"], "steps must be between 1"),
        (["train", "--epochs", "5"], "--epochs is for the fast recipe"),
        (["train", "--recipe", "fast", "--steps", "5"], "--steps is for the classic recipe"),
        (["train", "--data", "digits+pen"], "--data is for the fast recipe"),
        (["train", "--lr", "50", "--steps", "3000"], "learning rate 50 is too large"),
    ],
)
def test_train_refuses_bad_settings_with_a_clear_message(arguments, message, capsys):
    assert cli.main(arguments) == 2
    assert message in capsys.readouterr().err


def test_evaluate_the_shipped_model(capsys):
    assert cli.main(["evaluate"]) == 0
    printed = capsys.readouterr().out
    assert "test accuracy: 0.9" in printed and "on 450 test digits" in printed


def test_evaluate_a_bad_model_file_says_what_is_wrong(tmp_path, capsys):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model at all")
    assert cli.main(["evaluate", str(bad)]) == 2
    assert f"{bad}: is not a bpdraw model file" in capsys.readouterr().err


def test_evaluate_strokes_reads_drawings_through_the_canvas_conversion(tmp_path, capsys):
    path = tmp_path / "drawn.npz"
    write_strokes(path, [vertical_line(), loop(), [np.array([[5, 5], [5, 5]])]], [1, 0, 7])
    assert cli.main(["evaluate", "--strokes", str(path)]) == 0
    printed = capsys.readouterr().out
    # the line and the loop are read; the dot is nothing drawn and counts as wrong
    assert "3 drawings" in printed and "1 read as nothing drawn" in printed
    assert "accuracy: 0.6667" in printed


def test_strokes_file_with_broken_pointers_is_refused(tmp_path):
    path = tmp_path / "broken.npz"
    write_strokes(path, [vertical_line()], [1], stroke_ptr=np.array([0, 99]))
    with pytest.raises(StrokesFileError, match="stroke_ptr must rise from 0 to 2"):
        read_strokes_file(path)


def test_strokes_file_that_is_not_an_archive_is_refused(tmp_path, capsys):
    path = tmp_path / "text.npz"
    path.write_text("hello")
    assert cli.main(["evaluate", "--strokes", str(path)]) == 2
    assert "is not an .npz archive of strokes" in capsys.readouterr().err


def test_predict_reads_a_digit_from_an_image(tmp_path, capsys):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(1, 1.4), dpi=80)
    axes = figure.add_axes([0, 0, 1, 1])
    axes.axis("off")
    (stroke,) = loop()
    axes.plot(stroke[:, 0], -stroke[:, 1], "k-", linewidth=4)
    axes.margins(0.25)
    image = tmp_path / "zero.png"
    figure.savefig(image)
    plt.close(figure)
    blank = tmp_path / "blank.png"
    plt.imsave(blank, np.ones((40, 40)), cmap="gray", vmin=0, vmax=1)

    assert cli.main(["predict", str(image), str(blank)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{image}: 0 (")
    assert lines[1] == f"{blank}: nothing drawn (the image looks blank)"


def test_predict_a_missing_or_unreadable_image_fails_clearly(tmp_path, capsys):
    garbage = tmp_path / "garbage.png"
    garbage.write_bytes(b"\x00\x01 not an image")
    assert cli.main(["predict", str(tmp_path / "missing.png"), str(garbage)]) == 2
    err = capsys.readouterr().err
    assert "missing.png: no such file" in err
    assert f"{garbage}: cannot read this image" in err


def test_bench_table_gives_ratios_to_the_reference():
    ours = Row("fast", [0.98, 0.99], [1.0, 3.0], [0.1, 0.3], np.full(10, 0.02))
    reference = Row("MLPClassifier (100,)", [0.97, 0.97], [4.0, 4.0], [0.8, None])
    reference.latencies_ms = np.full(10, 0.1)
    table = format_table([ours, reference])
    fast_line = next(line for line in table.splitlines() if line.startswith("fast"))
    # train median 2.0 / 4.0 = 0.50; to-0.97 median 0.2 / median(0.8, never) = inf -> "—"
    assert fast_line.split()[1:6] == ["0.9850", "0.980", "0.990", "2.00", "0.50"]
    assert "—" in fast_line


def test_every_command_has_help(capsys):
    for command in ("train", "evaluate", "predict", "bench"):
        with pytest.raises(SystemExit) as exit_:
            cli.main([command, "--help"])
        assert exit_.value.code == 0
        assert f"usage: bpdraw {command}" in capsys.readouterr().out


def test_without_a_display_the_app_command_says_so(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(cli.sys, "platform", "linux")
    assert cli.main([]) == 2
    assert "no display to open the window on" in capsys.readouterr().err


def test_evaluate_strokes_where_nothing_is_drawn_is_refused(tmp_path, capsys):
    path = tmp_path / "dots.npz"
    write_strokes(path, [[np.array([[5, 5], [5, 5]])]], [7])
    assert cli.main(["evaluate", "--strokes", str(path)]) == 2
    assert "every drawing reads as nothing drawn" in capsys.readouterr().err


def test_version_is_the_packages(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"bpdraw {__version__}"


def train_help(capsys) -> str:
    with pytest.raises(SystemExit):
        cli.main(["train", "--help"])
    return " ".join(capsys.readouterr().out.split())  # argparse wraps lines


def test_train_help_offers_every_recipe_and_data_choice(capsys):
    text = train_help(capsys)
    assert "{" + ",".join(RECIPES) + "}" in text
    assert "{" + ",".join(TRAINING_DATA) + "}" in text
    for kind in RECIPES.values():
        assert f"--{kind.length_setting}" in text


def test_train_help_reads_its_defaults_from_the_configs(monkeypatch, capsys):
    # a changed default in a config shows in the help without touching the CLI
    for kind, setting, value in [
        (ClassicConfig, "steps", 12_345),
        (FastConfig, "epochs", 77),
        (FastConfig, "learning_rate", 0.0421),
    ]:
        monkeypatch.setattr(kind.__dataclass_fields__[setting], "default", value)
    text = train_help(capsys)
    assert "(default 12345)" in text
    assert "(default 77)" in text
    assert "fast 0.0421" in text


def test_train_refuses_the_other_recipes_length(capsys):
    assert cli.main(["train", "--recipe", "classic", "--epochs", "3"]) == 2
    assert "--epochs is for the fast recipe" in capsys.readouterr().err
    assert cli.main(["train", "--recipe", "fast", "--steps", "3"]) == 2
    assert "--steps is for the classic recipe" in capsys.readouterr().err


@pytest.mark.parametrize(
    "done, total, unit, validation",
    [(1, 30_000, "step", None), (30_000, 30_000, "step", None), (3, 26, "epoch", 0.987)],
)
def test_a_progress_line_fits_80_columns(done, total, unit, validation):
    event = Progress(done, total, unit, 0.1234, 0.987, validation, 95.0, None)
    line = cli._progress_line(event)
    assert len(line) < 80
    assert f"{unit} {done:,}/{total:,}" in line


def test_the_progress_line_says_the_time_left_without_the_preparation():
    event = Progress(
        1, 2, "epoch", 0.5, 0.9, 0.9, 74.0, None,
        preparation_seconds=70.0, work_done=1.0, work_total=2.0,
    )  # fmt: skip
    assert "~4.0 s left" in cli._progress_line(event)


def test_bench_help_names_no_developer_path(capsys):
    with pytest.raises(SystemExit):
        cli.main(["bench", "--help"])
    text = capsys.readouterr().out
    assert "shared" not in text and "../" not in text
    assert "shipped" in text


def test_train_shipped_starts_from_the_shipped_models_recipe(tmp_path, capsys):
    """--shipped trains what assets/default_model.npz was trained with; options change it."""
    from bpdraw.recipes import TRAINING_DATA_NAMES, shipped_config

    path = tmp_path / "like-shipped.npz"
    assert cli.main(["train", "--shipped", "--epochs", "1", "--hidden", "30", "-o", str(path)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("training: fast recipe, hidden units 30,")
    model = load(path)
    expected = shipped_config(epochs=1, hidden_units=30)
    assert tuple(model.network.layer_sizes) == (64, 30, 10)
    assert expected.training_data == "digits+pen"
    assert model.metadata["training_data"] == TRAINING_DATA_NAMES["digits+pen"]
    assert f"batch size {expected.batch_size}" in printed
    assert f"pen copies {expected.pen_copies}" in printed


def test_train_shipped_refuses_the_classic_recipe(capsys):
    assert cli.main(["train", "--shipped", "--recipe", "classic"]) == 2
    assert "--shipped is the fast recipe's; leave out --recipe classic" in capsys.readouterr().err

"""The user's drawings store (SQLite) and adapting a model to them."""

from __future__ import annotations

import importlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from bpdraw.augment import load_pen_packed, render
from bpdraw.cli_teach import teach_report_lines
from bpdraw.model import load_default
from bpdraw.personal import (
    AdaptCancelled,
    BadTeachingData,
    SampleError,
    SampleStore,
    adapt,
    teach_file,
    teach_report,
)
from bpdraw.personal.adapt import pack_drawings
from bpdraw.personal.store import SCHEMA_VERSION
from bpdraw.strokes_file import StrokesFileError, read_strokes_file

SEVEN = [np.array([[10.0, 10.0], [60.0, 10.0], [30.0, 90.0]])]
FOUR = [np.array([[40.0, 0.0], [5.0, 60.0], [60.0, 60.0]]), np.array([[45.0, 20.0], [45.0, 100.0]])]


@pytest.fixture
def store(tmp_path):
    with SampleStore(tmp_path / "digits.sqlite3") as opened:
        yield opened


# -- the store ------------------------------------------------------------------------------
def test_add_then_read_back_strokes_label_and_first_answer(store):
    first = store.add(SEVEN, 7, predicted=1)
    second = store.add(FOUR, 4)
    assert len(store) == 2
    sample = store.get(first)
    assert (sample.label, sample.predicted) == (7, 1)
    np.testing.assert_array_equal(sample.strokes[0], SEVEN[0])
    assert [len(s) for s in store.get(second).strokes] == [3, 2]
    assert store.get(second).predicted is None
    assert [s.id for s in store] == [first, second]


def test_drawings_persist_in_a_new_store_on_the_same_file(tmp_path):
    path = tmp_path / "digits.sqlite3"
    with SampleStore(path) as store:
        store.add(SEVEN, 7)
    with SampleStore(path) as reopened:
        assert [s.label for s in reopened.samples()] == [7]
        assert reopened.recovered_from is None


def test_default_path_is_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with SampleStore() as store:
        assert store.path == tmp_path / "bpdraw" / "my_digits.sqlite3"


def test_delete_counts_and_first_answer_accuracy(store):
    assert store.first_answer_accuracy() is None
    store.add(SEVEN, 7, predicted=7)
    wrong = store.add(SEVEN, 7, predicted=1)
    store.add(FOUR, 4, predicted=4)
    store.add(FOUR, 4)  # no first answer: not counted
    assert store.counts() == [0, 0, 0, 0, 2, 0, 0, 2, 0, 0]
    assert store.first_answer_accuracy() == pytest.approx(2 / 3)
    assert store.delete(wrong) is True
    assert store.delete(wrong) is False
    assert store.first_answer_accuracy() == 1.0
    with pytest.raises(KeyError):
        store.get(wrong)


@pytest.mark.parametrize(
    "strokes, label, predicted",
    [
        (SEVEN, 10, None),
        (SEVEN, -1, None),
        (SEVEN, 7, 11),
        ([], 7, None),
        ([np.full((4, 2), np.nan)], 7, None),
        ([np.zeros((100_001, 2))], 7, None),
        ([np.zeros((4, 3))], 7, None),
    ],
)
def test_absurd_drawings_are_refused_and_nothing_stored(store, strokes, label, predicted):
    with pytest.raises(SampleError):
        store.add(strokes, label, predicted)
    assert len(store) == 0


def test_non_finite_points_are_dropped(store):
    stroke = np.array([[0.0, 0.0], [np.nan, 1.0], [5.0, np.inf], [3.0, 4.0]])
    sample = store.get(store.add([stroke], 1))
    np.testing.assert_array_equal(sample.strokes[0], [[0, 0], [3, 4]])


def test_export_is_a_strokes_file_and_imports_back(store, tmp_path):
    store.add(SEVEN, 7, predicted=1)
    store.add(FOUR, 4)
    path = tmp_path / "mine.npz"
    assert store.export(path) == 2
    packed, labels = read_strokes_file(path)  # what `bpdraw evaluate --strokes` reads
    assert labels.tolist() == [7, 4] and packed.n_drawings == 2
    with SampleStore(tmp_path / "other.sqlite3") as other:
        assert other.import_file(path) == 2
        imported = other.samples()
    assert [(s.label, s.predicted) for s in imported] == [(7, 1), (4, None)]
    for before, after in zip(store.samples(), imported, strict=True):
        assert before.created == after.created
        for a, b in zip(before.strokes, after.strokes, strict=True):
            np.testing.assert_array_equal(a, b)


def test_a_bad_file_is_refused_with_the_reason_and_imports_nothing(store, tmp_path):
    store.add(SEVEN, 7)
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not an archive")
    with pytest.raises(StrokesFileError, match="not an .npz"):
        store.import_file(garbage)
    # a well-formed file with one drawing the store refuses (a stroke of NaN only)
    points = np.array([[0, 0], [5, 9], [np.nan, np.nan]], dtype=np.float32)
    partly_bad = tmp_path / "partly_bad.npz"
    np.savez(
        partly_bad,
        points=points,
        stroke_ptr=np.array([0, 2, 3]),
        sample_ptr=np.array([0, 1, 2]),
        labels=np.array([3, 5]),
    )
    with pytest.raises(StrokesFileError, match="drawing 1.*nothing imported"):
        store.import_file(partly_bad)
    assert [s.label for s in store.samples()] == [7]


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "newer schema", "other sqlite"],
)
def test_a_damaged_store_is_moved_aside_and_a_fresh_one_opened(tmp_path, damage):
    path = tmp_path / "digits.sqlite3"
    with SampleStore(path) as store:
        store.add(SEVEN, 7)
    if damage == "garbage":
        path.write_bytes(os.urandom(8192))
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:1000])
    else:
        connection = sqlite3.connect(path)
        if damage == "newer schema":
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        else:
            connection.execute("DROP TABLE drawings")
            connection.execute("CREATE TABLE shopping (item TEXT)")
            connection.execute("PRAGMA user_version = 0")
        connection.commit()
        connection.close()
    with SampleStore(path) as recovered:
        assert recovered.recovered_from is not None
        assert len(recovered) == 0
        recovered.add(FOUR, 4)
    kept = list(tmp_path.glob("digits.sqlite3.damaged-*"))
    assert kept and kept[0].name in recovered.recovered_from
    with SampleStore(path) as reopened:
        assert reopened.recovered_from is None and len(reopened) == 1


def test_a_newer_store_is_kept_intact_beside_the_fresh_one(tmp_path):
    path = tmp_path / "digits.sqlite3"
    with SampleStore(path) as store:
        store.add(SEVEN, 7)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    with SampleStore(path) as fresh:
        assert "newer bpdraw" in fresh.recovered_from
    (kept,) = [p for p in tmp_path.glob("digits.sqlite3.damaged-*") if "-wal" not in p.name]
    assert sqlite3.connect(kept).execute("SELECT COUNT(*) FROM drawings").fetchone() == (1,)


def test_two_stores_on_one_file_both_add(tmp_path):
    path = tmp_path / "digits.sqlite3"
    with SampleStore(path) as first, SampleStore(path) as second:
        for _ in range(5):
            first.add(SEVEN, 7)
            second.add(FOUR, 4)
        assert len(first) == len(second) == 10


ADDING_FOREVER = textwrap.dedent(
    """
    import sys
    import numpy as np
    from bpdraw.personal.store import SampleStore

    store = SampleStore(sys.argv[1])
    rng = np.random.default_rng(int(sys.argv[2]))
    while True:
        label = int(rng.integers(10))
        points = np.full((int(rng.integers(1, 400)), 2), float(label))
        sample_id = store.add([points], label)
        print(sample_id, label, len(points), flush=True)
    """
)


def test_killing_a_process_while_it_adds_never_loses_a_committed_drawing(tmp_path):
    path = tmp_path / "digits.sqlite3"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    rng = np.random.default_rng(0)
    committed = {}
    for run in range(5):
        child = subprocess.Popen(
            [sys.executable, "-c", ADDING_FOREVER, str(path), str(run)],
            stdout=subprocess.PIPE,
            env=env,
        )
        # kill after a random number of committed adds: the kill lands somewhere in the
        # next add (inside or outside its transaction)
        for _ in range(int(rng.integers(1, 25))):
            sample_id, label, n_points = map(int, child.stdout.readline().split())
            committed[sample_id] = (label, n_points)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    with SampleStore(path) as store:
        assert store.recovered_from is None
        stored = {s.id: (s.label, len(s.strokes[0])) for s in store.samples()}
        assert store._connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert committed.items() <= stored.items()


# -- adapting -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pen_writer():
    """One shipped pen writer's drawings (as strokes) and labels, in a fixed order."""
    packed, labels, writers = load_pen_packed()
    points, stroke_ptr, sample_ptr = packed.points, packed.stroke_ptr, packed.sample_ptr
    chosen = np.flatnonzero(writers == "03")
    drawings = [
        [points[stroke_ptr[j] : stroke_ptr[j + 1]] for j in range(sample_ptr[i], sample_ptr[i + 1])]
        for i in chosen
    ]
    return drawings, labels[chosen]


def test_adapt_leaves_the_base_model_alone_and_records_itself(pen_writer):
    drawings, labels = pen_writer
    base = load_default()
    weights = [w.copy() for w in base.network.weights]
    adapted = adapt(base, drawings[:30], labels[:30], seed=1)
    for before, after in zip(weights, base.network.weights, strict=True):
        np.testing.assert_array_equal(before, after)
    record = adapted.metadata["adapted"]
    assert record["drawings"] == 30 and record["seed"] == 1
    assert record["base_model"] == base.describe()
    assert adapted.test_accuracy >= 0.97


def test_adapt_learns_from_and_is_scored_on_the_base_models_own_split(pen_writer, monkeypatch):
    """The base model's 450 test digits (of the split it was trained on, not always seed 0's)
    are never learnt from, and the taught model is scored on them."""
    adapt_module = importlib.import_module("bpdraw.personal.adapt")  # not the function

    drawings, labels = pen_writer
    base = load_default()
    assert base.split_seed != 0  # the shipped model's split is not seed 0's
    seeds = []
    real_split = adapt_module.load_split

    def recording_split(seed):
        seeds.append(seed)
        return real_split(seed)

    monkeypatch.setattr(adapt_module, "load_split", recording_split)
    adapted = adapt(base, drawings[:20], labels[:20], seed=2)
    assert seeds == [base.split_seed]
    own = real_split(base.split_seed)
    expected = np.mean(adapted.predict(own.images_test) == own.y_test)
    assert adapted.test_accuracy == pytest.approx(expected)
    assert adapted.split_seed == base.split_seed  # kept for the next teach


def test_adapt_is_deterministic_per_seed(pen_writer):
    drawings, labels = pen_writer
    base = load_default()
    first = adapt(base, drawings[:20], labels[:20], seed=3)
    again = adapt(base, drawings[:20], labels[:20], seed=3)
    np.testing.assert_array_equal(first.network.weights[0], again.network.weights[0])


def test_progress_rises_to_one_and_should_stop_cancels(pen_writer):
    drawings, labels = pen_writer
    fractions = []
    adapt(load_default(), drawings[:20], labels[:20], progress=fractions.append)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    with pytest.raises(AdaptCancelled):
        adapt(load_default(), drawings[:20], labels[:20], should_stop=lambda: True)


@pytest.mark.parametrize(
    "drawings, labels, message",
    [
        ([SEVEN], [7], "too few"),
        ([SEVEN, SEVEN, SEVEN], [7, 7, 7], "all drawings are 7s"),
        ([SEVEN, FOUR], [7, 12], "0-9"),
        ([SEVEN, FOUR], [7], "labels"),
        ([SEVEN, [np.array([[3.0, 3.0], [3.0, 3.0]])]], [7, 1], "nothing drawn"),
    ],
)
def test_adapt_refuses_what_it_cannot_learn_from(drawings, labels, message):
    with pytest.raises(BadTeachingData, match=message):
        adapt(load_default(), drawings, labels)


def test_adapt_learns_a_writer_the_model_reads_badly(pen_writer):
    """A writer who leans far back (x -= 0.9 y): the shipped model reads ~0.63 of their
    digits; taught 2 of each digit, the model reads the writer's other drawings far better
    and still reads load_digits' test digits."""
    drawings, labels = pen_writer
    leaning = [[stroke - np.outer(stroke[:, 1], [0.9, 0.0]) for stroke in d] for d in drawings]
    rng = np.random.default_rng(0)
    taught = np.concatenate(
        [rng.choice(np.flatnonzero(labels == d), 2, replace=False) for d in range(10)]
    )
    others = np.setdiff1d(np.arange(len(labels)), taught)
    X_others, drawn = render(pack_drawings([leaning[i] for i in others]))
    base = load_default()
    before = np.mean(base.predict(X_others[drawn]) == labels[others][drawn])
    adapted = adapt(base, [leaning[i] for i in taught], labels[taught])
    after = np.mean(adapted.predict(X_others[drawn]) == labels[others][drawn])
    assert before < 0.75 and after > 0.9
    assert adapted.test_accuracy >= 0.95


def test_teach_report_scores_drawings_it_did_not_teach(pen_writer):
    drawings, labels = pen_writer
    chosen = np.concatenate([np.flatnonzero(labels == d)[:4] for d in range(10)])
    report = teach_report(load_default(), [drawings[i] for i in chosen], labels[chosen])
    assert report.drawings == 40 and report.held_out == 10  # 1 of each digit's 4
    assert 0 <= report.own_before <= 1 and 0 <= report.own_after <= 1
    assert report.test_after >= 0.97
    assert report.model.metadata["adapted"]["drawings"] == 40
    assert any("test digits" in line for line in teach_report_lines(report))


def test_teach_report_with_too_few_drawings_to_hold_out_says_so():
    report = teach_report(load_default(), [SEVEN, FOUR], [7, 4])
    assert report.own_before is None and "too few" in report.note
    assert "not measured" in teach_report_lines(report)[1]


def test_teach_file_reads_an_exported_store(store, tmp_path, pen_writer):
    drawings, labels = pen_writer
    for digit in range(10):
        for i in np.flatnonzero(labels == digit)[:2]:
            store.add(drawings[i], int(labels[i]))
    store.export(tmp_path / "mine.npz")
    report = teach_file(load_default(), tmp_path / "mine.npz")
    assert report.drawings == 20 and report.held_out == 10

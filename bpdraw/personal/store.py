"""The user's own drawings, kept in an SQLite file that survives crashes, kills and upgrades.

Raw strokes are stored (not only the 8x8 digits), so a better conversion later can read
them again. Every change is one transaction in WAL mode with a busy timeout: a kill at
any moment loses at most the drawing being saved, and two windows can add at once. The
schema version lives in ``PRAGMA user_version``; an older file is migrated, a damaged
or newer one is moved aside (``<name>.damaged-<time>``) and a fresh store opened, with
the reason in ``SampleStore.recovered_from`` for the app to show.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from bpdraw.model import atomic_write, check_save_target
from bpdraw.strokes_file import StrokesFileError, read_strokes_file

SCHEMA_VERSION = 1
STORE_NAME = "my_digits.sqlite3"
MAX_POINTS_PER_STROKE = 100_000
MAX_STROKES_PER_DRAWING = 1_000
BUSY_TIMEOUT_SECONDS = 10.0

_SCHEMA_1 = """
CREATE TABLE drawings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label INTEGER NOT NULL CHECK (label BETWEEN 0 AND 9),
    predicted INTEGER CHECK (predicted IS NULL OR predicted BETWEEN 0 AND 9),
    created TEXT NOT NULL,
    points BLOB NOT NULL,          -- float32 little-endian x, y pairs, y down
    stroke_lengths BLOB NOT NULL   -- int32 little-endian, points per stroke
)
"""
# MIGRATIONS[v] turns a store of schema v into schema v + 1 (v = 0: an empty file).
MIGRATIONS: dict[int, Sequence[str]] = {0: (_SCHEMA_1,)}


class SampleError(ValueError):
    """A drawing or label the store refuses; the message says what was wrong."""


@dataclass(frozen=True)
class Sample:
    """One stored drawing: strokes are (k, 2) float arrays of x, y (y down)."""

    id: int
    label: int
    strokes: list[np.ndarray]
    predicted: int | None
    created: str


def default_path() -> Path:
    """platformdirs' user data directory for bpdraw / my_digits.sqlite3."""
    import platformdirs

    return Path(platformdirs.user_data_dir("bpdraw")) / STORE_NAME


class SampleStore:
    """The drawings a person taught bpdraw, in an SQLite file (default: the user data dir)."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.recovered_from: str | None = None
        self._lock = threading.Lock()
        try:
            self._connection = self._open()
        except (sqlite3.DatabaseError, _Unusable) as problem:
            moved = _move_aside(self.path)
            self.recovered_from = (
                f"{self.path} could not be used ({problem}); it was kept as {moved.name} "
                "and a new, empty store was started"
            )
            self._connection = self._open()

    # -- opening ------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                raise _Unusable("cannot switch to WAL journal mode")
            connection.execute("PRAGMA synchronous = FULL")
            self._migrate(connection)
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Unusable("the database is damaged (integrity check failed)")
        except BaseException:
            connection.close()
            raise
        return connection

    def _migrate(self, connection: sqlite3.Connection) -> None:
        with _transaction(connection):
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _Unusable(
                    f"it was written by a newer bpdraw (schema {version}, this one reads up "
                    f"to {SCHEMA_VERSION}); update bpdraw to use it"
                )
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if version == 0 and tables - {"sqlite_sequence"}:
                raise _Unusable("it is an SQLite file of something else, not bpdraw's drawings")
            while version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version]:
                    connection.execute(statement)
                version += 1
                connection.execute(f"PRAGMA user_version = {version}")
        columns = {row[1] for row in connection.execute("PRAGMA table_info(drawings)")}
        expected = {"id", "label", "predicted", "created", "points", "stroke_lengths"}
        if not expected <= columns:
            raise _Unusable(f"its drawings table lacks {', '.join(sorted(expected - columns))}")

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> SampleStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- adding and removing ------------------------------------------------------------
    def add(self, strokes: Sequence, label: int, predicted: int | None = None) -> int:
        """Store one drawing with its label (and the app's first answer); -> its id."""
        row = _row(strokes, label, predicted, _now())
        with self._lock, _transaction(self._connection):
            cursor = self._connection.execute(
                "INSERT INTO drawings (label, predicted, created, points, stroke_lengths) "
                "VALUES (?, ?, ?, ?, ?)",
                row,
            )
        return int(cursor.lastrowid)

    def delete(self, sample_id: int) -> bool:
        """Remove one drawing; -> False if there was none with that id."""
        with self._lock, _transaction(self._connection):
            cursor = self._connection.execute("DELETE FROM drawings WHERE id = ?", (sample_id,))
        return cursor.rowcount > 0

    # -- reading ------------------------------------------------------------------------
    def __len__(self) -> int:
        with self._lock:
            return self._connection.execute("SELECT COUNT(*) FROM drawings").fetchone()[0]

    def samples(self) -> list[Sample]:
        """Every drawing, oldest first."""
        with self._lock:
            rows = self._connection.execute(f"SELECT {_COLUMNS} FROM drawings ORDER BY id")
            return [_sample(row) for row in rows.fetchall()]

    def __iter__(self) -> Iterator[Sample]:
        return iter(self.samples())

    def get(self, sample_id: int) -> Sample:
        """The drawing with this id; KeyError if there is none."""
        with self._lock:
            row = self._connection.execute(
                f"SELECT {_COLUMNS} FROM drawings WHERE id = ?", (sample_id,)
            ).fetchone()
        if row is None:
            raise KeyError(f"no drawing with id {sample_id}")
        return _sample(row)

    def counts(self) -> list[int]:
        """How many drawings of each digit, 0-9."""
        counts = [0] * 10
        with self._lock:
            for label, count in self._connection.execute(
                "SELECT label, COUNT(*) FROM drawings GROUP BY label"
            ):
                counts[label] = count
        return counts

    def first_answer_accuracy(self) -> float | None:
        """How often the app's first answer was right, over drawings that have one."""
        with self._lock:
            right, total = self._connection.execute(
                "SELECT SUM(predicted = label), COUNT(*) FROM drawings WHERE predicted IS NOT NULL"
            ).fetchone()
        return right / total if total else None

    # -- files --------------------------------------------------------------------------
    def export(self, path: str | os.PathLike) -> int:
        """Write every drawing as a strokes file (`bpdraw evaluate --strokes`); -> how many."""
        samples = self.samples()
        strokes = [stroke for sample in samples for stroke in sample.strokes]
        lengths = [len(stroke) for stroke in strokes]
        arrays = {
            "points": np.concatenate(strokes).astype(np.float32)
            if strokes
            else np.zeros((0, 2), np.float32),
            "stroke_ptr": np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
            "sample_ptr": np.concatenate(
                [[0], np.cumsum([len(sample.strokes) for sample in samples])]
            ).astype(np.int64),
            "labels": np.array([sample.label for sample in samples], dtype=np.int64),
            "predicted": np.array(
                [-1 if s.predicted is None else s.predicted for s in samples], dtype=np.int64
            ),
            "created": np.array([sample.created for sample in samples], dtype=str),
        }
        # as models are saved: atomically, through symlinks, keeping permissions
        atomic_write(check_save_target(path), lambda stream: np.savez_compressed(stream, **arrays))
        return len(samples)

    def import_file(self, path: str | os.PathLike) -> int:
        """Add every drawing of a strokes file; -> how many. All or nothing.

        A file that cannot be read, or holds a drawing the store would refuse, raises
        StrokesFileError naming the problem, and nothing is added.
        """
        packed, labels = read_strokes_file(path)
        with np.load(path, allow_pickle=False) as archive:
            predicted = _optional(archive, "predicted", (len(labels),), "iu")
            created = _optional(archive, "created", (len(labels),), "U")
        points, stroke_ptr, sample_ptr = packed.points, packed.stroke_ptr, packed.sample_ptr
        rows, now = [], _now()
        for i in range(packed.n_drawings):
            strokes = [
                points[stroke_ptr[j] : stroke_ptr[j + 1]]
                for j in range(sample_ptr[i], sample_ptr[i + 1])
            ]
            guess = None if predicted is None or not 0 <= predicted[i] <= 9 else int(predicted[i])
            try:
                rows.append(
                    _row(strokes, int(labels[i]), guess, now if created is None else created[i])
                )
            except SampleError as problem:
                raise StrokesFileError(path, f"drawing {i}: {problem}; nothing imported") from None
        with self._lock, _transaction(self._connection):
            self._connection.executemany(
                "INSERT INTO drawings (label, predicted, created, points, stroke_lengths) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)


class _Unusable(Exception):
    """An SQLite file that is not a store this bpdraw can use."""


_COLUMNS = "id, label, predicted, created, points, stroke_lengths"


@contextmanager
def _transaction(connection: sqlite3.Connection):
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (the write lock is taken first)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _row(strokes: Sequence, label, predicted, created: str) -> tuple:
    """A drawing checked and packed for the table; SampleError if it cannot be stored."""
    if isinstance(label, bool) or not isinstance(label, (int, np.integer)) or not 0 <= label <= 9:
        raise SampleError(f"the label must be a digit 0-9, got {label!r}")
    if predicted is not None and (
        isinstance(predicted, bool)
        or not isinstance(predicted, (int, np.integer))
        or not 0 <= predicted <= 9
    ):
        raise SampleError(f"the first answer must be a digit 0-9 or None, got {predicted!r}")
    if len(strokes) > MAX_STROKES_PER_DRAWING:
        raise SampleError(f"{len(strokes)} strokes; a drawing may have {MAX_STROKES_PER_DRAWING}")
    kept = []
    for stroke in strokes:
        try:
            points = np.asarray(stroke, dtype=np.float64)
        except (TypeError, ValueError) as error:
            raise SampleError(f"a stroke must be (x, y) numbers: {error}") from None
        if points.size == 0:
            continue
        if points.ndim != 2 or points.shape[1] != 2:
            raise SampleError(f"a stroke must be (k, 2) x, y points, got shape {points.shape}")
        if len(points) > MAX_POINTS_PER_STROKE:
            raise SampleError(
                f"a stroke of {len(points)} points; at most {MAX_POINTS_PER_STROKE} are kept"
            )
        points = points[np.isfinite(points).all(axis=1)].astype("<f4")
        points = points[np.isfinite(points).all(axis=1)]  # beyond float32's range
        if len(points):
            kept.append(points)
    if not kept:
        raise SampleError("the drawing has no points: nothing drawn")
    lengths = np.array([len(points) for points in kept], dtype="<i4")
    return (
        int(label),
        None if predicted is None else int(predicted),
        str(created),
        np.concatenate(kept).tobytes(),
        lengths.tobytes(),
    )


def _sample(row) -> Sample:
    sample_id, label, predicted, created, points, lengths = row
    points = np.frombuffer(points, dtype="<f4").reshape(-1, 2).astype(np.float64)
    ends = np.cumsum(np.frombuffer(lengths, dtype="<i4"))
    strokes = np.split(points, ends[:-1]) if len(ends) else []
    return Sample(sample_id, label, strokes, predicted, created)


def _optional(archive, name: str, shape: tuple, kinds: str) -> np.ndarray | None:
    """An extra array of an exported file, if present and well formed."""
    if name not in archive.files:
        return None
    array = archive[name]
    return array if array.shape == shape and array.dtype.kind in kinds else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _move_aside(path: Path) -> Path:
    """Rename a store (and its -wal, -shm files) to <name>.damaged-<time>; -> the new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    if path.exists():
        os.replace(path, target)
    return target

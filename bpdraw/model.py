"""A trained network with its metadata: predict, save atomically, load without pickle, validated."""

from __future__ import annotations

import errno
import glob
import json
import os
import stat
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from bpdraw.archive import ArchiveError, read_npz
from bpdraw.data import N_CLASSES, N_INPUTS, PIXEL_MAX, scale
from bpdraw.network import OUTPUTS, Network
from bpdraw.shipped import shipped_file

FORMAT_VERSION = 1
DEFAULT_MODEL = "default_model.npz"
# A model file holds weights in the tens at most; anything near this is a broken file.
MAX_ABS_PARAMETER = 1e6
MAX_LAYERS = 8
MAX_UNITS = 10_000
# Bounds on what a file may declare, checked before anything is read: the largest network
# the Train tab makes (64-10000-10) has 740,000 parameters.
MAX_PARAMETERS = 4_000_000
MAX_FILE_BYTES = 256 * 2**20
MAX_METADATA_CHARS = 65_536
TEMPORARY_SUFFIX = ".tmp"


class ModelFileError(Exception):
    """A model file that cannot be used; the message names the file and what is wrong."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class Model:
    """A trained network that reads digits in load_digits' format (8x8, values 0-16)."""

    def __init__(self, network: Network, metadata: dict[str, Any] | None = None):
        if network.layer_sizes[0] != N_INPUTS or network.layer_sizes[-1] != N_CLASSES:
            raise ValueError(
                f"a digit model maps {N_INPUTS} pixels to {N_CLASSES} classes, "
                f"not {network.layer_sizes}"
            )
        self.network = network
        self.metadata = dict(metadata or {})
        self.metadata["layer_sizes"] = list(network.layer_sizes)
        self.metadata["output"] = network.output
        self.metadata.setdefault(
            "created", datetime.now(timezone.utc).isoformat(timespec="seconds")
        )

    # -- reading digits -------------------------------------------------------------------
    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """X: (n, 64) or (n, 8, 8) in 0-16, or one (64,) or (8, 8) digit -> (n, 10), rows sum to 1.

        A sigmoid output layer's values are divided by their sum, so they read as shares.
        """
        outputs = self.network.output_of(_as_inputs(X))
        if self.network.output == "sigmoid":
            outputs = outputs / np.maximum(outputs.sum(axis=1, keepdims=True), 1e-300)
        return outputs

    def predict(self, X: np.ndarray) -> np.ndarray:
        """X as for ``predict_proba`` -> (n,) int, the likeliest digit."""
        return self.predict_proba(X).argmax(axis=1)

    # -- describing ---------------------------------------------------------------------
    @property
    def recipe(self) -> str:
        return str(self.metadata.get("recipe", "unknown"))

    @property
    def test_accuracy(self) -> float | None:
        value = self.metadata.get("test_accuracy")
        return float(value) if isinstance(value, (int, float)) else None

    @property
    def split_seed(self) -> int:
        """The seed of the load_digits split it was trained on (bpdraw.data.load_split), 0 if
        unknown: that split's 450 test digits are the ones it never learnt from."""
        value = self.metadata.get("split_seed")
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0

    def describe(self) -> str:
        """One line a person can read: recipe, shape, test accuracy, date."""
        parts = [f"{self.recipe} recipe", "-".join(map(str, self.network.layer_sizes))]
        if self.metadata.get("training_data"):
            parts.append(f"trained on {self.metadata['training_data']}")
        if self.test_accuracy is not None:
            parts.append(f"test accuracy {self.test_accuracy:.3f}")
        parts.append(str(self.metadata.get("created", ""))[:10])
        return ", ".join(p for p in parts if p)

    # -- files --------------------------------------------------------------------------
    def save(self, path: str | os.PathLike) -> None:
        """Write the model to ``path`` (.npz) atomically: the old file survives any crash.

        A symlink is written through to its target; an existing file keeps its permissions
        and a new one gets the umask's; anything but a regular file is refused (OSError).
        """
        target = check_save_target(path)
        arrays: dict[str, np.ndarray] = {}
        for layer, (w, b) in enumerate(zip(self.network.weights, self.network.biases, strict=True)):
            arrays[f"weights_{layer}"] = w
            arrays[f"biases_{layer}"] = b
        metadata = {**self.metadata, "format_version": FORMAT_VERSION}
        arrays["metadata"] = np.array(json.dumps(metadata, sort_keys=True))
        atomic_write(target, lambda stream: np.savez(stream, **arrays))


def check_save_target(path: str | os.PathLike) -> Path:
    """The file a save to ``path`` would write (symlinks followed); OSError if it can't be.

    Called before a long training run, so a bad output path is known before the work is done.
    """
    if not os.fspath(path).strip():
        raise OSError(errno.ENOENT, "no file name given")
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        raise OSError(errno.EINVAL, "is not a regular file (a folder, device or pipe)")
    if not target.parent.is_dir():
        raise OSError(errno.ENOENT, f"the folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise OSError(errno.EACCES, f"the folder {target.parent} is not writable")
    return target


def atomic_write(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write ``target`` through a temporary file in its folder, then rename it into place.

    The old file stays whole until the rename; a temporary file left by a killed process is
    removed by the next save to the same folder.
    """
    _remove_stale_temporaries(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """An existing file's permissions, or those a new file gets under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale_temporaries(target: Path) -> None:
    """Delete temporaries of earlier saves of ``target`` whose process no longer runs."""
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*{TEMPORARY_SUFFIX}"):
        pid_text = leftover.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid_text.isdigit() and not _process_running(int(pid_text)):
            leftover.unlink(missing_ok=True)


def _process_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that can't tell: leave it
    return True


def load(path: str | os.PathLike) -> Model:
    """Read a model file written by ``Model.save``; anything wrong raises ModelFileError.

    Sizes are checked before anything is allocated: a file can't make bpdraw use more than
    about MAX_PARAMETERS * 8 bytes, whatever it declares.
    """
    parameters = [0]

    def check(name: str, shape: tuple[int, ...], dtype: np.dtype) -> str | None:
        if name == "metadata":
            if dtype.kind != "U" or shape != () or dtype.itemsize > 4 * MAX_METADATA_CHARS:
                return "metadata is not a JSON text of a sensible size"
            return None
        if dtype.kind != "f" or dtype.itemsize not in (4, 8):
            return f"{name} has dtype {dtype}, expected float64"
        if len(shape) > 2 or any(size > MAX_UNITS for size in shape):
            return f"{name} has shape {shape}, larger than any layer bpdraw makes"
        parameters[0] += int(np.prod(shape, dtype=np.int64))
        if parameters[0] > MAX_PARAMETERS:
            return f"holds more than {MAX_PARAMETERS:,} parameters, more than bpdraw makes"
        return None

    try:
        arrays = read_npz(path, check, max_file_bytes=MAX_FILE_BYTES)
    except ArchiveError as error:
        problem = error.problem
        if problem == "is not an .npz archive":
            problem = "is not a bpdraw model file (not an .npz archive)"
        raise ModelFileError(path, problem) from error
    return _model_from(arrays, path)


def load_default() -> Model:
    """The model shipped with bpdraw (assets/default_model.npz), from a checkout or a wheel."""
    with shipped_file(DEFAULT_MODEL) as path:
        return load(path)


def _model_from(arrays: dict[str, np.ndarray], path) -> Model:
    metadata = _read_metadata(arrays, path)
    n_layers = len(metadata["layer_sizes"]) - 1
    expected = {f"{kind}_{layer}" for layer in range(n_layers) for kind in ("weights", "biases")}
    missing = sorted(expected - arrays.keys())
    extra = sorted(arrays.keys() - expected - {"metadata"})
    if missing:
        raise ModelFileError(path, f"is missing arrays {', '.join(missing)}")
    if extra:
        raise ModelFileError(path, f"has unexpected arrays {', '.join(extra)}")

    sizes = metadata["layer_sizes"]
    weights, biases = [], []
    for layer in range(n_layers):
        for kind, shape in (
            ("weights", (sizes[layer], sizes[layer + 1])),
            ("biases", (sizes[layer + 1],)),
        ):
            name = f"{kind}_{layer}"
            array = arrays[name]
            if array.shape != shape:
                raise ModelFileError(path, f"{name} has shape {array.shape}, expected {shape}")
            if not np.all(np.isfinite(array)):
                raise ModelFileError(path, f"{name} holds NaN or infinite values")
            if np.abs(array).max(initial=0.0) > MAX_ABS_PARAMETER:
                raise ModelFileError(path, f"{name} holds values beyond ±{MAX_ABS_PARAMETER:g}")
            (weights if kind == "weights" else biases).append(array.astype(np.float64))
    return Model(Network(weights, biases, metadata["output"]), metadata)


def _read_metadata(arrays: dict[str, np.ndarray], path) -> dict[str, Any]:
    if "metadata" not in arrays:
        raise ModelFileError(path, "has no metadata record")
    record = arrays["metadata"]
    try:
        metadata = json.loads(str(record))
    except json.JSONDecodeError as error:
        raise ModelFileError(path, f"metadata is not valid JSON ({error})") from error
    except (ValueError, RecursionError) as error:  # a 5,000-digit number, deep nesting
        raise ModelFileError(path, "metadata holds numbers or nesting beyond reason") from error
    if not isinstance(metadata, dict):
        raise ModelFileError(path, "metadata is not a JSON object")
    version = metadata.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ModelFileError(path, "metadata has no format_version")
    if version > FORMAT_VERSION:
        raise ModelFileError(
            path,
            f"was written in format {version} by a newer bpdraw; this one reads up to "
            f"{FORMAT_VERSION} — update bpdraw to open it",
        )
    if version < 1:
        raise ModelFileError(path, f"has an unknown format_version {version}")
    sizes = metadata.get("layer_sizes")
    if (
        not isinstance(sizes, list)
        or not 2 <= len(sizes) <= MAX_LAYERS + 1
        or not all(
            isinstance(s, int) and not isinstance(s, bool) and 1 <= s <= MAX_UNITS for s in sizes
        )
    ):
        raise ModelFileError(path, f"metadata layer_sizes {sizes!r} is not a list of layer widths")
    if sizes[0] != N_INPUTS or sizes[-1] != N_CLASSES:
        raise ModelFileError(
            path, f"maps {sizes[0]} inputs to {sizes[-1]} outputs; a digit model maps 64 to 10"
        )
    if metadata.get("output") not in OUTPUTS:
        raise ModelFileError(
            path, f"metadata output {metadata.get('output')!r} is not one of {OUTPUTS}"
        )
    return metadata


def _as_inputs(X) -> np.ndarray:
    """Check a batch of digits in 0-16 and scale it to the network's (n, 64) in [0, 1]."""
    X = np.asarray(X)
    if X.dtype.kind not in "iuf" and X.dtype != np.bool_:
        raise ValueError(f"digits must be numbers, got an array of {X.dtype}")
    if X.shape in ((8, 8), (N_INPUTS,)):
        X = X.reshape(1, N_INPUTS)
    elif X.ndim == 3 and X.shape[1:] == (8, 8):
        X = X.reshape(len(X), N_INPUTS)
    elif not (X.ndim == 2 and X.shape[1] == N_INPUTS):
        raise ValueError(
            "expected digits shaped (n, 64) or (n, 8, 8) in load_digits' 0-16 scale, "
            f"got shape {X.shape}"
        )
    X = X.astype(np.float64)
    if not np.all(np.isfinite(X)):
        raise ValueError("digits contain NaN or infinite values; expected numbers in 0-16")
    if X.size and (X.min() < 0 or X.max() > PIXEL_MAX):
        raise ValueError(
            f"digit values must lie in 0-16 (load_digits' scale), got {X.min():g} to {X.max():g}"
        )
    return scale(X)

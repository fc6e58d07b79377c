"""A trained network with its metadata: predict, save atomically, load without pickle, validated."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from bpdraw.data import N_CLASSES, N_INPUTS, PIXEL_MAX, scale
from bpdraw.network import OUTPUTS, Network
from bpdraw.shipped import shipped_file

FORMAT_VERSION = 1
DEFAULT_MODEL = "default_model.npz"
# A model file holds weights in the tens at most; anything near this is a broken file.
MAX_ABS_PARAMETER = 1e6
MAX_LAYERS = 8
MAX_UNITS = 10_000


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
        """Write the model to ``path`` (.npz) atomically: the old file survives any crash."""
        path = Path(path)
        arrays: dict[str, np.ndarray] = {}
        for layer, (w, b) in enumerate(zip(self.network.weights, self.network.biases, strict=True)):
            arrays[f"weights_{layer}"] = w
            arrays[f"biases_{layer}"] = b
        metadata = {**self.metadata, "format_version": FORMAT_VERSION}
        arrays["metadata"] = np.array(json.dumps(metadata, sort_keys=True))
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path(".")
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                np.savez(stream, **arrays)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def load(path: str | os.PathLike) -> Model:
    """Read a model file written by ``Model.save``; anything wrong raises ModelFileError."""
    try:
        with open(path, "rb") as stream:
            return _read(stream, path)
    except ModelFileError:
        raise
    except OSError as error:
        raise ModelFileError(path, f"cannot be read ({error.strerror or error})") from error


def load_default() -> Model:
    """The model shipped with bpdraw (assets/default_model.npz), from a checkout or a wheel."""
    with shipped_file(DEFAULT_MODEL) as path:
        return load(path)


def _read(stream, path) -> Model:
    if not zipfile.is_zipfile(stream):
        raise ModelFileError(path, "is not a bpdraw model file (not an .npz archive)")
    stream.seek(0)
    try:
        with np.load(stream, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except ValueError as error:
        if "allow_pickle" in str(error):  # numpy refuses object arrays without pickle
            problem = "holds data that would need pickle to load; bpdraw never unpickles"
        else:
            problem = f"holds a damaged array ({error})"
        raise ModelFileError(path, problem) from error
    except Exception as error:  # truncated or corrupt zip members
        raise ModelFileError(path, f"is damaged or truncated ({error})") from error
    for name, array in arrays.items():
        if not isinstance(array, np.ndarray):  # a zip member that is not a .npy array
            raise ModelFileError(path, f"member {name!r} is not a NumPy array")

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
            if array.dtype not in (np.float64, np.float32):
                raise ModelFileError(path, f"{name} has dtype {array.dtype}, expected float64")
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
    if record.dtype.kind != "U" or record.shape != ():
        raise ModelFileError(path, "metadata is not a JSON text")
    try:
        metadata = json.loads(str(record))
    except json.JSONDecodeError as error:
        raise ModelFileError(path, f"metadata is not valid JSON ({error})") from error
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

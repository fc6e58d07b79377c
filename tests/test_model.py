"""The public Model: reading digits, checked inputs, atomic saves and validated model files."""

import json
import os
import pickle

import numpy as np
import pytest

import bpdraw.model
from bpdraw.data import load_split
from bpdraw.evaluate import evaluate_on_test
from bpdraw.model import FORMAT_VERSION, Model, ModelFileError, load, load_default
from bpdraw.network import Network


def make_model(seed=0, output="softmax", hidden_units=20):
    """An untrained but valid model: random weights are enough to test reading and files."""
    init = "scaled" if output == "softmax" else "uniform"
    network = Network.initialise(
        (64, hidden_units, 10), np.random.default_rng(seed), init, output=output
    )
    metadata = {
        "recipe": "fast",
        "settings": {"hidden_units": hidden_units, "learning_rate": 0.01},
        "seed": seed,
        "training_data": "load_digits",
        "test_accuracy": 0.5,
        "created": "2026-11-25T12:00:00+00:00",
    }
    return Model(network, metadata)


@pytest.fixture(scope="module")
def digits():
    return load_split(0).images_test[:40]


# -- reading digits -----------------------------------------------------------------------


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_predict_proba_rows_sum_to_one(output, digits):
    probabilities = make_model(output=output).predict_proba(digits)
    assert probabilities.shape == (40, 10)
    assert np.allclose(probabilities.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    assert probabilities.min() >= 0.0


def test_predict_is_the_likeliest_digit(digits):
    model = make_model()
    assert np.array_equal(model.predict(digits), model.predict_proba(digits).argmax(axis=1))


def test_predict_proba_accepts_flat_and_8x8_batches_alike(digits):
    model = make_model()
    assert np.array_equal(model.predict_proba(digits), model.predict_proba(digits.reshape(40, 64)))


@pytest.mark.parametrize("shape", [(8, 8), (64,)])
def test_predict_proba_reads_a_single_digit_as_a_batch_of_one(shape, digits):
    model = make_model()
    single = model.predict_proba(digits[3].reshape(shape))
    assert single.shape == (1, 10)
    assert np.array_equal(single, model.predict_proba(digits[3:4]))


def test_predict_proba_accepts_integer_and_float_digits(digits):
    model = make_model()
    as_float = model.predict_proba(digits.astype(np.float32))
    assert np.allclose(model.predict_proba(digits.astype(np.int64)), as_float)


def test_predict_proba_takes_a_list_of_lists():
    assert make_model().predict_proba([[0] * 64, [16] * 64]).shape == (2, 10)


@pytest.mark.parametrize(
    "shape", [(63,), (10, 63), (8, 9), (3, 8, 9), (2, 2, 8, 8), (1, 1, 64), ()]
)
def test_predict_proba_refuses_wrong_shapes(shape):
    with pytest.raises(ValueError, match=r"expected digits shaped \(n, 64\) or \(n, 8, 8\)"):
        make_model().predict_proba(np.zeros(shape))


@pytest.mark.parametrize("value", [-1, -0.001, 16.001, 17, 255])
def test_predict_proba_refuses_values_outside_0_to_16(value):
    digits = np.zeros((2, 64))
    digits[1, 10] = value
    with pytest.raises(ValueError, match="0-16"):
        make_model().predict_proba(digits)


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_predict_proba_refuses_non_finite_values(value):
    digits = np.zeros((8, 8))
    digits[4, 4] = value
    with pytest.raises(ValueError, match="NaN or infinite"):
        make_model().predict_proba(digits)


@pytest.mark.parametrize("digits", [np.full((1, 64), "3"), [["a"] * 64], np.full(64, None)])
def test_predict_proba_refuses_non_numbers(digits):
    with pytest.raises(ValueError, match="digits must be numbers"):
        make_model().predict_proba(digits)


def test_model_refuses_a_network_that_does_not_map_64_pixels_to_10_digits():
    network = Network.initialise((64, 20, 9), np.random.default_rng(0))
    with pytest.raises(ValueError, match="maps 64 pixels to 10 classes"):
        Model(network)


def test_describe_names_recipe_shape_accuracy_and_date():
    description = make_model().describe()
    assert description == (
        "fast recipe, 64-20-10, trained on load_digits, test accuracy 0.500, 2026-11-25"
    )


# -- save and load ------------------------------------------------------------------------


def test_save_then_load_gives_identical_predictions(tmp_path, digits):
    model = make_model(output="sigmoid")
    model.save(tmp_path / "model.npz")
    loaded = load(tmp_path / "model.npz")
    assert np.array_equal(loaded.predict_proba(digits), model.predict_proba(digits))
    for saved, read in zip(model.network.parameters, loaded.network.parameters, strict=True):
        assert np.array_equal(saved, read)
    assert loaded.network.output == "sigmoid"


def test_save_then_load_keeps_the_metadata(tmp_path):
    model = make_model()
    model.save(tmp_path / "model.npz")
    loaded = load(tmp_path / "model.npz")
    assert loaded.metadata == {**model.metadata, "format_version": FORMAT_VERSION}


def test_load_accepts_a_string_path(tmp_path):
    make_model().save(tmp_path / "model.npz")
    assert load(str(tmp_path / "model.npz")).network.layer_sizes == (64, 20, 10)


def test_save_replaces_an_existing_file(tmp_path, digits):
    path = tmp_path / "model.npz"
    make_model(seed=1).save(path)
    newer = make_model(seed=2)
    newer.save(path)
    assert np.array_equal(load(path).predict_proba(digits), newer.predict_proba(digits))
    assert os.listdir(tmp_path) == ["model.npz"]


def crash_partway(stream, **arrays):
    stream.write(b"PK\x03\x04 half a zip")
    raise OSError("disk full")


def test_crash_while_writing_keeps_the_previous_file(tmp_path, monkeypatch, digits):
    path = tmp_path / "model.npz"
    previous = make_model(seed=1)
    previous.save(path)
    monkeypatch.setattr(bpdraw.model.np, "savez", crash_partway)
    with pytest.raises(OSError, match="disk full"):
        make_model(seed=2).save(path)
    assert np.array_equal(load(path).predict_proba(digits), previous.predict_proba(digits))
    assert os.listdir(tmp_path) == ["model.npz"]  # no temporary file left behind


def test_crash_while_replacing_keeps_the_previous_file(tmp_path, monkeypatch, digits):
    path = tmp_path / "model.npz"
    previous = make_model(seed=1)
    previous.save(path)

    def replace_fails(source, destination):
        raise OSError("replace interrupted")

    monkeypatch.setattr(bpdraw.model.os, "replace", replace_fails)
    with pytest.raises(OSError, match="replace interrupted"):
        make_model(seed=2).save(path)
    assert np.array_equal(load(path).predict_proba(digits), previous.predict_proba(digits))
    assert os.listdir(tmp_path) == ["model.npz"]


def test_crash_on_first_save_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(bpdraw.model.np, "savez", crash_partway)
    with pytest.raises(OSError):
        make_model().save(tmp_path / "model.npz")
    assert os.listdir(tmp_path) == []


# -- bad model files ----------------------------------------------------------------------


def model_arrays(model=None):
    """The arrays Model.save writes, as a dict to spoil."""
    model = model or make_model()
    arrays = {}
    for layer, (w, b) in enumerate(zip(model.network.weights, model.network.biases, strict=True)):
        arrays[f"weights_{layer}"] = w
        arrays[f"biases_{layer}"] = b
    metadata = {**model.metadata, "format_version": FORMAT_VERSION}
    arrays["metadata"] = np.array(json.dumps(metadata))
    return arrays


def with_metadata(**changes):
    arrays = model_arrays()
    metadata = json.loads(str(arrays["metadata"]))
    metadata.update(changes)
    arrays["metadata"] = np.array(json.dumps(metadata))
    return arrays


def without(name):
    arrays = model_arrays()
    del arrays[name]
    return arrays


def replaced(name, value):
    arrays = model_arrays()
    arrays[name] = value
    return arrays


def spoilt(name, index, value):
    arrays = model_arrays()
    array = arrays[name].copy()
    array[index] = value
    arrays[name] = array
    return arrays


def arrays_for_layer_sizes(sizes):
    """Consistent arrays and metadata for a network of ``sizes`` (which Model would refuse)."""
    network = Network.initialise(sizes, np.random.default_rng(0))
    arrays = {}
    for layer, (w, b) in enumerate(zip(network.weights, network.biases, strict=True)):
        arrays[f"weights_{layer}"] = w
        arrays[f"biases_{layer}"] = b
    metadata = {"format_version": 1, "layer_sizes": list(sizes), "output": "sigmoid"}
    arrays["metadata"] = np.array(json.dumps(metadata))
    return arrays


BAD_ARCHIVES = {
    # name: (arrays to write with np.savez, words the problem must contain)
    "weights-wrong-shape": (replaced("weights_0", np.zeros((64, 21))), "shape (64, 21)"),
    "biases-wrong-shape": (replaced("biases_1", np.zeros(9)), "shape (9,)"),
    "weights-as-a-vector": (replaced("weights_1", np.zeros(200)), "shape (200,)"),
    "nan-weight": (spoilt("weights_0", (3, 4), np.nan), "NaN or infinite"),
    "nan-bias": (spoilt("biases_0", 0, np.nan), "NaN or infinite"),
    "infinite-weight": (spoilt("weights_1", (0, 0), np.inf), "NaN or infinite"),
    "negative-infinite-bias": (spoilt("biases_1", 9, -np.inf), "NaN or infinite"),
    "absurd-weight": (spoilt("weights_0", (0, 0), 1e300), "beyond"),
    "int-weights": (replaced("weights_0", np.zeros((64, 20), dtype=np.int64)), "dtype int64"),
    "complex-weights": (
        replaced("weights_0", np.zeros((64, 20), dtype=np.complex128)),
        "dtype complex128",
    ),
    "string-biases": (replaced("biases_0", np.full(20, "0.0")), "dtype <U3"),
    "bool-biases": (replaced("biases_0", np.zeros(20, dtype=bool)), "dtype bool"),
    "missing-weights": (without("weights_1"), "missing arrays weights_1"),
    "missing-biases": (without("biases_0"), "missing arrays biases_0"),
    "extra-array": (replaced("weights_2", np.zeros((10, 10))), "unexpected arrays weights_2"),
    "missing-metadata": (without("metadata"), "no metadata"),
    "metadata-not-json": (replaced("metadata", np.array("{recipe: fast")), "not valid JSON"),
    "metadata-not-text": (replaced("metadata", np.array(3.0)), "not a JSON text"),
    "metadata-many-texts": (replaced("metadata", np.array(["{}", "{}"])), "not a JSON text"),
    "metadata-a-list": (replaced("metadata", np.array("[1, 2]")), "not a JSON object"),
    "future-format-version": (with_metadata(format_version=2), "format 2 by a newer bpdraw"),
    "no-format-version": (with_metadata(format_version=None), "no format_version"),
    "format-version-zero": (with_metadata(format_version=0), "unknown format_version 0"),
    "layer-sizes-not-a-list": (with_metadata(layer_sizes="64-20-10"), "layer_sizes"),
    "layer-sizes-of-bools": (with_metadata(layer_sizes=[True, 20, 10]), "layer_sizes"),
    "unknown-output": (with_metadata(output="relu"), "output 'relu'"),
    "maps-64-to-9": (arrays_for_layer_sizes((64, 20, 9)), "maps 64 inputs to 9 outputs"),
    "maps-63-to-10": (arrays_for_layer_sizes((63, 20, 10)), "maps 63 inputs to 10 outputs"),
    "layer-sizes-disagree-with-arrays": (
        with_metadata(layer_sizes=[64, 30, 10]),
        "weights_0 has shape (64, 20), expected (64, 30)",
    ),
}


def assert_names_file(error, path, problem):
    message = str(error.value)
    assert str(path) in message
    assert problem in message
    assert error.value.path == str(path)


@pytest.mark.parametrize(("arrays", "problem"), BAD_ARCHIVES.values(), ids=BAD_ARCHIVES.keys())
def test_bad_archive_raises_model_file_error_naming_the_file(tmp_path, arrays, problem):
    path = tmp_path / "bad.npz"
    np.savez(path, **arrays)
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, problem)


def test_archive_that_needs_pickle_raises_model_file_error(tmp_path):
    path = tmp_path / "object.npz"
    arrays = replaced("weights_0", np.array([{"evil": "payload"}], dtype=object))
    np.savez(path, **arrays)
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "need pickle")


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_truncated_file_raises_model_file_error(tmp_path, keep):
    path = tmp_path / "cut.npz"
    make_model().save(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "not an .npz archive")


def test_corrupted_bytes_inside_the_archive_raise_model_file_error(tmp_path):
    path = tmp_path / "flipped.npz"
    make_model().save(path)
    data = bytearray(path.read_bytes())
    # weights_0 is the first member: its data starts after a ~100-byte zip and .npy header
    for offset in range(300, 400):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "damaged or truncated")


def test_archive_member_that_is_not_an_array_raises_model_file_error(tmp_path, npz):
    path = tmp_path / "plain.npz"
    members = {f"{name}.npy": npz.npy(array=array) for name, array in model_arrays().items()}
    members["metadata"] = str(model_arrays()["metadata"])  # JSON text, not a .npy
    del members["metadata.npy"]
    npz.write(path, members)
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "metadata")


def test_damaged_array_header_is_not_reported_as_pickle(tmp_path, npz):
    path = tmp_path / "header.npz"
    members = {f"{name}.npy": npz.npy(array=array) for name, array in model_arrays().items()}
    members["weights_0.npy"] = b"\x93NUMPY garbage"
    npz.write(path, members)
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert str(path) in str(error.value)
    assert "pickle" not in str(error.value)


def test_random_bytes_raise_model_file_error(tmp_path):
    path = tmp_path / "noise.npz"
    path.write_bytes(np.random.default_rng(0).bytes(4096))
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "not a bpdraw model file")


def test_empty_file_raises_model_file_error(tmp_path):
    path = tmp_path / "empty.npz"
    path.write_bytes(b"")
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "not a bpdraw model file")


def fail_unpickling():
    pytest.fail("the pickle was loaded")


class FailsWhenUnpickled:
    def __reduce__(self):
        return (fail_unpickling, ())


def test_pickle_file_raises_model_file_error_without_unpickling(tmp_path):
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps({"weights_0": FailsWhenUnpickled()}))
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "not a bpdraw model file")


def test_plain_npy_file_raises_model_file_error(tmp_path):
    path = tmp_path / "weights.npy"
    np.save(path, np.zeros((64, 10)))
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "not a bpdraw model file")


def test_directory_raises_model_file_error(tmp_path):
    with pytest.raises(ModelFileError) as error:
        load(tmp_path)
    assert_names_file(error, tmp_path, "is a folder")


def test_missing_file_raises_model_file_error(tmp_path):
    path = tmp_path / "nowhere.npz"
    with pytest.raises(ModelFileError) as error:
        load(path)
    assert_names_file(error, path, "cannot be read (No such file or directory)")


# -- the shipped model --------------------------------------------------------------------


def test_load_default_gives_a_64_to_10_model():
    model = load_default()
    assert model.network.layer_sizes[0] == 64
    assert model.network.layer_sizes[-1] == 10
    assert model.predict_proba(np.zeros((8, 8))).shape == (1, 10)


def test_default_model_reads_at_least_098_of_its_450_test_digits():
    evaluation, split = evaluate_on_test(load_default())
    assert len(split.y_test) == 450
    assert evaluation.accuracy >= 0.98


def test_default_model_records_the_test_accuracy_it_measures():
    model = load_default()
    evaluation, _ = evaluate_on_test(model)
    assert model.test_accuracy == pytest.approx(evaluation.accuracy, abs=1e-12)


def test_model_trained_with_numpy_integer_settings_can_be_saved(tmp_path):
    from bpdraw.training import FastConfig, train

    config = FastConfig(epochs=np.int64(1), digit_copies=np.int64(0), seed=np.int64(0))
    model = list(train(config))[-1].model
    model.save(tmp_path / "model.npz")
    assert load(tmp_path / "model.npz").metadata["settings"]["epochs"] == 1


@pytest.mark.parametrize(
    ("value", "seed"), [(5, 5), (0, 0), (None, 0), ("5", 0), (-1, 0), (True, 0), (2.0, 0)]
)
def test_a_models_split_seed_is_its_metadatas_or_0(value, seed):
    """The load_digits split a model was trained on; a file that says nothing sensible
    about it is taken to be seed 0's."""
    model = Model(Network.initialise((64, 3, 10), np.random.default_rng(0)))
    if value is not None:
        model.metadata["split_seed"] = value
    assert model.split_seed == seed

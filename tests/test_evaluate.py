"""Evaluation agrees with scikit-learn's metrics computed here, independently."""

import numpy as np
import pytest
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    precision_recall_fscore_support,
)
from threadpoolctl import threadpool_limits

from bpdraw.data import load_split
from bpdraw.evaluate import evaluate, evaluate_on_test
from bpdraw.training import FastConfig, train

CLASSES = list(range(10))


@pytest.fixture(scope="module")
def model():
    """A deliberately weak model (one epoch, 10 hidden units), so that it makes mistakes."""
    config = FastConfig(hidden_units=10, epochs=1, digit_copies=0, seed=0)
    with threadpool_limits(limits=1, user_api="blas"):  # small matrices: threads only contend
        return list(train(config))[-1].model


@pytest.fixture(scope="module")
def split():
    return load_split(0)


@pytest.fixture(scope="module")
def evaluation(model, split):
    return evaluate(model, split.images_test, split.y_test)


@pytest.fixture(scope="module")
def predictions(model, split):
    return model.predict(split.images_test)


def test_model_under_test_makes_mistakes_in_several_cells(evaluation):
    # otherwise the checks below could not tell a right confusion matrix from a wrong one
    off_diagonal = evaluation.confusion - np.diag(np.diag(evaluation.confusion))
    assert np.count_nonzero(off_diagonal) >= 5


def test_accuracy_equals_sklearn(evaluation, split, predictions):
    assert evaluation.accuracy == accuracy_score(split.y_test, predictions)


def test_accuracy_is_the_share_of_right_predictions(evaluation, split, predictions):
    assert evaluation.accuracy == pytest.approx(np.mean(predictions == split.y_test), abs=1e-15)


def test_confusion_equals_sklearn_with_rows_true_and_columns_predicted(
    evaluation, split, predictions
):
    expected = confusion_matrix(split.y_test, predictions, labels=CLASSES)
    assert evaluation.confusion.shape == (10, 10)
    assert np.array_equal(evaluation.confusion, expected)
    # rows are the true digits: each row adds up to how many test digits have that label
    assert np.array_equal(evaluation.confusion.sum(axis=1), np.bincount(split.y_test, minlength=10))


def test_precision_and_recall_equal_sklearn(evaluation, split, predictions):
    precision, recall, _, _ = precision_recall_fscore_support(
        split.y_test, predictions, labels=CLASSES, zero_division=0
    )
    assert np.allclose(evaluation.precision, precision, rtol=0, atol=1e-15)
    assert np.allclose(evaluation.recall, recall, rtol=0, atol=1e-15)


def test_recall_is_the_diagonal_over_the_row_sums(evaluation):
    confusion = evaluation.confusion
    assert np.allclose(evaluation.recall, np.diag(confusion) / confusion.sum(axis=1))


def test_report_is_sklearns_classification_report(evaluation, split, predictions):
    expected = classification_report(
        split.y_test, predictions, labels=CLASSES, digits=3, zero_division=0
    )
    assert evaluation.report == expected


def test_per_digit_predictions_labels_and_confidences(evaluation, model, split):
    probabilities = model.predict_proba(split.images_test)
    assert np.array_equal(evaluation.labels, split.y_test)
    assert np.array_equal(evaluation.predictions, probabilities.argmax(axis=1))
    assert np.array_equal(evaluation.confidences, probabilities.max(axis=1))


def test_cell_lists_the_digits_with_that_true_and_predicted_label(evaluation):
    for true_digit in CLASSES:
        for predicted_digit in CLASSES:
            positions = evaluation.cell(true_digit, predicted_digit)
            assert len(positions) == evaluation.confusion[true_digit, predicted_digit]
            assert np.all(evaluation.labels[positions] == true_digit)
            assert np.all(evaluation.predictions[positions] == predicted_digit)


def test_cells_together_hold_every_digit_once(evaluation):
    positions = np.concatenate([evaluation.cell(i, j) for i in CLASSES for j in CLASSES])
    assert np.array_equal(np.sort(positions), np.arange(450))


def test_misclassified_lists_exactly_the_wrong_predictions(evaluation):
    wrong = evaluation.misclassified
    expected = np.flatnonzero(evaluation.predictions != evaluation.labels)
    assert np.array_equal(np.sort(wrong), expected)
    # 450 digits minus the diagonal of the confusion matrix
    assert len(wrong) == 450 - np.trace(evaluation.confusion)


def test_misclassified_come_least_confident_first(evaluation):
    confidences = evaluation.confidences[evaluation.misclassified]
    assert len(confidences) >= 2
    assert np.all(np.diff(confidences) >= 0)


def test_evaluate_accepts_flat_digits(model, split, evaluation):
    flat = evaluate(model, split.images_test.reshape(-1, 64), split.y_test)
    assert np.array_equal(flat.confusion, evaluation.confusion)


def test_evaluate_on_test_uses_the_450_test_digits_of_the_models_split(model):
    # the model was trained with seed 0, and records split_seed 0
    result, split = evaluate_on_test(model)
    assert split.seed == 0
    assert len(result.labels) == 450
    assert np.array_equal(result.labels, load_split(0).y_test)


def test_evaluate_on_test_honours_an_explicit_seed(model):
    result, split = evaluate_on_test(model, seed=3)
    assert split.seed == 3
    assert np.array_equal(result.labels, load_split(3).y_test)

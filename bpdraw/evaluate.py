"""How well a model reads the test digits, measured with scikit-learn's metrics."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpdraw.data import N_CLASSES, DigitSplit, load_split
from bpdraw.model import Model

CLASSES = list(range(N_CLASSES))


@dataclass(frozen=True)
class Evaluation:
    """Scores of a model on labelled digits; per-sample arrays are in the digits' order."""

    accuracy: float
    confusion: np.ndarray  # (10, 10) int, rows true digit, columns prediction
    report: str
    precision: np.ndarray  # (10,)
    recall: np.ndarray  # (10,)
    labels: np.ndarray  # (n,) true digits
    predictions: np.ndarray  # (n,)
    confidences: np.ndarray  # (n,) probability of the predicted digit

    @property
    def misclassified(self) -> np.ndarray:
        """Positions of the digits read wrongly, least confident first."""
        wrong = np.flatnonzero(self.predictions != self.labels)
        return wrong[np.argsort(self.confidences[wrong], kind="stable")]

    def cell(self, true_digit: int, predicted_digit: int) -> np.ndarray:
        """Positions of the digits in confusion cell (true_digit, predicted_digit)."""
        return np.flatnonzero((self.labels == true_digit) & (self.predictions == predicted_digit))


def evaluate(model: Model, digits: np.ndarray, labels: np.ndarray) -> Evaluation:
    """digits: (n, 8, 8) or (n, 64) in 0-16; labels: (n,) int."""
    from sklearn.metrics import (
        accuracy_score,
        classification_report,
        confusion_matrix,
        precision_recall_fscore_support,
    )

    labels = np.asarray(labels, dtype=np.int64)
    probabilities = model.predict_proba(digits)
    predictions = probabilities.argmax(axis=1)
    precision, recall, _, _ = precision_recall_fscore_support(
        labels, predictions, labels=CLASSES, zero_division=0
    )
    return Evaluation(
        accuracy=float(accuracy_score(labels, predictions)),
        confusion=confusion_matrix(labels, predictions, labels=CLASSES),
        report=classification_report(
            labels, predictions, labels=CLASSES, digits=3, zero_division=0
        ),
        precision=precision,
        recall=recall,
        labels=labels,
        predictions=predictions,
        confidences=probabilities[np.arange(len(labels)), predictions],
    )


def evaluate_on_test(model: Model, seed: int | None = None) -> tuple[Evaluation, DigitSplit]:
    """The model on the 450 test digits of the split it was trained with (seed 0 if unknown)."""
    split = load_split(model.split_seed if seed is None else seed)
    return evaluate(model, split.images_test, split.y_test), split

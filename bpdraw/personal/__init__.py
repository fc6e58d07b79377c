"""The user's own drawings: kept on disk (store.py), a model taught them (adapt.py, teach.py)."""

from bpdraw.personal.adapt import (
    AdaptCancelled,
    AdaptSettings,
    BadTeachingData,
    adapt,
)
from bpdraw.personal.store import Sample, SampleError, SampleStore
from bpdraw.personal.teach import TeachReport, teach_file, teach_report

__all__ = [
    "AdaptCancelled",
    "AdaptSettings",
    "BadTeachingData",
    "Sample",
    "SampleError",
    "SampleStore",
    "TeachReport",
    "adapt",
    "teach_file",
    "teach_report",
]

"""The user's own drawings: kept safely on disk (store.py), a model adapted to them (adapt.py)."""

from bpdraw.personal.adapt import (
    AdaptCancelled,
    AdaptSettings,
    BadTeachingData,
    adapt,
)
from bpdraw.personal.store import Sample, SampleError, SampleStore

__all__ = [
    "AdaptCancelled",
    "AdaptSettings",
    "BadTeachingData",
    "Sample",
    "SampleError",
    "SampleStore",
    "adapt",
]

"""Data shipped with bpdraw: the default model and optional training data."""

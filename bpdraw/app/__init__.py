"""The desktop app: the only part of bpdraw that imports Qt."""

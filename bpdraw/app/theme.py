"""bpdraw's one palette: every colour the app paints with, as "#rrggbb" strings.

Qt code wraps them in `QColor(...)`; matplotlib takes the strings as they are. The sheet and
the panels are light whatever the system theme (a drawing is ink on paper), so the colours on
them are fixed; text on the window's own background uses `status_color`, which follows the
palette so it stays readable on a dark theme.
"""

from __future__ import annotations

# The drawing sheet and the 8x8 preview
PAPER = "#ffffff"
BORDER = "#cfd6df"
GUIDE = "#e3e8ee"
INK = "#1f2933"
HINT = "#aab4bf"
PANEL_BORDER = "#dde3ea"

# Text and the probability bars
ACCENT = "#2f6fde"
ACCENT_SOFT = "#c9d8f5"
TRACK = "#edf0f4"
MUTED = "#7b8794"
WARNING = "#b7791f"

# Status lines: on a light and on a dark window background
GOOD = "#1e7b34"
BAD = "#b3261e"
GOOD_ON_DARK = "#7fd48f"
BAD_ON_DARK = "#ff8a80"
WARNING_ON_DARK = "#f2c46d"

# Plots (matplotlib)
LOSS = "#c0392b"
TRAIN_CURVE = "#1f5fa8"
VALIDATION_CURVE = "#e67e22"
PLOT_TEXT = "#1d2630"
PLOT_GRID = "#e3e7ec"
MATRIX_GRID = "#d7dde4"
CORRECT_LIGHT, CORRECT_DARK = "#e8f1fb", "#1f5fa8"
WRONG_LIGHT, WRONG_DARK = "#fde8e4", "#c0392b"
HIGHLIGHT = "#f1c40f"
THUMBNAIL_FRAME = "#c8ced6"

# Attribution and weights: pushes toward (positive) and against (negative)
POSITIVE = "#1f5fa8"
NEGATIVE = "#c0392b"


def status_color(tone: str, dark_background: bool) -> str:
    """The colour of a status line's text: tone "good", "bad" or "warning"; "" for normal."""
    if tone == "good":
        return GOOD_ON_DARK if dark_background else GOOD
    if tone == "bad":
        return BAD_ON_DARK if dark_background else BAD
    if tone == "warning":
        return WARNING_ON_DARK if dark_background else WARNING
    return ""

"""Kept as an alias: the calibrated pen + UJI recipe is now the shipped one.

python scripts/make_model_v2.py [--out FILE] ...   (same as make_default_model.py)
"""

from __future__ import annotations

from make_default_model import main

if __name__ == "__main__":
    raise SystemExit(main())

"""The core never imports Qt: the app is the only package that does."""

import subprocess
import sys

CORE = [
    "bpdraw.data",
    "bpdraw.network",
    "bpdraw.optimizers",
    "bpdraw.training",
    "bpdraw.preprocess",
    "bpdraw.augment",
    "bpdraw.model",
    "bpdraw.evaluate",
    "bpdraw.strokes_file",
    "bpdraw.bench",
    "bpdraw.cli",
]


def test_core_imports_and_trains_with_qt_unavailable():
    # a fresh interpreter in which any import of PySide6 fails
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        + "".join(f"import {name}\n" for name in CORE)
        + "from bpdraw.training import ClassicConfig, train\n"
        + "events = list(train(ClassicConfig(steps=200)))\n"
        + "import numpy as np\n"
        + "print(events[-1].model.predict(np.zeros((1, 64))).shape)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(1,)"


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in CORE)
        + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

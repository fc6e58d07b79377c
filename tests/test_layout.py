"""The shape of the code: the core never imports Qt or the app, no import loops, small files.

The rules are checked by reading every module's source (an AST scan, imports inside
functions included), so a new module is covered the day it is added. Each rule is also
run once on a small package built in the test that breaks it, so the checks can fail.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "bpdraw"
ENTRY_POINTS = {"cli", "__main__"}  # the front doors may open the app
MAX_LINES = 400


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
    )


def imported_modules(path: Path, package: Path) -> set[str]:
    """Every module `path` imports, at any depth (functions too), except under TYPE_CHECKING.

    `from a import b` counts as importing `a` and, when `a.b` is a module of the package,
    `a.b` too. Relative imports are resolved against the module's package.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = module_name(path, package)
    own_package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if is_type_checking_block(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = own_package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def package_modules(package: Path) -> dict[str, Path]:
    return {module_name(path, package): path for path in sorted(package.rglob("*.py"))}


def is_core(name: str) -> bool:
    """Everything but the app package and the entry points (the package itself is core)."""
    below = name.split(".")[1:2]
    return below != ["app"] and not set(below) & ENTRY_POINTS


def qt_or_app_imports(package: Path) -> dict[str, set[str]]:
    """Core modules -> the Qt or app modules they import (empty dict: the rule holds)."""
    name = package.name
    forbidden = ("PySide6", "shiboken6", f"{name}.app")
    broken = {}
    for module, path in package_modules(package).items():
        if not is_core(module):
            continue
        bad = {
            imported
            for imported in imported_modules(path, package)
            if any(imported == f or imported.startswith(f + ".") for f in forbidden)
        }
        if bad:
            broken[module] = bad
    return broken


def import_cycles(package: Path) -> list[list[str]]:
    """Loops of modules importing each other within the package (empty: none)."""
    modules = package_modules(package)
    graph = {
        module: sorted(m for m in imported_modules(path, package) if m in modules and m != module)
        for module, path in modules.items()
    }
    # a package's __init__ is imported on the way to its modules; that is not a loop
    for module in graph:
        graph[module] = [m for m in graph[module] if not module.startswith(m + ".")]
    cycles, state = [], {}

    def walk(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for target in graph[module]:
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target) :] + [target])
            elif target not in state:
                walk(target, [*trail, target])
        state[module] = "done"

    for module in graph:
        if module not in state:
            walk(module, [module])
    return cycles


def long_files(package: Path) -> dict[str, int]:
    lengths = {
        str(path.relative_to(package.parent)): len(path.read_text(encoding="utf-8").splitlines())
        for path in package.rglob("*.py")
    }
    return {path: lines for path, lines in lengths.items() if lines > MAX_LINES}


# -- the rules on bpdraw itself --------------------------------------------------------------
def test_the_core_never_imports_qt_or_the_app_at_any_depth():
    assert qt_or_app_imports(PACKAGE) == {}


def test_no_modules_import_each_other_in_a_loop():
    assert import_cycles(PACKAGE) == []


def test_no_file_in_the_package_is_too_long_to_hold_in_your_head():
    assert long_files(PACKAGE) == {}


def test_the_scan_sees_the_core_and_the_app():
    modules = package_modules(PACKAGE)
    assert {"bpdraw.network", "bpdraw.training", "bpdraw.cli", "bpdraw.app.canvas"} <= set(modules)


# -- the rules can fail -----------------------------------------------------------------------
@pytest.fixture
def broken_package(tmp_path):
    package = tmp_path / "pkg"
    (package / "app").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "app" / "__init__.py").write_text("import PySide6\n")
    (package / "cli.py").write_text("from pkg.app import window\n")  # an entry point may
    (package / "bench.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from PySide6.QtCore import QObject\n"  # hints are fine
        "def later():\n    from pkg.app import stalls  # hidden in a function\n"
    )
    (package / "first.py").write_text("from . import second\n")
    (package / "second.py").write_text("import pkg.first\n")
    (package / "long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    return package


def test_the_scan_finds_an_app_import_inside_a_function(broken_package):
    assert qt_or_app_imports(broken_package) == {"pkg.bench": {"pkg.app", "pkg.app.stalls"}}


def test_the_scan_finds_an_import_loop(broken_package):
    assert import_cycles(broken_package) == [["pkg.first", "pkg.second", "pkg.first"]]


def test_the_scan_finds_a_long_file(broken_package):
    assert long_files(broken_package) == {"pkg/long.py": MAX_LINES + 1}


# -- and at run time ------------------------------------------------------------------------
def core_module_names() -> list[str]:
    return [m for m in package_modules(PACKAGE) if is_core(m) and m != "bpdraw"]


def test_core_imports_and_trains_with_qt_unavailable():
    # a fresh interpreter in which any import of PySide6 fails
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        + "".join(f"import {name}\n" for name in core_module_names())
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
        + "".join(f"import {name}\n" for name in core_module_names())
        + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_tests_keep_settings_and_data_out_of_the_users_home():
    # set by tests/conftest.py before anything reads them; child processes inherit them
    from pathlib import Path

    home = Path.home().resolve()
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = Path(os.environ[variable]).resolve()
        assert home not in folder.parents and folder != home, variable
    import platformdirs

    assert not Path(platformdirs.user_data_dir("bpdraw")).resolve().is_relative_to(home)
    assert not Path(platformdirs.user_config_dir("bpdraw")).resolve().is_relative_to(home)

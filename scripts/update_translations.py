"""Refresh the translations: the app's and CLI's texts -> .ts (to translate) -> .qm (shipped).

    python scripts/update_translations.py          # lupdate, then lrelease
    python scripts/update_translations.py --check  # also fail if an entry is unfinished

pyside6-lupdate collects every self.tr(...), QCoreApplication.translate(...) and
QT_TRANSLATE_NOOP(...) of bpdraw/app/*.py, bpdraw/cli*.py and bpdraw/texts.py into
assets/translations/bpdraw_<language>.ts, keeping the translations already there and
dropping texts no longer in the code. Translate new entries with pyside6-linguist (or by hand:
fill <translation> and remove type="unfinished"), then run this again: pyside6-lrelease
compiles each .ts to the .qm the app and the CLI load.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "assets" / "translations"  # the package bpdraw.assets
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (a venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: pip install PySide6 (it ships {name})")
    return found


def sources() -> list[Path]:
    """Every file with translatable texts: the app package, the command line, their texts."""
    package = ROOT / "bpdraw"
    app, cli = sorted((package / "app").glob("*.py")), sorted(package.glob("cli*.py"))
    return app + cli + [package / "texts.py"]


def unfinished(ts_file: Path) -> int:
    """How many entries of `ts_file` still wait for a translation."""
    return len(re.findall(r'type="unfinished"', ts_file.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished entries")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = [str(path.relative_to(ROOT)) for path in sources()]
    status = 0
    for language in LANGUAGES:
        ts_file = TRANSLATIONS / f"bpdraw_{language}.ts"
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run(
            [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files]
            + ["-target-language", language, "-ts", str(ts_file)],
            check=True,
            cwd=ROOT,
        )
        subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True)
        left = unfinished(ts_file)
        if left:
            print(f"{ts_file.name}: {left} entries still to translate")
            status = 1 if args.check else status
    return status


if __name__ == "__main__":
    sys.exit(main())

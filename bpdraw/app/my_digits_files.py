"""The "My digits" tab's files: Export… writes every drawing to a strokes file (which
`bpdraw teach` and `bpdraw evaluate --strokes` read), Import… adds the drawings of one.

`MyDigitsFilesMixin` is mixed into `MyDigitsTab`: it uses the tab's `store`, `refresh` and
`adapt_result_label`. Its texts keep the tab's translation context ("MyDigitsTab"), so the
catalogue's translations still find them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bpdraw.app.file_texts import os_error_text, read_error_text
from bpdraw.app.i18n import format_number
from bpdraw.strokes_file import StrokesFileError

translate = QCoreApplication.translate

STROKES_FILTER = QT_TRANSLATE_NOOP("MyDigitsTab", "bpdraw strokes files (*.npz);;All files (*)")


class MyDigitsFilesMixin:
    """Export and import of your drawings (part of MyDigitsTab)."""

    def on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("MyDigitsTab", "Export my drawings"),
            str(Path.home() / "my_digits.npz"),
            translate("MyDigitsTab", STROKES_FILTER),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> int | None:
        """Write every drawing to a strokes file; -> how many, or None after an error dialog."""
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".npz")
        try:
            count = self.store.export(path)
        except OSError as error:
            QMessageBox.critical(
                self, translate("MyDigitsTab", "Cannot export"), os_error_text(path, error)
            )
            return None
        exported = translate("MyDigitsTab", "Exported {count} drawings to {path}.")
        self.adapt_result_label.setText(exported.format(count=format_number(count), path=path))
        return count

    def on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MyDigitsTab", "Import drawings"),
            str(Path.home()),
            translate("MyDigitsTab", STROKES_FILTER),
        )
        if path:
            self.import_from(path)

    def import_from(self, path: str | Path) -> int | None:
        """Add every drawing of a strokes file, all or nothing; a bad file: a dialog, None."""
        try:
            count = self.store.import_file(path)
        except (StrokesFileError, OSError, ValueError) as error:
            problem = read_error_text(path, error)
            title = translate("MyDigitsTab", "Cannot import these drawings")
            QMessageBox.critical(self, title, problem)
            return None
        imported = translate("MyDigitsTab", "Imported {count} drawings from {name}.")
        self.adapt_result_label.setText(
            imported.format(count=format_number(count), name=Path(path).name)
        )
        self.refresh()
        return count

"""Pictures in the app: File → Read a picture…, a picture file dropped on the window, or a
picture pasted (Edit → Paste picture).

The picture's ink is found as `bpdraw predict` finds it (bpdraw.images.picture_ink: turned
upright by its EXIF tag, its lighting evened, the digit found in a large photo) on a plain
thread, since a phone photo takes a good part of a second. The Draw tab then shows the
picture on its canvas and reads it with the model in use as it reads a drawing: the digit or
the number, how sure, "not sure", the 8×8 the network sees, "It's a:". Drawing on the canvas
puts the picture away; so does drawing while a picture is still being read (it is dropped).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from bpdraw.app.background import in_background
from bpdraw.app.file_texts import translate
from bpdraw.cli_common import PICTURE_SUFFIXES, picture_error_reason
from bpdraw.preprocess import NothingDrawn

if TYPE_CHECKING:
    from bpdraw.app.draw_tab import DrawTab

# How long "Read photo.jpg …" stays in the status bar, in milliseconds.
SHOWN_MESSAGE_MS = 8000


class PictureReader(QObject):
    """Reads pictures for a Draw tab, from a file dialog, a drop on its window or the
    clipboard; its parent, the main window, shows the Draw tab (its `tabs`), says in its
    status bar what is being read and, in a message box, why a picture could not be.

    Signals:
        shown(str): the picture with this name is on the canvas, read.
        failed(str): "NAME: why" a picture could not be read.
    """

    shown = Signal(str)
    failed = Signal(str)

    def __init__(self, draw_tab: DrawTab, window: QMainWindow) -> None:
        super().__init__(window)
        self._draw_tab = draw_tab
        self._ticket = 0  # the latest request; an older result, or one drawn over, is dropped
        draw_tab.canvas.drawing_changed.connect(self._on_drawing_changed)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def ask(self) -> None:
        """File → Read a picture…: choose a file and read it."""
        window = self.parent()
        folder = str(window.settings.value("files/last_directory", str(Path.home())))
        patterns = " ".join(f"*{suffix}" for suffix in PICTURE_SUFFIXES)
        filters = self.tr("Pictures ({patterns});;All files (*)").format(patterns=patterns)
        path, _ = QFileDialog.getOpenFileName(window, self.tr("Read a picture"), folder, filters)
        if path:
            window.settings.setValue("files/last_directory", str(Path(path).parent))
            self.read_file(path)

    def read_file(self, path: str) -> None:
        """Read the picture file at ``path`` (off the GUI thread) and show it on the Draw tab."""
        self._start(Path(path).name, lambda: _read_image(path))

    def paste(self) -> None:
        """Edit → Paste picture: the clipboard's picture, or the picture file copied."""
        clipboard = QGuiApplication.clipboard()
        image, data = clipboard.image(), clipboard.mimeData()
        files = [url.toLocalFile() for url in data.urls() if url.isLocalFile()] if data else []
        if not image.isNull():
            pixels = _pixels_of(image)
            self._start(self.tr("the pasted picture"), lambda: pixels)
        elif len(files) == 1:
            self.read_file(files[0])
        else:
            self._say_why(self.tr("The clipboard holds no picture: copy one, then paste"))

    def _start(self, name: str, pixels_of) -> None:
        self._ticket += 1
        ticket = self._ticket

        def find_ink():  # on a plain thread: refers to no QObject
            from bpdraw.images import picture_ink  # scipy: never on the GUI thread

            try:
                pixels = pixels_of()
            except (ValueError, OSError) as error:  # UnreadableImage is a ValueError
                return ticket, name, None, None, picture_error_reason(error, translate)
            try:
                return ticket, name, pixels, picture_ink(pixels), None
            except NothingDrawn:
                return ticket, name, pixels, None, None

        self._show_tab()
        self._status(self.tr("Reading {name}…").format(name=name))
        in_background(find_ink, self._on_found, name="bpdraw-picture")

    def _on_found(self, found) -> None:
        ticket, name, pixels, ink, problem = found
        if ticket != self._ticket:
            return
        if problem is not None:
            self._status("")
            message = translate("cli", "{path}: cannot read this image: {problem}")
            self._say_why(message.format(path=name, problem=problem))
            return
        self._show_tab()
        self._draw_tab.show_picture(_image_of(pixels), ink)
        self._status(self.tr("Read {name}: draw on the canvas to start again").format(name=name))
        self.shown.emit(name)

    def _on_drawing_changed(self) -> None:
        if self._draw_tab.canvas.is_drawing():
            self._ticket += 1  # a picture still being read would cover the new drawing

    def _say_why(self, message: str) -> None:
        self.failed.emit(message)
        QMessageBox.warning(self.parent(), self.tr("Cannot read the picture"), message)

    def _status(self, text: str) -> None:
        self.parent().statusBar().showMessage(text, SHOWN_MESSAGE_MS if text else 0)

    def _show_tab(self) -> None:
        self.parent().tabs.setCurrentWidget(self._draw_tab)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """One file, or a picture itself (dragged from a browser), dragged over the window is
        taken; dropped, a picture is read (a model file, .npz, opens as File → Open model…)."""
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return super().eventFilter(watched, event)
        path, data = _one_local_file(event), event.mimeData()
        image = data.imageData() if path is None and data is not None and data.hasImage() else None
        if path is None and not isinstance(image, QImage):
            return False
        event.acceptProposedAction()
        if kind != QEvent.Type.Drop:
            return True
        if path is None:
            pixels = _pixels_of(image)
            self._start(self.tr("the dropped picture"), lambda: pixels)
        elif Path(path).suffix.lower() == ".npz":
            self.parent().open_model_file(path)
        else:
            self.read_file(path)
        return True


def _read_image(path: str) -> np.ndarray:
    """bpdraw.picture_file.read_image, imported where it runs (off the GUI thread)."""
    from bpdraw.picture_file import read_image

    return read_image(path)


def _one_local_file(event: QDropEvent) -> str | None:
    """The local file a drag carries when it carries exactly one, else None."""
    data = event.mimeData()
    urls = data.urls() if data is not None and data.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    return urls[0].toLocalFile()


def _pixels_of(image: QImage) -> np.ndarray:
    """A QImage -> (h, w, 4) uint8 RGBA, a copy."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height, line = rgba.width(), rgba.height(), rgba.bytesPerLine()
    rows = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=line * height)
    return rows.reshape(height, line)[:, : 4 * width].reshape(height, width, 4).copy()


def _image_of(pixels: np.ndarray) -> QImage:
    """read_image's pixels ((h, w) or (h, w, 3 or 4), 8 or 16 bit) -> a QImage."""
    pixels = np.asarray(pixels)
    if pixels.dtype == np.uint16:
        pixels = (pixels >> 8).astype(np.uint8)
    pixels = pixels.astype(np.uint8, copy=False)
    if pixels.ndim == 2:
        pixels = np.repeat(pixels[..., None], 3, axis=2)
    if pixels.shape[2] == 3:
        pixels = np.concatenate([pixels, np.full(pixels.shape[:2] + (1,), 255, np.uint8)], axis=2)
    pixels = np.ascontiguousarray(pixels)
    height, width = pixels.shape[:2]
    image = QImage(pixels.data, width, height, 4 * width, QImage.Format.Format_RGBA8888)
    return image.copy()

"""Regenerate the README's screenshots of the real app: docs/screenshots/{draw,train,…}.png.

    python scripts/screenshots.py [--out DIR]

Runs offscreen (no display needed) with throw-away settings, so the user's own window
geometry and training settings are neither used nor changed. The drawing is a digit
replayed as mouse drags on the canvas; the confusion window shows the shipped model with
its most common mistake selected; the Inside tab's step view is shown after 20 presses of
Step (backprop.png); a generated photo of "42" is read by File → Read a picture…
(picture.png); "2026" written with touching digits is read, each digit in its own colour
(number.png); the Train tab is shown before a run (train.png: the explained form and the
model in use's results) and after a real run of the course recipe started with its Retrain
button (compare.png: the new model beside the model in use).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QEventLoop, QPoint, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

from bpdraw.app.main_window import MainWindow  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WINDOW_SIZE = (1040, 700)
CONFUSION_SIZE = (980, 620)
# A "2" as a person draws it with a mouse: one stroke, fractions of the canvas side.
TWO = [
    (0.30, 0.33),
    (0.33, 0.26),
    (0.39, 0.21),
    (0.47, 0.18),
    (0.56, 0.19),
    (0.63, 0.23),
    (0.67, 0.30),
    (0.67, 0.38),
    (0.63, 0.46),
    (0.56, 0.54),
    (0.48, 0.62),
    (0.40, 0.70),
    (0.33, 0.77),
    (0.30, 0.81),
    (0.38, 0.81),
    (0.48, 0.80),
    (0.58, 0.80),
    (0.68, 0.81),
    (0.73, 0.82),
]


def wait(milliseconds: int) -> None:
    """Let the event loop run (paints, timers, worker signals) for a while."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_for(condition, timeout_ms: int = 120_000) -> None:
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the app did not get there in time")
        wait(50)
        waited += 50


def use_a_real_font(app: QApplication) -> None:
    """Offscreen Qt may pick no font at all (boxes): load DejaVu Sans if it is there."""
    for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"):
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            if (Path(folder) / name).exists():
                QFontDatabase.addApplicationFont(str(Path(folder) / name))
    if "DejaVu Sans" in QFontDatabase.families():
        app.setFont(QFont("DejaVu Sans", 10))


def draw(canvas: QWidget, stroke: list[tuple[float, float]]) -> None:
    """Replay a stroke as real mouse events (press, moves with the button held, release)."""
    sheet = canvas.sheet_rect()

    def to_pixels(point: tuple[float, float]) -> QPoint:
        return QPoint(
            round(sheet.left() + point[0] * sheet.width()),
            round(sheet.top() + point[1] * sheet.height()),
        )

    # A smooth curve through the points (Catmull-Rom), sampled as a mouse reports it.
    padded = [stroke[0], *stroke, stroke[-1]]
    dense = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1 : i + 3]
        for step in range(8):
            t = step / 8
            dense.append(
                tuple(
                    0.5
                    * (
                        2 * p1[k]
                        + (p2[k] - p0[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t**2
                        + (3 * p1[k] - p0[k] - 3 * p2[k] + p3[k]) * t**3
                    )
                    for k in (0, 1)
                )
            )
    dense.append(stroke[-1])
    QTest.mousePress(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to_pixels(dense[0])
    )
    for point in dense[1:]:
        QTest.mouseMove(canvas, to_pixels(point))
    QTest.mouseRelease(
        canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to_pixels(dense[-1])
    )


def save(widget: QWidget, path: Path) -> None:
    wait(150)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def save_step_view(window: MainWindow, path: Path, steps: int = 20) -> None:
    """The Inside tab's backpropagation step view after `steps` clicks of its Step button."""
    window.tabs.setCurrentWidget(window.inside_tab)
    view = window.inside_tab.backprop_view
    wait(200)
    for _ in range(steps):
        QTest.mouseClick(view.step_button, Qt.MouseButton.LeftButton)
    scroll = window.inside_tab.findChild(QScrollArea)
    scroll.ensureWidgetVisible(view, 0, 0)
    save(view, path)


def save_picture_read(window: MainWindow, photo_path: Path, path: Path) -> None:
    """File → Read a picture… on a generated blue-ink photo of "42" by a UJI writer the
    shipped model never trained on (scripts/make_photo_testset.py draws it)."""
    from make_photo_testset import photo

    from bpdraw.pen_recipe import UJI_HELD_OUT_WRITERS, load_uji_packed

    packed, labels, writers = load_uji_packed(UJI_HELD_OUT_WRITERS)
    ones = writers == writers[0]
    four, two = (int(np.flatnonzero(ones & (labels == digit))[0]) for digit in (4, 2))
    picture, _ = photo(packed, [four, two], "blue_ink", np.random.default_rng(3))
    Image.fromarray(np.rint(picture * 255).astype(np.uint8), "RGB").save(photo_path)
    shown = []
    window.picture_reader.shown.connect(shown.append)
    window.picture_reader.read_file(str(photo_path))
    wait_for(lambda: shown)
    wait(200)
    save(window, path)


def save_number(window: MainWindow, path: Path, digits: str = "2026") -> None:
    """`digits` written close enough to touch by the first UJI writer the shipped model never
    trained on whose number it reads right, replayed as mouse drags: each digit inked in its
    own colour where the number was parted."""
    from bpdraw.numbers import read_number
    from bpdraw.pen_recipe import UJI_HELD_OUT_WRITERS, load_uji_packed

    packed, labels, writers = load_uji_packed(UJI_HELD_OUT_WRITERS)
    for writer in np.unique(writers):
        placed, right_edge = [], 0.0
        for digit in digits:
            index = int(np.flatnonzero((writers == writer) & (labels == int(digit)))[0])
            first, last = packed.sample_ptr[index], packed.sample_ptr[index + 1]
            ends = packed.stroke_ptr
            strokes = [
                packed.points[ends[k] : ends[k + 1]].astype(float) for k in range(first, last)
            ]
            low, high = np.concatenate(strokes).min(axis=0), np.concatenate(strokes).max(axis=0)
            scale = 1.0 / (high[1] - low[1])
            placed += [(stroke - low) * scale + (right_edge, 0.0) for stroke in strokes]
            right_edge += (high[0] - low[0]) * scale
        every = np.concatenate(placed)
        fit = 0.84 / np.ptp(every, axis=0).max()
        placed = [(stroke - every.min(axis=0)) * fit + (0.08, 0.3) for stroke in placed]
        if read_number(window.model, placed).text == digits:
            break
    window.draw_tab.canvas.clear()
    for stroke in placed:
        draw(
            window.draw_tab.canvas, [tuple(point) for point in stroke[:: max(1, len(stroke) // 24)]]
        )
    wait(300)
    save(window, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args(argv)
    arguments.out.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    use_a_real_font(app)
    with tempfile.TemporaryDirectory() as settings_folder:
        # the app's drawings and kept model go to this folder too, never the user's own
        os.environ["XDG_DATA_HOME"] = str(Path(settings_folder) / "data")
        for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(settings_format, QSettings.Scope.UserScope, settings_folder)
        settings = QSettings(str(Path(settings_folder) / "bpdraw.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings)
        window.resize(*WINDOW_SIZE)
        window.show()
        wait(200)

        draw(window.draw_tab.canvas, TWO)
        save(window, arguments.out / "draw.png")
        save_number(window, arguments.out / "number.png")
        save_picture_read(
            window, Path(settings_folder) / "photo.png", arguments.out / "picture.png"
        )
        window.draw_tab.canvas.clear()
        save_step_view(window, arguments.out / "backprop.png")

        window.show_confusion_window()
        confusion = window.confusion_window
        confusion.resize(*CONFUSION_SIZE)
        wait_for(lambda: confusion.evaluation() is not None)
        confusion.refresh()
        save(confusion, arguments.out / "confusion.png")

        confusion.close()

        train_tab = window.train_tab
        window.tabs.setCurrentWidget(train_tab)
        # before any run: the explained form and the model in use's own results
        wait_for(lambda: train_tab.results.evaluation() is not None)
        wait(300)
        save(window, arguments.out / "train.png")
        # the course's classic recipe, then the comparison it leads to (the default preset
        # would rebuild the shipped model exactly: same recipe, same seed, same figures)
        preset_combo = train_tab.form.preset_combo
        preset_combo.setCurrentIndex(preset_combo.findData("classic"))
        trained = []
        train_tab.model_trained.connect(trained.append)
        train_tab.findChild(QWidget, "retrainButton").click()
        wait_for(lambda: trained and not train_tab.is_training())
        wait(300)
        train_tab.results_scroll.ensureWidgetVisible(train_tab.results.comparison, 0, 0)
        wait(200)
        save(window, arguments.out / "compare.png")
        train_tab.results.comparison.keep_button.click()  # nothing to ask about on closing

        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

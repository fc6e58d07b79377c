"""Replay held-out writers' dev-set digits as real mouse drags on the Canvas widget.

Each digit is drawn as a person would (random size and place, points at mouse-move
rate, whole pixels) with real Qt mouse press/move/release events on a `Canvas`. The
widget's own `to_digits()` is compared with the function path (`strokes_to_digits` on
the same pixels, as eval_devset.py does), and a model reads both. The same drags are then
drawn on the Draw tab, whose answer (the digit or number it shows, as a person sees it:
every conversion and turn, touching digits parted) is the figure that counts.

    python scripts/eval_canvas.py [--count 400] [--model assets/default_model.npz]
    python scripts/eval_canvas.py --strokes ../shared/devsets/uji_digits_strokes.npz \
        --writers 41 42 ... 60
    python scripts/eval_canvas.py --strokes ../shared/devsets/bridger_digits_strokes.npz \
        --writers bridger --count 822
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_devset import DEV_SET, HELD_OUT_WRITERS, load_dev, mouse_drags  # noqa: E402

from bpdraw.augment import select  # noqa: E402
from bpdraw.preprocess import NothingDrawn, strokes_to_digits  # noqa: E402


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strokes", default=str(DEV_SET), help="dev set in the pendigits format")
    parser.add_argument("--count", type=int, default=400, help="digits to draw")
    parser.add_argument("--model", default=None, help="model file (default: the shipped one)")
    parser.add_argument("--size", type=int, default=320, help="canvas widget side in pixels")
    parser.add_argument("--writers", nargs="+", default=HELD_OUT_WRITERS, help="writers drawn")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bpdraw.app.canvas import MIN_DRAWING_SIZE, Canvas
    from bpdraw.app.draw_tab import DrawTab
    from bpdraw.model import load, load_default

    model = load(args.model) if args.model else load_default()
    packed, labels, writers = load_dev(args.strokes)
    rng = np.random.default_rng(2026)
    held_out = np.flatnonzero(np.isin(writers, args.writers))
    chosen = np.sort(rng.choice(held_out, size=min(args.count, len(held_out)), replace=False))

    application = QApplication.instance() or QApplication([])
    canvas = Canvas()
    canvas.resize(args.size, args.size)
    canvas.show()
    QTest.qWaitForWindowExposed(canvas)
    sheet = canvas.sheet_rect()
    drags = mouse_drags(select(packed, chosen), rng, canvas=int(sheet.width()) - 1)
    drawn_side = sheet.width()

    def draw(widget: Canvas, i: int, sheet) -> list:
        """Drawing i of the drags as mouse events on ``widget``; -> the positions sent."""
        sent = []
        for j in range(drags.sample_ptr[i], drags.sample_ptr[i + 1]):
            stroke = drags.points[drags.stroke_ptr[j] : drags.stroke_ptr[j + 1]]
            scale = sheet.width() / drawn_side  # the drags were made for the first canvas
            positions = [
                QPoint(round(sheet.left() + x * scale), round(sheet.top() + y * scale))
                for x, y in stroke
            ]
            QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=positions[0])
            for position in positions[1:]:
                QTest.mouseMove(widget, position)
            QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=positions[-1])
            sent.append([(p.x(), p.y()) for p in positions])
        return sent

    widget_digits, function_digits, kept_labels, nothing = [], [], [], 0
    for i, label in enumerate(labels[chosen]):
        canvas.clear()
        sent = draw(canvas, i, sheet)
        from_widget = canvas.to_digits()
        try:
            side = sheet.width()
            from_function = strokes_to_digits(sent, min_size=MIN_DRAWING_SIZE * side)
        except NothingDrawn:
            from_function = None
        if from_widget is None or from_function is None:
            nothing += 1
            continue
        widget_digits.append(from_widget)
        function_digits.append(from_function)
        kept_labels.append(label)
    application.processEvents()

    tab = DrawTab(model)
    tab.resize(2 * args.size, args.size)
    tab.show()
    QTest.qWaitForWindowExposed(tab)
    tab_sheet = tab.canvas.sheet_rect()
    answers, flagged = [], []
    for i in range(len(chosen)):
        tab.canvas.clear()
        draw(tab.canvas, i, tab_sheet)
        answers.append(tab.prediction_label.text())
        flagged.append(tab.prediction_status_label.text().startswith(("Not sure", "Doesn't")))
    answers, flagged = np.array(answers), np.array(flagged)
    tab_right = answers == np.array([str(label) for label in labels[chosen]])

    widget_digits, function_digits = np.array(widget_digits), np.array(function_digits)
    kept_labels = np.array(kept_labels)
    widget_predictions = model.predict(widget_digits)
    function_predictions = model.predict(function_digits)
    print(f"model: {model.describe()}")
    print(
        f"{len(chosen)} digits (writers {', '.join(args.writers)}) drawn with "
        f"real mouse events on a {args.size} px canvas; {nothing} read as nothing drawn"
    )
    print(f"  canvas widget path: accuracy {np.mean(widget_predictions == kept_labels):.3f}")
    print(f"  function path:      accuracy {np.mean(function_predictions == kept_labels):.3f}")
    print(
        f'  the Draw tab\'s answer: accuracy {tab_right.mean():.3f}; "not sure" on'
        f" {flagged[~tab_right].mean():.0%} of {(~tab_right).sum()} wrong,"
        f" {flagged[tab_right].mean():.1%} of right; read as several digits:"
        f" {sum(len(answer) > 1 for answer in answers)}, as nothing: {sum(not a for a in answers)}"
    )
    agree = np.mean(widget_predictions == function_predictions)
    print(
        f"  same prediction on both paths: {agree:.3f}"
        f"; identical 8x8: {np.mean((widget_digits == function_digits).all(axis=(1, 2))):.3f}"
        f"; mean |difference| of counts {np.abs(widget_digits - function_digits).mean():.3f}"
    )


if __name__ == "__main__":
    main()

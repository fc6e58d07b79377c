"""Screenshots of the app in Chinese, and of the Train tab at the smallest supported size.

    python scripts/screenshots_i18n.py [--out DIR]

Writes draw_zh.png (a drawn 2 read in Chinese), train_zh.png (the Train tab in Chinese
after a short run of the course's recipe: live plot, comparison) and train_800x600.png (the
English Train tab in an 800x600 window). Offscreen, with throw-away settings, like
scripts/screenshots.py (whose helpers it uses). Chinese needs a CJK font: on Debian or
Ubuntu `sudo apt install fonts-wqy-microhei` (or fonts-noto-cjk); without one the app stays
in English and this script stops.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpdraw.app import i18n  # noqa: E402
from bpdraw.app.main_window import MainWindow  # noqa: E402

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("screenshots", HERE / "screenshots.py")
shots = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shots)


def window_in(language: str, settings: QSettings, size: tuple[int, int]) -> MainWindow:
    """A main window speaking `language` (chosen as BPDRAW_LANG would), shown at `size`."""
    os.environ[i18n.LANGUAGE_VARIABLE] = language
    window = MainWindow(settings=settings)
    window.resize(*size)
    window.show()
    shots.wait(200)
    if i18n.current_language() != language:
        raise SystemExit(f"the app could not speak {language} (no Chinese font?)")
    return window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=shots.ROOT / "docs" / "screenshots")
    arguments = parser.parse_args(argv)
    arguments.out.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    shots.use_a_real_font(app)
    with tempfile.TemporaryDirectory() as settings_folder:
        # the app's drawings and kept model go to this folder too, never the user's own
        os.environ["XDG_DATA_HOME"] = str(Path(settings_folder) / "data")
        for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(settings_format, QSettings.Scope.UserScope, settings_folder)
        settings = QSettings(str(Path(settings_folder) / "bpdraw.ini"), QSettings.Format.IniFormat)

        window = window_in(i18n.CHINESE, settings, shots.WINDOW_SIZE)
        shots.draw(window.draw_tab.canvas, shots.TWO)
        shots.save(window, arguments.out / "draw_zh.png")

        train_tab = window.train_tab
        window.tabs.setCurrentWidget(train_tab)
        shots.wait_for(lambda: train_tab.results.evaluation() is not None)
        preset_combo = train_tab.form.preset_combo
        preset_combo.setCurrentIndex(preset_combo.findData("classic"))
        trained = []
        train_tab.model_trained.connect(trained.append)
        train_tab.retrain_button.click()
        shots.wait_for(lambda: trained and not train_tab.is_training())
        shots.wait(300)
        train_tab.results_scroll.verticalScrollBar().setValue(0)  # the plot, then the choice
        shots.save(window, arguments.out / "train_zh.png")
        train_tab.results.comparison.keep_button.click()  # nothing to ask about on closing
        window.close()

        english = window_in(i18n.ENGLISH, settings, (800, 600))
        english.tabs.setCurrentWidget(english.train_tab)
        shots.wait_for(lambda: english.train_tab.results.evaluation() is not None)
        shots.wait(300)
        if (english.width(), english.height()) != (800, 600):
            raise SystemExit(f"the window did not shrink to 800x600: {english.size()}")
        shots.save(english, arguments.out / "train_800x600.png")
        english.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

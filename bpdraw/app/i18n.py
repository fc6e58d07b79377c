"""The language the app speaks: English or Simplified Chinese (简体中文).

The choice, in order: the BPDRAW_LANG environment variable ("zh_CN" or "en"), the one kept in
QSettings under "ui/language" (View → Language), the system locale. `apply_language` installs
bpdraw's translator (and Qt's own, for standard buttons) once per application, so a fresh
`MainWindow()` speaks the same language as `bpdraw`; installing sends every widget a
LanguageChange event, on which each one re-applies its texts.

Chinese needs a font with Chinese glyphs. When the platform has none, the app stays in English
and says how to get one (`NO_CHINESE_FONT_NOTE`).

The command line uses the same .qm without a QApplication: `translator_for(language)` and
`translate(translator, context, text)`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from bpdraw.shipped import shipped_folder

ENGLISH, CHINESE = "en", "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
# How each language names itself in View → Language.
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "中文"}
LANGUAGE_SETTING = "ui/language"
LANGUAGE_VARIABLE = "BPDRAW_LANG"
TRANSLATIONS_DIR = shipped_folder("translations")
# Fonts with Simplified Chinese glyphs that ship with (or are one package away on) each platform.
PREFERRED_CHINESE_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)
NO_CHINESE_FONT_NOTE = QT_TRANSLATE_NOOP(
    "i18n",
    "中文 needs a font with Chinese characters, and none is installed; staying in English. "
    "On Debian or Ubuntu: sudo apt install fonts-noto-cjk (then restart bpdraw).",
)
# objectNames of the translators installed on the application (found again by them).
_BPDRAW_TRANSLATOR = "bpdrawTranslator"
_QT_TRANSLATOR = "qtBaseTranslator"


@dataclass(frozen=True)
class AppliedLanguage:
    """What `apply_language` did: the language now spoken, its font, and a note if it fell back."""

    language: str
    font_family: str | None = None
    note: str = ""


def normalise(name: str | None) -> str | None:
    """'zh_CN', 'zh-Hans', 'zh_CN.UTF-8', 'zh' -> 'zh_CN'; 'en_GB', 'C' -> 'en'; else None."""
    if not name:
        return None
    code = name.strip().split(".")[0].replace("-", "_").lower()
    if code.startswith("zh"):
        return CHINESE
    if code.startswith("en") or code in ("c", "posix"):
        return ENGLISH
    return None


def system_language() -> str:
    """The system locale's language if bpdraw speaks it, else English."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return CHINESE
    return ENGLISH


def chosen_language(settings: QSettings | None = None) -> str:
    """BPDRAW_LANG if set to a known language, else the kept choice, else the system's."""
    from_environment = normalise(os.environ.get(LANGUAGE_VARIABLE))
    if from_environment is not None:
        return from_environment
    if settings is not None:
        kept = normalise(str(settings.value(LANGUAGE_SETTING, "") or ""))
        if kept is not None:
            return kept
    return system_language()


def qm_path(language: str) -> Path:
    """Where `language`'s compiled translation ships: assets/translations/bpdraw_<language>.qm."""
    return TRANSLATIONS_DIR / f"bpdraw_{language}.qm"


def translator_for(language: str) -> QTranslator | None:
    """bpdraw's translator for `language` (None for English, or when its .qm is missing).

    Works without a QApplication, so the command line can use it too.
    """
    if normalise(language) != CHINESE:
        return None
    translator = QTranslator()
    if not translator.load(str(qm_path(CHINESE))):
        return None
    return translator


def translate(translator: QTranslator | None, context: str, text: str) -> str:
    """`text` in the translator's language (the English text when it has none)."""
    if translator is None:
        return text
    return translator.translate(context, text) or text


def command_line_translate(language: str | None = None) -> Callable[[str, str], str]:
    """For the command line (no QApplication needed): translate(context, text) -> text in
    `language` (default: BPDRAW_LANG, then the app's kept choice, then the system locale).

    Name the result `translate` so pyside6-lupdate collects its calls:
    ``translate = command_line_translate(); print(translate("cli", "Training…"))``.
    """
    if language is None:
        language = chosen_language(QSettings("bpdraw", "bpdraw"))
    translator = translator_for(language)
    return partial(translate, translator)


def chinese_font_family() -> str | None:
    """An installed font family with Simplified Chinese glyphs (preferred ones first), or None.

    Needs a QGuiApplication (the font database is the platform's).
    """
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for preferred in PREFERRED_CHINESE_FAMILIES:
        if preferred in families:
            return preferred
    return families[0] if families else None


def current_language(app: QCoreApplication | None = None) -> str:
    """The language bpdraw's installed translator speaks in `app` (English when none)."""
    app = app or QCoreApplication.instance()
    if app is None:
        return ENGLISH
    translator = app.findChild(QTranslator, _BPDRAW_TRANSLATOR)
    return CHINESE if translator is not None else ENGLISH


def apply_language(language: str, app: QCoreApplication | None = None) -> AppliedLanguage:
    """Make `app` speak `language` now: one bpdraw translator (and Qt's) per application.

    Chinese without a Chinese font stays English, with `NO_CHINESE_FONT_NOTE`. Calling it again
    with the language already spoken changes nothing (no LanguageChange events).
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QApplication; create one first")
    wanted = normalise(language) or ENGLISH
    font_family = None
    note = ""
    if wanted == CHINESE:
        font_family = chinese_font_family()
        if font_family is None:
            wanted, note = ENGLISH, _note_without_font()
    if wanted == current_language(app):
        return AppliedLanguage(wanted, font_family, note)
    _remove_translators(app)
    _set_font(app, font_family)
    if wanted == CHINESE:
        QLocale.setDefault(QLocale("zh_CN"))
        qt_translator = QTranslator(app)
        qt_translator.setObjectName(_QT_TRANSLATOR)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(QLocale(QLocale.Language.Chinese), "qtbase", "_", qt_dir):
            app.installTranslator(qt_translator)
        translator = QTranslator(app)
        translator.setObjectName(_BPDRAW_TRANSLATOR)
        if not translator.load(str(qm_path(CHINESE))):
            translator.deleteLater()
            return AppliedLanguage(ENGLISH, None, f"{qm_path(CHINESE)} is missing; English.")
        app.installTranslator(translator)
    else:
        QLocale.setDefault(QLocale.system())
        # removing a translator already told every widget; one more change event for the font
        app.sendEvent(app, _language_change())
    return AppliedLanguage(wanted, font_family, note)


def _note_without_font() -> str:
    return QCoreApplication.translate("i18n", NO_CHINESE_FONT_NOTE)


def _language_change() -> QEvent:
    return QEvent(QEvent.Type.LanguageChange)


def _remove_translators(app: QCoreApplication) -> None:
    for name in (_BPDRAW_TRANSLATOR, _QT_TRANSLATOR):
        translator = app.findChild(QTranslator, name)
        if translator is not None:
            app.removeTranslator(translator)
            translator.setParent(None)
            translator.deleteLater()


def _set_font(app: QCoreApplication, chinese_family: str | None) -> None:
    """The application font: a Chinese family first for Chinese, the original one otherwise."""
    from PySide6.QtGui import QFont, QGuiApplication

    if not isinstance(app, QGuiApplication):
        return
    original = app.property("bpdrawOriginalFont")
    if original is None:
        original = QGuiApplication.font()
        app.setProperty("bpdrawOriginalFont", original)
    if chinese_family is None:
        QGuiApplication.setFont(QFont(original))
        return
    font = QFont(original)
    font.setFamilies([chinese_family, *QFont(original).families()])
    QGuiApplication.setFont(font)


def register_matplotlib_font(family: str) -> bool:
    """Make matplotlib know the Qt font `family` (its font cache may predate the font)."""
    from matplotlib import font_manager

    if any(entry.name == family for entry in font_manager.fontManager.ttflist):
        return True
    for path in font_manager.findSystemFonts():
        try:
            if font_manager.FontProperties(fname=path).get_name() == family:
                font_manager.fontManager.addfont(path)
                return True
        except (OSError, RuntimeError, ValueError):
            continue
    return False


def matplotlib_fonts() -> str | None:
    """Fonts for matplotlib text made from now on: DejaVu Sans, falling back to the Chinese font
    while Chinese is spoken (so translated titles and legends have glyphs); -> that family."""
    from matplotlib import rcParams

    family = chinese_font_family() if current_language() == CHINESE else None
    if family is not None and register_matplotlib_font(family):
        rcParams["font.family"] = ["DejaVu Sans", family]
        return family
    rcParams["font.family"] = ["sans-serif"]
    return None


def format_number(value: float, decimals: int = 0) -> str:
    """`value` as the current locale writes it: 1,347 or 0.11 (group separators included)."""
    if decimals == 0:
        return QLocale().toString(int(round(value)))
    return QLocale().toString(float(value), "f", decimals)


def shortcut_text(key: QKeySequence.StandardKey) -> str:
    """The first key binding of a standard shortcut, as the platform writes it ("" if none)."""
    sequences = QKeySequence.keyBindings(key)
    return sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""


def format_percent(fraction: float, decimals: int = 0) -> str:
    """A fraction as the current locale writes a percentage: 0.961 -> '96%' (or '96.1%')."""
    locale = QLocale()
    return locale.toString(100 * float(fraction), "f", decimals) + locale.percent()


class LanguageMenu(QMenu):
    """View → Language: English / 中文, checkable; choosing one emits `language_chosen`.

    Each language is named in its own words, so these names are never translated.
    """

    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language in LANGUAGES:
            action = self.addAction(LANGUAGE_NAMES[language])
            action.setObjectName(f"language_{language}")
            action.setCheckable(True)
            action.triggered.connect(partial(self.language_chosen.emit, language))
            group.addAction(action)
            self.language_actions[language] = action
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        spoken = current_language()
        for language, action in self.language_actions.items():
            action.setChecked(language == spoken)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

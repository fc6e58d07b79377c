"""中文 / English: every visible text translated, the language chosen, switched and kept."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from bpdraw.app import i18n
from bpdraw.app.main_window import MainWindow

# the .ts source lives in the repository (only the compiled .qm ships)
TS_FILE = Path(__file__).resolve().parents[2] / "assets" / "translations" / "bpdraw_zh_CN.ts"
# Latin words allowed in Chinese text: names of code, data, people and file types.
ALLOWED_WORDS = {
    "load_digits", "mlpclassifier", "bp", "adam", "npz", "bpdraw", "numpy", "sigmoid", "uci",
    "cc", "by", "scikit", "learn", "sgd", "esc", "ctrl", "shift", "alt", "del", "teach",
    "alpaydin", "alimoglu", "kaynak", "sudo", "apt", "install", "fonts", "noto", "cjk",
    "debian", "ubuntu", "sum", "max", "min", "sans", "dejavu", "english", "softmax", "uji",
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
MATH_NAME = re.compile(r"^[A-Za-z]_[A-Za-z]?$")  # t_k, x_i, h_ (of h_3): the course's symbols


@pytest.fixture(autouse=True)
def english_afterwards(qapp, monkeypatch):
    """No BPDRAW_LANG from outside; the application speaks English again after each test."""
    monkeypatch.delenv(i18n.LANGUAGE_VARIABLE, raising=False)
    yield
    i18n.apply_language(i18n.ENGLISH)


def _window(qtbot, default_model, settings: QSettings | None = None) -> MainWindow:
    window = MainWindow(model=default_model, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # the posted LanguageChange events
    return window


def _plain(text: str) -> str:
    """Rich text as words: tags, entities, cited titles (<i>…</i>) and links dropped."""
    text = re.sub(r"<i>.*?</i>|<a .*?</a>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)
    return text.replace("&", "")


def untranslated(texts: list[str], data: list[str]) -> list[str]:
    """The texts with a Latin word outside ALLOWED_WORDS (after removing the model's own data)."""
    found = []
    for text in texts:
        plain = _plain(text)
        for value in data:
            plain = plain.replace(value, " ")
        words = [
            word
            for word in LATIN_WORD.findall(plain)
            if word.lower() not in ALLOWED_WORDS and not MATH_NAME.match(word)
        ]
        if words:
            found.append(f"{text!r}: {words}")
    return found


def visible_texts(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[str]:
    """Every text a user can see in `root`: labels, buttons, tooltips, tabs, menus, titles."""
    texts = [root.windowTitle(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        if any(widget is s or s.isAncestorOf(widget) for s in skip):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QSpinBox):
            texts += [widget.prefix(), widget.suffix()]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                texts += [widget.item(row).text(), widget.item(row).toolTip()]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QProgressBar):
            texts.append(widget.text())
    for action in root.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    return [text for text in texts if text]


def _model_data(model) -> list[str]:
    """Texts that come from the model file, not from the app: they stay as they were written
    (the model's description is translated around them)."""
    return [str(model.metadata.get("training_data", ""))]


def test_every_ts_entry_is_translated():
    text = TS_FILE.read_text(encoding="utf-8")
    assert text.count("<message") > 100
    assert 'type="unfinished"' not in text
    assert 'type="obsolete"' not in text
    assert TS_FILE.with_suffix(".qm").stat().st_size > 10_000


def test_translator_works_without_a_window():
    translator = i18n.translator_for("zh_CN")
    assert i18n.translate(translator, "MainWindow", "Train") == "训练"
    assert (
        i18n.translate(translator, "MainWindow", "not in the catalogue") == "not in the catalogue"
    )
    assert i18n.translator_for("en") is None


@pytest.mark.parametrize(
    ("name", "language"),
    [("zh_CN.UTF-8", "zh_CN"), ("zh-Hans", "zh_CN"), ("en_GB", "en"), ("C", "en"), ("fr", None)],
)
def test_language_names_are_normalised(name, language):
    assert i18n.normalise(name) == language


def test_bpdraw_lang_makes_a_fresh_window_chinese(qtbot, default_model, monkeypatch, chinese_font):
    monkeypatch.setenv("BPDRAW_LANG", "zh_CN")
    window = _window(qtbot, default_model)
    assert i18n.current_language() == "zh_CN"
    assert [window.tabs.tabText(i) for i in range(4)] == ["手写", "我的数字", "网络内部", "训练"]
    assert window.draw_tab.prediction_status_label.text() == "请写一个数字"
    assert window.language_menu.language_actions["zh_CN"].isChecked()
    monkeypatch.setenv("BPDRAW_LANG", "en")
    english = _window(qtbot, default_model)
    assert english.tabs.tabText(0) == "Draw"


def test_no_english_left_in_chinese(qtbot, default_model, monkeypatch, chinese_font):
    """Main window, My digits, Inside, Train tab, confusion window and About, all in Chinese:
    no untranslated word."""
    monkeypatch.setenv("BPDRAW_LANG", "zh_CN")
    window = _window(qtbot, default_model)
    found = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
    found += untranslated(visible_texts(window), _model_data(default_model))
    found += untranslated([window.about_text()], _model_data(default_model))
    window.show_confusion_window()
    confusion = window.confusion_window
    qtbot.addWidget(confusion)
    qtbot.waitUntil(
        lambda: confusion.heatmap_canvas is not None and confusion.evaluation() is not None,
        timeout=60_000,
    )
    found += untranslated(visible_texts(confusion), _model_data(default_model))
    axes = confusion.heatmap_axes
    found += untranslated([axes.get_xlabel(), axes.get_ylabel()], [])
    window.inside_tab.backprop_view.step_button.click()
    found += untranslated([window.inside_tab.backprop_view.values_label.text()], [])
    assert found == [], "\n".join(found)


def test_switching_language_keeps_the_drawing_and_the_model(
    qtbot, default_model, drag, circle, chinese_font
):
    window = _window(qtbot, default_model)
    canvas = window.draw_tab.canvas
    drag(canvas, circle(canvas))
    strokes, model = canvas.strokes(), window.model
    probabilities = window.draw_tab.probabilities()
    english_answer = window.draw_tab.prediction_status_label.text()

    window.language_menu.language_actions["zh_CN"].trigger()
    QApplication.processEvents()

    assert canvas.strokes() == strokes
    assert window.model is model
    assert window.draw_tab.probabilities() == pytest.approx(probabilities)
    assert window.tabs.tabText(0) == "手写"
    assert window.open_action.text() == "打开模型(&O)…"
    assert window.draw_tab.prediction_status_label.text() != english_answer
    assert window.inside_tab.hidden_heading.text() == "<b>隐藏单元</b>与十个输出"

    window.language_menu.language_actions["en"].trigger()
    QApplication.processEvents()
    assert canvas.strokes() == strokes and window.model is model
    assert window.tabs.tabText(0) == "Draw"
    assert window.draw_tab.prediction_status_label.text() == english_answer


def test_the_language_chosen_is_remembered(qtbot, default_model, chinese_font):
    settings = QSettings(str(Path(QSettings().fileName()).parent / "i18n.ini"), QSettings.IniFormat)
    window = _window(qtbot, default_model, settings)
    window.language_menu.language_actions["zh_CN"].trigger()
    assert settings.value(i18n.LANGUAGE_SETTING) == "zh_CN"
    i18n.apply_language("en")  # as if the app had quit
    again = _window(qtbot, default_model, settings)
    assert again.tabs.tabText(0) == "手写"


def test_without_a_chinese_font_it_stays_english_and_says_how_to_get_one(
    qtbot, default_model, monkeypatch
):
    monkeypatch.setattr(i18n, "chinese_font_family", lambda: None)
    monkeypatch.setenv("BPDRAW_LANG", "zh_CN")
    window = _window(qtbot, default_model)
    assert i18n.current_language() == "en"
    assert window.tabs.tabText(0) == "Draw"
    assert "fonts-noto-cjk" in window.statusBar().currentMessage()


def test_the_chinese_font_has_chinese_glyphs(qtbot, default_model, monkeypatch):
    family = i18n.chinese_font_family()
    if family is None:
        pytest.skip("no Chinese font installed (the fallback is tested above)")
    monkeypatch.setenv("BPDRAW_LANG", "zh_CN")
    _window(qtbot, default_model)
    assert QApplication.font().families()[0] == family
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(character)) for character in "训练隐藏层混淆矩阵准确率")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", [(800, 600), None])
def test_labels_and_buttons_fit(qtbot, default_model, monkeypatch, chinese_font, language, size):
    monkeypatch.setenv("BPDRAW_LANG", language)
    window = _window(qtbot, default_model)
    if size is not None:
        window.resize(*size)
    clipped = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        for widget in window.tabs.currentWidget().findChildren(QWidget):
            if not widget.isVisible() or not isinstance(widget, (QLabel, QPushButton, QCheckBox)):
                continue
            if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
                continue
            if isinstance(widget, QLabel):
                needed = widget.sizeHint().width()
            else:  # a button's sizeHint has a style minimum; its words must fit
                needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 8
            if needed > widget.width() + 1:
                clipped.append((widget.objectName() or type(widget).__name__, widget.text()))
    assert clipped == [], f"clipped at {window.width()}x{window.height()} in {language}"


def test_the_command_line_translates_without_an_application(tmp_path):
    """A child process with no QApplication: BPDRAW_LANG picks the language for the CLI."""
    import os
    import subprocess
    import sys

    code = (
        "from bpdraw.app.i18n import command_line_translate\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None\n"
        "print(command_line_translate()('MainWindow', 'Train'))\n"
    )
    environment = {**os.environ, "BPDRAW_LANG": "zh_CN", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "训练"


def plot_texts(figure) -> list[str]:
    """Every visible word of a matplotlib figure (titles, axis labels, legend, notes)."""
    from matplotlib.text import Text

    return [text.get_text() for text in figure.findobj(Text) if text.get_visible()]


def test_the_train_tab_speaks_chinese_through_a_run(
    qtbot, default_model, monkeypatch, chinese_font
):
    """Form, explanations, buttons, progress, the live plot and the comparison after a short
    run, a refused setting and a diverged run: all Chinese; and English again on switching."""
    monkeypatch.setenv("BPDRAW_LANG", "zh_CN")
    window = _window(qtbot, default_model)
    monkeypatch.setattr(window, "_unsaved_model_may_go", lambda: True)  # no question on close
    window.resize(800, 600)
    tab = window.train_tab
    window.tabs.setCurrentWidget(tab)
    tab.form.rate_edit.setText("abc")
    qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    assert tab.form.settings_error.text().startswith("学习率必须是")
    found = untranslated(visible_texts(tab), [*_model_data(default_model), "abc"])

    tab.form.set_settings("classic", learning_rate=0.11, steps=300)
    with qtbot.waitSignal(tab.model_trained, timeout=120_000) as trained:
        qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=60_000)
    data = [*_model_data(default_model), *_model_data(trained.args[0]), "abc"]
    assert tab.results.comparison.use_button.isVisible()
    found += untranslated(visible_texts(tab), data)
    figure = tab.learning._plot.figure
    found += untranslated(plot_texts(figure), [])
    assert "准确率" in plot_texts(figure) and "步" in plot_texts(figure)
    clipped = [
        button.text()
        for button in tab.findChildren(QPushButton)
        if button.isVisible()
        and button.fontMetrics().horizontalAdvance(button.text().replace("&", "")) + 8
        > button.width() + 1
    ]
    assert clipped == []

    tab.form.set_settings("classic", learning_rate=50.0, steps=3000)
    with qtbot.waitSignal(tab.training_failed, timeout=60_000) as failed:
        qtbot.mouseClick(tab.retrain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=60_000)
    assert "learning rate" in failed.args[0]  # the signal says it in English
    assert tab.status_label.text().startswith("训练发散了")
    assert tab.learning._plot.stop_text.get_text().startswith("在此停止")
    found += untranslated(visible_texts(tab) + plot_texts(figure), data)
    assert found == [], "\n".join(found)

    window.language_menu.language_actions["en"].trigger()
    QApplication.processEvents()
    assert tab.retrain_button.text() == "Retrain"
    assert "Training diverged" in tab.status_label.text()
    assert "Accuracy" in plot_texts(figure) and "steps" in plot_texts(figure)
    assert tab.learning._plot.stop_text.get_text().startswith("stopped here")


def test_every_recipe_text_is_in_the_catalogue():
    """The core's texts shown in the Train tab and the CLI (titles, summaries, data names,
    setting names) all have a Chinese translation: a changed text in bpdraw.recipes fails."""
    from dataclasses import fields

    from bpdraw.recipes import RECIPES, TRAINING_DATA_NAMES

    translator = i18n.translator_for("zh_CN")
    texts = [name for name in TRAINING_DATA_NAMES.values() if name != "load_digits"]
    for config in RECIPES.values():
        texts += [config.title, config.summary, config.__name__ and config().recipe]
        texts += [f.name.replace("_", " ") for f in fields(config) if f.init]
    missing = [text for text in texts if i18n.translate(translator, "recipes", text) == text]
    assert missing == []


def _bpdraw_in_chinese(tmp_path, *arguments: str) -> str:
    import os
    import subprocess
    import sys

    environment = {**os.environ, "BPDRAW_LANG": "zh_CN"}
    result = subprocess.run(
        [sys.executable, "-m", "bpdraw", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    return result.stdout


def test_the_command_line_speaks_chinese(tmp_path):
    """BPDRAW_LANG=zh_CN: the help, a command's help and a short training run in Chinese
    (the "test accuracy:" token stays for scripts)."""
    help_text = _bpdraw_in_chinese(tmp_path, "--help")
    assert "用法" in help_text and "训练一个网络并报告测试集准确率" in help_text
    assert "显示本帮助并退出" in help_text
    train_help = _bpdraw_in_chinese(tmp_path, "train", "--help")
    assert "隐藏单元数" in train_help and "学习率" in train_help
    printed = _bpdraw_in_chinese(tmp_path, "train", "--steps", "200")
    assert "训练：" in printed and "步 200/200" in printed and "损失" in printed
    assert "test accuracy: 0." in printed and "测试集 450 个数字" in printed
    assert "精确率" in printed and "召回率" in printed and "未保存" in printed
    assert "precision" not in printed


def test_predict_speaks_chinese_about_files_it_cannot_read(tmp_path):
    import os
    import subprocess
    import sys

    (tmp_path / "not-a-picture.png").write_text("hello")
    result = subprocess.run(
        [sys.executable, "-m", "bpdraw", "predict", "missing.png", "not-a-picture.png"],
        env={**os.environ, "BPDRAW_LANG": "zh_CN"},
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "missing.png：没有这个文件" in result.stderr
    unreadable = "它不是 bpdraw 能读取的图片（PNG、JPEG、GIF、BMP、TIFF 或 WebP）"
    assert f"not-a-picture.png：无法读取这张图片：{unreadable}" in result.stderr


def _pen_digits_file(path: Path, per_digit: int = 4, digits: int = 3) -> Path:
    """A small strokes file of the shipped pen digits: `per_digit` drawings of 0..digits-1."""
    import numpy as np

    from bpdraw.augment import load_pen_packed, select

    packed, labels, _ = load_pen_packed()
    chosen = np.concatenate([np.flatnonzero(labels == d)[:per_digit] for d in range(digits)])
    some = select(packed, chosen)
    np.savez(
        path,
        points=some.points,
        stroke_ptr=some.stroke_ptr,
        sample_ptr=some.sample_ptr,
        labels=labels[chosen],
    )
    return path


def test_teach_and_evaluate_speak_chinese(tmp_path):
    """BPDRAW_LANG=zh_CN: teach's report and evaluate's model description and strokes lines
    in Chinese; the "accuracy:" token stays for scripts."""
    samples = _pen_digits_file(tmp_path / "samples.npz")
    taught = _bpdraw_in_chinese(tmp_path, "teach", str(samples), "-o", "taught.npz")
    lines = taught.splitlines()
    assert lines[0].startswith("用 12 个手写样本训练了模型")
    assert lines[1].startswith("你的手写样本（留出的 3 个") and "之前 " in lines[1]
    assert lines[2].startswith("测试集（450 个数字）准确率：之前 0.")
    assert lines[3] == "已保存到 taught.npz"
    assert not LATIN_WORD.search(" ".join(lines[:3]))

    evaluated = _bpdraw_in_chinese(tmp_path, "evaluate", "--strokes", str(samples))
    model_line = evaluated.splitlines()[0]
    assert model_line.startswith("模型：快速方案，64-") and "测试集准确率 0." in model_line
    assert "recipe" not in model_line and "trained on" not in model_line
    assert "accuracy: " in evaluated and "12 个手写数字" in evaluated


def test_teach_says_why_it_did_not_measure_in_chinese():
    """The report's note (too few drawings to hold some out) is translated too."""
    from bpdraw.cli_teach import teach_report_lines
    from bpdraw.personal.teach import TeachReport

    report = TeachReport(
        model=None,
        drawings=3,
        held_out=0,
        own_before=None,
        own_after=None,
        test_before=0.98,
        test_after=0.97,
        seconds=0.5,
        note="too few drawings to keep some aside for an honest figure",
    )
    chinese = teach_report_lines(report, i18n.command_line_translate("zh_CN"))
    assert chinese[1] == "你的手写样本：未评估（样本太少，留不出一部分来如实评估）"
    english = teach_report_lines(report)
    assert english[1] == (
        "your drawings: not measured (too few drawings to keep some aside for an honest figure)"
    )


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_control_is_reachable_at_800_by_600(
    qtbot, default_model, monkeypatch, chinese_font, language
):
    """The window shrinks to 800x600, and on every tab each control is on screen or brought
    there by scrolling its scroll area."""
    monkeypatch.setenv("BPDRAW_LANG", language)
    window = _window(qtbot, default_model)
    window.resize(800, 600)
    QApplication.processEvents()
    assert (window.width(), window.height()) == (800, 600)
    unreachable = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        tab = window.tabs.currentWidget()
        controls = [
            widget
            for widget in tab.findChildren(QWidget)
            if isinstance(widget, (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit))
            and widget.isVisibleTo(tab)
        ]
        assert controls, window.tabs.tabText(index)
        for control in controls:
            scroll = _scroll_area_of(control)
            if scroll is not None:  # inside the content, and the scroll bars reach all of it
                content, viewport = scroll.widget(), scroll.viewport()
                in_content = QRect(control.mapTo(content, QPoint(0, 0)), control.size())
                reachable = (
                    content.rect().contains(in_content)
                    and control.height() <= viewport.height()
                    and control.width() <= viewport.width()
                    and scroll.verticalScrollBar().maximum() >= content.height() - viewport.height()
                    and scroll.horizontalScrollBar().maximum() >= content.width() - viewport.width()
                )
                scroll_on_window = QRect(scroll.mapTo(window, QPoint(0, 0)), scroll.size())
                if not reachable or not window.rect().contains(scroll_on_window):
                    unreachable.append((window.tabs.tabText(index), control.objectName()))
                continue
            on_window = QRect(control.mapTo(window, QPoint(0, 0)), control.size())
            if control.width() < 8 or not window.rect().contains(on_window):
                name = control.objectName() or type(control).__name__
                unreachable.append((window.tabs.tabText(index), name, on_window))
    assert unreachable == []


@pytest.mark.parametrize(
    ("language", "code", "expected"),
    [
        # English: the parser is built without importing Qt at all (bpdraw --version stays fast)
        ("en", "c._parser(); print(any('PySide6' in m for m in sys.modules))", "False"),
        # Chinese wanted but no PySide6: English, no error
        ("zh_CN", "sys.modules['PySide6'] = None; print(c.translate('cli', 'commands'))",
         "commands"),
        ("zh_CN", "print(c.translate('cli', 'commands'))", "命令"),
    ],
)  # fmt: skip
def test_the_command_line_imports_qt_only_for_chinese(tmp_path, language, code, expected):
    import os
    import subprocess
    import sys

    environment = {**os.environ, "BPDRAW_LANG": language}
    result = subprocess.run(
        [sys.executable, "-c", "import sys\nimport bpdraw.cli as c\n" + code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert result.stdout.strip() == expected


def test_file_problems_and_divergence_are_chinese_on_the_command_line(tmp_path):
    """Model-file, strokes-file and diverged-training errors print in Chinese with BPDRAW_LANG."""
    import os
    import subprocess
    import sys

    import numpy as np

    def bpdraw(language, *arguments):
        environment = {
            **os.environ,
            "BPDRAW_LANG": language,
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
        }
        command = [sys.executable, "-m", "bpdraw", *arguments]
        result = subprocess.run(command, env=environment, capture_output=True, text=True)
        return result.returncode, result.stderr

    status, error = bpdraw("zh_CN", "evaluate", "/dev/zero")
    assert status == 2
    assert "不是普通文件（无法读取设备、管道或套接字）" in error
    assert "regular file" not in error

    bad = tmp_path / "bad.npz"
    np.savez(
        bad,
        points=np.zeros((4, 2)),
        stroke_ptr=np.array([0, 9]),
        sample_ptr=np.array([0, 1]),
        labels=np.array([3]),
    )
    status, error = bpdraw("en", "evaluate", "--strokes", str(bad))
    assert status == 2 and "stroke_ptr must rise from 0 to 4" in error
    status, error = bpdraw("zh_CN", "evaluate", "--strokes", str(bad))
    assert status == 2 and "stroke_ptr 必须从 0 递增到 4" in error

    status, error = bpdraw("en", "train", "--lr", "50", "--steps", "3000")
    assert status == 2 and "Training diverged" in error
    status, error = bpdraw("zh_CN", "train", "--lr", "50", "--steps", "3000")
    assert status == 2 and "训练发散了" in error and "学习率 50 太大了" in error
    assert "Training diverged" not in error


def test_a_confusion_picture_drawn_off_the_gui_thread_has_chinese_glyphs(qapp, chinese_font):
    """The Train tab's matrix is rendered on a plain thread: its labels carry the Chinese font
    themselves, whatever matplotlib's global font is at that moment."""
    import threading
    import warnings

    from matplotlib import rcParams

    from bpdraw.app.confusion_plot import render_confusion

    if chinese_font == "DejaVu Sans":
        pytest.skip("no Chinese font installed: nothing to draw the glyphs with")
    confusion = np.diag(np.full(10, 45))
    english = render_confusion(confusion, 300, 300)
    i18n.apply_language("zh_CN")
    rcParams["font.family"] = ["sans-serif"]  # as English left it: no Chinese glyphs in it
    rendered: list[np.ndarray] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        thread = threading.Thread(
            target=lambda: rendered.append(render_confusion(confusion, 300, 300, 1.0, chinese_font))
        )
        thread.start()
        thread.join()
    assert [str(w.message) for w in caught if "Glyph" in str(w.message)] == []
    assert rendered[0].shape == english.shape and not np.array_equal(rendered[0], english)


def test_the_train_tabs_confusion_picture_follows_the_language(qtbot, default_model, chinese_font):
    window = _window(qtbot, default_model)
    results = window.train_tab.results
    window.tabs.setCurrentWidget(window.train_tab)
    qtbot.waitUntil(lambda: not results.confusion_picture.pixmap().isNull(), timeout=60_000)
    english = results.confusion_picture.pixmap().toImage()
    assert results.confusion_size()[3] == chinese_font  # whatever the language

    window.language_menu.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: results.confusion_picture.pixmap().toImage() != english, timeout=10_000)
    window.language_menu.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: results.confusion_picture.pixmap().toImage() == english, timeout=10_000)

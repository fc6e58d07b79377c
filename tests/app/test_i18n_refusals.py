"""The command line's refusals in Chinese: saving, teaching and `inside`, with the operating
system's reasons translated too. English stays word for word what it was."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import numpy as np
import pytest

from bpdraw.app import i18n
from bpdraw.texts import os_reason, teaching_problem


def _bpdraw(tmp_path, language: str, *arguments: str) -> tuple[int, str]:
    environment = {
        **os.environ,
        "BPDRAW_LANG": language,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    command = [sys.executable, "-m", "bpdraw", *arguments]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, cwd=tmp_path)
    return result.returncode, result.stderr


def _one_drawing(path) -> str:
    np.savez(
        path,
        points=np.array([[0.0, 0.0], [1.0, 5.0]]),
        stroke_ptr=np.array([0, 2]),
        sample_ptr=np.array([0, 1]),
        labels=np.array([1]),
    )
    return str(path)


@pytest.mark.parametrize(
    ("arguments", "english", "chinese"),
    [
        (("train", "--steps", "10", "-o", "no-folder/x.npz"),
         "cannot save a model to 'no-folder/x.npz': the folder /",
         "无法把模型保存到 'no-folder/x.npz'：文件夹 /"),
        (("inside", "missing.png", "-o", "x.png"),
         "missing.png: no such file; give a PNG or JPEG of one digit",
         "missing.png：没有这个文件"),
        (("inside", "--weights", "a.npz", "--model", "m.npz", "-o", "x.png"),
         "give the model once", "模型只需给一次"),
        (("inside", "--weights", "-o", "no-folder/w.png"),
         "cannot write a picture to 'no-folder/w.png': the folder /",
         "无法把图片写入 'no-folder/w.png'：文件夹 /"),
        (("inside", "--strokes", "one.npz", "--index", "5", "-o", "x.png"),
         "one.npz holds 1 drawings: give --index from 0 to 0",
         "one.npz 中有 1 幅手写图：--index 请给 0 到 0 之间的数"),
        (("teach", "one.npz", "-o", "taught.npz"),
         "one.npz: 1 drawing(s) is too few to learn from",
         "one.npz：1 幅手写图太少，学不了"),
        (("evaluate", "--strokes", "no-such.npz"),
         "no-such.npz: cannot be read (No such file or directory)",
         "no-such.npz：无法读取（没有这个文件或文件夹）"),
    ],
)  # fmt: skip
def test_refusals_speak_the_language_chosen(tmp_path, arguments, english, chinese):
    _one_drawing(tmp_path / "one.npz")
    status, error = _bpdraw(tmp_path, "en", *arguments)
    assert status == 2 and english in error, error
    status, error = _bpdraw(tmp_path, "zh_CN", *arguments)
    assert status == 2 and chinese in error, error
    assert english not in error


def test_inside_says_an_image_is_not_a_picture_in_chinese(tmp_path):
    (tmp_path / "text.png").write_text("not a picture")
    status, error = _bpdraw(tmp_path, "zh_CN", "inside", "text.png", "-o", "x.png")
    unreadable = "它不是 bpdraw 能读取的图片（PNG、JPEG、GIF、BMP、TIFF 或 WebP）"
    assert status == 2 and f"text.png：无法读取这张图片：{unreadable}" in error


def test_operating_system_reasons_are_translated():
    chinese = i18n.command_line_translate("zh_CN")
    assert os_reason(os.strerror(errno.ENOENT), chinese) == "没有这个文件或文件夹"
    assert os_reason(os.strerror(errno.EACCES), chinese) == "没有权限"
    assert os_reason("the folder /tmp/x is not writable", chinese) == "文件夹 /tmp/x 没有写权限"
    # not known: given as it is, in either language
    assert os_reason("Something odd", chinese) == "Something odd"
    english = i18n.command_line_translate("en")
    assert os_reason(os.strerror(errno.ENOENT), english) == os.strerror(errno.ENOENT)


def test_every_teaching_problem_is_translated():
    """Each BadTeachingData message bpdraw.personal can raise has a Chinese form."""
    from bpdraw.model import load_default
    from bpdraw.personal import BadTeachingData, adapt

    chinese = i18n.command_line_translate("zh_CN")
    line = [np.array([[0.0, 0.0], [0.0, 10.0]])]
    dot = [np.array([[3.0, 3.0]])]
    cases = [
        ([line, line], [1]),  # counts differ
        ([line, line], [1, 12]),  # a label out of range
        ([line], [1]),  # too few
        ([line, line], [1, 1]),  # one digit only
        ([dot, dot], [1, 2]),  # nothing drawn in any
        ([line, dot], [1, 2]),  # nothing drawn in one
    ]
    model = load_default()
    for drawings, labels in cases:
        with pytest.raises(BadTeachingData) as caught:
            adapt(model, drawings, labels)
        translated = teaching_problem(str(caught.value), chinese)
        assert translated != str(caught.value), str(caught.value)
        assert not any("a" <= c.lower() <= "z" for c in translated), translated


def test_the_app_says_why_a_file_cannot_be_used_in_chinese(
    qtbot, default_model, monkeypatch, tmp_path, chinese_font
):
    """File → Open of a file that is not a model, of a missing file, and Import of a file
    that is not a strokes file: each dialog gives the reason in Chinese; nothing changes."""
    from PySide6.QtWidgets import QMessageBox

    from bpdraw.app.main_window import MainWindow

    monkeypatch.setenv("BPDRAW_LANG", "zh_CN")
    errors: list[str] = []

    def critical(parent, title, text, *args, **kwargs):
        errors.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    try:
        window = MainWindow(model=default_model)
        qtbot.addWidget(window)
        (tmp_path / "notes.npz").write_text("not an archive")
        assert not window.open_model_file(tmp_path / "notes.npz")
        assert not window.open_model_file(tmp_path / "missing.npz")
        assert window.my_digits_tab.import_from(tmp_path / "notes.npz") is None
    finally:
        i18n.apply_language(i18n.ENGLISH)
    assert window.model is default_model
    assert errors[0].endswith("notes.npz：不是 bpdraw 模型文件（不是 .npz 压缩包）"), errors[0]
    assert errors[1].endswith("missing.npz：无法读取（没有这个文件或文件夹）"), errors[1]
    assert errors[2].endswith("notes.npz：不是存放笔画的 .npz 文件"), errors[2]

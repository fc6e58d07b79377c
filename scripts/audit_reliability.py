"""Re-run the reliability audit of issue 9: hostile files and settings against the real commands.

Every reproducer is made here, small, in a scratch folder; each command runs in a child
process with at most 2 GB of address space and a time limit, in private XDG homes, and the
outcome is judged: a traceback, a hang (time limit) or a crash is a failure; a clear one-line
message or a correct reading passes.

    python scripts/audit_reliability.py            # prints one line per case and a summary
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format
from PIL import Image

MEMORY_LIMIT = 2 * 2**30
TIME_LIMIT = 60
APP_SNIPPET = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from bpdraw.app.main_window import MainWindow\n"
    "app = QApplication(sys.argv[:1])\n"
    "window = MainWindow(); window.show(); app.processEvents()\n"
    "print('STARTED', window.statusBar().currentMessage())\n"
)


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(arguments: list[str], environment: dict, timeout: float = TIME_LIMIT):
    try:
        result = subprocess.run(
            arguments,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=environment,
            preexec_fn=limited,
        )
    except subprocess.TimeoutExpired:
        return None
    return result


def npy(header: dict, payload: bytes = b"") -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    npy_format.write_array_header_1_0(buffer, header)
    return buffer.getvalue() + payload


def write_members(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def metadata(text: str) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    np.save(buffer, np.array(text))
    return buffer.getvalue()


def model_cases(folder: Path) -> dict[str, Path]:
    sizes = json.dumps({"format_version": 1, "layer_sizes": [64, 5, 10], "output": "softmax"})
    huge = {"descr": "<f8", "fortran_order": False, "shape": (2**28,)}
    cases = {
        "model: 2 GiB declared array": write_members(
            folder / "huge.npz",
            {"metadata.npy": metadata(sizes), "weights_0.npy": npy(huge, bytes(4096))},
        ),
        "model: 5,000-digit number": write_members(
            folder / "number.npz",
            {"metadata.npy": metadata('{"format_version": 1, "x": ' + "9" * 5000 + "}")},
        ),
        "model: nested 100,000 deep": write_members(
            folder / "nested.npz",
            {"metadata.npy": metadata("[" * 100_000 + "]" * 100_000)},
        ),
        "model: not an archive": folder / "text.npz",
    }
    cases["model: not an archive"].write_text("hello")
    big = [64] + [10_000] * 7 + [10]
    members = {
        "metadata.npy": metadata(
            json.dumps({"format_version": 1, "layer_sizes": big, "output": "softmax"})
        )
    }
    for layer in range(8):
        shape = (big[layer], big[layer + 1])
        payload = bytes(8 * shape[0] * shape[1]) if layer == 0 else b""
        members[f"weights_{layer}.npy"] = npy(
            {"descr": "<f8", "fortran_order": False, "shape": shape}, payload
        )
    cases["model: 8 layers of 10000x10000"] = write_members(folder / "wide.npz", members)
    fifo = folder / "fifo.npz"
    os.mkfifo(fifo)
    cases["model: a FIFO"] = fifo
    cases["model: /dev/zero"] = Path("/dev/zero")
    return cases


def strokes_cases(folder: Path) -> dict[str, Path]:
    n = 1_000_000
    million = folder / "million.npz"
    np.savez_compressed(
        million,
        points=np.zeros((0, 2)),
        stroke_ptr=np.zeros(1, np.int64),
        sample_ptr=np.zeros(n + 1, np.int64),
        labels=np.zeros(n, np.int64),
    )
    square = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], float)
    line = np.array([[5, 0], [5, 20]], float)

    def strokes_file(name: str, points, stroke_ptr, sample_ptr=(0, 1, 2), labels=(0, 1)):
        path = folder / name
        np.savez(
            path,
            points=np.asarray(points),
            stroke_ptr=np.asarray(stroke_ptr),
            sample_ptr=np.asarray(sample_ptr),
            labels=np.asarray(labels),
        )
        return path

    with_inf = square.copy()
    with_inf[2] = [np.inf, 10]
    with_nan = square.copy()
    with_nan[2] = [np.nan, 10]
    return {
        "strokes: a million empty drawings": million,
        "strokes: decreasing unsigned pointer": strokes_file(
            "unsigned.npz", np.concatenate([square, line]), np.array([0, 8, 7], np.uint64)
        ),
        "strokes: an inf coordinate": strokes_file(
            "inf.npz", np.concatenate([with_inf, line]), [0, 5, 7]
        ),
        "strokes: a NaN coordinate": strokes_file(
            "nan.npz", np.concatenate([with_nan, line]), [0, 5, 7]
        ),
        "strokes: /dev/zero": Path("/dev/zero"),
    }


def image_cases(folder: Path) -> dict[str, Path]:
    bomb = folder / "bomb.png"
    Image.new("1", (20_000, 20_000), 1).save(bomb)
    jpeg = folder / "big.jpg"
    Image.new("L", (15_000, 15_000), 255).save(jpeg, quality=10)
    seven = Image.new("L", (200, 300), 255)
    pixels = np.asarray(seven).copy()
    pixels[40:55, 30:170] = 0
    for row in range(55, 270):  # the stem, leaning left as it falls
        column = int(160 - (row - 55) * 0.45)
        pixels[row, column - 7 : column + 7] = 0
    upright = folder / "seven.png"
    Image.fromarray(pixels).save(upright)
    sideways = folder / "seven_rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show": the pixels are stored turned
    Image.fromarray(pixels).rotate(90, expand=True).save(sideways, exif=exif, quality=95)
    return {"bomb": bomb, "jpeg": jpeg, "upright": upright, "sideways": sideways}


def memory_of_a_long_run(arguments: list[str], environment: dict, seconds: float = 6) -> float:
    """Resident megabytes of a command after it has run ``seconds``; then it is stopped."""
    import time

    child = subprocess.Popen(
        arguments, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(seconds)
    with open(f"/proc/{child.pid}/status") as status:
        resident_kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    child.kill()
    child.wait()
    return resident_kb / 1024


BROKEN_SETTINGS = {
    "seed too large": "[training]\nseed=2147483648\n",
    "garbage geometry": "[window]\ngeometry=garbage\n",
    "huge hidden units": "[training]\nhidden_units=99999999999\n",
    "infinite rate": "[training]\nlearning_rate=inf\n",
    "unknown recipe": "[training]\nrecipe=quantum\n",
    "negative length": "[training]\nlength=-5\n",
    "binary junk": "\x00\x01\x02[[[=\n",
    "unknown language": "[ui]\nlanguage=klingon\n",
}


def main() -> int:
    failures: list[str] = []
    total = 0
    scratch = Path(tempfile.mkdtemp(prefix="bpdraw-audit-"))
    environment = {
        **os.environ,
        "XDG_CONFIG_HOME": str(scratch / "config"),
        "XDG_DATA_HOME": str(scratch / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "BPDRAW_LANG": "en",
    }
    bpdraw = [sys.executable, "-m", "bpdraw"]

    def judge(name: str, result, expect_in_output: str | None = None, exit_codes=(0, 2)) -> None:
        nonlocal total
        total += 1
        if result is None:
            verdict = f"HANG (over {TIME_LIMIT} s)"
        else:
            output = result.stdout + result.stderr
            if "Traceback" in output:
                verdict = "TRACEBACK: " + output.strip().splitlines()[-1]
            elif result.returncode not in exit_codes:
                verdict = f"exit {result.returncode}: {output.strip()[-200:]}"
            elif expect_in_output and expect_in_output not in output:
                verdict = f"wrong: {output.strip()[-200:]!r}"
            else:
                lines = output.strip().splitlines() or [""]
                shown = [line for line in lines if expect_in_output and expect_in_output in line]
                verdict = "ok: " + (shown or lines)[-1][:110]
        if not verdict.startswith("ok"):
            failures.append(name)
        print(f"{name:<44} {verdict}", flush=True)

    for name, path in model_cases(scratch).items():
        judge(name, run([*bpdraw, "evaluate", str(path)], environment), str(path))
    for name, path in strokes_cases(scratch).items():
        expected = "accuracy:" if "coordinate" in name else str(path)
        judge(name, run([*bpdraw, "evaluate", "--strokes", str(path)], environment), expected)
    images = image_cases(scratch)
    result = run(
        [*bpdraw, "predict", str(images["bomb"]), str(images["jpeg"]), str(images["upright"])],
        environment,
    )
    judge("images: bomb, 15000² JPEG, then a 7", result, f"{images['upright']}: 7")
    judge(
        "images: EXIF-rotated 7",
        run([*bpdraw, "predict", str(images["sideways"])], environment),
        f"{images['sideways']}: 7",
    )
    for name, output in {
        'train -o ""': "",
        "train -o /missing/dir/m.npz": "/missing/dir/m.npz",
        "train -o /dev/null": "/dev/null",
        "train -o a folder": str(scratch),
    }.items():
        judge(
            name,
            run([*bpdraw, "train", "--steps", "300", "-o", output], environment),
            exit_codes=(2,),
        )
    total += 1
    resident = memory_of_a_long_run([*bpdraw, "train", "--steps", "100000000"], environment)
    verdict = "ok" if resident < 500 else "too much memory"
    if verdict != "ok":
        failures.append("train --steps 100000000")
    print(f"{'train --steps 100000000 (after 6 s)':<44} {verdict}: {resident:.0f} MB resident")
    for name, text in BROKEN_SETTINGS.items():
        settings = scratch / "config" / "bpdraw" / "bpdraw.conf"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(text)
        judge(
            f"app starts with settings: {name}",
            run([sys.executable, "-c", APP_SNIPPET], environment),
            "STARTED",
        )
    print(f"\n{total - len(failures)} of {total} cases passed")
    if failures:
        print("failed: " + ", ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())

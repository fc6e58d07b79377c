"""Measure reading honestly: accuracy by writer group, calibration, "not sure", "not a digit".

Writers are split once, by group, and never mixed:

  train        pendigits 01-07, UJI 01-20   (the candidates learn from these)
  calibrate    pendigits 08-10, UJI 21-30   (temperature and thresholds are fitted here)
  held-out     pendigits 11-14, UJI 31-60, bridger's digits   (only reported)
  symbols      bridger's + - / ? ^ e x       (only reported: the test of "not a digit")

Every drawing is replayed as canvas mouse drags (scripts/eval_devset.py's mouse_drags) and
read through the canvas's conversion. The models compared, all the fast 64-200-10 recipe
with 4 pen copies (bpdraw.training.train(..., extra_data=bpdraw.styles.styled_extra_data)):

  shipped         assets/default_model.npz as it is (it trained on ALL 14 pendigits writers,
                  so its pendigits figures are not held-out figures, nor its temperature)
  pen             load_digits + pendigits train writers (the shipped recipe, honest split)
  pen+styles      ... + bpdraw.styles' edited and templated drawings
  pen+uji         ... + UJI train writers' drawings (real flagged 1s, crossed 7s, open 4s)
  pen+styles+uji  both

Each is calibrated with bpdraw.confidence.calibrate on the calibration writers (the
"not a digit" score learns the training digits against bpdraw.styles' non-digits) and
read with bpdraw.confidence's one rule. Trained models are cached in --cache.

    python scripts/eval_reading.py [--models pen pen+uji] [--seed 0] [--reliability]
    python scripts/eval_reading.py --models pen+uji --save /tmp/candidate_model.npz
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from eval_devset import mouse_drags

from bpdraw import styles
from bpdraw.augment import UJI_DIGITS_FILE, load_pen_packed, render, select
from bpdraw.confidence import calibrate, logits_of, read_all, softmax_at
from bpdraw.data import load_split
from bpdraw.model import load_default
from bpdraw.preprocess import PackedStrokes
from bpdraw.styles import non_digit_drawings, rendered, unpack

DEV = Path(__file__).resolve().parents[2] / "shared" / "devsets"
PEN_TRAIN = [f"{w:02d}" for w in range(1, 8)]
PEN_CALIBRATE = ["08", "09", "10"]
PEN_HELD_OUT = ["11", "12", "13", "14"]
UJI_TRAIN = [f"{w:02d}" for w in range(1, 21)]
UJI_CALIBRATE = [f"{w:02d}" for w in range(21, 31)]
UJI_HELD_OUT = [f"{w:02d}" for w in range(31, 61)]
HIDDEN_UNITS = 200
PEN_COPIES = 4
TEMPLATES_PER_STYLE = 40  # per copy: 16 styles -> 640 drawings
EDITED_SHARE = 0.5  # of the training 0s, 1s and 7s, restyled anew in every copy
NON_DIGITS_PER_KIND = 60  # synthesised non-digits the "not a digit" score learns from


def load_strokes(name: str):
    if name == "uji_digits":  # shipped with bpdraw (assets/UJI_LICENSE.md)
        return load_pen_packed(shipped=UJI_DIGITS_FILE)
    path = DEV / f"{name}_strokes.npz"
    if name == "bridger_symbols":
        with np.load(path, allow_pickle=False) as z:
            packed = PackedStrokes(z["points"].astype(float), z["stroke_ptr"], z["sample_ptr"])
            return packed, z["symbol"].astype(str), np.full(packed.n_drawings, "bridger")
    return load_pen_packed(str(path))


def subset(packed, labels, writers, wanted):
    chosen = np.flatnonzero(np.isin(writers, wanted))
    return select(packed, chosen), labels[chosen]


def extra_data_for(kind: str, pen, uji, templates_per_style, edited_share):
    """The extra_data callable for bpdraw.training.train: (rng, copy) -> (X 0-16, y)."""
    drawings, labels = unpack(pen[0]), pen[1]
    if "uji" in kind:
        drawings, labels = drawings + unpack(uji[0]), np.concatenate([labels, uji[1]])
    return styles.styled_extra_data(
        drawings,
        labels,
        styles="styles" in kind,
        edited_share=edited_share,
        templates_per_style=templates_per_style,
    )


def train_candidate(kind: str, pen, uji, seed: int, templates_per_style, edited_share):
    from bpdraw.training import FastConfig, Finished, train

    config = FastConfig(
        hidden_units=HIDDEN_UNITS, training_data="digits+pen", pen_copies=PEN_COPIES, seed=seed
    )
    for event in train(
        config, extra_data=extra_data_for(kind, pen, uji, templates_per_style, edited_share)
    ):
        if isinstance(event, Finished):
            return event.model, event.elapsed
    raise RuntimeError("training ended without a model")


def reliability(confidence, correct, bins=10):
    """[(low, high, n, mean confidence, accuracy)] and the expected calibration error."""
    edges = np.linspace(0, 1, bins + 1)
    rows, ece = [], 0.0
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            gap = abs(confidence[inside].mean() - correct[inside].mean())
            ece += inside.mean() * gap
            rows.append(
                (low, high, int(inside.sum()), confidence[inside].mean(), correct[inside].mean())
            )
    return rows, ece


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", default=["pen", "pen+styles", "pen+styles+uji"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--templates-per-style", type=int, default=TEMPLATES_PER_STYLE)
    parser.add_argument("--edited-share", type=float, default=EDITED_SHARE)
    parser.add_argument("--save", type=Path, help="save the last candidate, calibrated, here")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/eval_reading_models"))
    parser.add_argument("--reliability", action="store_true", help="print the reliability bins")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(12345)

    pendigits, uji = load_strokes("pendigits"), load_strokes("uji_digits")
    pen_train = subset(*pendigits, PEN_TRAIN)
    uji_train = subset(*uji, UJI_TRAIN)
    groups = {}
    for name, data, wanted in [
        ("pen calibrate", pendigits, PEN_CALIBRATE),
        ("uji calibrate", uji, UJI_CALIBRATE),
        ("pen held-out", pendigits, PEN_HELD_OUT),
        ("uji held-out", uji, UJI_HELD_OUT),
    ]:
        packed, labels = subset(*data, wanted)
        groups[name] = (render(mouse_drags(packed, rng))[0], labels)
    bridger, bridger_labels, _ = load_strokes("bridger_digits")
    groups["bridger"] = (render(mouse_drags(bridger, rng))[0], bridger_labels)
    symbols, symbol_names, _ = load_strokes("bridger_symbols")
    X_symbols = render(mouse_drags(symbols, rng))[0]
    fakes, fake_kinds = non_digit_drawings(np.random.default_rng(99), 40)
    X_fakes, fakes_drawn = rendered(fakes, np.random.default_rng(98), 1)
    X_fakes, fake_kinds = X_fakes[fakes_drawn], np.array(fake_kinds)[fakes_drawn]
    calibration = ["pen calibrate", "uji calibrate"]
    held_out = ["pen held-out", "uji held-out", "bridger"]
    split = load_split(0)
    # digits and non-digits the "not a digit" score learns from (never the symbols)
    X_pen_train = rendered(unpack(pen_train[0]), np.random.default_rng(96), 1)
    X_uji_train = rendered(unpack(uji_train[0]), np.random.default_rng(95), 1)
    X_digits_train = np.concatenate(
        [
            split.images_train.reshape(-1, 64),
            X_pen_train[0][X_pen_train[1]],
            X_uji_train[0][X_uji_train[1]],
        ]
    )
    n_base = len(split.images_train) + int(X_pen_train[1].sum())

    def kind_uses(kind):
        return slice(None) if "uji" in kind else slice(0, n_base)

    non_digits = non_digit_drawings(np.random.default_rng(97), NON_DIGITS_PER_KIND)[0]
    X_non_digits_train, drawn = rendered(non_digits, np.random.default_rng(94), 2)
    X_non_digits_train = X_non_digits_train[drawn]

    args.cache.mkdir(parents=True, exist_ok=True)
    header = f"{'model':16s} " + " ".join(f"{g:>13s}" for g in groups) + "  test450  T    s"
    print(header)
    for kind in args.models:
        seconds = float("nan")
        if kind == "shipped":
            model = load_default()
        else:
            styled = (
                f"-t{args.templates_per_style}-e{args.edited_share}" if "styles" in kind else ""
            )
            cached = args.cache / f"{kind}{styled}-seed{args.seed}.npz"
            if cached.exists():
                from bpdraw.model import load

                model = load(cached)
            else:
                model, seconds = train_candidate(
                    kind,
                    pen_train,
                    uji_train,
                    args.seed,
                    args.templates_per_style,
                    args.edited_share,
                )
                model.save(cached)
        X_cal = np.concatenate([groups[g][0] for g in calibration])
        y_cal = np.concatenate([groups[g][1] for g in calibration])
        model = calibrate(model, X_cal, y_cal, X_digits_train[kind_uses(kind)], X_non_digits_train)
        temperature = model.metadata["temperature"]
        accuracies = [float((model.predict(X) == y).mean()) for X, y in groups.values()]
        test = float((model.predict(split.images_test) == split.y_test).mean())
        print(
            f"{kind:16s} "
            + " ".join(f"{a:13.3f}" for a in accuracies)
            + f"  {test:.3f}  {temperature:4.2f} {seconds:4.0f}"
        )
        X_uji, y_uji = groups["uji held-out"]
        by_digit = model.predict(X_uji)
        print(
            "   uji held-out by digit: "
            + " ".join(f"{d}:{(by_digit[y_uji == d] == d).mean():.2f}" for d in range(10))
        )
        report_honesty(model, groups, held_out, X_symbols, symbol_names, X_fakes, fake_kinds, args)
        sys.stdout.flush()
    if args.save:
        model.metadata["calibrated_on"] = (
            "writers never trained on: pendigits 08-10, UJI 21-30, drawn as mouse drags"
        )
        model.save(args.save)
        print(f"saved {args.save} ({kind}, temperature {model.metadata['temperature']:.3f})")
    return 0


def flags(model, X, y):
    """(correct, not sure, not a digit, confidence) of every reading, as arrays."""
    readings = read_all(model, X)
    return (
        np.array([r.digit for r in readings]) == y,
        np.array([r.not_sure for r in readings]),
        np.array([r.not_a_digit for r in readings]),
        np.array([r.confidence for r in readings]),
    )


def report_honesty(model, groups, held_out, X_symbols, symbol_names, X_fakes, fake_kinds, args):
    X_cal = np.concatenate([groups[g][0] for g in ("pen calibrate", "uji calibrate")])
    y_cal = np.concatenate([groups[g][1] for g in ("pen calibrate", "uji calibrate")])
    readings = read_all(model, X_cal)
    correct = np.array([r.digit for r in readings]) == y_cal
    # the one rule compares the top probability's lead over the runner-up's
    lead = np.array([r.confidence - r.runner_up_confidence for r in readings])
    sweep = ", ".join(
        f"<{t:.2f}: {(lead < t)[~correct].mean():.0%}/{(lead < t)[correct].mean():.1%}"
        for t in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8)
    )
    print(f"   calibration writers, not sure at a lead < t, wrong/right flagged: {sweep}")
    for group in held_out:
        correct, not_sure, not_digit, _ = flags(model, *groups[group])
        print(
            f"   {group:13s} not sure on {not_sure[~correct].mean():.0%} of"
            f" {(~correct).sum()} wrong, {not_sure[correct].mean():.1%} of {correct.sum()} right;"
            f" not a digit {not_digit[correct].mean():.1%} of right,"
            f" {not_digit[~correct].mean():.0%} of wrong"
        )
    X = np.concatenate([groups[g][0] for g in held_out])
    y = np.concatenate([groups[g][1] for g in held_out])
    correct, not_sure, not_digit, confidence = flags(model, X, y)
    raw = softmax_at(logits_of(model, X), 1.0).max(axis=1)
    _, ece_raw = reliability(raw, correct)
    rows, ece = reliability(confidence, correct)
    print(
        f"   held-out all: ECE {ece_raw:.3f} (T = 1) -> {ece:.3f}; not sure on"
        f" {not_sure[~correct].mean():.0%} of {(~correct).sum()} wrong,"
        f" {not_sure[correct].mean():.1%} of {correct.sum()} right;"
        f" median confidence when wrong {np.median(confidence[~correct]):.2f}"
        f" (T = 1: {np.median(raw[~correct]):.2f})"
    )
    if args.reliability:
        for low, high, n, mean_conf, acc in rows:
            print(
                f"     {low:.1f}-{high:.1f}: n {n:4d}  confidence {mean_conf:.3f}  right {acc:.3f}"
            )
    for label, X_other, names in [
        ("symbols", X_symbols, symbol_names),
        ("synthesised", X_fakes, fake_kinds),
    ]:
        _, ns, nd, conf = flags(model, X_other, np.full(len(X_other), -1))
        parts = [
            f"{s} {ns[names == s].mean():.0%}/{nd[names == s].mean():.0%}" for s in np.unique(names)
        ]
        print(
            f"   {label} not sure/not a digit: all {ns.mean():.0%}/{nd.mean():.0%}"
            f" (shown as 100 %: {(np.round(100 * conf) >= 100).sum()}); " + ", ".join(parts)
        )


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - started:.0f} s)")
    raise SystemExit(code)

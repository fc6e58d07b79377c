import numpy as np
import pytest

from bpdraw import confidence, styles
from bpdraw.augment import augmented_pen_set, load_pen_packed
from bpdraw.confidence import (
    NOT_SURE_MARGIN,
    PICTURE_NOT_SURE_MARGIN,
    PICTURE_SHARPNESS,
    CalibrationError,
    calibrate,
    calibrated,
    fit_temperature,
    read,
    read_all,
    read_all_views,
    read_views,
)
from bpdraw.data import load_split
from bpdraw.model import Model, load, load_default
from bpdraw.preprocess import strokes_to_digits


def line(start, end, n=15):
    return np.linspace(np.asarray(start, float), np.asarray(end, float), n)


# Things that are not digits, drawn as a person would on a 400 px canvas (y down).
HORIZONTAL_LINE = [line((60, 200), (340, 204))]
PLUS = [line((80, 200), (320, 200)), line((200, 80), (200, 320))]
LETTER_A = [line((80, 340), (200, 60)), line((200, 60), (320, 340)), line((130, 230), (270, 230))]
QUESTION_MARK = [
    np.array(
        [
            (130, 110),
            (150, 70),
            (200, 55),
            (250, 70),
            (265, 115),
            (240, 160),
            (205, 190),
            (200, 250),
        ],
        float,
    ),
    line((198, 300), (202, 306), 3),
]
FLAGGED_ONE = [line((140, 130), (220, 60)), line((220, 60), (220, 340))]


@pytest.fixture(scope="module")
def calibrated_default():
    """The shipped model calibrated here with confidence.calibrate, as scripts/eval_reading.py
    calibrates a candidate: on distorted pen digits of two writers, the "not a digit" score
    on training digits against synthesised non-digits (bpdraw.styles)."""
    rng = np.random.default_rng(0)
    X_pen, y_pen = augmented_pen_set(rng, 1, ["12", "13"], include_clean=False)
    X_train, _ = augmented_pen_set(rng, 1, ["01", "02", "03", "04"], include_clean=False)
    non_digits, _ = styles.non_digit_drawings(rng, 40)
    X_non, drawn = styles.rendered(non_digits, rng, 1)
    digits = np.concatenate([load_split(0).images_train.reshape(-1, 64), X_train])
    return calibrate(load_default(), X_pen, y_pen, digits, X_non[drawn])


@pytest.fixture(scope="module")
def candidate():
    """A model trained like the candidate (fast recipe 64-200-10, load_digits + pen digits +
    bpdraw.styles, writers 01-10), calibrated on the pen writers it never saw (11-14)."""
    from bpdraw.training import FastConfig, Finished, train

    packed, labels, writers = load_pen_packed()
    drawings = styles.unpack(packed)
    trained = np.isin(writers, [f"{w:02d}" for w in range(1, 11)])
    extra = styles.styled_extra_data(
        [d for d, keep in zip(drawings, trained, strict=True) if keep], labels[trained]
    )
    config = FastConfig(hidden_units=200, training_data="digits+pen", pen_copies=2)
    model = next(e.model for e in train(config, extra_data=extra) if isinstance(e, Finished))
    rng = np.random.default_rng(1)
    held_out = [d for d, keep in zip(drawings, trained, strict=True) if not keep]
    X_held, drawn = styles.rendered(held_out, rng, 1)
    X_train, drawn_train = styles.rendered(
        [d for d, keep in zip(drawings, trained, strict=True) if keep], rng, 1
    )
    non_digits, _ = styles.non_digit_drawings(rng, 40)
    X_non, drawn_non = styles.rendered(non_digits, rng, 1)
    digits = np.concatenate([load_split(0).images_train.reshape(-1, 64), X_train[drawn_train]])
    return calibrate(model, X_held[drawn], labels[~trained][drawn], digits, X_non[drawn_non])


def test_fit_temperature_recovers_the_temperature_that_made_the_labels():
    rng = np.random.default_rng(0)
    logits = rng.normal(0, 4, (4000, 10))
    truth = confidence.softmax_at(logits, 2.5)
    labels = np.array([rng.choice(10, p=p) for p in truth])
    assert fit_temperature(logits, labels) == pytest.approx(2.5, rel=0.1)


def test_fit_temperature_refuses_empty_data():
    with pytest.raises(CalibrationError, match="n > 0"):
        fit_temperature(np.zeros((0, 10)), np.zeros(0, dtype=int))


def test_a_model_without_calibration_reads_its_own_probabilities():
    model = Model(load_default().network, {})  # the shipped network, its calibration left out
    digit = load_split(0).images_test[0]
    reading = read(model, digit)
    probabilities = model.predict_proba(digit)[0]
    assert reading.digit == probabilities.argmax()
    assert reading.confidence == pytest.approx(probabilities.max())
    assert not reading.not_a_digit


def test_a_higher_temperature_lowers_the_confidence_but_not_the_digit():
    model = load_default()
    digits = load_split(0).images_test[:20]
    plain, cooled = read_all(model, digits), read_all(calibrated(model, 3.0), digits)
    assert [r.digit for r in plain] == [r.digit for r in cooled]
    assert all(c.confidence < p.confidence for p, c in zip(plain, cooled, strict=True))


def test_not_sure_is_a_small_lead_over_the_runner_up():
    model = calibrated(load_default(), 4.0)
    readings = read_all(model, load_split(0).images_test[:100])
    assert any(r.not_sure for r in readings) and any(not r.not_sure for r in readings)
    for r in readings:
        lead = r.confidence - r.runner_up_confidence
        assert r.not_sure == (lead < NOT_SURE_MARGIN or r.not_a_digit)
        assert r.runner_up != r.digit and r.runner_up_confidence <= r.confidence


def test_calibration_survives_saving_and_loading(tmp_path, calibrated_default):
    calibrated_default.save(tmp_path / "model.npz")
    again = load(tmp_path / "model.npz")
    X = load_split(0).images_test[:30]
    assert read_all(again, X) == read_all(calibrated_default, X)


def test_temperature_out_of_range_is_refused():
    with pytest.raises(CalibrationError, match="temperature"):
        calibrated(load_default(), 0.0)


def test_not_a_digit_record_of_the_wrong_size_is_refused():
    model = calibrated(load_default(), 1.0)
    model.metadata["not_a_digit"] = {"weights": [1.0, 2.0], "bias": 0.0, "threshold": 0.0}
    with pytest.raises(CalibrationError, match="hidden layer"):
        read(model, load_split(0).images_test[0])


def shown_percent(reading) -> int:
    return round(100 * reading.confidence)


@pytest.mark.slow
@pytest.mark.parametrize("strokes", [HORIZONTAL_LINE, LETTER_A], ids=["line", "A"])
def test_a_line_or_a_letter_is_not_sure_and_never_100_percent(strokes, candidate):
    reading = read(candidate, strokes_to_digits(strokes))
    assert reading.not_sure or reading.not_a_digit
    assert shown_percent(reading) < 100


@pytest.mark.slow
@pytest.mark.parametrize("strokes", [PLUS, QUESTION_MARK], ids=["plus", "?"])
def test_a_plus_or_a_question_mark_never_reads_100_percent(strokes, candidate):
    assert shown_percent(read(candidate, strokes_to_digits(strokes))) < 100


@pytest.mark.slow
def test_the_candidate_reads_a_flagged_one(candidate):
    reading = read(candidate, strokes_to_digits(FLAGGED_ONE))
    assert reading.digit == 1 and not reading.not_a_digit


def test_most_held_out_digits_are_neither_not_sure_nor_not_a_digit(calibrated_default):
    readings = read_all(calibrated_default, load_split(0).images_test)
    assert np.mean([r.not_a_digit for r in readings]) < 0.05
    assert np.mean([r.not_sure for r in readings]) < 0.10


def test_calibrating_on_distorted_drawings_softens_the_shipped_model(calibrated_default):
    """The shipped model is overconfident on drawings unlike its training copies: T > 1."""
    assert calibrated_default.metadata["temperature"] > 1.0


def test_several_views_of_one_drawing_average_their_probabilities():
    model = load_default()
    digits = load_split(0).images_test[:2]
    one, other = read_all(model, digits)
    same = read_views(model, np.stack([digits[0], digits[0]]))
    assert same == one
    both = read_views(model, digits)
    expected = (np.array(one.probabilities) + np.array(other.probabilities)) / 2
    np.testing.assert_allclose(both.probabilities, expected)
    assert both.digit == int(expected.argmax())


def test_sharpened_views_keep_their_digit_and_total_and_lead_by_more():
    model = calibrated(load_default(), 6.0)  # modest readings, far from 0 and 1
    digits = load_split(0).images_test[:50]
    views = np.stack([digits, np.roll(digits, 1, axis=2)])
    plain = read_all_views(model, views)
    sharp = read_all_views(model, views, sharpness=PICTURE_SHARPNESS)
    assert PICTURE_SHARPNESS > 1
    for a, b in zip(plain, sharp, strict=True):
        assert b.digit == a.digit and b.runner_up == a.runner_up
        assert sum(b.probabilities) == pytest.approx(sum(a.probabilities))
        assert b.confidence - b.runner_up_confidence > a.confidence - a.runner_up_confidence
    expected = np.array(plain[0].probabilities) ** PICTURE_SHARPNESS
    expected *= sum(plain[0].probabilities) / expected.sum()
    np.testing.assert_allclose(sharp[0].probabilities, expected)
    assert read_all_views(model, views, sharpness=1.0) == plain


def test_a_small_picture_is_read_with_the_pictures_sharpness_and_margin():
    from bpdraw.images import picture_ink
    from bpdraw.picture_reading import read_picture

    picture = np.full((28, 28), 255, dtype=np.uint8)
    picture[4:24, 12:16] = 0  # a 1, MNIST-sized
    picture[4:7, 8:13] = 0  # with a flag
    views = picture_ink(picture).small_views()
    expected = read_views(
        load_default(), views, margin=PICTURE_NOT_SURE_MARGIN, sharpness=PICTURE_SHARPNESS
    )
    assert read_picture(load_default(), picture).readings == (expected,)
    assert read_views(load_default(), views) != expected


def test_the_margin_of_the_one_rule_is_the_one_asked_for():
    model = calibrated(load_default(), 6.0)  # a high temperature spreads the leads out
    digits = load_split(0).images_test[:100]
    views = np.stack([digits, np.roll(digits, 1, axis=2)])  # the digit, and moved a cell
    canvas = read_all_views(model, views)
    picture = read_all_views(model, views, margin=PICTURE_NOT_SURE_MARGIN)
    between = 0
    for c, p in zip(canvas, picture, strict=True):
        lead = c.confidence - c.runner_up_confidence
        assert (c.digit, c.probabilities) == (p.digit, p.probabilities)
        assert c.not_sure == (lead < NOT_SURE_MARGIN or c.not_a_digit)
        assert p.not_sure == (lead < PICTURE_NOT_SURE_MARGIN or p.not_a_digit)
        between += PICTURE_NOT_SURE_MARGIN <= lead < NOT_SURE_MARGIN and not c.not_a_digit
    assert between > 0  # some readings are sure as pictures and not sure on the canvas

import numpy as np
import pytest

from bpdraw import styles
from bpdraw.augment import render
from bpdraw.model import load_default


def top_of(drawing):
    everything = np.concatenate(drawing)
    return everything[everything[:, 1].argmin()]


def stem_one():
    """A plain 1: one vertical stroke, drawn top to bottom (y down)."""
    return [np.stack([np.full(20, 50.0), np.linspace(0, 200, 20)], axis=1)]


def test_same_seed_same_drawing_other_seed_other_drawing():
    first = styles.template_drawing("crossed 7", np.random.default_rng(3))
    again = styles.template_drawing("crossed 7", np.random.default_rng(3))
    other = styles.template_drawing("crossed 7", np.random.default_rng(4))
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert first[0].shape != other[0].shape or not np.allclose(first[0], other[0])


def test_every_template_renders_as_a_drawing():
    drawings, labels = styles.templated_drawings(np.random.default_rng(0), 2)
    X, drawn = render(styles.pack(drawings))
    assert drawn.all()
    assert X.shape == (2 * len(styles.TEMPLATES), 64)
    assert set(labels) <= set(range(10))


def test_unknown_style_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="crossed 7"):
        styles.template_drawing("crossed 8", np.random.default_rng(0))


def test_flag_reaches_the_top_of_the_stem_from_the_lower_left():
    flagged = styles.add_flag(stem_one(), np.random.default_rng(1))
    everything = np.concatenate(flagged)
    assert everything[:, 0].min() < 50 - 20  # the flag sticks out to the left
    assert np.allclose(top_of(flagged), [50, 0])  # and ends at the top of the stem
    leftmost = everything[everything[:, 0].argmin()]
    assert leftmost[1] > 0  # lower than the top


@pytest.mark.parametrize(("lengths", "angles"), [((0.15, 0.45), (20, 60)), ((0.12, 0.3), (35, 70))])
def test_a_flag_is_as_long_and_as_steep_as_asked(lengths, angles):
    rng = np.random.default_rng(7)
    for _ in range(30):
        flagged = styles.add_flag(stem_one(), rng, lengths=lengths, angles=angles)
        everything = np.concatenate(flagged)
        start = everything[everything[:, 0].argmin()]
        offset = start - [50, 0]  # from the top of the stem, which is 200 high
        length = np.hypot(*offset) / 200
        angle = np.degrees(np.arctan2(offset[1], -offset[0]))
        assert lengths[0] - 1e-9 <= length <= lengths[1] + 1e-9
        assert angles[0] - 1e-6 <= angle <= angles[1] + 1e-6


def test_foot_is_a_horizontal_stroke_through_the_bottom():
    footed = styles.add_foot(stem_one(), np.random.default_rng(2))
    foot = footed[-1]
    assert len(footed) == 2
    assert foot[:, 0].min() < 50 < foot[:, 0].max()
    assert np.all(np.abs(foot[:, 1] - 200) < 30)


def test_crossbar_crosses_the_stem_about_halfway_down():
    seven = styles.template_drawing("hooked 7", np.random.default_rng(5))
    crossed = styles.add_crossbar(seven, np.random.default_rng(6))
    bar = crossed[-1]
    everything = np.concatenate(seven)
    low, high = everything.min(axis=0), everything.max(axis=0)
    middle = bar.mean(axis=0)
    assert len(crossed) == len(seven) + 1
    assert 0.3 < (middle[1] - low[1]) / (high[1] - low[1]) < 0.75
    assert np.ptp(bar[:, 0]) > 2 * np.ptp(bar[:, 1])  # more across than down


def test_slash_runs_from_lower_left_to_upper_right():
    ring = [
        np.stack([np.cos(t) * 40 + 50, np.sin(t) * 60 + 80], 1) for t in [np.linspace(0, 6.3, 50)]
    ]
    slashed = styles.add_slash(ring, np.random.default_rng(7))
    start, end = slashed[-1][0], slashed[-1][-1]
    assert start[0] < end[0] and start[1] > end[1]


def test_foot_loop_curls_round_above_the_bottom_left_corner_of_a_two():
    """A Z-shaped 2 gets a small closed loop where its diagonal meets its base: the stroke
    leaves the corner, goes round above it and comes back, then runs on along the base."""
    two = [np.array([[0.0, 0], [60, 0], [0, 100], [60, 100]])]
    looped = styles.add_foot_loop(two, np.random.default_rng(3))
    assert len(looped) == 1
    stroke = looped[0]
    assert np.array_equal(stroke[0], two[0][0]) and np.array_equal(stroke[-1], two[0][-1])
    at_corner = np.flatnonzero(np.all(stroke == [0.0, 100.0], axis=1))
    assert len(at_corner) == 2  # the stroke passes the corner twice: into the loop, out of it
    loop = stroke[at_corner[0] + 1 : at_corner[1]]
    assert len(loop) > 8
    assert loop[:, 1].max() <= 100 and loop[:, 1].min() >= 100 - 2 * 0.16 * 100 - 1e-9
    assert abs(loop[:, 0].mean()) < 0.16 * 100  # round the corner, not out along the base

    def bottom_left_ink(drawing) -> float:
        return render(styles.pack([drawing]))[0][0].reshape(8, 8)[6:, :3].sum()

    assert bottom_left_ink(looped) > bottom_left_ink(two)


def test_a_large_head_grows_a_nines_loop_down_its_stem():
    """Every point keeps its x and its order; the top and the bottom stay; a point halfway
    down moves to between 0.61 and 0.79 of the height (0.5 ** 0.7 = 0.616 and 0.5 ** 0.35
    = 0.785)."""
    loop = [(50 + 30 * np.cos(a), 30 - 30 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 20)]
    nine = [np.array([*loop, (80, 50), (80, 100)], dtype=float)]
    for seed in range(5):
        (stretched,) = styles.enlarge_head(nine, np.random.default_rng(seed))
        assert np.array_equal(stretched[:, 0], nine[0][:, 0])
        assert stretched[:, 1].min() == nine[0][:, 1].min() and stretched[:, 1].max() == 100
        assert np.all(stretched[:, 1] >= nine[0][:, 1] - 1e-9)  # down, never up
        assert 61 < stretched[20, 1] < 79  # the point halfway down
        assert stretched[:20, 1].max() > 1.1 * nine[0][:20, 1].max()  # the loop reaches lower


def test_turning_a_six_half_way_makes_it_a_nine():
    drawings, labels = styles.edited_drawings(
        [stem_one()] * 3, np.array([6, 9, 5]), np.random.default_rng(0), turn_six_nine=True
    )
    assert list(labels) == [9, 6]  # a 5 has no edit
    assert len(drawings) == 2
    _, unturned = styles.edited_drawings(
        [stem_one()] * 2, np.array([6, 7]), np.random.default_rng(0)
    )
    assert list(unturned) == [7]  # 6s are turned only when asked


def test_pack_and_unpack_keep_every_stroke():
    drawings, _ = styles.templated_drawings(np.random.default_rng(1), 1)
    again = styles.unpack(styles.pack(drawings))
    assert len(again) == len(drawings)
    for first, second in zip(drawings, again, strict=True):
        assert all(np.allclose(a, b) for a, b in zip(first, second, strict=True))


def test_rendered_gives_one_row_per_drawing_and_copy():
    drawings, _ = styles.templated_drawings(np.random.default_rng(2), 1)
    X, drawn = styles.rendered(drawings, np.random.default_rng(3), copies=2)
    assert X.shape == (2 * len(drawings), 64)
    assert drawn.all() and X.min() >= 0 and X.max() <= 16


def test_every_non_digit_kind_is_drawn():
    drawings, kinds = styles.non_digit_drawings(np.random.default_rng(4), 1)
    assert kinds == list(styles.NON_DIGIT_KINDS)
    assert render(styles.pack(drawings))[1].all()


def test_the_shipped_model_reads_most_templates_as_their_digit():
    """The templates look like the digits they are labelled: a model that never saw them
    reads most of them right (not all: these are the styles it lacks)."""
    drawings, labels = styles.templated_drawings(np.random.default_rng(8), 5)
    X, _ = render(styles.pack(drawings))
    assert (load_default().predict(X) == labels).mean() > 0.6

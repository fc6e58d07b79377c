"""The live plot tells the truth: the run's unit, only existing curves, the previous run, the
copies' join, a stopped run, and the weights mosaic following the network."""

from __future__ import annotations

import numpy as np
import pytest

from bpdraw.app.learning_panel import HELD_OUT_LABELS, LearningPanel
from bpdraw.network import Network
from bpdraw.recipes import ClassicConfig, FastConfig
from bpdraw.training import Progress


@pytest.fixture
def panel(qtbot):
    learning = LearningPanel()
    qtbot.addWidget(learning)
    learning.resize(800, 280)
    learning.show()
    learning.build_plot()
    return learning


def progress(done: int, total: int, unit: str, network: Network | None = None, held=None):
    return Progress(done, total, unit, 0.5 / done, 0.5, held, 1.0, network)


def legend_texts(panel: LearningPanel) -> list[str]:
    return [text.get_text() for text in panel._plot.legend.get_texts()]


def test_a_classic_run_is_drawn_against_steps_with_its_watched_test_curve(panel):
    panel.start_run(ClassicConfig(steps=400))
    panel.add(progress(200, 400, "step"))
    panel.add_held_out(200, 0.8)
    panel.on_redraw_timer()
    plot = panel._plot
    assert plot.loss_ax.get_xlabel() == "steps" and plot.loss_ax.get_xlim() == (0, 400)
    assert legend_texts(panel) == ["training digits", HELD_OUT_LABELS["classic"]]
    assert "watching only" in HELD_OUT_LABELS["classic"]
    assert list(plot.held_line.get_xdata()) == [200]
    assert not plot.join_mark.get_visible()


def test_a_fast_run_marks_where_distorted_copies_join(panel):
    config = FastConfig(epochs=20, plain_epochs=6)
    panel.start_run(config)
    plot = panel._plot
    assert plot.loss_ax.get_xlabel() == "epochs"
    assert plot.join_mark.get_visible() and plot.join_mark.get_xdata()[0] == 7
    assert "join" in plot.join_text.get_text()
    assert legend_texts(panel) == ["training digits", HELD_OUT_LABELS["fast"]]


def test_the_previous_run_stays_faintly_of_the_same_unit_only(panel):
    panel.start_run(ClassicConfig(steps=400))
    for done in (100, 200, 300, 400):
        panel.add(progress(done, 400, "step"))
    panel.on_redraw_timer()
    panel.start_run(ClassicConfig(steps=800))
    plot = panel._plot
    assert list(plot.previous_loss_line.get_xdata()) == [100, 200, 300, 400]
    assert plot.previous_loss_line.get_alpha() < 0.5
    assert "previous run (faint)" in legend_texts(panel)
    assert len(plot.loss_line.get_xdata()) == 0
    panel.start_run(FastConfig(epochs=3))  # epochs cannot be drawn against steps
    assert len(plot.previous_loss_line.get_xdata()) == 0


def test_a_stopped_run_keeps_its_curves_and_says_why(panel):
    panel.start_run(ClassicConfig(steps=400))
    panel.add(progress(100, 400, "step"))
    panel.stop()
    panel.mark_stopped("stopped here: training diverged")
    plot = panel._plot
    assert list(plot.loss_line.get_xdata()) == [100]
    assert plot.stop_text.get_visible() and "diverged" in plot.stop_text.get_text()


def test_the_weight_mosaic_follows_the_network_and_shows_the_last_one(qtbot, panel):
    rng = np.random.default_rng(0)
    first = Network.initialise((64, 16, 10), rng, "uniform")
    last = Network.initialise((64, 16, 10), rng, "uniform")
    panel.start_run(ClassicConfig(steps=400))
    panel.add(progress(100, 400, "step", first))
    shown_first = panel.mosaic.mosaic()
    panel.add(progress(200, 400, "step", last))
    panel.stop()
    assert panel.mosaic.objectName() == "weightMosaic"
    assert not np.array_equal(panel.mosaic.mosaic(), shown_first)
    panel.mosaic.grab()  # paints without error

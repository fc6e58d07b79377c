"""Background imports: the chain of event-loop turns and the importer thread."""

from __future__ import annotations

from bpdraw.app import warmup


def test_steps_run_in_order_one_per_turn(qtbot):
    ran = []
    warmup.in_later_turns([lambda: ran.append(1), lambda: ran.append(2)], lambda: True)
    assert ran == []  # nothing runs before the event loop turns
    qtbot.waitUntil(lambda: ran == [1, 2], timeout=1000)


def test_the_chain_stops_when_no_longer_wanted(qtbot):
    ran = []
    wanted = [True]

    def first() -> None:
        ran.append(1)
        wanted[0] = False  # e.g. the run was cancelled after this step

    warmup.in_later_turns([first, lambda: ran.append(2)], lambda: wanted[0])
    qtbot.waitUntil(lambda: ran == [1], timeout=1000)
    qtbot.wait(50)
    assert ran == [1]


def test_the_warmer_imports_the_plotting_stack_and_says_so(qtbot):
    warmer = warmup.ImportWarmer()
    with qtbot.waitSignal(warmer.done, timeout=120_000):
        warmer.start()
    qtbot.waitUntil(warmer.is_done, timeout=10_000)  # done is sent just before the end
    assert warmup.imports_ready()

"""The one background runner: latest-wins queries never run stale work, and operations that
must run (a backup) all run, in order, each reported — none is dropped by a quicker one."""

from __future__ import annotations

import threading

from azrel_desktop.ui.shell.backup_actions import BackupActions
from azrel_desktop.ui.shell.context import AppContext
from azrel_desktop.ui.shell.runner import LatestCall, Operations, wait_for_workers


def test_every_operation_runs_in_order_and_is_reported(qtbot):
    ops = Operations()
    gate, ran = threading.Event(), []
    reported: list = []
    ops.finished.connect(lambda token, result: reported.append((token, result)))
    ops.failed.connect(lambda token, message: reported.append((token, message)))

    def first():
        assert gate.wait(10)
        ran.append("first")
        return 1

    def second():
        ran.append("second")
        raise OSError("disk full")

    ops.submit("a", first)
    ops.submit("b", second)
    ops.submit("c", lambda: ran.append("third") or 3)
    assert ops.busy()
    gate.set()
    qtbot.waitUntil(lambda: len(reported) == 3, timeout=10000)
    assert ran == ["first", "second", "third"]
    assert reported[0] == ("a", 1) and reported[2] == ("c", 3)
    assert reported[1][0] == "b" and "disk full" in reported[1][1]
    assert not ops.busy()


def test_a_superseded_query_waiting_for_a_thread_never_runs(qtbot):
    call = LatestCall()
    gate, ran, results = threading.Event(), [], []
    call.finished.connect(results.append)
    call.start(lambda: (gate.wait(10) and ran.append("slow")) or "slow")
    for n in range(8):  # more than the pool's threads: some wait, then are superseded
        call.start(lambda n=n: ran.append(n) or n)
    gate.set()
    qtbot.waitUntil(lambda: results == [7], timeout=10000)
    wait_for_workers()
    assert results == [7]
    assert 7 in ran


def test_two_quick_backups_both_run_and_both_are_reported(qtbot, library, tmp_path):
    ctx = AppContext(library)
    actions = BackupActions(ctx)
    done: list[str] = []
    actions.done.connect(done.append)
    actions.failed.connect(done.append)
    actions.back_up(tmp_path / "one.sqlite3")
    actions.back_up(tmp_path / "two.sqlite3")
    qtbot.waitUntil(lambda: len(done) == 2, timeout=20000)
    assert all(m.startswith("Backed up to") for m in done)
    assert (tmp_path / "one.sqlite3").exists() and (tmp_path / "two.sqlite3").exists()

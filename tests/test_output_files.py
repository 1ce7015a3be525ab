"""Where an export writes (issue 19, item 7; issue 12, items 3 and 13): devices and pipes are
written through, never replaced; a file another program holds gives one sentence naming the
user's file; a rename an antivirus briefly blocks is retried a bounded number of times."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from azrel_desktop.core.output import export
from azrel_desktop.core.output.export import OutputError, is_device_name, write_atomically

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")


def _write_rows(out) -> int:
    out.write("id,title\r\n1,one\r\n")
    return 1


@posix_only
def test_a_pipe_is_written_through_not_replaced(tmp_path):
    fifo = tmp_path / "to-another-program"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        assert write_atomically(fifo, _write_rows) == 1
    finally:
        reader.join(timeout=60)
    assert received == [b"id,title\r\n1,one\r\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the pipe was replaced by a regular file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-another-program"]


def test_the_null_device_is_written_through():
    before = os.stat(os.devnull)
    assert write_atomically(Path(os.devnull), _write_rows) == 1
    after = os.stat(os.devnull)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


@pytest.mark.parametrize("name, device", [
    ("NUL", True), ("nul", True), ("NUL.csv", True), ("con", True), ("COM1", True), ("lpt9.txt", True),
    ("null.csv", False), ("console.csv", False), ("COM0", False), ("events.csv", False),
])
def test_windows_device_names_are_recognised(name, device):
    assert is_device_name(name, windows=True) is device
    assert is_device_name(name, windows=False) is False


def test_a_file_held_by_another_program_is_named_in_one_sentence(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("the old export\n", encoding="utf-8")
    attempts = []

    def held(src, dst):
        attempts.append(src)
        raise PermissionError(13, "Permission denied", str(src))

    with pytest.raises(OutputError) as caught:
        write_atomically(target, _write_rows, replace=held, pause=lambda seconds: None)
    message = str(caught.value)
    assert "events.csv" in message and "partial" not in message and "\n" not in message
    assert "open in another program" in message
    assert target.read_text(encoding="utf-8") == "the old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]
    assert 1 < len(attempts) <= export.REPLACE_ATTEMPTS


def test_a_rename_briefly_blocked_is_retried(tmp_path):
    target = tmp_path / "events.csv"
    failures = [PermissionError(13, "Permission denied"), PermissionError(13, "Permission denied")]
    pauses = []

    def flaky(src, dst):
        if failures:
            raise failures.pop()
        os.replace(src, dst)

    assert write_atomically(target, _write_rows, replace=flaky, pause=pauses.append) == 1
    assert target.read_bytes() == b"id,title\r\n1,one\r\n"
    assert len(pauses) == 2 and sum(pauses) < 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


def test_a_new_export_replaces_an_existing_file_with_its_permissions(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, _write_rows)
    assert target.read_bytes() == b"id,title\r\n1,one\r\n"
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o640

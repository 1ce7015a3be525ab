"""Binary outputs (a workbook, a Word document, a PDF) written like the CSV exports: into a new
file beside the target, moved into place only when complete (export.write_atomically)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .export import write_atomically


def write_bytes_atomically(path: Path | str, produce: Callable[[BinaryIO], int]) -> int:
    """Run `produce(binary_file)` into a new file beside `path`; return what it returns."""
    def write(out) -> int:
        out.flush()
        count = produce(out.buffer)
        out.buffer.flush()
        return count

    return write_atomically(path, write)

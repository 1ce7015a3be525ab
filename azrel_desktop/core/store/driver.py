"""The database driver's own cursor under a SQLAlchemy result.

The paths that read tens of thousands of rows (CSV export, a probed page of the timeline) send
their statements through the session, so that they run, are logged and are recorded like any
other, and then read the driver's plain tuples: building a `Row` for each is a measurable part
of their time at that volume.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import CursorResult, Result


def cursor_result(result: Result[Any]) -> CursorResult[Any]:
    """A result of `Session.execute` as the `CursorResult` it is whenever the statement was sent
    to the database (`Session.execute` is typed to return any `Result`): its `cursor` is the
    driver's, its `rowcount` the rows a statement changed."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"no driver cursor under a {type(result).__name__}")
    return result

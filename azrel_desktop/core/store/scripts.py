"""The shipped migration scripts: Alembic's configuration for them, their head and the
revisions they know.

The head is first read from the scripts' text (a few small files), which is what every
ordinary start needs; Alembic is imported only when that glance cannot answer or a file must be
migrated. Below both `database` (which migrates) and `backups` (which refuses to restore a file
from a newer version), so neither imports the other for it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .resources import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(connection=None, target_metadata=None) -> Config:
    """Alembic's configuration for the shipped migrations. `target_metadata` (the models'
    metadata) matters only to `alembic revision --autogenerate`; running migrations never
    needs it, so the store does not import the models."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    cfg.attributes["target_metadata"] = target_metadata
    return cfg


# What Alembic lists as a revision file (its `_only_source_rev_file`), and the two assignments
# a script must make, in the plain form the template writes (an annotation is allowed).
_REV_FILE = re.compile(r"(?!\.\#|__init__)(.*\.py)$")
_REVISION = re.compile(r"^revision\s*(?::[^=\n]+)?=\s*(.+?)\s*$", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=\n]+)?=\s*(.+?)\s*$", re.MULTILINE)
_QUOTED = re.compile(r"""(['"])([^'"\\]+)\1""")


@dataclass(frozen=True)
class ScriptGlance:
    """The migration chain as read from the scripts' text, without importing Alembic."""

    head: str
    revisions: frozenset[str]


def glance_at_scripts() -> ScriptGlance | None:
    """The single head and every revision of the shipped migrations, read as text; None when
    anything is unusual (a branch, a merge, a computed value, no scripts), so the caller asks
    Alembic instead. Never wrong where it answers: it only reads what Alembic would import."""
    try:
        folder = migrations_dir() / "versions"
        names = sorted(entry.name for entry in os.scandir(folder)
                       if _REV_FILE.match(entry.name) and entry.is_file())
        revisions: set[str] = set()
        downs: set[str] = set()
        for name in names:
            text = (folder / name).read_text(encoding="utf-8")
            rev, down = _REVISION.findall(text), _DOWN_REVISION.findall(text)
            if len(rev) != 1 or len(down) != 1:
                return None
            match = _QUOTED.fullmatch(rev[0])
            if match is None or match.group(2) in revisions:
                return None
            revisions.add(match.group(2))
            if down[0] != "None":
                match = _QUOTED.fullmatch(down[0])
                if match is None:
                    return None  # a merge (a tuple) or something computed
                downs.add(match.group(2))
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - downs
    if len(heads) != 1 or not downs <= revisions:
        return None
    return ScriptGlance(heads.pop(), frozenset(revisions))


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_heads()[0]


def head_revision() -> str:
    glance = glance_at_scripts()
    return glance.head if glance is not None else _alembic_head()


def known_revision(revision: str) -> bool:
    glance = glance_at_scripts()
    if glance is not None and revision in glance.revisions:
        return True
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False

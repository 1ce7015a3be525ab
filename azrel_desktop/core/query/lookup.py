"""Resolving what a user types (`NATO`, `north atlantic`, `Azerbaijan`, `solana`) to record ids.

An exact id, abbreviation, name or alias (case-insensitive) wins; otherwise a unique substring
match; otherwise the user is told the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..corpus import models as m


class LookupError_(ValueError):
    """An unknown or ambiguous name; the message lists the candidates."""


@dataclass(frozen=True)
class Named:
    id: str
    label: str
    names: tuple[str, ...]


def _candidates(session: Session, kind: str) -> list[Named]:
    if kind == "organisation":
        return [Named(o.id, f"{o.name} ({o.abbreviation})" if o.abbreviation else o.name,
                      (o.id, o.name, o.abbreviation or "", *(o.aliases or [])))
                for o in session.scalars(select(m.Organisation))]
    if kind == "country":
        return [Named(c.id, c.name, (c.id, c.name, *(c.aliases or [])))
                for c in session.scalars(select(m.Country))]
    if kind == "person":
        return [Named(p.id, p.name, (p.id, p.name, *(p.aliases or [])))
                for p in session.scalars(select(m.Person))]
    if kind == "source":
        return [Named(s.id, s.title, (s.id, s.title, s.publisher or ""))
                for s in session.scalars(select(m.Source))]
    if kind == "origin":
        return [Named("mine", "mine (the events you recorded)", ("mine", "own", "yours", "user")),
                Named("corpus", "corpus (the shipped corpus)", ("corpus", "seed", "shipped"))]
    if kind == "kind":
        return [Named(k, k.replace("_", " "), (k, k.replace("_", " "))) for k in m.EVENT_KINDS]
    if kind == "evidence":
        from ..corpus.evidence import GRADES

        return [Named(g, g.replace("_", " "), (g, g.replace("_", " "), g.replace("_", "-"))) for g in GRADES]
    raise ValueError(kind)


def resolve(session: Session, kind: str, typed: str) -> str:
    """The id of the one record of `kind` that `typed` names; LookupError_ otherwise."""
    wanted = typed.strip().casefold()
    if not wanted:
        raise LookupError_(f"an empty {kind} name was given")
    items = _candidates(session, kind)
    exact = [i for i in items if any(n and n.casefold() == wanted for n in i.names)]
    if len(exact) == 1:
        return exact[0].id
    partial = exact or [i for i in items if any(n and wanted in n.casefold() for n in i.names)]
    if len(partial) == 1:
        return partial[0].id
    if partial:
        listed = "; ".join(f"{i.label} [{i.id}]" for i in partial[:12])
        raise LookupError_(f"{kind} {typed!r} is ambiguous: {listed}")
    listed = "; ".join(f"{i.label} [{i.id}]" for i in sorted(items, key=lambda i: i.label)[:40])
    raise LookupError_(f"unknown {kind} {typed!r}; known: {listed}")

"""Queries of links: the current alignment of a document, realignment and review states.

A current link has an ``ordinal``; a link replaced by realignment keeps its row (and
its history) with ``ordinal`` NULL and ``replaced_by`` naming its successors.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update

from workbench.model.link import Link, ScoreComponent
from workbench.store.database import Transaction
from workbench.store.schema import LinkRow, StatusEventRow


def components_json(components: Sequence[ScoreComponent]) -> list[dict]:
    """Score components as stored (JSON)."""
    return [{"name": c.name, "value": float(c.value), "explanation": c.explanation}
            for c in components]


def components(data: list | None) -> tuple[ScoreComponent, ...]:
    """Score components as stored, back as values."""
    return tuple(ScoreComponent(d["name"], float(d["value"]), d.get("explanation", ""))
                 for d in data or ())


def at(s: Transaction, doc_id: int, ordinal: int, lock: bool = False) -> LinkRow | None:
    """The current link at ``ordinal`` (``lock``: held until the transaction ends)."""
    query = select(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal == ordinal)
    if lock:
        query = query.with_for_update()
    return s.scalars(query).first()


def get(s: Transaction, link_id: int, lock: bool = False) -> LinkRow | None:
    """A link by id, current or retired."""
    if not lock:
        return s.get(LinkRow, link_id)
    return s.scalars(select(LinkRow).where(LinkRow.id == link_id).with_for_update()).first()


def current(s: Transaction, doc_id: int, ordinals: Sequence[int] | None = None,
            exclude: Sequence[int] = (), lock: bool = False) -> list[LinkRow]:
    """Current links in order: all, those at ``ordinals``, or all but ``exclude``."""
    query = select(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal.is_not(None))
    if ordinals is not None:
        query = query.where(LinkRow.ordinal.in_(list(ordinals)))
    if exclude:
        query = query.where(LinkRow.ordinal.not_in(list(exclude)))
    query = query.order_by(LinkRow.ordinal)
    if lock:
        query = query.with_for_update()
    return list(s.scalars(query))


def retired(s: Transaction, doc_id: int) -> list:
    """The links realignment replaced: (id, replaced_by, source_idx, target_idx) rows."""
    return list(s.execute(select(LinkRow.id, LinkRow.replaced_by, LinkRow.source_idx,
                                 LinkRow.target_idx)
                          .where(LinkRow.doc_id == doc_id, LinkRow.ordinal.is_(None))).all())


def active_of(s: Transaction, doc_id: int | None) -> list:
    """(id, doc_id, score, status, source_idx, target_idx) of every current link, of one
    document or of all (``doc_id`` None)."""
    query = select(LinkRow.id, LinkRow.doc_id, LinkRow.score, LinkRow.status,
                   LinkRow.source_idx, LinkRow.target_idx).where(LinkRow.ordinal.is_not(None))
    if doc_id is not None:
        query = query.where(LinkRow.doc_id == doc_id)
    return list(s.execute(query).all())


def add(s: Transaction, doc_id: int, links: Sequence[Link], start: int,
        created_at: datetime, furniture: Sequence[bool] = ()) -> list[LinkRow]:
    """New current links at ordinals ``start``, ``start + 1``, …, flushed;
    ``furniture`` marks those that are page furniture (default: none)."""
    flags = list(furniture) or [False] * len(links)
    rows = [LinkRow(doc_id=doc_id, ordinal=start + k, source_idx=list(link.source),
                    target_idx=list(link.target), score=float(link.score),
                    components=components_json(link.components),
                    signature=link.signature or "", status="new", created_at=created_at,
                    furniture=bool(flag))
            for k, (link, flag) in enumerate(zip(links, flags))]
    s.add_all(rows)
    s.flush()
    return rows


def retire(s: Transaction, rows: Sequence[LinkRow], retired_at: datetime) -> None:
    """Take links out of the current alignment (their rows and history stay)."""
    for row in rows:
        row.ordinal, row.retired_at = None, retired_at
    s.flush()


def set_replaced_by(rows: Sequence[LinkRow], successors: Sequence[LinkRow]) -> None:
    for row in rows:
        row.replaced_by = [n.id for n in successors]


def shift(s: Transaction, doc_id: int, after: int, delta: int) -> None:
    """Move the ordinals of the links after ``after`` by ``delta``."""
    if not delta:
        return
    # Two steps through negative numbers: the unique (doc, ordinal) is checked row by
    # row, so a plain "+ delta" could collide mid-update.
    s.execute(update(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal > after)
              .values(ordinal=-(LinkRow.ordinal + delta) - 1))
    s.execute(update(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal < 0)
              .values(ordinal=-LinkRow.ordinal - 1))


def set_status(s: Transaction, link: LinkRow, status: str, user_id: int,
               at_time: datetime) -> None:
    """Change a link's review state and record the event (who, when)."""
    link.status, link.status_by, link.status_at = status, user_id, at_time
    s.add(StatusEventRow(doc_id=link.doc_id, link_id=link.id, status=status,
                         user_id=user_id, created_at=at_time))


def set_furniture(link: LinkRow, furniture: bool, user_id: int) -> None:
    """A reviewer's choice: the link is page furniture (not work) or not."""
    link.furniture, link.furniture_by = bool(furniture), user_id


def set_score(link: LinkRow, score: float, components: Sequence[ScoreComponent],
              signature: str) -> None:
    """A link's fidelity after its text changed (re-scored and re-checked)."""
    link.score, link.signature = float(score), signature
    link.components = components_json(components)

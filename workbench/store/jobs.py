"""Queries of jobs: queue, claim, heartbeat, progress, finish, cancel, reap.

Every change of state is one conditional UPDATE (``... WHERE state = 'queued'``), so
two workers that race for a job, or a worker and a reaper, cannot both win: the
database decides, on SQLite (one writer at a time) and on PostgreSQL (the second
UPDATE waits for the first row lock, then sees the new state) alike.
:func:`next_queued` uses ``FOR UPDATE SKIP LOCKED`` on PostgreSQL so polling workers
never queue behind each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update

from workbench.store.database import Transaction
from workbench.store.schema import JobRow

ACTIVE = ("queued", "running")


def add(s: Transaction, kind: str, title: str, created_by: int | None, now: datetime,
        source_name: str, target_name: str, source_bytes: bytes, target_bytes: bytes,
        notes: Sequence[str] = (), doc_id: int | None = None) -> JobRow:
    """A queued job holding its two files (or its parameters), flushed (its id is set)."""
    job = JobRow(kind=kind, state="queued", title=title, created_by=created_by, doc_id=doc_id,
                 created_at=now, source_name=source_name, target_name=target_name,
                 source_bytes=source_bytes, target_bytes=target_bytes, notes=list(notes),
                 stage="Waiting for a worker…", percent=0.0, heartbeat_at=now)
    s.add(job)
    s.flush()
    return job


def get(s: Transaction, job_id: int) -> JobRow | None:
    return s.get(JobRow, job_id)


def recent(s: Transaction, limit: int = 50, user_id: int | None = None) -> list[JobRow]:
    """The newest jobs first (every user's, or ``user_id``'s)."""
    query = select(JobRow).order_by(JobRow.id.desc()).limit(limit)
    if user_id is not None:
        query = query.where(JobRow.created_by == user_id)
    return list(s.scalars(query))


def states(s: Transaction, job_ids: Sequence[int]) -> dict[int, str]:
    return dict(s.execute(select(JobRow.id, JobRow.state)
                          .where(JobRow.id.in_(list(job_ids)))).all())


def claim(s: Transaction, job_id: int, worker: str, now: datetime) -> bool:
    """Take a queued job for ``worker``; False when it is not queued any more (another
    worker took it, it was cancelled or is finished)."""
    taken = s.execute(
        update(JobRow)
        .where(JobRow.id == job_id, JobRow.state == "queued")
        .values(state="running", worker=worker, attempts=JobRow.attempts + 1,
                started_at=now, heartbeat_at=now, stage="Starting…", percent=0.0,
                eta_s=None, error="")
        .execution_options(synchronize_session=False))
    return taken.rowcount == 1


def next_queued(s: Transaction, older_than: datetime) -> list[int]:
    """Queued jobs last announced before ``older_than`` (their message may be lost),
    skipping rows another transaction holds."""
    query = (select(JobRow.id).where(JobRow.state == "queued",
                                     JobRow.heartbeat_at < older_than)
             .order_by(JobRow.id))
    if s.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return list(s.scalars(query))


def touch(s: Transaction, job_ids: Sequence[int], now: datetime) -> None:
    """Note that the queued jobs were announced again."""
    s.execute(update(JobRow).where(JobRow.id.in_(list(job_ids)), JobRow.state == "queued")
              .values(heartbeat_at=now).execution_options(synchronize_session=False))


def beat(s: Transaction, job_id: int, worker: str, now: datetime, stage: str | None = None,
         percent: float | None = None, eta_s: float | None = None) -> bool:
    """Record that ``worker`` is alive on the job (and how far it got); whether it
    should go on: False when the job was cancelled or given to another worker."""
    values: dict = {"heartbeat_at": now}
    if stage is not None:
        values.update(stage=stage[:500], percent=percent, eta_s=eta_s)
    s.execute(update(JobRow)
              .where(JobRow.id == job_id, JobRow.state == "running", JobRow.worker == worker)
              .values(**values).execution_options(synchronize_session=False))
    row = s.execute(select(JobRow.state, JobRow.worker, JobRow.cancel_requested)
                    .where(JobRow.id == job_id)).one_or_none()
    return row is not None and row[0] == "running" and row[1] == worker and not row[2]


def finish(s: Transaction, job_id: int, worker: str, attempt: int, now: datetime,
           doc_id: int | None = None) -> bool:
    """Mark the job done by ``worker`` (its ``attempt``-th start); False when the job is
    no longer that worker's (cancelled, or requeued and taken by another), in which
    case the caller rolls back what it was about to store."""
    done = s.execute(
        update(JobRow)
        .where(JobRow.id == job_id, JobRow.state == "running", JobRow.worker == worker,
               JobRow.attempts == attempt, JobRow.cancel_requested.is_(False))
        .values(state="done", doc_id=doc_id, finished_at=now, stage="Done", percent=1.0,
                eta_s=0.0, source_bytes=b"", target_bytes=b"")
        .execution_options(synchronize_session=False))
    return done.rowcount == 1


def active_with_files(s: Transaction, source_bytes: bytes,
                      target_bytes: bytes) -> JobRow | None:
    """An analysis queued or running on exactly these two files, if any."""
    return s.scalars(select(JobRow).where(
        JobRow.kind == "analyse", JobRow.state.in_(ACTIVE),
        JobRow.source_bytes == source_bytes, JobRow.target_bytes == target_bytes)
        .limit(1)).first()


def queued_of_kind(s: Transaction, kind: str) -> int | None:
    """A queued job of ``kind`` (the oldest), if any."""
    return s.scalar(select(JobRow.id).where(JobRow.kind == kind, JobRow.state == "queued")
                    .order_by(JobRow.id).limit(1))


def set_stage(s: Transaction, job_id: int, stage: str) -> None:
    s.execute(update(JobRow).where(JobRow.id == job_id).values(stage=stage[:500])
              .execution_options(synchronize_session=False))


def set_doc(s: Transaction, job_id: int, doc_id: int) -> None:
    s.execute(update(JobRow).where(JobRow.id == job_id).values(doc_id=doc_id)
              .execution_options(synchronize_session=False))


def end(s: Transaction, job_id: int, worker: str, state: str, now: datetime,
        error: str = "") -> bool:
    """End ``worker``'s running job as ``failed`` or ``cancelled``."""
    ended = s.execute(
        update(JobRow)
        .where(JobRow.id == job_id, JobRow.state == "running", JobRow.worker == worker)
        .values(state=state, finished_at=now, error=error[:2000], eta_s=None,
                stage="Cancelled" if state == "cancelled" else "Failed")
        .execution_options(synchronize_session=False))
    return ended.rowcount == 1


def request_cancel(s: Transaction, job_id: int, now: datetime) -> str | None:
    """Cancel a queued job at once, ask a running one to stop; the state after, or
    None when the job does not exist."""
    s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.state == "queued")
              .values(state="cancelled", finished_at=now, stage="Cancelled",
                      cancel_requested=True)
              .execution_options(synchronize_session=False))
    s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.state == "running")
              .values(cancel_requested=True, stage="Cancelling…")
              .execution_options(synchronize_session=False))
    return s.scalar(select(JobRow.state).where(JobRow.id == job_id))


def reap(s: Transaction, silent_since: datetime, max_attempts: int,
         now: datetime) -> tuple[list[int], list[int]]:
    """Jobs whose worker fell silent before ``silent_since``: requeued while they have
    attempts left, else failed; returns (requeued, failed).  A cancelled one that was
    still running is marked cancelled."""
    stale = list(s.execute(
        select(JobRow.id, JobRow.attempts, JobRow.cancel_requested, JobRow.worker)
        .where(JobRow.state == "running", JobRow.heartbeat_at < silent_since)).all())
    requeued, failed = [], []
    for job_id, attempts, cancel, worker in stale:
        base = update(JobRow).where(JobRow.id == job_id, JobRow.state == "running",
                                    JobRow.heartbeat_at < silent_since)
        if cancel:
            values = {"state": "cancelled", "finished_at": now, "stage": "Cancelled"}
        elif attempts < max_attempts:
            values = {"state": "queued", "worker": "", "heartbeat_at": now,
                      "stage": f"Requeued: worker {worker} stopped answering", "percent": 0.0,
                      "eta_s": None}
        else:
            values = {"state": "failed", "finished_at": now, "stage": "Failed", "error":
                      f"the worker ({worker}) stopped answering {attempts} times; "
                      "the files may be too large for a worker: try a smaller document"}
        done = s.execute(base.values(**values).execution_options(synchronize_session=False))
        if done.rowcount == 1 and values["state"] == "queued":
            requeued.append(job_id)
        elif done.rowcount == 1 and values["state"] == "failed":
            failed.append(job_id)
    return requeued, failed

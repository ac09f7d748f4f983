"""Queries of accounts: users and their sign-in sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select

from workbench.store.database import Transaction
from workbench.store.schema import SessionRow, UserRow


def get(s: Transaction, user_id: int) -> UserRow | None:
    return s.get(UserRow, user_id)


def by_name(s: Transaction, name: str) -> UserRow | None:
    return s.scalars(select(UserRow).where(UserRow.name == name)).first()


def exists(s: Transaction, name: str) -> bool:
    return s.scalar(select(UserRow.id).where(UserRow.name == name)) is not None


def count(s: Transaction) -> int:
    return s.scalar(select(func.count(UserRow.id))) or 0


def everyone(s: Transaction) -> list[UserRow]:
    """Every user, by name."""
    return list(s.scalars(select(UserRow).order_by(UserRow.name)))


def enabled_roles(s: Transaction) -> list[str]:
    """The roles (space separated) of every enabled user."""
    return list(s.scalars(select(UserRow.roles).where(UserRow.disabled.is_(False))))


def names(s: Transaction) -> dict[int, str]:
    """Every user's name by id (views show names, rows hold ids)."""
    return dict(s.execute(select(UserRow.id, UserRow.name)).all())


def add(s: Transaction, name: str, password_hash: str, roles: str,
        created_at: datetime) -> UserRow:
    """A new enabled user, flushed (a taken name raises at the flush)."""
    row = UserRow(name=name, password_hash=password_hash, roles=roles, disabled=False,
                  created_at=created_at)
    s.add(row)
    s.flush()
    return row


def set_disabled(s: Transaction, row: UserRow, disabled: bool) -> None:
    row.disabled = disabled
    s.flush()


def set_password_hash(s: Transaction, row: UserRow, password_hash: str) -> None:
    row.password_hash = password_hash
    s.flush()


def record_failure(s: Transaction, row: UserRow, now: datetime, forget_before: datetime,
                   lock_after: int) -> None:
    """One more failed sign-in (the count restarts after a quiet spell, when the last
    failure is before ``forget_before``); locks the account at ``lock_after``."""
    if row.last_failed_at is None or row.last_failed_at < forget_before:
        row.failed_logins = 0
    row.failed_logins = (row.failed_logins or 0) + 1
    row.last_failed_at = now
    if row.failed_logins >= lock_after and row.locked_at is None:
        row.locked_at = now
    s.flush()


def clear_failures(s: Transaction, row: UserRow) -> None:
    """A good sign-in or an admin's unlock: no failures, not locked."""
    row.failed_logins = 0
    row.last_failed_at = None
    row.locked_at = None
    s.flush()


# --------------------------------------------------------------------------- sessions


def open_session(s: Transaction, user_id: int, token_hash: str, created_at: datetime,
                 expires_at: datetime) -> None:
    s.add(SessionRow(token_hash=token_hash, user_id=user_id, created_at=created_at,
                     expires_at=expires_at))


def session_and_user(s: Transaction, token_hash: str) -> tuple[SessionRow, UserRow] | None:
    """The session with this token digest and its user, or None."""
    found = s.execute(
        select(SessionRow, UserRow).join(UserRow, UserRow.id == SessionRow.user_id)
        .where(SessionRow.token_hash == token_hash)).first()
    return tuple(found) if found is not None else None


def session_expiry(s: Transaction, token_hash: str) -> datetime | None:
    """When the session with this token digest expires, or None if it has ended."""
    return s.scalar(select(SessionRow.expires_at).where(SessionRow.token_hash == token_hash))


def end_session(s: Transaction, session_id: int) -> None:
    s.execute(delete(SessionRow).where(SessionRow.id == session_id))


def end_session_of_token(s: Transaction, token_hash: str) -> None:
    s.execute(delete(SessionRow).where(SessionRow.token_hash == token_hash))


def end_sessions(s: Transaction, user_id: int, expired_at: datetime | None = None) -> None:
    """End a user's sessions: all of them, or those expired at ``expired_at``."""
    query = delete(SessionRow).where(SessionRow.user_id == user_id)
    if expired_at is not None:
        query = query.where(SessionRow.expires_at <= expired_at)
    s.execute(query)

"""Use cases of accounts: users, sign-in sessions, and the role check every use case makes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from workbench.errors import ConflictError, NotFound, PermissionDenied
from workbench.service import passwords as auth
from workbench.service import roles
from workbench.service.base import user_view
from workbench.service.roles import ADMIN, parse_roles
from workbench.service.views import Session, User
from workbench.store import ConstraintViolation, Store, Transaction, UserRow
from workbench.store import users as user_rows

_DUMMY_HASH = "$2b$04$" + "C" * 53


def _has_admin(s: Transaction) -> bool:
    return any(ADMIN in r.split() for r in user_rows.enabled_roles(s))


class UserCases:
    """Users and sessions: create, sign in, sign out, disable, passwords; and
    :meth:`authorize`, which every other group calls before it does anything."""

    def __init__(self, store: Store, clock: Callable[[], datetime], session_ttl: timedelta,
                 bcrypt_rounds: int) -> None:
        self.store = store
        self.clock = clock
        self.session_ttl = session_ttl
        self.bcrypt_rounds = bcrypt_rounds

    def authorize(self, s: Transaction, actor: User, action: str) -> UserRow:
        """The acting user as stored now (roles re-read: a stale or forged User object
        grants nothing), after checking ``action`` is allowed."""
        row = user_rows.get(s, actor.id) if actor is not None else None
        if row is None or row.name != actor.name:
            raise PermissionDenied("unknown user: log in again")
        if row.disabled:
            raise PermissionDenied(f"user {row.name!r} is disabled: ask an admin")
        roles.require(row.name, row.roles.split(), action)
        return row

    def check(self, actor: User, action: str) -> None:
        """:meth:`authorize` in a read-only transaction of its own."""
        with self.store.read() as s:
            self.authorize(s, actor, action)

    def create_user(self, actor: User | None, name: str, password: str,
                    roles: Sequence[str] | str) -> User:
        """Create a user (admin only).

        ``actor=None`` (the first-run command, no sign-in) is allowed while no user
        exists, or to create the first admin of a database that has none yet (the app
        made the demo account, which is no admin, on its first start)."""
        name = name.strip()
        if not name:
            raise PermissionDenied("a user needs a name")
        role_set = parse_roles(roles)
        password_hash = auth.hash_password(password, self.bcrypt_rounds)
        taken = ConflictError(f"user {name!r} already exists: choose another name")
        try:
            with self.store.session() as s:
                if actor is None:
                    first_admin = ADMIN in role_set and not _has_admin(s)
                    if user_rows.count(s) and not first_admin:
                        raise PermissionDenied(
                            "users already exist: sign in as an admin to create more users")
                else:
                    self.authorize(s, actor, "manage_users")
                if user_rows.exists(s, name):
                    raise taken
                row = user_rows.add(s, name, password_hash, " ".join(sorted(role_set)),
                                    self.clock())
                return user_view(row)
        except ConstraintViolation as exc:  # created by someone else at the same moment
            raise taken from exc

    def authenticate(self, name: str, password: str) -> Session:
        """Check a password and open a session; PermissionDenied if wrong or disabled."""
        with self.store.session() as s:
            row = user_rows.by_name(s, name.strip())
            if row is None:
                auth.verify_password(password, _DUMMY_HASH)  # same time as a real check
                raise PermissionDenied("wrong user name or password")
            if not auth.verify_password(password, row.password_hash):
                raise PermissionDenied("wrong user name or password")
            if row.disabled:
                raise PermissionDenied(f"user {row.name!r} is disabled: ask an admin")
            token = auth.new_token()
            now = self.clock()
            expires = now + self.session_ttl
            # Forgotten sessions (closed tabs) are swept at the next login.
            user_rows.end_sessions(s, row.id, expired_at=now)
            user_rows.open_session(s, row.id, auth.token_digest(token), now, expires)
            return Session(token, user_view(row), expires)

    def user_for_token(self, token: str) -> User:
        """The user of a live session; PermissionDenied ("log in again") if expired."""
        with self.store.read() as s:
            found = user_rows.session_and_user(s, auth.token_digest(token or ""))
            if found is None:
                raise PermissionDenied("not signed in (or the session was ended): log in again")
            session_row, user_row = found
        if session_row.expires_at <= self.clock():
            with self.store.session() as s:
                user_rows.end_session(s, session_row.id)
            raise PermissionDenied(
                f"session expired at {session_row.expires_at:%Y-%m-%d %H:%M} UTC: "
                "log in again"
            )
        if user_row.disabled:
            raise PermissionDenied(f"user {user_row.name!r} is disabled: ask an admin")
        return user_view(user_row)

    def logout(self, token: str) -> None:
        """End a session (unknown tokens are ignored)."""
        with self.store.session() as s:
            user_rows.end_session_of_token(s, auth.token_digest(token or ""))

    @staticmethod
    def _target_user(s: Transaction, name: str) -> UserRow:
        row = user_rows.by_name(s, name)
        if row is None:
            raise NotFound(f"no user named {name!r}: check the spelling in the user list")
        return row

    def disable_user(self, actor: User, name: str, disabled: bool = True) -> User:
        """Disable (or re-enable) a user and end their sessions (admin only)."""
        with self.store.session() as s:
            me = self.authorize(s, actor, "manage_users")
            row = self._target_user(s, name)
            if disabled and row.id == me.id:
                raise PermissionDenied("you cannot disable your own account")
            user_rows.set_disabled(s, row, disabled)
            if disabled:
                user_rows.end_sessions(s, row.id)
            return user_view(row)

    def set_password(self, actor: User, name: str, password: str) -> None:
        """Change a password (admin, or the user themself); ends the user's sessions."""
        password_hash = auth.hash_password(password, self.bcrypt_rounds)
        with self.store.session() as s:
            if actor is None or actor.name != name:
                self.authorize(s, actor, "manage_users")
            else:
                self.authorize(s, actor, "view")
            row = self._target_user(s, name)
            user_rows.set_password_hash(s, row, password_hash)
            user_rows.end_sessions(s, row.id)

    def has_admin(self) -> bool:
        """Whether an enabled admin exists (else the first one may be created without
        signing in, see :meth:`create_user`)."""
        with self.store.read() as s:
            return _has_admin(s)

    def count_users(self) -> int:
        """How many users exist (first-run checks; reveals nothing else)."""
        with self.store.read() as s:
            return user_rows.count(s)

    def has_user(self, name: str) -> bool:
        with self.store.read() as s:
            return user_rows.exists(s, name)

    def list_users(self, actor: User) -> list[User]:
        """All users (admin only)."""
        with self.store.read() as s:
            self.authorize(s, actor, "manage_users")
            return [user_view(r) for r in user_rows.everyone(s)]

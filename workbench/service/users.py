"""Use cases of accounts: users, sign-in sessions and the role checks on them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from workbench.service import passwords as auth
from workbench.errors import ConflictError, NotFound, PermissionDenied
from workbench.service.roles import ADMIN, parse_roles
from workbench.service.base import ServiceBase
from workbench.service.views import Session, User
from workbench.store import SessionRow, UserRow


_DUMMY_HASH = "$2b$04$" + "C" * 53


class UserCases(ServiceBase):
    """Users and sessions: create, sign in, sign out, disable, roles, passwords."""

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
        with self.store.session() as s:
            if actor is None:
                first_admin = ADMIN in role_set and not self._has_admin(s)
                if s.scalar(select(func.count(UserRow.id))) and not first_admin:
                    raise PermissionDenied(
                        "users already exist: sign in as an admin to create more users"
                    )
            else:
                self._actor(s, actor, "manage_users")
            if s.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
                raise ConflictError(f"user {name!r} already exists: choose another name")
            row = UserRow(name=name, password_hash=password_hash,
                          roles=" ".join(sorted(role_set)), disabled=False,
                          created_at=self.clock())
            s.add(row)
            try:
                s.flush()
            except IntegrityError as exc:
                raise ConflictError(f"user {name!r} already exists: choose another name") from exc
            return self._user_view(row)

    def authenticate(self, name: str, password: str) -> Session:
        """Check a password and open a session; PermissionDenied if wrong or disabled."""
        with self.store.session() as s:
            row = s.scalars(select(UserRow).where(UserRow.name == name.strip())).first()
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
            s.execute(delete(SessionRow).where(SessionRow.user_id == row.id,
                                               SessionRow.expires_at <= now))
            s.add(SessionRow(token_hash=auth.token_digest(token), user_id=row.id,
                             created_at=now, expires_at=expires))
            return Session(token, self._user_view(row), expires)

    def user_for_token(self, token: str) -> User:
        """The user of a live session; PermissionDenied ("log in again") if expired."""
        with self.store.read() as s:
            found = s.execute(
                select(SessionRow, UserRow).join(UserRow, UserRow.id == SessionRow.user_id)
                .where(SessionRow.token_hash == auth.token_digest(token or ""))
            ).first()
            if found is None:
                raise PermissionDenied("not signed in (or the session was ended): log in again")
            session_row, user_row = found
        if session_row.expires_at <= self.clock():
            with self.store.session() as s:
                s.execute(delete(SessionRow).where(SessionRow.id == session_row.id))
            raise PermissionDenied(
                f"session expired at {session_row.expires_at:%Y-%m-%d %H:%M} UTC: "
                "log in again"
            )
        if user_row.disabled:
            raise PermissionDenied(f"user {user_row.name!r} is disabled: ask an admin")
        return self._user_view(user_row)

    def logout(self, token: str) -> None:
        """End a session (unknown tokens are ignored)."""
        with self.store.session() as s:
            s.execute(delete(SessionRow).where(
                SessionRow.token_hash == auth.token_digest(token or "")))

    def _target_user(self, s: OrmSession, name: str) -> UserRow:
        row = s.scalars(select(UserRow).where(UserRow.name == name)).first()
        if row is None:
            raise NotFound(f"no user named {name!r}: check the spelling in the user list")
        return row

    def disable_user(self, actor: User, name: str, disabled: bool = True) -> User:
        """Disable (or re-enable) a user and end their sessions (admin only)."""
        with self.store.session() as s:
            me = self._actor(s, actor, "manage_users")
            row = self._target_user(s, name)
            if disabled and row.id == me.id:
                raise PermissionDenied("you cannot disable your own account")
            row.disabled = disabled
            if disabled:
                s.execute(delete(SessionRow).where(SessionRow.user_id == row.id))
            s.flush()
            return self._user_view(row)

    def set_password(self, actor: User, name: str, password: str) -> None:
        """Change a password (admin, or the user themself); ends the user's sessions."""
        password_hash = auth.hash_password(password, self.bcrypt_rounds)
        with self.store.session() as s:
            if actor is None or actor.name != name:
                self._actor(s, actor, "manage_users")
            else:
                self._actor(s, actor, "view")
            row = self._target_user(s, name)
            row.password_hash = password_hash
            s.execute(delete(SessionRow).where(SessionRow.user_id == row.id))

    @staticmethod
    def _has_admin(s: OrmSession) -> bool:
        return any(ADMIN in r.split() for r in s.scalars(
            select(UserRow.roles).where(UserRow.disabled.is_(False))))

    def has_admin(self) -> bool:
        """Whether an enabled admin exists (else the first one may be created without
        signing in, see :meth:`create_user`)."""
        with self.store.read() as s:
            return self._has_admin(s)

    def count_users(self) -> int:
        """How many users exist (first-run checks; reveals nothing else)."""
        with self.store.read() as s:
            return s.scalar(select(func.count(UserRow.id))) or 0

    def has_user(self, name: str) -> bool:
        with self.store.read() as s:
            return s.scalar(select(UserRow.id).where(UserRow.name == name)) is not None

    def list_users(self, actor: User) -> list[User]:
        """All users (admin only)."""
        with self.store.read() as s:
            self._actor(s, actor, "manage_users")
            return [self._user_view(r) for r in s.scalars(select(UserRow).order_by(UserRow.name))]

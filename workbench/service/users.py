"""Use cases of accounts: users, sign-in sessions, and the role check every use case makes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from workbench.errors import ConflictError, NotFound, PermissionDenied
from workbench.service import passwords as auth
from workbench.service import roles
from workbench.service.base import user_view
from workbench.service import throttle
from workbench.service.roles import ADMIN, parse_roles
from workbench.service.views import Session, User
from workbench.store import ConstraintViolation, Store, Transaction, UserRow
from workbench.store import users as user_rows

DEMO_USER = "demo"
DEMO_PASSWORD = "demo"


def _has_admin(s: Transaction) -> bool:
    return any(ADMIN in r.split() for r in user_rows.enabled_roles(s))


class UserCases:
    """Users and sessions: create, sign in, sign out, disable, passwords; and
    :meth:`authorize`, which every other group calls before it does anything."""

    def __init__(self, store: Store, clock: Callable[[], datetime], session_ttl: timedelta,
                 bcrypt_rounds: int, policy: auth.PasswordPolicy | None = None,
                 demo: bool = False) -> None:
        self.store = store
        self.clock = clock
        self.session_ttl = session_ttl
        self.bcrypt_rounds = bcrypt_rounds
        self.policy = policy or auth.PasswordPolicy.from_settings(auth.MIN_PASSWORD_LENGTH, "")
        #: Demo mode (Settings.demo): the only mode in which demo/demo signs in.
        self.demo = demo
        self.throttle = throttle.SignInThrottle()

    def authorize(self, s: Transaction, actor: User, action: str) -> UserRow:
        """The acting user as stored now (roles re-read: a stale or forged User object
        grants nothing), after checking ``action`` is allowed."""
        row = self._live_row(s, actor)
        if row is None or row.name != actor.name:
            raise PermissionDenied("unknown user: log in again")
        if row.disabled:
            raise PermissionDenied(f"user {row.name!r} is disabled: ask an admin")
        roles.require(row.name, row.roles.split(), action)
        return row

    def _live_row(self, s: Transaction, actor: User | None) -> UserRow | None:
        """The actor's row; for a signed-in actor (``actor.session``) its session is
        checked first, in the same query: a page left open acts no more."""
        if actor is None:
            return None
        if not actor.session:
            return user_rows.get(s, actor.id)
        found = user_rows.session_and_user(s, actor.session)
        if found is not None and found[0].expires_at > self.clock():
            return found[1] if found[1].id == actor.id else None
        row = user_rows.get(s, actor.id)
        if row is not None and row.disabled:
            raise PermissionDenied(f"user {row.name!r} is disabled: ask an admin")
        raise PermissionDenied(
            "your session has ended (signed out, expired, or ended by an admin): nothing "
            "was done; log in again")

    def check(self, actor: User, action: str) -> None:
        """:meth:`authorize` in a read-only transaction of its own."""
        with self.store.read() as s:
            self.authorize(s, actor, action)

    def create_user(self, actor: User | None, name: str, password: str,
                    roles: Sequence[str] | str, force_first_admin: bool = False) -> User:
        """Create a user (admin only); the password must pass :attr:`policy`.

        ``actor=None`` (first run, no sign-in: the first-run page or the CLI) is allowed
        only while no user exists.  ``force_first_admin`` (the CLI's
        ``--force-first-admin``, which needs the database's own access) also allows it
        for an admin on a database that has users but no enabled admin (e.g. one that
        ran in demo mode)."""
        from workbench.service.hygiene import clean_name

        name = clean_name(name, "a user name")
        if not name:
            raise PermissionDenied("a user needs a name")
        role_set = parse_roles(roles)
        self.policy.check(password, name)
        password_hash = auth.hash_password(password, self.bcrypt_rounds)
        taken = ConflictError(f"user {name!r} already exists: choose another name")
        try:
            with self.store.session() as s:
                if actor is None:
                    forced = force_first_admin and ADMIN in role_set and not _has_admin(s)
                    if user_rows.count(s) and not forced:
                        raise PermissionDenied(
                            "users already exist: sign in as an admin to create more users "
                            "(no enabled admin left? python -m workbench admin create-user "
                            "NAME --role admin --force-first-admin, run with the database's "
                            "own access)")
                else:
                    self.authorize(s, actor, "manage_users")
                if user_rows.exists(s, name):
                    raise taken
                row = user_rows.add(s, name, password_hash, " ".join(sorted(role_set)),
                                    self.clock())
                return user_view(row)
        except ConstraintViolation as exc:  # created by someone else at the same moment
            raise taken from exc

    def authenticate(self, name: str, password: str, client: str = "") -> Session:
        """Check a password and open a session; PermissionDenied if wrong, disabled,
        locked or too soon after failures (:mod:`.throttle`).  ``client`` names the
        browser's address (the UI passes it; '' for scripts): it is throttled too.

        An unknown name costs the same bcrypt check as a known one, so the time taken
        does not tell which names exist."""
        name = name.strip()
        now = self.clock()
        dummy = auth.dummy_hash(self.bcrypt_rounds)  # made at the first sign-in of any kind
        self.throttle.check_client(client, now)
        with self.store.read() as s:
            row = user_rows.by_name(s, name)
        if row is None:
            self.throttle.check_unknown(name, now)
        elif row.locked_at is not None:
            raise PermissionDenied(throttle.locked_message(row.name))
        else:
            throttle.refuse_if_waiting(row.failed_logins or 0, row.last_failed_at, now)
        stored = row.password_hash if row is not None else dummy
        if not auth.verify_password(password, stored) or row is None:
            self.throttle.failed(client, name if row is None else None, now)
            if row is not None:
                with self.store.session() as s:
                    user_rows.record_failure(s, user_rows.get(s, row.id), now,
                                             now - throttle.QUIET, throttle.LOCK_AFTER)
            raise PermissionDenied("wrong user name or password")
        if row.disabled:
            raise PermissionDenied(f"user {row.name!r} is disabled: ask an admin")
        if row.name == DEMO_USER and password == DEMO_PASSWORD and not self.demo:
            raise PermissionDenied(
                "the demo account signs in only in demo mode (WORKBENCH_DEMO=1 or "
                "streamlit run app.py -- --demo); an admin can give it a real password")
        token = auth.new_token()
        expires = now + self.session_ttl
        digest = auth.token_digest(token)
        with self.store.session() as s:
            row = user_rows.get(s, row.id)
            user_rows.clear_failures(s, row)
            # Forgotten sessions (closed tabs) are swept at the next login.
            user_rows.end_sessions(s, row.id, expired_at=now)
            user_rows.open_session(s, row.id, digest, now, expires)
            return Session(token, user_view(row, digest), expires)

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
        return user_view(user_row, session_row.token_hash)

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
        """Change a password (admin, or the user themself); ends the user's sessions.
        The new password must pass :attr:`policy`."""
        self.policy.check(password, name)
        password_hash = auth.hash_password(password, self.bcrypt_rounds)
        with self.store.session() as s:
            if actor is None or actor.name != name:
                self.authorize(s, actor, "manage_users")
            else:
                self.authorize(s, actor, "view")
            row = self._target_user(s, name)
            user_rows.set_password_hash(s, row, password_hash)
            user_rows.end_sessions(s, row.id)

    def change_password(self, actor: User, current: str, new: str) -> None:
        """A user changes their own password: the current one first, then the new one
        (which must pass :attr:`policy`); every session of the user ends, this one too."""
        with self.store.read() as s:
            row = self.authorize(s, actor, "view")
        if not auth.verify_password(current, row.password_hash):
            raise PermissionDenied("the current password is wrong: nothing was changed")
        if new == current:
            raise PermissionDenied("the new password is the same as the current one")
        self.set_password(actor, actor.name, new)

    def unlock_user(self, actor: User, name: str) -> User:
        """Lift a lock-out after failed sign-ins (admin only)."""
        with self.store.session() as s:
            self.authorize(s, actor, "manage_users")
            row = self._target_user(s, name)
            user_rows.clear_failures(s, row)
            view = user_view(row)
        self.throttle.names.clear(name.lower())
        return view

    def ensure_demo_account(self, roles: Sequence[str]) -> bool:
        """Demo mode only: create demo/demo (exempt from the password policy, which it
        fails on purpose) on a database with no users.  True if it was created."""
        if not self.demo:
            raise PermissionDenied(
                "the demo account exists only in demo mode (WORKBENCH_DEMO=1)")
        with self.store.session() as s:
            if user_rows.count(s):
                return False
            user_rows.add(s, DEMO_USER, auth.hash_password(DEMO_PASSWORD, self.bcrypt_rounds),
                          " ".join(sorted(parse_roles(roles))), self.clock())
            return True

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

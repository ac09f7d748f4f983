"""Failed sign-ins: growing delays per user name and per client, then a lock-out.

A password guesser gets :data:`FREE_FAILURES` tries, then must wait 1 s, 2 s, 4 s, …
(at most :data:`MAX_DELAY`) between tries; after :data:`LOCK_AFTER` failures in a row
the account is locked until an admin unlocks it (Users page, or
``python -m workbench admin unlock-user NAME``).  A known user's failures are stored
on the user (so the CLI can lift a lock the app set); an unknown name's and a
client's are counted here, in memory, and answered the same way, so the answers do
not tell which names exist.  Failures are forgotten after :data:`QUIET` without one.

Waiting is refused at once (no sleep holds a server thread): "wait 4 s and try again".
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime, timedelta

from workbench.errors import PermissionDenied

FREE_FAILURES = 3
CLIENT_FREE_FAILURES = 10
LOCK_AFTER = 10
MAX_DELAY = timedelta(minutes=5)
QUIET = timedelta(minutes=15)
_REMEMBERED = 10_000  # names and clients counted in memory (oldest forgotten first)


def delay_after(failures: int, free: int = FREE_FAILURES) -> timedelta:
    """How long to wait after ``failures`` failures in a row: none for the first
    ``free``, then doubling from one second up to :data:`MAX_DELAY`."""
    if failures < free:
        return timedelta(0)
    return min(MAX_DELAY, timedelta(seconds=2 ** min(failures - free, 20)))


def locked_message(name: str) -> str:
    return (f"user {name!r} is locked after {LOCK_AFTER} failed sign-ins: ask an admin to "
            f"unlock it (Users page, or python -m workbench admin unlock-user NAME)")


def refuse_if_waiting(failures: int, last_failed: datetime | None, now: datetime,
                      free: int = FREE_FAILURES, who: str = "this user") -> None:
    """PermissionDenied if the next try comes too soon after the last failure."""
    if last_failed is None or now - last_failed >= QUIET:
        return
    left = last_failed + delay_after(failures, free) - now
    if left > timedelta(0):
        seconds = max(1, round(left.total_seconds()))
        raise PermissionDenied(
            f"too many failed sign-ins for {who}: wait {seconds} s and try again")


class FailureCounter:
    """Failures in a row per key (an unknown user name, a client), in memory."""

    def __init__(self) -> None:
        self._seen: OrderedDict[str, tuple[int, datetime]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, now: datetime) -> tuple[int, datetime | None]:
        with self._lock:
            count, last = self._seen.get(key, (0, None))
        if last is None or now - last >= QUIET:
            return 0, None
        return count, last

    def failed(self, key: str, now: datetime) -> int:
        count, _ = self.get(key, now)
        with self._lock:
            self._seen[key] = (count + 1, now)
            self._seen.move_to_end(key)
            while len(self._seen) > _REMEMBERED:
                self._seen.popitem(last=False)
        return count + 1

    def clear(self, key: str) -> None:
        with self._lock:
            self._seen.pop(key, None)


class SignInThrottle:
    """The in-memory half: unknown user names and clients (see the module docstring)."""

    def __init__(self) -> None:
        self.names = FailureCounter()
        self.clients = FailureCounter()

    def check_client(self, client: str, now: datetime) -> None:
        if client:
            count, last = self.clients.get(client, now)
            refuse_if_waiting(count, last, now, CLIENT_FREE_FAILURES, "this computer")

    def check_unknown(self, name: str, now: datetime) -> None:
        """An unknown name is answered like a known one: delays, then "locked"."""
        count, last = self.names.get(name.lower(), now)
        if count >= LOCK_AFTER:
            raise PermissionDenied(locked_message(name))
        refuse_if_waiting(count, last, now)

    def failed(self, client: str, unknown_name: str | None, now: datetime) -> None:
        if client:
            self.clients.failed(client, now)
        if unknown_name is not None:
            self.names.failed(unknown_name.lower(), now)

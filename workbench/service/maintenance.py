"""Use cases of the database itself: backups and restoring one.

The CLI (``python -m workbench admin backup FILE`` / ``restore FILE``) runs with the
database's own access, so it needs no sign-in; the admin page's download
(:meth:`MaintenanceCases.backup_download`) needs the ``manage_users`` right.
"""

from __future__ import annotations

from pathlib import Path

from workbench.service.users import UserCases
from workbench.service.views import User
from workbench.store import Store


class MaintenanceCases:
    """Backups (SQLite online backup API; pg_dump/pg_restore for PostgreSQL)."""

    def __init__(self, store: Store, users: UserCases) -> None:
        self.store = store
        self.users = users

    def backup_to(self, path: str | Path) -> str:
        """Write a consistent backup to ``path`` (CLI); says what it holds."""
        return self.store.backup(path)

    def restore_from(self, path: str | Path) -> str:
        """Replace the database by the backup at ``path`` (CLI), checked first."""
        return self.store.restore(path)

    def backup_download(self, actor: User) -> bytes:
        """A backup as bytes, for an admin to download."""
        self.users.check(actor, "manage_users")
        return self.store.backup_bytes()

    def backup_file_name(self) -> str:
        """What the download is called: SQLite file or pg_dump archive."""
        return "workbench-backup.db" if self.store.is_sqlite else "workbench-backup.dump"

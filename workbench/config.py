"""Settings: every ``WORKBENCH_*`` environment variable, read in one place.

:meth:`Settings.from_env` reads the environment once; the store, the service, the CLI
and the UI take a :class:`Settings` (or the values in it) instead of reading
``os.environ`` themselves, so a test or a script can pass its own.

The database is, in order: ``WORKBENCH_DB_URL`` (any SQLAlchemy URL, e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/db``), else the SQLite file
``workbench.db`` under ``WORKBENCH_DATA_DIR`` (default ``./data``).  That rule is
written once, in :meth:`Settings.database_url`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = "data"
DB_FILE = "workbench.db"
DEFAULT_MT_PROVIDER = "google"
DEFAULT_MT_URL = "http://localhost:5000/"
_YES = ("1", "true", "yes", "on")


def _number(env: Mapping[str, str], name: str, default: int) -> int:
    """A positive whole number from ``env[name]``; a bad value is an error naming it."""
    raw = env.get(name, "").strip().replace("_", "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) <= 0:
        raise ValueError(f"{name}={raw!r}: give a whole number above 0 (default {default})")
    return int(raw)
QUEUE_FILE = "queue.db"
#: How analysis jobs run: in a thread of the process that queues them (one machine),
#: only in ``python -m workbench worker`` processes (a desk), or at once in the caller.
JOB_MODES = ("thread", "external", "immediate")


@dataclass(frozen=True)
class Settings:
    """The workbench's configuration (every field has the default the app uses).

    ``db_url``: ``WORKBENCH_DB_URL`` ('' means SQLite under ``data_dir``);
    ``data_dir``: ``WORKBENCH_DATA_DIR``;
    ``mt_provider``/``mt_url``/``mt_api_key``: ``WORKBENCH_MT_PROVIDER``,
    ``WORKBENCH_MT_URL``, ``WORKBENCH_MT_API_KEY`` (online back-translation);
    ``analyser``: ``WORKBENCH_ANALYSER``, a ``module:function`` replacing the pipeline
    (end-to-end tests, benchmarks); ``as_password``: ``WORKBENCH_AS_PASSWORD``, the
    password of the CLI's ``--as`` user; ``new_password``: ``WORKBENCH_PASSWORD``, the
    password of a user the CLI creates.

    Safety (issue #12): ``demo``: ``WORKBENCH_DEMO`` (``1``/``true``/``yes``), the
    explicit demo mode, the only one in which the demo account (demo/demo) is created
    and may sign in; ``min_password_length``: ``WORKBENCH_MIN_PASSWORD_LENGTH`` (12);
    ``common_passwords``: ``WORKBENCH_COMMON_PASSWORDS``, a file of refused passwords
    ('' means the shipped list, ``none`` checks none); the caps on what an import may
    be, each refused before any work starts: ``max_upload_mb``
    (``WORKBENCH_MAX_UPLOAD_MB``, 50), ``max_unpacked_mb`` (``WORKBENCH_MAX_UNPACKED_MB``,
    64: what a .docx may unpack to, counted while unpacking), ``max_paragraphs``
    (``WORKBENCH_MAX_PARAGRAPHS``, 20,000 per file), ``max_paragraph_chars``
    (``WORKBENCH_MAX_PARAGRAPH_CHARS``, 100,000) and ``max_analyses_per_user``
    (``WORKBENCH_MAX_ANALYSES_PER_USER``, 2 at a time).
    ``jobs``: ``WORKBENCH_JOBS``, one of :data:`JOB_MODES` (default ``thread``);
    ``queue_url``: ``WORKBENCH_QUEUE_URL``, where job messages wait (``redis://…``,
    ``postgresql://…`` or ``sqlite:///…``; '' means next to the database, see
    :meth:`queue_location`); ``job_heartbeat_s``/``job_stale_s``:
    ``WORKBENCH_JOB_HEARTBEAT_S``/``WORKBENCH_JOB_STALE_S``, how often a running job says
    it is alive and after how long without a sign its worker counts as dead;
    ``job_threads``: ``WORKBENCH_JOB_THREADS``, jobs one process runs at once.
    """

    db_url: str = ""
    data_dir: Path = Path(DEFAULT_DATA_DIR)
    mt_provider: str = DEFAULT_MT_PROVIDER
    mt_url: str = ""
    mt_api_key: str = ""
    analyser: str = ""
    as_password: str | None = None
    new_password: str = ""
    demo: bool = False
    min_password_length: int = 12
    common_passwords: str = ""
    max_upload_mb: int = 50
    max_unpacked_mb: int = 64
    max_paragraphs: int = 20_000
    max_paragraph_chars: int = 100_000
    max_analyses_per_user: int = 2
    jobs: str = "thread"
    queue_url: str = ""
    job_heartbeat_s: float = 2.0
    job_stale_s: float = 30.0
    job_threads: int = 1

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings of ``environ`` (default: the process environment)."""
        env = os.environ if environ is None else environ
        return cls(
            db_url=env.get("WORKBENCH_DB_URL", "").strip(),
            data_dir=Path(env.get("WORKBENCH_DATA_DIR", "") or DEFAULT_DATA_DIR),
            mt_provider=env.get("WORKBENCH_MT_PROVIDER", "").strip() or DEFAULT_MT_PROVIDER,
            mt_url=env.get("WORKBENCH_MT_URL", "").strip(),
            mt_api_key=env.get("WORKBENCH_MT_API_KEY", ""),
            analyser=env.get("WORKBENCH_ANALYSER", "").strip(),
            as_password=env.get("WORKBENCH_AS_PASSWORD"),
            new_password=env.get("WORKBENCH_PASSWORD", ""),
            demo=env.get("WORKBENCH_DEMO", "").strip().lower() in _YES,
            min_password_length=_number(env, "WORKBENCH_MIN_PASSWORD_LENGTH", 12),
            common_passwords=env.get("WORKBENCH_COMMON_PASSWORDS", "").strip(),
            max_upload_mb=_number(env, "WORKBENCH_MAX_UPLOAD_MB", 50),
            max_unpacked_mb=_number(env, "WORKBENCH_MAX_UNPACKED_MB", 64),
            max_paragraphs=_number(env, "WORKBENCH_MAX_PARAGRAPHS", 20_000),
            max_paragraph_chars=_number(env, "WORKBENCH_MAX_PARAGRAPH_CHARS", 100_000),
            max_analyses_per_user=_number(env, "WORKBENCH_MAX_ANALYSES_PER_USER", 2),
            jobs=env.get("WORKBENCH_JOBS", "").strip() or "thread",
            queue_url=env.get("WORKBENCH_QUEUE_URL", "").strip(),
            job_heartbeat_s=float(env.get("WORKBENCH_JOB_HEARTBEAT_S", "") or 2.0),
            job_stale_s=float(env.get("WORKBENCH_JOB_STALE_S", "") or 30.0),
            job_threads=int(env.get("WORKBENCH_JOB_THREADS", "") or 1),
        )

    def database_url(self, create_dir: bool = True) -> str:
        """The database to use: ``db_url``, else SQLite ``workbench.db`` under
        ``data_dir`` (the directory is created unless ``create_dir`` is false)."""
        if self.db_url:
            return self.db_url
        if create_dir:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.data_dir / DB_FILE).resolve()}"

    def database_key(self) -> str:
        """What identifies the database (a cache key for the UI): its URL, without
        creating anything."""
        return self.database_url(create_dir=False)

    def queue_location(self, database_url: str | None = None) -> str:
        """Where job messages wait: ``queue_url``, else beside the database
        (``database_url``, default the configured one): a SQLite file
        ``<name>-queue.db`` next to a SQLite database (no server to run), or the same
        PostgreSQL database (every worker of a desk already reaches it)."""
        if self.queue_url:
            return self.queue_url
        url = database_url or self.database_url(create_dir=False)
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            return f"sqlite:///{path.with_name(path.stem + '-' + QUEUE_FILE)}"
        return url

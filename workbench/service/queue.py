"""The job queue engine: Huey carries "run job N" from whoever queues to a worker.

Where the messages wait is :meth:`workbench.config.Settings.queue_location`:

- ``sqlite:///…/workbench-queue.db`` (the default beside a SQLite database): Huey's
  ``SqliteHuey``, a file next to the database, no server to run;
- ``postgresql://…`` (the default beside a PostgreSQL database): Huey's SQL storage
  (peewee) in the workbench's own database, tables ``huey_*``; workers dequeue with
  ``FOR UPDATE SKIP LOCKED``;
- ``redis://…``: ``RedisHuey``, for a desk that runs Redis anyway.

The message is only a wake-up call: the job's row (:mod:`workbench.store.jobs`) holds
the files, the state and the progress, and a worker claims the row before running it,
so a message delivered twice, or lost with a dead worker, costs nothing (the reaper of
:mod:`workbench.service.worker` announces a forgotten job again).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from huey import Huey, RedisHuey, SqliteHuey
from huey.consumer import Consumer

from workbench.service.outage import Outage

log = logging.getLogger(__name__)
QUEUE_NAME = "workbench"
#: Longest wait between two looks at an empty queue (Huey backs off from 0.05 s).
MAX_POLL_S = 0.5


def _sql_huey(url: str) -> Huey:
    """Huey on PostgreSQL (or another SQL server) through peewee, tables ``huey_*``."""
    from huey.contrib.sql_huey import SqlStorage

    class PrefixedStorage(SqlStorage):
        def create_models(self):
            kv, schedule, task, counter = super().create_models()
            for model in (kv, schedule, task, counter):
                model._meta.set_table_name(f"huey_{model._meta.table_name}")
            # The task index was bound to the old name: bind it again.
            task._meta.indexes = [i for i in task._meta.indexes if isinstance(i, tuple)]
            task.add_index(task.priority.desc(), task.id)
            return kv, schedule, task, counter

    url = url.replace("postgresql+psycopg://", "postgresql://").replace(
        "postgresql+psycopg2://", "postgresql://")
    return Huey(QUEUE_NAME, results=False, storage_class=PrefixedStorage, database=url)


def make_huey(location: str) -> Huey:
    """The Huey instance for ``location`` (see the module docstring)."""
    if location.startswith("redis"):
        return RedisHuey(QUEUE_NAME, results=False, url=location)
    if location.startswith("sqlite:///"):
        return SqliteHuey(QUEUE_NAME, results=False,
                          filename=location.removeprefix("sqlite:///"), timeout=30)
    if location.startswith("postgres"):
        return _sql_huey(location)
    raise ValueError(f"WORKBENCH_QUEUE_URL {location!r}: use redis://, postgresql:// "
                     "or sqlite:/// (or leave it empty for the default beside the database)")


class _ThreadConsumer(Consumer):
    """Huey's consumer, startable from any thread (Streamlit runs the app's script in
    a thread of its own, where signal handlers cannot be set)."""

    def _set_signal_handlers(self) -> None:
        if threading.current_thread() is threading.main_thread():
            super()._set_signal_handlers()


class JobQueue:
    """Announces jobs and runs the announced ones with ``runner(job_id)``."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.huey = make_huey(location)
        self._runner: Callable[[int], None] | None = None
        self._stopping = threading.Event()
        self._task = self.huey.task(name="workbench.run_job")(self._run)

    def _run(self, job_id: int) -> None:
        if self._runner is None:  # a process that only queues never consumes
            raise RuntimeError("this process runs no jobs")
        self._runner(int(job_id))

    def _guard(self, outage: Outage) -> None:
        """Polls of the consumer that report an outage once and wait before retrying."""
        huey, stopping = self.huey, self._stopping

        def guarded(read: Callable, empty):
            def call(*args, **kwargs):
                try:
                    found = read(*args, **kwargs)
                except Exception as exc:  # noqa: BLE001 - any storage error is an outage
                    outage.failed(exc, "reading the job queue")
                    stopping.wait(outage.retry_s)
                    return empty
                outage.ok()
                return found
            return call

        huey.dequeue = guarded(huey.dequeue, None)
        huey.read_schedule = guarded(huey.read_schedule, [])

    def stop_polling(self) -> None:
        """Cut short a wait for the storage to come back (the consumer is stopping)."""
        self._stopping.set()

    def notify(self, job_id: int) -> None:
        """Tell a worker that job ``job_id`` waits."""
        self._task(job_id)

    def pending(self) -> int:
        """Messages waiting (for figures and tests)."""
        return self.huey.pending_count()

    def consumer(self, runner: Callable[[int], None], threads: int = 1,
                 outage: Outage | None = None) -> Consumer:
        """A Huey consumer running ``runner`` for each message, ``threads`` at once;
        ``start()`` it in the background or ``run()`` it in the main thread.  While the
        queue's storage is away it logs once through ``outage`` (not a traceback per
        poll) and retries every ``outage.retry_s``."""
        self._runner = runner
        self._guard(outage or Outage(f"the job queue ({self.location.split('://')[0]})"))
        return _ThreadConsumer(self.huey, workers=threads, periodic=False,
                               initial_delay=0.05, max_delay=MAX_POLL_S,
                               check_worker_health=True)

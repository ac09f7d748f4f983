"""PostgreSQL outages while reviewers keep saving: is every acknowledged save stored?

The real server is shared and never stopped: the service talks to it through a TCP
proxy (tests/tcp_proxy.py).  Each cycle the proxy is up for a while, then stopped
(connections cut, new ones refused) for ``--down`` seconds, then started again on the
same port.  Reviewer threads save corrections to their own link all along; a save
refused with ServiceUnavailable is retried with the same text and base version, like
a reviewer pressing save again.  A fresh database is created and dropped.

Prints: outages, save attempts, refusals (and how fast a refusal came), saves
acknowledged, found in the database, lost (must be 0), stored twice (must be 0),
retries that found their save already committed (answer lost during COMMIT), and the
time from the server being back to the next acknowledged save of every reviewer.

    python bench/bench_db_faults.py [--cycles 5] [--up 1.5] [--down 2] [--reviewers 3]
                                    [--restarts 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("OMP_NUM_THREADS", "2")

import psycopg  # noqa: E402

from fake_pipeline import fake_analyse  # noqa: E402
from ntrex import ntrex_dir  # noqa: E402
from tcp_proxy import TcpProxy  # noqa: E402
from workbench.errors import ServiceUnavailable  # noqa: E402
from workbench.service import Service  # noqa: E402
from workbench.store import Store, upgrade  # noqa: E402

ADMIN_DSN = os.environ.get("WORKBENCH_TEST_PG_URL",
                           "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@dataclass
class Reviewer:
    ordinal: int
    attempts: int = 0
    refusals: list[float] = field(default_factory=list)  # seconds each refusal took
    acked: list[tuple[int, str, float]] = field(default_factory=list)  # version, text, when
    already_committed: int = 0


def pg_url(name: str, port: int = 5432) -> str:
    base = ADMIN_DSN.rpartition("/")[0].replace("127.0.0.1:5432", f"127.0.0.1:{port}")
    return f"{base}/{name}"


def admin(sql: str) -> None:
    dsn = ADMIN_DSN.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)


def review_loop(service: Service, user, doc_id: int, me: Reviewer, stop: threading.Event,
                texts: list[str]) -> None:
    version, n = 0, 0
    while not stop.is_set():
        text = f"{texts[n % len(texts)]} [{me.ordinal}.{n}]"
        while True:  # the reviewer presses save until it is saved
            me.attempts += 1
            started = time.monotonic()
            started_wall = datetime.now(timezone.utc)
            try:
                saved = service.save_correction(user, doc_id, me.ordinal, text,
                                                base_version=version)
            except ServiceUnavailable:
                me.refusals.append(time.monotonic() - started)
                time.sleep(0.05)
                continue
            break
        if saved.created_at < started_wall:
            me.already_committed += 1
        version = saved.version
        me.acked.append((saved.version, saved.text, time.monotonic()))
        n += 1
        time.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=5)
    parser.add_argument("--up", type=float, default=1.5, help="seconds up per cycle")
    parser.add_argument("--down", type=float, default=2.0, help="seconds down per cycle")
    parser.add_argument("--reviewers", type=int, default=3)
    parser.add_argument("--restarts", type=int, default=30,
                        help="then this many instant restarts (cut all, listen again), "
                             "0.2 s apart: some land during a COMMIT")
    args = parser.parse_args()
    data = ntrex_dir()

    try:
        admin("SELECT 1")
    except Exception as exc:  # noqa: BLE001
        print(f"PostgreSQL unreachable ({exc}): nothing measured")
        return
    name = f"wb_bench_faults_{uuid.uuid4().hex[:8]}"
    admin(f'CREATE DATABASE "{name}"')
    proxy = TcpProxy().start()
    store = None
    try:
        upgrade(pg_url(name))
        store = Store(pg_url(name, proxy.port))
        service = Service(store, analyser=fake_analyse, bcrypt_rounds=4)
        root = service.create_user(None, "root", "pw-root-bench-passphrase", ["admin"])
        root = service.authenticate("root", "pw-root-bench-passphrase").user
        ar = data.joinpath("ar.txt").read_text(encoding="utf-8").splitlines()
        vi = data.joinpath("vi.txt").read_text(encoding="utf-8").splitlines()
        k = args.reviewers
        doc = service.import_document(root, "NTREX", "\n\n".join(vi[:k]).encode(), "v.txt",
                                      "\n\n".join(ar[:k]).encode(), "a.txt")
        users = []
        for i in range(k):
            service.create_user(root, f"r{i}", f"pw-r{i}-bench-passphrase", ["translator"])
            users.append(service.authenticate(f"r{i}", f"pw-r{i}-bench-passphrase").user)
        reviewers = [Reviewer(i) for i in range(k)]
        stop = threading.Event()
        threads = [threading.Thread(target=review_loop,
                                    args=(service, users[i], doc.id, reviewers[i], stop,
                                          ar[100 + 10 * i:110 + 10 * i]))
                   for i in range(k)]
        for t in threads:
            t.start()
        backs: list[float] = []
        began = time.monotonic()
        for _ in range(args.cycles):
            time.sleep(args.up)
            proxy.stop()
            time.sleep(args.down)
            proxy.start()
            backs.append(time.monotonic())
        for _ in range(args.restarts):
            time.sleep(0.2)
            proxy.stop()
            proxy.start()
        time.sleep(args.up)
        stop.set()
        for t in threads:
            t.join(timeout=30)
        elapsed = time.monotonic() - began

        dsn = pg_url(name).replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn, connect_timeout=3) as conn:
            stored = conn.execute(
                "SELECT l.ordinal, r.version, r.text FROM revisions r JOIN links l "
                "ON l.id = r.link_id WHERE r.kind = 'edit' ORDER BY r.id").fetchall()
            conflicts = conn.execute(
                "SELECT count(*) FROM revisions WHERE kind = 'conflict'").fetchone()[0]
        in_db = {(o, v, t) for o, v, t in stored}
        acked = [(r.ordinal, v, t) for r in reviewers for v, t, _ in r.acked]
        lost = [a for a in acked if a not in in_db]
        twice = len(stored) - len(in_db)
        unacked_stored = len(in_db - set(acked))
        recover = []
        for back in backs:
            for r in reviewers:
                after = [when for _, _, when in r.acked if when >= back]
                if after:
                    recover.append(after[0] - back)
        refusals = [s for r in reviewers for s in r.refusals]
    finally:
        if store is not None:
            store.dispose()
        proxy.stop()
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    print(f"outages: {args.cycles} x {args.down:g} s down, then {args.restarts} instant "
          f"restarts ({args.reviewers} reviewers, {elapsed:.1f} s)")
    print(f"save attempts: {sum(r.attempts for r in reviewers)}, refused with "
          f"ServiceUnavailable: {len(refusals)} (median {statistics.median(refusals) * 1000:.0f} ms,"
          f" max {max(refusals) * 1000:.0f} ms to refuse)" if refusals else "no refusal")
    print(f"saves acknowledged: {len(acked)}")
    print(f"found in DB: {len(acked) - len(lost)}")
    print(f"lost: {len(lost)}")
    print(f"stored twice: {twice}; stored but never acknowledged: {unacked_stored}; "
          f"conflict revisions: {conflicts}")
    print(f"retries whose save was already committed (answer lost during COMMIT): "
          f"{sum(r.already_committed for r in reviewers)}")
    if recover:
        print(f"time to recover after the proxy is back (next acknowledged save, per "
              f"reviewer and outage): median {statistics.median(recover) * 1000:.0f} ms, "
              f"max {max(recover) * 1000:.0f} ms")


if __name__ == "__main__":
    main()

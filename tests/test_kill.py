"""A process saving corrections is SIGKILLed mid-way, three times over: after each
kill the database is consistent, not locked, and holds every acknowledged save."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent / "bench" / "load_reviewers.py"
ROUNDS = 3


def _bench():
    spec = importlib.util.spec_from_file_location("load_reviewers", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_reviewers"] = module
    spec.loader.exec_module(module)
    return module


def _run_and_kill(url: str, doc_id: int, acks_before_kill: int) -> list[dict]:
    """Start a child that saves with two threads; SIGKILL it once it has acknowledged
    ``acks_before_kill`` saves; return every acknowledgement it printed."""
    child = subprocess.Popen(
        [sys.executable, str(HERE / "kill_child.py"), url, str(doc_id), "r0", "r0-bench-passphrase", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    records = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"child died on its own: {child.stderr.read()[-2000:]}")
            records.append(json.loads(line))
            if sum("id" in r for r in records) >= acks_before_kill:
                time.sleep(random.uniform(0, 0.02))  # land anywhere in the next save
                break
        else:
            pytest.fail("child made no progress in 60 s")
    finally:
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
    # Lines already written before the kill are acknowledgements too.
    records += [json.loads(line) for line in rest.splitlines() if line.strip()]
    assert child.returncode == -signal.SIGKILL
    return records


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_acknowledged_saves_survive_sigkill(kind):
    bench = _bench()
    if kind == "postgresql" and (reason := bench.pg_reachable()):
        pytest.skip(reason)
    from workbench.service import Service
    from workbench.store import RevisionRow, Store

    db = bench.Database(kind)
    try:
        doc_id = bench.prepare(db.url, reviewers=2, links=5)
        acked, conflicts = [], []
        rng = random.Random(7)
        for _ in range(ROUNDS):
            records = _run_and_kill(db.url, doc_id, rng.randint(10, 40))
            acked += [r for r in records if "id" in r]
            conflicts += [r for r in records if "conflict" in r]

            store = Store(db.url)  # "restart"
            if kind == "sqlite":
                with store.engine.connect() as conn:
                    assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            with store.read() as s:
                rows = {r.id: r for r in s.scalars(
                    select(RevisionRow).where(RevisionRow.doc_id == doc_id))}
            missing = [a for a in acked if a["id"] not in rows or
                       (rows[a["id"]].version, rows[a["id"]].text) != (a["version"], a["text"])]
            assert missing == [], f"{len(missing)} acknowledged saves lost"
            assert all(rows[c["conflict"]].text == c["text"] for c in conflicts)
            by_link = {}
            for r in rows.values():
                if r.version is not None:
                    by_link.setdefault(r.link_id, []).append(r)
            for chain in by_link.values():
                chain.sort(key=lambda r: r.version)
                assert [r.version for r in chain] == list(range(1, len(chain) + 1))
                assert [r.parent_id for r in chain] == [None] + [r.id for r in chain[:-1]]

            # Not left locked: a new reviewer saves at once on top of the last version.
            service = Service(store, bcrypt_rounds=4)
            user = service.authenticate("r1", "r1-bench-passphrase").user
            row = service.get_review(user, doc_id).rows[0]
            started = time.monotonic()
            saved = service.save_correction(user, doc_id, 0, row.current_text + " ✓",
                                            row.version)
            assert saved.version == row.version + 1 and time.monotonic() - started < 5
            acked.append({"id": saved.id, "version": saved.version, "text": saved.text})
            store.dispose()
        assert len(acked) >= ROUNDS * 10
    finally:
        db.drop()

"""Several reviewers saving corrections to one document at once: is anything lost?

    python bench/load_reviewers.py [--seconds 60] [--reviewers 8] [--links 4]
                                   [--db sqlite|postgresql|both] [--processes]

Each reviewer opens the review (``get_review``), picks one of a few links (few, so
they collide), and saves a new text based on the version it saw; a refused save
(``SaveConflict``) is counted, and the reviewer reloads and goes on.  Afterwards the
database is checked against what the reviewers were told:

- every acknowledged save is there, with its text and version (lost = 0),
- every refused save is there as a conflict revision (both texts kept),
- no revision is there that nobody was told about, versions per link run 1..n with
  each revision's parent the one before,
- every reviewer finished (no deadlock) and no save failed with another error.

Speed is printed as a ratio against one reviewer alone, measured in the same run.
PostgreSQL: a database is created for the run on ``WORKBENCH_TEST_PG_URL`` (default
postgres@127.0.0.1:5432/test) and dropped at the end.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from workbench.model.link import Link  # noqa: E402
from workbench.pipeline import Analysis  # noqa: E402

PG_ADMIN_URL = os.environ.get(
    "WORKBENCH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def one_to_one(source, target, glossary=None, backend=None, progress=None, links=None):
    """No model: paragraph k to paragraph k (the bench measures saving, not aligning)."""
    links = links or [Link((k,), (k,), 1.0, (), "bench:one-to-one") for k in
                      range(min(len(source), len(target)))]
    return Analysis(tuple(links), (), "bench:one-to-one")


# --------------------------------------------------------------------------- databases


class Database:
    """A fresh database of one kind for one run; ``drop()`` removes it."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        if kind == "sqlite":
            self._dir = tempfile.mkdtemp(prefix="wb_load_")
            self.url = f"sqlite:///{self._dir}/load.db"
        else:
            import psycopg

            self.name = f"wb_load_{os.getpid()}_{uuid.uuid4().hex[:8]}"
            base = PG_ADMIN_URL.rpartition("/")[0]
            self.url = f"{base}/{self.name}"
            self._admin = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(self._admin, autocommit=True, connect_timeout=3) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
        from workbench.store import upgrade

        upgrade(self.url)

    def drop(self) -> None:
        if self.kind == "sqlite":
            import shutil

            shutil.rmtree(self._dir, ignore_errors=True)
            return
        import psycopg

        with psycopg.connect(self._admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def pg_reachable() -> str | None:
    """None if PostgreSQL answers, else why not."""
    try:
        import psycopg

        psycopg.connect(PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://"),
                        connect_timeout=3).close()
    except Exception as exc:  # noqa: BLE001
        return f"PostgreSQL at {PG_ADMIN_URL} is unreachable: {exc}"
    return None


def prepare(url: str, reviewers: int, links: int) -> int:
    """Users r0..rN and one document of ``links`` news paragraphs (tests/corpus.py); its id."""
    from workbench.service import Service
    from workbench.store import Store

    store = Store(url)
    service = Service(store, analyser=one_to_one, bcrypt_rounds=4)
    admin = service.create_user(None, "admin", "admin-bench-passphrase", "admin")
    for k in range(reviewers):
        service.create_user(admin, f"r{k}", f"r{k}-bench-passphrase", "translator")
    from corpus import news_document

    vi, ar = news_document(20, links)
    doc = service.import_document(admin, "load", vi, "load.vi.txt", ar, "load.ar.txt")
    store.dispose()
    return doc.id


# --------------------------------------------------------------------------- reviewers


@dataclass
class Outcome:
    """What one reviewer was told."""

    acked: list[tuple[int, int, int, str]] = field(default_factory=list)  # id, link, ver, text
    conflicts: list[tuple[int, str]] = field(default_factory=list)  # conflict rev id, text
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    finished: bool = False


def review(url: str, name: str, doc_id: int, seconds: float, seed: int,
           think: float = 0.0, store=None) -> Outcome:
    """One reviewer's loop: open, edit one link, save; until time is up."""
    from workbench.service import SaveConflict, Service
    from workbench.store import Store

    own = store is None
    store = store or Store(url)
    service = Service(store, bcrypt_rounds=4)
    rng = random.Random(seed)
    out = Outcome()
    user = service.authenticate(name, f"{name}-bench-passphrase").user
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        try:
            rows = service.get_review(user, doc_id).rows
            row = rows[rng.randrange(len(rows))]
            if think:
                time.sleep(rng.uniform(0, 2 * think))
            n += 1
            text = f"{row.mt_text} — {name} sửa lần {n}"
            started = time.perf_counter()
            try:
                saved = service.save_correction(user, doc_id, row.ordinal, text, row.version,
                                                link_id=row.link_id)
                out.latencies.append(time.perf_counter() - started)
                out.acked.append((saved.id, saved.link_id, saved.version, text))
            except SaveConflict as conflict:
                out.latencies.append(time.perf_counter() - started)
                out.conflicts.append((conflict.conflict_revision_id, text))
        except Exception as exc:  # noqa: BLE001 - counted and printed, never hidden
            out.errors.append(f"{type(exc).__name__}: {exc}"[:300])
    out.finished = True
    if own:
        store.dispose()
    return out


def _review_process(args) -> Outcome:
    return review(*args)


def run(url: str, doc_id: int, reviewers: int, seconds: float, processes: bool = False,
        think: float = 0.0) -> tuple[list[Outcome], float, bool]:
    """Run the reviewers; returns their outcomes, wall time, and whether all finished
    within the time limit (False = a hang or deadlock)."""
    started = time.monotonic()
    limit = seconds + 60
    if processes:
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(reviewers) as pool:
            job = pool.map_async(_review_process, [
                (url, f"r{k}", doc_id, seconds, k, think) for k in range(reviewers)])
            job.wait(limit)
            ok = job.ready()
            outcomes = job.get() if ok else []
        return outcomes, time.monotonic() - started, ok
    from workbench.store import Store

    store = Store(url)
    outcomes = [Outcome() for _ in range(reviewers)]

    def work(k: int) -> None:
        outcomes[k] = review(url, f"r{k}", doc_id, seconds, k, think, store=store)

    threads = [threading.Thread(target=work, args=(k,), daemon=True) for k in range(reviewers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.1, limit - (time.monotonic() - started)))
    ok = not any(t.is_alive() for t in threads) and all(o.finished for o in outcomes)
    store.dispose()
    return outcomes, time.monotonic() - started, ok


# --------------------------------------------------------------------------- checking


def audit(url: str, doc_id: int, outcomes: list[Outcome]) -> dict:
    """Compare what reviewers were told with what the database holds."""
    from sqlalchemy import select

    from workbench.store import RevisionRow, Store

    store = Store(url)
    with store.session() as s:
        rows = s.execute(select(RevisionRow.id, RevisionRow.link_id, RevisionRow.version,
                                RevisionRow.kind, RevisionRow.text, RevisionRow.parent_id)
                         .where(RevisionRow.doc_id == doc_id)).all()
    store.dispose()
    stored = {r.id: r for r in rows}
    acked = [a for o in outcomes for a in o.acked]
    conflicts = [c for o in outcomes for c in o.conflicts]
    lost = sum(1 for rid, link, ver, text in acked
               if rid not in stored or (stored[rid].link_id, stored[rid].version,
                                        stored[rid].text) != (link, ver, text))
    lost_conflicts = sum(1 for rid, text in conflicts
                         if rid not in stored or stored[rid].text != text
                         or stored[rid].kind != "conflict")
    told = {a[0] for a in acked} | {c[0] for c in conflicts}
    unannounced = sum(1 for r in rows if r.id not in told)
    broken_chains = 0
    by_link: dict[int, list] = {}
    for r in rows:
        if r.version is not None:
            by_link.setdefault(r.link_id, []).append(r)
    for versions in by_link.values():
        versions.sort(key=lambda r: r.version)
        if [r.version for r in versions] != list(range(1, len(versions) + 1)):
            broken_chains += 1
            continue
        parents = [None] + [r.id for r in versions[:-1]]
        broken_chains += sum(1 for r, p in zip(versions, parents) if r.parent_id != p)
    latencies = sorted(x for o in outcomes for x in o.latencies)
    return {
        "acknowledged": len(acked),
        "found": len(acked) - lost,
        "lost": lost,
        "conflicts": len(conflicts),
        "conflicts_kept": len(conflicts) - lost_conflicts,
        "unannounced_revisions": unannounced,
        "broken_version_chains": broken_chains,
        "errors": sum(len(o.errors) for o in outcomes),
        "error_samples": sorted({e for o in outcomes for e in o.errors})[:3],
        "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))] if latencies else None,
    }


def measure(kind: str, reviewers: int, seconds: float, links: int, processes: bool = False,
            think: float = 0.0, baseline_seconds: float | None = None) -> dict:
    """Baseline (one reviewer) and the crowd on a fresh database of ``kind``."""
    db = Database(kind)
    try:
        doc_id = prepare(db.url, reviewers, links)
        base_s = baseline_seconds if baseline_seconds is not None else min(10.0, seconds / 4)
        base, base_wall, _ = run(db.url, doc_id, 1, base_s, think=think)
        outcomes, wall, finished = run(db.url, doc_id, reviewers, seconds, processes, think)
        figures = audit(db.url, doc_id, base + outcomes)
        single = len(base[0].acked) / base_s
        # Over the reviewing time asked for: process start-up is not reviewing.
        crowd = (len([a for o in outcomes for a in o.acked]) +
                 len([c for o in outcomes for c in o.conflicts])) / seconds
        figures.update({
            "db": kind, "reviewers": reviewers, "seconds": round(wall, 1),
            "all_finished": finished, "saves_per_s_1_reviewer": round(single, 1),
            "attempts_per_s_crowd": round(crowd, 1),
            "crowd_vs_1_reviewer": round(crowd / single, 2) if single else None,
        })
        return figures
    finally:
        db.drop()


def compare_synchronous(args) -> int:
    """SQLite with synchronous=NORMAL, then FULL (the default): the p95 save time of
    each, so the README can say what durability across an OS crash costs."""
    import workbench.store.database as database

    p95 = {}
    for mode in ("NORMAL", "FULL"):
        database.SQLITE_SYNCHRONOUS = mode
        f = measure("sqlite", args.reviewers, args.seconds, args.links, False, args.think)
        p95[mode] = f["p95_ms"]
        print(f"sqlite synchronous={mode}: {f['acknowledged']} saves acknowledged, "
              f"lost {f['lost']}, save p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms")
        if f["lost"] or f["errors"]:
            return 1
    print(f"p95 save time: NORMAL {p95['NORMAL']:.1f} ms, FULL {p95['FULL']:.1f} ms "
          f"(+{p95['FULL'] - p95['NORMAL']:.1f} ms for durability across an OS crash)")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--reviewers", type=int, default=8)
    parser.add_argument("--links", type=int, default=4,
                        help="links in the document (few = many collisions)")
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--processes", action="store_true",
                        help="one process per reviewer instead of threads")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a reviewer spends between opening and saving")
    parser.add_argument("--synchronous", choices=["FULL", "NORMAL", "both"], default="FULL",
                        help="SQLite's synchronous setting (both: measure the cost of FULL)")
    args = parser.parse_args(argv)
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    if args.synchronous == "both" and "sqlite" in kinds:
        return compare_synchronous(args)
    import workbench.store.database as database

    database.SQLITE_SYNCHRONOUS = args.synchronous
    failed = False
    for kind in kinds:
        if kind == "postgresql" and (reason := pg_reachable()):
            print(f"postgresql: skipped: {reason}")
            continue
        f = measure(kind, args.reviewers, args.seconds, args.links, args.processes, args.think)
        mode = "processes" if args.processes else "threads"
        print(f"{kind}: {f['reviewers']} reviewers ({mode}), {f['seconds']} s, "
              f"{args.links} links")
        print(f"  acknowledged saves (baseline + crowd) {f['acknowledged']}, "
              f"found in DB {f['found']}, "
              f"LOST {f['lost']}")
        print(f"  conflicts reported {f['conflicts']}, kept as conflict revisions "
              f"{f['conflicts_kept']}")
        print(f"  unannounced revisions {f['unannounced_revisions']}, broken version chains "
              f"{f['broken_version_chains']}, other errors {f['errors']}, "
              f"all reviewers finished: {f['all_finished']}")
        print(f"  save latency p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms; "
              f"1 reviewer {f['saves_per_s_1_reviewer']} saves/s, crowd "
              f"{f['attempts_per_s_crowd']} attempts/s = {f['crowd_vs_1_reviewer']}x")
        for sample in f["error_samples"]:
            print(f"  error: {sample}")
        failed |= bool(f["lost"] or f["errors"] or not f["all_finished"]
                       or f["conflicts_kept"] != f["conflicts"]
                       or f["unannounced_revisions"] or f["broken_version_chains"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

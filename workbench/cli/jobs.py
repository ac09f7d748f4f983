"""``python -m workbench worker|batch``: run analysis jobs, queue many documents.

    python -m workbench worker [--threads N]
    python -m workbench batch DIR [--wait] [--as USER]
    python -m workbench batch --urls PAIRS.tsv [--wait] [--as USER]

``worker`` runs queued analyses until Ctrl-C (or SIGTERM, which lets the running job
finish); start one on each machine of a desk, all pointed at the same database
(``WORKBENCH_DB_URL``) and queue (``WORKBENCH_QUEUE_URL``, default the same database).
``batch`` queues one job per pair: in DIR, ``NAME.vi.EXT`` with ``NAME.ar.EXT``; in
PAIRS.tsv, ``VIETNAMESE_URL<TAB>ARABIC_URL`` a line.  It returns once they are queued,
or, with ``--wait``, runs them in this process and waits for the last.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from workbench.cli.files import read_bytes
from workbench.config import Settings
from workbench.errors import WorkbenchError


def cmd_worker(args: argparse.Namespace) -> int:
    from workbench.service import open_service, plugged_analyser
    from workbench.service.worker import Worker

    settings = replace(Settings.from_env(), jobs="external")
    analyser, rescorer = plugged_analyser()
    options = {"rescorer": rescorer} if rescorer else {}
    service = open_service(args.db, analyser=analyser, settings=settings, **options)
    if analyser is None and not args.no_warm_up:
        from workbench.align.embedding import get_backend

        get_backend().embed(["Xin chào.", "مرحبا."])  # the first job does not wait for it
    worker = Worker(service.jobs, args.threads)
    print(f"worker {worker.name} ready: queue {service.jobs.queue.location}, "
          f"{worker.threads} thread(s)", file=sys.stderr, flush=True)
    worker.run()
    return 0


def pairs_in(directory: str) -> list[tuple[Path, Path]]:
    """``NAME.vi.EXT`` with ``NAME.ar.EXT`` of ``directory``; an unpaired file is an error
    naming it."""
    root = Path(directory)
    if not root.is_dir():
        raise WorkbenchError(f"{directory}: not a directory; give the folder of the files")
    files = sorted(p for p in root.iterdir() if p.is_file())
    by_stem = {(p.name.split(".")[0], p.name.split(".")[1] if p.name.count(".") >= 2 else "")
               : p for p in files}
    pairs, lonely = [], []
    for (stem, lang), path in sorted(by_stem.items()):
        if lang == "vi":
            other = by_stem.get((stem, "ar"))
            (pairs.append((path, other)) if other else lonely.append(path.name))
        elif lang == "ar" and (stem, "vi") not in by_stem:
            lonely.append(path.name)
    if lonely:
        raise WorkbenchError(f"{directory}: no partner for {', '.join(lonely)}; name the files "
                             "NAME.vi.txt and NAME.ar.txt (any extension)")
    if not pairs:
        raise WorkbenchError(f"{directory}: no NAME.vi.* / NAME.ar.* pair found")
    return pairs


def url_pairs(data: bytes, name: str) -> list[tuple[str, str]]:
    """``vi_url<TAB>ar_url`` a line (blank lines and ``#`` comments skipped)."""
    pairs = []
    for number, line in enumerate(data.decode("utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 2 or not all(parts):
            raise WorkbenchError(f"{name}: line {number}: expected VIETNAMESE_URL<TAB>ARABIC_URL")
        pairs.append((parts[0], parts[1]))
    return pairs


def cmd_batch(args: argparse.Namespace) -> int:
    from workbench.cli.export import _session_user

    if bool(args.directory) == bool(args.urls):
        raise WorkbenchError("batch: give a folder of NAME.vi.* / NAME.ar.* files, "
                             "or --urls PAIRS.tsv (not both)")
    service, user = _session_user(args)
    jobs, problems = [], []
    if args.urls:
        for vi_url, ar_url in url_pairs(read_bytes(args.urls, "the URL list"), args.urls):
            try:
                jobs.append(service.submit_urls(user, "", vi_url, ar_url))
            except WorkbenchError as exc:
                problems.append(str(exc))
    else:
        for vi, ar in pairs_in(args.directory):
            try:
                jobs.append(service.submit_document(user, vi.name.split(".")[0],
                                                    vi.read_bytes(), vi.name,
                                                    ar.read_bytes(), ar.name))
            except WorkbenchError as exc:
                problems.append(str(exc))
    for job in jobs:
        print(f"queued job {job.id}: {job.title}", file=sys.stderr)
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)
    if args.wait and jobs:
        _wait(service, user, [j.id for j in jobs])
    return 2 if problems else 0


def _wait(service, user, job_ids: list[int]) -> None:
    service.start_worker()
    try:
        while True:
            views = [service.job(user, k) for k in job_ids]
            if not any(v.active for v in views):
                break
            time.sleep(0.5)
    finally:
        service.stop_worker()
    for v in views:
        print(f"job {v.id} {v.state}: {v.title}" + (f" ({v.error})" if v.error else "")
              + (f" -> document {v.doc_id}" if v.doc_id else ""))


def register(sub) -> None:
    p = sub.add_parser("worker", help="run queued analysis jobs until interrupted")
    p.add_argument("--threads", type=int, default=None,
                   help="jobs at once (default WORKBENCH_JOB_THREADS or 1)")
    p.add_argument("--db", default=None, help="database URL (default: the app's)")
    p.add_argument("--no-warm-up", action="store_true",
                   help="do not load the embedding model before the first job")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("batch", help="queue the analysis of many documents")
    p.add_argument("directory", nargs="?", help="folder of NAME.vi.* / NAME.ar.* files")
    p.add_argument("--urls", metavar="PAIRS.tsv",
                   help="VIETNAMESE_URL<TAB>ARABIC_URL a line, instead of a folder")
    p.add_argument("--wait", action="store_true",
                   help="run the jobs in this process and wait for them")
    p.add_argument("--as", dest="as_user", default="demo",
                   help="user to act as (password from WORKBENCH_AS_PASSWORD or a prompt)")
    p.add_argument("--db", default=None, help="database URL (default: the app's)")
    p.set_defaults(func=cmd_batch)

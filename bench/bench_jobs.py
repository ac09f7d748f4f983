"""Background analysis jobs, timed with the real pipeline on NTREX-128:

1. a 1,000-paragraph document (1,000 + 1,000 paragraphs) imported as a job, against the
   floor: the same model embedding those 2,000 paragraphs once, in the same run
   (target: import <= 1.3 x floor), in wall time and in this process's CPU time
   (other processes on shared cores stretch wall times unevenly);
2. a 40-paragraph article: seconds from upload until it is ready, with the app's
   in-process worker already warm (target <= 10 s on 2 cores), next to the time the
   model takes to embed its 80 paragraphs just before (how busy the machine is);
3. a batch of 20 articles (NTREX documents) through 1 and then 2 worker processes
   (``python -m workbench worker``, one thread each): wall time, and the 2-worker time
   over the 1-worker time (target <= 1/2 x 1.2 = 0.6).

    python bench/bench_jobs.py [--paragraphs 1000] [--articles 20] [--skip-batch]

Needs ``../shared/data/ntrex-dev`` (exit 2 with a message when it is missing).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ntrex import ntrex_dir  # noqa: E402


def _lines(n: int) -> tuple[list[str], list[str]]:
    d = ntrex_dir()
    vi = (d / "vi.txt").read_text(encoding="utf-8").splitlines()
    ar = (d / "ar.txt").read_text(encoding="utf-8").splitlines()
    return vi[:n], ar[:n]


def _documents(count: int) -> list[tuple[list[str], list[str]]]:
    d = ntrex_dir()
    vi = (d / "vi.txt").read_text(encoding="utf-8").splitlines()
    ar = (d / "ar.txt").read_text(encoding="utf-8").splitlines()
    ids = (d / "doc_ids.txt").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[int]] = {}
    for k, doc in enumerate(ids):
        docs.setdefault(doc, []).append(k)
    picked = [rows for rows in docs.values() if len(rows) >= 5][:count]
    return [([vi[k] for k in rows], [ar[k] for k in rows]) for rows in picked]


def _service(url: str, jobs: str):
    from workbench.config import Settings
    from workbench.service import open_service

    service = open_service(url, settings=Settings(jobs=jobs), bcrypt_rounds=4)
    if not service.has_user("bench"):
        service.create_user(None, "bench", "bench-jobs-passphrase", ["admin"])
    return service, service.authenticate("bench", "bench-jobs-passphrase").user


def _until_done(service, user, job_ids, timeout=3600, poll=0.05) -> None:
    """Wait for the jobs, looking every ``poll`` seconds in one query (a tight loop of
    one read per job would take a core from the workers being measured)."""
    deadline = time.monotonic() + timeout
    wanted = set(job_ids)
    while time.monotonic() < deadline:
        jobs = [j for j in service.list_jobs(user, limit=len(wanted) + 50) if j.id in wanted]
        if len(jobs) == len(wanted) and not any(j.active for j in jobs):
            bad = [j for j in jobs if j.state != "done"]
            if bad:
                raise SystemExit(f"jobs did not finish: {bad[:3]}")
            return
        time.sleep(poll)
    raise SystemExit("timed out")


def long_document(url: str, n: int) -> None:
    from workbench.align.embedding import get_backend

    vi, ar = _lines(n)
    backend = get_backend()
    backend.embed(["khởi động", "تسخين"])  # the model is loaded before anything is timed
    backend._cache.clear()
    service, user = _service(url, "immediate")
    start, cpu = time.perf_counter(), time.process_time()
    backend.embed(vi + ar)
    floor, floor_cpu = time.perf_counter() - start, time.process_time() - cpu
    backend._cache.clear()
    start, cpu = time.perf_counter(), time.process_time()
    job = service.submit_document(user, "long", "\n\n".join(vi).encode(), "long.vi.txt",
                                  "\n\n".join(ar).encode(), "long.ar.txt")
    took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert job.state == "done", job.error
    n = len(vi)  # NTREX dev has 956 lines: a "1,000-paragraph" document is 956 + 956
    print(f"1. {n}+{n} paragraphs: import {took:.1f} s, embedding floor {floor:.1f} s, "
          f"ratio {took / floor:.2f} (target <= 1.3); CPU time {took_cpu:.1f} s vs "
          f"{floor_cpu:.1f} s, ratio {took_cpu / floor_cpu:.2f} (less sensitive to other "
          "processes on the machine)", flush=True)


def article_latency(url: str) -> None:
    from workbench.align.embedding import get_backend

    vi, ar = _lines(40)
    service, user = _service(url, "thread")
    backend = get_backend()
    backend.embed(["khởi động", "تسخين"])
    backend._cache.clear()  # the long document's paragraphs are not reused
    start = time.perf_counter()
    backend.embed(vi + ar)
    floor = time.perf_counter() - start
    backend._cache.clear()
    service.start_worker()
    try:
        start = time.perf_counter()
        job = service.submit_document(user, "article", "\n\n".join(vi).encode(), "a.vi.txt",
                                      "\n\n".join(ar).encode(), "a.ar.txt")
        returned = time.perf_counter() - start
        _until_done(service, user, [job.id])
        ready = time.perf_counter() - start
    finally:
        service.stop_worker()
    print(f"2. 40-paragraph article: upload returned in {returned * 1000:.0f} ms, ready "
          f"{ready:.1f} s after upload (target <= 10 s); embedding its 80 paragraphs "
          f"alone took {floor:.1f} s just before (ratio {ready / floor:.2f})", flush=True)


def _workers(url: str, n: int, log: Path) -> list[subprocess.Popen]:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "WORKBENCH_JOBS": "external"}
    procs = []
    for k in range(n):
        out = open(log / f"worker{k}.log", "w")
        procs.append(subprocess.Popen([sys.executable, "-m", "workbench", "worker", "--db", url],
                                      cwd=ROOT, env=env, stdout=out, stderr=out))
    for k, proc in enumerate(procs):
        while "ready" not in (log / f"worker{k}.log").read_text():
            if proc.poll() is not None:
                raise SystemExit((log / f"worker{k}.log").read_text()[-2000:])
            time.sleep(0.1)
    return procs


def batch(tmp: Path, articles: int) -> None:
    docs = _documents(articles)
    paragraphs = sum(len(v) for v, _ in docs)
    times = {}
    for n in (1, 2):
        url = f"sqlite:///{tmp / f'batch{n}.db'}"
        service, user = _service(url, "external")
        procs = _workers(url, n, tmp)  # warm (model loaded) before the clock starts
        start = time.perf_counter()
        ids = [service.submit_document(user, f"d{k}", "\n\n".join(v).encode(), f"d{k}.vi.txt",
                                       "\n\n".join(a).encode(), f"d{k}.ar.txt").id
               for k, (v, a) in enumerate(docs)]
        cpu = sum(_cpu_seconds(p.pid) for p in procs)
        _until_done(service, user, ids, poll=0.5)
        times[n] = time.perf_counter() - start
        cpu = sum(_cpu_seconds(p.pid) for p in procs) - cpu
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)
        print(f"3. batch of {len(docs)} articles ({paragraphs} paragraphs a side), "
              f"{n} worker(s): {times[n]:.1f} s; the workers' CPU time {cpu:.1f} s, "
              f"{cpu / times[n]:.2f} cores busy on average (load {os.getloadavg()[0]:.1f})",
              flush=True)
    print(f"   2 workers / 1 worker = {times[2] / times[1]:.2f} (target <= 0.60); "
          f"cores: {os.cpu_count()}")


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process so far, from /proc (0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    ntrex_dir()
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        long_document(f"sqlite:///{tmp / 'long.db'}", args.paragraphs)
        article_latency(f"sqlite:///{tmp / 'article.db'}")
        if not args.skip_batch:
            batch(tmp, args.articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

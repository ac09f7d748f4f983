"""Dashboard time with post-edit chrF++/TER: first load, reload, reload after a save.

Imports ``--documents`` documents of ``--paragraphs`` ntrex-dev paragraphs each (fast
fake analyser), corrects every tenth link, then times ``Service.dashboard`` over all
documents against a baseline measured in the same run: scoring the same pairs with
``workbench.postedit.metrics.measure_document`` (no cache), which is what the dashboard would
cost on every load without ``workbench.postedit.corpus_stats``.

    python bench/bench_dashboard.py [--documents 3] [--paragraphs 300]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("OMP_NUM_THREADS", "2")

from ntrex import ntrex_dir  # noqa: E402


def ntrex_document(start: int, count: int) -> tuple[bytes, bytes]:
    """``count`` NTREX paragraphs from line ``start``, as blank-line separated files."""
    data = ntrex_dir()
    vi = data.joinpath("vi.txt").read_text(encoding="utf-8").splitlines()[start:start + count]
    ar = data.joinpath("ar.txt").read_text(encoding="utf-8").splitlines()[start:start + count]
    return "\n\n".join(vi).encode("utf-8"), "\n\n".join(ar).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3)
    parser.add_argument("--paragraphs", type=int, default=300)
    args = parser.parse_args()

    from db_fixtures import fake_analyse, fake_rescore

    from workbench.postedit.metrics import measure_document
    from workbench.service import Service
    from workbench.store import Store, upgrade

    url = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    upgrade(url)
    service = Service(Store(url), analyser=fake_analyse, rescorer=fake_rescore,
                      bcrypt_rounds=4)
    root = service.create_user(None, "root", "root-bench-passphrase", "admin")
    pairs = []
    for k in range(args.documents):
        vi, ar = ntrex_document(k * args.paragraphs % 900, args.paragraphs)
        doc = service.import_document(root, f"doc {k}", vi, "v.txt", ar, "a.txt")
        for row in service.get_review(root, doc.id).rows[::10]:
            service.save_correction(root, doc.id, row.ordinal, row.mt_text + " تصحيح", 0)
        pairs += [(r.mt_text, r.current_text) for r in service.get_review(root, doc.id).rows]

    def timed(call) -> float:
        start = time.perf_counter()
        call()
        return time.perf_counter() - start

    baseline = timed(lambda: measure_document(pairs))
    first = timed(lambda: service.dashboard(root))
    again = timed(lambda: service.dashboard(root))
    row = service.get_review(root, doc.id).rows[5]
    service.save_correction(root, doc.id, 5, row.current_text + " ثانية", row.version)
    after_save = timed(lambda: service.dashboard(root))
    print(f"{len(pairs)} links in {args.documents} documents")
    print(f"baseline measure_document (uncached):  {baseline * 1000:8.0f} ms  1.00x")
    for label, seconds in (("dashboard, first load", first), ("dashboard, reload", again),
                           ("dashboard, after one save", after_save)):
        print(f"{label:<38}{seconds * 1000:8.0f} ms  {seconds / baseline:.2f}x")


if __name__ == "__main__":
    main()

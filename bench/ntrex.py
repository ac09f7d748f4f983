"""Where the benchmarks find NTREX-128 (CC BY-SA 4.0, never in the repository).

It is read from ``../shared/data/ntrex-dev`` beside the checkout.  Only benchmarks use
it; the test suite has a corpus of its own (``tests/corpus.py``).  Without the data a
benchmark stops with a message saying what is missing and where it was looked for.
"""

from __future__ import annotations

import sys
from pathlib import Path

NTREX = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex-dev"


def ntrex_dir() -> Path:
    """The NTREX directory; exit status 2 with a one-line message when it is missing."""
    missing = [n for n in ("vi.txt", "ar.txt", "doc_ids.txt") if not (NTREX / n).is_file()]
    if missing:
        print(f"{Path(sys.argv[0]).name}: NTREX-128 data not found ({', '.join(missing)} "
              f"missing in {NTREX}): this benchmark needs the shared data checked out "
              "beside the repository as ../shared (the test suite does not)", file=sys.stderr)
        raise SystemExit(2)
    return NTREX

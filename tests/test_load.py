"""A short run of ``bench/load_reviewers.py``: 8 reviewers saving to one document at
once for a few seconds, on SQLite and PostgreSQL; nothing acknowledged may be lost."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "load_reviewers.py"
SECONDS = 4.0


def _bench():
    spec = importlib.util.spec_from_file_location("load_reviewers", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_reviewers"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_eight_reviewers_lose_nothing(kind):
    bench = _bench()
    if kind == "postgresql" and (reason := bench.pg_reachable()):
        pytest.skip(reason)
    f = bench.measure(kind, reviewers=8, seconds=SECONDS, links=3, baseline_seconds=0.5)
    print(f)
    assert f["all_finished"], "a reviewer hung: deadlock or lock starvation"
    assert f["errors"] == 0, f["error_samples"]
    assert f["acknowledged"] > 8 and f["lost"] == 0
    assert f["conflicts"] > 0, "8 reviewers on 3 links should have collided"
    assert f["conflicts_kept"] == f["conflicts"]  # every refused text is stored
    assert f["unannounced_revisions"] == 0 and f["broken_version_chains"] == 0

"""bench/bench_real_pages.py says clearly, and exits 2, when ../shared is missing."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _bench():
    path = Path(__file__).resolve().parent.parent / "bench" / "bench_real_pages.py"
    spec = importlib.util.spec_from_file_location("bench_real_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_shared_folder_is_reported_and_exits_non_zero(tmp_path, monkeypatch, capsys):
    bench = _bench()
    monkeypatch.setattr(bench, "EVALUATOR", tmp_path / "nowhere" / "eval_real_pages.py")
    assert bench.main([]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and "../shared" in err


def test_meaning_bench_reports_missing_shared_folder(tmp_path, capsys):
    path = Path(__file__).resolve().parent.parent / "bench" / "bench_meaning.py"
    spec = importlib.util.spec_from_file_location("bench_meaning", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.CASES = tmp_path / "nowhere"
    assert module.main(["--no-embedding"]) == 2
    assert "missing" in capsys.readouterr().err

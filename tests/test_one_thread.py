"""workbench.align.one_thread: a re-check's short embedding runs on a one-thread OpenMP team."""

from __future__ import annotations

import ctypes
import threading

import pytest

from workbench.align.one_thread import _openmp_libraries, on_one_thread


def test_the_call_runs_on_its_own_thread_and_returns_or_raises_what_it_does():
    assert on_one_thread(lambda a, b=0: (threading.current_thread().name, a + b), 2, b=3)[1] == 5
    assert on_one_thread(threading.current_thread).name.startswith("short-embed")

    def fails():
        raise ValueError("kept")

    with pytest.raises(ValueError, match="kept"):
        on_one_thread(fails)


def test_the_openmp_team_is_one_thread_there_and_unchanged_elsewhere():
    libraries = _openmp_libraries()
    if not libraries:
        pytest.skip("no OpenMP runtime on this machine")
    gomp = ctypes.CDLL(libraries[0])
    before = gomp.omp_get_max_threads()
    gomp.omp_set_num_threads(2)  # this (main) thread's team, as OMP_NUM_THREADS=2 would
    try:
        assert on_one_thread(gomp.omp_get_max_threads) == 1
        assert gomp.omp_get_max_threads() == 2
    finally:
        gomp.omp_set_num_threads(before)

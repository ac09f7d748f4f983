"""A bounded, thread-safe cache that forgets the least recently used item first.

Fidelity scores (:mod:`workbench.align.aligner`), post-edit statistics
(:mod:`workbench.postedit.corpus_stats`) and machine translations
(:mod:`workbench.service.online_mt`) are each expensive to make and asked for again after
every save; the service shares them between request threads, so each needs a lock.
The caller computes a missing value outside the lock and :meth:`put` s it: two
threads may compute the same value once each, which is cheaper than holding the
lock through a slow computation.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class LRUCache(Generic[V]):
    """At most ``size`` values by key; ``get`` returns ``None`` for a missing key."""

    def __init__(self, size: int) -> None:
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._items

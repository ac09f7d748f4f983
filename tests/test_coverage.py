"""Clause coverage (workbench.align.coverage) and the fitted finding model that weighs it."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from workbench.align.coverage import Coverage, clauses, coverage_gaps, link_coverage
from workbench.align.embedding import EmbeddingBackend
from workbench.align.finding_weights import (
    FindingModel, finding_loads, final_score, load_model, weigh_findings,
)
from workbench.model.finding import Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph


class _BagOfWords(EmbeddingBackend):
    """A fake backend whose vector is a hashed bag of words: texts sharing words are close."""

    name = "bag"
    DEFAULT_MODEL = "fake"

    def _embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().replace(",", " ").split():
                out[i, zlib.crc32(word.encode()) % 64] += 1.0
        return out + 1e-3


FLOOD = "Mưa lớn kéo dài suốt đêm qua, nhiều tuyến đường trong xã bị ngập sâu, nhà trường cho học sinh nghỉ học hai ngày."


def test_clauses_split_at_punctuation_and_merge_short_pieces() -> None:
    assert clauses(FLOOD) == ["Mưa lớn kéo dài suốt đêm qua", "nhiều tuyến đường trong xã bị ngập sâu",
                              "nhà trường cho học sinh nghỉ học hai ngày"]
    assert clauses("Ông Hùng, Bí thư, phát biểu tại hội nghị.") == ["Ông Hùng Bí thư", "phát biểu tại hội nghị"]
    assert clauses("Hà Nội") == ["Hà Nội"]


def test_a_clause_the_translation_drops_opens_a_gap() -> None:
    backend = _BagOfWords()
    full, dropped = coverage_gaps([
        (FLOOD, FLOOD),                                                  # every clause carried
        (FLOOD, "Mưa lớn kéo dài suốt đêm qua nhiều tuyến đường trong xã bị ngập sâu"),
    ], backend)
    # a clause is always a little less like the whole translation than the source is;
    # a clause that is not translated at all is much less
    assert dropped.gap > full.gap + 0.1 and dropped.clause.startswith("nhà trường")
    assert coverage_gaps([("Hà Nội đẹp", "Hà Nội đẹp")], backend) == [Coverage(0.0, "")]


def test_link_coverage_keys_two_sided_links() -> None:
    src = [Paragraph(0, FLOOD), Paragraph(1, "Quảng cáo")]
    tgt = [Paragraph(0, FLOOD)]
    found = link_coverage(src, tgt, [Link((0,), (0,), 0.9), Link((1,), (), 0.0)], _BagOfWords())
    assert set(found) == {((0,), (0,))}


def _finding(severity: str, kind: str = "admin_level") -> Finding:
    return Finding(kind, severity, (0,), (0,), "xã", ("بلدية",), "منطقة", "xã written منطقة")


def test_finding_loads_group_by_severity_and_skip_style() -> None:
    loads = finding_loads([_finding("major"), _finding("critical"), _finding("minor"),
                           _finding("minor", "style"), _finding("minor", "inconsistent")])
    assert loads == {"info": 1.0, "minor": 1.0, "major": 2.0}


def test_the_model_is_monotone() -> None:
    model = FindingModel({"info": 0.1, "minor": 0.5, "major": 1.5}, coverage=3.0, power=0.7)
    clean = final_score(0.9, [], 0.0, model)
    assert clean == pytest.approx(0.9 ** 0.7)
    assert final_score(0.9, [_finding("minor")], 0.0, model) < clean
    assert final_score(0.9, [_finding("major")], 0.0, model) < final_score(0.9, [_finding("minor")], 0.0, model)
    assert final_score(0.9, [], 0.05, model) < clean
    assert final_score(0.5, [], 0.0, model) < clean


def test_weigh_findings_adds_a_coverage_component(monkeypatch) -> None:
    import workbench.align.finding_weights as fw

    monkeypatch.setattr(fw, "FINDING_MODEL", FindingModel({"info": 0.0, "minor": 0.5, "major": 1.0}, 2.0, 1.0))
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.9)]
    out = weigh_findings(links, [], {((0,), (0,)): Coverage(0.1, "nhà trường cho học sinh nghỉ học")})
    assert out[0].score == pytest.approx(0.9 * np.exp(-0.2))
    assert out[0].components[-1].name == "coverage" and "nhà trường" in out[0].components[-1].explanation
    assert out[1].score == pytest.approx(0.9)


def test_the_model_file_gives_power_and_coverage(tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"weights": {"minor": 0.5}, "coverage": 2.5, "power": 0.6}', encoding="utf-8")
    model = load_model(path)
    assert model.weights["minor"] == 0.5 and model.coverage == 2.5 and model.power == 0.6
    assert load_model(tmp_path / "none.json") == FindingModel()

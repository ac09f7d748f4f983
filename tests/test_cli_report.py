"""The human report of ``check`` and ``--fail-on`` (workbench/cli/report.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import report
from workbench.model.finding import Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent

SOURCE = [Paragraph(0, "Quảng cáo"), Paragraph(1, "Huyện Lâm Bình có 8 xã."),
          Paragraph(2, "Năm 2024, tỉnh Tuyên Quang đạt 85,94% kế hoạch.")]
TARGET = [Paragraph(0, "[إعلان 1]"), Paragraph(1, "تضم مقاطعة لام بينه 8 بلديات."),
          Paragraph(2, "في عام 2024، حققت مقاطعة توين كوانغ 58.94% من الخطة.")]
LINKS = [Link((), (0,), 0.0), Link((1,), (1,), 0.71), Link((2,), (2,), 0.42)]
LEVEL = Finding("admin_level", "major", (1,), (1,), "huyện", ("منطقة",), "مقاطعة",
                "huyện Lâm Bình is a district: expected منطقة, found مقاطعة")
NUMBER = Finding("number", "critical", (2,), (2,), "85,94%", ("85.94%",), "58.94%",
                 "numbers differ: 85,94% vs 58.94%")


def test_repeats_fold_into_one_line_with_a_count() -> None:
    folded = report.fold([LEVEL, NUMBER, LEVEL, LEVEL])
    assert [(f.finding.kind, f.count) for f in folded] == [("admin_level", 3), ("number", 1)]


def test_the_report_has_header_legend_groups_and_summary() -> None:
    text = report.render("a.vi.txt", "a.ar.txt", SOURCE, TARGET, LINKS, [LEVEL, NUMBER, LEVEL])
    lines = text.splitlines()
    assert lines[0] == ("QA report: a.vi.txt (Vietnamese, 3 paragraphs) -> "
                        "a.ar.txt (Arabic, 3 paragraphs)")
    assert "legend:" in text and "counted from 0 in file order" in text
    # one block per link with findings, its score and both sides; the ad has none
    assert "[1] -> [1]  score 0.71" in lines and "[2] -> [2]  score 0.42" in lines
    assert "[] -> [0]" not in text
    assert "  vi: Huyện Lâm Bình có 8 xã." in lines
    assert any(line.endswith("found مقاطعة ×2") for line in lines)
    assert lines[-1] == "findings: 1 critical, 1 major, 0 minor, 0 info (1 exact repeats folded)"


def test_the_worst_finding_of_a_link_comes_first() -> None:
    minor = Finding("term", "minor", (2,), (2,), "kế hoạch", ("الخطة",), "المخطط", "style")
    text = report.render("s", "t", SOURCE, TARGET, LINKS, [minor, NUMBER])
    assert text.index("[critical] number") < text.index("[minor] term")


@pytest.mark.parametrize("threshold, expected", [
    (None, False), ("critical", True), ("major", True), ("minor", True)])
def test_fail_on_a_critical_finding(threshold, expected) -> None:
    assert report.fails([NUMBER], threshold) is expected


def test_fail_on_critical_ignores_a_major_finding() -> None:
    assert report.fails([LEVEL], "critical") is False
    assert report.fails([LEVEL], "major") is True


def test_check_exits_1_with_fail_on_and_0_without(tmp_path: Path) -> None:
    """End to end on the demo article (written by the project): it has critical findings."""
    args = [sys.executable, "-m", "workbench", "check", str(ROOT / "demo" / "article.vi.txt"),
            str(ROOT / "demo" / "article.ar.txt")]
    plain = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    failing = subprocess.run(args + ["--fail-on", "critical"], capture_output=True, text=True,
                             cwd=ROOT)
    assert plain.returncode == 0 and plain.stdout.startswith("QA report:")
    assert failing.returncode == 1
    summary = plain.stdout.splitlines()[-1]
    assert summary.startswith("findings: ") and not summary.startswith("findings: 0 critical")

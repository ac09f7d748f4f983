"""Word-level diff of machine translation and correction."""

from __future__ import annotations

import re

import pytest

from workbench_ui.html.diff import changed_words, diff_html, word_diff


@pytest.mark.parametrize("before,after,deleted,inserted", [
    ("في منطقة ين نجوين", "في بلدية ين نجوين", ["منطقة"], ["بلدية"]),
    ("وقال الرفيق نجوين هونغ فونغ", "وقال الرفيق نجوين هونغ فونغ رئيس اللجنة", [],
     [" رئيس اللجنة"]),
    ("Xã Yên Nguyên huyện Chiêm Hóa", "Xã Yên Nguyên", [" huyện Chiêm Hóa"], []),
])
def test_diff_pieces_rebuild_both_texts(before, after, deleted, inserted) -> None:
    pieces = word_diff(before, after)
    assert "".join(t for op, t in pieces if op != "insert") == before
    assert "".join(t for op, t in pieces if op != "delete") == after
    assert [t for op, t in pieces if op == "delete"] == deleted
    assert [t for op, t in pieces if op == "insert"] == inserted


def test_changed_words_counts_replacements() -> None:
    assert changed_words("في منطقة ين نجوين", "في بلدية ين نجوين") == 2
    assert changed_words("نص", "نص") == 0


def test_diff_html_marks_deleted_and_inserted_words() -> None:
    out = diff_html("في منطقة ين نجوين", "في بلدية ين نجوين")
    assert re.search(r"<del[^>]*>منطقة</del>", out)
    assert re.search(r"<ins[^>]*>بلدية</ins>", out)
    assert 'dir="rtl"' in out


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"])
def test_diff_html_escapes_everything(payload: str) -> None:
    out = diff_html("نص", f"نص {payload}")
    assert "<script" not in out and "<img" not in out
    assert "&lt;" in out


def test_no_change_says_so() -> None:
    assert "no change" in diff_html("نفس النص", "نفس النص")

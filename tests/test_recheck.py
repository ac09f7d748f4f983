"""workbench.pipeline.recheck_link: one link checked again, the document-level checks
over the whole document."""

from __future__ import annotations

from workbench.checks import run_checks
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.pipeline import recheck_link, shipped_glossary

SOURCE = [Paragraph(0, "Ông Lò Tiến Hưng phát biểu."), Paragraph(1, "Ông Lò Tiến Hưng cho biết.")]
LINKS = [Link((0,), (0,)), Link((1,), (1,))]


def _target(first: str, second: str) -> list[Paragraph]:
    return [Paragraph(0, f"وقال السيد {first}."), Paragraph(1, f"وأوضح السيد {second}.")]


def test_recheck_finds_what_a_full_run_finds_on_the_link():
    target = _target("لو تين هونغ", "لو تيان هونغ")
    full = run_checks(SOURCE, target, LINKS, shipped_glossary())
    again = recheck_link(SOURCE, target, LINKS, 1)
    assert [(f.kind, f.found) for f in again.link] == [(f.kind, f.found) for f in full] == [
        ("inconsistent", "لو تيان هونغ")]
    assert again.document == () and "inconsistent" in again.document_checks


def test_a_name_made_consistent_on_one_link_clears_the_other():
    before = recheck_link(SOURCE, _target("لو تين هونغ", "لو تيان هونغ"), LINKS, 0)
    assert [f.target for f in before.document] == [(1,)]  # the other link's finding
    after = recheck_link(SOURCE, _target("لو تيان هونغ", "لو تيان هونغ"), LINKS, 0)
    assert after.link == () and after.document == ()


def test_a_document_finding_already_covered_on_another_link_is_not_reported_twice():
    target = _target("لو تين هونغ", "لو تيان هونغ")
    first = recheck_link(SOURCE, target, LINKS, 0)
    stored = list(first.document)
    again = recheck_link(SOURCE, target, LINKS, 0, others=stored)
    assert [f.found for f in again.document] == ["لو تيان هونغ"]  # the same finding, once

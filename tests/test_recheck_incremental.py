"""An incremental re-check (the per-paragraph work remembered, workbench.checks.memo)
finds what a full run of every check finds on the corrected document.

The demo's published page is corrected one link at a time into the demo's corrected
page and back again; after each save the findings a service would hold (the re-checked
link's, and the document-level checks' on the other links) are compared with a fresh
run of every check over the whole document as it then reads, with the remembered work
thrown away first.
"""

from __future__ import annotations

import pytest

from workbench.checks import memo, run_checks
from workbench.glossary.terms import load_default_glossaries
from workbench.model.finding import Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.pipeline import recheck_link
from workbench.reading.document import read_path


def _clear() -> None:
    memo.locate.cache_clear()
    memo._runs.cache_clear()
    memo._TERMS.clear()


def _key(f: Finding) -> tuple:
    return (f.source, f.target, f.check, f.kind, f.severity, f.term, f.expected, f.found,
            f.message, tuple(map(repr, f.source_spans)), tuple(map(repr, f.target_spans)))


@pytest.fixture(scope="module")
def demo(root):
    demo = root / "demo"
    links = []
    for line in (demo / "alignment.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        s, t, *_ = line.split("\t")
        links.append(Link(tuple(int(x) for x in s.split(",") if x),
                          tuple(int(x) for x in t.split(",") if x)))
    return (read_path(str(demo / "article.vi.txt")), read_path(str(demo / "article.ar.txt")),
            read_path(str(demo / "article.ar.corrected.txt")), links,
            load_default_glossaries(root / "glossaries"))


def _on(f: Finding, link: Link) -> bool:
    return (tuple(f.source), tuple(f.target)) == (link.source, link.target)


def test_saving_link_after_link_gives_the_findings_of_a_full_run(demo):
    source, published, corrected, links, glossary = demo
    _clear()
    target = {p.index: p.text for p in published}
    stored = list(run_checks(source, published, links, glossary))
    edits = [i for i, link in enumerate(links)
             if any(published[t].text != corrected[t].text for t in link.target)]
    assert len(edits) >= 10  # the demo corrects many links: a real walk, not one step
    steps = [(i, corrected) for i in edits] + [(i, published) for i in edits[::3]]
    reported = 0
    for i, page in steps:
        link = links[i]
        for t in link.target:
            target[t] = page[t].text
        paragraphs = [Paragraph(k, text) for k, text in sorted(target.items())]
        again = recheck_link(source, paragraphs, links, i, glossary,
                             others=[f for f in stored if not _on(f, link)])
        whole = again.document_checks
        stored = ([f for f in stored if not _on(f, link) and f.check not in whole]
                  + list(again.link) + list(again.document))
        _clear()  # the full run starts from nothing remembered
        full = run_checks(source, paragraphs, links, glossary)
        assert sorted(map(_key, stored)) == sorted(map(_key, full)), f"after saving link {i}"
        reported += len(full)
    assert reported > 0


def test_remembered_work_never_changes_a_full_run(demo):
    source, published, corrected, links, glossary = demo
    _clear()
    cold = run_checks(source, published, links, glossary)
    run_checks(source, corrected, links, glossary)  # other texts remembered meanwhile
    warm = run_checks(source, published, links, glossary)
    assert [_key(f) for f in warm] == [_key(f) for f in cold] and cold

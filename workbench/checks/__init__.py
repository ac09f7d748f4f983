"""QA checks: the registry and :func:`run_checks`.

Each check is a small class (see :mod:`workbench.checks.base`) whose docstring's first
line is the title a user sees, with a kind and a default severity.  ``CHECKS`` is the
explicit registry, in the order findings are preferred when two report the same words.
A check that crashes is reported as a ``check_error`` finding naming the check and the
paragraphs, never swallowed.

Adding a check: write a ``Check`` subclass in a module here, decorate it with a
severity, add it to ``CHECKS``, and add passes()/fails() cases to
``tests/test_checks.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from workbench.checks.admin_levels import AdminLevelCheck
from workbench.checks.base import JOINER, Check, CheckContext, LinkView
from workbench.checks.consistency import InconsistentCheck
from workbench.checks.numbers import NumberCheck
from workbench.checks.names import GenderCheck, NameCheck
from workbench.checks.glossary_terms import ForbiddenCheck, TermCheck
from workbench.checks.untranslated import UntranslatedCheck
from workbench.checks.loanwords import LoanwordCheck
from workbench.checks.name_document import NameAcrossDocumentCheck
from workbench.checks.name_order import CreditNameCheck, NameOrderCheck
from workbench.checks.event_nouns import EventNounCheck
from workbench.checks.repeated_words import RepeatedWordCheck
from workbench.checks.event_names import EventNameAsPlaceCheck
from workbench.checks.predicates import LostPredicateCheck
from workbench.model.finding import SEVERITIES, Finding
from workbench.glossary.terms import Glossary
from workbench.model.link import Link
from workbench.reading.furniture import classify
from workbench.model.paragraph import Paragraph

#: Every check by name.  Order = preference when two findings of the same severity
#: cover the same words.
CHECKS: dict[str, type[Check]] = {
    "number": NumberCheck,
    "forbidden": ForbiddenCheck,
    "admin_level": AdminLevelCheck,
    "name": NameCheck,
    "name_order": NameOrderCheck,
    "credit_name": CreditNameCheck,
    "name_document": NameAcrossDocumentCheck,
    "term": TermCheck,
    "gender": GenderCheck,
    "inconsistent": InconsistentCheck,
    "untranslated": UntranslatedCheck,
    "loanword": LoanwordCheck,
    "event_noun": EventNounCheck,
    "repeated_word": RepeatedWordCheck,
    "name_as_place": EventNameAsPlaceCheck,
    "lost_predicate": LostPredicateCheck,
}

__all__ = ["CHECKS", "Check", "run_checks", "check_titles", "document_checks", "one_per_problem"]


def check_titles() -> dict[str, str]:
    """Each check's name and the title a user sees."""
    return {name: cls.title() for name, cls in CHECKS.items()}


def document_checks() -> frozenset[str]:
    """The names of the checks that look at the whole document at once."""
    return frozenset(name for name, cls in CHECKS.items() if cls.scope == "document")


def _crash(check: Check, view: LinkView | None, exc: Exception) -> Finding:
    where = (f"source paragraph(s) {list(view.link.source)}, target paragraph(s) "
             f"{list(view.link.target)}") if view else "the whole document"
    return Finding(
        kind="check_error", severity="major",
        source=view.link.source if view else (), target=view.link.target if view else (),
        term=check.name, expected=(), found=None,
        message=f"check '{check.name}' failed on {where}: {type(exc).__name__}: {exc}; "
                "the other checks ran; please report this as a bug",
        check=check.name,
    )


def _overlaps(a: Finding, b: Finding) -> bool:
    return any(x.paragraph == y.paragraph and x.start < y.end and y.start < x.end
               for x in a.target_spans for y in b.target_spans)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop a finding whose words another, preferred check already reports."""
    rank = {name: i for i, name in enumerate(CHECKS)}
    weight = {s: i for i, s in enumerate(SEVERITIES)}
    # the more severe finding first, then the preferred check
    ordered = sorted(findings, key=lambda f: (-weight.get(f.severity, 0), rank.get(f.check, len(rank))))
    kept: list[Finding] = []
    for f in ordered:
        if f.target_spans and any(k.target == f.target and k.check != f.check and _overlaps(k, f)
                                  for k in kept):
            continue
        if f.target_spans and any(k.target == f.target and k.kind == f.kind and _overlaps(k, f)
                                  for k in kept):
            continue  # one finding per problem: the same words already reported
        kept.append(f)
    return kept


def one_per_problem(findings: Sequence[Finding]) -> list[Finding]:
    """Findings with those another, preferred finding already reports dropped (what
    :func:`run_checks` keeps when checks are run in several goes)."""
    return _dedupe(list(findings))


#: noise kinds that are page furniture, not article text (see workbench.reading.furniture); a
#: series link (">> Bài 1: …", kind "related") carries text and is checked in full
FURNITURE_KINDS = frozenset({"ad", "source", "url", "counter", "placeholder", "credit", "byline", "site"})


def _furniture_link(view: LinkView) -> bool:
    """Both sides are page furniture (a dateline linked to the site's dateline): what
    differs there is chrome, so findings are shown for information only."""
    if not (view.link.source and view.link.target):
        return False
    texts = view.source.text.split(JOINER) + view.target.text.split(JOINER)
    return all(classify(text).kind in FURNITURE_KINDS for text in texts)


def run_checks(source: Sequence[Paragraph], target: Sequence[Paragraph], links: Sequence[Link],
               glossary: Glossary, checks: Iterable[str] | None = None) -> list[Finding]:
    """Run the named checks (all by default) over aligned paragraphs; findings in text order."""
    names = list(checks) if checks is not None else list(CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise ValueError(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    ctx = CheckContext(source, target, links, glossary)
    findings: list[Finding] = []
    for name in names:
        check = CHECKS[name]()
        if check.scope == "document":
            try:
                findings.extend(check.check_document(ctx))
            except Exception as exc:  # reported, not swallowed: see module docstring
                findings.append(_crash(check, None, exc))
            continue
        for view in ctx.views:
            if not view.link.target or (not view.link.source and not check.one_sided):
                continue
            try:
                found = list(check.check_link(view))
            except Exception as exc:  # reported, not swallowed: see module docstring
                findings.append(_crash(check, view, exc))
                continue
            if found and _furniture_link(view):
                found = [replace(f, severity="info") for f in found]
            findings.extend(found)
    kept = _dedupe(findings)
    kept.sort(key=lambda f: (f.target[:1] or f.source[:1], f.source[:1],
                             min((s.start for s in f.target_spans), default=-1)))
    return kept

"""Which finding catches which gold error on the real pages, by a strict rule.

The shared evaluator reads a gold error's ``source_terms`` (a string in gold.json) one
character at a time, so any finding with a term that shares a letter with it and touches
the span counts as a catch.  Here a finding catches an error only when

1. its target paragraphs include the error's paragraph,
2. its term is about the same source words: the term lies inside the error's
   ``source_terms`` or contains it (whole strings, normalised as the evaluator does), and
3. one of its target spans (or its ``found`` text) touches the error's span (gap ≤ 2
   characters), or it has no target location at all ("X is not in the translation").

A second, looser reading for meaning errors keeps (1) and (3) and, instead of (2), asks for
a finding of a meaning kind (:data:`MEANING_KINDS`): a check that reads meaning names the
source words it compared, which need not be the annotator's.

Reads the raw ``check.json`` the evaluator keeps per case; standard library only.
"""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path


#: Finding kinds that report a reading of meaning (not a term, name, level or number).
MEANING_KINDS = frozenset({"forbidden", "event_noun", "repeated_word", "name_as_place", "lost_predicate"})


def evaluator(path: Path):
    """The shared evaluator as a module (its norm/occurrence helpers)."""
    spec = importlib.util.spec_from_file_location("eval_real_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _terms(err: dict) -> list[str]:
    given = err.get("source_terms") or []
    return [given] if isinstance(given, str) else list(given)


def catches(ev, f: dict, err: dict, tgt: list[str], by_kind: bool = False) -> bool:
    """Whether finding ``f`` catches gold error ``err`` by the strict rule above (with
    ``by_kind``, by the meaning-kind reading)."""
    j = err["target_paragraph"]
    term = ev.norm(f.get("term") or "")
    if j not in (f.get("target") or []):
        return False
    if by_kind:
        if f.get("kind") not in MEANING_KINDS:
            return False
    elif not term or not any(term in ev.norm(t) or ev.norm(t) in term for t in _terms(err) if t):
        return False
    fiv = ev.finding_intervals(f, tgt)
    if not fiv:
        return True
    return ev.touches([(j, a, b) for a, b in ev.occurrences(tgt[j], err["span"])], fiv)


def honest_hits(ev, cases: Path, outdir: Path) -> list[dict]:
    """Every gold error of every case with the kinds of the findings that catch it."""
    rows = []
    for gold_path in sorted(cases.glob("*/gold.json")):
        case = gold_path.parent.name
        check_path = outdir / case / "check.json"
        if not check_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        tgt = ev.paragraphs(str(gold_path.parent / "target.ar.txt"))
        findings = json.loads(check_path.read_text(encoding="utf-8")).get("findings") or []
        for err in gold.get("errors", []):
            by = sorted({f"{f.get('kind')}/{f.get('severity')}" for f in findings if catches(ev, f, err, tgt)})
            by_kind = sorted({f"{f.get('kind')}/{f.get('severity')}" for f in findings
                              if catches(ev, f, err, tgt, by_kind=True)})
            rows.append({"case": case, "kind": err["kind"], "span": err["span"], "by": by, "by_kind": by_kind})
    return rows


def report(rows: list[dict], show_kind: str = "meaning") -> list[str]:
    """Lines: strict catches per error kind, then each error of ``show_kind`` and its catchers."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        per[r["kind"]][0] += bool(r["by"])
        per[r["kind"]][1] += 1
    shown = [r for r in rows if r["kind"] == show_kind]
    lines = ["   strict attribution (term inside the error's source words, span touching): "
             + ", ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(per.items())),
             f"   {show_kind} by a finding of a meaning kind whose span touches the error: "
             f"{sum(bool(r['by_kind']) for r in shown)}/{len(shown)}"]
    for r in shown:
        strict = "strict: " + (", ".join(r["by"]) or "missed")
        loose = "meaning kind: " + (", ".join(r["by_kind"]) or "missed")
        lines.append(f"     {show_kind} {r['case']}: {strict}; {loose}")
    return lines

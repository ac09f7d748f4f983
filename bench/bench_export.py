"""Exports and glossary suggestions on the demo document, as a reviewer would finish it.

Builds a ``ReviewedDocument`` from the demo's gold alignment (demo/alignment.tsv):
the published Arabic as the machine translation, demo/article.ar.corrected.txt as
the reviewers' corrections, two-sided links approved, one-sided links as noise.
Then, in the same run:

(a) each exporter's time (median of ``--repeat`` runs), relative to the plain-text
    export as a baseline;
(b) ``suggest_terms`` time with the shipped glossaries;
(c) how the suggestions cover the known errors of demo/errors.csv: an error is
    covered when a suggestion replaces words containing its ``found`` text, or
    whose new words lie in its ``expected`` text; a suggestion is confirmed when it
    covers some known error.

    python bench/bench_export.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.glossary import suggestions as suggest  # noqa: E402
from workbench.reading.document import read_text  # noqa: E402
from workbench.export import EXPORTERS, export_document  # noqa: E402
from workbench.glossary.terms import load_default_glossaries  # noqa: E402
from workbench.lang.normalize import normalize_ar  # noqa: E402
from workbench.model.reviewed_document import ReviewedDocument, ReviewedUnit  # noqa: E402

DEMO = ROOT / "demo"


def _paragraphs(name: str) -> list[str]:
    return [p.text for p in read_text((DEMO / name).read_text(encoding="utf-8"))]


def demo_document() -> ReviewedDocument:
    vi = _paragraphs("article.vi.txt")
    mt = _paragraphs("article.ar.txt")
    final = _paragraphs("article.ar.corrected.txt")
    units = []
    with open(DEMO / "alignment.tsv", encoding="utf-8") as handle:
        for ordinal, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            src = tuple(int(x) for x in row["source"].split(",") if x.strip())
            tgt = tuple(int(x) for x in row["target"].split(",") if x.strip())
            units.append(ReviewedUnit(
                ordinal, src, tgt,
                "\n\n".join(vi[i] for i in src),
                "\n\n".join(mt[i] for i in tgt),
                "\n\n".join(final[i] for i in tgt),
                state="final" if src and tgt else "machine",
                is_noise=not (src and tgt),
            ))
    return ReviewedDocument(vi[0], units=tuple(units))


def _median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    doc = demo_document()
    real = [u for u in doc.units if not u.is_noise]
    print(f"demo document: {len(doc.units)} units, {len(real)} approved, "
          f"{sum(u.is_corrected for u in real)} corrected")

    print("\n(a) export time, median of", args.repeat)
    base = _median_seconds(lambda: export_document(doc, "txt"), args.repeat)
    for fmt in EXPORTERS:
        seconds = _median_seconds(lambda fmt=fmt: export_document(doc, fmt), args.repeat)
        size = len(export_document(doc, fmt))
        print(f"  {fmt:7s} {seconds * 1000:8.1f} ms  x{seconds / base:8.0f} plain text  {size:7d} bytes")

    glossary = load_default_glossaries(ROOT / "glossaries")
    print("\n(b) suggest_terms time, median of", args.repeat)
    fast = suggest.suggest_terms(doc.units, glossary)
    seconds = _median_seconds(lambda: suggest.suggest_terms(doc.units, glossary), args.repeat)
    print(f"  {seconds:6.2f} s for {sum(u.is_corrected for u in doc.units)} corrected units "
          f"(x{seconds / base:.0f} plain-text export)")

    print("\n(c) suggestions against demo/errors.csv")
    with open(DEMO / "errors.csv", encoding="utf-8") as handle:
        errors = [r for r in csv.DictReader(handle) if r["found"] and r["expected"]]

    def covers(s: suggest.TermSuggestion, error: dict[str, str]) -> bool:
        found, expected = normalize_ar(error["found"]), normalize_ar(error["expected"])
        return (normalize_ar(s.from_text) in found or found in normalize_ar(s.from_text)) and (
            normalize_ar(s.to_text) in expected or expected in normalize_ar(s.to_text)
        )

    covered = [e for e in errors if any(covers(s, e) for s in fast)]
    confirmed = [s for s in fast if any(covers(s, e) for e in errors)]
    credited = [s for s in fast if s.source_term]
    print(f"  {len(fast)} suggestions, {len(credited)} credited to a source term "
          f"({len(credited) / max(1, len(fast)):.0%})")
    print(f"  known errors covered: {len(covered)}/{len(errors)} "
          f"({len(covered) / max(1, len(errors)):.0%})")
    print(f"  suggestions confirmed by a known error: {len(confirmed)}/{len(fast)} "
          f"({len(confirmed) / max(1, len(fast)):.0%})")
    for s in fast[:10]:
        print(f"    {s.count}x [{s.basis or '-'}] {s.message}")


if __name__ == "__main__":
    main()

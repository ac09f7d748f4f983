"""Fit how much each finding severity lowers a link's fidelity, on real reviewed pages.

    python bench/fit_finding_weights.py [--cases DIR] [--write]

For every case of ``../shared/data/real-pages-dev`` (reserved pages are not there) the
pipeline aligns the pages and runs the checks once; each gold content link gets its
fidelity before the findings weigh in, its findings, and whether gold marks an error on
it.  The weights (minor, major, critical; info and style take nothing) are chosen on a
grid to maximise the ROC AUC of "clean link scored above a link with an error".

The figure reported is **cross-validated by page** (leave-one-page-out): for each page,
weights fitted on the other pages score that page's links; the pooled held-out scores
give the AUC.  ``--write`` stores the weights fitted on all pages, with that figure, in
``workbench/align/finding_weights.json``.  Nothing is set by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.align.finding_weights import WEIGHTS_PATH, finding_factor  # noqa: E402

CASES = REPO.parent / "shared" / "data" / "real-pages-dev"
GRID_MINOR = [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
GRID_MAJOR = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]


def case_links(case: Path) -> list[tuple[float, list, bool]]:
    """(score before findings, findings, has a gold error) per gold content link."""
    from workbench.checks import run_checks
    from workbench.pipeline import _aligned, shipped_glossary
    from workbench.reading.document import read_path  # the reader the command line uses

    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    src, tgt = read_path(str(case / "source.vi.txt")), read_path(str(case / "target.ar.txt"))
    links = _aligned(src, tgt)
    findings = run_checks(src, tgt, links, shipped_glossary())
    errors = {e["target_paragraph"] for e in gold.get("errors", [])}
    content = {(tuple(g["source"]), tuple(g["target"])) for g in gold["links"] if g["source"] and g["target"]}
    out = []
    for link in links:
        key = (tuple(link.source), tuple(link.target))
        if key not in content:
            continue
        mine = [f for f in findings if (tuple(f.source), tuple(f.target)) == key]
        out.append((float(link.score), mine, bool(set(link.target) & errors)))
    return out


def auc(rows: list[tuple[float, bool]]) -> float:
    bad = [s for s, e in rows if e]
    good = [s for s, e in rows if not e]
    if not bad or not good:
        return float("nan")
    return sum(1.0 if g > b else 0.5 if g == b else 0.0 for g in good for b in bad) / (len(good) * len(bad))


def scored(data, weights) -> list[tuple[float, bool]]:
    return [(base * finding_factor(fs, weights)[0], err) for base, fs, err in data]


GRID_INFO = [0.0, 0.05, 0.1]
#: Weights whose AUC is this close to the best are as good: the smallest are kept, so
#: a score is not cut more than the ranking needs.
TOLERANCE = 0.005


def fit(data) -> dict[str, float]:
    tried = []
    for info, minor, major in itertools.product(GRID_INFO, GRID_MINOR, GRID_MAJOR):
        if major < minor or minor < info:
            continue
        w = {"info": info, "minor": minor, "major": major, "critical": max(major, min(0.97, major * 1.5))}
        tried.append((auc(scored(data, w)), w))
    best = max(a for a, _ in tried)
    return min((w for a, w in tried if a >= best - TOLERANCE),
               key=lambda w: (w["info"] + w["minor"] + w["major"], w["minor"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=str(CASES))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    cases = sorted(p for p in Path(args.cases).iterdir() if (p / "gold.json").exists())
    if not cases:
        print(f"fit_finding_weights: no cases in {args.cases}", file=sys.stderr)
        return 2
    per_case = {c.name: case_links(c) for c in cases}
    held_out = []
    for name in per_case:
        train = [r for other, rows in per_case.items() if other != name for r in rows]
        held_out += scored(per_case[name], fit(train))
    everything = [r for rows in per_case.values() for r in rows]
    final = fit(everything)
    before = auc([(b, e) for b, _, e in everything])
    cv = auc(held_out)
    print(f"links {len(everything)} ({sum(e for *_, e in everything)} with an error), pages {len(per_case)}")
    print(f"AUC without findings {before:.3f}; leave-one-page-out AUC with fitted weights {cv:.3f}; "
          f"in-sample {auc(scored(everything, final)):.3f}")
    print(f"weights fitted on all pages: {final}")
    if args.write:
        WEIGHTS_PATH.write_text(json.dumps({
            "weights": final, "cv_auc_leave_one_page_out": round(cv, 4),
            "auc_without_findings": round(before, 4), "links": len(everything), "pages": len(per_case),
            "fitted_by": "bench/fit_finding_weights.py"}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

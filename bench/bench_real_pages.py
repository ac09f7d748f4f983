"""Issue #13 figures on the real machine-translated pages (shared evaluator).

Runs the shared evaluator ``../shared/tools/eval_real_pages.py`` (relative to this
repository) on ``../shared/data/real-pages-dev``, then ``fidelity_auc.py`` on the same
raw output, and prints the four figures of the issue with their goals:

1. genuine errors flagged, overall and per error kind (goal >= 80 %, every kind >= 60 %),
   then by a strict rule (``bench/honest_hits.py``: the finding's term inside the error's
   source words and its span touching the error) with the findings that catch each
   meaning error;
2. wrong major/critical flags per 20 content paragraphs (goal <= 1);
3. strict link F1 (goal >= 0.97) and furniture linked to content (goal 0);
4. fidelity AUC, paragraphs with errors vs clean ones (goal >= 0.85).

The raw JSON (it quotes page text) goes to a temporary folder outside the project
unless ``--outdir`` is given.  Exit status: 0 when it ran (goals met or not, unless
``--strict``), 1 with ``--strict`` when a goal is missed, 2 when ../shared (the
evaluator or the data) is missing.

    python bench/bench_real_pages.py [--jobs 2] [--outdir /tmp/rp-out] [--reuse] [--strict]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EVALUATOR = SHARED / "tools" / "eval_real_pages.py"
AUC_TOOL = SHARED / "tools" / "fidelity_auc.py"
CASES = SHARED / "data" / "real-pages-dev"

GOAL_FOUND, GOAL_KIND, GOAL_FA_PER_20, GOAL_F1, GOAL_AUC = 0.80, 0.60, 1.0, 0.97, 0.85


def missing() -> list[str]:
    return [str(p) for p in (EVALUATOR, AUC_TOOL, CASES) if not p.exists()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--outdir", default="", help="raw tool JSON (default: a temporary folder)")
    ap.add_argument("--reuse", action="store_true", help="reuse raw JSON already in --outdir")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = ap.parse_args(argv)

    gone = missing()
    if gone:
        print(f"bench_real_pages: cannot run: the shared evaluator or data is missing "
              f"({', '.join(gone)}); it is expected in ../shared next to this repository "
              f"({SHARED})", file=sys.stderr)
        return 2

    outdir = args.outdir or tempfile.mkdtemp(prefix="wb-real-pages-")
    figures_path = Path(outdir) / "figures.json"
    cmd = [sys.executable, str(EVALUATOR), "--repo", str(REPO), "--cases", str(CASES),
           "--outdir", outdir, "--jobs", str(args.jobs), "--quiet", "--json-out", str(figures_path)]
    if args.reuse:
        cmd.append("--reuse")
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0 or not figures_path.exists():
        print(run.stdout[-2000:] + run.stderr[-2000:], file=sys.stderr)
        print("bench_real_pages: the evaluator failed", file=sys.stderr)
        return 2
    fig = json.loads(figures_path.read_text(encoding="utf-8"))
    auc = subprocess.run([sys.executable, str(AUC_TOOL), "--cases", str(CASES), "--runs", outdir],
                         capture_output=True, text=True)
    m = re.search(r"fidelity_auc_any=([\d.na]+) fidelity_auc_major=([\d.na]+)", auc.stdout)
    auc_any = float(m.group(1)) if m else float("nan")
    auc_major = float(m.group(2)) if m else float("nan")

    content = fig["links"]["content_gold"]
    fa_major = fig["false_alarms_by_severity"].get("major", 0) + fig["false_alarms_by_severity"].get("critical", 0)
    per20 = 20.0 * fa_major / content if content else float("nan")
    found_share = fig["errors_found"] / fig["errors_total"] if fig["errors_total"] else float("nan")
    ok = []

    print(f"real pages ({fig['cases']} cases, {content} content paragraphs); raw output in {outdir}")
    print(f"1. genuine errors flagged: {fig['errors_found']}/{fig['errors_total']} = {found_share:.0%} "
          f"(goal >= {GOAL_FOUND:.0%}, every kind >= {GOAL_KIND:.0%})")
    ok.append(found_share >= GOAL_FOUND)
    for kind, (hit, total) in sorted(fig["errors_by_kind"].items()):
        share = hit / total if total else float("nan")
        print(f"     {kind:<14} {hit:>3}/{total:<3} {share:5.0%}")
        ok.append(share >= GOAL_KIND)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from honest_hits import evaluator, honest_hits, report
    for line in report(honest_hits(evaluator(EVALUATOR), CASES, Path(outdir))):
        print(line)
    print(f"2. wrong major/critical flags: {fa_major} = {per20:.2f} per 20 content paragraphs "
          f"(goal <= {GOAL_FA_PER_20:g}); all wrong flags {fig['false_alarms']} "
          f"{fig['false_alarms_by_severity']}")
    ok.append(per20 <= GOAL_FA_PER_20)
    print(f"3. strict link F1 {fig['links']['f1']:.3f} (goal >= {GOAL_F1}); furniture linked to content "
          f"{fig['noise_linked']}/{fig['noise_total']} (goal 0)")
    ok += [fig["links"]["f1"] >= GOAL_F1, fig["noise_linked"] == 0]
    print(f"4. fidelity AUC (error vs clean paragraphs) {auc_any:.3f}, major errors {auc_major:.3f} "
          f"(goal >= {GOAL_AUC})")
    ok.append(auc_any >= GOAL_AUC)
    weights = REPO / "workbench" / "align" / "finding_weights.json"
    if weights.exists():
        fitted = json.loads(weights.read_text(encoding="utf-8"))
        print(f"   the finding weights are fitted on these pages (bench/fit_finding_weights.py): "
              f"leave-one-page-out AUC {fitted.get('cv_auc_leave_one_page_out', float('nan')):.3f}, "
              f"{fitted.get('auc_without_findings', float('nan')):.3f} without findings; the figure "
              f"above is in-sample")
    print(f"goals met: {sum(ok)}/{len(ok)}")
    return 1 if args.strict and not all(ok) else 0


if __name__ == "__main__":
    sys.exit(main())

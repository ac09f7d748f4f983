"""Fit how much findings and the clause coverage gap lower a link's fidelity, on real pages.

    python bench/fit_finding_weights.py [--cases DIR] [--write]

For every case of ``../shared/data/real-pages-dev`` (reserved pages are not there) the
pipeline aligns the pages and runs the checks once; each gold content link gets its
fidelity before the findings weigh in (``base``), the summed confidence of its findings
per group (info, minor, major; :func:`workbench.align.finding_weights.finding_loads`),
its clause coverage gap (:mod:`workbench.align.coverage`), and whether gold marks an
error on it.  The model (see :mod:`workbench.align.finding_weights`) is

    log score = POWER * log(base) - sum_g W_g * load_g - COVERAGE * gap

with every weight ≥ 0 and POWER in [POWER_MIN, 1]: monotone, smooth, no grid.  It is
fitted by minimising a pairwise logistic loss ("a clean link scores above a link with
an error", a smooth stand-in for the ROC AUC) plus an L2 penalty (weights towards 0,
POWER towards 1), by projected gradient descent.

The figure reported is **cross-validated by page** (leave-one-page-out): for each page,
the model is fitted on the other pages, the L2 strength chosen among ``LAMBDAS`` by an
inner leave-one-page-out on those pages only, and that page's links are scored; the
pooled held-out scores give the AUC.  ``--write`` stores the model fitted on all pages
(L2 chosen the same way), with that figure, in ``workbench/align/finding_weights.json``.
Nothing is set by hand, and nothing is tuned per page.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.align.finding_weights import GROUPS, WEIGHTS_PATH, finding_loads  # noqa: E402

CASES = REPO.parent / "shared" / "data" / "real-pages-dev"
LAMBDAS = (0.001, 0.003, 0.01, 0.03)
POWER_MIN = 0.5
TEMPERATURE = 0.3  # of the pairwise logistic loss, in units of log score


@dataclass(frozen=True)
class Row:
    page: str
    base: float
    loads: tuple[float, ...]
    gap: float
    error: bool


def case_rows(case: Path) -> list[Row]:
    """One row per gold content link of a case."""
    from workbench.align.coverage import link_coverage
    from workbench.align.embedding import get_backend
    from workbench.checks import run_checks
    from workbench.pipeline import _aligned, shipped_glossary
    from workbench.reading.document import read_path  # the reader the command line uses

    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    src, tgt = read_path(str(case / "source.vi.txt")), read_path(str(case / "target.ar.txt"))
    links = _aligned(src, tgt)
    findings = run_checks(src, tgt, links, shipped_glossary())
    coverage = link_coverage(src, tgt, links, get_backend())
    errors = {e["target_paragraph"] for e in gold.get("errors", [])}
    content = {(tuple(g["source"]), tuple(g["target"])) for g in gold["links"] if g["source"] and g["target"]}
    out = []
    for link in links:
        key = (tuple(link.source), tuple(link.target))
        if key not in content:
            continue
        loads = finding_loads([f for f in findings if (tuple(f.source), tuple(f.target)) == key])
        out.append(Row(case.name, float(link.score), tuple(loads[g] for g in GROUPS),
                       coverage[key].gap, bool(set(link.target) & errors)))
    return out


def design(rows: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    """(features, error flags): columns log(base), loads per group, gap."""
    x = np.array([[np.log(max(r.base, 1e-4)), *r.loads, r.gap] for r in rows], dtype=float)
    return x, np.array([r.error for r in rows], dtype=bool)


def log_scores(x: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """theta = (power, W_info, W_minor, W_major, coverage)."""
    return theta[0] * x[:, 0] - x[:, 1:] @ theta[1:]


def fit(x: np.ndarray, y: np.ndarray, lam: float, steps: int = 3000) -> np.ndarray:
    """Projected gradient descent on the pairwise logistic loss + L2."""
    good, bad = x[~y], x[y]
    theta = np.r_[1.0, np.zeros(x.shape[1] - 1)]
    if not len(good) or not len(bad):
        return theta
    anchor = np.r_[1.0, np.zeros(x.shape[1] - 1)]
    diff = (good[:, None, :] - bad[None, :, :]).reshape(-1, x.shape[1])  # pairs x features
    sign = np.r_[1.0, -np.ones(x.shape[1] - 1)]
    lr = 0.5
    for _ in range(steps):
        margin = diff @ (theta * sign) / TEMPERATURE
        weight = 1.0 / (1.0 + np.exp(np.clip(margin, -50, 50)))  # d/dm log(1+e^-m) = -weight
        grad = -(diff * sign).T @ weight / (len(diff) * TEMPERATURE) + 2 * lam * (theta - anchor)
        theta = theta - lr * grad
        theta[0] = min(1.0, max(POWER_MIN, theta[0]))
        theta[1:] = np.maximum(theta[1:], 0.0)
        theta[1:1 + len(GROUPS)] = ordered(theta[1:1 + len(GROUPS)])
    return theta


def ordered(weights: np.ndarray) -> np.ndarray:
    """The nearest non-decreasing weights (pool adjacent violators): a graver group
    (info < minor < major) never weighs less than a milder one."""
    blocks: list[list[float]] = []  # [sum, count]
    for w in weights:
        blocks.append([float(w), 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    return np.array([b[0] / b[1] for b in blocks for _ in range(int(b[1]))])


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    good, bad = scores[~y][:, None], scores[y][None, :]
    if not good.size or not bad.size:
        return float("nan")
    return float(((good > bad) + 0.5 * (good == bad)).mean())


def leave_one_page_out(rows: list[Row], lam: float | None) -> np.ndarray:
    """Held-out log scores of every row; ``lam`` None: chosen by an inner LOPO."""
    pages = np.array([r.page for r in rows])
    x, y = design(rows)
    held = np.zeros(len(rows))
    for page in dict.fromkeys(pages):
        train = pages != page
        inner = lam if lam is not None else choose_lambda([r for r, t in zip(rows, train) if t])
        held[~train] = log_scores(x[~train], fit(x[train], y[train], inner))
    return held


def choose_lambda(rows: list[Row]) -> float:
    """The L2 strength with the best leave-one-page-out AUC on ``rows``."""
    _, y = design(rows)
    return max(LAMBDAS, key=lambda lam: (auc(leave_one_page_out(rows, lam), y), lam))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=str(CASES))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    root = Path(args.cases)
    cases = sorted(p for p in root.iterdir() if (p / "gold.json").exists()) if root.is_dir() else []
    if not cases:
        print(f"fit_finding_weights: no cases in {args.cases}: the real pages are expected in "
              f"../shared/data/real-pages-dev next to this repository", file=sys.stderr)
        return 2
    rows = [r for c in cases for r in case_rows(c)]
    x, y = design(rows)
    cv = auc(leave_one_page_out(rows, None), y)
    lam = choose_lambda(rows)
    theta = fit(x, y, lam)
    before = auc(x[:, 0], y)
    print(f"links {len(rows)} ({int(y.sum())} with an error), pages {len(cases)}")
    print(f"AUC without findings {before:.3f}; leave-one-page-out AUC of the fitted model "
          f"{cv:.3f} (L2 chosen inside each fold); in-sample {auc(log_scores(x, theta), y):.3f}")
    model = {"power": round(float(theta[0]), 4),
             "weights": {g: round(float(w), 4) for g, w in zip(GROUPS, theta[1:1 + len(GROUPS)])},
             "coverage": round(float(theta[-1]), 4)}
    quiet = (x[:, 2] == 0) & (x[:, 3] == 0)  # links without a minor/major finding
    print(f"on the {int(quiet.sum())} links without a minor or major finding ({int(y[quiet].sum())} with "
          f"an error): AUC of the coverage gap alone {auc(-x[quiet, -1], y[quiet]):.3f}, of the base "
          f"score {auc(x[quiet, 0], y[quiet]):.3f}")
    print(f"model fitted on all pages (L2 {lam}): {model}")
    if args.write:
        WEIGHTS_PATH.write_text(json.dumps({
            **model, "l2": lam, "cv_auc_leave_one_page_out": round(cv, 4),
            "auc_without_findings": round(before, 4), "links": len(rows), "pages": len(cases),
            "fitted_by": "bench/fit_finding_weights.py"}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

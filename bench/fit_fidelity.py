"""Fit the constants of the calibrated fidelity scorer and write them next to it.

    python bench/fit_fidelity.py            # prints the constants
    python bench/fit_fidelity.py --write    # also writes workbench/fidelity_calibration.json

Fitted on every ntrex-dev document for the shipped file; ``bench_fidelity.py`` calls
:func:`fit` on the training documents of each of its k document-level folds and reports
the cross-validated AUC on the held-out ones:

- meaning: logistic regression of "is a translation" on raw cosine, correct pairs
  against the same sources paired with another sentence of the same document (same
  topic: the hard case an aligner meets) and with one of another document.  Correct
  and wrong pairs barely overlap, so an unregularised fit would be a step function
  (cosine 0.85 -> 0.999); soft targets (SMOOTHING) keep the slope finite, so that the
  score still ranks pairs inside each group;
- length: mean of log(len(ar)/len(vi)) in characters over correct pairs, and its
  variance as VAR0 + VAR_K / len(vi) (short sentences vary more), least squares over
  length bins.

- penalties: the constants of the number, length and name penalties (``PENALTY_GRID``)
  by coordinate descent on the same training documents, built into corrupted pairs
  (``fidelity_cases.build_cases``: a number changed, the second half dropped, a name
  swapped, another sentence), maximising the mean ROC AUC over the corruptions.  A
  move is kept only if it gains more than ``MIN_GAIN`` (the regularisation: the
  defaults of ``workbench/align/fidelity.py`` stand unless the data say otherwise).
  The untranslated-word weight has no corruption to learn from and stays as set there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fidelity_cases import (  # noqa: E402
    SEED, Pair, build_cases, embed, load_pairs, random_cases, roc_auc, same_document_cases,
)

from workbench.align.fidelity import CALIBRATION_PATH, FidelityScorer  # noqa: E402

#: the penalty constants fitted, each on a grid that includes its default
PENALTY_GRID: dict[str, tuple[float, ...]] = {
    "NAME_SKELETON_FOUND": (0.8, 0.85, 0.9, 0.95, 1.01),
    "NAME_FOUND": (0.35, 0.45, 0.55, 0.65),
    "NAME_WEIGHT": (0.4, 0.8, 1.6, 3.2, 6.4, 12.8),
    "NAME_MEANING_RELIEF": (0.0, 0.25, 0.5, 0.75),
    "NUMBER_WEIGHT": (1.5, 3.0, 6.0, 12.0, 24.0),
    "NUMBER_WORD_WEIGHT": (0.05, 0.15, 0.45),
    "LEN_FREE_Z": (0.5, 1.0, 1.5, 2.0, 2.5),
    "LEN_FREE_Z_LONG": (1.0, 1.5, 2.0, 2.5, 3.0),
}
#: a move is refused if fewer than this share of the correct training pairs would
#: still score above 0.7: a reviewer must see most good translations as good
GOOD_SHARE = 0.8
MIN_GAIN = 0.001
ROUNDS = 3


SMOOTHING = 0.03


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(a, b) of p = sigmoid(a + b x) by Newton's method; y may be soft targets."""
    a, b = 0.0, 0.0
    xs = (x - x.mean()) / x.std()
    for _ in range(50):
        p = 1 / (1 + np.exp(-(a + b * xs)))
        w = p * (1 - p) + 1e-9
        g = np.array([np.sum(y - p), np.sum((y - p) * xs)])
        h = np.array([[w.sum(), (w * xs).sum()], [(w * xs).sum(), (w * xs * xs).sum()]])
        step = np.linalg.solve(h + 1e-9 * np.eye(2), g)
        a, b = a + step[0], b + step[1]
        if np.abs(step).max() < 1e-10:
            break
    # back to the raw cosine scale
    return float(a - b * x.mean() / x.std()), float(b / x.std())


def fit_length(vi: list[str], ar: list[str]) -> tuple[float, float, float]:
    lens = np.array([len(v) for v in vi], dtype=float)
    ratios = np.log(np.array([len(a) for a in ar], dtype=float) / lens)
    mean = float(ratios.mean())
    edges = np.quantile(lens, np.linspace(0, 1, 7))
    inv, var = [], []
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (lens >= lo) & (lens <= hi)
        if sel.sum() >= 20:
            inv.append(float(np.mean(1 / lens[sel])))
            var.append(float(np.var(ratios[sel] - mean)))
    k, v0 = np.polyfit(inv, var, 1)
    return mean, max(float(v0), 0.002), max(float(k), 0.0)


def corruption_auc(scorer: FidelityScorer, cases, src, tgt) -> float:
    """Mean ROC AUC over the corruptions: each corrupted pair against the correct pairs
    of the same sources."""
    scores = [scorer.score_vectors(c.vi, c.ar, s, t).score for c, s, t in zip(cases, src, tgt)]
    correct = {c.line: scores[i] for i, c in enumerate(cases) if c.kind == "correct"}
    aucs = []
    for kind in sorted({c.kind for c in cases} - {"correct"}):
        negs = [(correct[c.line], scores[i]) for i, c in enumerate(cases) if c.kind == kind]
        aucs.append(roc_auc([p for p, _ in negs], [n for _, n in negs]))
    return float(np.mean(aucs))


def fit_penalties(pairs: list[Pair], constants: dict, cache: Path | None,
                  cases: list | None = None) -> dict:
    """The penalty constants by coordinate descent on corrupted training pairs
    (``cases``: already built on them, default ``build_cases(pairs)``)."""
    cases = build_cases(pairs) if cases is None else cases
    src, tgt = embed([c.vi for c in cases], cache), embed([c.ar for c in cases], cache)
    current = {k: float(getattr(FidelityScorer, k)) for k in PENALTY_GRID}

    def score(values: dict) -> float:
        scorer = FidelityScorer(calibration={"constants": {**constants, **values}})
        good = [scorer.score_vectors(c.vi, c.ar, s, t).score
                for c, s, t in zip(cases, src, tgt) if c.kind == "correct"]
        if np.mean(np.array(good) > 0.7) < GOOD_SHARE:
            return 0.0
        return corruption_auc(scorer, cases, src, tgt)

    best = score(current)
    for _ in range(ROUNDS):
        moved = False
        for key, grid in PENALTY_GRID.items():
            for value in grid:
                if value == current[key]:
                    continue
                trial = score({**current, key: value})
                if trial > best + MIN_GAIN:
                    best, current, moved = trial, {**current, key: value}, True
        if not moved:
            break
    return {k: round(v, 4) for k, v in current.items()}


def fit(cache: Path | None = None, pairs: list[Pair] | None = None,
        label: str = "every document", cases: list | None = None) -> dict:
    """The calibration fitted on ``pairs`` (default: every ntrex-dev pair); ``cases``:
    the corrupted pairs built on them, if the caller has them."""
    fit_pairs = load_pairs() if pairs is None else pairs
    rng = random.Random(SEED)
    negatives = random_cases(fit_pairs, rng) + same_document_cases(fit_pairs, rng)
    src = embed([p.vi for p in fit_pairs], cache)
    pos_cos = np.sum(src * embed([p.ar for p in fit_pairs], cache), axis=1)
    neg_src = embed([c.vi for c in negatives], cache)
    neg_cos = np.sum(neg_src * embed([c.ar for c in negatives], cache), axis=1)
    x = np.concatenate([pos_cos, pos_cos, neg_cos]).astype(np.float64)  # balance classes
    y = np.concatenate([np.full(2 * len(pos_cos), 1 - SMOOTHING),
                        np.full(len(neg_cos), SMOOTHING)])
    a, b = fit_logistic(x, y)
    mean, v0, k = fit_length([p.vi for p in fit_pairs], [p.ar for p in fit_pairs])
    constants = {"CAL_A": round(a, 4), "CAL_B": round(b, 4), "LEN_MEAN": round(mean, 4),
                 "LEN_VAR0": round(v0, 5), "LEN_VAR_K": round(k, 4)}
    constants.update(fit_penalties(fit_pairs, constants, cache, cases))
    digest = hashlib.blake2b(json.dumps(constants, sort_keys=True).encode(), digest_size=4)
    return {
        "id": f"ntrex-fit-{digest.hexdigest()}",
        "fitted_on": f"ntrex-dev, {label} ({len(fit_pairs)} pairs, "
                     f"{len(negatives)} wrong pairs, half from the same document), "
                     f"soft targets {SMOOTHING}, seed {SEED}",
        "script": "bench/fit_fidelity.py",
        "constants": constants,
        "cosine": {"correct_mean": round(float(pos_cos.mean()), 4),
                   "wrong_mean": round(float(neg_cos.mean()), 4)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {CALIBRATION_PATH.name}")
    parser.add_argument("--cache", type=Path, help="embedding cache (.npz) for repeated runs")
    args = parser.parse_args()
    result = fit(args.cache)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    c = result["constants"]
    for cos in (0.80, 0.85, 0.88, 0.90, 0.92, 0.95):
        p = 1 / (1 + math.exp(-(c["CAL_A"] + c["CAL_B"] * cos)))
        print(f"cosine {cos:.2f} -> meaning {p:.3f}")
    if args.write:
        CALIBRATION_PATH.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        print(f"wrote {CALIBRATION_PATH}")


if __name__ == "__main__":
    main()

"""Fidelity test cases built from ntrex-dev: correct pairs and four kinds of corruption.

Shared by ``fit_fidelity.py`` (fits on the training documents of a fold) and
``bench_fidelity.py`` (k-fold cross-validation by document: each fold's cases are
scored by a calibration fitted on the other folds), so both see the same folds.
Corruptions of the Arabic side of a correct pair:

- ``random``: the Arabic of a sentence from another document;
- ``number``: one number written in digits changed to another value;
- ``half``: the second half of the Arabic (by words) dropped;
- ``name``: a name's Arabic rendering (found with :func:`workbench.names.transliteration.locate`)
  replaced by the rendering of another name from another document.

NTREX-128 is CC BY-SA 4.0 (Federmann, Kocmi and Xin, 2022); nothing derived is shipped.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from ntrex import ntrex_dir

SEED = 13
_DIGITS = re.compile(r"[0-9\u0660-\u0669]+")


@dataclass(frozen=True)
class Pair:
    line: int
    doc: str
    vi: str
    ar: str


@dataclass(frozen=True)
class Case:
    kind: str        # 'correct', 'random', 'number', 'half', 'name'
    line: int        # the source line the case is built on
    vi: str
    ar: str


def load_pairs(root: Path | None = None) -> list[Pair]:
    root = root or ntrex_dir()
    vi = (root / "vi.txt").read_text(encoding="utf-8").split("\n")
    ar = (root / "ar.txt").read_text(encoding="utf-8").split("\n")
    docs = (root / "doc_ids.txt").read_text(encoding="utf-8").split("\n")
    return [
        Pair(i, d.strip(), v.strip(), a.strip())
        for i, (v, a, d) in enumerate(zip(vi, ar, docs))
        if v.strip() and a.strip() and d.strip()
    ]


def split_by_document(pairs: list[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(fit half, held-out half): alternate documents in order of first appearance."""
    order = list(dict.fromkeys(p.doc for p in pairs))
    fit_docs = set(order[0::2])
    return [p for p in pairs if p.doc in fit_docs], [p for p in pairs if p.doc not in fit_docs]


def document_folds(pairs: list[Pair], k: int = 5) -> list[tuple[list[Pair], list[Pair]]]:
    """k (training, held-out) splits by document: documents dealt round-robin in order
    of first appearance, so every document is held out exactly once."""
    order = list(dict.fromkeys(p.doc for p in pairs))
    fold_of = {doc: i % k for i, doc in enumerate(order)}
    return [([p for p in pairs if fold_of[p.doc] != f], [p for p in pairs if fold_of[p.doc] == f])
            for f in range(k)]


def random_cases(pairs: list[Pair], rng: random.Random) -> list[Case]:
    out = []
    for p in pairs:
        other = rng.choice([q for q in pairs if q.doc != p.doc])
        out.append(Case("random", p.line, p.vi, other.ar))
    return out


def same_document_cases(pairs: list[Pair], rng: random.Random) -> list[Case]:
    """Each source with another sentence of its own document: same topic, wrong text."""
    out = []
    for p in pairs:
        others = [q for q in pairs if q.doc == p.doc and q.line != p.line]
        if others:
            out.append(Case("same-doc", p.line, p.vi, rng.choice(others).ar))
    return out


def change_number(ar: str, rng: random.Random) -> str | None:
    """The Arabic with one digit of one number changed, or None if it has no number."""
    spans = list(_DIGITS.finditer(ar))
    if not spans:
        return None
    m = rng.choice(spans)
    digits = list(m.group())
    k = rng.randrange(len(digits))
    zero = "0" if digits[k].isascii() else "\u0660"
    old = int(digits[k]) if digits[k].isascii() else ord(digits[k]) - 0x0660
    choices = [d for d in range(10) if d != old and not (k == 0 and d == 0 and len(digits) > 1)]
    digits[k] = chr(ord(zero) + rng.choice(choices))
    return ar[:m.start()] + "".join(digits) + ar[m.end():]


def number_cases(pairs: list[Pair], rng: random.Random) -> list[Case]:
    out = []
    for p in pairs:
        changed = change_number(p.ar, rng)
        if changed is not None:
            out.append(Case("number", p.line, p.vi, changed))
    return out


def half_cases(pairs: list[Pair]) -> list[Case]:
    out = []
    for p in pairs:
        words = p.ar.split()
        if len(words) >= 4:
            out.append(Case("half", p.line, p.vi, " ".join(words[: len(words) // 2])))
    return out


def name_cases(pairs: list[Pair], rng: random.Random, min_score: float = 0.5) -> list[Case]:
    """Swap one confidently located name rendering for one from another document."""
    from workbench.align.fidelity import source_names
    from workbench.names.transliteration import locate

    found: list[tuple[Pair, int, int, str]] = []
    for p in pairs:
        best = None
        for name in source_names(p.vi):
            m = locate(name, p.ar)
            if m is not None and m.score >= min_score and (best is None or m.score > best[0]):
                best = (m.score, m.start, m.end, m.text)
        if best:
            found.append((p, best[1], best[2], best[3]))
    out = []
    for p, start, end, text in found:
        others = [t for q, _, _, t in found if q.doc != p.doc and t != text]
        if not others:
            continue
        out.append(Case("name", p.line, p.vi, p.ar[:start] + rng.choice(others) + p.ar[end:]))
    return out


def build_cases(pairs: list[Pair], seed: int = SEED) -> list[Case]:
    """Correct pairs and every corruption of them, deterministic for a seed."""
    rng = random.Random(seed)
    cases = [Case("correct", p.line, p.vi, p.ar) for p in pairs]
    cases += random_cases(pairs, rng)
    cases += number_cases(pairs, rng)
    cases += half_cases(pairs)
    cases += name_cases(pairs, rng)
    return cases


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """P(a positive outranks a negative), ties count half (Mann-Whitney U)."""
    if not positives or not negatives:
        return float("nan")
    wins = 0.0
    neg = sorted(negatives)
    import bisect

    for x in positives:
        lo = bisect.bisect_left(neg, x)
        hi = bisect.bisect_right(neg, x)
        wins += lo + 0.5 * (hi - lo)
    return wins / (len(positives) * len(negatives))


def embed(texts: list[str], cache: Path | None = None):
    """Vectors of texts with the default backend; ``cache`` (a .npz) skips re-embedding
    across runs of the benchmark scripts."""
    import numpy as np

    from workbench.align.embedding import get_backend

    backend = get_backend()
    known: dict[str, object] = {}
    if cache is not None and cache.exists():
        data = np.load(cache, allow_pickle=False)
        known = dict(zip(data["texts"].tolist(), data["vectors"]))
    todo = list(dict.fromkeys(t for t in texts if t not in known))
    if todo:
        known.update(zip(todo, backend.embed(todo)))
        if cache is not None:
            keys = list(known)
            np.savez(cache, texts=np.array(keys), vectors=np.stack([known[k] for k in keys]))
    return np.stack([known[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

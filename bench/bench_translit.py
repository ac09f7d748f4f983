"""How well translit.plausibility separates right from wrong name spellings, and how fast.

Genuine pairs: every person/place of the shipped glossaries with its house rendering
and accepted variants (ج/غ, وو, يا spellings).  Impostors: each name against every
other name's rendering, plus each name with two syllables swapped.  Baseline, measured
in the same run: plain normalised Levenshtein similarity between the house rendering
and the text (what a checker would do without the model).

    python3 bench/bench_translit.py
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.lang.normalize import normalize_ar
from workbench.names.transliteration import locate, plausibility, transliterate

ROOT = Path(__file__).resolve().parent.parent


def baseline(vi: str, ar: str) -> float:
    return Levenshtein.normalized_similarity(normalize_ar(transliterate(vi)), normalize_ar(ar))


def pairs() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    rows = []
    for name in ("people_places_demo.csv", "provinces.csv"):
        with (ROOT / "glossaries" / name).open(encoding="utf-8") as handle:
            rows += list(csv.DictReader(handle))
    genuine = [(r["source"], v) for r in rows
               for v in [r["target"], *filter(None, r["variants"].split("|"))]]
    impostor = [(a["source"], b["target"]) for a in rows for b in rows
                if a["target"] != b["target"] and a["source"] not in b["source"]
                and b["source"] not in a["source"]]
    for r in rows:
        words = r["target"].split()
        if len(words) >= 2 and words[0] != words[1]:
            impostor.append((r["source"], " ".join([words[1], words[0], *words[2:]])))
    return genuine, impostor


def separation(score, genuine, impostor) -> tuple[float, float, float]:
    """(share of genuine ≥ t, share of impostors < t, AUC) at the best threshold t."""
    g = [score(v, a) for v, a in genuine]
    i = [score(v, a) for v, a in impostor]
    auc = sum((x > y) + 0.5 * (x == y) for x in g for y in i) / (len(g) * len(i))
    best = max(
        ((sum(x >= t for x in g) / len(g) + sum(y < t for y in i) / len(i)) / 2, t)
        for t in sorted(set(g + i))
    )
    t = best[1]
    return sum(x >= t for x in g) / len(g), sum(y < t for y in i) / len(i), auc


def main() -> None:
    genuine, impostor = pairs()
    print(f"{len(genuine)} genuine spellings, {len(impostor)} impostors")
    for label, score in (("baseline (edit similarity)", baseline), ("translit.plausibility", plausibility)):
        start = time.perf_counter()
        ok, rejected, auc = separation(score, genuine, impostor)
        secs = time.perf_counter() - start
        print(f"{label:28s} genuine accepted {ok:.3f}  impostors rejected {rejected:.3f}  "
              f"AUC {auc:.4f}  {1000 * secs / (len(genuine) + len(impostor)):.2f} ms/pair")
    paragraph = (ROOT / "demo" / "article.ar.txt").read_text(encoding="utf-8").split("\n\n")[19]
    start = time.perf_counter()
    for _ in range(20):
        locate("Tuyên Quang", paragraph)
    per = (time.perf_counter() - start) / 20
    print(f"locate in a {len(paragraph.split())}-word paragraph: {1000 * per:.1f} ms")


if __name__ == "__main__":
    main()

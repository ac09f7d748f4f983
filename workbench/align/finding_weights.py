"""How what the checks find on a link lowers its fidelity score.

The weights per severity are fitted on document-level folds of real reviewed pages by
``bench/fit_finding_weights.py`` and kept in ``finding_weights.json``; the defaults
below are used when that file is missing.
"""

from __future__ import annotations

import json
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("finding_weights.json")


#: How much a finding of each severity takes off a link's fidelity (multiplicatively):
#: what the checks see wrong is a fidelity problem the embeddings may miss.  Style
#: points (correct Arabic, not the house term) and information take nothing off.
DEFAULT_WEIGHTS = {"info": 0.0, "minor": 0.12, "major": 0.3, "critical": 0.45}
NO_WEIGHT_KINDS = frozenset({"style", "inconsistent", "check_error"})


def load_weights(path: Path = WEIGHTS_PATH) -> dict[str, float]:
    """The fitted weights per severity (defaults for what the file does not give)."""
    try:
        fitted = json.loads(path.read_text(encoding="utf-8")).get("weights", {})
    except FileNotFoundError:
        fitted = {}
    return {s: float(fitted.get(s, w)) for s, w in DEFAULT_WEIGHTS.items()}


FINDING_WEIGHTS = load_weights()


def finding_factor(findings, weights: dict[str, float] | None = None) -> tuple[float, list[str]]:
    """The factor the findings of one link leave of its score, and why."""
    weights = FINDING_WEIGHTS if weights is None else weights
    factor, why = 1.0, []
    for f in findings:
        w = 0.0 if f.kind in NO_WEIGHT_KINDS else weights.get(f.severity, 0.0)
        if w:
            factor *= 1.0 - w
            why.append(f"{f.severity} {f.kind}: {f.message}")
    return factor, why


def weigh_findings(links, findings):
    """Links whose fidelity is lowered by the findings of the checks on them."""
    from dataclasses import replace

    from workbench.model.link import ScoreComponent

    by_link: dict[tuple, list] = {}
    for f in findings:
        by_link.setdefault((tuple(f.source), tuple(f.target)), []).append(f)
    out = []
    for link in links:
        found = by_link.get((tuple(link.source), tuple(link.target)), [])
        factor, why = finding_factor(found)
        if link.is_one_sided or factor == 1.0:
            out.append(link)
            continue
        component = ScoreComponent("findings", factor, "; ".join(why))
        out.append(replace(link, score=float(link.score) * factor,
                           components=tuple(link.components) + (component,)))
    return out

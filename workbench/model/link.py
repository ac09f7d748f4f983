"""Links between source and target paragraphs, the output of alignment."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScoreComponent:
    """One named part of a fidelity score, with a sentence a reviewer can read."""

    name: str
    value: float
    explanation: str = ""


@dataclass(frozen=True)
class Link:
    """Consecutive source paragraphs joined to consecutive target paragraphs.

    One side may be empty (a paragraph with no counterpart: ad, caption, omission);
    such a link scores 0.  ``components`` explain the score; ``signature`` records how
    it was made (backend, model, scorer version) so a stored number can be reproduced.
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float = 0.0
    components: tuple[ScoreComponent, ...] = field(default=(), compare=False)
    signature: str = field(default="", compare=False)

    @property
    def is_one_sided(self) -> bool:
        return not self.source or not self.target

    def to_json(self) -> dict:
        """The link as the CLI contract prints it."""
        return {
            "source": list(self.source),
            "target": list(self.target),
            "score": round(float(self.score), 4),
        }

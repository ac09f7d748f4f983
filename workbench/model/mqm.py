"""The MQM error typology offered for tagging (a subset of MQM Core), as data."""

from __future__ import annotations

MQM_CATEGORIES: tuple[str, ...] = (
    "accuracy/mistranslation",
    "accuracy/omission",
    "accuracy/addition",
    "accuracy/untranslated",
    "terminology",
    "fluency/grammar",
    "fluency/spelling",
    "fluency/punctuation",
    "style",
    "locale-convention",
    "other",
)

MQM_SEVERITIES: tuple[str, ...] = ("neutral", "minor", "major", "critical")

"""Exports never fail on stored text: characters XML 1.0 forbids are dropped.

A correction or a title can hold a control character (typed, pasted, or stored
before input was cleaned).  Word, XLSX, XLIFF and TMX are XML, where C0 controls other
than tab and line ends, lone surrogates and U+FFFE/U+FFFF are illegal: lxml refuses
them and openpyxl raises ``IllegalCharacterError``.  :func:`safe_document` returns the
document with every text cleaned, so every exporter gets text it can write.
"""

from __future__ import annotations

import dataclasses
import re


_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (and C1 controls)."""
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


def _clean(value: object) -> object:
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.init}
        return dataclasses.replace(value, **changes)
    return value


def safe_document(doc: object) -> object:
    """A copy of a ReviewedDocument (or any frozen dataclass of texts) whose every
    string is :func:`xml_safe`."""
    return _clean(doc)


__all__ = ["safe_document", "xml_safe"]

"""Spreadsheet formula injection: cells that Excel or LibreOffice would run.

A cell starting with one of ``FORMULA_TRIGGERS`` is evaluated as a formula when a
CSV or XLSX file is opened (``=HYPERLINK(...)``, ``@SUM(...)``).  Exports prefix such
cells with an apostrophe, which spreadsheets show as text; readers of our own exports
take the apostrophe off again so a round trip is exact.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: triggers that never begin a Vietnamese or Arabic term (a term may begin with "-")
TERM_FORMULA_TRIGGERS = ("=", "@")


def neutralise(value: object) -> object:
    """A cell value that cannot run as a spreadsheet formula (strings only)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The value :func:`neutralise` was given (drops the protecting apostrophe)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def looks_like_formula(value: str) -> bool:
    """A term cell that is a formula, not a term (``=HYPERLINK("http://…")``)."""
    return value.lstrip().startswith(TERM_FORMULA_TRIGGERS)

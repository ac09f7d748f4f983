"""Glossaries: the house's and the project's agreed Vietnamese→Arabic renderings.

A glossary is read whole or not at all: any malformed row raises
:class:`GlossaryFormatError` naming the file and line, so a reviewer never works with a
half-loaded term list.  Formats: the CSV of the CLI contract (columns in any order,
extra columns kept) and TBX through translate-toolkit, parsed without resolving external
entities or touching the network.

Several glossaries merge into one (house first, then project): a later glossary's entry
for the same Vietnamese term (compared case- and Unicode-form-insensitively) replaces
the earlier one whole, because a project glossary that redefines a term means it.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from lxml import etree

from workbench.errors import GlossaryFormatError
from workbench.glossary.entry_options import MATCH_MODES, validate_options  # noqa: F401 (re-exported)
from workbench.reading.xml_safety import declares_entities
from workbench.spreadsheet_cells import looks_like_formula, neutralise, restore

#: Columns the CLI contract defines; anything else is an extra column, kept as is.
KNOWN_COLUMNS = ("source", "target", "variants", "forbidden", "category", "note", "match")
REQUIRED_COLUMNS = ("source", "target")
#: Categories the checks know about; other values are kept but no check uses them.
CATEGORIES = ("person", "place", "admin_level", "organization", "title", "term")
_SEP = "|"
_GENDERS = {"f": "female", "female": "female", "nữ": "female", "w": "female",
            "m": "male", "male": "male", "nam": "male"}


def _key(source: str) -> str:
    """Comparison key of a Vietnamese term: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", source).casefold().split())


@dataclass(frozen=True)
class GlossaryEntry:
    """One Vietnamese term and its accepted, and forbidden, Arabic renderings.

    ``origin_file``/``line`` say where the entry was defined so a reviewer can fix it
    there; ``extra`` holds the columns the contract does not define (e.g. ``gender``).
    """

    source: str
    target: str
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    category: str = "term"
    note: str = ""
    extra: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    origin_file: str = ""
    line: int = 0
    match: str = "exact"

    def __post_init__(self) -> None:
        # A read-only view, so a frozen entry cannot be changed through its extras.
        object.__setattr__(self, "extra", MappingProxyType(dict(self.extra)))

    @property
    def renderings(self) -> tuple[str, ...]:
        """Every accepted Arabic rendering, the preferred one first."""
        return (self.target, *self.variants)

    @property
    def style(self) -> tuple[str, ...]:
        """Correct Arabic that is not the house term (an extra ``style`` column, ``|``-separated):
        "اللجنة الشعبية الإقليمية" for UBND tỉnh where the house writes "في المقاطعة".
        A check reports it as a minor style point, never as a wrong rendering."""
        return _split(self.extra.get("style") or "")

    @property
    def optional(self) -> bool:
        """Whether a translation may leave the term out (an extra ``optional`` column: a
        form of address such as đồng chí before a name and title)."""
        return (self.extra.get("optional") or "").strip().lower() in ("yes", "y", "true", "1")

    @property
    def toneless(self) -> bool:
        """Whether the Vietnamese term may also be matched without diacritics."""
        return self.match == "toneless"

    @property
    def gender(self) -> str:
        """``female``/``male`` from an extra ``gender`` column (f/m/nữ/nam too), else ``''``."""
        value = (self.extra.get("gender") or "").strip().lower()
        return _GENDERS.get(value, "")

    @property
    def where(self) -> str:
        """``file:line`` for messages."""
        return f"{self.origin_file}:{self.line}" if self.line else self.origin_file


class Glossary:
    """An ordered set of entries, at most one per Vietnamese term."""

    def __init__(self, entries: Iterable[GlossaryEntry] = (), name: str = "") -> None:
        self.name = name
        self._by_key: dict[str, GlossaryEntry] = {}
        for entry in entries:
            self._by_key[_key(entry.source)] = entry

    @property
    def entries(self) -> tuple[GlossaryEntry, ...]:
        return tuple(self._by_key.values())

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, source: object) -> bool:
        return isinstance(source, str) and _key(source) in self._by_key

    def __repr__(self) -> str:
        return f"Glossary({self.name!r}, {len(self)} entries)"

    def lookup(self, source: str) -> GlossaryEntry | None:
        """The entry for a Vietnamese term (case and Unicode form ignored), or None."""
        return self._by_key.get(_key(source))

    def by_category(self, category: str) -> tuple[GlossaryEntry, ...]:
        return tuple(e for e in self._by_key.values() if e.category == category)

    @classmethod
    def merge(cls, *glossaries: Glossary) -> Glossary:
        """One glossary from several; a later glossary's entry replaces an earlier one."""
        merged = cls(name="+".join(g.name for g in glossaries if g.name))
        for glossary in glossaries:
            for entry in glossary:
                merged._by_key[_key(entry.source)] = entry
        return merged


# --------------------------------------------------------------------------- CSV


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(_SEP) if part.strip())


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryFormatError(
            f"{name}:{line}: not UTF-8 (byte {data[exc.start]:#04x}); "
            "save the glossary as UTF-8 and load it again"
        ) from None
    return unicodedata.normalize("NFC", text)


def _entry_from_row(row: dict[str, str], name: str, line: int) -> GlossaryEntry:
    row = {k: restore(v) if isinstance(v, str) else v for k, v in row.items()}
    for column in ("source", "target", "variants", "forbidden"):
        cell = row.get(column) or ""
        if looks_like_formula(cell):
            raise GlossaryFormatError(
                f"{name}:{line}: the '{column}' cell {cell[:40]!r} is a spreadsheet formula, "
                "not a term; type the term itself (nothing was loaded from this file)"
            )
    source = " ".join(row.get("source", "").split())
    target = " ".join(row.get("target", "").split())
    if not source:
        raise GlossaryFormatError(f"{name}:{line}: empty 'source'; give the Vietnamese term or delete the row")
    if not target:
        raise GlossaryFormatError(
            f"{name}:{line}: empty 'target' for {source!r}; give its Arabic rendering or delete the row"
        )
    match = validate_options(row, f"{name}:{line}", source)  # match, severity, unless
    variants = tuple(v for v in _split(row.get("variants", "")) if v != target)
    forbidden = _split(row.get("forbidden", ""))
    clash = set(forbidden) & {target, *variants}
    if clash:
        raise GlossaryFormatError(
            f"{name}:{line}: {sorted(clash)[0]!r} is both accepted and forbidden for {source!r}; "
            "keep it in one column only"
        )
    extra = {k: (v or "").strip() for k, v in row.items() if k not in KNOWN_COLUMNS}
    return GlossaryEntry(
        source=source,
        target=target,
        variants=variants,
        forbidden=forbidden,
        category=(row.get("category") or "").strip().lower() or "term",
        note=(row.get("note") or "").strip(),
        extra=extra,
        origin_file=name,
        line=line,
        match=match,
    )


def _add(entries: dict[str, GlossaryEntry], entry: GlossaryEntry, name: str) -> None:
    """Add an entry of one file; a repeated term must agree on the preferred rendering."""
    key = _key(entry.source)
    old = entries.get(key)
    if old is None:
        entries[key] = entry
        return
    if old.target != entry.target:
        raise GlossaryFormatError(
            f"{name}:{entry.line}: {entry.source!r} is already defined on line {old.line} as "
            f"{old.target!r}, here as {entry.target!r}; keep one row (put the other in 'variants')"
        )
    entries[key] = replace(
        old,
        variants=tuple(dict.fromkeys(old.variants + entry.variants)),
        forbidden=tuple(dict.fromkeys(old.forbidden + entry.forbidden)),
    )


def load_glossary_csv(data: bytes, name: str) -> Glossary:
    """Parse a glossary CSV (see CLI-CONTRACT.md); raise GlossaryFormatError on any bad row."""
    text = _decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise GlossaryFormatError(f"{name}:1: empty file; a glossary needs a header row "
                                  f"({', '.join(REQUIRED_COLUMNS)}, ...)") from None
    except csv.Error as exc:
        raise GlossaryFormatError(f"{name}:1: unreadable CSV header ({exc})") from None
    columns = [h.strip().lower() for h in header]
    for required in REQUIRED_COLUMNS:
        if required not in columns:
            raise GlossaryFormatError(
                f"{name}:1: missing required column {required!r} (header is {', '.join(columns)}); "
                f"the header must name at least {', '.join(REQUIRED_COLUMNS)}"
            )
    dupes = {c for c in columns if columns.count(c) > 1 and c}
    if dupes:
        raise GlossaryFormatError(f"{name}:1: column {sorted(dupes)[0]!r} appears twice in the header")
    entries: dict[str, GlossaryEntry] = {}
    line = 1
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                raise GlossaryFormatError(
                    f"{name}:{line}: {len(cells)} cells but the header has {len(columns)} columns; "
                    "quote cells that contain commas"
                )
            row = {c: v for c, v in zip(columns, cells) if c}
            _add(entries, _entry_from_row(row, name, line), name)
    except csv.Error as exc:
        raise GlossaryFormatError(f"{name}:{reader.line_num}: unreadable CSV ({exc})") from None
    return Glossary(entries.values(), name=name)


def dump_csv(glossary: Glossary) -> bytes:
    """The glossary as UTF-8 CSV that :func:`load_glossary_csv` reads back unchanged."""
    extra_cols: list[str] = []
    for entry in glossary:
        for k in entry.extra:
            if k not in extra_cols:
                extra_cols.append(k)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*KNOWN_COLUMNS, *extra_cols])
    for e in glossary:
        writer.writerow([neutralise(cell) for cell in (
            e.source, e.target, _SEP.join(e.variants), _SEP.join(e.forbidden),
            e.category, e.note, e.match, *(e.extra.get(k, "") for k in extra_cols),
        )])
    return out.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- TBX

_DEPRECATED = "deprecatedTerm-admn-sts"


def _safe_tree(data: bytes, name: str) -> None:
    """Refuse TBX that declares entities (XXE, billion laughs) or is not well-formed XML."""
    if declares_entities(data) == "ENTITY":  # after decoding: UTF-16 hides it from bytes
        raise GlossaryFormatError(
            f"{name}: TBX declares XML entities (<!ENTITY>), which are refused for safety; "
            "export the glossary again without a DTD internal subset"
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, dtd_validation=False)
    try:
        etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else 0)
        raise GlossaryFormatError(f"{name}:{line}: malformed TBX ({exc.msg}); fix the XML") from None


def load_tbx(data: bytes, name: str) -> Glossary:
    """Parse a TBX glossary (vi source, ar target) with translate-toolkit, safely.

    The first non-deprecated Arabic term is the target, the others variants;
    deprecated terms are forbidden.  Notes ``category:``, ``match:`` and ``key=value``
    written by :func:`dump_tbx` restore the other fields.
    """
    from translate.storage import tbx

    _safe_tree(data, name)
    try:
        store = tbx.tbxfile.parsestring(data)
    except Exception as exc:  # translate-toolkit raises assorted errors on bad TBX
        raise GlossaryFormatError(f"{name}: malformed TBX ({exc}); fix the file") from None
    entries: dict[str, GlossaryEntry] = {}
    for unit in store.units:
        line = getattr(unit.xmlelement, "sourceline", 0) or 0
        source = " ".join((unit.source or "").split())
        terms = unit.get_target_terms("ar") or unit.get_target_terms()
        ok = [" ".join(t.text.split()) for t in terms if t.text.strip() and not t.deprecated]
        bad = [" ".join(t.text.split()) for t in terms if t.text.strip() and t.deprecated]
        fields: dict[str, str] = {}
        notes: list[str] = []
        for note in unit.get_common_notes(source=True):
            k, sep, v = note.text.partition("=")
            if note.category == "workbench" and sep:
                fields[k.strip()] = v
            elif note.text.strip():
                notes.append(note.text.strip())
        row = {
            "source": source,
            "target": ok[0] if ok else "",
            "variants": _SEP.join(ok[1:]),
            "forbidden": _SEP.join(bad),
            "note": fields.pop("note", "\n".join(notes)),
            **fields,
        }
        _add(entries, _entry_from_row(row, name, line), name)
    return Glossary(entries.values(), name=name)


def dump_tbx(glossary: Glossary) -> bytes:
    """The glossary as TBX (vi→ar) that :func:`load_tbx` reads back unchanged."""
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage="vi", targetlanguage="ar")
    for e in glossary:
        unit = store.addsourceunit(e.source)
        unit.set_target_terms([*e.renderings, *e.forbidden], "ar")
        lang = unit.target_dom
        tigs = lang.findall(unit.namespaced("tig"))
        for tig in tigs[len(e.renderings):]:
            status = etree.SubElement(tig, unit.namespaced("termNote"))
            status.set("type", "administrativeStatus")
            status.text = _DEPRECATED
        fields = {"category": e.category, "match": e.match, "note": e.note, **e.extra}
        for k, v in fields.items():
            descrip = etree.SubElement(unit.xmlelement, unit.namespaced("descrip"))
            descrip.set("type", "workbench")
            descrip.text = f"{k}={v}"
        # descrips belong before the langSets in TBX's content model
        for d in unit.xmlelement.findall(unit.namespaced("descrip")):
            unit.xmlelement.remove(d)
            unit.xmlelement.insert(0, d)
    return bytes(store)


# --------------------------------------------------------------------------- edge


def load_glossary(data: bytes, name: str) -> Glossary:
    """CSV or TBX by the file name's extension (``.tbx``), CSV otherwise."""
    if name.lower().endswith(".tbx"):
        return load_tbx(data, name)
    return load_glossary_csv(data, name)


def load_default_glossaries(directory: str | Path) -> Glossary:
    """Every ``*.csv`` and ``*.tbx`` of a directory, merged in file-name order.

    The one place this module reads files: callers (CLI, app) hand over a directory.
    """
    directory = Path(directory)
    files = sorted(p for p in directory.iterdir() if p.suffix.lower() in (".csv", ".tbx"))
    return Glossary.merge(*(load_glossary(p.read_bytes(), p.name) for p in files)) if files \
        else Glossary(name=str(directory))

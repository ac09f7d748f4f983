"""XLIFF 1.2 and 2.0 export of a reviewed document, and import of a reviewed XLIFF.

Export goes through translate-toolkit.  Its ``xlifffile`` writes XLIFF 1.1 unless it
is parsed from a 1.2 skeleton, so it starts from one (NOTES.md); its ``Xliff2File``
keeps no segment state and puts notes and ``xml:space`` on ``<segment>`` (not allowed
there in 2.0), so state, notes and ``xml:space`` are written onto its elements directly.

Each unit's id is its ordinal, so an edited file maps back onto the same units.
Review states use the standard vocabularies:

=========  ===========================  ==========
workbench  XLIFF 1.2 ``target/@state``  XLIFF 2.0
=========  ===========================  ==========
machine    needs-review-translation     initial
reviewed   translated                   reviewed
final      final (``approved="yes"``)   final
=========  ===========================  ==========

Import parses with a hardened lxml parser: no DTD loading, no network, no entity
expansion, and a document that declares a DTD is refused outright.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree
from translate.storage import xliff as xliff12
from translate.storage import xliff2

from workbench.errors import DocumentError
from workbench.reading.xml_safety import declares_entities
from workbench.model.reviewed_document import ReviewedDocument, ReviewedUnit

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
FILE_ID = "document"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

STATE_TO_12 = {"machine": "needs-review-translation", "reviewed": "translated", "final": "final"}
STATE_TO_20 = {"machine": "initial", "reviewed": "reviewed", "final": "final"}
# Import: every standard state onto the workbench's three.
STATE_FROM_12 = {
    "new": "machine", "needs-translation": "machine", "needs-adaptation": "machine",
    "needs-l10n": "machine", "needs-review-translation": "machine",
    "needs-review-adaptation": "machine", "needs-review-l10n": "machine",
    "translated": "reviewed", "signed-off": "final", "final": "final",
}
STATE_FROM_20 = {
    "initial": "machine", "translated": "reviewed", "reviewed": "reviewed", "final": "final",
}

_SKELETON_12 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<xliff version="1.2" xmlns="{NS_12}">'
    '<file original="{original}" source-language="{src}" target-language="{tgt}" '
    'datatype="plaintext"><body/></file></xliff>'
)


@dataclass(frozen=True)
class ImportedUnit:
    """A unit read back from a reviewed XLIFF: its corrected target and state.

    ``target`` is None when the file has no target for the unit (never an empty
    string standing for "missing", which would wipe a correction).
    """

    ordinal: int
    source: str
    target: str | None
    state: str
    notes: tuple[str, ...] = ()


def _notes(unit: ReviewedUnit) -> list[tuple[str, str]]:
    """(author, text) notes for a unit: the reviewer's note, then its findings."""
    notes: list[tuple[str, str]] = []
    if unit.note.strip():
        notes.append(("reviewer", unit.note.strip()))
    for reviewed in unit.findings:
        f = reviewed.finding
        notes.append(("qa", f"[{f.severity} {f.kind}, {reviewed.status}] {f.message}"))
    return notes


def _units(doc: ReviewedDocument, include_noise: bool) -> list[ReviewedUnit]:
    return [u for u in doc.units if include_noise or not u.is_noise]


def _serialise(root: etree._Element) -> bytes:
    etree.cleanup_namespaces(root)
    return etree.tostring(
        root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def export_xliff12(doc: ReviewedDocument, *, include_noise: bool = False) -> bytes:
    """XLIFF 1.2 bytes: one ``trans-unit`` per unit, MT as needing review."""
    skeleton = _SKELETON_12.format(
        original=_attr(doc.title or FILE_ID), src=doc.source_lang, tgt=doc.target_lang
    )
    store = xliff12.xlifffile.parsestring(skeleton.encode("utf-8"))
    for unit in _units(doc, include_noise):
        tu = store.addsourceunit(unit.source_text, filename=doc.title or FILE_ID)
        tu.setid(str(unit.ordinal))
        tu.settarget(unit.final_text, lang=doc.target_lang)
        target = tu.xmlelement.find(f"{{{NS_12}}}target")
        if target is None:  # empty final text: keep an explicit, empty target
            target = etree.SubElement(tu.xmlelement, f"{{{NS_12}}}target")
        target.set("state", STATE_TO_12[unit.state])
        tu.xmlelement.set("approved", "yes" if unit.is_approved else "no")
        if unit.is_noise:
            tu.xmlelement.set("translate", "no")
        for author, text in _notes(unit):
            tu.addnote(text, origin=author)
    return _serialise(store.document.getroot())


def export_xliff20(doc: ReviewedDocument, *, include_noise: bool = False) -> bytes:
    """XLIFF 2.0 bytes: one ``unit`` per unit, state on its segment, notes on the unit."""
    store = xliff2.Xliff2File()
    store.setsourcelanguage(doc.source_lang)
    store.settargetlanguage(doc.target_lang)
    for unit in _units(doc, include_noise):
        segment = store.addsourceunit(unit.source_text)
        segment.setid(str(unit.ordinal))
        segment.settarget(unit.final_text)
        seg_el = segment.xmlelement
        seg_el.set("state", STATE_TO_20[unit.state])
        if seg_el.find(f"{{{NS_20}}}target") is None:
            etree.SubElement(seg_el, f"{{{NS_20}}}target")
        unit_el = segment.getunitelement()
        # translate-toolkit puts xml:space on <segment>, which the 2.0 schema does
        # not allow there; <unit> takes it and its source/target inherit it.
        seg_el.attrib.pop(XML_SPACE, None)
        unit_el.set(XML_SPACE, "preserve")
        if unit.is_noise:
            unit_el.set("translate", "no")
        notes = _notes(unit)
        if notes:
            notes_el = etree.Element(f"{{{NS_20}}}notes")
            for author, text in notes:
                note_el = etree.SubElement(notes_el, f"{{{NS_20}}}note", category=author)
                note_el.text = text
            unit_el.insert(0, notes_el)  # notes come before segments in 2.0
    return _serialise(store.document.getroot())


def _attr(text: str) -> str:
    """Escape a value for the skeleton's ``original`` attribute."""
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def _parse(data: bytes, name: str) -> etree._Element:
    if declares_entities(data):  # checked on the decoded text, before any parsing
        raise DocumentError(
            f"{name}: the file declares a DTD/entities, which XLIFF does not need; "
            "refused for safety — export it again without a DOCTYPE")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(
            f"{name}: not well-formed XML ({exc}); export the file again from the CAT tool"
        ) from None
    if root.getroottree().docinfo.internalDTD is not None or root.getroottree().docinfo.doctype:
        raise DocumentError(
            f"{name}: the file declares a DTD/entities, which XLIFF does not need; "
            "refused for safety — export it again without a DOCTYPE"
        )
    return root


def _text(element: etree._Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def _target(element: etree._Element | None) -> str | None:
    return None if element is None else "".join(element.itertext())


def _ordinal(value: str | None, name: str) -> int:
    try:
        return int(value or "")
    except ValueError:
        raise DocumentError(
            f"{name}: unit id {value!r} is not a workbench unit number; "
            "import only XLIFF files exported by the workbench"
        ) from None


def import_xliff(data: bytes, name: str = "XLIFF file") -> dict[int, ImportedUnit]:
    """Read a reviewed XLIFF 1.2 or 2.0 back: ``{ordinal: ImportedUnit}``.

    Raises ``DocumentError`` naming ``name`` for malformed XML, a DTD, an XLIFF
    version other than 1.2/2.0, or unit ids that are not workbench ordinals.
    """
    root = _parse(data, name)
    version = root.get("version", "")
    units: dict[int, ImportedUnit] = {}
    if root.tag == f"{{{NS_12}}}xliff" or (root.tag == "xliff" and version == "1.2"):
        ns = f"{{{NS_12}}}" if root.tag.startswith("{") else ""
        for tu in root.iter(f"{ns}trans-unit"):
            ordinal = _ordinal(tu.get("id"), name)
            target = tu.find(f"{ns}target")
            state_attr = target.get("state") if target is not None else None
            if state_attr in STATE_FROM_12:
                state = STATE_FROM_12[state_attr]
            elif tu.get("approved") == "yes":
                state = "final"
            else:
                state = "machine"
            notes = tuple(_text(n) for n in tu.findall(f"{ns}note"))
            source = _text(tu.find(f"{ns}source"))
            units[ordinal] = ImportedUnit(ordinal, source, _target(target), state, notes)
    elif root.tag == f"{{{NS_20}}}xliff":
        ns = f"{{{NS_20}}}"
        for unit in root.iter(f"{ns}unit"):
            ordinal = _ordinal(unit.get("id"), name)
            sources: list[str] = []
            targets: list[str | None] = []
            states: list[str] = []
            for part in unit:
                if part.tag in (f"{ns}segment", f"{ns}ignorable"):
                    sources.append(_text(part.find(f"{ns}source")))
                    targets.append(_target(part.find(f"{ns}target")))
                    if part.tag == f"{ns}segment":
                        states.append(STATE_FROM_20.get(part.get("state", "initial"), "machine"))
            # A unit is only as far along as its least-reviewed segment.
            order = ["machine", "reviewed", "final"]
            state = min(states, key=order.index) if states else "machine"
            notes = tuple(_text(n) for n in unit.iter(f"{ns}note"))
            # Segments without a target contribute nothing; no target at all is None.
            joined = None if all(t is None for t in targets) else "".join(t or "" for t in targets)
            units[ordinal] = ImportedUnit(ordinal, "".join(sources), joined, state, notes)
    else:
        raise DocumentError(
            f"{name}: not an XLIFF 1.2 or 2.0 file (root {etree.QName(root).localname!r}, "
            f"version {version!r}); export XLIFF 1.2 or 2.0 from the CAT tool"
        )
    return units


def apply_imported(
    doc: ReviewedDocument, imported: dict[int, ImportedUnit], name: str = "XLIFF file"
) -> tuple[ReviewedDocument, tuple[int, ...]]:
    """The document with the imported targets and states, and the ordinals that changed.

    A unit absent from the file, or imported without a target, keeps its text.  A
    unit whose source differs from the document's, or an ordinal the document does
    not have, means the file belongs to another document or version:
    ``DocumentError`` naming the file and the unit.
    """
    by_ordinal = {u.ordinal: u for u in doc.units}
    for ordinal, unit in imported.items():
        if ordinal not in by_ordinal:
            raise DocumentError(
                f"{name}: unit {ordinal} is not in document {doc.title!r}; "
                "import the XLIFF into the document it was exported from"
            )
        if unit.source.strip() != by_ordinal[ordinal].source_text.strip():
            raise DocumentError(
                f"{name}: the source of unit {ordinal} differs from the document's; "
                "the file was exported from another version — export it again"
            )
    changed: list[int] = []
    units = []
    for unit in doc.units:
        new = imported.get(unit.ordinal)
        if new is not None and (
            (new.target is not None and new.target != unit.final_text) or new.state != unit.state
        ):
            unit = replace(
                unit,
                final_text=new.target if new.target is not None else unit.final_text,
                state=new.state,
            )
            changed.append(unit.ordinal)
        units.append(unit)
    return replace(doc, units=tuple(units)), tuple(changed)

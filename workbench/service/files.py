"""Use cases that turn stored data into files and files into stored data: a reviewed
document exported in one format, the glossary as CSV/TBX, a CSV/TBX upload imported,
and the shipped glossary files' terms as the files have them.

Exports return bytes and are built only when a caller asks for one format, so a page
can offer every download without running every exporter.  The format tables, the
exporters and the glossary parsers are imported on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from workbench.errors import WorkbenchError
from workbench.service.documents import DocumentCases
from workbench.service.quality import QualityGateCases
from workbench.service.glossary import GlossaryCases
from workbench.service.users import UserCases
from workbench.service.views import User

#: Which glossary a download holds: the terms stored in the workbench, or everything
#: the checks use (the shipped glossaries with the stored terms on top).
GLOSSARY_SCOPES = ("workbench", "all")


@dataclass(frozen=True)
class FileFormat:
    """How a file is offered for download: format key, extension, MIME type, label."""

    name: str
    extension: str
    mime: str
    label: str
    #: holds approved links only: while nothing is approved the file would be empty
    approved_only: bool = False

    @property
    def when_nothing_approved(self) -> str:
        """What to say instead of handing out an empty file ("" for other formats)."""
        if not self.approved_only:
            return ""
        return (f"Nothing is approved yet, so the {self.name.upper()} would be empty: it "
                "holds approved links only (a translation memory takes only what an editor "
                "approved). Approve links first.")


@dataclass(frozen=True)
class ShippedTerm:
    """A term of the shipped glossaries (``glossaries/*.csv``), read-only; ``file``
    says where it is defined (``file:line``)."""

    source: str
    target: str
    variants: tuple[str, ...]
    forbidden: tuple[str, ...]
    category: str
    note: str
    file: str


def document_formats() -> tuple[FileFormat, ...]:
    """The formats a reviewed document can be exported in, in the order offered."""
    from workbench.export import EXPORTERS, FORMATS

    return tuple(FileFormat(name, FORMATS[name].extension, FORMATS[name].mime,
                            FORMATS[name].label, FORMATS[name].approved_only)
                 for name in EXPORTERS)


def glossary_formats() -> tuple[FileFormat, ...]:
    """The formats the glossary can be downloaded in (CSV, TBX)."""
    from workbench.export import GLOSSARY_FORMATS

    return tuple(FileFormat(name, f.extension, f.mime, f.label)
                 for name, f in GLOSSARY_FORMATS.items())


@cache
def _shipped_terms() -> tuple[ShippedTerm, ...]:
    # shipped_glossary() is loaded once per process; so are its views.
    from workbench.pipeline import shipped_glossary

    return tuple(ShippedTerm(e.source, e.target, tuple(e.variants), tuple(e.forbidden),
                             e.category, e.note, e.where) for e in shipped_glossary())


class FileCases:
    """Exports to bytes and glossary uploads; every call checks the actor's right."""

    def __init__(self, users: UserCases, documents: DocumentCases,
                 terms: GlossaryCases, quality: QualityGateCases | None = None) -> None:
        self.users = users
        self.documents = documents
        self.terms = terms
        self.quality = quality

    def export_document(self, actor: User, doc_id: int, fmt: str, final: bool = False,
                        reason: str | None = None) -> bytes:
        """The document as it is now (approved links final) in format ``fmt`` (a
        :func:`document_formats` name).  Needs the export right.  ``final``: the
        delivery; with critical findings open it needs a ``reason``
        (:class:`~workbench.service.quality.ReasonRequired`), kept for the QA report."""
        from workbench.export import export_document

        if final and self.quality is not None:
            self.quality.pass_final_export(actor, doc_id, reason)
        document = self.documents.reviewed_document(actor, doc_id)  # checks the export right
        try:
            return export_document(document, fmt)
        except ValueError as exc:  # an unknown format
            raise WorkbenchError(str(exc)) from exc

    def glossary_file(self, actor: User, fmt: str, scope: str = "workbench") -> bytes:
        """The glossary as ``fmt`` ('csv' or 'tbx') bytes: the approved stored terms
        (``scope='workbench'``, sorted by source term) or everything the checks use
        (``scope='all'``: the configured, by default shipped, glossary with the stored
        terms on top, the rule of the checks)."""
        from workbench.export import export_glossary
        from workbench.glossary.terms import Glossary, GlossaryEntry

        if scope not in GLOSSARY_SCOPES:
            raise WorkbenchError(
                f"unknown glossary {scope!r}; choose one of {', '.join(GLOSSARY_SCOPES)}")
        if scope == "workbench":
            terms = self.terms.list_terms(actor, status="approved")  # checks the view right
            glossary = Glossary((GlossaryEntry(t.source, t.target, t.variants, t.forbidden,
                                               t.category, t.note) for t in terms),
                                name="workbench")
        else:
            self.users.check(actor, "view")
            glossary = self.terms.effective_glossary()
        try:
            return export_glossary(glossary, fmt)
        except ValueError as exc:  # an unknown format
            raise WorkbenchError(str(exc)) from exc

    def import_glossary_file(self, actor: User, name: str, data: bytes) -> tuple[int, int]:
        """Store the terms of an uploaded CSV or TBX glossary (by ``name``'s extension;
        glossary maintainer).  Returns (added, updated) as :meth:`import_terms`; a
        malformed file raises :class:`~workbench.errors.GlossaryFormatError` naming
        the file and line, before anything is stored."""
        from workbench.glossary.terms import load_glossary

        self.users.check(actor, "edit_glossary")
        return self.terms.import_terms(actor, load_glossary(data, name))

    def shipped_terms(self, actor: User) -> tuple[ShippedTerm, ...]:
        """The terms of the shipped glossary files as the files have them (the database
        holds them as loaded, and edited, since: :meth:`GlossaryCases.list_terms`).  A
        shipped file that does not load raises
        :class:`~workbench.errors.GlossaryFormatError`."""
        self.users.check(actor, "view")
        return _shipped_terms()

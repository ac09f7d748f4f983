"""The shipped glossaries (``glossaries/*.csv``) loaded into the database, and later
versions of the files brought in without undoing what maintainers changed.

Each stored term keeps the file it came from (``origin``) and the term as that file
last gave it (``shipped``).  Loading again is cheap and changes nothing while the files
are unchanged, so every opening of the service runs it.  When a file changed:

- a new line adds a term;
- a changed line updates the term only if nobody changed it here (its fields still
  equal the file's previous version); a term a maintainer changed is kept, and the
  file's new version goes into its history ("file changed, edit kept");
- a removed line deletes the term, again only if nobody changed it;
- a term deleted here stays deleted.

A term made here with the same Vietnamese source as a file's new line stands for it
(kept as changed here).  Every step is in the terms' history, with no user.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.service.glossary_terms import GlossarySync, edited
from workbench.store import GlossaryTermRow, Store, Transaction
from workbench.store import glossary as term_rows

if TYPE_CHECKING:
    from workbench.glossary.terms import Glossary, GlossaryEntry

log = logging.getLogger(__name__)


def _key(source: str) -> str:
    """A Vietnamese term compared as glossaries compare it (NFC, case-folded)."""
    return " ".join(unicodedata.normalize("NFC", source).casefold().split())


def file_fields(entry: GlossaryEntry) -> dict:
    """A file's term as the database keeps it: the editable fields, match and extras."""
    return {"source": entry.source, "target": entry.target, "variants": list(entry.variants),
            "forbidden": list(entry.forbidden), "category": entry.category,
            "note": entry.note, "match": entry.match, "extra": dict(entry.extra)}


def _editable(fields: dict) -> dict:
    return {k: fields[k] for k in term_rows.FIELDS}


class ShippedGlossary:
    """Loads ``glossary`` (None: the shipped files) into the store; see the module."""

    def __init__(self, store: Store, clock: Callable[[], datetime],
                 glossary: Glossary | None = None) -> None:
        self.store = store
        self.clock = clock
        self.glossary = glossary

    def _files(self) -> Glossary:
        if self.glossary is not None:
            return self.glossary
        from workbench.pipeline import shipped_glossary

        return shipped_glossary()

    def sync(self) -> GlossarySync:
        """Load new and changed file lines (see the module); what was done."""
        from workbench.errors import WorkbenchError

        try:
            glossary = self._files()
        except WorkbenchError as exc:  # a broken shipped file: the stored terms stay
            log.error("shipped glossaries not loaded: %s", exc)
            return GlossarySync(problem=str(exc))
        done: dict[str, list[str]] = {"loaded": [], "updated": [], "kept": [], "removed": []}
        with self.store.session() as s:
            term_rows.lock_terms(s)
            rows = term_rows.from_files(s)
            known = {(r.origin, _key(r.shipped["source"])): r for r in rows if r.shipped}
            approved = {_key(r.source): r for r in term_rows.by_source(s, "approved")}
            now = self.clock()
            for entry in glossary:
                origin = entry.origin_file or glossary.name or "configured"
                row = known.pop((origin, _key(entry.source)), None)
                if row is None:
                    row = approved.get(_key(entry.source))
                    if row is not None and any(r is row for r in known.values()):
                        known = {k: r for k, r in known.items() if r is not row}  # moved
                self._one(s, row, origin, file_fields(entry), now, done)
            for row in known.values():
                self._gone(s, row, now, done)
        result = GlossarySync(**{k: tuple(v) for k, v in done.items()},
                              files=tuple(sorted({e.origin_file for e in glossary
                                                  if e.origin_file})))
        if result.changed:
            log.info("%s", result.message)
        return result

    def _one(self, s: Transaction, row: GlossaryTermRow | None, origin: str, fields: dict,
             now: datetime, done: dict[str, list[str]]) -> None:
        """Bring one file line in (``row``: the stored term it stands for, if any)."""
        if row is None:
            row = term_rows.add(s, _editable(fields), "approved", now, None, None,
                                origin=origin, match=fields["match"], extra=fields["extra"],
                                shipped=fields)
            term_rows.record(s, row.id, None, now, "loaded", None, _editable(fields),
                             f"from {origin}")
            done["loaded"].append(row.source)
            return
        if row.shipped == fields and row.origin == origin:
            return
        if row.status == "deleted":
            term_rows.set_from_file(s, row, origin, row.match, row.extra or {}, fields)
        elif row.shipped is not None and not edited(row):
            before = term_rows.fields_of(row)
            term_rows.update(s, row, _editable(fields), now)
            term_rows.set_from_file(s, row, origin, fields["match"], fields["extra"], fields)
            term_rows.record(s, row.id, None, now, "file_update", before, _editable(fields),
                             f"{origin} changed")
            done["updated"].append(row.source)
        else:
            term_rows.set_from_file(s, row, origin, fields["match"], fields["extra"], fields)
            term_rows.record(s, row.id, None, now, "file_kept", term_rows.fields_of(row),
                             _editable(fields), f"{origin} has a new version of this term; "
                             "the version changed here is kept")
            done["kept"].append(row.source)

    def _gone(self, s: Transaction, row: GlossaryTermRow, now: datetime,
              done: dict[str, list[str]]) -> None:
        """A term its file no longer has."""
        if row.status == "deleted":
            return
        before = term_rows.fields_of(row)
        if not edited(row):
            term_rows.decide(s, row, "deleted", None, now)
            term_rows.record(s, row.id, None, now, "file_removed", before, None,
                             f"no longer in {row.origin}")
            done["removed"].append(row.source)
            return
        term_rows.set_from_file(s, row, row.origin, row.match, row.extra or {}, None)
        term_rows.record(s, row.id, None, now, "file_kept", before, None,
                         f"no longer in {row.origin}; kept because it was changed here")
        done["kept"].append(row.source)

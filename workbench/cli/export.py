"""``python -m workbench export|import-xliff``: editors' exports from a shell.

    python -m workbench export DOCUMENT --format docx|txt|xliff|xliff2|tmx|csv|xlsx [-o FILE]
    python -m workbench import-xliff DOCUMENT FILE.xlf

DOCUMENT is a document's number or its exact title in the app's database
(``WORKBENCH_DB_URL`` or SQLite under ``WORKBENCH_DATA_DIR``; ``--db URL`` overrides).
The command acts as the user named by ``--as`` (default ``demo``), whose password
comes from ``WORKBENCH_AS_PASSWORD`` or a prompt, because the service checks the role
(editor) for every export.  Same code as the app's download buttons.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from workbench.cli.files import read_bytes
from workbench.config import Settings
from workbench.errors import NotFound, WorkbenchError


def _session_user(args: argparse.Namespace):
    from workbench.service import open_service

    settings = Settings.from_env()
    service = open_service(args.db, settings=settings)
    password = settings.as_password
    if password is None:
        if not sys.stdin.isatty():
            raise WorkbenchError(
                f"no password for {args.as_user}: set WORKBENCH_AS_PASSWORD or run in a terminal")
        password = getpass.getpass(f"Password for {args.as_user}: ")
    return service, service.authenticate(args.as_user, password).user


def _document_id(service, user, wanted: str) -> int:
    documents = service.list_documents(user)
    for doc in documents:
        if str(doc.id) == wanted or doc.title == wanted:
            return doc.id
    known = ", ".join(f"{d.id} ({d.title})" for d in documents[:10]) or "none"
    raise NotFound(f"document {wanted!r} not found; documents: {known}")


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.export import FORMATS, export_document

    service, user = _session_user(args)
    doc_id = _document_id(service, user, args.document)
    document = service.reviewed_document(user, doc_id)
    options = {"keep_noise": True} if args.keep_noise and args.format in ("txt", "docx") else {}
    data = export_document(document, args.format, **options)
    output = args.output or f"document-{doc_id}{FORMATS[args.format].extension}"
    if output == "-":
        sys.stdout.buffer.write(data)
        return 0
    try:
        with open(output, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise WorkbenchError(f"{output}: cannot write the export ({exc.strerror}).") from exc
    print(f"wrote {output} ({len(data)} bytes, {FORMATS[args.format].label})", file=sys.stderr)
    if FORMATS[args.format].approved_only and not any(u.is_approved for u in document.units):
        print(f"note: nothing in document {doc_id} is approved yet, so the file holds no "
              "pair (it takes approved links only); approve links first", file=sys.stderr)
    return 0


def cmd_import_xliff(args: argparse.Namespace) -> int:
    service, user = _session_user(args)
    doc_id = _document_id(service, user, args.document)
    changed = service.import_xliff(user, doc_id, read_bytes(args.file), args.file)
    print(f"{len(changed)} corrections imported from {args.file}", file=sys.stderr)
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("document", help="document number or exact title")
    p.add_argument("--as", dest="as_user", default="demo",
                   help="user to act as (password from WORKBENCH_AS_PASSWORD or a prompt)")
    p.add_argument("--db", default=None, help="database URL (default: the app's)")


def register(sub) -> None:
    """Add ``export`` and ``import-xliff`` to the CLI's sub-parsers."""
    from workbench.export import EXPORTERS

    p = sub.add_parser("export", help="export a reviewed document (editor)")
    _common(p)
    p.add_argument("--format", required=True, choices=sorted(EXPORTERS))
    p.add_argument("-o", "--output", default=None, help="file to write ('-' for stdout)")
    p.add_argument("--keep-noise", action="store_true",
                   help="keep ads, menus and other page noise in txt/docx")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-xliff", help="bring corrections back from a reviewed XLIFF")
    _common(p)
    p.add_argument("file", help="XLIFF 1.2 or 2.0 exported by the workbench")
    p.set_defaults(func=cmd_import_xliff)

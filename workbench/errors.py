"""The one root exception and its specific kinds.

The UI and the CLI catch ``WorkbenchError`` and show its message; anything else is a
bug and is allowed to surface.  Messages name the file, line or paragraph and say
what to do.
"""


class WorkbenchError(Exception):
    """Root of every error the workbench reports to a user."""


class DocumentError(WorkbenchError):
    """A document cannot be read: empty, binary, unknown encoding, bad container."""


class GlossaryFormatError(WorkbenchError):
    """A glossary file is malformed (missing column, empty target, conflict, ...)."""


class BackendUnavailable(WorkbenchError):
    """An embedding backend or model cannot be loaded (e.g. offline, not installed)."""


class ServiceUnavailable(WorkbenchError):
    """An online service (machine translation provider, database) cannot be reached."""


class TranslationSettingsError(WorkbenchError):
    """The machine translation settings cannot work (unknown provider, no server address)."""


class PermissionDenied(WorkbenchError):
    """The current user's role does not allow the action."""


class ConflictError(WorkbenchError):
    """A save was based on a version that someone else has replaced in the meantime."""


class DuplicateDocument(ConflictError):
    """The same two files were already imported (or are being analysed): ask before a
    second review of them is made.  ``doc_id`` is the existing document (None while
    it is still being analysed)."""

    def __init__(self, message: str, doc_id: int | None = None) -> None:
        super().__init__(message)
        self.doc_id = doc_id


class NotFound(WorkbenchError):
    """A document, paragraph, user or term that was asked for does not exist."""


class JobQueued(WorkbenchError):
    """The work was too long to do while the page waits: it was queued as job
    ``job_id`` (the message says where to follow it)."""

    def __init__(self, message: str, job_id: int) -> None:
        super().__init__(message)
        self.job_id = job_id

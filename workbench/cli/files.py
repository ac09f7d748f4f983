"""Files named on the command line: their bytes, or an error that names them."""

from __future__ import annotations

from workbench.errors import WorkbenchError


def read_bytes(path: str, what: str = "the file") -> bytes:
    """The bytes of a file named on the command line; a path that cannot be read is a
    :class:`WorkbenchError` naming it (``what`` says what it should have been)."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise WorkbenchError(f"{path}: cannot open {what} ({exc.strerror}).") from exc

"""The layering of STYLE.md, enforced: imports flow one way.

The core never imports Streamlit; only the store talks SQL (not even the service
imports SQLAlchemy); nothing in the package
imports the UI.  Like datasette's test that fails when the docs lag the code, this
fails as soon as a module crosses a layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workbench"
# The only modules allowed to import the database layer (the service goes through
# the store's query modules and imports no SQLAlchemy).
DATABASE_MODULES = {"store", "migrations"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_streamlit_in_the_package(path: Path) -> None:
    assert "streamlit" not in _imports(path), f"{path.name} imports streamlit"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_store_speaks_sql(path: Path) -> None:
    parts = set(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts & DATABASE_MODULES:
        return
    assert not {"sqlalchemy", "alembic", "psycopg"} & _imports(path), (
        f"{path.name} imports the database layer; go through workbench.service"
    )


def test_the_package_has_modules() -> None:
    names = {p.stem for p in _modules()} | {p.parent.name for p in _modules()}
    assert {"document", "embedding", "pipeline", "cli", "store", "service"} <= names

"""The layering of STYLE.md, enforced: imports flow one way.

The core never imports Streamlit; only the store talks SQL; nothing in the package
imports the UI; the UI (``workbench_ui/`` and ``app.py``) goes only through the
service.  Like datasette's test that fails when the docs lag the code, this fails as
soon as a module crosses a layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workbench"
UI = ROOT / "workbench_ui"
# The only modules allowed to import the database layer.
DATABASE_MODULES = {"store", "migrations"}  # the service imports no SQLAlchemy


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
    paths = {p.relative_to(PACKAGE).as_posix() for p in _modules()}
    assert {"reading/document.py", "align/embedding.py", "pipeline.py", "cli/main.py",
            "service/__init__.py"} <= paths


# --------------------------------------------------------------------------- the UI

# What the UI may import of the workbench: the service package (its use cases, views
# and the names it re-exports), the errors, and two service modules that are data the
# UI shows: the views and the role table (to hide what a user may not do and to say
# why).  Everything else, the store and the core included, is reached through the service.
UI_ALLOWED = {"workbench.service", "workbench.service.views", "workbench.service.roles",
              "workbench.errors"}
SERVICE = PACKAGE / "service"


def _ui_modules() -> list[Path]:
    return sorted([*UI.rglob("*.py"), ROOT / "app.py"])


def _full_imports(path: Path) -> set[str]:
    """Every module ``path`` imports, by full dotted name; ``from pkg import name``
    counts as importing ``pkg.name`` when ``name`` is a submodule of a workbench package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            folder = ROOT.joinpath(*node.module.split("."))
            for alias in node.names:
                if (folder / f"{alias.name}.py").exists() or (folder / alias.name).is_dir():
                    names.add(f"{node.module}.{alias.name}")
    return names


def _ui_violations(path: Path) -> list[str]:
    """The imports of a UI module that bypass the service."""
    return [name for name in sorted(_full_imports(path))
            if name.split(".")[0] in {"sqlalchemy", "alembic", "psycopg"}
            or (name.split(".")[0] == "workbench" and name not in UI_ALLOWED)]


def _reads_environment(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return any(
        (isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv"})
        or (isinstance(node, ast.ImportFrom) and node.module == "os"
            and any(a.name in {"environ", "getenv"} for a in node.names))
        for node in ast.walk(tree))


@pytest.mark.parametrize("path", _ui_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_ui_goes_only_through_the_service(path: Path) -> None:
    assert not _ui_violations(path), (
        f"{path.relative_to(ROOT)} imports {', '.join(_ui_violations(path))}; the UI may "
        f"import only {', '.join(sorted(UI_ALLOWED))} (add a use case or re-export a view "
        "in workbench.service)"
    )


@pytest.mark.parametrize("source, bad", [
    ("from workbench.service import Service, roles", []),
    ("from workbench.errors import WorkbenchError", []),
    ("from workbench.service.roles import allows", []),
    ("from workbench.service import bootstrap", ["workbench.service.bootstrap"]),
    ("from workbench.service.online_mt import Translator", ["workbench.service.online_mt"]),
    ("import workbench.export", ["workbench.export"]),
    ("from workbench.glossary.terms import dump_csv", ["workbench.glossary.terms"]),
    ("from workbench import pipeline", ["workbench", "workbench.pipeline"]),
    ("from sqlalchemy import select", ["sqlalchemy"]),
])
def test_the_ui_rule_catches_a_bypass(tmp_path: Path, source: str, bad: list[str]) -> None:
    module = tmp_path / "page.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert _ui_violations(module) == bad


def test_the_ui_reads_no_environment_variable() -> None:
    """Settings come from the service (``workbench.service.environment``), not os.environ."""
    assert [p.relative_to(ROOT).as_posix() for p in _ui_modules() if _reads_environment(p)] == []


@pytest.mark.parametrize("source, reads", [
    ("import os\nx = os.environ.get('WORKBENCH_MT_URL')", True),
    ("from os import getenv", True),
    ("import os\nx = os.path.join('a', 'b')", False),
])
def test_the_environment_rule_catches_a_read(tmp_path: Path, source: str, reads: bool) -> None:
    module = tmp_path / "page.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert _reads_environment(module) is reads


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_package_never_imports_the_ui(path: Path) -> None:
    assert "workbench_ui" not in _imports(path), f"{path.name} imports workbench_ui"

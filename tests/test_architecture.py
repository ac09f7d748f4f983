"""The house rules of STYLE.md, enforced on the source: layers, circles, sizes, docstrings.

Each module is parsed with :mod:`ast` (imports inside functions count too), so a lazy
import cannot hide a crossing.  The layers, from the bottom up:

- the core (``workbench/`` minus ``store``, ``service`` and ``cli``): no Streamlit, no
  database, no network, and none of the layers above it;
- ``workbench/store/``: SQL, and nothing above it;
- ``workbench/service/``: use cases; no SQL construct (the store owns every statement);
- ``workbench/cli/`` and ``workbench_ui/``: callers of the service.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("workbench", "workbench_ui")

SQL = {"sqlalchemy", "alembic", "psycopg"}
NETWORK = {"requests", "deep_translator", "urllib3", "http.client", "urllib.request", "socket"}
UPPER = {"workbench.store", "workbench.service", "workbench.cli", "workbench_ui", "streamlit"}

#: Modules over the size limit when the limit was set, with their size then: they may
#: shrink, never grow; a module not listed here must stay under the limit.
MAX_LINES = 300
OVERSIZE = {
    "workbench/glossary/matching.py": 461,
    "workbench/names/transliteration.py": 389,
    "workbench/glossary/terms.py": 390,
    "workbench/reading/document.py": 423,
    "workbench/glossary/suggestions.py": 338,
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.parts[-1] == "__init__" else rel.parts
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _runtime_nodes(tree: ast.AST):
    """Every node, except under ``if TYPE_CHECKING:`` (read by type checkers only)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


@cache
def _imports(name: str) -> frozenset[str]:
    """Every module ``name`` imports, absolute and dotted, at any depth of the file."""
    path = _modules()[name]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            submodules = {f"{base}.{alias.name}" for alias in node.names
                          if f"{base}.{alias.name}" in _modules()}
            found.update(submodules)
            if len(submodules) < len(node.names):  # names defined in ``base`` itself
                found.add(base)
    return frozenset(found)


def _crosses(name: str, forbidden: set[str]) -> list[str]:
    return sorted(i for i in _imports(name)
                  if any(i == f or i.startswith(f + ".") for f in forbidden))


def _layer(name: str) -> str:
    parts = name.split(".")
    if name == "workbench.__main__":
        return "cli"
    if parts[0] == "workbench_ui":
        return "ui"
    if len(parts) > 1 and parts[1] in ("store", "service", "cli"):
        return parts[1]
    return "core"


def _in(layer: str) -> list[str]:
    return [n for n in _modules() if _layer(n) == layer]


#: Crossings allowed on purpose, each with its reason.
ALLOWED = {
    ("workbench.align.embedding", "socket"):
        "a 1-second probe of the model hub before sentence-transformers would retry for "
        "70 s offline (NOTES.md); nothing is sent",
}


@pytest.mark.parametrize("name", _in("core"))
def test_the_core_imports_no_upper_layer_no_database_no_network(name: str) -> None:
    bad = [i for i in _crosses(name, UPPER | SQL | NETWORK) if (name, i) not in ALLOWED]
    assert not bad, f"{name} (core) imports {bad}: the core is pure; go through the service"


@pytest.mark.parametrize("name", _in("store"))
def test_the_store_imports_nothing_above_it(name: str) -> None:
    bad = _crosses(name, {"workbench.service", "workbench.cli", "workbench_ui", "streamlit"})
    assert not bad, f"{name} (store) imports {bad}"


@pytest.mark.parametrize("name", _in("service"))
def test_the_service_writes_no_sql(name: str) -> None:
    bad = _crosses(name, SQL | {"workbench.cli", "workbench_ui", "streamlit"})
    assert not bad, f"{name} (service) imports {bad}: SQL belongs in workbench.store"


@pytest.mark.parametrize("name", _in("cli"))
def test_the_cli_goes_through_the_service_for_stored_data(name: str) -> None:
    bad = _crosses(name, {"workbench.store", "workbench_ui", "streamlit"} | SQL)
    assert not bad, f"{name} (cli) imports {bad}"


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph = {n: sorted(i for i in _imports(n) if i in _modules() and i != n) for n in _modules()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_no_import_circles() -> None:
    assert _cycles() == []


def test_the_circle_finder_finds_a_circle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: two modules importing each other are one circle."""
    fake = {"a": tmp_path / "a.py", "b": tmp_path / "b.py", "c": tmp_path / "c.py"}
    fake["a"].write_text("import b\n")
    fake["b"].write_text("def f():\n    from a import x\n")
    fake["c"].write_text("import a\n")
    _imports.cache_clear()
    monkeypatch.setattr(__import__(__name__), "_modules", lambda: fake)
    try:
        assert _cycles() == [["a", "b"]]
    finally:
        _imports.cache_clear()


@pytest.mark.parametrize("name", list(_modules()))
def test_every_module_says_what_it_holds(name: str) -> None:
    path = _modules()[name]
    if path.name == "__init__.py" and not path.read_text(encoding="utf-8").strip():
        pytest.fail(f"{path.relative_to(ROOT)} is empty: give the package a docstring")
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc and doc.strip().splitlines()[0], f"{path.relative_to(ROOT)} has no docstring"


@pytest.mark.parametrize("name", list(_modules()))
def test_modules_stay_small(name: str) -> None:
    path = _modules()[name]
    rel = str(path.relative_to(ROOT))
    lines = len(path.read_text(encoding="utf-8").splitlines())
    limit = OVERSIZE.get(rel, MAX_LINES)
    assert lines <= limit, f"{rel}: {lines} lines (limit {limit}); split it by what it holds"


def test_the_oversize_list_is_not_stale() -> None:
    """A module that shrank under the limit leaves the list (so the ratchet tightens)."""
    stale = [rel for rel in OVERSIZE
             if not (ROOT / rel).exists()
             or len((ROOT / rel).read_text(encoding="utf-8").splitlines()) <= MAX_LINES]
    assert not stale, f"remove from OVERSIZE: {stale}"


#: Functions over the length limit when it was set (``path::name``: length then): they
#: may shrink, never grow; any other function stays under the limit.
MAX_FUNCTION_LINES = 60
LONG_FUNCTIONS = {
    "workbench/names/transliteration.py::_align": 75,
    "workbench_ui/dashboard.py::render": 74,
}


def _functions() -> dict[str, int]:
    lengths: dict[str, int] = {}
    for path in _modules().values():
        rel = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                key = f"{rel}::{node.name}"
                lengths[key] = max(lengths.get(key, 0), node.end_lineno - node.lineno + 1)
    return lengths


def test_functions_stay_short() -> None:
    too_long = {key: n for key, n in _functions().items()
                if n > LONG_FUNCTIONS.get(key, MAX_FUNCTION_LINES)}
    assert not too_long, f"functions over their limit (split them): {too_long}"


def test_the_long_function_list_is_not_stale() -> None:
    lengths = _functions()
    stale = [key for key in LONG_FUNCTIONS if lengths.get(key, 0) <= MAX_FUNCTION_LINES]
    assert not stale, f"remove from LONG_FUNCTIONS: {stale}"

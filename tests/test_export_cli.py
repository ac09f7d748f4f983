"""``python -m workbench export|import-xliff`` and ``admin create-user`` in a subprocess,
on a SQLite database in ``tmp_path`` that the test builds (fake analyser: the
pipeline is not the point), acting as the demo account (WORKBENCH_AS_PASSWORD=demo)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from db_fixtures import fake_analyse, fake_rescore, news_document
from workbench.service import bootstrap
from workbench.service import open_service
from workbench.config import DB_FILE

ROOT = Path(__file__).resolve().parent.parent
NEW_TEXT = "ودعت آراءٌ كثيرة إلى زيادة الدعم لمزارعي الشاي ومربّي الأسماك بنسبة ٢٠٪."


def run(data_dir: Path, *args: str, password: str = bootstrap.DEMO_PASSWORD):
    env = dict(os.environ, WORKBENCH_DATA_DIR=str(data_dir), WORKBENCH_AS_PASSWORD=password,
               PYTHONPATH=str(ROOT))
    env.pop("WORKBENCH_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "workbench", *args], cwd=data_dir, env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The demo account and one stored 10-paragraph news document (tests/corpus.py)."""
    service = open_service(f"sqlite:///{tmp_path / DB_FILE}", analyser=fake_analyse,
                           rescorer=fake_rescore, bcrypt_rounds=4)
    service.create_user(None, bootstrap.DEMO_USER, bootstrap.DEMO_PASSWORD,
                        bootstrap.DEMO_ROLES)
    vi, ar = news_document(0, 10)
    user = bootstrap.demo_user(service)
    service.import_document(user, "Voters meeting", vi, "voters.vi.txt", ar, "voters.ar.txt")
    service.store.dispose()
    return tmp_path


def _service(data_dir: Path):
    return open_service(f"sqlite:///{data_dir / DB_FILE}", analyser=fake_analyse)


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_export_edit_import_brings_the_correction_back(data_dir: Path, fmt: str) -> None:
    out = data_dir / "voters.xlf"
    done = run(data_dir, "export", "Voters meeting", "--format", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr
    root = etree.fromstring(out.read_bytes())
    ns = root.nsmap[None]
    unit = next(u for u in root.iter(f"{{{ns}}}{'unit' if fmt == 'xliff2' else 'trans-unit'}")
                if u.get("id") == "4")
    next(unit.iter(f"{{{ns}}}target")).text = NEW_TEXT
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))

    done = run(data_dir, "import-xliff", "1", str(out))
    assert done.returncode == 0, done.stderr
    assert "1 corrections imported" in done.stderr
    service = _service(data_dir)
    user = bootstrap.demo_user(service)
    assert service.get_review(user, 1).rows[4].current_text == NEW_TEXT
    history = service.history(user, 1, 4)
    assert [(h.version, h.kind, h.author, h.text) for h in history] == [
        (1, "import", "demo", NEW_TEXT)]
    service.store.dispose()


def test_import_of_a_broken_file_exits_2_naming_it(data_dir: Path) -> None:
    bad = data_dir / "hỏng.xlf"
    bad.write_bytes(b"<xliff version='1.2'><file>")
    done = run(data_dir, "import-xliff", "Voters meeting", str(bad))
    assert done.returncode == 2
    assert "hỏng.xlf" in done.stderr and "Traceback" not in done.stderr
    service = _service(data_dir)
    assert service.get_review(bootstrap.demo_user(service), 1).document.corrected == 0
    service.store.dispose()


@pytest.mark.parametrize("with_demo", [False, True])
def test_admin_create_user_on_a_fresh_database(tmp_path: Path, data_dir: Path,
                                               with_demo: bool) -> None:
    """The first admin needs no sign-in on an empty database; after demo mode made the
    demo account (which is no admin) it needs --force-first-admin (issue #12)."""
    where = data_dir if with_demo else tmp_path / "empty"
    where.mkdir(exist_ok=True)
    create = ["admin", "create-user", "boss", "--role", "admin", "--password", "boss-pass"]
    if with_demo:
        refused = run(where, *create)
        assert refused.returncode != 0 and "--force-first-admin" in refused.stderr
        create.append("--force-first-admin")
    done = run(where, *create)
    assert done.returncode == 0, done.stderr
    service = _service(where)
    assert "admin" in service.authenticate("boss", "boss-pass").user.roles
    assert service.has_user(bootstrap.DEMO_USER) == with_demo
    service.store.dispose()
    again = run(where, "admin", "create-user", "boss2", "--role", "admin",
                "--password", "boss-pass")
    assert again.returncode != 0  # now an admin must sign in


def test_an_empty_tmx_is_noted(data_dir: Path) -> None:
    out = data_dir / "voters.tmx"
    done = run(data_dir, "export", "Voters meeting", "--format", "tmx", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "nothing in document 1 is approved yet" in done.stderr
    service = _service(data_dir)
    user = bootstrap.demo_user(service)
    service.approve_document(user, 1, reason="approved for the test")
    service.store.dispose()
    done = run(data_dir, "export", "Voters meeting", "--format", "tmx", "-o", str(out))
    assert done.returncode == 0 and "approved yet" not in done.stderr
    assert b"<tu " in out.read_bytes()

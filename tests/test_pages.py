"""Web pages as documents and desk-scale ingestion: two article addresses become one
review (article kept, menus and footer left out), an unreachable address says so, and
``python -m workbench batch`` queues a folder of pairs and a list of addresses.  Pages
come from a local HTTP server in a thread, never from the internet."""

from __future__ import annotations

from dataclasses import replace

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from corpus import lines, write_pair
from db_fixtures import Clock, clock  # noqa: F401
from fake_pipeline import fake_analyse
from workbench.config import Settings
from workbench.errors import DocumentError

ROOT = Path(__file__).resolve().parent.parent
MENU = {"vi": "Trang chủ | Thời sự | Thế giới | Kinh tế", "ar": "الرئيسية | أخبار | العالم | اقتصاد"}
FOOTER = {"vi": "Bản quyền thuộc về báo điện tử", "ar": "جميع الحقوق محفوظة للصحيفة"}


def page(lang: str, paragraphs: list[str]) -> bytes:
    direction = ' dir="rtl"' if lang == "ar" else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"{direction}><head><meta charset="utf-8">'
            f"<title>Tin</title></head><body><header><nav><ul><li>{MENU[lang]}</li></ul>"
            f'</nav></header><div class="ad">Quảng cáo</div><main><article><h1>{paragraphs[0]}'
            f"</h1>{body}</article></main><aside>Đọc nhiều</aside><footer>{FOOTER[lang]}"
            "</footer></body></html>").encode("utf-8")


@pytest.fixture
def site():
    vi, ar = lines(0, 6)
    pages = {"/vi/bai-1.html": page("vi", vi), "/ar/article-1.html": page("ar", ar)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            data = pages.get(self.path)
            self.send_response(200 if data else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(data or b"not found")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", vi, ar
    server.shutdown()


@pytest.fixture
def service(tmp_path):
    from workbench.service import open_service

    service = open_service(f"sqlite:///{tmp_path / 'workbench.db'}", analyser=fake_analyse,
                           bcrypt_rounds=4, settings=replace(Settings.from_env(), jobs="immediate"))
    service.create_user(None, "root", "root-pass", ["admin"])
    yield service, service.authenticate("root", "root-pass").user
    service.store.dispose()


def test_two_addresses_become_a_review_of_the_articles(service, site):
    service, user = service
    base, vi, ar = site
    job = service.submit_urls(user, "", f"{base}/vi/bai-1.html", f"{base}/ar/article-1.html")
    assert job.state == "done", job.error
    review = service.get_review(user, job.doc_id)
    work = [row for row in review.rows if not row.furniture]
    sources = " ".join(row.source_text for row in work)
    targets = " ".join(row.mt_text for row in work)
    assert all(p in sources for p in vi) and all(p in targets for p in ar)
    assert MENU["vi"] not in sources and FOOTER["ar"] not in targets
    furniture = [row for row in review.rows if row.furniture]
    assert {MENU["vi"], FOOTER["vi"]} <= {row.source_text for row in furniture}
    assert {MENU["ar"], FOOTER["ar"]} <= {row.mt_text for row in furniture}
    assert any("kept as page furniture" in note for note in job.notes)


@pytest.mark.parametrize("path, says", [
    ("/vi/missing.html", "answered 404"),
    (None, "cannot fetch the page"),
])
def test_an_address_that_cannot_be_fetched_says_so_and_queues_nothing(service, site, path,
                                                                      says):
    service, user = service
    base, _, _ = site
    url = f"{base}{path}" if path else "http://127.0.0.1:9/nowhere.html"  # port 9: closed
    with pytest.raises(DocumentError, match=says) as caught:
        service.submit_urls(user, "", url, f"{base}/ar/article-1.html")
    assert "upload the .html file" in str(caught.value)
    assert service.list_jobs(user) == []


def test_a_saved_page_keeps_its_article_as_work_and_its_furniture_apart(service):
    service, user = service
    vi, ar = lines(12, 5)
    job = service.submit_document(user, "", page("vi", vi), "bai.html", page("ar", ar),
                                  "bai.ar.html", article=True)
    rows = service.get_review(user, job.doc_id).rows
    assert {r.source_text for r in rows if not r.furniture} == set(vi)
    assert [r.source_text for r in rows if r.furniture] == [
        MENU["vi"], "Quảng cáo", "Đọc nhiều", FOOTER["vi"]]  # in page order, none dropped
    [summary] = [d for d in service.list_documents(user) if d.id == job.doc_id]
    assert summary.furniture == 4 and summary.links == len(rows) - 4


def test_a_page_is_read_in_order_with_its_furniture_marked():
    from workbench.reading.article import page_paragraphs

    vi = lines(20, 3)[0]
    found = page_paragraphs(page("vi", vi).decode("utf-8"))
    assert [text for text, furniture in found if furniture] == [
        MENU["vi"], "Quảng cáo", "Đọc nhiều", FOOTER["vi"]]
    assert [text for text, furniture in found if not furniture] == [vi[0], *vi]  # headline
    assert page_paragraphs("<html><body><nav>Trang chủ</nav></body></html>") is None


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workbench", "batch", *args, "--as", "root",
         "--db", f"sqlite:///{tmp_path / 'workbench.db'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "WORKBENCH_AS_PASSWORD": "root-pass", "WORKBENCH_JOBS": "thread",
             "WORKBENCH_ANALYSER": "fake_pipeline:fake_analyse",
             "PYTHONPATH": f"{Path(__file__).parent}{os.pathsep}{ROOT}"})


def test_batch_queues_a_folder_of_pairs(service, tmp_path):
    service, user = service
    folder = tmp_path / "in"
    for k in range(3):
        (folder / f"s{k}").mkdir(parents=True)
        source, target = write_pair(folder / f"s{k}", k * 10, 4)
        source.rename(folder / f"story{k}.vi.txt")
        target.rename(folder / f"story{k}.ar.txt")
    result = _cli(tmp_path, str(folder))
    assert result.returncode == 0, result.stderr
    jobs = service.list_jobs(user)
    assert sorted(j.title for j in jobs) == ["story0", "story1", "story2"]
    assert {j.state for j in jobs} == {"queued"}


def test_batch_says_which_file_has_no_partner(service, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.vi.txt").write_text("Tỉnh ủy Tuyên Quang khen thưởng 12 chi bộ.")
    result = _cli(tmp_path, str(folder))
    assert result.returncode == 2 and "no partner for a.vi.txt" in result.stderr


def test_batch_of_addresses_runs_with_wait(service, site, tmp_path):
    service, user = service
    base, _, _ = site
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(f"# vi\tar\n{base}/vi/bai-1.html\t{base}/ar/article-1.html\n"
                   f"{base}/vi/gone.html\t{base}/ar/article-1.html\n")
    result = _cli(tmp_path, "--urls", str(tsv), "--wait")
    assert result.returncode == 2  # one pair could not be fetched
    assert "answered 404" in result.stderr and "done" in result.stdout
    [doc] = service.list_documents(user)
    assert doc.links >= 6

"""The command-line contract (CLI-CONTRACT.md): arguments, JSON shape, exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import AR, START, VI, lines

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture(scope="module")
def small_pair(tmp_path_factory) -> tuple[Path, Path]:
    """Six news paragraphs (tests/corpus.py); the Arabic has an ad and a source line added."""
    vi, ar = lines(START["rice"] + 1, 6)
    folder = tmp_path_factory.mktemp("pair")
    source = folder / "source.txt"
    target = folder / "target.txt"
    source.write_text("\n\n".join(vi) + "\n", encoding="utf-8")
    arabic = ar[:3] + ["[إعلان 1]"] + ar[3:] + ["المصدر: https://example.org/bai-viet.html"]
    target.write_text("\r\n\r\n".join(arabic), encoding="utf-8-sig")  # BOM + CRLF
    return source, target


def _check_links(links: list[dict], n_source: int, n_target: int) -> None:
    seen_s = [i for link in links for i in link["source"]]
    seen_t = [i for link in links for i in link["target"]]
    assert seen_s == list(range(n_source))  # every paragraph once, in order
    assert seen_t == list(range(n_target))
    for link in links:
        assert set(link) >= {"source", "target", "score"}
        assert 0.0 <= link["score"] <= 1.0
        if not link["source"] or not link["target"]:
            assert link["score"] == 0.0


def test_align_json(small_pair) -> None:
    source, target = small_pair
    result = run("align", str(source), str(target), "--json")
    assert result.returncode == 0, result.stderr
    links = json.loads(result.stdout)["links"]
    _check_links(links, 6, 8)
    one_sided = [link["target"] for link in links if not link["source"]]
    assert one_sided == [[3], [7]]  # the ad and the source line, nothing else
    two_sided = [link["score"] for link in links if link["source"] and link["target"]]
    assert min(two_sided) > 0.3 and sum(two_sided) / len(two_sided) > 0.6  # human translations


def test_check_json_has_links_and_findings(small_pair, tmp_path) -> None:
    source, target = small_pair
    glossary = tmp_path / "g.csv"
    glossary.write_text("source,target,category\nHoa Kỳ,الولايات المتحدة,place\n", encoding="utf-8")
    result = run("check", str(source), str(target), "--glossary", str(glossary), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    _check_links(data["links"], 6, 8)
    for finding in data["findings"]:
        assert set(finding) >= {
            "kind", "severity", "source", "target", "term", "expected", "found", "message"}
        assert finding["severity"] in ("info", "minor", "major", "critical")
        assert isinstance(finding["expected"], list)


def test_score_ranks_a_wrong_pair_below_a_right_one(tmp_path) -> None:
    other = AR[START["coffee"] + 2]  # another story's paragraph: a wrong translation
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(f"{VI[1]}\t{AR[1]}\n{VI[1]}\t{other}\n{VI[2]}\t{AR[2]}\n", encoding="utf-8")
    result = run("score", str(pairs))
    assert result.returncode == 0, result.stderr
    scores = [float(line) for line in result.stdout.split()]
    assert len(scores) == 3
    assert scores[0] > scores[1] and scores[2] > scores[1]
    assert all(0.0 <= s <= 1.0 for s in scores)


@pytest.mark.parametrize(
    "args, content, message",
    [
        (("align", "{missing}", "{missing}", "--json"), None, "cannot open"),
        (("score", "{file}"), b"no tab on this line\n", "line 1"),
        (("align", "{file}", "{file}", "--json"), b"\x00\x01\x02binary\x00" * 50, "binary"),
        (("check", "{ok}", "{ok}", "--glossary", "{file}", "--json"),
         b"source,variants\nx\n", "target"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_file(tmp_path, args, content, message) -> None:
    bad = tmp_path / "bad-file.txt"
    if content is not None:
        bad.write_bytes(content)
    ok = tmp_path / "ok.txt"
    ok.write_text("Xin chào các bạn.", encoding="utf-8")
    filled = [a.format(missing=tmp_path / "nope.txt", file=bad, ok=ok) for a in args]
    result = run(*filled)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert ("nope.txt" in lines[0]) or ("bad-file.txt" in lines[0])
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_every_command_has_help() -> None:
    for command in ("align", "score", "check", "export", "admin"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "usage:" in result.stdout

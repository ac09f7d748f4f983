"""Properties that must hold for any input, found by hypothesis rather than by example.

Reading never fails except with a clear DocumentError; normalisation never fails and
its offsets point back into the text; alignment covers every paragraph of both sides
exactly once, in order; the checks never crash on any paragraph.  Alignment runs on a
fake backend (hashed random vectors) so each property takes seconds, not minutes.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.reading.document import read_document, read_document_with_notes, read_text
from workbench.align.embedding import EmbeddingBackend
from workbench.errors import DocumentError
from workbench.lang.normalize import normalize_ar, normalize_ar_with_offsets, normalize_vi, strip_tones
from workbench.model.paragraph import Paragraph

# WB_PROPERTY_EXAMPLES=1000 for a long bug hunt; the default keeps each test fast.
EXAMPLES = int(os.environ.get("WB_PROPERTY_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters a Vietnamese/Arabic news page really contains, plus the troublemakers:
# line and paragraph separators, bidi controls, zero-width characters, control bytes.
VI_CHARS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐƯƠ"
AR_CHARS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىةًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩،؛؟"
TRICKY = "\n\n\r\r\n\t \u00a0\u2028\u2029\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\x00\x07\x85<>&/\"'0123456789.,:;!?-()"
CP1256_CHARS = "".join(ch for ch in AR_CHARS if ch.encode("cp1256", errors="ignore"))
page_text = st.text(alphabet=st.sampled_from(VI_CHARS + AR_CHARS + TRICKY), max_size=400)
any_text = st.one_of(page_text, st.text(max_size=300))
NAMES = ["bai.txt", "trang.html", "bai.docx", "khong-duoi", "BAI.TXT"]

_HIDDEN = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def _check_reading(paragraphs: list[Paragraph]) -> None:
    assert paragraphs, "a successful read has at least one paragraph"
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
    for p in paragraphs:
        assert p.text == p.text.strip()
        assert p.text.strip("\u200b\u200c\u200d\u200e\u200f\u2060")  # something visible
        assert not _HIDDEN & set(p.text), "bidi controls and BOMs never reach the reviewer"
        assert all(ch in "\n\t" or unicodedata.category(ch) != "Cc" for ch in p.text)
        assert unicodedata.is_normalized("NFC", p.text)


# ------------------------------------------------------------------ reading


@SETTINGS
@given(data=st.binary(max_size=2000), name=st.sampled_from(NAMES))
def test_reading_any_bytes_gives_paragraphs_or_document_error(data: bytes, name: str) -> None:
    try:
        paragraphs = read_document(data, name)
    except DocumentError as exc:
        assert name in str(exc)
        return
    _check_reading(paragraphs)


@st.composite
def damaged_text_files(draw) -> bytes:
    """Page text in some encoding, with a few bytes inserted, dropped or cut off."""
    text = draw(page_text)
    codec = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "cp1258"]))
    data = bytearray(text.encode(codec, errors="ignore"))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()) or not data:
            data[at:at] = draw(st.binary(min_size=1, max_size=3))
        else:
            del data[min(at, len(data) - 1)]
    return bytes(data[: draw(st.integers(0, len(data)))]) if draw(st.booleans()) else bytes(data)


@SETTINGS
@given(data=damaged_text_files(), name=st.sampled_from(NAMES))
def test_reading_damaged_text_gives_paragraphs_or_document_error(data: bytes, name: str) -> None:
    try:
        paragraphs = read_document(data, name)
    except DocumentError as exc:
        assert name in str(exc)
        return
    _check_reading(paragraphs)


@SETTINGS
@given(text=any_text, name=st.sampled_from(NAMES + ["<pasted text>"]))
def test_reading_any_text_gives_clean_paragraphs_or_document_error(text: str, name: str) -> None:
    try:
        paragraphs = read_text(text, name)
    except DocumentError as exc:
        assert name in str(exc)
        return
    _check_reading(paragraphs)


@SETTINGS
@given(text=page_text, codec=st.sampled_from(["utf-16", "utf-8-sig", "utf-32"]))
def test_encoding_does_not_change_the_paragraphs(text: str, codec: str) -> None:
    """The same text saved as UTF-8 or with a BOM in UTF-8/16/32 reads the same."""
    try:
        expected = read_document(text.encode("utf-8"), "bai.txt")
    except DocumentError:
        return
    assert read_document(text.encode(codec), "bai.txt") == expected


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(CP1256_CHARS + " \n"), min_size=5, max_size=300))
def test_windows_1256_arabic_reads_like_utf8(text: str) -> None:
    letters = sum(ch.isalpha() for ch in text)
    if letters < 3:
        return
    try:
        expected = read_document(text.encode("utf-8"), "bai.txt")
    except DocumentError:
        return
    reading = read_document_with_notes(text.encode("cp1256"), "bai.txt")
    assert list(reading.paragraphs) == expected


# ------------------------------------------------------------------ normalisation


@SETTINGS
@given(text=any_text)
def test_normalisers_never_crash(text: str) -> None:
    assert isinstance(normalize_vi(text), str)
    assert isinstance(strip_tones(text), str)
    assert isinstance(normalize_ar(text), str)


@SETTINGS
@given(text=any_text)
def test_arabic_offsets_are_monotone_and_in_range(text: str) -> None:
    norm, offsets = normalize_ar_with_offsets(text)
    assert len(offsets) == len(norm)
    assert offsets == sorted(offsets)
    assert all(0 <= o < len(text) for o in offsets)


@SETTINGS
@given(text=page_text)
def test_arabic_offsets_point_at_the_source_character(text: str) -> None:
    """For NFC text (what reading produces), each matching-form character comes from
    the character its offset names, so a finding can be highlighted in place."""
    text = unicodedata.normalize("NFC", text)
    norm, offsets = normalize_ar_with_offsets(text)
    for ch, o in zip(norm, offsets):
        assert ch in normalize_ar(text[o]) or ch == text[o].lower()


@SETTINGS
@given(text=page_text)
def test_normalisation_is_idempotent_on_page_text(text: str) -> None:
    assert normalize_ar(normalize_ar(text)) == normalize_ar(text)
    assert normalize_vi(normalize_vi(text)) == normalize_vi(text)


# ------------------------------------------------------------------ alignment


class HashedBackend(EmbeddingBackend):
    """Random unit vectors seeded by the text: identical texts agree, others do not."""

    name = "hashed-test"
    DEFAULT_MODEL = "hash"

    def _embed(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
            rows.append(np.random.default_rng(seed).standard_normal(32))
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), 32)


paragraph_texts = st.lists(
    st.one_of(
        st.text(alphabet=st.sampled_from(VI_CHARS + AR_CHARS + " .,0123456789"), min_size=1, max_size=120),
        st.sampled_from(["Ảnh: TTXVN", "[إعلان 1]", "No data", "Nguồn: Báo Tuyên Quang", "2024"]),
    ),
    min_size=1,
    max_size=15,
)
# Alignment and checks cost ~0.1 s an example: fewer examples keep each test near 10 s.
SLOW_SETTINGS = settings(SETTINGS, max_examples=max(10, EXAMPLES * 2 // 5))


def _paragraphs(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(i, t) for i, t in enumerate(texts)]


def _scorer(backend: EmbeddingBackend):
    """The real fidelity scorer on the fake backend, so it meets odd text too."""
    try:
        from workbench.align.fidelity import FidelityScorer
    except ImportError:
        from workbench.align.aligner import _fallback_scorer

        return _fallback_scorer()
    return FidelityScorer(backend)


@SLOW_SETTINGS
@given(source=paragraph_texts, target=paragraph_texts)
def test_alignment_covers_every_paragraph_once_in_order(source: list[str], target: list[str]) -> None:
    align = pytest.importorskip("workbench.align.aligner").align
    backend = HashedBackend()
    links = align(_paragraphs(source), _paragraphs(target), backend=backend, scorer=_scorer(backend))
    src_seen = [i for link in links for i in link.source]
    tgt_seen = [i for link in links for i in link.target]
    assert src_seen == list(range(len(source)))
    assert tgt_seen == list(range(len(target)))
    for link in links:
        assert link.source or link.target
        assert list(link.source) == list(range(link.source[0], link.source[-1] + 1)) if link.source else True
        assert list(link.target) == list(range(link.target[0], link.target[-1] + 1)) if link.target else True
        assert 0.0 <= link.score <= 1.0
        if link.is_one_sided:
            assert link.score == 0.0


# ------------------------------------------------------------------ checks


# Words the checks look for (glossary terms, admin levels, numbers, names) so that
# random paragraphs reach the checks' deeper code, not only their "nothing found" path.
CHECK_WORDS = [
    "xã", "huyện", "tỉnh", "Tuyên Quang", "Lâm Bình", "Bình An", "chi bộ", "Đảng", "Nguyễn Hưng Vượng",
    "1.000", "12,5%", "2024", "01/11/2024", "hai mươi", "triệu", "Ban Thường vụ", "Tỉnh ủy",
    "بلدية", "منطقة", "مقاطعة", "خلية الحزب", "نجوين هونغ فونغ", "توين كوانغ", "١٢", "٢٠٢٤", "مليون",
    "لجنة الحزب", "٪", "،", "(", ")", "‏", "‌",
]
check_paragraphs = st.lists(
    st.one_of(
        st.lists(st.sampled_from(CHECK_WORDS), min_size=1, max_size=12).map(" ".join),
        st.text(alphabet=st.sampled_from(VI_CHARS + AR_CHARS + " .,0123456789"), min_size=1, max_size=80),
    ),
    min_size=1,
    max_size=10,
)


@SLOW_SETTINGS
@given(source=check_paragraphs, target=check_paragraphs, noise=st.lists(any_text, max_size=3))
def test_checks_never_crash_on_any_paragraph(source: list[str], target: list[str], noise: list[str]) -> None:
    checks = pytest.importorskip("workbench.checks")
    if not hasattr(checks, "run_checks"):
        pytest.skip("workbench.checks.run_checks is not there yet")
    glossary_module = pytest.importorskip("workbench.glossary.terms")
    from workbench.model.link import Link

    glossary = _glossary(glossary_module)
    src = _paragraphs(source + [t for t in noise if t.strip()])
    tgt = _paragraphs(target)
    # a simple diagonal alignment: every paragraph once, one-sided links for the rest
    n = min(len(src), len(tgt))
    links = [Link((i,), (i,), 0.5) for i in range(n)]
    links += [Link((i,), ()) for i in range(n, len(src))] + [Link((), (j,)) for j in range(n, len(tgt))]
    findings = checks.run_checks(src, tgt, links, glossary)
    # run_checks turns a crashing check into a "check_error" finding: that is the crash
    crashes = [f.message for f in findings if f.kind == "check_error"]
    assert crashes == []
    for finding in findings:
        assert finding.severity in ("info", "minor", "major", "critical")
        # every span points inside a paragraph of its own link, so highlighting works
        for spans, side, ids in ((finding.source_spans, src, finding.source),
                                 (finding.target_spans, tgt, finding.target)):
            for span in spans:
                assert span.paragraph in ids
                assert 0 <= span.start < span.end <= len(side[span.paragraph].text)


_GLOSSARY_CACHE: dict[str, object] = {}


def _glossary(module):
    """The glossaries the project ships (what ``check`` uses without --glossary)."""
    if "g" not in _GLOSSARY_CACHE:
        from pathlib import Path

        _GLOSSARY_CACHE["g"] = module.load_default_glossaries(Path(__file__).resolve().parent.parent / "glossaries")
    return _GLOSSARY_CACHE["g"]


# ------------------------------------------------------------------ language


@SETTINGS
@given(text=any_text)
def test_language_detection_is_total(text: str) -> None:
    from workbench.reading.language import detect_language

    language, confidence = detect_language(text)
    assert language in ("vi", "ar", "en", "other")
    assert 0.0 <= confidence <= 1.0


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(" aeouAĐ\u0301\u0300\u0303\u0309\u0323\u0302\u0306\u031bạố\u0651\u064e"), max_size=300),
       chunk=st.integers(1, 20))
def test_piecewise_nfc_equals_nfc(text: str, chunk: int) -> None:
    """Long paragraphs are composed piece by piece (for speed): same result as NFC."""
    from workbench.reading.document import _nfc

    assert _nfc(text, chunk) == unicodedata.normalize("NFC", text)

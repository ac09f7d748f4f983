"""Name checks that need no glossary entry: reversed syllables, a credit's name read as
a form of address, one name across a document, and English words left in Arabic
letters.  Texts written for these tests."""

from __future__ import annotations

from workbench.checks import run_checks
from workbench.glossary.terms import load_glossary_csv
from workbench.model.finding import Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.names.runs import name_runs

GLOSSARY = load_glossary_csv("source,target,variants,forbidden,category,note\n"
                             "xã,بلدية,,قرية,admin_level,\n".encode(), "names-test.csv")


def doc(pairs: list[tuple[str, str]], check: str) -> list[Finding]:
    src = [Paragraph(i, vi) for i, (vi, _) in enumerate(pairs)]
    tgt = [Paragraph(i, ar) for i, (_, ar) in enumerate(pairs)]
    links = [Link((i,), (i,)) for i in range(len(pairs))]
    return run_checks(src, tgt, links, GLOSSARY, [check])


def flagged(check: str, vi: str, ar: str) -> list[str]:
    return [ar[s.start:s.end] for f in doc([(vi, ar)], check) for s in f.target_spans]


# ---------------------------------------------------------------- name runs

def test_name_runs_skip_sentence_words_and_abbreviations():
    runs = [r.name for r in name_runs("Tỉnh Hòa Bình mời NSƯT Minh Châu hát. Đảng ủy xã họp.")]
    assert runs == ["Hòa Bình", "Minh Châu"]


# ---------------------------------------------------------------- reversed order

def test_reversed_name_fails_at_the_span():
    vi = "Chợ phiên Hồng Lĩnh mở cửa từ sáng."
    ar = "يفتح سوق لينه هونغ أبوابه منذ الصباح."
    assert flagged("name_order", vi, ar) == ["لينه هونغ"]


def test_name_in_order_passes():
    vi = "Chợ phiên Hồng Lĩnh mở cửa từ sáng."
    assert flagged("name_order", vi, "يفتح سوق هونغ لينه أبوابه منذ الصباح.") == []


def test_both_orders_in_the_source_pass():
    vi = "Đội Hồng Lĩnh gặp đội Lĩnh Hồng."
    assert flagged("name_order", vi, "التقى فريق هونغ لينه بفريق لينه هونغ.") == []


# ---------------------------------------------------------------- credits

def test_credit_name_read_as_mister_fails():
    vi = "Học sinh đến trường. (Ảnh: Anh Tuấn)"
    ar = "التلاميذ يذهبون إلى المدرسة. (الصورة: السيد توان)"
    assert flagged("credit_name", vi, ar) == ["السيد توان"]


def test_credit_name_written_whole_passes():
    vi = "Học sinh đến trường. (Ảnh: Anh Tuấn)"
    assert flagged("credit_name", vi, "التلاميذ يذهبون إلى المدرسة. (الصورة: آنه توان)") == []


def test_form_of_address_outside_a_credit_is_not_judged():
    vi = "Anh Tuấn đưa con đến trường."
    assert flagged("credit_name", vi, "السيد توان يوصل ابنه إلى المدرسة.") == []


# ---------------------------------------------------------------- one name across a document

def test_second_spelling_of_an_unlisted_name_fails():
    pairs = [("Ca sĩ Thu Lan hát bài mới.", "غنت المغنية ثو لان أغنية جديدة."),
             ("Khán giả chào Thu Lan.", "حيا الجمهور تو لان.")]
    found = doc(pairs, "name_document")
    assert [(f.target, f.found) for f in found] == [((1,), "تو لان")]


def test_one_spelling_passes():
    pairs = [("Ca sĩ Thu Lan hát bài mới.", "غنت المغنية ثو لان أغنية جديدة."),
             ("Khán giả chào Thu Lan.", "حيا الجمهور ثو لان.")]
    assert doc(pairs, "name_document") == []


def test_name_replaced_by_a_look_alike_fails():
    pairs = [("Hội chợ Bình Liêu khai mạc.", "افتتح معرض بينه ليو."),
             ("Khách đến Hội chợ Bình Liêu đông.", "كان زوار معرض بيليه كثيرين.")]
    found = doc(pairs, "name_document")
    assert [(f.target, f.found) for f in found] == [((1,), "بيليه")]


def test_feminine_title_elsewhere_flags_the_masculine():
    pairs = [("NSND Mai Hoa hát.", "غنت الفنانة ماي هوا."),
             ("Khán giả chào NSND Mai Hoa.", "حيا الجمهور الفنان ماي هوا.")]
    found = doc(pairs, "name_document")
    assert [(f.kind, f.target, f.found) for f in found] == [("gender", (1,), "الفنان ماي هوا")]


def test_name_never_transliterated_is_not_judged():
    pairs = [("Ban Chỉ đạo Phòng chống lụt bão họp.", "اجتمعت اللجنة التوجيهية للوقاية من الفيضانات."),
             ("Ban Chỉ đạo Phòng chống lụt bão ra văn bản.", "أصدرت اللجنة وثيقة.")]
    assert doc(pairs, "name_document") == []


# ---------------------------------------------------------------- English words in Arabic letters

def test_english_gloss_in_arabic_letters_fails():
    assert flagged("loanword", "Du khách cắm lều bên suối.", "نصب السياح تنت بجوار الجدول.") == ["تنت"]
    assert flagged("loanword", "Học sinh xã Tân Lập đến trường.",
                   "ذهب طلاب كومونة تان لاب إلى المدرسة.") == ["كومونة"]


def test_translated_noun_passes():
    assert flagged("loanword", "Du khách cắm lều bên suối.", "نصب السياح خيمة بجوار الجدول.") == []
    assert flagged("loanword", "Học sinh xã Tân Lập đến trường.",
                   "ذهب طلاب بلدية تان لاب إلى المدرسة.") == []


def test_loanword_needs_the_noun_in_the_source():
    assert flagged("loanword", "Có sáu mươi người dự.", "حضر ستون شخصا.") == []


def test_names_of_a_list_are_not_one_reversed_name():
    vi = "Các phường Hàng Mã, Hàng Chiếu sáp nhập."
    assert flagged("name_order", vi, "اندمجت أحياء هانغ ما، هانغ تشيو.") == []
    vi = "Các xã Bình Minh và Minh Tân họp."
    assert flagged("name_order", vi, "اجتمعت بلديتا بينه منه ومنه تان.") == []


def test_adjective_gender_before_a_place_is_not_a_title():
    pairs = [("Hợp tác xã nông nghiệp Hải Lăng lớn.", "التعاونية الزراعية هاي لانغ كبيرة."),
             ("Nông dân Hải Lăng vui.", "الإنتاج الزراعي هاي لانغ جيد.")]
    assert [f for f in doc(pairs, "name_document") if f.kind == "gender"] == []

"""Meaning errors outside names and levels: forbidden renderings with a condition
(``unless``) and a severity, abbreviations glued to a number, an event named as another
kind of event, an Arabic word written twice.  Every sentence here was written for the
test; each check passes() a correct translation and fails() a wrong one."""

from __future__ import annotations

import pytest

from workbench.checks import run_checks
from workbench.checks.glossary_terms import shares_word
from workbench.errors import GlossaryFormatError
from workbench.glossary.matching import find_terms
from workbench.glossary.terms import Glossary, load_glossary_csv
from workbench.model.finding import Finding
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.pipeline import shipped_glossary

GLOSSARY = load_glossary_csv("""source,target,variants,forbidden,category,severity,unless,note
quốc lộ,الطريق الوطني,طريق وطني,الطريق الوطني السريع|الطريق السريع,term,minor,cao tốc,national highway
QL,الطريق الوطني,طريق وطني,الطريق الوطني السريع|الطريق السريع,term,minor,cao tốc,quốc lộ
đường cao tốc,الطريق السريع,طريق سريع,,term,,,expressway
lực lượng chức năng,الجهات المختصة,القوات المختصة,القوات الوظيفية,term,minor,,calque
Tổng Bí thư,الأمين العام,,,title,,,
Phó Bí thư Thường trực,نائب السكرتير الدائم,نائب الأمين الدائم,نائب الأمين العام,title,major,Tổng Bí thư,
hộ kinh doanh giỏi,الأسرة المتميزة في الأعمال,,,term,,,
""".encode(), "test-meaning.csv")


def run(vi: str, ar: str, checks: list[str] | None = None, glossary: Glossary = GLOSSARY) -> list[Finding]:
    return run_checks([Paragraph(0, vi)], [Paragraph(0, ar)], [Link((0,), (0,))], glossary, checks)


def passes(check: str, vi: str, ar: str, glossary: Glossary = GLOSSARY) -> None:
    found = [f for f in run(vi, ar, [check], glossary) if f.severity != "info"]
    assert found == [], [f.message for f in found]


def fails(check: str, vi: str, ar: str, glossary: Glossary = GLOSSARY) -> Finding:
    found = [f for f in run(vi, ar, [check], glossary) if f.kind == check]
    assert found, f"{check} found nothing in {ar!r}"
    return found[0]


# ---------------------------------------------------------------- forbidden: unless, severity


def test_forbidden_rendering_fails_with_the_entrys_severity():
    f = fails("forbidden", "Xe tải đi trên quốc lộ 5 về Hải Phòng.",
              "سارت الشاحنة على الطريق الوطني السريع 5 نحو هاي فونغ.")
    assert f.found == "الطريق الوطني السريع" and f.severity == "minor" and f.term == "quốc lộ"


def test_forbidden_rendering_is_right_when_the_source_also_says_the_unless_word():
    vi = "Nút giao nối quốc lộ 5 với đường cao tốc mới."
    ar = "يربط التقاطع الطريق الوطني 5 بالطريق السريع الجديد."
    passes("forbidden", vi, ar)
    passes("term", vi, ar)


def test_forbidden_without_severity_is_major():
    f = fails("forbidden", "Phó Bí thư Thường trực Tỉnh ủy phát biểu.", "تحدث نائب الأمين العام.")
    assert f.severity == "major" and f.term == "Phó Bí thư Thường trực"


def test_title_of_the_source_itself_is_not_inflation():
    # the paragraph names the General Secretary too: الأمين العام is his title there
    passes("forbidden", "Tổng Bí thư và Phó Bí thư Thường trực thăm tỉnh.",
           "زار الأمين العام ونائب السكرتير الدائم المقاطعة.")


def test_calque_is_a_minor_forbidden_point():
    f = fails("forbidden", "Lực lượng chức năng đã có mặt tại hiện trường.", "وصلت القوات الوظيفية إلى المكان.")
    assert f.severity == "minor"
    passes("forbidden", "Lực lượng chức năng đã có mặt tại hiện trường.", "وصلت الجهات المختصة إلى المكان.")


@pytest.mark.parametrize("text,terms", [
    ("Tai nạn trên QL1A và QL14.", ["QL", "QL"]),      # glued to its number
    ("Tuyến QL mới.", ["QL"]),
    ("Mã QLA không phải quốc lộ.", ["quốc lộ"]),       # glued to letters: another word
])
def test_abbreviation_glued_to_a_number_is_found(text, terms):
    assert [h.entry.source for h in find_terms(text, GLOSSARY)] == terms


def test_abbreviation_glued_to_a_number_is_checked():
    f = fails("forbidden", "Sửa chữa QL51 trong tháng này.", "إصلاح الطريق السريع 51 هذا الشهر.")
    assert f.term == "QL" and f.found == "الطريق السريع"


@pytest.mark.parametrize("header,row,message", [
    ("source,target,forbidden,severity", "quốc lộ,الطريق الوطني,الطريق السريع,grave", "severity"),
    ("source,target,unless", "quốc lộ,الطريق الوطني,cao tốc", "unless"),
])
def test_bad_option_cells_refuse_the_file(header, row, message):
    with pytest.raises(GlossaryFormatError, match=message):
        load_glossary_csv(f"{header}\n{row}\n".encode(), "bad.csv")


# ---------------------------------------------------------------- term: what is shown as found


def test_missing_term_shows_no_lookalike_without_a_common_word():
    f = fails("term", "Nhiều hộ kinh doanh giỏi được khen thưởng.",
              "تم تكريم العديد من الأشخاص في التنمية الاجتماعية والاقتصادية.")
    assert f.found is None and f.target_spans == ()


def test_shares_word_ignores_clitics_and_endings():
    assert shares_word("والأسرة النموذجية", "الأسر المتميزة")
    assert not shares_word("التنمية الاجتماعية", "الأسرة المتميزة في الأعمال")


# ---------------------------------------------------------------- repeated word


@pytest.mark.parametrize("vi,ar", [
    ("Đoàn đến miền Bắc và miền Nam.", "زار الوفد الشمال والجنوب."),
    ("Giá tăng dần dần.", "ارتفعت الأسعار رويدًا رويدًا."),                 # doubled on purpose
    ("Lãnh đạo và nguyên lãnh đạo tỉnh dự.", "حضر قادة وقادة سابقون للمقاطعة."),  # own qualifier
    ("Lan Lan là tên của cô.", "لان لان هو اسمها."),                          # the source doubles it
    ("Mã số 10 10 được ghi lại.", "سُجّل الرمز 10 10."),                      # numbers
])
def test_repeated_word_passes(vi, ar):
    passes("repeated_word", vi, ar)


def test_repeated_word_fails_on_a_stutter():
    f = fails("repeated_word", "Bệnh viện mới ở miền Bắc, miền Nam và Tây Nguyên.",
              "مستشفيات جديدة في الشمال والجنوب والوسطى والوسطى.")
    assert f.found == "والوسطى والوسطى" and f.severity == "minor"


# ---------------------------------------------------------------- event noun


@pytest.mark.parametrize("vi,ar", [
    ("Đại hội Đảng bộ xã diễn ra hai ngày.", "استمر مؤتمر منظمة الحزب في البلدية يومين."),
    ("Lễ hội hoa đào thu hút du khách.", "جذب مهرجان زهر الخوخ السياح."),
    ("Hội nghị chào mừng ngày thành lập ngành.", "عقد المؤتمر احتفالًا بيوم تأسيس القطاع."),  # licensed
    ("Hội nghị bàn về an sinh.", "ناقش المؤتمر القضايا الاجتماعية."),          # الاجتماعية: social
    ("Hội nghị và lễ hội cùng diễn ra.", "عقد الاجتماع والمهرجان معًا."),       # two kinds: not read
    ("Người dân chuẩn bị đón Tết.", "يستعد السكان لاستقبال العام الجديد في اجتماع."),  # no event noun
])
def test_event_noun_passes(vi, ar):
    passes("event_noun", vi, ar)


def test_event_noun_fails_when_a_festival_becomes_a_meeting():
    f = fails("event_noun", "Lễ hội hoa đào khai mạc sáng nay. Cùng dự có nhiều du khách.",
              "افتتح مهرجان زهر الخوخ صباح اليوم. وحضر الاجتماع أيضًا العديد من السياح.")
    assert f.found == "الاجتماع" and f.term == "Lễ hội" and f.severity == "minor"


def test_event_noun_fails_when_a_meeting_becomes_a_festival():
    f = fails("event_noun", "Cuộc họp của ban quản lý kéo dài ba giờ.", "استمر مهرجان مجلس الإدارة ثلاث ساعات.")
    assert f.found == "مهرجان"


# ---------------------------------------------------------------- shipped glossary entries


@pytest.mark.parametrize("vi,ar,term", [
    ("Người dân chuẩn bị lễ vật dâng đình làng.", "أعد السكان العروض لمعبد القرية.", "lễ vật"),
    ("Hỗ trợ các gia đình chính sách dịp Tết.", "دعم أسر السياسيين بمناسبة رأس السنة.", "gia đình chính sách"),
    ("Bảo đảm an sinh xã hội cho người nghèo.", "ضمان الأمن الاجتماعي للفقراء.", "an sinh xã hội"),
    ("Chuẩn bị nhân sự đại hội khóa mới.", "إعداد موظفي المؤتمر للدورة الجديدة.", "nhân sự đại hội"),
    ("Phó Bí thư Thường trực Tỉnh ủy dự lễ.", "حضر نائب الأمين العام الحفل.", "Phó Bí thư Thường trực"),
    ("Đây là trường phổ thông bán trú.", "هذه مدرسة داخلية للتلاميذ.", "bán trú"),
    ("Đoàn khảo sát vùng trung du và miền núi phía Bắc.", "زار الوفد المناطق الشمالية الوسطى والجبلية.",
     "trung du và miền núi phía Bắc"),
    ("Già làng kể chuyện cho thanh niên.", "روت القرية القديمة القصص للشباب.", "già làng"),
    ("Đưa điện về vùng sâu, vùng xa.", "إيصال الكهرباء إلى المناطق العميقة والبعيدة.", "vùng sâu, vùng xa"),
])
def test_shipped_glossary_flags_a_wrong_concept(vi, ar, term):
    f = fails("forbidden", vi, ar, shipped_glossary())
    assert f.term == term


@pytest.mark.parametrize("vi,ar", [
    ("Người dân chuẩn bị lễ vật và các tiết mục văn nghệ.", "أعد السكان القرابين والعروض الفنية."),
    ("Bảo đảm an sinh xã hội và trật tự an toàn xã hội.", "ضمان الضمان الاجتماعي والنظام والأمن الاجتماعي."),
    ("Đây là trường phổ thông bán trú.", "هذه مدرسة شبه داخلية."),
    ("Tổng Bí thư gặp Bí thư Tỉnh ủy.", "التقى الأمين العام بسكرتير لجنة الحزب في المقاطعة."),
    ("QL1A nối với đường cao tốc.", "يتصل الطريق الوطني 1A بالطريق السريع."),
    ("Già làng sống ở làng cổ.", "يعيش شيخ القرية في القرية القديمة."),   # làng cổ: an old village
])
def test_shipped_glossary_passes_the_right_rendering(vi, ar):
    passes("forbidden", vi, ar, shipped_glossary())


# ---------------------------------------------------------------- lemmas (qalsadi)


def test_broken_plural_of_a_term_is_its_rendering():
    pytest.importorskip("qalsadi")
    glossary = load_glossary_csv("source,target,category\nChủ tịch,رئيس,title\n".encode(), "t.csv")
    # رؤساء is the broken plural of رئيس: no suffix rule can see it
    passes("term", "Các Chủ tịch UBND xã dự họp.", "حضر رؤساء اللجان الشعبية في البلديات الاجتماع.", glossary)
    fails("term", "Chủ tịch UBND huyện dự họp.", "حضر نائب اللجنة الشعبية للمنطقة الاجتماع.", glossary)


def test_lemmas_do_not_join_different_words():
    pytest.importorskip("qalsadi")
    from workbench.lang.ar_lemmas import lemma_rendered

    assert lemma_rendered(("عضو الحزب",), "انضم أعضاء الحزب الجدد")
    assert lemma_rendered(("الطريق الوطني",), "على الطرق الوطنية")
    assert not lemma_rendered(("مقاطعة",), "في المنطقة الجبلية")
    assert not lemma_rendered(("لجنة التنظيم",), "اللجنة التنظيمية")   # a nisba adjective
    assert not lemma_rendered(("بالمنطقة",), "بمنطقة نائية")           # the article matters
    assert not lemma_rendered(("لجنة الحزب في المقاطعة",), "لجنة الحزب المقاطعة")
    assert not lemma_rendered(("المرتفعات الوسطى",), "في المرتفعات الشمالية والوسطى")


# ---------------------------------------------------------------- a name in an event's name read as its place


@pytest.mark.parametrize("vi,ar", [
    # the name kept inside the event's name
    ("Lễ hội văn hóa Tây Bắc lần thứ 3 diễn ra tại thị trấn Mộc Châu.",
     "أقيم مهرجان تاي باك للثقافة الثالث في بلدة موك تشاو."),
    # the source itself holds the event there
    ("Lễ hội Điện Biên khai mạc tại thành phố Điện Biên Phủ.", "افتتح مهرجان ديان بيان في مدينة ديان بيان فو."),
    ("Lễ hội Mộc Châu được tổ chức ở Mộc Châu.", "أقيم مهرجان موك تشاو في موك تشاو."),
    # no other venue: an event named after a city may well be held there
    ("Giải Marathon quốc tế Hà Nội thu hút 10.000 vận động viên.", "اجتذب الماراثون الدولي في ها نوي 10 آلاف عداء."),
    # giải lower case is a prize, not an event's name
    ("Đội bóng giành giải Nhất Hà Nội.", "فاز الفريق بالجائزة الأولى في ها نوي."),
    # no event
    ("Người dân Tây Bắc đón Tết.", "يحتفل سكان تاي باك بعيد رأس السنة في تاي باك."),
])
def test_name_as_place_passes(vi, ar):
    passes("name_as_place", vi, ar)


@pytest.mark.parametrize("ar,found", [
    ("أقيم مهرجان الثقافة الثالث في تاي باك في بلدة موك تشاو.", "في تاي باك"),
    ("أقيم مهرجان الثقافة الثالث بتاي باك في بلدة موك تشاو.", "بتاي باك"),
    ("أقيم مهرجان الثقافة الثالث في منطقة تاي باك في بلدة موك تشاو.", "في منطقة تاي باك"),
])
def test_name_as_place_fails_when_the_name_becomes_the_venue(ar, found):
    f = fails("name_as_place", "Lễ hội văn hóa Tây Bắc lần thứ 3 diễn ra tại thị trấn Mộc Châu.", ar)
    assert f.found == found and f.term == "Lễ hội văn hóa Tây Bắc"
    assert f.severity == "minor" and f.to_json()["confidence"] == f.confidence < 1.0


# ---------------------------------------------------------------- an act of the source lost in a merged clause


@pytest.mark.parametrize("vi,ar", [
    ("Năm 2019, hợp tác xã được thành lập, anh tham gia làm thành viên.",
     "في عام 2019، تأسست التعاونية وانضم إليها عضوًا."),
    # the Arabic renders none of the sentence's acts: a paraphrase the lexicon cannot read
    ("Anh sẽ tham gia trận đấu tối nay.", "سيلعب المباراة الليلة."),
    # lễ khai mạc names the ceremony (الحفل), it is not an act
    ("Lễ khai mạc có hàng trăm người dân tham gia.", "شارك مئات السكان في الحفل."),
    # the two sides do not have as many sentences: not read
    ("Hợp tác xã được thành lập. Anh tham gia làm thành viên.", "تأسست التعاونية كعضو."),
])
def test_lost_predicate_passes(vi, ar):
    passes("lost_predicate", vi, ar)


def test_lost_predicate_fails_when_two_clauses_are_merged():
    f = fails("lost_predicate", "Năm 2019, hợp tác xã được thành lập, anh tham gia làm thành viên.",
              "في عام 2019، تأسست التعاونية كعضو.")
    assert f.term == "tham gia" and f.found == "تأسست التعاونية كعضو"
    assert f.severity == "minor" and f.confidence < 1.0


def test_lost_predicate_fails_when_an_injury_is_dropped():
    f = fails("lost_predicate", "Cảnh sát bắt giữ hai người, một cán bộ bị thương.",
              "اعتقلت الشرطة شخصين وضابطًا.")
    assert f.term == "bị thương"

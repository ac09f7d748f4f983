"""The paragraph aligner: each link shape on real ntrex-dev Vietnamese/Arabic news,
the coverage/order invariants of the CLI contract, furniture left unlinked, and the
banded programme on long documents."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.align import align, align_indices
from workbench.embed import get_backend
from workbench.paragraph import Paragraph

# Consecutive sentences of three ntrex-dev documents (human translations).
MACEDONIA = (
    ("Các cử tri đi bỏ phiếu ngày Chủ Nhật về việc liệu họ có đổi tên quốc gia thành “Cộng hòa Bắc Macedonia.”",
     'سوف يدلي الناخبون بأصواتهم يوم الأحد بشأن تغيير اسم الدولة ليصبح اسمها "جمهورية مقدونيا الشمالية."'),
    ("Việc bỏ phiếu toàn diện được thiết lập trong một nỗ lực nhằm giải quyết cuộc tranh chấp kéo dài hàng thập kỷ với nước láng giềng Hy Lạp, nơi cũng có một tỉnh mang tên Macedonia.",
     "وقد تم إعداد هذا التصويت الشعبي في محاولة لحل نزاع دام لعقود مع دولة اليونان المجاورة والتي تمتلك مقاطعة خاصة بها تسمى مقدونيا."),
    ("Athens từ lâu đã khẳng định rằng tên của nước láng giềng phía bắc tương ứng cho chính vùng lãnh thổ của mình và đã nhiều lần phản đối việc trở thành thành viên của EU và NATO của nước bạn.",
     "وقد أصر سكان أثينا منذ فترة طويلة على أن اسم دولة الجوار التي تحدها من الشمال يمثل ادعاءً على إقليمها وقد تم رفض طلبها مرارًا وتكرارًا لكي تحصل على عضوية الاتحاد الأوروبي والناتو لهذا السبب."),
    ("Tổng thống Macedonia Gjorge Ivanov, một thành viên trong phe phản đổi về việc đổi tên quốc gia, đã tuyên bố sẽ bãi bỏ kết quả bỏ phiếu.",
     "وقال رئيس مقدونيا جورج إيفانوف، وهو أحد معارضي الاستفتاء حول تغيير الاسم، إنه سيرفض الاعتراف بالتصويت."),
    ("Tuy nhiên, những người phe ủng hộ cuộc trưng cầu dân ý, bao gồm cả Thủ tướng Zoran Zaev, cho rằng việc thay đổi quốc hiệu chính là cái giá phải trả để gia nhập EU và NATO.",
     "ومع ذلك، يحتج مؤيدو الاستفتاء، بما في ذلك رئيس الوزراء زوران زئيف، بأن تغيير الاسم هو ببساطة الثمن الذي يجب دفعه للانضمام إلى الاتحاد الأوروبي وإلى الناتو."),
)
WALES = (
    ("Có sự quan ngại nhất định của một số Đại biểu Quốc hội liên quan tới việc đổi chức danh của họ sang MWP (Nghị sĩ của Nghị viện Wales).",
     "هناك استياء بين بعض أعضاء جمعية ويلز الوطنية من الاقتراح بتغيير مسماهم الوظيفي إلى MWPs (أعضاء في برلمان ويلز)."),
    ("Vấn đề nổi cộm lên bởi những kế hoạch đổi tên quốc hội sang Nghị viện Wales.",
     "وقد نشأ ذلك بسبب وجود خطط لتغيير اسم الجمعية إلى برلمان ويلز."),
    ("Các Đại biểu Quốc hội trên nghị trường lo lắng đây có thể là vấn đề dấy lên dư luận trái chiều.",
     "وأعرب أعضاء الجمعية عبر الطيف السياسي عن قلقهم من أن الأمر يجعلهم عرضة للسخرية."),
    ("Một Đại biểu Đảng Lao động nói rằng Đảng của ông lo rằng “cụm từ sẽ vần với Twp và Pwp.”",
     'وذكر أحد أعضاء الجمعية من حزب العمال بأن جماعته قلقة بشأن "استخدام السجع المتسم بالسخافة والحماقة."'),
    ("Dành cho các độc giả không phải là người bản địa xứ Wales thì: Tại Wales, twp nghĩa là tạm bợ và pwp nghĩa là phân.",
     "بالنسبة للقراء من خارج ويلز: تعني twp في ويلز السخافة وتعني pwp الحماقة."),
)
HARLEM = (
    ("Các giáo đoàn Giám lý da trắng đầu tiên đã chuyển đi vào những năm 1930.",
     "وقد غادر جمهور الميثوديين ذوي البشرة البيضاء الأصليين في ثلاثينيات القرن العشرين."),
    ("Một giáo đoàn da màu đang thờ phụng gần đó đã tiếp quản địa điểm.",
     "وقد حصلت جماعة المصلين من ذوي البشرة السوداء الذين كانوا يتعبدون بالقرب من المكان على حق ملكية المبنى."),
    ("St. Martin’s đã được tiếp quản bởi một giáo đoàn da màu dưới sự quản lý của Linh mục John Howard Johnson, người đứng đầu một cuộc tẩy chay các nhà bán lẻ trên Phố 125, một con phố trung tâm mua sắm ở Harlem, người chống lại việc thuê hay thúc giục những người da màu.",
     "واستولت جماعة من ذوي البشرة السوداء على كنيسة سانت مارتن تحت قيادة القس جون هوارد جونسون الذي قاد المقاطعة التي شنها تجار التجزئة في شارع 125، وهو شارع تسوق رئيسي في هارلم، وقد قاوم عملية الاستئجار أو ترويج الأشخاص ذوي البشرة السوداء."),
    ("Một vụ hỏa hoạn năm 1939 đã khiến tòa nhà bị hư hỏng nặng, nhưng khi giáo dân của Cha Johnson lên kế hoạch xây dựng lại, họ đã đặt làm dàn chuông.",
     "وتسبب حريق وقع عام 1939 في إلحاق أضرار بالغة بالمبنى، ولكن قام الأب جونسون الذي ينتمي إلى الأبرشيّة بوضع خطط لإعادة البناء، وتم عزف موسيقى الأجراس من جديد."),
    ("Mục sư David Johnson, con trai của Cha Johnson và người kế vị tại St. Martin’s, tự hào gọi dàn chuông là “tiếng chuông của người nghèo”.",
     "وقد أطلق القس دافيد جونسون وابن الأب جونسون وخليفته في سانت مارتن، بكبرياء موسيقى الأجراس."),
)
DOCUMENTS = {"macedonia": MACEDONIA, "wales": WALES, "harlem": HARLEM}


def _paragraphs(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(i, t) for i, t in enumerate(texts)]


def _shape(links) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.source, link.target) for link in links]


@pytest.fixture(scope="module")
def backend():
    return get_backend()


def _case(doc, move: str):
    """Source/target texts of one document with one edit, and the gold links."""
    vi = [v for v, _ in doc]
    ar = [a for _, a in doc]
    n = len(doc)
    diagonal = [((i,), (i,)) for i in range(n)]
    if move == "1-1":
        return vi, ar, diagonal
    if move == "1-2":  # the Vietnamese paragraph 1+2 was split in two by the MT page
        source = [vi[0], vi[1] + " " + vi[2], *vi[3:]]
        gold = [((0,), (0,)), ((1,), (1, 2))] + [((i - 1,), (i,)) for i in range(3, n)]
        return source, ar, gold
    if move == "2-1":  # the MT page merged Arabic paragraphs 1 and 2
        target = [ar[0], ar[1] + " " + ar[2], *ar[3:]]
        gold = [((0,), (0,)), ((1, 2), (1,))] + [((i,), (i - 1,)) for i in range(3, n)]
        return vi, target, gold
    if move == "1-0":  # paragraph 2 was not translated
        target = ar[:2] + ar[3:]
        gold = [((0,), (0,)), ((1,), (1,)), ((2,), ())] + [((i,), (i - 1,)) for i in range(3, n)]
        return vi, target, gold
    if move == "0-1":  # an ad after paragraph 1, a related headline of another story at the end
        other = next(d for d in DOCUMENTS.values() if d is not doc)
        target = [ar[0], ar[1], "[إعلان 1]", *ar[2:], other[0][1]]
        gold = (
            [((0,), (0,)), ((1,), (1,)), ((), (2,))]
            + [((i,), (i + 1,)) for i in range(2, n)]
            + [((), (n + 1,))]
        )
        return vi, target, gold
    raise ValueError(move)


# Known weaknesses, kept visible (strict xfail: a fix shows up as a failure to update).
# Wales: every sentence is about the same assembly members, and a short omitted
# sentence next to its neighbour is taken for a 2-1 merge (the sum of two on-topic
# vectors resembles the translation).  Harlem 1-2: the first part of the split is a
# short sentence whose similarity to the long merged source is diluted, so it is left
# unlinked.  On the ntrex-dev benchmark these shapes score F1 0.99 (bench_align.py).
KNOWN_MISSES = {
    ("wales", "1-0"): "omission next to an on-topic neighbour taken for a merge",
    ("harlem", "1-2"): "short first part of a split left unlinked",
}


@pytest.mark.parametrize("doc", list(DOCUMENTS), ids=list(DOCUMENTS))
@pytest.mark.parametrize("move", ["1-1", "1-2", "2-1", "1-0", "0-1"])
def test_each_link_shape_is_found(backend, doc: str, move: str, request) -> None:
    if (doc, move) in KNOWN_MISSES:
        request.applymarker(pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[doc, move]))
    source, target, gold = _case(DOCUMENTS[doc], move)
    links = align(_paragraphs(source), _paragraphs(target), backend=backend)
    assert _shape(links) == gold


@pytest.mark.parametrize("doc", list(DOCUMENTS), ids=list(DOCUMENTS))
def test_links_cover_every_paragraph_once_in_order_with_scores(backend, doc: str) -> None:
    source, target, _ = _case(DOCUMENTS[doc], "0-1")
    # numbering is the file's: start at 7 and 30 to check that Paragraph.index is kept
    src = [Paragraph(7 + i, t) for i, t in enumerate(source)]
    tgt = [Paragraph(30 + i, t) for i, t in enumerate(target)]
    links = align(src, tgt, backend=backend)
    assert [i for link in links for i in link.source] == [p.index for p in src]
    assert [j for link in links for j in link.target] == [p.index for p in tgt]
    for link in links:
        assert 0.0 <= link.score <= 1.0
        assert link.signature  # every stored score says how it was made
        if link.is_one_sided:
            assert link.score == 0.0
        else:
            assert link.components
    two_sided = [link.score for link in links if not link.is_one_sided]
    assert max(two_sided) > 0.3  # the scorer's fidelity reaches the links, not a constant


@pytest.mark.parametrize(
    "source, target",
    [([], []), (["Một câu."], []), ([], ["جملة واحدة."])],
    ids=["both-empty", "no-target", "no-source"],
)
def test_empty_sides_leave_everything_unlinked(backend, source, target) -> None:
    links = align(_paragraphs(source), _paragraphs(target), backend=backend)
    assert _shape(links) == [((i,), ()) for i in range(len(source))] + [
        ((), (j,)) for j in range(len(target))
    ]


def test_page_furniture_around_an_article_is_left_unlinked(backend) -> None:
    """Ads, a source line, a comment counter and a menu on the Arabic page, a byline
    and a photo credit on the Vietnamese side: none of them is linked."""
    vi = [v for v, _ in MACEDONIA]
    ar = [a for _, a in MACEDONIA]
    source = [vi[0], "Ảnh: TTXVN", *vi[1:], "NGUYỄN VĂN HÙNG"]
    target = [
        "[إعلان 1]", ar[0], ar[1], "[إعلان 2]", *ar[2:],
        "المصدر: https://baoquocte.vn/macedonia-trung-cau-dan-y-123.html",
        "تعليق (0)", "أخبار\nسياسة\nاقتصاد\nرياضة",
    ]
    links = align(_paragraphs(source), _paragraphs(target), backend=backend)
    linked = {(link.source, link.target) for link in links if not link.is_one_sided}
    assert linked == {((0,), (1,)), ((2,), (2,)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))}


def test_demo_page_content_linked_and_furniture_left_unlinked(backend, demo_dir) -> None:
    """The seed page (vietnam.vn's Arabic MT of a Báo Tuyên Quang article) against the
    project's Vietnamese version: every content paragraph finds its own counterpart;
    site name, ad slots, source line, comment counter, related lists and menus, the
    Vietnamese sapo and desk byline stay unlinked."""
    from workbench.document import read_path

    vi_path, ar_path = demo_dir / "article.vi.txt", demo_dir / "article.ar.txt"
    if not vi_path.exists():
        pytest.skip("demo/article.vi.txt is not there")
    source, target = read_path(str(vi_path)), read_path(str(ar_path))
    links = align(source, target, backend=backend)
    # Gold by hand from reading both files: title 0↔1, series links
    # (>> Bài 1/2) 3↔4 and 4↔5, headings 5↔6 and 12↔13, captions 7↔8 and 14↔15, body
    # paragraphs in order; then Vietnamese k ↔ Arabic k+1 from 3 to 23.  The date
    # lines stay unlinked on both sides: the Arabic one ("Việt NamViệt Nam01/11/2024")
    # is not Arabic at all, so it is the site's chrome, not a translation (the
    # convention of the real-pages gold).
    gold = {((0,), (1,))} | {((k,), (k + 1,)) for k in range(3, 24)}
    unlinked_vi = {1, 2, 24}  # date line, sapo, desk byline
    unlinked_ar = {0, 2, 3} | set(range(25, 40))  # site name, date line, ad, source line, chrome
    two_sided = {(link.source, link.target) for link in links if not link.is_one_sided}
    assert two_sided == gold
    assert {i for link in links if not link.target for i in link.source} == unlinked_vi
    assert {j for link in links if not link.source for j in link.target} == unlinked_ar


def _synthetic(n: int, rng: np.random.Generator, dim: int = 384) -> np.ndarray:
    v = rng.standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_long_document_far_off_the_length_diagonal_is_still_aligned() -> None:
    """A block of 40 extra paragraphs at the top of a 600-paragraph page pushes the
    true path out of a narrow band: the band must widen instead of forcing links."""
    rng = np.random.default_rng(3)
    n = 600
    src_vecs = _synthetic(n, rng)
    noise = _synthetic(n, rng)
    tgt_vecs = src_vecs * 0.9 + noise * 0.3
    tgt_vecs /= np.linalg.norm(tgt_vecs, axis=1, keepdims=True)
    extra = _synthetic(40, rng)
    sentence = "Đây là một câu văn bình thường trong bài báo."
    arabic = "هذه جملة عادية في المقال الإخباري."
    source_texts = [sentence] * n
    target_texts = [arabic * 3] * 40 + [arabic] * n  # long extras: length cannot tell
    path = align_indices(
        source_texts, target_texts, src_vecs, np.concatenate([extra, tgt_vecs]), band=4
    )
    gold = [((), (j,)) for j in range(40)] + [((i,), (i + 40,)) for i in range(n)]
    assert path == gold

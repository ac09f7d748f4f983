"""Choosing rows on the review page: filters, worst-first order, pages, next open finding."""

from __future__ import annotations

import pytest

from workbench.model.finding import Span
from workbench.service import FindingView, ReviewRow
from workbench_ui import rows as rowsel

TEXTS = [
    ("Xã Yên Nguyên, huyện Chiêm Hóa", "بلدية ين نجوين، منطقة تشييم هوا"),
    ("Tỉnh ủy Tuyên Quang", "لجنة الحزب الإقليمية في توين كوانغ"),
    ("Bài cuối: Nâng cao năng lực lãnh đạo", "المقال الأخير: تعزيز القدرة القيادية"),
    ("Đồng chí Nguyễn Hưng Vượng", "الرفيق نجوين هونغ فونغ"),
]


def finding(fid: int, link_id: int, kind: str, severity: str, status: str = "open",
            target: tuple[Span, ...] = ()) -> FindingView:
    return FindingView(fid, link_id, kind, severity, "term", ("بلدية",), "منطقة", "message",
                       "check", (), target, status)


def row(ordinal: int, score: float, findings=(), status: str = "new", one_sided=False):
    vi, ar = TEXTS[ordinal % len(TEXTS)]
    return ReviewRow(100 + ordinal, ordinal, (ordinal,), () if one_sided else (ordinal,), vi,
                     "" if one_sided else ar, ar, 0, status, None, None, score, (), "sig",
                     tuple(findings))


@pytest.fixture
def rows():
    return [
        row(0, 0.91),
        row(1, 0.42, [finding(1, 101, "admin_level", "major")]),
        row(2, 0.65, [finding(2, 102, "term", "minor", status="dismissed")], status="reviewed"),
        row(3, 0.80, [finding(3, 103, "name", "critical")], status="approved"),
        row(4, 0.0, one_sided=True),
    ]


@pytest.mark.parametrize("flt,expected", [
    (rowsel.RowFilter(), [0, 1, 2, 3, 4]),
    (rowsel.RowFilter(kinds=("admin_level",)), [1]),
    (rowsel.RowFilter(severities=("critical", "major")), [1, 3]),
    (rowsel.RowFilter(severities=("minor",)), []),  # the minor one is dismissed
    (rowsel.RowFilter(severities=("minor",), show_dismissed=True), [2]),
    (rowsel.RowFilter(statuses=("new",)), [0, 1, 4]),
    (rowsel.RowFilter(only_open_findings=True), [1, 3]),
])
def test_filters(rows, flt, expected) -> None:
    assert [r.ordinal for r in rowsel.select_rows(rows, flt, "document order")] == expected


def test_worst_first_puts_one_sided_links_last(rows) -> None:
    chosen = rowsel.select_rows(rows, rowsel.RowFilter(), "worst score first")
    assert [r.ordinal for r in chosen] == [1, 2, 3, 0, 4]


def test_neighbours_stop_at_the_ends(rows) -> None:
    assert rowsel.neighbour(rows, 102, 1).ordinal == 3
    assert rowsel.neighbour(rows, 102, -1).ordinal == 1
    assert rowsel.neighbour(rows, 104, 1).ordinal == 4  # the last stays the last
    assert rowsel.neighbour(rows, 100, -1).ordinal == 0
    assert rowsel.neighbour(rows, 999, 1).ordinal == 0  # not listed: the first
    assert rowsel.neighbour([], 100, 1) is None


def test_the_list_pages_hold_the_link_in_the_editor() -> None:
    many = [row(k, 0.5) for k in range(60)]
    assert rowsel.list_page(many, 100 + 30, size=25) == (25, many[25:50])
    assert rowsel.list_page(many, 100 + 24, size=25) == (0, many[:25])
    assert rowsel.list_page(many, 100 + 59, size=25) == (50, many[50:])
    assert rowsel.list_page(many, None, size=25) == (0, many[:25])


def test_go_to_labels_are_plain_and_start_with_the_number(rows) -> None:
    assert rowsel.goto_label(rows[1]) == "Link 1 · 0.42 · ○ new · ⚑1"
    assert rowsel.goto_label(rows[4]) == "Link 4 · one-sided · ○ new"


def test_list_labels_say_score_status_and_open_findings(rows) -> None:
    assert rowsel.list_label(rows[1]) == ":red[●] **1** ○ :gray[0.42] :red[⚑1]"
    assert rowsel.list_label(rows[3]) == ":yellow[●] **3** ● :gray[0.80] :red[⚑1]"
    assert rowsel.list_label(rows[2]) == ":orange[●] **2** ◐ :gray[0.65]"  # dismissed
    assert rowsel.list_label(rows[0], draft=True) == ":green[●] **0** ○ :gray[0.91] " \
        ":blue[✎ unsaved]"
    assert rowsel.list_label(rows[4]).startswith(":gray[●] **4** ○ :gray[one-sided]")


def test_next_open_finding_wraps_round(rows) -> None:
    assert rowsel.next_open(rows, None)[1].ordinal == 1
    assert rowsel.next_open(rows, 101)[1].ordinal == 3
    assert rowsel.next_open(rows, 103)[1].ordinal == 1
    assert rowsel.next_open([rows[0], rows[2]], None) is None  # only a dismissed one


def test_marks_go_to_the_paragraph_of_their_span() -> None:
    vi, ar = TEXTS[0]
    start = ar.index("منطقة")
    f = finding(1, 100, "admin_level", "major", target=(Span(7, start, start + 5),))
    marks = rowsel.marks([f], "target")
    assert list(marks) == [7]
    assert ar[marks[7][0].start:marks[7][0].end] == "منطقة"
    assert rowsel.marks([f], "source") == {}

"""Vietnamese compound words that contain a glossary term's syllables but are not it.

Vietnamese writes a compound as separate syllables, so a whole-word match of "bài"
(a part of a series) also hits "bài học" (a lesson), "bản" (village) hits "văn bản"
(a document) and "cơ sở" (grassroots) hits "cơ sở hạ tầng" (infrastructure).  Term
matching treats these compounds as words of their own: matched longest-first like a
term, they take the syllables and yield no hit.  Lower case, NFC.
"""

from __future__ import annotations

COMPOUNDS: tuple[str, ...] = (
    # bài: "Bài 1" is a series part; these are not
    "bài học", "bài hát", "bài báo", "bài viết", "bài tập", "bài toán", "bài thơ",
    "bài giảng", "bài phát biểu", "bài bản", "bài thuốc", "bài trừ", "bài xích",
    # bản (village)
    "văn bản", "cơ bản", "bản thân", "bản chất", "bản lĩnh", "phiên bản", "bản sắc",
    "xuất bản", "Nhật Bản", "bản đồ", "bản án", "bản tin", "bản quyền", "căn bản", "tư bản",
    "bản địa", "bản năng", "bản vẽ", "bản sao", "kịch bản", "bản kế hoạch",
    # tỉnh (province)
    "tỉnh táo", "tỉnh ngộ", "tỉnh giấc", "tỉnh dậy", "thức tỉnh",
    # xã (commune)
    "xã hội", "hợp tác xã", "xã giao",
    # cơ sở (grassroots)
    "cơ sở hạ tầng", "cơ sở vật chất", "cơ sở dữ liệu", "cơ sở y tế", "cơ sở sản xuất",
    "cơ sở kinh doanh", "cơ sở giáo dục", "cơ sở pháp lý", "cơ sở khoa học", "làm cơ sở",
    "là cơ sở", "cơ sở để", "trên cơ sở",  # "the basis for", "on the basis of"
    # làng, xóm, ấp (village, hamlet)
    "làng nghề", "hàng xóm", "ấp ủ", "ấm áp",
    # quận, phường
    "phường hội",
    # place names inside other names: Thái Bình Dương is the Pacific, not Thái Bình
    "Thái Bình Dương", "Đại Tây Dương", "Ấn Độ Dương", "Bắc Băng Dương",
    # nhiệm kỳ: "bầu cử giữa nhiệm kỳ" are the midterm elections
    "giữa nhiệm kỳ",
)

"""Consonant skeletons find Latin-script names spelled by ear in Arabic."""

from __future__ import annotations

import pytest

from workbench.names.skeleton import arabic_skeleton, best_match, latin_skeleton


@pytest.mark.parametrize(
    "name, arabic",
    [
        ("Harvard", "في جامعة هارفارد"),
        ("Scotland", "في جميع أنحاء أسكتلندا"),
        ("Reuters", "لرويترز"),
        ("Macedonia", "الاستفتاء في مقدونيا"),
        ("Mexico", "شمال المكسيك"),
        ("Peter Jones", "غضب بيتر جونز بعد"),
        # words run together by the copy: the name inside one long "word"
        ("Harvard", "طلابجامعةهارفارديتلقون دورةللحصولعلىقسط"),
    ],
)
def test_name_spelled_by_ear_is_found(name: str, arabic: str) -> None:
    assert best_match(name, arabic) >= 0.8


@pytest.mark.parametrize(
    "name, arabic",
    [
        ("Harvard", "في جامعة أكسفورد"),
        ("Peter Jones", "غضب هولي ويلوبي بعد"),
        ("Macedonia", "معهد أبحاث السياسة في أريزونا"),
        ("Boston", "طلابجامعةهارفارديتلقون دورةللحصولعلىقسط"),
    ],
)
def test_other_name_is_not_found(name: str, arabic: str) -> None:
    assert best_match(name, arabic) < 0.8


def test_skeletons_agree_on_letters_arabic_merges() -> None:
    assert latin_skeleton("Harvard") == arabic_skeleton("هارفارد") == "hrfrt"
    assert best_match("Al", "ال") == 0.0   # too short to mean anything

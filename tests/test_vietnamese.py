"""Vietnamese text handling that every search and look-up relies on."""

import unicodedata

import pytest

from portal import vietnamese


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Đồng Hới", "dong hoi"),
        ("ĐẮK LẮK", "dak lak"),
        ("giải phóng mặt bằng", "giai phong mat bang"),
        (unicodedata.normalize("NFD", "Khánh Hoà"), "khanh hoa"),
        ("Thủy", "thuy"),
    ],
)
def test_fold_removes_diacritics_including_d_bar(typed, folded):
    assert vietnamese.fold(typed) == folded


@pytest.mark.parametrize(
    ("old", "new"),
    [("Hòa", "Hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Khánh Hòa", "Khánh Hoà")],
)
def test_both_tone_placements_meet(old, new):
    assert vietnamese.match_key(old) == vietnamese.match_key(new)


@pytest.mark.parametrize("word", ["quý", "Quỳnh", "Hoàng", "toán", "thuở"])
def test_tone_moves_only_in_open_oa_oe_uy(word):
    # "qu" is a consonant; a final consonant fixes the tone on the second vowel.
    assert vietnamese.canonical_tones(word) == word


def test_decomposed_input_becomes_composed():
    decomposed = unicodedata.normalize("NFD", "Phường Hoàn Kiếm")
    assert vietnamese.clean(decomposed) == "Phường Hoàn Kiếm"


def test_clean_collapses_spaces_on_one_line_and_keeps_paragraphs():
    assert vietnamese.clean("  Đèn \t hỏng  ") == "Đèn hỏng"
    assert vietnamese.clean("Dòng 1\r\n\r\nDòng 2 ", multiline=True) == "Dòng 1\n\nDòng 2"


def test_control_characters_are_detected():
    assert vietnamese.has_control_characters("abc\x00")
    assert vietnamese.has_control_characters("a\nb")
    assert not vietnamese.has_control_characters("a\nb", allow_newlines=True)
    assert vietnamese.has_control_characters("a\u200bb", allow_newlines=True)

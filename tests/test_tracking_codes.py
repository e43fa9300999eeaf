"""Tracking codes: unguessable, readable over the phone, typo-checked."""

import re

from portal.petitions import tracking


def test_code_shape_names_the_year():
    code = tracking.generate(2026)
    assert re.fullmatch(r"KN-26-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code)


def a_code_with(body7: str, year2: str = "26") -> str:
    body = body7 + tracking._check_symbol(year2 + body7)
    return f"KN-{year2}-{body[:4]}-{body[4:]}"


def test_typing_is_forgiving():
    code = a_code_with("10A0B1C")
    compact = code.replace("-", "").lower()
    spaced = " ".join(code.replace("-", ""))
    assert tracking.normalise(compact) == code
    assert tracking.normalise(spaced) == code
    # Letters people confuse with digits are read as the digits.
    assert tracking.normalise("KN-26-IOAO-BL" + code[-2:]) == code
    assert tracking.normalise("kn-26-loaO-bI" + code[-2:].lower()) == code


def test_only_ascii_digits_make_a_year():
    code = a_code_with("7F3K9QX")
    assert tracking.normalise(code.replace("26", "٢٦")) is None  # Arabic-Indic digits
    assert tracking.normalise(code.replace("26", "２６")) is None  # full-width digits


def test_any_single_mistyped_symbol_is_caught():
    code = tracking.generate(2026)
    body = code.replace("-", "")[4:]
    for position in range(len(body)):
        for symbol in tracking.ALPHABET:
            if symbol == body[position]:
                continue
            wrong = body[:position] + symbol + body[position + 1:]
            assert tracking.normalise("KN26" + wrong) is None


def test_garbage_is_not_a_code():
    for text in ["", "KN", "abc", "KN-26-1234", "XX-26-ABCD-EFGH", "KN-2A-ABCD-EFGH", "KN-26-ABCD-EFGHJ"]:
        assert tracking.normalise(text) is None

"""Tracking codes: unguessable, readable over the phone, typo-checked."""

import re

from portal.petitions import tracking


def test_code_shape_names_the_year():
    code = tracking.generate(2026)
    assert re.fullmatch(r"KN-26-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code)


def test_codes_do_not_repeat():
    codes = {tracking.generate(2026) for _ in range(5000)}
    assert len(codes) == 5000


def test_typing_is_forgiving():
    code = tracking.generate(2026)
    compact = code.replace("-", "").lower()
    spaced = " ".join(code.replace("-", ""))
    assert tracking.normalise(compact) == code
    assert tracking.normalise(spaced) == code
    # Letters people confuse with digits are read as the digits.
    confusable = code[:6] + code[6:].replace("0", "O").replace("1", "I")
    assert tracking.normalise(confusable) == code


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

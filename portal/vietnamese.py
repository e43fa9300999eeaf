"""Vietnamese text: normalisation, diacritic folding, tone-mark placement.

People type Vietnamese in several ways: composed (NFC) or decomposed (NFD)
Unicode, with or without diacritics, and with the tone mark of "oa", "oe" and
"uy" on either vowel ("hòa"/"hoà", "thủy"/"thuỷ"). Every comparison in the
portal goes through these functions so all of those spellings meet.
"""

from __future__ import annotations

import re
import unicodedata

# The five tone marks. Vowel-quality marks (circumflex, breve, horn) are part
# of the letter and stay when tones are moved.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD = re.compile(r"\w+")
# Open syllables whose tone mark two spelling traditions place differently.
_MOVABLE_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}
# Control characters people never mean to send (NUL breaks PostgreSQL text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_CONTROL_NO_NEWLINES = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lowercase, without diacritics, đ as d: "Đồng Hới" -> "dong hoi"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d"))


def _letter(ch: str) -> tuple[str, str]:
    """Split one character into (letter with quality marks, tone mark or '')."""
    parts = unicodedata.normalize("NFD", ch)
    tone = "".join(m for m in parts[1:] if m in _TONE_MARKS)
    rest = parts[0] + "".join(m for m in parts[1:] if m not in _TONE_MARKS)
    return rest, tone


def _canonical_word(word: str) -> str:
    if len(word) < 2:
        return word
    letters = [_letter(ch) for ch in word]
    (first, first_tone), (second, second_tone) = letters[-2], letters[-1]
    if (first.lower(), second.lower()) not in _MOVABLE_PAIRS or not first_tone or second_tone:
        return word
    # In "quy" the u belongs to the consonant "qu": the tone is always on y.
    if first.lower() == "u" and len(letters) > 2 and letters[-3][0].lower() == "q":
        return word
    letters[-2] = (first, "")
    letters[-1] = (second, first_tone)
    return nfc("".join(base[0] + base[1:] + tone for base, tone in letters))


def canonical_tones(text: str) -> str:
    """Put the tone of open "oa", "oe", "uy" on the second vowel: hòa -> hoà."""
    return _WORD.sub(lambda m: _canonical_word(m.group()), nfc(text))


def match_key(text: str) -> str:
    """Key for comparing with diacritics: NFC, one tone placement, lowercase."""
    return canonical_tones(text).lower()


def has_control_characters(text: str, *, allow_newlines: bool = False) -> bool:
    pattern = _CONTROL if allow_newlines else _CONTROL_NO_NEWLINES
    return bool(pattern.search(text))


def clean(text: str | None, *, multiline: bool = False) -> str | None:
    """NFC, trimmed, with Windows/Mac line ends made Unix; None stays None."""
    if text is None:
        return None
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = " ".join(text.split())
    return text.strip()

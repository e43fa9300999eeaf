"""Tracking codes: ``KN-26-7F3K-9QXM``.

- ``KN`` and the two-digit year of submission, then seven random symbols and
  one check symbol, in Crockford's base-32 alphabet: no I, L, O or U, so a code
  read aloud over the phone is not mistaken, and 32^7 (34 billion) random
  values cannot be guessed with rate-limited look-ups.
- The check symbol (Luhn mod 32) catches any single mistyped symbol and most
  swapped neighbours before a look-up is even made.
- Typing is forgiving: lower case, spaces, missing dashes, O for 0 and I/L
  for 1 are all accepted.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "KN"
RANDOM_LENGTH = 7
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SHAPE = re.compile(rf"^{PREFIX}([0-9]{{2}})([{ALPHABET}]{{{RANDOM_LENGTH + 1}}})$")


def _check_symbol(payload: str) -> str:
    """Luhn mod N over the payload (N = 32)."""
    factor, total, n = 2, 0, len(ALPHABET)
    for ch in reversed(payload):
        addend = factor * _INDEX[ch]
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def _format(year2: str, body: str) -> str:
    return f"{PREFIX}-{year2}-{body[:4]}-{body[4:]}"


def generate(year: int) -> str:
    return code_for(year, "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH)))


def code_for(year: int, random_part: str) -> str:
    """The code of a year and seven symbols of ``ALPHABET``, check symbol added."""
    year2 = f"{year % 100:02d}"
    return _format(year2, random_part + _check_symbol(year2 + random_part))


def normalise(raw: str) -> str | None:
    """The canonical form of a typed code, or None if it cannot be one."""
    compact = re.sub(r"[\s\-_.]", "", raw.upper())
    if not compact.startswith(PREFIX):
        return None
    compact = PREFIX + compact[len(PREFIX):].translate(_CONFUSABLE)
    match = _SHAPE.match(compact)
    if match is None:
        return None
    year2, body = match.groups()
    if _check_symbol(year2 + body[:-1]) != body[-1]:
        return None
    return _format(year2, body)

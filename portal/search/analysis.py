"""How Vietnamese text becomes index terms, and how a query becomes search terms.

Text is analysed once, in Python, into space-separated term strings that
Whoosh only splits on spaces (its own analysers are slower and split
decomposed text at every combining mark):

- ``folded``: syllables without diacritics, đ as d; every match goes through
  this field, so a query typed without diacritics finds the same documents;
- ``pairs``: adjacent folded syllables joined by "_" ("giai_phong"). Most
  Vietnamese words are two syllables: pairs have far shorter posting lists
  than single syllables and make multi-word queries faster and more precise;
- ``exact``: syllables as written, NFC, lowercase, one tone placement
  (hoà/hòa meet); only a title's are indexed, so a query with diacritics
  ranks exact matches first.

Pairs never span punctuation: "đường. Mặt" is not a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from portal.vietnamese import fold, match_key, nfc

# Word characters, and digits joined by , or . as in "1.200" or "3,5".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+")
# Where a run of words ends: sentence and clause punctuation, line breaks.
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”‘’…\n\r\t/|–—-]+")
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”')
# A term may not be longer than this: guards the index against junk input.
MAX_TERM = 40


@lru_cache(maxsize=200_000)
def word_forms(word: str) -> tuple[str, str]:
    """(exact, folded) for one word; the vocabulary is small, so cache it."""
    word = word[:MAX_TERM]
    return match_key(word), fold(word)


def runs(text: str) -> list[list[str]]:
    """The words of ``text`` in runs that punctuation does not interrupt."""
    text = nfc(text or "")
    found = []
    for chunk in _BREAK.split(text):
        words = [w.replace("_", "") for w in _TOKEN.findall(chunk)]
        words = [w for w in words if w]
        if words:
            found.append(words)
    return found


@dataclass
class Terms:
    exact: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    pairs: list[str] = field(default_factory=list)

    def add(self, text: str | None) -> Terms:
        for run in runs(text or ""):
            forms = [word_forms(w) for w in run]
            self.exact.extend(e for e, _ in forms)
            folded = [f for _, f in forms]
            self.folded.extend(folded)
            self.pairs.extend(f"{a}_{b}" for a, b in zip(folded, folded[1:], strict=False))
        return self


def analyse(*texts: str | None) -> Terms:
    terms = Terms()
    for text in texts:
        terms.add(text)
    return terms


@dataclass(frozen=True)
class Word:
    exact: str
    folded: str

    @property
    def has_diacritics(self) -> bool:
        return self.exact != self.folded


@dataclass(frozen=True)
class ParsedQuery:
    """What a person typed: loose words (in order) and quoted phrases."""

    words: tuple[Word, ...] = ()
    phrases: tuple[tuple[Word, ...], ...] = ()
    # Whether the text ended inside a word (type-ahead): the last loose word
    # is then matched as a prefix.
    open_ended: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    @property
    def all_words(self) -> list[Word]:
        return list(self.words) + [w for phrase in self.phrases for w in phrase]

    @property
    def has_diacritics(self) -> bool:
        return any(w.has_diacritics for w in self.all_words)


MAX_QUERY_WORDS = 12


def _words(text: str) -> tuple[Word, ...]:
    found = []
    for run in runs(text):
        found.extend(Word(*word_forms(w)) for w in run)
    return tuple(found)


def parse_query(text: str, *, prefix: bool = False) -> ParsedQuery:
    """Split a query into loose words and "quoted phrases". ``prefix``: the
    last loose word may be unfinished (the person is still typing)."""
    text = nfc(text or "")[:300]
    phrases = []
    for match in _QUOTED.finditer(text):
        phrase = _words(match.group(1) or match.group(2) or "")
        if len(phrase) == 1:
            text += " " + phrase[0].exact  # a quoted single word is just a word
        elif phrase:
            phrases.append(phrase[:MAX_QUERY_WORDS])
    loose = _QUOTED.sub(" ", text)
    words = _words(loose)[:MAX_QUERY_WORDS]
    open_ended = prefix and bool(words) and bool(loose.rstrip()) and loose.rstrip()[-1].isalnum()
    return ParsedQuery(words=words, phrases=tuple(phrases), open_ended=open_ended)

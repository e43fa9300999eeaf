"""From a parsed query to Whoosh queries: what must match (syllables
anywhere, or the words side by side), the same in titles, and what ranks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from whoosh import query as wq

from portal.search.analysis import ParsedQuery

_PAIR_BOOST = 3.0
_EXACT_BOOST = 2.0
TITLE_BOOST = 2.0


def pairs_of(words) -> list[str]:
    return [f"{a.folded}_{b.folded}" for a, b in zip(words, words[1:], strict=False)]


@dataclass(frozen=True)
class TextQuery:
    """What must match, the same in titles (matches there come first), and
    the query that ranks what matched."""

    required: list[wq.Query]
    in_title: list[wq.Query]
    ranking: wq.Query


Complete = Callable[[str, str], Sequence[str]]


def _required(parsed: ParsedQuery, complete: Complete, *, adjacent: bool,
              syllables: str = "folded", pairs: str = "pairs") -> list[wq.Query]:
    """Each syllable anywhere, or (``adjacent``) each pair of loose words
    side by side; a quoted phrase always needs its pairs: pairs never span
    punctuation, so this is exact for two syllables and near enough beyond.
    An unfinished last word is any of its most common completions."""
    words = list(parsed.words)
    required: list[wq.Query] = []
    closed = words[:-1] if parsed.open_ended else words
    if adjacent:
        required += [wq.Term(pairs, pair) for pair in pairs_of(closed)]
    else:
        required += [wq.Term(syllables, word.folded) for word in closed]
    if parsed.open_ended:
        prefix = words[-1].folded
        completions = complete(syllables, prefix) or [prefix]
        required.append(wq.Or([wq.Term(syllables, term) for term in completions]))
    for phrase in parsed.phrases:
        required += [wq.Term(pairs, pair) for pair in pairs_of(phrase)]
    return required


def _boosts(parsed: ParsedQuery) -> list[wq.Query]:
    optional: list[wq.Query] = []
    for sequence in (list(parsed.words), *parsed.phrases):
        for pair in pairs_of(sequence):
            optional.append(wq.Term("pairs", pair, boost=_PAIR_BOOST))
            optional.append(wq.Term("title", pair, boost=TITLE_BOOST))
    for word in parsed.all_words:
        if word.has_diacritics:
            optional.append(wq.Term("written", word.exact, boost=_EXACT_BOOST))
        optional.append(wq.Term("title", word.folded, boost=TITLE_BOOST / 2))
    return optional


def text_query(parsed: ParsedQuery, complete: Complete, *, adjacent: bool = False) -> TextQuery:
    required = _required(parsed, complete, adjacent=adjacent)
    matched = required[0] if len(required) == 1 else wq.And(required)
    optional = _boosts(parsed)
    ranking = wq.AndMaybe(matched, wq.Or(optional)) if optional else matched
    return TextQuery(required, _required(parsed, complete, adjacent=adjacent, syllables="title",
                                         pairs="title"), ranking)


def in_titles_only(parsed: ParsedQuery, complete: Complete) -> TextQuery:
    in_title = _required(parsed, complete, adjacent=False, syllables="title", pairs="title")
    return TextQuery(in_title, in_title, wq.And(in_title) if len(in_title) > 1 else in_title[0])


def can_be_adjacent(parsed: ParsedQuery) -> bool:
    closed = len(parsed.words) - (1 if parsed.open_ended else 0)
    return closed >= 2

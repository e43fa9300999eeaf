"""Ordering what matched: relevance over a bounded set of candidates, or
newest first. Whoosh scores in Python, tens of microseconds per document;
both orders read only as many documents as a page needs, not every match."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date

from whoosh import query as wq
from whoosh.searching import Searcher

from portal.search import docsets
from portal.search.documents import day_number
from portal.search.workers import Worker

# Documents scored at most for one page of results (see _best).
_SCORED = 200
# A term's posting list is walked when it is at most this many times longer
# than the candidates, otherwise the matcher jumps to each candidate.
_WALK = 4


@dataclass(frozen=True)
class Hit:
    key: str
    score: float

    @property
    def part(self) -> str:
        return self.key.split(":", 1)[0]

    @property
    def record_id(self) -> int:
        return int(self.key.split(":", 1)[1])


def hits_of(results) -> list[Hit]:
    return [Hit(hit["key"], round(hit.score or 0.0, 4)) for hit in results]


def best(searcher: Searcher, query: wq.Query, mask: int, limit: int) -> list[Hit]:
    """The ``limit`` best-scored documents of ``mask``. Of a large set only
    the ``_SCORED`` most recently indexed are scored (new petitions, and old
    ones that changed): Whoosh scores in Python, tens of microseconds each,
    so scoring all 50,000 petitions that mention "đường" would take seconds."""
    if not mask or limit <= 0:
        return []
    candidates = docsets.highest(mask, max(_SCORED, limit))
    scored = heapq.nlargest(limit, _scores(searcher, query, candidates))
    return [Hit(searcher.stored_fields(docnum)["key"], round(score, 4))
            for score, docnum in scored]


def _terms(query: wq.Query) -> list[wq.Term]:
    if isinstance(query, wq.Term):
        return [query]
    return [term for child in query.children() for term in _terms(child)]


def _scores(searcher: Searcher, query: wq.Query, candidates: list[int]):
    """(score, document number) of each candidate (ascending).

    The same sum Whoosh's matchers give (every query here is terms joined by
    And, Or and AndMaybe, whose scores add up), but term by term: a term
    with a short posting list is walked once, a long one is jumped straight
    to each candidate; a tree of matchers would move every term for every
    candidate."""
    totals = dict.fromkeys(candidates, 0.0)
    context = searcher.context()
    terms = _terms(query)
    leaves = searcher.leaf_searchers()
    ends = [offset for _, offset in leaves[1:]] + [searcher.doc_count_all()]
    for (leaf, offset), end in zip(leaves, ends, strict=True):
        local = [n - offset for n in candidates if offset <= n < end]
        if not local:
            continue
        wanted = set(local)
        for term in terms:
            matcher = term.matcher(leaf, context)
            if not matcher.is_active():
                continue
            if leaf.doc_frequency(term.fieldname, term.text) <= _WALK * len(local):
                while matcher.is_active():
                    if matcher.id() in wanted:
                        totals[matcher.id() + offset] += matcher.score()
                    matcher.next()
                continue
            for docnum in local:
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                    if not matcher.is_active():
                        break
                if matcher.id() == docnum:
                    totals[docnum + offset] += matcher.score()
    return ((score, docnum) for docnum, score in totals.items())


def newest(worker: Worker, mask: int, limit: int) -> list[int]:
    """The ``limit`` newest documents of ``mask``, newest first. Whole
    months are taken, newest first, until there are enough; only their
    documents' dates are read (a sorted Whoosh search reads every match)."""
    chosen = count = 0
    years = worker.facet_values("year")
    for year in sorted((int(y) for y in years if y.isdigit()), reverse=True):
        if not years[str(year)] & mask:
            continue
        for month in range(12, 0, -1):
            first = date(year, month, 1)
            last = date(year + month // 12, month % 12 + 1, 1)
            period = mask & worker.mask(wq.NumericRange("date", day_number(first),
                                                        day_number(last) - 1))
            chosen |= period
            count += period.bit_count()
            if count >= limit:
                break
        if count >= limit:
            break
    dates = worker.searcher.reader().column_reader("date")
    found = docsets.highest(chosen, count)
    return sorted(found, key=lambda n: (dates[n], n), reverse=True)[:limit]

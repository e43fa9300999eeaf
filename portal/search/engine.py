"""Running a query against the index: who may see what and the filters as
document sets, the matched set, its exact total and facet counts, and the
page of hits (text.py builds the queries, ranking.py orders them,
workers.py holds the searcher and its caches).

Matching goes through folded syllables, so "giai phong" and "giải phóng" find
the same documents. Ranking adds what the person typed more precisely:
adjacent syllable pairs (the words), the exact diacritics, the title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from whoosh import query as wq
from whoosh.searching import Searcher

from portal.search import docsets, ranking, workers
from portal.search.analysis import ParsedQuery, Terms
from portal.search.documents import day_number
from portal.search.ranking import Hit, hits_of
from portal.search.text import (
    TITLE_BOOST,
    TextQuery,
    can_be_adjacent,
    in_titles_only,
    text_query,
)
from portal.search.workers import Worker

FACETS = ("type", "category", "status", "year", "province")
# Words found side by side in at least this many documents are taken as the
# words meant; with fewer, their syllables may be anywhere.
_ADJACENT_ENOUGH = 10
_COMMON_FROM = 200  # documents


@dataclass(frozen=True)
class Filters:
    type: str | None = None
    province: int | None = None
    unit: int | None = None
    category: int | None = None
    kind: str | None = None
    status: str | None = None
    year: int | None = None
    overdue: bool = False

    def queries(self, today: date) -> list[wq.Query]:
        found: list[wq.Query] = []
        for name in ("type", "province", "unit", "category", "kind", "status", "year"):
            value = getattr(self, name)
            if value is not None and value != "":
                found.append(wq.Term(name, str(value)))
        if self.overdue:
            # Both bounds given: an open-ended NumericRange can match everything.
            found.append(wq.And([wq.Term("is_open", "1"),
                                 wq.NumericRange("deadline", 1, max(day_number(today) - 1, 1))]))
        return found


@dataclass(frozen=True)
class Audience:
    """Who may find what, as index terms: everyone public documents; staff
    their units (a province covers its communes); a holder and a sender
    their own petitions. ``everything``: national staff."""

    everything: bool = False
    unit_ids: frozenset[int] = frozenset()
    user_id: int | None = None

    def query(self) -> wq.Query | None:
        if self.everything:
            return None
        allowed: list[wq.Query] = [wq.Term("public", "1")]
        for unit_id in sorted(self.unit_ids):
            allowed += [wq.Term("unit", str(unit_id)), wq.Term("province", str(unit_id))]
        if self.user_id is not None:
            allowed += [wq.Term("holder", str(self.user_id)),
                        wq.Term("submitter", str(self.user_id))]
        return wq.Or(allowed) if len(allowed) > 1 else allowed[0]


@dataclass
class Found:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def run(parsed: ParsedQuery, *, audience: Audience, filters: Filters, today: date,
        page: int, per_page: int, by_date: bool = False, facets: bool = False,
        titles_only: bool = False) -> Found:
    """The page of hits the audience may see, the exact total, and (when
    asked) facet counts within what the audience may see, before filters.

    Loose words are first looked for side by side, as the words they most
    likely are; only when that finds fewer than ``_ADJACENT_ENOUGH``
    documents are the syllables matched anywhere in the text. Documents
    with the words in their title come first: they are what people look
    for, and their short posting lists spare ranking every document that
    merely mentions a common word (Whoosh scores in Python). The rest are
    ranked only when a page reaches past them. ``titles_only`` (type-ahead)
    looks at titles alone."""
    worker = workers.current()
    if worker is None or parsed.is_empty:
        return Found([], 0)
    with workers.guard:  # the caches are shared by a worker's threads
        everything = docsets.every(worker.size)
        allowed_query = audience.query()
        visible = worker.mask(allowed_query) if allowed_query is not None else everything
        narrowed = visible
        for condition in filters.queries(today):
            narrowed &= worker.mask(condition)
        text = (in_titles_only(parsed, worker.completions) if titles_only
                else _choose(worker, parsed, narrowed))
        matched = worker.all_of(text.required)
        hits = matched & narrowed
        preferred = hits & worker.all_of(text.in_title)
        found = Found([], hits.bit_count())
        if facets:
            found.facets = _facet_counts(worker, matched & visible)
        searcher = worker.searcher
        if by_date and found.total:
            newest = ranking.newest(worker, hits, page * per_page)[(page - 1) * per_page:]
            found.hits = [Hit(searcher.stored_fields(n)["key"], 0.0) for n in newest]
            return found
    if found.total:
        found.hits = _page(searcher, text, hits, preferred, page=page, per_page=per_page)
    return found


def _choose(worker: Worker, parsed: ParsedQuery, narrowed: int) -> TextQuery:
    if can_be_adjacent(parsed):
        adjacent = text_query(parsed, worker.completions, adjacent=True)
        if (worker.all_of(adjacent.required) & narrowed).bit_count() >= _ADJACENT_ENOUGH:
            return adjacent
    return text_query(parsed, worker.completions)


def _page(searcher: Searcher, text: TextQuery, hits: int, preferred: int, *,
          page: int, per_page: int) -> list[Hit]:
    start, limit = (page - 1) * per_page, page * per_page
    first = preferred.bit_count()
    found = []
    if start < first:
        found += ranking.best(searcher, text.ranking, preferred, min(limit, first))[start:]
    if limit > first:
        rest = hits & ~preferred
        found += ranking.best(searcher, text.ranking, rest, limit - first)[max(start - first, 0):]
    return found


def _facet_counts(worker: Worker, mask: int) -> dict[str, dict[str, int]]:
    """Counts per facet value among ``mask``: what choosing each would give."""
    counts = {}
    for name in FACETS:
        values = {value: (mask & documents).bit_count()
                  for value, documents in worker.facet_values(name).items()}
        counts[name] = {value: count for value, count in values.items() if count}
    return counts


def more_like(text_terms: Terms, *, audience: Audience, unit: int, limit: int = 5,
              max_terms: int = 14) -> list[Hit]:
    """Petitions of one commune that share the most telling words of a draft.

    Whoosh's own more-like-this scores every term of the text (about a
    second on a large index); here only the rarest syllable pairs in the
    draft are asked for, which have short posting lists.
    """
    worker = workers.current()
    if worker is None:
        return []
    searcher = worker.searcher
    total = max(searcher.doc_count(), 1)
    candidates = []
    for pair in set(text_terms.pairs):
        frequency = searcher.doc_frequency("pairs", pair)
        # Pairs in a quarter of a large index are too common to tell
        # petitions apart (counts include deleted documents until a merge).
        if frequency and not (total >= _COMMON_FROM and frequency > total * 0.25):
            candidates.append((frequency, pair))
    if not candidates:
        return []
    chosen = [pair for _, pair in sorted(candidates)[:max_terms]]
    text = wq.Or([wq.Term("pairs", pair) for pair in chosen]
                 + [wq.Term("title", pair, boost=TITLE_BOOST) for pair in chosen])
    conditions = [wq.Term("type", "petition"), wq.Term("unit", str(unit))]
    allowed = audience.query()
    if allowed is not None:
        conditions.append(allowed)
    return hits_of(searcher.search(wq.And([text, *conditions]), limit=limit, terms=False))

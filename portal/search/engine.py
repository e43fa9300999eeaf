"""Running a query against the index: one searcher per worker process, kept
open and refreshed only when the index changed, and the translation of a
parsed query, filters and permissions into Whoosh queries.

Matching goes through folded syllables, so "giai phong" and "giải phóng" find
the same documents. Ranking adds what the person typed more precisely:
adjacent syllable pairs (the words), the exact diacritics, the title.
"""

from __future__ import annotations

import heapq
import operator
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

from portal.search import docsets
from portal.search.analysis import ParsedQuery, Terms, word_forms
from portal.search.documents import day_number
from portal.search.indexer import current_dir, root

FACETS = ("type", "category", "status", "year", "province")
_PAIR_BOOST = 3.0
_EXACT_BOOST = 2.0
_TITLE_BOOST = 2.0
_CACHE_SIZE = 256
# Memory for document sets (125 kB each at a million documents): per
# segment, kept across index changes, and assembled for the current searcher.
_SEGMENT_MASK_BYTES = 48 * 2**20
_MASK_BYTES = 16 * 2**20
# Words found side by side in at least this many documents are taken as the
# words meant; with fewer, their syllables may be anywhere.
_ADJACENT_ENOUGH = 10
_COMPLETIONS = 8
# Documents scored at most for one page of results (see _best).
_SCORED = 200
# A term's posting list is walked when it is at most this many times longer
# than the candidates, otherwise the matcher jumps to each candidate.
_WALK = 4
_COMMON_FROM = 200  # documents
_SOUND_SPELLINGS = (("f", "ph"), ("j", "gi"), ("z", "d"), ("w", "qu"))


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


@dataclass
class Found:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def _hits(results) -> list[Hit]:
    return [Hit(hit["key"], round(hit.score or 0.0, 4)) for hit in results]


def _pairs(words) -> list[str]:
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
        required += [wq.Term(pairs, pair) for pair in _pairs(closed)]
    else:
        required += [wq.Term(syllables, word.folded) for word in closed]
    if parsed.open_ended:
        prefix = words[-1].folded
        completions = complete(syllables, prefix) or [prefix]
        required.append(wq.Or([wq.Term(syllables, term) for term in completions]))
    for phrase in parsed.phrases:
        required += [wq.Term(pairs, pair) for pair in _pairs(phrase)]
    return required


def _boosts(parsed: ParsedQuery) -> list[wq.Query]:
    optional: list[wq.Query] = []
    for sequence in (list(parsed.words), *parsed.phrases):
        for pair in _pairs(sequence):
            optional.append(wq.Term("pairs", pair, boost=_PAIR_BOOST))
            optional.append(wq.Term("title", pair, boost=_TITLE_BOOST))
    for word in parsed.all_words:
        if word.has_diacritics:
            optional.append(wq.Term("written", word.exact, boost=_EXACT_BOOST))
        optional.append(wq.Term("title", word.folded, boost=_TITLE_BOOST / 2))
    return optional


def text_query(parsed: ParsedQuery, complete: Complete, *, adjacent: bool = False) -> TextQuery:
    required = _required(parsed, complete, adjacent=adjacent)
    matched = required[0] if len(required) == 1 else wq.And(required)
    optional = _boosts(parsed)
    ranking = wq.AndMaybe(matched, wq.Or(optional)) if optional else matched
    return TextQuery(required, _required(parsed, complete, adjacent=adjacent, syllables="title",
                                         pairs="title"), ranking)


def _titles_only(parsed: ParsedQuery, complete: Complete) -> TextQuery:
    in_title = _required(parsed, complete, adjacent=False, syllables="title", pairs="title")
    return TextQuery(in_title, in_title, wq.And(in_title) if len(in_title) > 1 else in_title[0])


def _can_be_adjacent(parsed: ParsedQuery) -> bool:
    closed = len(parsed.words) - (1 if parsed.open_ended else 0)
    return closed >= 2


class _Worker:
    """This process's open searcher, and what is cached for it: document
    sets (docsets.py) and counts.

    A set is first built per index segment and kept while the segment
    exists: a segment's postings never change, and documents it loses
    (deleted or replaced) only ever add to its deletions, which the set of
    live documents removes. So after a write, which adds a small segment,
    only that segment is read again, not the million documents before it."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.searcher: Searcher = whoosh_index.open_dir(str(directory)).searcher()
        self.segment_masks = docsets.Cache(_SEGMENT_MASK_BYTES)
        self._reset()

    def _reset(self) -> None:
        self.counts: OrderedDict = OrderedDict()
        self.masks = docsets.Cache(_MASK_BYTES)
        self.facet_masks: dict[str, dict[str, int]] = {}
        self.size = self.searcher.doc_count_all()
        self.leaves = [(leaf, offset, leaf.reader().segment())
                       for leaf, offset in self.searcher.leaf_searchers()]
        deleted = [offset + n for leaf, offset, _ in self.leaves
                   for n in (leaf.reader().deleted_docs_set if leaf.reader().has_deletions()
                             else ())]
        self.live = docsets.every(self.size) & ~docsets.from_ids(deleted, self.size)

    def fresh(self) -> Searcher:
        if not self.searcher.up_to_date():
            self.searcher = _reopen(self.directory, self.searcher)
            self._reset()
        return self.searcher

    def cached(self, cache_key, compute):
        return _lru(self.counts, cache_key, compute, _CACHE_SIZE)

    def mask(self, query: wq.Query) -> int:
        """The documents ``query`` matches, as an integer bit set."""
        if isinstance(query, wq.Or):
            return reduce(operator.or_, (self.mask(q) for q in query.subqueries), 0)
        if isinstance(query, wq.And):
            return reduce(operator.and_, (self.mask(q) for q in query.subqueries),
                          docsets.every(self.size))
        return self.masks.get(repr(query), lambda: self._assemble(query))

    def _assemble(self, query: wq.Query) -> int:
        key = repr(query)
        assembled = 0
        for leaf, offset, segment in self.leaves:
            def compute(leaf=leaf):
                return docsets.from_ids(leaf.docs_for_query(query), leaf.doc_count_all())
            if segment is None:  # an empty index
                continue
            assembled |= self.segment_masks.get((segment.segment_id(), key), compute) << offset
        return assembled & self.live

    def completions(self, field_name: str, prefix: str) -> tuple[str, ...]:
        """The syllables of a field most documents have that begin with
        ``prefix``: "ng" would otherwise mean thousands of terms."""
        def compute():
            found = []
            for raw, info in self.searcher.reader().iter_prefix(field_name, prefix):
                term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                if "_" not in term:  # not a pair
                    found.append((info.doc_frequency(), term))
            return tuple(term for _, term in sorted(found, reverse=True)[:_COMPLETIONS])
        return self.cached(("completions", field_name, prefix), compute)

    def all_of(self, queries: list[wq.Query]) -> int:
        return reduce(operator.and_, map(self.mask, queries), docsets.every(self.size))

    def facet_values(self, name: str) -> dict[str, int]:
        if name not in self.facet_masks:
            values = [raw.decode("utf-8") if isinstance(raw, bytes) else raw
                      for raw in self.searcher.reader().lexicon(name)]
            self.facet_masks[name] = {value: self.mask(wq.Term(name, value))
                                      for value in values if value}
        return self.facet_masks[name]


def _reopen(directory: Path, old: Searcher) -> Searcher:
    """A searcher over the index as it is now, reusing the old searcher's
    readers of segments that did not change.

    Not ``Searcher.refresh()``: Whoosh 2.7 reuses a segment's reader when
    the segment keeps its id, even though documents in it were deleted
    since (an updated petition would still be found by its old words), and
    it keeps segments that a merge removed."""
    ix = whoosh_index.open_dir(str(directory))
    toc = ix._read_toc()  # noqa: SLF001 - the segments and their deletions
    reusable = {reader.segment().segment_id(): reader
                for reader, _ in old.reader().leaf_readers() if reader.segment() is not None}
    readers = []
    for segment in toc.segments:
        reader = reusable.pop(segment.segment_id(), None)
        if reader is None or reader.segment().deleted_count() != segment.deleted_count():
            # Deletions only grow: the same count is the same documents.
            reader = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
        readers.append(reader)
    if not readers:
        reader = EmptyReader(toc.schema)
    elif len(readers) == 1:
        reader = readers[0]
    else:
        reader = MultiReader(readers, generation=toc.generation)
    return Searcher(reader, fromindex=ix)


def _lru(store: OrderedDict, key, compute, size: int):
    if key in store:
        store.move_to_end(key)
        return store[key]
    value = store[key] = compute()
    if len(store) > size:
        store.popitem(last=False)
    return value


_workers: dict[str, _Worker] = {}
_guard = threading.Lock()


def _worker() -> _Worker | None:
    base = root()
    directory = current_dir(base)
    if directory is None:
        return None
    with _guard:
        worker = _workers.get(str(base))
        if worker is None or worker.directory != directory:
            worker = _workers[str(base)] = _Worker(directory)
        worker.fresh()
        return worker


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
    worker = _worker()
    if worker is None or parsed.is_empty:
        return Found([], 0)
    with _guard:  # the caches are shared by a worker's threads
        everything = docsets.every(worker.size)
        allowed_query = audience.query()
        visible = worker.mask(allowed_query) if allowed_query is not None else everything
        narrowed = visible
        for condition in filters.queries(today):
            narrowed &= worker.mask(condition)
        text = (_titles_only(parsed, worker.completions) if titles_only
                else _choose(worker, parsed, narrowed))
        matched = worker.all_of(text.required)
        hits = matched & narrowed
        preferred = hits & worker.all_of(text.in_title)
        found = Found([], hits.bit_count())
        if facets:
            found.facets = _facet_counts(worker, matched & visible)
        searcher = worker.searcher
        if by_date and found.total:
            newest = _newest(worker, hits, page * per_page)[(page - 1) * per_page:]
            found.hits = [Hit(searcher.stored_fields(n)["key"], 0.0) for n in newest]
            return found
    if found.total:
        found.hits = _page(searcher, text, hits, preferred, page=page, per_page=per_page)
    return found


def _choose(worker: _Worker, parsed: ParsedQuery, narrowed: int) -> TextQuery:
    if _can_be_adjacent(parsed):
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
        found += _best(searcher, text.ranking, preferred, min(limit, first))[start:]
    if limit > first:
        found += _best(searcher, text.ranking, hits & ~preferred,
                       limit - first)[max(start - first, 0):]
    return found


def _best(searcher: Searcher, query: wq.Query, mask: int, limit: int) -> list[Hit]:
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


def _newest(worker: _Worker, mask: int, limit: int) -> list[int]:
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


def _facet_counts(worker: _Worker, mask: int) -> dict[str, dict[str, int]]:
    """Counts per facet value among ``mask``: what choosing each would give."""
    counts = {}
    for name in FACETS:
        values = {value: (mask & documents).bit_count()
                  for value, documents in worker.facet_values(name).items()}
        counts[name] = {value: count for value, count in values.items() if count}
    return counts


def fold_word(term: str) -> str:
    return word_forms(term)[1]


def _spellings(worker: _Worker) -> dict[str, str]:
    """Folded syllable -> its most frequent written form in titles."""
    def compute():
        best: dict[str, tuple[int, str]] = {}
        reader = worker.searcher.reader()
        for raw, info in reader.iter_field("written"):
            term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            folded = fold_word(term)
            frequency = info.doc_frequency()
            if folded not in best or frequency > best[folded][0]:
                best[folded] = (frequency, term)
        return {folded: term for folded, (_, term) in best.items()}
    return worker.cached(("spellings",), compute)


def suggestion(parsed: ParsedQuery) -> str | None:
    """The query with misspelt syllables corrected and diacritics restored
    where it was typed without them, or None when that changes nothing."""
    worker = _worker()
    if worker is None or not parsed.words or parsed.phrases:
        return None
    spellings = _spellings(worker)
    searcher = worker.searcher
    corrector = searcher.corrector("folded")

    def known(folded: str) -> bool:
        return searcher.doc_frequency("folded", folded) > 0

    out = []
    for word in parsed.words:
        folded = word.folded
        if not known(folded):
            # Letters Vietnamese spelling lacks, typed for their sounds.
            for typed, meant in _SOUND_SPELLINGS:
                if typed in folded and known(folded.replace(typed, meant)):
                    folded = folded.replace(typed, meant)
        if not known(folded):
            # Of the nearest spellings, the most common one.
            candidates = corrector.suggest(folded, limit=8, maxdist=1)
            if candidates:
                folded = max(candidates, key=lambda c: searcher.doc_frequency("folded", c))
        out.append(word.exact if word.has_diacritics and folded == word.folded
                   else spellings.get(folded, word.exact))
    text = " ".join(out)
    return None if text == " ".join(w.exact for w in parsed.words) else text


def more_like(text_terms: Terms, *, audience: Audience, unit: int, limit: int = 5,
              max_terms: int = 14) -> list[Hit]:
    """Petitions of one commune that share the most telling words of a draft.

    Whoosh's own more-like-this scores every term of the text (about a
    second on a large index); here only the rarest syllable pairs in the
    draft are asked for, which have short posting lists.
    """
    worker = _worker()
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
                 + [wq.Term("title", pair, boost=_TITLE_BOOST) for pair in chosen])
    conditions = [wq.Term("type", "petition"), wq.Term("unit", str(unit))]
    allowed = audience.query()
    if allowed is not None:
        conditions.append(allowed)
    return _hits(searcher.search(wq.And([text, *conditions]), limit=limit, terms=False))

"""Running a query against the index: one searcher per worker process, kept
open and refreshed only when the index changed, and the translation of a
parsed query, filters and permissions into Whoosh queries.

Matching goes through folded syllables, so "giai phong" and "giải phóng" find
the same documents. Ranking adds what the person typed more precisely:
adjacent syllable pairs (the words), the exact diacritics, the title.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import sorting
from whoosh.searching import Searcher

from portal.search.analysis import ParsedQuery, Terms, word_forms
from portal.search.documents import day_number
from portal.search.indexer import current_dir, root

FACETS = ("type", "category", "status", "year", "province")
_PAIR_BOOST = 3.0
_EXACT_BOOST = 2.0
_TITLE_BOOST = 2.0
_CACHE_SIZE = 256
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


def text_query(parsed: ParsedQuery) -> wq.Query:
    required: list[wq.Query] = []
    words = list(parsed.words)
    for position, word in enumerate(words):
        if parsed.open_ended and position == len(words) - 1:
            required.append(wq.Prefix("folded", word.folded))
        else:
            required.append(wq.Term("folded", word.folded))
    for phrase in parsed.phrases:
        required.append(wq.Phrase("folded", [w.folded for w in phrase]))
    optional: list[wq.Query] = []
    for sequence in (words, *parsed.phrases):
        for first, second in zip(sequence, sequence[1:], strict=False):
            pair = f"{first.folded}_{second.folded}"
            optional.append(wq.Term("pairs", pair, boost=_PAIR_BOOST))
            optional.append(wq.Term("title", pair, boost=_TITLE_BOOST))
    for word in parsed.all_words:
        if word.has_diacritics:
            optional.append(wq.Term("exact", word.exact, boost=_EXACT_BOOST))
        optional.append(wq.Term("title", word.folded, boost=_TITLE_BOOST / 2))
    matched = required[0] if len(required) == 1 else wq.And(required)
    return wq.AndMaybe(matched, wq.Or(optional)) if optional else matched


class _Worker:
    """This process's open searcher and the counts cached for it."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.searcher: Searcher = whoosh_index.open_dir(str(directory)).searcher()
        self.counts: OrderedDict = OrderedDict()

    def fresh(self) -> Searcher:
        if not self.searcher.up_to_date():
            if self.searcher.doc_count_all():
                self.searcher = self.searcher.refresh()  # reuses unchanged segments
            else:
                # Whoosh 2.7 cannot refresh a searcher over an empty index.
                self.searcher = whoosh_index.open_dir(str(self.directory)).searcher()
            self.counts.clear()
        return self.searcher

    def cached(self, cache_key, compute):
        if cache_key in self.counts:
            self.counts.move_to_end(cache_key)
            return self.counts[cache_key]
        value = compute()
        self.counts[cache_key] = value
        if len(self.counts) > _CACHE_SIZE:
            self.counts.popitem(last=False)
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
        page: int, per_page: int, by_date: bool = False, facets: bool = False) -> Found:
    worker = _worker()
    if worker is None or parsed.is_empty:
        return Found([], 0)
    searcher = worker.searcher
    conditions = filters.queries(today)
    allowed = audience.query()
    if allowed is not None:
        conditions.append(allowed)
    text = text_query(parsed)
    combined = wq.And([text, *conditions]) if conditions else text
    limit = page * per_page
    sortedby = sorting.FieldFacet("date", reverse=True) if by_date else None
    results = searcher.search(combined, limit=limit, sortedby=sortedby, terms=False)
    start = (page - 1) * per_page
    hits = _hits(results[start:limit])
    total = worker.cached(("total", repr(combined)), lambda: len(results))
    found = Found(hits, total)
    if facets:
        found.facets = worker.cached(("facets", repr(text), repr(allowed)),
                                     lambda: _facet_counts(searcher, text, allowed))
    return found


def _facet_counts(searcher: Searcher, text: wq.Query, allowed: wq.Query | None) -> dict:
    """Counts per facet value for the text query within what the person may
    see, before filters, so each filter shows what choosing it would give."""
    combined = wq.And([text, allowed]) if allowed is not None else text
    groups = sorting.Facets()
    for name in FACETS:
        groups.add_field(name)
    results = searcher.search(combined, limit=1, groupedby=groups, terms=False)
    return {name: {str(value): len(docs) for value, docs in results.groups(name).items()
                   if value not in (None, "")}
            for name in FACETS}


def fold_word(term: str) -> str:
    return word_forms(term)[1]


def _spellings(worker: _Worker) -> dict[str, str]:
    """Folded syllable -> its most frequent written form in the index."""
    def compute():
        best: dict[str, tuple[int, str]] = {}
        reader = worker.searcher.reader()
        for raw, info in reader.iter_field("exact"):
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
    corrector = worker.searcher.corrector("folded")
    out = []
    for word in parsed.words:
        folded = word.folded
        if folded not in spellings:
            # Letters Vietnamese spelling lacks, typed for their sounds.
            for typed, meant in _SOUND_SPELLINGS:
                if typed in folded and folded.replace(typed, meant) in spellings:
                    folded = folded.replace(typed, meant)
        if folded not in spellings:
            # Of the nearest spellings, the most common one.
            candidates = corrector.suggest(folded, limit=8, maxdist=1)
            if candidates:
                folded = max(candidates,
                             key=lambda c: worker.searcher.doc_frequency("folded", c))
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

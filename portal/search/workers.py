"""One Whoosh searcher per worker process, kept open and reopened only when
the index changed, and what is cached for it (document sets, completions,
spellings)."""

from __future__ import annotations

import operator
import threading
from functools import reduce
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

from portal.search import docsets
from portal.search.indexer import current_dir, root

_CACHE_SIZE = 256  # completions and spellings, by count
# Memory for document sets (125 kB each at a million documents): per
# segment, kept across index changes, and assembled for the current searcher.
_SEGMENT_MASK_BYTES = 48 * 2**20
_MASK_BYTES = 16 * 2**20
_COMPLETIONS = 8


class Worker:
    """This process's open searcher, and what is cached for it: document
    sets (docsets.py), completions and spellings.

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
        self.memo = docsets.Cache(_CACHE_SIZE, weigh=lambda _: 1)
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
        return self.memo.get(cache_key, compute)

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


_workers: dict[str, Worker] = {}
# Held while a worker's caches are read or filled: a process's threads share them.
guard = threading.Lock()


def current() -> Worker | None:
    base = root()
    directory = current_dir(base)
    if directory is None:
        return None
    with guard:
        worker = _workers.get(str(base))
        if worker is None or worker.directory != directory:
            worker = _workers[str(base)] = Worker(directory)
        worker.fresh()
        return worker

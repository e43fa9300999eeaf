"""One Whoosh segment written from documents without Whoosh's writer.

Whoosh's writer turns every posting into a pickled tuple and sorts them all
through files on disk. ``SegmentBuilder`` collects postings per term in
arrays of integers, a bounded chunk of documents at a time (a chunk that
outgrows its budget goes to disk as one sorted run, a record per term
instead of per posting), then writes the segment straight through Whoosh's
own codec: the per-document writer for the stored key, field lengths and
the date column, the field writer for terms and posting blocks. The files
are those Whoosh's writer would write for the same documents in the same
order (the tests compare them byte for byte). Documents are analysed by
the schema's own tokenizers; ``supported`` says whether every field of a
schema is one this module indexes exactly as Whoosh would.

``portal.search.bulk`` runs builders over the whole database.
"""

from __future__ import annotations

import heapq
import operator
import os
import pickle
import shutil
import tempfile
from array import array
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, groupby, repeat
from pathlib import Path

from whoosh.analysis import IDTokenizer, RegexTokenizer
from whoosh.codec import default_codec
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter, W3TermInfo
from whoosh.fields import ID, NUMERIC, TEXT, Schema, UnknownFieldError
from whoosh.formats import Existence, Frequency
from whoosh.util.numeric import byte_to_length, length_to_byte

# Postings held in memory per process before a chunk goes to disk (what a
# posting costs is estimated below); see bulk.Limits.
LIMIT_MB = 256
_POSTING_BYTES = 9  # docnum and frequency as 4-byte ints, and array growth
_TERM_BYTES = 200  # dict entry, key string, array object
# A run file is read back one record at a time, every run at once: records
# are kept small (terms, and integers of postings).
_RECORD_TERMS = 4096
_RECORD_INTS = 2**18

_TEXT, _EXISTS, _NUMBER = range(3)
_append = array.append
_drain = deque(maxlen=0).extend  # runs an iterator to its end, in C
_BIG_ENDIAN = array("I", [1]).tobytes() == b"\x00\x00\x00\x01"


def supported(schema: Schema) -> bool:
    """Whether every field is one this module indexes exactly as Whoosh
    would: text split by a regular expression alone with frequencies, an
    ID as a whole, a number as one term per value; no vectors, spelling
    fields or positions."""
    if array("I").itemsize != 4:  # document numbers and frequencies as Whoosh packs them
        return False
    return all(_kind(schema[name]) is not None for name in schema.names())


def _kind(fieldobj) -> int | None:
    if fieldobj.vector or fieldobj.separate_spelling():
        return None
    if fieldobj.column_type is not None and not isinstance(fieldobj, NUMERIC):
        return None
    fmt = fieldobj.format
    if isinstance(fieldobj, TEXT):
        tokenizer = fieldobj.analyzer
        if (type(tokenizer) is RegexTokenizer and not tokenizer.gaps
                and tokenizer.expression.groups == 0 and type(fmt) is Frequency
                and fmt.field_boost == 1.0):
            return _TEXT
        return None
    if isinstance(fieldobj, ID):
        if type(fieldobj.analyzer) is IDTokenizer and type(fmt) is Existence:
            return _EXISTS
        return None
    if isinstance(fieldobj, NUMERIC) and type(fmt) is Existence:
        return _NUMBER
    return None


class _Postings(dict):
    """term -> array of document numbers; a new term gets an empty array,
    so a document's terms are looked up and appended to in C (``map``)."""

    def __missing__(self, term):
        entry = self[term] = array("I")
        return entry


@dataclass
class _Field:
    """One field's postings for the chunk being collected."""

    name: str
    fieldobj: object
    kind: int
    number: int  # the field's rank in name order: runs are sorted by it
    # term -> docnums (frequencies interleaved for text: doc, freq, doc, freq…)
    postings: _Postings = field(default_factory=lambda: _Postings())
    # Text only: each document's length byte, as Whoosh's length column
    # holds it (0: none), for the block statistics.
    lengths: bytearray = field(default_factory=bytearray)
    numbers: dict = field(default_factory=dict)  # value -> term bytes (NUMERIC)

    @property
    def weight(self) -> float:
        # What Whoosh gives a posting: Existence's boost for IDs, 1.0 for numbers.
        return 1.0 if self.kind == _NUMBER else self.fieldobj.format.field_boost


class _BlockWriter(W3PostingsWriter):
    """Whoosh's posting writer, fed a term's postings 128 at a time instead
    of one by one (``add_posting`` checks and appends each in Python).
    Blocks, block statistics and term info go through Whoosh's own
    ``_write_block`` and ``finish_postings``."""

    def add_all(self, ids: array, weights: array, values: bytes | None,
                lengths: bytearray | None) -> None:
        limit = self._blocklimit
        size = self._format.fixed_value_size() or 0
        for start in range(0, len(ids), limit):
            if start:
                self._write_block()  # as add_posting does once a block is full
            block = ids[start:start + limit]
            self._ids = block
            self._weights = weights[start:start + limit]
            self._values = [values[start * size:(start + len(block)) * size]] if values else []
            top = max(self._weights)
            self._maxweight = top if top > 0 else 0
            if lengths is None:
                self._minlength, self._maxlength = None, 0
            else:
                found = bytes(map(lengths.__getitem__, block))
                self._minlength = byte_to_length(min(found))
                self._maxlength = byte_to_length(max(found))

    def _mini_ids(self):
        ids = self._ids  # delta encoding, as util.numlists.delta_encode
        return tuple(map(operator.sub, ids, chain((0,), ids)))

    def _mini_weights(self):
        weights = self._weights
        if weights.count(1.0) == len(weights):
            return None
        if weights.count(weights[0]) == len(weights):
            return weights[0]
        return tuple(weights)


class _Codec(W3Codec):
    """Used to write only: segments keep Whoosh's codec, which the table of
    contents pickles and readers unpickle."""

    def postings_writer(self, dbfile, byteids=False):
        return _BlockWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                            compression=self._compression, inlinelimit=self._inlinelimit)


class _FieldWriter(W3FieldWriter):
    def add_term(self, tbytes: bytes, ids: array, weights: array, values: bytes | None,
                 lengths: bytearray | None) -> None:
        self._btext = tbytes
        self._postwriter.start_postings(self._format, W3TermInfo())
        self._postwriter.add_all(ids, weights, values, lengths)
        self.finish_term()


class SegmentBuilder:
    """Documents in, one Whoosh segment out. Document numbers are given in
    the order documents are added."""

    def __init__(self, storage, schema: Schema, *, indexname: str = "MAIN",
                 workdir: Path, limit_mb: int = LIMIT_MB):
        self.storage = storage
        self.schema = schema
        self.codec = default_codec()
        self.segment = self.codec.new_segment(storage, indexname)
        self.perdoc = self.codec.per_document_writer(storage, self.segment)
        names = sorted(schema.names())
        self.fields = {name: _Field(name, schema[name], _kind(schema[name]), number)
                       for number, name in enumerate(names)}
        self.by_number = [self.fields[name] for name in names]
        self.text = [f for f in self.by_number if f.kind == _TEXT]
        self.count = 0
        self.limit = limit_mb * 2**20
        self.postings = 0
        self.workdir = workdir
        self.runs: list[Path] = []

    # -- collecting -------------------------------------------------------

    def add(self, document: dict) -> None:
        docnum = self.count
        perdoc = self.perdoc
        perdoc.start_doc(docnum)
        added = 0
        for name in sorted(document):
            value = document[name]
            if name.startswith("_"):
                raise ValueError(f"{name}: boosts and custom stored values are not supported")
            spec = self.fields.get(name)
            if spec is None:
                raise UnknownFieldError(f"No field named {name!r} in {self.schema}")
            if value is None:
                continue
            fieldobj = spec.fieldobj
            postings = spec.postings
            length = 0
            if spec.kind == _TEXT:
                if not isinstance(value, str):
                    raise ValueError(f"{value!r} is not unicode")
                tokens = fieldobj.analyzer.expression.findall(value)
                length = len(tokens)
                if length:
                    counts = Counter(tokens)
                    added += len(counts)
                    # Each term once per document: every array gets the
                    # document number, then its frequency.
                    entries = list(map(postings.__getitem__, counts))
                    _drain(map(_append, entries, repeat(docnum)))
                    _drain(map(_append, entries, counts.values()))
                    spec.lengths.append(length_to_byte(length))
            elif spec.kind == _EXISTS:
                if not isinstance(value, str):
                    raise ValueError(f"{value!r} is not unicode")
                postings[value].append(docnum)
                added += 1
            else:
                terms = spec.numbers.get(value)
                if terms is None:
                    terms = spec.numbers[value] = [t for t, _, _, _ in fieldobj.index(value)]
                for term in terms:
                    postings[term].append(docnum)
                added += len(terms)
            if fieldobj.stored or length:
                perdoc.add_field(name, fieldobj, value if fieldobj.stored else None, length)
            column = fieldobj.column_type
            if column:
                perdoc.add_column_value(name, column, fieldobj.to_column_value(value))
        perdoc.finish_doc()
        self.count = docnum = docnum + 1
        for spec in self.text:
            if len(spec.lengths) < docnum:
                spec.lengths.append(0)
        self.postings += added
        if not docnum % 64 and self._size() > self.limit:
            self._spill()

    def _size(self) -> int:
        """Bytes the chunk in memory takes, roughly."""
        terms = sum(len(spec.postings) for spec in self.by_number)
        return self.postings * _POSTING_BYTES + terms * _TERM_BYTES

    def _chunk(self) -> Iterator[tuple[int, bytes, array]]:
        """The chunk in memory, sorted as Whoosh sorts postings: by field
        name, then term bytes (UTF-8 keeps the order of code points, so
        strings sort the same); emptied as it goes."""
        for spec in self.by_number:
            postings, spec.postings = spec.postings, _Postings()
            pop = postings.pop
            if spec.kind == _NUMBER:
                for tbytes in sorted(postings):
                    yield spec.number, tbytes, pop(tbytes)
            else:
                for term in sorted(postings):
                    yield spec.number, term.encode("utf-8"), pop(term)

    def _spill(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix="run-", dir=self.workdir)
        with os.fdopen(handle, "wb", buffering=2**20) as run:
            for number, records in groupby(self._chunk(), key=operator.itemgetter(0)):
                batch, size = [], 0
                for _, tbytes, entry in records:
                    batch.append((tbytes, entry))
                    size += len(entry)
                    if len(batch) == _RECORD_TERMS or size >= _RECORD_INTS:
                        pickle.dump((number, batch), run, protocol=pickle.HIGHEST_PROTOCOL)
                        batch, size = [], 0
                if batch:
                    pickle.dump((number, batch), run, protocol=pickle.HIGHEST_PROTOCOL)
        self.runs.append(Path(name))
        self.postings = 0

    @staticmethod
    def _read_run(path: Path) -> Iterator[tuple[int, bytes, array]]:
        with open(path, "rb", buffering=2**20) as run:
            while True:
                try:
                    number, batch = pickle.load(run)  # noqa: S301 - our own file
                except EOFError:
                    break
                for tbytes, entry in batch:
                    yield number, tbytes, entry
        path.unlink()

    def _merged(self) -> Iterator[tuple[int, bytes, array]]:
        """Every term once, in order, its postings from all runs joined:
        runs hold ascending document numbers, and heapq.merge keeps the
        order of its inputs for equal keys."""
        if not self.runs:
            yield from self._chunk()
            return
        sources = [self._read_run(path) for path in self.runs] + [self._chunk()]
        merged = heapq.merge(*sources, key=operator.itemgetter(0, 1))
        for (number, tbytes), group in groupby(merged, key=operator.itemgetter(0, 1)):
            entries = [entry for _, _, entry in group]
            for more in entries[1:]:
                entries[0].extend(more)
            yield number, tbytes, entries[0]

    # -- writing ----------------------------------------------------------

    def finish(self):
        """Write the segment; None when no document was added (Whoosh's
        writer then lists no segment either)."""
        self.perdoc.close()
        writer = _FieldWriter(_Codec(), self.storage, self.segment)
        try:
            current = None
            for number, tbytes, entry in self._merged():
                spec = self.by_number[number]
                if spec is not current:
                    if current is not None:
                        writer.finish_field()
                    writer.start_field(spec.name, spec.fieldobj)
                    current = spec
                if spec.kind == _TEXT:
                    ids, freqs = entry[0::2], entry[1::2]
                    weights = array("f", freqs)
                    if not _BIG_ENDIAN:
                        freqs.byteswap()  # Frequency's value: the frequency as "!I"
                    writer.add_term(tbytes, ids, weights, freqs.tobytes(), spec.lengths)
                else:
                    weights = array("f", [spec.weight]) * len(entry)
                    writer.add_term(tbytes, entry, weights, None, None)
            if current is not None:
                writer.finish_field()
        finally:
            writer.close()
            shutil.rmtree(self.workdir, ignore_errors=True)
        self.segment.set_doc_count(self.count)
        return self.segment if self.count else None

    def cancel(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)
        if not self.perdoc.is_closed:
            self.perdoc.close()

"""SQLite FTS5 over the synthetic corpus: the baseline any portal search is
compared with, on the same petitions and the same quality set.

    .venv/bin/python bench/fts5_baseline.py --petitions 100000 --queries 200

Text and queries are NFC with đ folded to d before FTS5 sees them, because
the ``unicode61 remove_diacritics 2`` tokenizer strips tones and vowel marks
("hòa", "hoà", "hoa" all become "hoa") but keeps đ as a letter of its own.
Filters (category, commune, province, visible to the public) live in a side
table joined by rowid; the rowid is the corpus key.

Prints the build rate, p50/p95 per query kind next to a primary-key lookup
measured in the same run, and recall@10 / MRR on ``bench.quality`` for
queries typed with and without diacritics.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus, quality  # noqa: E402
from portal.vietnamese import nfc  # noqa: E402

_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r'"([^"]*)"')
_HIDDEN_STATUSES = ("received", "rejected")
_FILTERS = ("category_code", "commune_code", "province_code", "public_only")
_BATCH = 5_000
# Words in more than this share of petitions say nothing about similarity.
_SIMILAR_MAX_DF = 0.2
_SIMILAR_MAX_TERMS = 40


def fold_text(text: str) -> str:
    return nfc(text).replace("đ", "d").replace("Đ", "D")


def _terms(text: str) -> list[str]:
    return _WORD.findall(fold_text(text).lower())


def to_match(query: str, *, prefix: bool = False) -> str | None:
    """A user's query as an FTS5 expression: quoted parts are phrases, the
    other words are ANDed; with ``prefix`` the last bare word may be cut short."""
    phrases = [" ".join(_terms(part)) for part in _QUOTED.findall(query)]
    words = _terms(_QUOTED.sub(" ", query))
    parts = [f'"{p}"' for p in phrases if p] + [f'"{w}"' for w in words]
    if not parts:
        return None
    if prefix and words:
        parts[-1] += "*"
    return " ".join(parts)


@dataclass
class Fts5Index:
    connection: sqlite3.Connection
    path: Path
    count: int
    insert_seconds: float
    optimize_seconds: float
    _owned_dir: Path | None = None
    _df: dict[str, int] = field(default_factory=dict)

    def _run(self, match: str | None, limit: int, filters: dict) -> list[int]:
        if match is None:
            return []
        where, params = self._filters(filters)
        # Only fixed fragments are formatted in; every value is a parameter.
        sql = (f"SELECT docs.rowid FROM docs {self._join(filters)} WHERE docs MATCH ? {where} "  # noqa: S608
               "ORDER BY rank LIMIT ?")
        return [row[0] for row in self.connection.execute(sql, (match, *params, limit))]

    @staticmethod
    def _join(filters: dict) -> str:
        return "JOIN meta ON meta.id = docs.rowid" if any(filters.values()) else ""

    @staticmethod
    def _filters(filters: dict) -> tuple[str, list]:
        clauses, params = [], []
        for column in ("category_code", "commune_code", "province_code"):
            if filters.get(column):
                clauses.append(f"AND meta.{column} = ?")
                params.append(filters[column])
        if filters.get("public_only"):
            clauses.append("AND meta.visible = 1")
        return " ".join(clauses), params

    def search(self, query: str, *, limit: int = 10, prefix: bool = False, category_code: str | None = None,
               commune_code: str | None = None, province_code: str | None = None,
               public_only: bool = False) -> list[int]:
        """Keys of the best ``limit`` petitions by bm25 (title weighs double)."""
        filters = dict(zip(_FILTERS, (category_code, commune_code, province_code, public_only), strict=True))
        return self._run(to_match(query, prefix=prefix), limit, filters)

    def search_with_count(self, query: str, **options) -> tuple[list[int], int]:
        """The top ten and the exact number of matches, as a results page shows."""
        keys = self.search(query, **options)
        match = to_match(query, prefix=options.get("prefix", False))
        if match is None:
            return keys, 0
        filters = {k: options.get(k) for k in _FILTERS}
        where, params = self._filters(filters)
        sql = f"SELECT count(*) FROM docs {self._join(filters)} WHERE docs MATCH ? {where}"  # noqa: S608
        return keys, self.connection.execute(sql, (match, *params)).fetchone()[0]

    def phrase(self, words: str, *, limit: int = 10, **options) -> list[int]:
        return self.search(f'"{words.strip(chr(34))}"', limit=limit, **options)

    def _doc_frequency(self, terms: Iterable[str]) -> dict[str, int]:
        missing = [t for t in set(terms) if t not in self._df]
        for term in missing:
            row = self.connection.execute("SELECT doc FROM docs_vocab WHERE term = ?", (term,)).fetchone()
            self._df[term] = row[0] if row else 0
        return self._df

    def similar(self, title: str, body: str, *, limit: int = 10, public_only: bool = True) -> list[int]:
        """Petitions like a draft: its distinct words, ORed, without the
        words most petitions contain, ranked by bm25."""
        # As the tokenizer stores them, so they can be looked up in docs_vocab.
        text = corpus.strip_diacritics(fold_text(f"{title} {body}")).lower()
        terms = list(dict.fromkeys(_WORD.findall(text)))
        df = self._doc_frequency(terms)
        kept = [t for t in terms if 0 < df[t] <= _SIMILAR_MAX_DF * self.count]
        kept = sorted(kept, key=lambda t: df[t])[:_SIMILAR_MAX_TERMS]
        if not kept:
            return []
        match = " OR ".join(f'"{t}"' for t in kept)
        return self._run(match, limit, {"public_only": public_only})

    def close(self) -> None:
        self.connection.close()
        if self._owned_dir is not None:
            shutil.rmtree(self._owned_dir, ignore_errors=True)


def _rows(petitions: Iterable[corpus.SyntheticPetition]):
    for p in petitions:
        visible = p.is_public and p.status not in _HIDDEN_STATUSES
        yield ((p.key, fold_text(p.title), fold_text(p.body)),
               (p.key, p.category_code, p.commune_code, p.province_code, int(visible)))


def build(petitions: Iterable[corpus.SyntheticPetition], *, path: Path | None = None,
          optimize: bool = True) -> Fts5Index:
    """Index petitions into an FTS5 table in ``path`` (a temporary file by default)."""
    owned = None
    if path is None:
        owned = Path(tempfile.mkdtemp(prefix="fts5-bench-"))
        path = owned / "fts5.sqlite3"
    connection = sqlite3.connect(path)
    # A throwaway benchmark file: durability would only measure the disk.
    connection.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO docs(docs, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
        CREATE VIRTUAL TABLE docs_vocab USING fts5vocab(docs, 'row');
        CREATE TABLE meta (id INTEGER PRIMARY KEY, category_code TEXT, commune_code TEXT,
                           province_code TEXT, visible INTEGER);
    """)
    started = time.perf_counter()
    count = 0
    rows = _rows(petitions)
    with connection:
        while batch := list(islice(rows, _BATCH)):
            connection.executemany("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
                                   [d for d, _ in batch])
            connection.executemany("INSERT INTO meta VALUES (?, ?, ?, ?, ?)", [m for _, m in batch])
            count += len(batch)
        connection.executescript("""
            CREATE INDEX meta_category ON meta(category_code);
            CREATE INDEX meta_commune ON meta(commune_code);
            CREATE INDEX meta_province ON meta(province_code);
        """)
    inserted = time.perf_counter()
    if optimize:
        with connection:
            connection.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    optimized = time.perf_counter()
    return Fts5Index(connection, path, count, inserted - started, optimized - inserted, owned)


# --- command line ---------------------------------------------------------

def _words(petition: corpus.SyntheticPetition) -> list[str]:
    return [w for w in _WORD.findall(petition.title) if not w.isdigit()]


def _sample_queries(samples: list[corpus.SyntheticPetition], rng: random.Random) -> dict[str, list[Callable]]:
    """Query kinds built from petitions' titles, so every query has hits."""
    kinds: dict[str, list[Callable]] = {k: [] for k in (
        "1 word", "2-3 words", "4 words", "prefix (last word cut)", "+ category filter",
        "+ commune filter", "top 10 + exact count", '"phrase"', "public only")}
    for p in samples:
        words = _words(p)
        if len(words) < 5:
            continue
        start = rng.randrange(len(words) - 4)
        two_three = " ".join(words[start:start + rng.choice((2, 3))])
        last = words[start + 1]
        prefix = f"{words[start]} {last[:max(2, len(last) - 2)]}"
        kinds["1 word"].append(lambda ix, q=words[start]: ix.search(q))
        kinds["2-3 words"].append(lambda ix, q=two_three: ix.search(q))
        four = " ".join(words[start:start + 4])
        kinds["4 words"].append(lambda ix, q=four: ix.search(q))
        kinds["prefix (last word cut)"].append(lambda ix, q=prefix: ix.search(q, prefix=True))
        kinds["+ category filter"].append(lambda ix, q=words[start], c=p.category_code:
                                          ix.search(q, category_code=c))
        kinds["+ commune filter"].append(lambda ix, q=words[start], c=p.commune_code:
                                         ix.search(q, commune_code=c))
        kinds["top 10 + exact count"].append(lambda ix, q=two_three: ix.search_with_count(q))
        kinds['"phrase"'].append(lambda ix, q=two_three: ix.phrase(q))
        kinds["public only"].append(lambda ix, q=two_three: ix.search(q, public_only=True))
    return kinds


def _timings(index: Fts5Index, calls: list[Callable]) -> tuple[float, float]:
    times = []
    for call in calls:
        started = time.perf_counter()
        call(index)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


# Words only the planted needles use: a query with a two-entry posting list
# is the fixed cost of an FTS5 search, the baseline the other kinds are read
# against (absolute times vary between machines, ratios less so).
_RARE_WORDS = ("asen", "pickleball", "VNeID", "taluy", "chuột")


def _report_timings(index: Fts5Index, samples: list[corpus.SyntheticPetition], rng: random.Random) -> None:
    words = [_RARE_WORDS[i % len(_RARE_WORDS)] for i in range(len(samples))]
    rare = [lambda ix, q=word: ix.search(q) for word in words]
    _timings(index, rare)  # warm the cache: the baseline is the fixed cost, not a cold start
    base50, base95 = _timings(index, rare)
    print(f"\n{'query kind':28} {'p50 ms':>8} {'p95 ms':>8} {'p95/base':>9}")
    print(f"{'baseline: rare word':28} {base50:8.3f} {base95:8.3f} {1:8.0f}x")
    for kind, calls in _sample_queries(samples, rng).items():
        p50, p95 = _timings(index, calls)
        print(f"{kind:28} {p50:8.2f} {p95:8.2f} {p95 / base95:8.0f}x")
    near = [lambda ix, d=d: ix.similar(d.title, d.body) for d in quality.NEAR_DUPLICATES]
    p50, p95 = _timings(index, near)
    print(f"{'similar (draft, OR)':28} {p50:8.2f} {p95:8.2f} {p95 / base95:8.0f}x")


def _report_quality(index: Fts5Index, n: int) -> None:
    print(f"\nquality set: {len(quality.QUERIES)} queries, petitions visible to the public")
    for label, plain, prefix in (("with diacritics", False, False), ("without diacritics", True, False),
                                 ("with diacritics, prefix", False, True)):
        result = quality.evaluate(lambda q, p=prefix: index.search(q, public_only=True, prefix=p), n,
                                  plain=plain)
        print(f"  {label:26} recall@10 {result.recall:.3f}  MRR {result.mrr:.3f}  "
              f"missed {len(result.misses)}: {' '.join(result.misses[:12])}")
    near = quality.evaluate_near_duplicates(index.similar, n)
    print(f"  near-duplicates: original ranked first for {near.top1:.0%} of {len(near.ranks)} drafts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petitions", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--province", default=None,
                        help="a 2-digit province code; default: the whole country")
    args = parser.parse_args()
    n, rng = args.petitions, random.Random(args.seed)
    sample_keys = set(rng.sample(range(n), min(n, args.queries)))
    samples: list[corpus.SyntheticPetition] = []

    def petitions():
        # Keeps only the sampled petitions: a million would not fit in memory twice.
        for p in corpus.generate(n, seed=args.seed, province_code=args.province, with_needles=True):
            if p.key in sample_keys:
                samples.append(p)
            yield p

    index = build(petitions())
    try:
        size = index.path.stat().st_size / 2**20
        build_seconds = index.insert_seconds + index.optimize_seconds
        print(f"FTS5 (SQLite {sqlite3.sqlite_version}), {index.count:,} petitions, {size:.0f} MiB")
        print(f"build: {index.count / build_seconds:,.0f} docs/s ({index.insert_seconds:.1f} s insert, "
              f"generation included, + {index.optimize_seconds:.1f} s optimize)")
        _report_timings(index, samples, rng)
        _report_quality(index, n)
    finally:
        index.close()


if __name__ == "__main__":
    main()

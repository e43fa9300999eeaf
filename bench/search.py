"""Search at scale: index build, query latency at the HTTP endpoint, quality.

    .venv/bin/python bench/search.py --petitions 100000
    .venv/bin/python bench/search.py --petitions 1000000 --procs 2 --queries 100

1. Loads the synthetic corpus (``bench/corpus.py``, with the planted needles
   of the quality set) into a temporary SQLite database in bulk.
2. Builds the search index with the code path of ``flask search rebuild``
   and reports documents per second.
3. Starts gunicorn (``--workers``, production settings, rate limits off)
   and times, one request after another, ``GET /api/v1/search`` for
   1, 2–3 and 4 words, with a category or a commune filter, a quoted
   phrase, page 2, and the type-ahead and similar-petitions endpoints.
   Baseline in the same run: ``GET /healthz`` through the same server.
4. Builds SQLite FTS5 over the same corpus and times the same queries on
   it in-process (no HTTP): the ratio ``portal p95 / (FTS5 p95 + healthz
   p95)`` puts FTS5 behind the same HTTP stack.
5. Scores the quality set as an anonymous visitor sees it: recall@10 and
   MRR with and without diacritics, and for near-duplicate drafts whether
   the original comes first among the commune's similar petitions.

Every figure is printed next to its baseline; compare ratios between
machines, not milliseconds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus, fts5_baseline, generate, quality, seeding  # noqa: E402
from bench.server import Server  # noqa: E402

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Case:
    """One request, and the same question put to FTS5 (None: no FTS5 twin)."""

    path: str
    params: dict
    fts5: Callable | None = None


def _words(petition: corpus.SyntheticPetition) -> list[str]:
    return [w for w in _WORD.findall(petition.title) if not w.isdigit()]


def sample_cases(samples: list[corpus.SyntheticPetition], rng: random.Random) -> dict[str, list[Case]]:
    """Query kinds built from petitions' titles, so every query has hits."""
    kinds: dict[str, list[Case]] = {k: [] for k in (
        "1 word", "2-3 words", "4 words", "1 word + category", "1 word + commune",
        "2-3 words + province", '"phrase"', "2-3 words, page 2", "1 word, newest first",
        "type-ahead (last word cut)")}
    api = "/api/v1/search"
    for p in samples:
        words = _words(p)
        if len(words) < 5:
            continue
        start = rng.randrange(len(words) - 4)
        one = words[start]
        two_three = " ".join(words[start:start + rng.choice((2, 3))])
        four = " ".join(words[start:start + 4])
        last = words[start + 1]
        typed = f"{one} {last[:max(2, len(last) - 2)]}"
        kinds["1 word"].append(Case(api, {"q": one}, lambda ix, q=one: ix.search(q, public_only=True)))
        kinds["2-3 words"].append(Case(api, {"q": two_three},
                                       lambda ix, q=two_three: ix.search(q, public_only=True)))
        kinds["4 words"].append(Case(api, {"q": four}, lambda ix, q=four: ix.search(q, public_only=True)))
        kinds["1 word + category"].append(Case(
            api, {"q": one, "category": p.category_code},
            lambda ix, q=one, c=p.category_code: ix.search(q, category_code=c, public_only=True)))
        kinds["1 word + commune"].append(Case(
            api, {"q": one, "unit": p.commune_code},
            lambda ix, q=one, c=p.commune_code: ix.search(q, commune_code=c, public_only=True)))
        kinds["2-3 words + province"].append(Case(
            api, {"q": two_three, "unit": p.province_code},
            lambda ix, q=two_three, c=p.province_code: ix.search(q, province_code=c, public_only=True)))
        kinds['"phrase"'].append(Case(api, {"q": f'"{two_three}"'},
                                      lambda ix, q=two_three: ix.phrase(q, public_only=True)))
        kinds["2-3 words, page 2"].append(Case(
            api, {"q": two_three, "page": 2},
            lambda ix, q=two_three: ix.search(q, limit=40, public_only=True)))
        kinds["1 word, newest first"].append(Case(api, {"q": one, "sort": "date"}))
        kinds["type-ahead (last word cut)"].append(Case(
            "/search/suggest", {"q": typed},
            lambda ix, q=typed: ix.search(q, limit=6, prefix=True, public_only=True)))
    return kinds


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


# --- the portal: database, index, server -----------------------------------

def time_requests(server: Server, cases: list[Case]) -> list[float]:
    times = []
    for case in cases:
        started = time.perf_counter()
        status, body = server.get(case.path, case.params)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"{case.path} {case.params}: HTTP {status} {body[:200]!r}")
    return times


def time_fts5(index, cases: list[Case]) -> list[float] | None:
    if any(case.fts5 is None for case in cases):
        return None
    times = []
    for case in cases:
        started = time.perf_counter()
        case.fts5(index)
        times.append((time.perf_counter() - started) * 1000)
    return times


# --- quality, as an anonymous visitor -----------------------------------------

def portal_quality(app, n: int) -> dict:
    from flask_login import AnonymousUserMixin

    from portal.extensions import db
    from portal.petitions.models import Petition
    from portal.search import queries
    from portal.search.analysis import parse_query
    from portal.search.engine import Filters

    visitor = AnonymousUserMixin()

    def search(text: str) -> list[int]:
        found = queries.search(visitor, parse_query(text), Filters(type="petition"), per_page=10,
                               facets=False)
        return [seeding.corpus_key(r.id) for r in found.results]

    with app.test_request_context():
        times = []

        def similar(title: str, body: str) -> list[int]:
            # The resident has picked the commune of the petition they repeat.
            original = next(d for d in quality.NEAR_DUPLICATES if d.title == title)
            petition = db.session.get(Petition, seeding.petition_id(original.original_key(n)))
            started = time.perf_counter()
            found = queries.similar(visitor, title, body, petition.unit, limit=5)
            times.append((time.perf_counter() - started) * 1000)
            return [seeding.corpus_key(r.id) for r in found]

        accented = quality.evaluate(search, n)
        plain = quality.evaluate(search, n, plain=True)
        near = quality.evaluate_near_duplicates(similar, n)
    return {"accented": accented, "plain": plain, "near": near,
            "similar_ms": percentiles(times)}


def fts5_quality(index, n: int) -> dict:
    def similar(title: str, body: str) -> list[int]:
        return index.similar(title, body)
    return {"accented": quality.evaluate(lambda q: index.search(q, public_only=True), n),
            "plain": quality.evaluate(lambda q: index.search(q, public_only=True), n, plain=True),
            "near": quality.evaluate_near_duplicates(similar, n)}


# --- the run ---------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petitions", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="requests per query kind")
    parser.add_argument("--procs", type=int, default=2, help="processes building the index")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--reuse", type=Path, metavar="FOLDER",
                        help="a folder made by bench/generate.py (or kept by --keep)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    folder = (args.reuse or Path(tempfile.mkdtemp(prefix="portal-search-bench-"))).resolve()
    print(f"working in {folder}")
    if args.reuse:
        summary = generate.read_summary(folder)
        args.petitions, args.seed = summary["petitions"], summary["seed"]
    else:
        summary = generate.generate(args.petitions, args.seed, folder, procs=args.procs)
    n, rng = args.petitions, random.Random(args.seed)
    sample_keys = set(rng.sample(range(n), min(n, args.queries)))
    app = generate.make_app(summary["database_url"], folder)
    try:
        samples = [p for p in corpus.generate(n, seed=args.seed, with_needles=True, skewed=True)
                   if p.key in sample_keys]
        rng.shuffle(samples)
        cases = sample_cases(samples, rng)
        (folder / "fts5.sqlite3").unlink(missing_ok=True)
        fts5 = fts5_baseline.build(corpus.generate(n, seed=args.seed, with_needles=True,
                                                   skewed=True), path=folder / "fts5.sqlite3")
        fts5_build_s = fts5.insert_seconds + fts5.optimize_seconds
        server = Server(summary["database_url"], folder, args.workers)
        try:
            for kind_cases in cases.values():  # every worker warm: searcher open, caches primed
                time_requests(server, kind_cases[:5])
            healthz = [Case("/healthz", {})] * len(next(iter(cases.values())))
            base = percentiles(time_requests(server, healthz))
            rows = []
            for kind, kind_cases in cases.items():
                portal = percentiles(time_requests(server, kind_cases))
                theirs = time_fts5(fts5, kind_cases)
                rows.append((kind, portal, percentiles(theirs) if theirs else None))
            similar_cases = [Case("/search/similar", {
                "title": d.title, "body": d.body,
                "unit": _commune_of(app, d.original_key(n))}) for d in quality.NEAR_DUPLICATES]
            similar_http = percentiles(time_requests(server, similar_cases))
            rss = server.worker_memory_mb()
        finally:
            server.stop()
        portal_q = portal_quality(app, n)
        fts5_q = fts5_quality(fts5, n)
        fts5.close()
        _print_report(args, summary, fts5_build_s, base, rows, similar_http, rss, portal_q, fts5_q)
        if args.json:
            args.json.write_text(json.dumps({
                "base": base, "rows": rows, "similar": similar_http, "memory": rss,
                "fts5_build_s": fts5_build_s, "workers": args.workers, "queries": args.queries,
                "quality": {name: portal_q[name].__dict__ for name in ("accented", "plain")}
                | {"near_top1": portal_q["near"].top1},
                "fts5_quality": {name: fts5_q[name].__dict__ for name in ("accented", "plain")}},
                default=str))
    finally:
        if args.keep or args.reuse:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _commune_of(app, key: int) -> str:
    from portal.extensions import db
    from portal.petitions.models import Petition

    with app.app_context():
        return db.session.get(Petition, seeding.petition_id(key)).unit.code


def _print_report(args, figures, fts5_build_s, base, rows, similar_http, rss, portal_q, fts5_q):
    n = args.petitions
    print(f"\n## {n:,} petitions, {args.queries} requests per kind, gunicorn {args.workers} workers, "
          f"SQLite\n")
    if "index_seconds" in figures:
        print(f"- generated: {n / figures['load_seconds']:,.0f} petitions/s")
        print(f"- index rebuild ({figures['index_procs']} processes): "
              f"{figures['index_seconds']:.0f} s, "
              f"{figures['index_records'] / figures['index_seconds']:,.0f} records/s, "
              f"{figures['index_bytes'] / 2**20:.0f} MiB; "
              f"FTS5 on the same corpus: {n / fts5_build_s:,.0f} docs/s "
              f"({fts5_build_s / figures['index_seconds'] * 100:.1f}% of the time)")
    print("- gunicorn workers' resident memory after the run: "
          + ", ".join(f"{own:.0f} MB own + {mapped:.0f} MB mapped files" for own, mapped in rss)
          + "\n")
    print("| request | p50 ms | p95 ms | p95 / healthz p95 | FTS5 p95 ms (in-process) "
          "| p95 / (FTS5 + healthz) |")
    print("|---|---|---|---|---|---|")
    print(f"| baseline GET /healthz | {base[0]:.1f} | {base[1]:.1f} | 1.0× | | |")
    for kind, (p50, p95), theirs in rows:
        twin = f"{theirs[1]:.1f} | {p95 / (theirs[1] + base[1]):.1f}×" if theirs else "— | —"
        print(f"| {kind} | {p50:.1f} | {p95:.1f} | {p95 / base[1]:.1f}× | {twin} |")
    print(f"| similar petitions (draft of a near-duplicate) | {similar_http[0]:.1f} "
          f"| {similar_http[1]:.1f} | {similar_http[1] / base[1]:.1f}× | | |")
    print(f"\nquality set: {len(quality.QUERIES)} queries, as an anonymous visitor\n")
    print("| | portal recall@10 | portal MRR | FTS5 recall@10 | FTS5 MRR |\n|---|---|---|---|---|")
    for label, name in (("typed with diacritics", "accented"), ("typed without", "plain")):
        ours, theirs = portal_q[name], fts5_q[name]
        print(f"| {label} | {ours.recall:.3f} | {ours.mrr:.3f} | {theirs.recall:.3f} "
              f"| {theirs.mrr:.3f} |")
    near, fts5_near = portal_q["near"], fts5_q["near"]
    print(f"| near-duplicate drafts, original first | {near.top1:.0%} | | {fts5_near.top1:.0%} | |")
    print(f"\nmissed with diacritics: {' '.join(portal_q['accented'].misses) or 'none'}")
    print(f"missed without: {' '.join(portal_q['plain'].misses) or 'none'}")
    print(f"near-duplicates not first: "
          f"{' '.join(f'{i}:{r}' for i, r in near.ranks if r != 1) or 'none'}")
    print(f"similar petitions in-process: p50 {portal_q['similar_ms'][0]:.1f} ms, "
          f"p95 {portal_q['similar_ms'][1]:.1f} ms")


if __name__ == "__main__":
    main()

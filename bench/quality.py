"""The search-quality set: queries with known answers, planted in the corpus.

Each query has one to four hand-written "needle" petitions that answer it.
``corpus.generate(n, with_needles=True)`` puts every needle at the key
``needle_keys(n)[needle_id]``, so a benchmark can do:

    from bench import corpus, fts5_baseline, quality
    n = 100_000
    index = fts5_baseline.build(corpus.generate(n, with_needles=True))
    result = quality.evaluate(index.search, n)              # q, with diacritics
    plain = quality.evaluate(index.search, n, plain=True)   # q_plain
    print(result.recall, result.mrr, result.misses)
    share = quality.evaluate_near_duplicates(index.similar, n).top1   # target: >= 0.9

or by hand: ``query.relevant_keys(n)`` with ``recall_at`` and ``reciprocal_rank``.
``python bench/quality.py --petitions N`` runs ``audit`` on a corpus.

Needles use words the background uses too ("cầu", "sập", "đồng", "phát"),
so finding them is a ranking problem, not a lookup. ``audit`` checks, on a
generated corpus, that no background petition contains all the words of a
query (with diacritics) and that every needle containing them is listed.

The near-duplicate set pairs a planted needle (the original) with a
resident's rewrite of it, the draft being typed; the rewrite is not in the
corpus, and a "similar petitions" search should rank the original first.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus, quality_near_duplicates, quality_set_a, quality_set_b, quality_set_c  # noqa: E402
from bench.corpus_slots import Unit  # noqa: E402
from portal.petitions.states import PetitionStatus  # noqa: E402
from portal.vietnamese import fold, match_key, nfc  # noqa: E402

# Statuses an anonymous visitor can see: needles must be findable by anyone.
_VISIBLE = (PetitionStatus.ACCEPTED, PetitionStatus.IN_PROGRESS, PetitionStatus.ANSWERED,
            PetitionStatus.CLOSED, PetitionStatus.CLOSED, PetitionStatus.ANSWERED)
_TYPING = {"~": "plain", "^": "new_tones"}
# Generic sentences a needle may borrow: none names a hamlet or a street, which
# would contradict the place the needle's own text describes.
_NEUTRAL_SLOTS = {"xa", "tinh", "nguoi", "nam", "thoigian", "ngay", "so", "chucdanh", "sohos"}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Needle:
    id: str
    category_code: str
    kind: str
    title: str
    body: str
    typing: str = ""  # "", "plain" (typed without diacritics) or "new_tones"

    def plant(
        self, key: int, submitted_on: date, *, seed: int, units: Sequence[Unit], as_written: bool = False
    ) -> corpus.SyntheticPetition:
        rng = random.Random(f"{seed}/needle/{self.id}")
        unit = units[rng.randrange(len(units))]
        templates = []
        # Generic sentences around the hand-written core bring needles to
        # the background's length, so bm25's length norm does not favour them.
        if rng.random() < 0.85:
            templates.append(rng.choice(_NEUTRAL["_opening"]))
        roll = rng.random()
        after = rng.sample(_NEUTRAL["_effect"], 2 if roll < 0.3 else 1 if roll < 0.9 else 0)
        if rng.random() < 0.9:
            after.append(rng.choice(_NEUTRAL["_closing"]))
        filled = corpus.fill(templates + after, rng, unit)
        body = " ".join([*filled[:len(templates)], self.body, *filled[len(templates):]])
        typing = "" if as_written else self.typing
        return corpus.SyntheticPetition(
            key=key, title=corpus.retype(self.title, typing), body=corpus.retype(body, typing),
            category_code=self.category_code, commune_code=unit.code, province_code=unit.province_code,
            kind=self.kind, status=rng.choice(_VISIBLE).value, submitted_on=submitted_on,
            is_public=True, topic=f"needle:{self.id}",
        )


@dataclass(frozen=True)
class Query:
    id: str
    q: str  # as typed, with diacritics, NFC
    relevant: tuple[str, ...]  # needle ids
    note: str
    # Background petitions contain all its words without being about it.
    crowded: bool = False

    @property
    def q_plain(self) -> str:
        return fold(self.q)

    @property
    def is_phrase(self) -> bool:
        return '"' in self.q

    def relevant_keys(self, n: int) -> frozenset[int]:
        keys = needle_keys(n)
        return frozenset(keys[needle_id] for needle_id in self.relevant)


@dataclass(frozen=True)
class NearDuplicate:
    id: str
    original: str  # needle id
    title: str
    body: str
    note: str

    def original_key(self, n: int) -> int:
        return needle_keys(n)[self.original]


def _parse(text: str, needles: list[Needle], queries: list[Query]) -> None:
    """Q id query | note / + needle ids / N category kind[~^] | title, body lines."""
    current: dict | None = None
    pending: list[str] = []

    def flush_needle() -> None:
        if pending:
            header, body = pending[0], " ".join(pending[1:])
            category, flags, title = header.split(None, 2)
            needle_id = f"{current['id']}{'abcdefgh'[current['count']]}"
            current["count"] += 1
            current["relevant"].append(needle_id)
            needles.append(Needle(needle_id, category, corpus.KIND_LETTERS[flags[0]],
                                  nfc(title.lstrip("| ").strip()), nfc(body), _TYPING.get(flags[1:], "")))
            pending.clear()

    def flush_query() -> None:
        flush_needle()
        if current:
            queries.append(Query(current["id"], current["q"], tuple(current["relevant"]), current["note"],
                                 current["crowded"]))

    for raw in text.splitlines():
        if not raw.strip():
            continue
        mark, _, rest = raw.partition(" ")
        if raw.startswith("  "):
            pending.append(raw.strip())
        elif mark == "Q":
            flush_query()
            head, _, note = rest.partition(" | ")
            query_id, _, q = head.partition(" ")
            current = {"id": query_id.rstrip("*"), "q": nfc(q.strip()), "note": note.strip(),
                       "relevant": [], "count": 0, "crowded": query_id.endswith("*")}
        elif mark == "+":
            flush_needle()
            current["relevant"].extend(rest.split())
        elif mark == "N":
            flush_needle()
            pending.append(rest)
        else:
            raise ValueError(f"cannot read line {raw!r}")
    flush_query()


def _parse_near_duplicates(text: str) -> list[NearDuplicate]:
    """D id original[~^] | note / > title / body lines."""
    items: list[NearDuplicate] = []
    for block in re.split(r"\n(?=D )", text.strip()):
        header, *lines = block.splitlines()
        head, _, note = header[2:].partition(" | ")
        item_id, original = head.split()
        typing = _TYPING.get(original[-1], "")
        original = original.rstrip("~^")
        title = next(line for line in lines if line.startswith("> "))[2:]
        body = " ".join(line.strip() for line in lines if line.startswith("  "))
        items.append(NearDuplicate(item_id, original, corpus.retype(nfc(title), typing),
                                   corpus.retype(nfc(body), typing), note.strip()))
    return items


_NEUTRAL = {name: [t for t in templates if set(t.slots) <= _NEUTRAL_SLOTS]
            for name, templates in corpus.GENERIC.items()}
_needles: list[Needle] = []
_queries: list[Query] = []
for _module in (quality_set_a, quality_set_b, quality_set_c):
    _parse(_module.TEXT, _needles, _queries)
NEEDLES: tuple[Needle, ...] = tuple(_needles)
QUERIES: tuple[Query, ...] = tuple(_queries)
NEAR_DUPLICATES: tuple[NearDuplicate, ...] = tuple(_parse_near_duplicates(quality_near_duplicates.TEXT))
NEEDLES_BY_ID = {needle.id: needle for needle in NEEDLES}


def _check() -> None:
    ids = [q.id for q in QUERIES]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate query id")
    for query in QUERIES:
        missing = [n for n in query.relevant if n not in NEEDLES_BY_ID]
        if missing or not query.relevant:
            raise ValueError(f"{query.id}: unknown or no relevant needles {missing}")
    for item in NEAR_DUPLICATES:
        if item.original not in NEEDLES_BY_ID:
            raise ValueError(f"{item.id}: unknown original {item.original}")


_check()


def placements(n: int) -> list[tuple[Needle, int]]:
    """Each needle with its key: spread evenly, so needles are old and new."""
    count = len(NEEDLES)
    if n < count:
        raise ValueError(f"a corpus with needles needs at least {count} petitions")
    return [(needle, (2 * i + 1) * n // (2 * count)) for i, needle in enumerate(NEEDLES)]


def needle_keys(n: int) -> dict[str, int]:
    return {needle.id: key for needle, key in placements(n)}


def recall_at(k: int, ranked_keys: Sequence[int], relevant: Iterable[int]) -> float:
    relevant = set(relevant)
    return len(relevant.intersection(ranked_keys[:k])) / len(relevant) if relevant else 0.0


def reciprocal_rank(ranked_keys: Sequence[int], relevant: Iterable[int]) -> float:
    relevant = set(relevant)
    for rank, key in enumerate(ranked_keys, start=1):
        if key in relevant:
            return 1.0 / rank
    return 0.0


@dataclass(frozen=True)
class Evaluation:
    recall: float  # mean recall@k over the queries
    mrr: float
    per_query: tuple[tuple[str, float, float], ...]  # (query id, recall@k, reciprocal rank)

    @cached_property
    def misses(self) -> list[str]:
        return [query_id for query_id, recall, _ in self.per_query if recall < 1.0]


def evaluate(search: Callable[[str], Sequence[int]], n: int, *, plain: bool = False, k: int = 10,
             queries: Sequence[Query] = QUERIES) -> Evaluation:
    """Run every query (``q``, or ``q_plain`` when plain) through ``search``,
    which returns ranked corpus keys, and score it against the needles."""
    rows = []
    for query in queries:
        ranked = list(search(query.q_plain if plain else query.q))
        relevant = query.relevant_keys(n)
        rows.append((query.id, recall_at(k, ranked, relevant), reciprocal_rank(ranked, relevant)))
    count = len(rows) or 1
    return Evaluation(sum(r for _, r, _ in rows) / count, sum(m for _, _, m in rows) / count, tuple(rows))


@dataclass(frozen=True)
class NearDuplicateResult:
    top1: float  # share of rewrites whose original is ranked first
    ranks: tuple[tuple[str, int | None], ...]  # (item id, rank of the original or None)


def evaluate_near_duplicates(similar: Callable[[str, str], Sequence[int]], n: int) -> NearDuplicateResult:
    """``similar(title, body)`` returns ranked keys for a draft petition."""
    ranks = []
    for item in NEAR_DUPLICATES:
        ranked = list(similar(item.title, item.body))
        original = item.original_key(n)
        ranks.append((item.id, ranked.index(original) + 1 if original in ranked else None))
    top1 = sum(1 for _, rank in ranks if rank == 1) / (len(ranks) or 1)
    return NearDuplicateResult(top1, tuple(ranks))


_TONE_KEYS: dict[str, str] = {}


def _tokens(text: str) -> list[str]:
    """match_key's tokens, with the tone rule applied once per distinct word:
    the corpus has a few thousand of them and millions of occurrences."""
    keys = _TONE_KEYS
    out = []
    for word in _WORD.findall(nfc(text).lower()):
        key = keys.get(word)
        if key is None:
            key = keys[word] = match_key(word)
        out.append(key)
    return out


def _has_phrase(tokens: list[str], phrase: list[str]) -> bool:
    size = len(phrase)
    return any(tokens[i:i + size] == phrase for i, token in enumerate(tokens) if token == phrase[0])


def audit(n: int, *, seed: int = 2026, province_code: str | None = None) -> list[str]:
    """Problems with the relevance judgements on the corpus of these
    parameters: a background petition or an unlisted needle containing every
    word of a query (its phrase, when quoted), or a listed needle that does
    not. Texts are judged as written, before the retyping without diacritics.
    Queries marked ``crowded`` may match other petitions that share the words
    but are about something else (the hamlet "Cầu Đá" and "nước tràn" are not
    a "cầu tràn")."""
    terms = {query.id: _tokens(query.q) for query in QUERIES}
    wanted = {term for words in terms.values() for term in words}
    postings: dict[str, set[int]] = {term: set() for term in wanted}
    for petition in corpus.generate(n, seed=seed, province_code=province_code, with_needles=True,
                                   as_written=True):
        for term in wanted.intersection(_tokens(f"{petition.title} {petition.body}")):
            postings[term].add(petition.key)
    candidates = {q.id: set.intersection(*(postings[t] for t in terms[q.id])) for q in QUERIES}
    phrases = [q for q in QUERIES if q.is_phrase]
    wanted_keys = set().union(*(candidates[q.id] for q in phrases))
    if wanted_keys:
        # A second pass, as the corpus is deterministic, to read word order.
        token_lists = {p.key: _tokens(f"{p.title} {p.body}") for p in corpus.generate(
            n, seed=seed, province_code=province_code, with_needles=True, as_written=True)
            if p.key in wanted_keys}
        for query in phrases:
            candidates[query.id] = {key for key in candidates[query.id]
                                    if _has_phrase(token_lists[key], terms[query.id])}
    by_key = {key: needle_id for needle_id, key in needle_keys(n).items()}
    problems = []
    for query in QUERIES:
        matches, relevant = candidates[query.id], query.relevant_keys(n)
        extra = sorted(matches - relevant)
        needles = [by_key[key] for key in extra if key in by_key]
        background = [key for key in extra if key not in by_key]
        label = f"{query.id} {query.q!r}"
        if needles and not query.crowded:
            problems.append(f"{label}: needles {needles} match but are not listed")
        if background and not query.crowded:
            problems.append(f"{label}: {len(background)} background petitions match, e.g. {background[:3]}")
        missing = sorted(by_key[key] for key in relevant - matches)
        if missing:
            problems.append(f"{label}: listed needles {missing} do not match")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description="Check the quality set against a generated corpus.")
    parser.add_argument("--petitions", type=int, default=100_000)
    parser.add_argument("--province", default=None)
    args = parser.parse_args()
    n = args.petitions
    print(f"{len(QUERIES)} queries, {len(NEEDLES)} needles, {len(NEAR_DUPLICATES)} near-duplicates")
    problems = audit(n, province_code=args.province)
    print("\n".join(problems) or "no problems")


if __name__ == "__main__":
    main()

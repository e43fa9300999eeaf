"""The quality set (bench/quality.py) on a small corpus, through the real
index and the real search service, as an anonymous visitor: a resident who
types without diacritics must find nearly what one who types them finds.

The full-size figures (100k and 1M petitions) come from bench/search.py and
are kept in docs/benchmarks.md; this guards the same measure on every run.
"""

from __future__ import annotations

import pytest
from flask import current_app
from flask_login import AnonymousUserMixin

from bench import corpus, quality, seeding
from portal.demo import run_setup
from portal.extensions import db
from portal.petitions.models import Petition
from portal.search import indexer, queries
from portal.search.analysis import parse_query
from portal.search.engine import Filters

PETITIONS = 1_500
VISITOR = AnonymousUserMixin()


@pytest.fixture
def corpus_index(search):
    run_setup()
    seeding.load(corpus.generate(PETITIONS, with_needles=True))
    indexer.rebuild()


def ranked_keys(text: str) -> list[int]:
    with current_app.test_request_context():
        page = queries.search(VISITOR, parse_query(text), Filters(type="petition"),
                              per_page=10, facets=False)
    return [seeding.corpus_key(result.id) for result in page.results]


def test_unaccented_queries_find_nearly_what_accented_ones_find(corpus_index):
    accented = quality.evaluate(ranked_keys, PETITIONS)
    plain = quality.evaluate(ranked_keys, PETITIONS, plain=True)
    assert accented.recall >= 0.9, accented.misses
    assert plain.recall >= accented.recall - 0.03, (plain.misses, accented.misses)
    assert plain.mrr >= accented.mrr - 0.05


def test_a_draft_repeating_a_petition_finds_the_original_first(corpus_index):
    def similar(title: str, body: str) -> list[int]:
        item = next(d for d in quality.NEAR_DUPLICATES if d.title == title)
        original = seeding.petition_id(item.original_key(PETITIONS))
        unit = db.session.get(Petition, original).unit
        with current_app.test_request_context():
            found = queries.similar(VISITOR, title, body, unit, limit=5)
        return [seeding.corpus_key(result.id) for result in found]

    assert quality.evaluate_near_duplicates(similar, PETITIONS).top1 >= 0.9

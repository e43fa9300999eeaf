"""The bulk index builder (portal/search/bulk.py) against Whoosh's own
writer on the same database: the same terms, postings, weights, field
lengths and stored keys for every field, the same files byte for byte when
the documents come in the same order, and the same search results."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from flask import current_app
from flask_login import AnonymousUserMixin
from whoosh import index as whoosh_index

from bench import corpus
from portal.extensions import db
from portal.search import bulk, documents, indexer
from portal.search.analysis import parse_query
from portal.search.engine import Filters
from portal.search.queries import search
from portal.search.schema import build_schema
from tests import factories
from tests.scenarios import accept, answer, assign, at, planned

ANONYMOUS = AnonymousUserMixin()
PETITIONS = 400


@pytest.fixture
def records(db, world, clock):
    """Petitions of the synthetic corpus over two years and three communes,
    some published, held, answered; a petition long enough for the largest
    length byte and words repeated past 255; dialogue sessions with minutes
    and a conclusion."""
    rng = random.Random(7)
    communes = (world.commune_a, world.commune_b, world.commune_c)
    for number, item in enumerate(corpus.generate(PETITIONS, seed=3)):
        clock.set(at(clock_day(number)))
        submitter = world.resident if number % 7 == 0 else None
        petition = factories.petition(at=communes[number % 3], topic=world.category,
                                      title=item.title[:200], body=item.body,
                                      is_public=item.is_public, submitter=submitter)
        if number % 5 == 0 and petition.unit == world.commune_a:
            db.session.commit()
            accept(world, clock, petition, clock_day(number))
            if number % 2 == 0:
                assign(world, petition)
                answer(world, clock, petition, clock_day(number) + timedelta(days=3))
    clock.set(at(date(2026, 2, 1)))
    long = factories.petition(at=world.commune_a, topic=world.category,
                              title="Đường làng ngập nước", body="Đường làng ngập nước.")
    # Past what a petition form takes: the longest length Whoosh records.
    long.body = " ".join(["ngập nước đường làng"] * 300 + ["rác"] * 110_000)
    factories.petition(at=world.commune_b, topic=world.category, title="Cây đổ",
                       body="Cây đổ. " + " ".join(rng.choice(("cây", "đổ", "gió", "bão"))
                                                  for _ in range(500)))
    db.session.commit()
    for day in (date(2026, 3, 10), date(2026, 4, 14)):
        session = planned(world, clock, date(2026, 2, 2), day)
        session.minutes_source = "Ông Tư hỏi về đèn chiếu sáng ngõ 5; bà Lan hỏi về rác."
        db.session.commit()
    session.conclusion_text = "Phường thay đèn ngõ 5 trong tháng 4."
    session.concluded_at = at(date(2026, 4, 14), 12)
    db.session.commit()


def clock_day(number: int) -> date:
    return date(2025, 1, 6) + timedelta(days=number * 2)


def whoosh_build(base: Path) -> Path:
    directory = indexer._new_generation(base)  # noqa: SLF001 - an empty generation
    indexer.write_with_whoosh(directory)
    return directory


def bulk_build(base: Path, **options) -> Path:
    directory = indexer._new_generation(base)  # noqa: SLF001
    bulk.build(directory, db.engine, **options)
    return directory


def segment_files(directory: Path) -> dict[str, bytes]:
    """A single-segment index's files, by name without the random segment id."""
    segments = whoosh_index.open_dir(str(directory))._read_toc().segments  # noqa: SLF001
    assert len(segments) == 1
    segment_id = segments[0].segment_id()
    return {path.name.replace(segment_id, "SEGMENT"): path.read_bytes()
            for path in directory.iterdir() if path.name.startswith(segment_id)}


def contents(directory: Path) -> dict:
    """Everything a search can read from an index, with document numbers
    replaced by the stored key: per field, each term's postings (key,
    weight, value); each document's field lengths and date column; the
    field totals and the document order."""
    ix = whoosh_index.open_dir(str(directory))
    schema = build_schema()
    with ix.reader() as reader:
        keys = {n: stored["key"] for n, stored in reader.iter_docs()}
        dates = reader.column_reader("date")
        found = {
            "order": [keys[n] for n in sorted(keys)],
            "doc_count": reader.doc_count(),
            "date": {keys[n]: dates[n] for n in keys},
        }
        for name in schema.names():
            terms = {}
            for term in reader.lexicon(name):
                postings = reader.postings(name, term)
                listed = set()
                while postings.is_active():
                    listed.add((keys[postings.id()], postings.weight(), postings.value()))
                    postings.next()
                info = reader.term_info(name, term)
                terms[term] = (listed, info.doc_frequency(), info.weight(),
                               info.min_length(), info.max_length(), info.max_weight())
            found[name] = terms
            found[f"{name} lengths"] = {keys[n]: reader.doc_field_length(n, name) for n in keys}
            found[f"{name} total"] = reader.field_length(name)
            if schema[name].scorable:
                found[f"{name} longest"] = reader.max_field_length(name)
    return found


def test_the_same_segment_files_as_whoosh_writes(app, records, tmp_path):
    reference = segment_files(whoosh_build(tmp_path))
    assert set(reference) >= {"SEGMENT.pst", "SEGMENT.trm", "SEGMENT._stored.col",
                              "SEGMENT.date.col", "SEGMENT._folded_len.col"}
    assert segment_files(bulk_build(tmp_path)) == reference
    # Chunks spilled to disk every 64 documents and merged back.
    assert segment_files(bulk_build(tmp_path, limits=bulk.Limits(chunk_mb=0))) == reference


def test_several_processes_index_the_same_contents_in_the_same_order(app, records, tmp_path):
    reference = contents(whoosh_build(tmp_path))
    assert reference["doc_count"] == PETITIONS + 2 + 4  # two sessions and their minutes
    assert {key.split(":")[0] for key in reference["order"]} == {"petition", "session",
                                                                 "minutes"}
    assert max(len(postings) for postings, *_ in reference["folded"].values()) > 2 * 128
    # What petitions are read for in bulk is there to compare.
    assert reference["holder"] and reference["submitter"] and len(reference["deadline"]) > 2
    assert {b"0", b"1"} <= set(reference["public"]) and len(reference["year"]) >= 2
    assert any(key == f"minutes:{n}" for n in range(99) for key in reference["order"])
    # Three processes, chunks spilled every 64 documents, a new segment
    # every 100 documents: 404 records, 134 or 135 a process, the last one
    # with the two sessions' minutes as well.
    directory = bulk_build(tmp_path, procs=3, limits=bulk.Limits(chunk_mb=0, segment_docs=100))
    segments = whoosh_index.open_dir(str(directory))._read_toc().segments  # noqa: SLF001
    assert [segment.doc_count_all() for segment in segments] == [100, 34, 100, 35, 100, 37]
    built = contents(directory)
    for name in reference:
        assert built[name] == reference[name], name
    assert not [path for path in directory.iterdir() if path.is_dir()]  # no work files left


def test_rebuild_reports_progress_and_searches_find_the_same(app, records, tmp_path,
                                                            monkeypatch, world):
    expected = sum(documents.record_count(kind, db.session) for kind in documents.KINDS)
    done = []
    directory = indexer.rebuild(done.append, procs=2, base=tmp_path / "bulk")
    assert sum(done) == expected
    assert indexer.current_dir(tmp_path / "bulk") == directory
    assert indexer.read_applied(directory) > 0
    with monkeypatch.context() as patched:
        patched.setattr(bulk, "supported", lambda schema: False)
        indexer.rebuild(base=tmp_path / "whoosh")

    def results(base: Path) -> list:
        monkeypatch.setitem(current_app.config, "SEARCH_INDEX_DIR", str(base))
        pages = []
        for user, text, filters, options in (
            (ANONYMOUS, "giải phóng mặt bằng", Filters(), {}),
            (ANONYMOUS, "giai phong mat bang", Filters(), {}),
            (ANONYMOUS, "đèn đường", Filters(unit=world.commune_b.id), {}),
            (ANONYMOUS, "den duong", Filters(category=world.category.id, year=2025), {}),
            (ANONYMOUS, "rác", Filters(type="petition"), {"by_date": True}),
            (ANONYMOUS, '"ngập nước"', Filters(), {}),
            (world.official, "chiếu sáng", Filters(), {"page": 2, "per_page": 5}),
            (world.official, "chieu sang", Filters(type="session"), {}),
            (world.resident, "nuoc", Filters(), {}),
            (world.official, "đèn", Filters(overdue=True), {}),
        ):
            with current_app.test_request_context():
                page = search(user, parse_query(text), filters, **options)
            pages.append((text, page.total, page.facets,
                          [(result.part, result.id) for result in page.results]))
        return pages

    assert sum(total for _, total, _, _ in results(tmp_path / "whoosh")) > 50
    assert results(tmp_path / "bulk") == results(tmp_path / "whoosh")


def test_a_schema_it_does_not_know_goes_through_whoosh(app):
    from whoosh.fields import KEYWORD, TEXT, Schema

    assert bulk.supported(build_schema())
    assert not bulk.supported(Schema(key=TEXT(phrase=True)))
    assert not bulk.supported(Schema(key=KEYWORD))
    assert not bulk.supported(Schema(key=TEXT(vector=True)))


def test_a_failing_part_fails_the_rebuild_and_leaves_no_generation(app, records, tmp_path,
                                                                  monkeypatch):
    def broken(ids, *, session):
        raise RuntimeError("database gone")

    monkeypatch.setitem(documents.CHANGES, documents.SESSION, broken)
    with pytest.raises(bulk.BuildError, match="database gone"):
        indexer.rebuild(procs=2, base=tmp_path)
    assert not list(tmp_path.glob("gen-*"))
    with pytest.raises(RuntimeError, match="database gone"):
        indexer.rebuild(procs=1, base=tmp_path)
    assert not list(tmp_path.glob("gen-*"))

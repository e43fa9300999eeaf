"""No change is ever lost to the index: several processes writing at once,
one of them dying before it could index, the lock held by another."""

from __future__ import annotations

import multiprocessing

import sqlalchemy as sa

from portal.extensions import db
from portal.petitions.models import Petition
from portal.search import indexer
from portal.search.log import SearchLog, pending_count
from tests.search_writers import write_petitions

PROCESSES = 4
EACH = 25


def indexed_keys() -> set[str]:
    ix = indexer.open_current()
    with ix.searcher() as searcher:
        return {fields["key"] for fields in searcher.all_stored_fields()}


def run_writers(app, world, *, applying: list[bool]) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(applying))
    processes = [context.Process(target=write_petitions, args=(
        app.config["SQLALCHEMY_DATABASE_URI"], app.config["SEARCH_INDEX_DIR"],
        world.commune_a.id, world.category.id, worker, EACH, apply, barrier))
        for worker, apply in enumerate(applying)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=180)
        assert process.exitcode == 0


def test_four_processes_writing_at_once_lose_nothing(app, world, search):
    run_writers(app, world, applying=[True] * PROCESSES)

    petitions = set(db.session.scalars(sa.select(Petition.id)))
    assert len(petitions) == PROCESSES * EACH
    # Applied by the writers themselves: no sync was run.
    assert indexed_keys() == {f"petition:{i}" for i in petitions}
    assert pending_count(db.session, indexer.read_applied(indexer.current_dir())) == 0


def test_a_process_that_never_indexed_is_caught_up_by_the_next_write_or_sync(app, world, search):
    # Process 0 commits but never reaches the index (as if killed after commit).
    run_writers(app, world, applying=[False, False])
    assert indexed_keys() == set()
    petition = world.petition(title="Một phản ánh mới sau sự cố")  # the next write
    assert len(indexed_keys()) == 2 * EACH + 1
    assert f"petition:{petition.id}" in indexed_keys()
    assert indexer.apply_pending(wait=True) == 0


def test_a_held_lock_leaves_the_change_for_the_holder_or_the_next_sync(app, world, search):
    with indexer.sync_lock(indexer.root(), wait=True):
        petition = world.petition(title="Đường ống nước vỡ")  # cannot index: lock held
        assert f"petition:{petition.id}" not in indexed_keys()
    assert indexer.apply_pending(wait=True) == 1
    assert f"petition:{petition.id}" in indexed_keys()


def test_a_broken_index_write_never_loses_the_petition(app, world, search, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(indexer, "write_changes", broken)
    petition = world.petition(title="Cây đổ chắn đường")  # the commit itself succeeds
    assert db.session.get(Petition, petition.id) is not None
    monkeypatch.undo()
    assert f"petition:{petition.id}" not in indexed_keys()
    assert indexer.apply_pending(wait=True) == 1
    assert f"petition:{petition.id}" in indexed_keys()


def test_without_an_index_everything_is_built_from_the_database(app, world, search):
    # A database from before search existed: its petitions are not in the log.
    old = world.petition(title="Phản ánh cũ từ trước khi có tìm kiếm")
    db.session.execute(sa.delete(SearchLog))
    db.session.commit()
    (indexer.root() / indexer.CURRENT).unlink()
    new = world.petition(title="Phản ánh mới")  # the next write finds no index
    assert indexed_keys() == {f"petition:{old.id}", f"petition:{new.id}"}


def test_an_index_of_an_older_schema_is_rebuilt_and_status_says_so(app, world, search):
    old = world.petition(title="Phản ánh trước khi nâng cấp")
    directory = indexer.current_dir()
    (directory / indexer.SCHEMA).write_text("1")  # as an earlier release left it
    status = app.test_cli_runner().invoke(args=["search", "status"])
    assert "Chỉ mục theo cấu trúc cũ" in status.output
    new = world.petition(title="Phản ánh sau khi nâng cấp")  # the next write rebuilds
    assert indexer.current_dir() != directory
    assert indexer.has_current_schema(indexer.current_dir())
    assert indexed_keys() == {f"petition:{old.id}", f"petition:{new.id}"}


def test_the_commands_report_sync_and_rebuild(app, world, search):
    runner = app.test_cli_runner()
    app.config["SEARCH_APPLY_AFTER_COMMIT"] = False
    world.petition(title="Rác thải ven sông Tô Lịch")
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output
    assert "petition: 0 trong chỉ mục / 1 trong cơ sở dữ liệu" in status.output
    assert "còn chờ 1" in status.output
    synced = runner.invoke(args=["search", "sync"])
    assert "Đã cập nhật chỉ mục: 1 thay đổi." in synced.output
    rebuilt = runner.invoke(args=["search", "rebuild"])
    assert rebuilt.exit_code == 0 and "Đã thay chỉ mục mới" in rebuilt.output
    status = runner.invoke(args=["search", "status"])
    assert "petition: 1 trong chỉ mục / 1 trong cơ sở dữ liệu" in status.output
    assert "còn chờ 0" in status.output

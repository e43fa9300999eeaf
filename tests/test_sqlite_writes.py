"""Writers to the embedded SQLite database take turns through a lock file,
handed over as soon as the one before commits, while readers go on."""

from __future__ import annotations

import fcntl
import sqlite3
import threading

import pytest

from portal import create_app
from portal.sqlite_writes import SerialisedConnection


def connect(path, timeout: float = 5.0) -> sqlite3.Connection:
    return sqlite3.connect(path, factory=SerialisedConnection, timeout=timeout,
                           check_same_thread=False)


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "portal.db"
    with connect(path) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE petitions (id INTEGER PRIMARY KEY, title TEXT)")
    return path


def test_a_second_writer_waits_for_the_first_to_commit_then_goes_on(database):
    first, second = connect(database), connect(database)
    first.execute("INSERT INTO petitions (title) VALUES ('đầu tiên')")
    assert writer_lock_taken(database)
    done = threading.Event()

    def write():
        second.execute("INSERT INTO petitions (title) VALUES ('thứ hai')")
        second.commit()
        done.set()

    writer = threading.Thread(target=write)
    writer.start()
    assert not done.wait(0.3), "the second writer did not wait for the first"
    # Readers are not held up meanwhile, and see only what committed.
    with connect(database) as reader:
        assert reader.execute("SELECT count(*) FROM petitions").fetchone() == (0,)
    first.commit()
    assert done.wait(5), "the second writer was not let through after the commit"
    writer.join()
    titles = [t for (t,) in first.execute("SELECT title FROM petitions ORDER BY id")]
    assert titles == ["đầu tiên", "thứ hai"]
    assert not writer_lock_taken(database)


def writer_lock_taken(database) -> bool:
    with open(f"{database}-writer.lock", "rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False


def test_a_rolled_back_writer_lets_the_next_one_through(database):
    first, second = connect(database), connect(database, timeout=2)
    first.execute("INSERT INTO petitions (title) VALUES ('bỏ')")
    first.rollback()
    second.execute("INSERT INTO petitions (title) VALUES ('giữ')")
    second.commit()
    assert second.execute("SELECT title FROM petitions").fetchall() == [("giữ",)]


def test_a_writer_held_up_too_long_is_told_the_database_is_locked(database):
    first, second = connect(database), connect(database, timeout=0.2)
    first.execute("INSERT INTO petitions (title) VALUES ('chậm')")
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        second.execute("INSERT INTO petitions (title) VALUES ('chờ')")
    first.commit()
    second.execute("INSERT INTO petitions (title) VALUES ('chờ')")
    second.commit()
    assert second.execute("SELECT count(*) FROM petitions").fetchone() == (2,)


def test_the_portal_connects_to_a_sqlite_file_this_way(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'portal.db'}"},
                     env="test")
    from portal.extensions import db

    with app.app_context():
        raw = db.engine.raw_connection()
        try:
            assert isinstance(raw.driver_connection, SerialisedConnection)
        finally:
            raw.close()
        db.engine.dispose()

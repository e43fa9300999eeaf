"""The search follower (``flask search follow``, started beside gunicorn by
``portal.serving``) keeps the index for every worker: while it runs, a
request that logs a change leaves the index to it, and whatever it has not
applied yet when it is stopped it applies on the way out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from portal.search import follower, indexer
from portal.search.log import pending_count
from tests.test_api_petitions import send
from tests.test_search_durability import indexed_keys

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def following(app, interval: float = 60.0):
    """A follower in a thread, after its first round; stopped on the way out."""
    stop, first_round, outcome = threading.Event(), threading.Event(), {}

    def run():
        with app.app_context():
            outcome["applied"] = follower.follow(stop, interval=interval,
                                                 after_round=lambda _: first_round.set())

    thread = threading.Thread(target=run)
    thread.start()
    assert first_round.wait(30), "the follower did not start"
    try:
        yield outcome
    finally:
        stop.set()
        thread.join(60)
        assert not thread.is_alive()


def sent_key(client) -> str:
    response = send(client)
    assert response.status_code == 201, response.get_json()
    response.close()  # what a WSGI server does once the response is sent
    from portal.petitions import queries

    return f"petition:{queries.by_tracking_code(response.get_json()['tracking_code']).id}"


def test_while_a_follower_runs_a_submission_leaves_the_index_to_it(app, client, world, search):
    with following(app) as outcome:
        assert indexer.follower_running()
        key = sent_key(client)
        # The request is answered and closed; the follower sleeps for a minute.
        assert key not in indexed_keys()
        assert pending_count(search_session(), indexer.read_applied(indexer.current_dir())) == 1
    # Stopping it applies what it had not yet.
    assert key in indexed_keys()
    assert outcome["applied"] == 1
    assert not indexer.follower_running()


def search_session():
    from portal.extensions import db

    db.session.rollback()  # see what the others committed
    return db.session


def test_one_follower_per_index(app, world, search):
    with following(app), pytest.raises(indexer.Busy):
        follower.follow(threading.Event(), interval=1)


def test_when_the_follower_is_gone_submissions_index_themselves_again(app, client, world, search):
    with following(app):
        pass
    key = sent_key(client)
    assert key in indexed_keys()


def test_the_follow_command_keeps_the_index_until_stopped(app, client, world, search):
    env = {**os.environ, "PORTAL_ENV": "development",
           "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "SEARCH_INDEX_DIR": app.config["SEARCH_INDEX_DIR"]}
    command = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "flask", "--app", "wsgi", "search", "follow", "--interval", "0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not indexer.follower_running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert indexer.follower_running(), command.stderr.read() if command.poll() else ""
        key = sent_key(client)
        while key not in indexed_keys() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert key in indexed_keys(), "the follower did not apply the submission"
    finally:
        command.send_signal(signal.SIGTERM)
        out, err = command.communicate(timeout=60)
    assert command.returncode == 0, err
    assert "Đã dừng theo dõi" in out
    assert not indexer.follower_running()

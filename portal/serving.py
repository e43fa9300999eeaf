"""gunicorn's settings for the portal: ``gunicorn -c python:portal.serving wsgi:app``
(what ``make serve`` runs).

Besides the workers, the master starts one search follower (``flask search
follow``, see ``portal.search.follower``) once the workers are ready, and
stops it on the way out. ``SEARCH_FOLLOWER=0`` leaves it out, for a
deployment that runs the follower as a service of its own; without one the
workers apply the search log after their responses.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLLOW = [sys.executable, "-m", "flask", "--app", "wsgi", "search", "follow"]
_STOP_SECONDS = 30

log = logging.getLogger("gunicorn.error")
_follower: dict[str, subprocess.Popen] = {}


def _wanted() -> bool:
    return os.environ.get("SEARCH_FOLLOWER", "1").strip().lower() not in ("0", "false", "no", "off")


def when_ready(server) -> None:
    if not _wanted():
        return
    # Same environment as the workers: the same database and index folder.
    _follower["process"] = subprocess.Popen(FOLLOW, cwd=ROOT)  # noqa: S603 - fixed arguments
    log.info("search follower started (pid %s)", _follower["process"].pid)


def on_exit(server) -> None:
    process = _follower.pop("process", None)
    if process is None:
        return
    process.terminate()  # it applies what is pending, then stops
    try:
        process.wait(timeout=_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()

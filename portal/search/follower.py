"""One process per machine that keeps the index in step with the search log.

Writing the index from the web worker that committed a change costs that
worker a Whoosh commit per request (10 ms of CPU and more as segments
merge), and it cannot take the next request meanwhile. The follower
(``flask search follow``, started beside gunicorn's workers by
``portal.serving``) reads the log a few times a second instead and writes
whatever arrived in one Whoosh commit: a burst of a hundred petitions costs
one commit, not a hundred. It runs at a lower priority, so residents'
requests come first when the machine is busy and the index catches up when
it is not.

While the follower holds its lock (``indexer.follower_lock``), workers leave
the log to it. If it stops or crashes, the lock goes with the process and
workers apply the log after their responses again, as they do when no
follower was started (``flask run``, tests). Nothing is lost either way:
rows stay in the log until an index applies them.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from portal.search.indexer import apply_pending, follower_lock, root

log = logging.getLogger(__name__)


def follow(stop: threading.Event, *, interval: float, base: Path | None = None,
           nice: int = 0, after_round: Callable[[int], None] | None = None) -> int:
    """Apply the log every ``interval`` seconds until ``stop`` is set, then
    once more; the number of rows applied. ``after_round`` is told how many
    rows each round applied. Needs an app context. Raises ``indexer.Busy``
    if another follower keeps the same index."""
    base = base or root()
    applied = 0
    with follower_lock(base):
        if nice:
            os.nice(nice)
        log.info("following the search log into %s every %.2f s", base, interval)
        while True:
            stopping = stop.is_set()
            done = 0
            try:
                done = apply_pending(base=base, wait=True)
            except Exception:
                # The database or the disk may come back; the rows wait in the log.
                log.exception("search log not applied; trying again in %.2f s", interval)
            applied += done
            if after_round is not None:
                after_round(done)
            if stopping:
                return applied
            stop.wait(interval)

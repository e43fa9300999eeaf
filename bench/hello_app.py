"""The real portal for gunicorn, plus one bare route as the in-run baseline.

    gunicorn -c bench/hello_app.py --workers 4 bench.hello_app:app

As a WSGI module (``bench.hello_app:app``) this builds the app with
``create_app()`` from the environment, exactly as ``wsgi.py`` does, and adds
``GET /bench/hello``: "ok", no database, no template. It runs through the
same workers, WSGI stack and request hooks (CSRF guard, security headers,
notification delivery) as every other route, so a route's time over hello's
is what the portal itself costs, whatever the machine and its other load.

``bench/submission.py`` sets the environment: PORTAL_ENV=production and
every production default, except RATELIMIT_ENABLED=0 (the public write
limit, 5 a minute per address, would refuse all but the first submissions
of a load test coming from one address) and SESSION_COOKIE_SECURE=0 (plain
HTTP on loopback). As in production the master starts the search
follower (``portal.serving``): it applies the search log to the index a few
times a second, at a lower priority than the workers.

As a gunicorn config file (``-c``) it adds hooks that profile the workers,
from their 20th request to their exit, when BENCH_PROFILE names an output
file: the first with pyinstrument (wall time, a call tree: where a request
waits), the others with cProfile on CPU time (``.cpu-<n>.pstats``: where
the cycles go). gunicorn reads a config file under the module name
``__config__``; then the app is not built (the master does not need it).
"""

from __future__ import annotations

import cProfile
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELLO_PATH = "/bench/hello"
# gunicorn numbers workers by age from 1: the first is sampled, the others traced.
_WALL_WORKER = 1
# Requests a worker serves before it is profiled: the first ones import
# modules and configure mappers once, which a long-running worker never repeats.
_PROFILE_AFTER = 20


def _hello():
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}


def build():
    sys.path.insert(0, str(ROOT))
    from portal import create_app

    application = create_app()
    application.add_url_rule(HELLO_PATH, "bench_hello", _hello)
    return application


# --- gunicorn hooks (used when this file is the config) ----------------------

_profilers: dict = {}


def _start_profiler(age: int):
    if age == _WALL_WORKER:
        from pyinstrument import Profiler

        # 1 ms samples of wall time: waits (locks, the database, the CPU
        # itself on a busy machine) count; idle shows as gunicorn waiting.
        profiler = Profiler(interval=0.001)
        profiler.start()
        return profiler
    # Own CPU time only, every call: where the cycles go, waits left out.
    # Every other worker, since the one applying the search log after a
    # response makes the others skip it: one worker alone would miss it.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    return profiler


def when_ready(server):
    # The search follower beside the workers, as ``make serve`` runs it.
    sys.path.insert(0, str(ROOT))
    from portal import serving

    serving.when_ready(server)


def on_exit(server):
    from portal import serving

    serving.on_exit(server)


def pre_request(worker, req):
    if (not _profilers and os.environ.get("BENCH_PROFILE")
            and worker.nr >= _PROFILE_AFTER):
        _profilers[worker.age] = _start_profiler(worker.age)


def worker_exit(server, worker):
    profiler = _profilers.get(worker.age)
    if profiler is None:
        return
    target = Path(os.environ["BENCH_PROFILE"])
    if isinstance(profiler, cProfile.Profile):
        profiler.disable()
        profiler.dump_stats(target.with_suffix(f".cpu-{worker.age}.pstats"))
        return
    profiler.stop()
    target.write_text(profiler.output_text(show_all=False, color=False, unicode=True))
    target.with_suffix(".flat.txt").write_text(
        profiler.output_text(show_all=False, color=False, unicode=True, flat=True))
    target.with_suffix(".html").write_text(profiler.output_html())


if __name__ != "__config__":
    app = build()

"""The pages people wait on, timed at the HTTP endpoint over a corpus made by
``bench/generate.py``: an official's list and a petition's detail, the
public tracking page, the inspector's dashboard for the biggest province
and for the whole country, and the overdue register.

    .venv/bin/python bench/http_pages.py --reuse /tmp/portal-bench-100000-… --runs 50

gunicorn (2 workers, production settings) serves the folder's database;
requests go one after another from this machine with a signed-in session
(the real login form: the bench gives the chosen accounts a password).
Baseline: ``GET /healthz`` through the same server in the same run. The
official is the one holding the most open petitions; the detail pages are
their petitions, one different petition per request; tracking codes are
drawn from the whole corpus.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench import generate, report  # noqa: E402
from bench.server import Server  # noqa: E402
from portal.extensions import db  # noqa: E402

PASSWORD = "bench-mat-khau-2026"  # noqa: S105 - accounts of a throwaway benchmark database
_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@dataclass
class Figure:
    name: str
    target: str  # a report.PAGE_BUDGETS_MS key, or "" when the issue names no budget
    p50: float
    p95: float

    def verdict(self) -> str:
        if not self.target:
            return ""
        budget = report.PAGE_BUDGETS_MS[self.target]
        return f"< {budget:,.0f} ms: " + ("**met**" if self.p95 < budget else "**missed**")


class Browser:
    """One signed-in person: keeps the session cookie between requests."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for cookie in response.msg.get_all("Set-Cookie") or []:
                name, _, value = cookie.split(";", 1)[0].partition("=")
                self.cookies[name] = value
            return response.status, response.read().decode()
        finally:
            connection.close()

    def log_in(self, email: str) -> None:
        status, page = self.request("GET", "/account/login")
        token = _CSRF.search(page)
        if status != 200 or not token:
            raise RuntimeError(f"login form: HTTP {status}")
        status, _ = self.request("POST", "/account/login", {
            "csrf_token": token.group(1), "identifier": email, "password": PASSWORD})
        if status != 302:
            raise RuntimeError(f"login of {email}: HTTP {status}")


def choose_people(app) -> dict:
    """The busiest official, the biggest province's inspector and a national
    one (created when missing), each given the bench password."""
    from portal.accounts.models import Role, RoleGrant, User
    from portal.accounts.services import hash_password
    from portal.inspection.models import PetitionFacts
    from portal.petitions.models import Petition
    from portal.petitions.states import OPEN_STATUSES

    with app.app_context():
        official, held = db.session.execute(
            sa.select(Petition.assignee_id, sa.func.count()).where(
                Petition.status.in_(OPEN_STATUSES), Petition.assignee_id.is_not(None))
            .group_by(Petition.assignee_id).order_by(sa.func.count().desc()).limit(1)).one()
        province = db.session.execute(
            sa.select(PetitionFacts.province_id, sa.func.count())
            .group_by(PetitionFacts.province_id).order_by(sa.func.count().desc()).limit(1)).one()
        people = {"official": db.session.get(User, official)}
        for name, unit_id in (("province inspector", province[0]), ("national inspector", None)):
            email = f"thanhtra{unit_id or 'tw'}@bench.example.com"
            user = db.session.scalar(sa.select(User).where(User.email == email))
            if user is None:
                user = User(email=email, password_hash=hash_password(PASSWORD), full_name="Thanh tra")
                user.grants.append(RoleGrant(role=Role.INSPECTOR, unit_id=unit_id))
                db.session.add(user)
            people[name] = user
        for user in people.values():
            user.password_hash = hash_password(PASSWORD)
        db.session.commit()
        details = list(db.session.scalars(
            sa.select(Petition.id).where(Petition.assignee_id == official).limit(500)))
        codes = list(db.session.scalars(sa.select(Petition.tracking_code).where(
            Petition.id.in_(random.Random(7).sample(range(1, _max_id() + 1), 500)))))
        found = {"emails": {name: user.email for name, user in people.items()},
                 "held": held, "province_petitions": province[1], "details": details,
                 "codes": codes}
        db.session.remove()
    return found


def _max_id() -> int:
    from portal.petitions.models import Petition

    return db.session.scalar(sa.select(sa.func.max(Petition.id)))


def timed(browser: Browser, paths: list[str]) -> tuple[float, float]:
    """p50 and p95 in ms, after one unmeasured warm-up request."""
    browser.request("GET", paths[0])
    samples = []
    for path in paths:
        started = time.perf_counter()
        status, _ = browser.request("GET", path)
        samples.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"{path}: HTTP {status}")
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def measure(folder: Path, runs: int, workers: int) -> tuple[list[Figure], dict]:
    summary = generate.read_summary(folder)
    app = generate.make_app(summary["database_url"], folder)
    chosen = choose_people(app)
    server = Server(summary["database_url"], folder, workers)
    figures = []
    try:
        anonymous = Browser(server.port)
        figures.append(Figure("baseline GET /healthz", "", *timed(anonymous, ["/healthz"] * runs)))
        codes = chosen["codes"][:runs]
        figures.append(Figure("GET /track/<code> (public tracking)", "tracking",
                              *timed(anonymous, [f"/track/{c}" for c in codes])))
        official = Browser(server.port)
        official.log_in(chosen["emails"]["official"])
        figures.append(Figure(f"GET /staff/petitions (official's list, {chosen['held']:,} open "
                              "petitions held)", "list",
                              *timed(official, ["/staff/petitions"] * runs)))
        figures.append(Figure("GET /staff/petitions?sort=deadline&deadline=overdue", "list",
                              *timed(official, ["/staff/petitions?sort=deadline&deadline=overdue"]
                                     * runs)))
        details = (chosen["details"] * runs)[:runs]
        figures.append(Figure("GET /staff/petitions/<id> (detail)", "detail",
                              *timed(official, [f"/staff/petitions/{i}" for i in details])))
        inspector = Browser(server.port)
        inspector.log_in(chosen["emails"]["province inspector"])
        few = max(3, runs // 5)  # a dashboard takes up to seconds: fewer runs
        figures.append(Figure(f"GET /staff/inspection/ (biggest province, "
                              f"{chosen['province_petitions']:,} petitions)", "province dashboard",
                              *timed(inspector, ["/staff/inspection/"] * few)))
        figures.append(Figure("GET /staff/inspection/overdue (biggest province)",
                              "overdue register",
                              *timed(inspector, ["/staff/inspection/overdue"] * few)))
        national = Browser(server.port)
        national.log_in(chosen["emails"]["national inspector"])
        figures.append(Figure("GET /staff/inspection/ (national)", "",
                              *timed(national, ["/staff/inspection/"] * few)))
        figures.append(Figure("GET /staff/inspection/overdue (national)", "",
                              *timed(national, ["/staff/inspection/overdue"] * few)))
        memory = server.worker_memory_mb()
    finally:
        server.stop()
    return figures, {"workers": workers, "memory": memory, "runs": runs}


def table(figures: list[Figure]) -> str:
    base = figures[0].p95
    lines = ["| page | p50 ms | p95 ms | p95 / healthz p95 | target (p95) |",
             "|---|---|---|---|---|"]
    for f in figures:
        lines.append(f"| {f.name} | {f.p50:,.1f} | {f.p95:,.1f} | {f.p95 / base:,.0f}× "
                     f"| {f.verdict()} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", type=Path, required=True, metavar="FOLDER",
                        help="a folder made by bench/generate.py")
    parser.add_argument("--runs", type=int, default=50, help="requests per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    figures, extra = measure(args.reuse.resolve(), args.runs, args.workers)
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps({"figures": [f.__dict__ for f in figures], **extra}))


if __name__ == "__main__":
    main()

"""Quick page timings on a seeded SQLite database, in-process.

    .venv/bin/python bench/pages.py --petitions 5000 --runs 200

Seeds a temporary database through the real services (units, rules, demo
accounts, N petitions spread over the communes of Hà Nội, a third of them
acknowledged and assigned), then times each page with Flask's test client and
reports p50/p95 next to a baseline measured in the same run: the /healthz
endpoint (one trivial query). Ratios, not absolute times, are the figures to
compare between machines. This is the quick check of the foundation; the
province-scale suite with gunicorn and PostgreSQL lives in the performance
issue's benchmarks.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal import create_app  # noqa: E402
from portal.extensions import db  # noqa: E402

TITLES = ["Đèn đường hỏng", "Rác thải tập kết sai giờ", "Giải phóng mặt bằng chậm bồi thường",
          "Nước sinh hoạt đục", "Vỉa hè bị lấn chiếm", "Ổ gà trên đường", "Chậm chi trả trợ cấp"]


def seed(count: int) -> dict:
    import sqlalchemy as sa

    from portal.demo import _load_personas, run_setup
    from portal.handling.services import assign_petition
    from portal.petitions.models import Category, PetitionKind
    from portal.petitions.services import PetitionDraft, accept_petition, submit_petition
    from portal.units.models import Unit

    run_setup()
    users = _load_personas()
    official = users["canbo.hoankiem@example.com"]
    leader = users["lanhdao.hoankiem@example.com"]
    office = next(g.office for g in official.grants if g.office)
    hoan_kiem = db.session.scalar(sa.select(Unit).where(Unit.code == "00070"))
    communes = db.session.scalars(sa.select(Unit).where(Unit.parent_id == hoan_kiem.parent_id)).all()
    categories = db.session.scalars(sa.select(Category)).all()
    rng = random.Random(7)
    codes, ids = [], []
    for n in range(count):
        unit = hoan_kiem if n % 3 == 0 else rng.choice(communes)
        petition = submit_petition(PetitionDraft(
            title=f"{rng.choice(TITLES)} số {n}",
            body="Nội dung phản ánh dùng để đo thời gian tải trang, đủ dài để giống thật. " * 3,
            kind=PetitionKind.FEEDBACK, category=rng.choice(categories), unit=unit,
            contact_name="Người dân", contact_phone="0912345678"), actor=None)
        if unit is hoan_kiem and n % 2 == 0:
            accept_petition(petition, actor=official)
            assign_petition(petition, office=office, assignee=official, actor=leader)
        if n % 500 == 0:
            db.session.commit()
        codes.append(petition.tracking_code)
        ids.append(petition.id)
    session = _dialogue_session(leader, hoan_kiem)
    db.session.commit()
    hoan_kiem_ids = [i for i, n in zip(ids, range(count), strict=True) if n % 3 == 0]
    return {"codes": codes, "ids": hoan_kiem_ids, "official": official.id, "leader": leader.id,
            "admin": users["quantri@example.com"].id,
            "inspector": users["thanhtra.hanoi@example.com"].id, "session": session.id}


def _dialogue_session(leader, commune):
    """An announced session of Hoàn Kiếm ten days ahead, with one agenda item."""
    from datetime import timedelta

    from portal import clock
    from portal.dialogues import planning, services
    from portal.dialogues.models import SessionFormat

    starts = clock.now() + timedelta(days=10)
    session = planning.plan_session(commune, planning.SessionDetails(
        title="Hội nghị đối thoại đo thời gian", theme="", starts_at=starts, ends_at=None,
        venue="Hội trường", format=SessionFormat.IN_PERSON, online_link=None,
        expected_participants=100, chair=leader, chair_title="", co_chairs=""), actor=leader)
    planning.add_agenda_item(session, title="Báo cáo", starts=None, ends=None, presenter="",
                             actor=leader)
    services.announce_session(session, actor=leader)
    return session


def timed(call, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = call()
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code < 400, response.status_code
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petitions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="portal-bench-")
    os.environ.setdefault("PORTAL_ENV", "test")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
                      "OUTBOX_DIR": f"{folder}/outbox", "RATELIMIT_ENABLED": False}, env="test")
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        data = seed(args.petitions)
        print(f"seeded {args.petitions} petitions in {time.perf_counter() - started:.1f} s")
    client = app.test_client()
    rng = random.Random(11)
    with client.session_transaction() as session:
        session["_user_id"] = str(data["official"])
    cases = {
        "baseline GET /healthz": lambda: client.get("/healthz"),
        "GET /track/<code>": lambda: client.get(f"/track/{rng.choice(data['codes'])}"),
        "GET /staff/petitions (official's list)": lambda: client.get("/staff/petitions"),
        "GET /staff/petitions?deadline=on_track&sort=deadline":
            lambda: client.get("/staff/petitions?deadline=on_track&sort=deadline"),
        "GET /staff/petitions/<id> (detail)":
            lambda: client.get(f"/staff/petitions/{rng.choice(data['ids'])}"),
        "GET /staff/queue": lambda: client.get("/staff/queue"),
        "GET /petitions/new (form)": lambda: client.get("/petitions/new"),
    }
    leader, admin, inspector = app.test_client(), app.test_client(), app.test_client()
    for who, user_id in ((leader, data["leader"]), (admin, data["admin"]),
                         (inspector, data["inspector"])):
        with who.session_transaction() as session:
            session["_user_id"] = str(user_id)
    sid = data["session"]
    cases.update({
        "GET /dialogues/<id> (public notice)": lambda: client.get(f"/dialogues/{sid}"),
        "GET /staff/dialogues/<id>/briefing (leader)":
            lambda: leader.get(f"/staff/dialogues/{sid}/briefing"),
        "GET /dialogues/calendar": lambda: client.get("/dialogues/calendar"),
        "GET /staff/dialogues/compliance (Hà Nội, 126 communes)":
            lambda: inspector.get("/staff/dialogues/compliance"),
        "GET /staff/dialogues/compliance (national, 3,321 communes)":
            lambda: admin.get("/staff/dialogues/compliance"),
    })
    results = {name: timed(call, args.runs) for name, call in cases.items()}
    base = results["baseline GET /healthz"][1]
    print(f"\n{args.petitions} petitions, {args.runs} requests each, SQLite, in-process\n")
    print("| page | p50 ms | p95 ms | p95 / baseline p95 |\n|---|---|---|---|")
    for name, (p50, p95) in results.items():
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {p95 / base:.1f}× |")


if __name__ == "__main__":
    main()

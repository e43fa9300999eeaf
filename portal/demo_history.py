"""Demo history: records of the two demo wards for the last two quarters,
loaded through the import of old records (docs/import.md), so the
inspection figures of "last quarter" have something to show on a fresh
demo. Deterministic: the same records every time, keyed DEMO-0001…"""

from __future__ import annotations

import csv
import random
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from portal import clock
from portal.inspection.import_reading import COLUMNS
from portal.inspection.import_writing import WRITE_BATCH, Writer
from portal.inspection.importer import plan_import

RECORDS = 400
WARDS = (  # commune code, office, responsible official
    ("00070", "UBND phường Hoàn Kiếm", "canbo.hoankiem@example.com"),
    ("00004", "UBND phường Ba Đình", "canbo.badinh@example.com"),
)
TOPICS = (
    ("chieu-sang", "Đèn đường hỏng", "Đèn chiếu sáng trên tuyến phố hỏng nhiều ngày."),
    ("moi-truong", "Rác thải chưa được thu gom", "Điểm tập kết rác để qua đêm, bốc mùi."),
    ("giao-thong", "Vỉa hè bị lấn chiếm", "Hàng quán bày bán chiếm hết vỉa hè, người đi bộ phải "
     "xuống lòng đường."),
    ("xay-dung", "Công trình xây dựng gây ồn", "Công trình thi công sau 22 giờ gây ồn."),
)
ANSWER = "Phường đã kiểm tra thực tế, xử lý và thông báo kết quả cho người gửi."


def _working_moment(day: date, hour: int) -> datetime:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=clock.VIETNAM)


def _row(n: int, rng: random.Random, today: date) -> dict[str, str]:
    code, office, person = WARDS[n % len(WARDS)]
    category, title, body = TOPICS[rng.randrange(len(TOPICS))]
    received = _working_moment(today - timedelta(days=rng.randint(20, 200)), rng.randint(8, 16))
    row = {"external_id": f"DEMO-{n:04d}", "kind": "feedback", "title": f"{title} ({n})",
           "body": body, "category": category, "commune_code": code,
           "channel": rng.choice(("reception", "phone", "mail")),
           "submitted_at": received.isoformat(), "status": "received"}
    if rng.random() < 0.04:
        return row  # still waiting to be acknowledged
    acknowledged = _working_moment(received.date() + timedelta(days=rng.randint(1, 4)), 9)
    row["acknowledged_at"] = acknowledged.isoformat()
    if rng.random() < 0.05:
        return {**row, "status": "rejected"}
    row.update(status="in_progress", office=office, responsible_person=person)
    # Most answers inside the 15 working days, a tail well beyond.
    days = int(rng.triangular(3, 45, 14)) if n % 7 else rng.randint(25, 60)
    responded = _working_moment(acknowledged.date() + timedelta(days=days), 15)
    if responded.date() >= today:
        return row
    row.update(status="answered", responded_at=responded.isoformat(), response_text=ANSWER)
    closed = responded + timedelta(days=16)
    if closed.date() < today:
        row.update(status="closed", closed_at=closed.isoformat())
    return row


def load_demo_history() -> int:
    """Import the demo records not yet present; returns how many."""
    today = clock.today_in_vietnam()
    rng = random.Random(2026)
    rows = [_row(n, rng, today) for n in range(1, RECORDS + 1)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo-history.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, restval="")
            writer.writeheader()
            writer.writerows(rows)
        plan = plan_import(path)
    if plan.errors:
        raise RuntimeError("demo history does not import: " + "; ".join(plan.errors[:3]))
    writer = Writer()
    for start in range(0, len(plan.records), WRITE_BATCH):
        writer.write(plan.records[start:start + WRITE_BATCH])
    return len(plan.records)

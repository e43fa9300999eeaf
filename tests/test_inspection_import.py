"""``flask --app wsgi petitions import FILE.csv``: records kept in spreadsheets
before the portal become petitions whose history counts in every figure.

Feedback in commune A (Phường Hoàn Kiếm): 10 working days to acknowledge,
15 working days to answer; March 2026 has no public holiday.

    HS-001  received Mon 02/03 09:00, acknowledged 02/03, answered Fri 20/03;
            due Mon 23/03 by the rule: on time
    HS-002  received 02/03, acknowledged Tue 03/03, recorded due 10/03,
            answered Mon 16/03 (the rule would have said 24/03), closed 20/03: late
    HS-003  received 02/03, acknowledged 02/03, still being handled; due 23/03
            by the rule, so 8 days overdue on 31/03
    HS-004  a complaint ("Khiếu nại") received Thu 05/03, declined Fri 06/03
"""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal.answers.models import Response, ResponseStatus
from portal.extensions import db
from portal.handling.models import Assignment, CustodyEnd
from portal.inspection import metrics
from portal.inspection.frames import TOTAL, Frame, Rows
from portal.inspection.import_reading import COLUMNS, parse_moment
from portal.inspection.models import PetitionFacts
from portal.permissions import staff_scope
from portal.petitions import tracking
from portal.petitions.models import (
    Channel,
    EventType,
    Petition,
    PetitionEvent,
    PetitionKind,
    PetitionStatus,
)

Q1 = (date(2026, 1, 1), date(2026, 3, 31))
HOLDER = {"office": "UBND phường Hoàn Kiếm", "responsible_person": "minh@example.com"}


def invoke(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def utc(day: int, hour: int, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def row(external_id: str, **values) -> dict:
    base = {"external_id": external_id, "kind": "feedback", "title": "Đèn đường hỏng trước ngõ 5",
            "body": "Đèn chiếu sáng trước ngõ 5 hỏng đã hai tuần.", "category": "chieu-sang",
            "commune_code": "00070", "submitted_at": "2026-03-02 09:00", "status": "received"}
    return {**base, **values}


def write_csv(tmp_path, rows: list[dict], name: str = "records.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


MARCH = [
    row("HS-001", acknowledged_at="2026-03-02 10:00", responded_at="2026-03-20",
        status="answered", response_text="Phường đã thay bóng đèn ngày 19/03.", **HOLDER),
    row("HS-002", acknowledged_at="2026-03-03 08:30", due_at="2026-03-10",
        responded_at="2026-03-16 15:00", closed_at="2026-03-20 10:00", status="closed",
        channel="reception", office="UBND phường Hoàn Kiếm", responsible_person="trần văn minh",
        response_text="Đã nạo vét cống thoát nước."),
    row("HS-003", acknowledged_at="2026-03-02 10:00", status="in_progress", channel="phone",
        **HOLDER),
    row("HS-004", kind="Khiếu nại", submitted_at="2026-03-05T10:00:00+07:00",
        acknowledged_at="2026-03-06 09:00", status="rejected"),
]


@pytest.fixture
def april(clock):
    clock.set(datetime(2026, 4, 1, 3, tzinfo=UTC))


def petition(external_id: str) -> Petition:
    return db.session.scalar(sa.select(Petition).where(Petition.external_id == external_id))


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def history(record: Petition) -> list[tuple]:
    return [(e.type, e.occurred_at, e.to_status) for e in record.events]


def test_records_import_with_their_history(app, world, april, tmp_path):
    result = invoke(app, "petitions", "import", str(write_csv(tmp_path, MARCH)))

    assert result.exit_code == 0, result.output
    assert "Đã nhập 4 hồ sơ; bỏ qua 0 hồ sơ đã có." in result.output
    late = petition("HS-002")
    assert tracking.normalise(late.tracking_code) == late.tracking_code
    assert late.tracking_code.startswith("KN-26-")
    assert (late.status, late.channel, late.unit, late.category) == (
        PetitionStatus.CLOSED, Channel.RECEPTION, world.commune_a, world.category)
    assert (late.contact_name, late.contact_email, late.is_public) == (None, None, False)
    assert history(late) == [
        (EventType.SUBMITTED, utc(2, 2), PetitionStatus.RECEIVED),
        (EventType.ACCEPTED, datetime(2026, 3, 3, 1, 30, tzinfo=UTC), PetitionStatus.ACCEPTED),
        (EventType.ASSIGNED, datetime(2026, 3, 3, 1, 30, tzinfo=UTC), PetitionStatus.IN_PROGRESS),
        (EventType.ANSWER_PUBLISHED, utc(16, 8), PetitionStatus.ANSWERED),
        (EventType.CLOSED, utc(20, 3), PetitionStatus.CLOSED),
    ]
    assert late.events[0].data == {"channel": "reception", "imported": True}
    assert late.events[2].data["assignee_id"] == world.official.id
    assert late.due_on == date(2026, 3, 10), "the recorded deadline, not the rule's 24/03"
    [answer] = db.session.scalars(sa.select(Response).where(Response.petition_id == late.id))
    assert (answer.status, answer.published_at, answer.body, answer.author_id) == (
        ResponseStatus.PUBLISHED, utc(16, 8), "Đã nạo vét cống thoát nước.", world.official.id)
    assert late.events[3].data == {"response_id": answer.id}
    [custody] = db.session.scalars(sa.select(Assignment).where(Assignment.petition_id == late.id))
    assert (custody.office, custody.assignee, custody.ended_at, custody.end_reason) == (
        world.office_a, world.official, utc(16, 8), CustodyEnd.ANSWERED)

    on_time = petition("HS-001")
    assert (on_time.channel, on_time.due_on, on_time.answered_at) == (
        Channel.MAIL, date(2026, 3, 23), utc(20, 1))
    still_open = petition("HS-003")
    assert (still_open.status, still_open.office, still_open.assignee) == (
        PetitionStatus.IN_PROGRESS, world.office_a, world.official)
    declined = petition("HS-004")
    assert (declined.kind, declined.status, declined.closed_at) == (
        PetitionKind.COMPLAINT, PetitionStatus.REJECTED, utc(6, 2))
    assert [e.type for e in declined.events] == [EventType.SUBMITTED, EventType.REJECTED]


def test_imported_records_count_in_the_figures(app, world, april, tmp_path):
    invoke(app, "petitions", "import", str(write_csv(tmp_path, MARCH)))

    data = Rows.load(Frame(scope=staff_scope(world.inspector), start=Q1[0], end=Q1[1],
                           as_of=date(2026, 3, 31)))
    assert metrics.received(data)[TOTAL] == 4
    assert metrics.answered(data)[TOTAL] == 2
    on_time = metrics.answered_on_time(data)[TOTAL]
    assert (on_time.hits, on_time.total) == (1, 2), "HS-002 answered after its recorded 10/03"
    ack = metrics.acknowledged_on_time(data)[TOTAL]
    assert (ack.hits, ack.total) == (4, 4)
    still_open = metrics.open_petitions(data)[TOTAL]
    assert (still_open.overdue, still_open.in_time) == (1, 0)
    assert still_open.oldest_overdue_days == 8, "HS-003 was due on 23/03"
    # Working days from acknowledgement: 02/03 → 20/03 is 14, 03/03 → 16/03 is 9.
    assert metrics.days_to_answer(data)[TOTAL].median == 9
    # As of 12/03, HS-002 was open and past its recorded deadline of 10/03.
    earlier = Rows.load(Frame(scope=staff_scope(world.inspector), start=Q1[0], end=Q1[1],
                              as_of=date(2026, 3, 12)))
    assert metrics.open_petitions(earlier)[TOTAL].overdue == 1
    assert metrics.answered(earlier)[TOTAL] == 0


def test_a_recorded_deadline_survives_handling_in_the_portal(app, world, april, tmp_path):
    from portal.handling import services as handling

    invoke(app, "petitions", "import", str(write_csv(tmp_path, [
        row("HS-010", acknowledged_at="2026-03-02 10:00", due_at="2026-04-30",
            status="in_progress", **HOLDER)])))
    record = petition("HS-010")
    assert record.due_on == date(2026, 4, 30)
    handling.assign_petition(record, office=world.office_a, assignee=world.leader,
                             actor=world.leader, note="Lãnh đạo trực tiếp xử lý")
    db.session.commit()
    assert record.due_on == date(2026, 4, 30), "not the rule's 23/03"
    assert record.deadline_basis["answer"]["variant"] == "recorded"


def test_importing_the_same_file_again_adds_nothing(app, world, april, tmp_path):
    path = write_csv(tmp_path, MARCH)
    invoke(app, "petitions", "import", str(path))
    before = (count(Petition), count(PetitionEvent), count(Response), count(Assignment))

    again = invoke(app, "petitions", "import", str(path))

    assert again.exit_code == 0, again.output
    assert "Đã nhập 0 hồ sơ; bỏ qua 4 hồ sơ đã có." in again.output
    assert (count(Petition), count(PetitionEvent), count(Response), count(Assignment)) == before


def test_a_file_with_bad_rows_is_refused_whole(app, world, april, tmp_path):
    rows = [MARCH[0],
            row("HS-010", commune_code="99999"),
            row("HS-011", acknowledged_at="2026-03-02 10:00", responded_at="2026-03-20",
                status="answered", **HOLDER)]

    result = invoke(app, "petitions", "import", str(write_csv(tmp_path, rows)))

    assert result.exit_code == 1
    assert "Dòng 3: mã xã '99999' không có." in result.output
    assert "Dòng 4: có responded_at thì cần response_text." in result.output
    assert "Không nhập hồ sơ nào: tệp có 2 lỗi." in result.output
    assert count(Petition) == 0 and count(PetitionEvent) == 0


def test_every_problem_is_reported_with_its_line(app, world, april, tmp_path):
    rows = [
        row("HS-1", status="answered", responded_at="2026-03-20", response_text="Đã xử lý.",
            **HOLDER),
        row("HS-1"),
        row("HS-2", acknowledged_at="2026-03-01", status="accepted"),
        row("HS-3", submitted_at="02/03/2026", kind="góp ý", channel="fax"),
        row("HS-4", commune_code="01", category="giao-thong"),
        row("HS-5", acknowledged_at="2026-03-02 10:00", status="in_progress",
            office="UBND phường Hoàn Kiếm", responsible_person="hoa@example.com"),
        row("HS-6", acknowledged_at="2026-03-02 10:00", status="in_progress",
            commune_code="22660", **HOLDER),
        row("HS-7", submitted_at="2026-05-02"),
        row("HS-8", acknowledged_at="2026-03-02 10:00", status="accepted", **HOLDER),
    ]

    result = invoke(app, "petitions", "import", str(write_csv(tmp_path, rows)))

    assert result.exit_code == 1
    for message in (
        "Dòng 2: trạng thái answered cần acknowledged_at.",
        "Dòng 3: external_id 'HS-1' trùng với dòng 2.",
        "Dòng 4: acknowledged_at phải bằng hoặc sau submitted_at.",
        "Dòng 5: submitted_at '02/03/2026' không phải ngày giờ ISO 8601",
        "Dòng 5: loại 'góp ý' không có",
        "Dòng 5: channel 'fax' không có (web, session, reception, phone, mail, api).",
        "Dòng 6: lĩnh vực 'giao-thong' không có.",
        "Dòng 6: mã '01' là của Thành phố Hà Nội; cần mã xã, phường hoặc đặc khu.",
        "Dòng 7: 'hoa@example.com' không phải cán bộ của UBND phường Hoàn Kiếm.",
        "Dòng 8: cơ quan 'UBND phường Hoàn Kiếm' không có ở Tỉnh Khánh Hoà.",
        "Dòng 9: submitted_at '2026-05-02' là thời điểm chưa đến.",
        "Dòng 10: trạng thái accepted thì office, responsible_person phải để trống.",
    ):
        assert message in result.output
    assert count(Petition) == 0


def test_a_header_without_the_columns_is_refused(app, world, april, tmp_path):
    path = tmp_path / "records.csv"
    path.write_text("external_id,kind,title,submited_at\nHS-1,feedback,Đèn hỏng,2026-03-02\n",
                    encoding="utf-8")

    result = invoke(app, "petitions", "import", str(path))

    assert result.exit_code == 1
    assert "Dòng 1: thiếu cột body, category, commune_code" in result.output
    assert "Dòng 1: cột không biết submited_at." in result.output


def test_a_dry_run_writes_nothing(app, world, april, tmp_path):
    path = write_csv(tmp_path, MARCH)

    result = invoke(app, "petitions", "import", "--dry-run", str(path))

    assert result.exit_code == 0, result.output
    assert "Chạy thử: tệp hợp lệ; sẽ nhập 4 hồ sơ, bỏ qua 0 hồ sơ đã có." in result.output
    assert [count(m) for m in (Petition, PetitionEvent, Response, Assignment, PetitionFacts)] == [
        0, 0, 0, 0, 0]
    # The real run afterwards is not disturbed by the rehearsal.
    assert invoke(app, "petitions", "import", str(path)).exit_code == 0
    assert count(Petition) == 4


def test_times_without_an_offset_are_vietnam_time(app, world, april, tmp_path):
    rows = [row("T-1", submitted_at="2026-03-02 09:00"),
            row("T-2", submitted_at="2026-03-02T09:00:00+00:00"),
            row("T-3", submitted_at="2026-03-02"),
            row("T-4", submitted_at="2026-03-02T09:00Z")]
    # Spreadsheets save "CSV UTF-8" with a byte-order mark.
    path = write_csv(tmp_path, rows, encoding="utf-8-sig")

    result = invoke(app, "petitions", "import", str(path))

    assert result.exit_code == 0, result.output
    assert petition("T-1").submitted_at == utc(2, 2)
    assert petition("T-2").submitted_at == utc(2, 9)
    assert petition("T-3").submitted_at == utc(2, 1), "a bare date is 08:00 that day"
    assert petition("T-4").submitted_at == utc(2, 9)
    assert parse_moment("2 March 2026") is None


def _generated(n: int) -> list[dict]:
    """Records of every status, received from January to March 2026."""
    statuses = ("received", "accepted", "in_progress", "answered", "closed", "rejected")
    rows = []
    for i in range(n):
        status = statuses[i % len(statuses)]
        submitted = datetime(2026, 1, 5, 8) + timedelta(days=i % 80, minutes=i)
        acknowledged = submitted + timedelta(days=1 + i % 4)
        responded = acknowledged + timedelta(days=3 + i % 25)
        values = {"kind": ("feedback", "kiến nghị", "complaint", "Tố cáo")[i % 4],
                  "commune_code": ("00070", "00004")[i % 2],
                  "submitted_at": submitted.isoformat(sep=" ", timespec="minutes"),
                  "status": status}
        if status != "received":
            values["acknowledged_at"] = acknowledged.isoformat(sep=" ", timespec="minutes")
        if status in ("in_progress", "answered", "closed"):
            values.update(HOLDER)
        if status in ("answered", "closed"):
            values["responded_at"] = responded.isoformat(sep=" ", timespec="minutes")
            values["response_text"] = f"Trả lời hồ sơ số {i}."
        if status == "closed":
            values["closed_at"] = (responded + timedelta(days=10)).date().isoformat()
        if status in ("in_progress", "answered") and i % 3 == 0:
            values["due_at"] = (acknowledged + timedelta(days=12)).date().isoformat()
        rows.append(row(f"GEN-{i:04d}", **values))
    return rows


def test_a_thousand_records_import_at_once_and_match_their_history(app, world, clock, tmp_path):
    clock.set(datetime(2026, 5, 15, 3, tzinfo=UTC))
    path = write_csv(tmp_path, _generated(1000))

    result = invoke(app, "petitions", "import", str(path))

    assert result.exit_code == 0, result.output
    assert "Đã nhập 1000 hồ sơ; bỏ qua 0 hồ sơ đã có." in result.output
    assert count(Petition) == count(PetitionFacts) == 1000
    # Written in batches, each history still reads forwards in the order the facts use.
    lines = db.session.execute(sa.select(PetitionEvent.petition_id, PetitionEvent.occurred_at)
                               .order_by(PetitionEvent.petition_id, PetitionEvent.id)).all()
    assert all(a.occurred_at <= b.occurred_at for a, b in zip(lines, lines[1:], strict=False)
               if a.petition_id == b.petition_id)
    verified = invoke(app, "inspection", "verify")
    assert verified.exit_code == 0, verified.output
    assert "Số liệu của 1000 hồ sơ khớp với lịch sử." in verified.output
    data = Rows.load(Frame(scope=staff_scope(world.inspector), start=Q1[0], end=Q1[1],
                           as_of=date(2026, 5, 14)))
    assert metrics.received(data)[TOTAL] == 1000


def test_the_example_in_the_documentation_imports(app, world, april, tmp_path):
    text = (Path(__file__).resolve().parent.parent / "docs" / "import.md").read_text("utf-8")
    example = text.split("```csv\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.csv"
    path.write_text(example, encoding="utf-8")

    result = invoke(app, "petitions", "import", str(path))

    assert result.exit_code == 0, result.output
    assert "Đã nhập 3 hồ sơ; bỏ qua 0 hồ sơ đã có." in result.output
    assert [petition(f"HK-2026-00{n}").status for n in (1, 2, 3)] == [
        PetitionStatus.ANSWERED, PetitionStatus.CLOSED, PetitionStatus.REJECTED]

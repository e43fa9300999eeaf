"""Notifications: written with the change, e-mailed after the response (or
into the outbox folder), reminders safe to run twice."""

from datetime import date
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.notifications.models import Notification
from portal.notifications.services import deliver_pending
from tests.conftest import login, post_form
from tests.scenarios import accept, assign, at, submit


@pytest.fixture
def outbox(app, tmp_path):
    before = app.config["OUTBOX_DIR"]
    app.config["OUTBOX_DIR"] = str(tmp_path / "outbox")
    yield Path(app.config["OUTBOX_DIR"])
    app.config["OUTBOX_DIR"] = before


def mails(outbox: Path) -> list:
    if not outbox.exists():
        return []
    return [message_from_bytes(p.read_bytes()) for p in sorted(outbox.glob("*.eml"))]


def subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def test_acknowledging_mails_the_resident_after_the_response(client, world, outbox):
    petition = world.petition()
    login(client, world.official)
    response = post_form(client, f"/staff/petitions/{petition.id}/accept")
    assert response.status_code == 302
    response.close()  # the mail goes out once the response has been sent
    [message] = mails(outbox)
    assert message["To"] == "an@example.com"
    assert subject(message) == f"Phản ánh {petition.tracking_code} đã được tiếp nhận"
    body = message.get_payload(decode=True).decode("utf-8")
    assert "Hạn trả lời" in body and f"/track/{petition.tracking_code}" in body
    row = db.session.scalar(sa.select(Notification).where(Notification.kind == "accepted"))
    assert row.emailed_at is not None


def test_nothing_is_sent_when_the_change_is_rolled_back(world, outbox):
    from portal.petitions.services import accept_petition

    petition = world.petition()
    accept_petition(petition, actor=world.official)
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0
    assert deliver_pending() == (0, 0)


def test_a_failed_send_stays_pending_for_the_next_run(world, app, outbox):
    from portal.petitions.services import accept_petition

    petition = world.petition()
    accept_petition(petition, actor=world.official)
    db.session.commit()
    app.config["MAIL_SERVER"] = "127.0.0.1"
    app.config["MAIL_PORT"] = 1  # nothing listens there
    try:
        assert deliver_pending() == (0, 1)
    finally:
        app.config["MAIL_SERVER"] = ""
    row = db.session.scalar(sa.select(Notification))
    assert row.emailed_at is None and row.attempts == 1 and row.last_error
    assert deliver_pending() == (1, 0)
    assert len(mails(outbox)) == 1


def test_residents_without_an_email_get_no_mail(world, outbox):
    from portal.petitions.services import accept_petition

    petition = world.petition(contact_email=None)
    accept_petition(petition, actor=world.official)
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0


def test_officials_see_their_notifications_in_the_app(client, world, accepted):
    assign(world, accepted)
    login(client, world.official)
    home = client.get("/").get_data(as_text=True)
    assert '<span class="badge"' in home
    page = client.get("/staff/notifications").get_data(as_text=True)
    assert f"Bạn được giao xử lý phản ánh {accepted.tracking_code}" in page
    post_form(client, "/staff/notifications/read")
    assert '<span class="badge"' not in client.get("/").get_data(as_text=True)
    login(client, world.other_official)
    assert accepted.tracking_code not in client.get("/staff/notifications").get_data(as_text=True)


def test_notify_due_reminds_once_and_again_when_the_deadline_moves(app, world, clock, outbox):
    petition = submit(world, clock, date(2026, 3, 2))
    accept(world, clock, petition, date(2026, 3, 2))
    assign(world, petition)
    late = submit(world, clock, date(2026, 3, 2))  # never acknowledged
    runner = app.test_cli_runner()

    clock.set(at(date(2026, 3, 18)))  # at risk: due 23/03
    first = runner.invoke(args=["notify", "due"])
    assert first.exit_code == 0, first.output
    assert "Nhắc sắp đến hạn: 1; quá hạn: 0; quá hạn tiếp nhận: 1." in first.output
    again = runner.invoke(args=["notify", "due"])
    assert "Nhắc sắp đến hạn: 0; quá hạn: 0; quá hạn tiếp nhận: 0." in again.output

    clock.set(at(date(2026, 3, 24)))  # overdue: holder and leader are told
    overdue = runner.invoke(args=["notify", "due"])
    assert "quá hạn: 2;" in overdue.output
    kinds = db.session.scalars(sa.select(Notification.kind).where(
        Notification.petition_id == petition.id)).all()
    assert kinds.count("due_soon") == 1 and kinds.count("overdue") == 2
    assert late.ack_due_on < date(2026, 3, 24)
    assert any("quá hạn trả lời" in subject(m) for m in mails(outbox))


def test_close_unrated_command(app, world, clock, accepted):
    from portal.answers.services import submit_answer

    assign(world, accepted)
    clock.set(at(date(2026, 3, 5)))
    submit_answer(accepted, actor=world.leader, body="Đã thay bóng đèn và kiểm tra toàn tuyến.")
    db.session.commit()
    clock.set(at(date(2026, 4, 30)))
    result = app.test_cli_runner().invoke(args=["petitions", "close-unrated"])
    assert "Đã kết thúc: 1 phản ánh" in result.output
    db.session.refresh(accepted)
    assert accepted.status == "closed"


def test_one_broken_message_does_not_stop_the_others(world, outbox, monkeypatch):
    from portal.notifications import mail
    from portal.petitions.services import accept_petition

    first, second = world.petition(), world.petition(contact_email="binh@example.com")
    for petition in (first, second):
        accept_petition(petition, actor=world.official)
    db.session.commit()
    real_send = mail.send

    def picky(message):
        if message["To"] == "an@example.com":
            raise UnicodeError("bad message")
        real_send(message)

    monkeypatch.setattr(mail, "send", picky)
    assert deliver_pending() == (1, 1)
    assert [m["To"] for m in mails(outbox)] == ["binh@example.com"]
    failed = db.session.scalar(sa.select(Notification).where(Notification.email == "an@example.com"))
    assert failed.attempts == 1 and "UnicodeError" in failed.last_error


def test_a_claimed_notification_is_not_sent_twice(world, outbox):
    from portal.notifications.services import _claim, deliver
    from portal.petitions.services import accept_petition

    accept_petition(world.petition(), actor=world.official)
    db.session.commit()
    row = db.session.scalar(sa.select(Notification))
    seen_by_other_sender = row.attempts  # a second sender read the row at the same time
    assert deliver(row) is True
    assert _claim(row.id, seen_by_other_sender) is False, "the second sender cannot take it"
    assert deliver_pending() == (0, 0)
    assert len(mails(outbox)) == 1


def test_leaders_hear_about_acknowledged_petitions_nobody_was_given(app, world, clock, accepted):
    clock.set(at(date(2026, 3, 24)))
    result = app.test_cli_runner().invoke(args=["notify", "due"])
    assert result.exit_code == 0
    notes = db.session.scalars(sa.select(Notification).where(Notification.kind == "unassigned")).all()
    assert [n.user_id for n in notes] == [world.leader.id]
    assert "chưa được giao người xử lý" in notes[0].subject

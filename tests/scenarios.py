"""Steps most deadline and handling tests start from, on a pinned clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

from portal.extensions import db
from portal.handling.services import assign_petition
from portal.petitions.services import accept_petition


def at(day: date, hour: int = 9) -> datetime:
    """``hour`` o'clock in Hà Nội on ``day``, as UTC."""
    return datetime(day.year, day.month, day.day, hour - 7, 0, tzinfo=UTC)


def submit(world, clock, day: date, **overrides):
    clock.set(at(day))
    return world.petition(**overrides)


def accept(world, clock, petition, day: date):
    clock.set(at(day))
    accept_petition(petition, actor=world.official)
    db.session.commit()
    return petition


def assign(world, petition, who=None, by=None):
    assign_petition(petition, office=world.office_a, assignee=who or world.official,
                    actor=by or world.leader, note="Kiểm tra thực địa")
    db.session.commit()


def session_details(world, day: date, hour: int = 8, **overrides):
    """What a leader types to plan a session of commune A on ``day``."""
    from portal.dialogues.models import SessionFormat
    from portal.dialogues.planning import SessionDetails

    values = {
        "title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân",
        "theme": "Trật tự đô thị, chiếu sáng và vệ sinh môi trường",
        "starts_at": at(day, hour), "ends_at": at(day, hour + 3),
        "venue": "Hội trường UBND phường, 126 Hàng Trống",
        "format": SessionFormat.IN_PERSON, "online_link": None, "expected_participants": 150,
        "chair": world.leader, "chair_title": "Chủ tịch UBND phường",
        "co_chairs": "Bà Lê Thị Thu – Chủ tịch Ủy ban MTTQ phường\n"
                     "Ông Trần Văn Nam – Thường trực HĐND phường",
    }
    values.update(overrides)
    return SessionDetails(**values)


def planned(world, clock, today: date, day: date, **overrides):
    """A draft session of commune A on ``day``, planned ``today``, with one agenda item."""
    from portal.dialogues import planning

    clock.set(at(today))
    session = planning.plan_session(world.commune_a, session_details(world, day, **overrides),
                                    actor=world.leader)
    planning.add_agenda_item(session, title="Báo cáo tình hình giải quyết kiến nghị",
                             starts=None, ends=None, presenter="Chủ tịch UBND phường",
                             actor=world.leader)
    db.session.commit()
    return session


def raise_in_room(world, session, *, title: str, committed: bool = True, who=None,
                  promised: date | None = None):
    """Record a petition raised at ``session`` (the clock is on the session day)."""
    from portal.dialogues import room
    from portal.dialogues.models import ItemOutcome

    said = room.RaisedPetition(
        title=title, body=f"Ý kiến của cử tri tại hội nghị: {title}.", category=world.category,
        speaker_name="Ông Nguyễn Văn Tư, tổ dân phố 5")
    decided = room.Outcome(
        outcome=ItemOutcome.COMMITTED if committed else ItemOutcome.ANSWERED,
        office=world.office_a, official=who or world.official, promised_on=promised,
        answer=None if committed else "Phường đã bố trí kinh phí, sẽ thay đèn trong tuần tới.")
    item = room.record_raised(session, said, decided, actor=world.leader)
    db.session.commit()
    return item


ANSWER_TEXT = "Đã thay bóng đèn và kiểm tra lại toàn bộ tuyến chiếu sáng trong ngõ."


def answer(world, clock, petition, day: date):
    """The holder drafts the answer and the leader publishes it on ``day``."""
    from portal.answers import services as answers

    clock.set(at(day, 10))
    answers.submit_answer(petition, actor=petition.assignee or world.official, body=ANSWER_TEXT)
    answers.approve_answer(petition, actor=world.leader)
    db.session.commit()
    return petition

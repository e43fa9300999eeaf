"""Writing checked import records (see ``importer``) as petitions with
their histories, and the ``flask petitions import`` command.

A file is all or nothing: the rows are written in one transaction committed
at the end, and a dry run rolls it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import with_appcontext
from flask_babel import gettext as _

from portal import clock
from portal.answers.models import Response, ResponseStatus
from portal.calendar import DayUnit, DueDate, WorkCalendar
from portal.deadlines.models import DeadlineRule
from portal.deadlines.services import load_calendar, refresh_deadlines, risk_date, rule_for
from portal.extensions import db
from portal.handling.models import Assignment, CustodyEnd
from portal.inspection.importer import Record, plan_import
from portal.petitions.models import EventType, Petition, PetitionEvent, PetitionKind, PetitionStatus
from portal.petitions.services import _new_tracking_code

WRITE_BATCH = 200  # records per round of flushes


# --- Writing the records --------------------------------------------------

class _History:
    """Appends the lines a native petition would have, at the recorded times."""

    def __init__(self, petition: Petition):
        self.petition = petition
        self.status: PetitionStatus | None = None

    def add(self, event_type: EventType, at: datetime, to_status: PetitionStatus,
            data: dict | None = None) -> None:
        # Not Petition.record(): it stamps clock.now().
        self.petition.events.append(PetitionEvent(
            type=event_type, occurred_at=at, from_status=self.status, to_status=to_status,
            data=data, is_public=True, actor=None))
        self.status = to_status


def _new_petition(record: Record) -> Petition:
    return Petition(
        tracking_code=_new_tracking_code(clock.local_date(record.submitted_at).year),
        external_id=record.external_id, title=record.title, body=record.body, kind=record.kind,
        category=record.category, unit=record.unit, channel=record.channel, status=record.status,
        contact_name=None, contact_phone=None, contact_email=None, submitter=None,
        # The Law on Denunciation keeps a denouncer's identity secret, as on the web form.
        is_identity_hidden=record.kind == PetitionKind.DENUNCIATION, is_public=False,
        submitted_at=record.submitted_at, answered_at=record.responded_at,
        closed_at=record.closed_at if record.status == PetitionStatus.CLOSED else (
            record.acknowledged_at if record.status == PetitionStatus.REJECTED else None),
    )


def _intake(history: _History, record: Record) -> None:
    history.add(EventType.SUBMITTED, record.submitted_at, PetitionStatus.RECEIVED,
                {"channel": str(record.channel), "imported": True})
    if record.acknowledged_at is None:
        return
    if record.status == PetitionStatus.REJECTED:
        history.add(EventType.REJECTED, record.acknowledged_at, PetitionStatus.REJECTED)
        return
    history.add(EventType.ACCEPTED, record.acknowledged_at, PetitionStatus.ACCEPTED)
    if record.office is not None:
        history.add(EventType.ASSIGNED, record.acknowledged_at, PetitionStatus.IN_PROGRESS,
                    {"office_id": record.office.id, "office": record.office.name,
                     "assignee_id": record.person.id, "assignee": record.person.display_name})


def _custody(petition: Petition, record: Record) -> None:
    # Ended when answered, as publishing does; ended at closing too, else the
    # holder would seem to hold a closed record for ever (time held).
    ended = record.responded_at or record.closed_at
    db.session.add(Assignment(
        petition_id=petition.id, office=record.office, assignee=record.person,
        started_at=record.acknowledged_at, ended_at=ended,
        end_reason=CustodyEnd.ANSWERED if record.responded_at else None))
    petition.office = record.office
    petition.assignee = record.person


def _response(petition: Petition, record: Record) -> Response:
    response = Response(petition_id=petition.id, body=record.response_text,
                        status=ResponseStatus.PUBLISHED, author_id=record.person.id,
                        submitted_at=record.responded_at, published_at=record.responded_at)
    db.session.add(response)
    return response


def _keep_recorded_due(petition: Petition, due_at: datetime, calendar: WorkCalendar) -> None:
    """The deadline written in the record is the one it was judged by; the
    basis says so, in calendar days from acknowledgement."""
    start, due = clock.local_date(petition.acknowledged_at), clock.local_date(due_at)
    unit = petition.rule.resolve_unit if petition.rule is not None else DayUnit.CALENDAR
    petition.due_on = due
    petition.risk_on = risk_date(calendar, start, due, unit)
    recorded = DueDate(start=start, days=(due - start).days, unit=DayUnit.CALENDAR, due=due)
    petition.deadline_basis = {**(petition.deadline_basis or {}), "answer": {
        "variant": "recorded", "base": recorded.as_dict(), "extensions": [], "paused_days": 0,
        "paused": None}}


@dataclass
class _Draft:
    record: Record
    petition: Petition
    history: _History
    response: Response | None = None


class Writer:
    """Writes checked records into the session, a batch at a time: three
    flushes for a batch rather than three for each record. One writer per
    import, so the calendar is read once and the rule in force once per
    kind, category and day of receipt."""

    def __init__(self) -> None:
        self.calendar = load_calendar()
        self._rules: dict[tuple, DeadlineRule | None] = {}

    def write(self, records: list[Record]) -> list[Petition]:
        # The tracking-code check then does not see this batch's own codes:
        # a clash among 34 billion is all but impossible, and the unique
        # constraint still stands guard.
        with db.session.no_autoflush:
            drafts = [self._begin(record) for record in records]
        db.session.flush()  # the custody and answer rows need the petitions' ids
        for draft in drafts:
            self._hand_over(draft)
        db.session.flush()  # the history lines name the answers
        with db.session.no_autoflush:
            for draft in drafts:
                self._finish(draft)
        db.session.flush()
        return [draft.petition for draft in drafts]

    def _begin(self, record: Record) -> _Draft:
        petition = _new_petition(record)
        db.session.add(petition)
        history = _History(petition)
        _intake(history, record)
        return _Draft(record, petition, history)

    def _hand_over(self, draft: _Draft) -> None:
        if draft.record.office is not None:
            _custody(draft.petition, draft.record)
        if draft.record.responded_at is not None:
            draft.response = _response(draft.petition, draft.record)

    def _finish(self, draft: _Draft) -> None:
        record, history = draft.record, draft.history
        if draft.response is not None:
            history.add(EventType.ANSWER_PUBLISHED, record.responded_at, PetitionStatus.ANSWERED,
                        {"response_id": draft.response.id})
        if record.status == PetitionStatus.CLOSED:
            history.add(EventType.CLOSED, record.closed_at, PetitionStatus.CLOSED)
        self._deadlines(draft.petition, record)

    def _rule(self, petition: Petition) -> DeadlineRule | None:
        key = (petition.kind, petition.category_id, clock.local_date(petition.submitted_at))
        if key not in self._rules:
            self._rules[key] = rule_for(petition)
        return self._rules[key]

    def _deadlines(self, petition: Petition, record: Record) -> None:
        rule = self._rule(petition)
        if rule is not None:
            petition.rule_id, petition.rule = rule.id, rule
        # A declined petition never gets an answer clock: count before setting
        # the acknowledgement, as declining does.
        if record.status != PetitionStatus.REJECTED:
            petition.acknowledged_at = record.acknowledged_at
        refresh_deadlines(petition, self.calendar)
        petition.acknowledged_at = record.acknowledged_at
        if record.due_at is not None:
            _keep_recorded_due(petition, record.due_at, self.calendar)


# --- The command -------------------------------------------------------------

def _fail(lines: list[str], summary: str) -> None:
    db.session.rollback()
    for line in lines:
        click.echo(line, err=True)
    click.echo(summary, err=True)
    raise SystemExit(1)


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True,
              help="Chỉ kiểm tra và cho biết sẽ nhập gì; không ghi vào cơ sở dữ liệu.")
@with_appcontext
def import_command(path: Path, dry_run: bool) -> None:
    """Nhập hồ sơ phản ánh cũ từ tệp CSV (xem docs/import.md). Có lỗi ở bất
    kỳ dòng nào thì không nhập gì; hồ sơ đã nhập (theo external_id) được bỏ qua."""
    plan = plan_import(path)
    if plan.errors:
        _fail(plan.errors, _("Không nhập hồ sơ nào: tệp có %(n)d lỗi. Sửa rồi chạy lại.",
                             n=len(plan.errors)))
    writer, records = Writer(), plan.records
    try:
        with click.progressbar(length=len(records), label=_("Đang ghi hồ sơ")) as bar:
            for start in range(0, len(records), WRITE_BATCH):
                batch = records[start:start + WRITE_BATCH]
                writer.write(batch)
                bar.update(len(batch))
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
    except sa.exc.IntegrityError:
        # Another import of the same records committed while this one ran.
        _fail([], _("Không nhập hồ sơ nào: dữ liệu đã thay đổi trong lúc nhập. Hãy chạy lại."))
    if dry_run:
        click.echo(_("Chạy thử: tệp hợp lệ; sẽ nhập %(imported)d hồ sơ, bỏ qua %(skipped)d hồ sơ "
                     "đã có. Chưa ghi gì vào cơ sở dữ liệu.", imported=len(plan.records),
                     skipped=plan.already_present))
    else:
        click.echo(_("Đã nhập %(imported)d hồ sơ; bỏ qua %(skipped)d hồ sơ đã có.",
                     imported=len(plan.records), skipped=plan.already_present))

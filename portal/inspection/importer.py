"""Importing petition records kept in spreadsheets before the portal
(``flask --app wsgi petitions import FILE.csv``; see docs/import.md).

Each record becomes a petition carrying the history it would have had if it
had been handled in the portal, every line stamped with the recorded time,
because the inspection figures are read from the history (docs/metrics.md):
that is the only way an imported record counts exactly like a native one.
The use-case services are not called: they stamp "now", check the actor's
permissions and notify people, none of which fits a record of the past.

A file is all or nothing: every row is checked before anything is written,
and the rows are written in one transaction committed at the end.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import with_appcontext
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import HANDLING_ROLES, RoleGrant, User
from portal.answers.models import Response, ResponseStatus
from portal.calendar import DayUnit, DueDate, WorkCalendar
from portal.deadlines.models import DeadlineRule
from portal.deadlines.services import load_calendar, refresh_deadlines, risk_date, rule_for
from portal.extensions import db
from portal.handling.models import Assignment, CustodyEnd
from portal.petitions.models import (
    Category,
    Channel,
    EventType,
    Petition,
    PetitionEvent,
    PetitionKind,
    PetitionStatus,
)
from portal.petitions.services import TITLE_MAX, _new_tracking_code
from portal.units.models import COMMUNE_KINDS, Office, Unit

COLUMNS = ("external_id", "kind", "title", "body", "category", "commune_code", "channel",
           "submitted_at", "acknowledged_at", "due_at", "responded_at", "closed_at", "status",
           "office", "responsible_person", "response_text")
REQUIRED = ("external_id", "kind", "title", "body", "category", "commune_code",
            "submitted_at", "status")
DATE_COLUMNS = ("submitted_at", "acknowledged_at", "due_at", "responded_at", "closed_at")
EXTERNAL_ID_MAX = 100  # the width of petitions.external_id
BATCH = 500  # ids per IN (...) look-up
WRITE_BATCH = 200  # records per round of flushes
# A date without a time is read as the start of the working day.
BARE_DATE_TIME = time(8, 0)
_BARE_DATE = re.compile(r"\d{4}-?\d{2}-?\d{2}")

# "paused" is left out: a pause needs its own dates and reason to count.
IMPORTABLE_STATUSES = (PetitionStatus.RECEIVED, PetitionStatus.ACCEPTED,
                       PetitionStatus.IN_PROGRESS, PetitionStatus.ANSWERED,
                       PetitionStatus.CLOSED, PetitionStatus.REJECTED)
# The labels are spelt out rather than taken from PetitionKind.label, which
# follows the interface language: a file reads the same in any locale.
_KIND_NAMES = {vietnamese.fold(kind.value): kind for kind in PetitionKind} | {
    vietnamese.fold(label): kind for label, kind in (
        ("phản ánh", PetitionKind.FEEDBACK), ("kiến nghị", PetitionKind.RECOMMENDATION),
        ("khiếu nại", PetitionKind.COMPLAINT), ("tố cáo", PetitionKind.DENUNCIATION))}

HOLDER = "office, responsible_person"  # the two columns naming who held it
# For each status: the facts its history needs, and those it cannot have.
_STATUS_RULES: dict[PetitionStatus, tuple[tuple[str, ...], tuple[str, ...]]] = {
    PetitionStatus.RECEIVED: ((), ("acknowledged_at", "responded_at", "closed_at", HOLDER)),
    PetitionStatus.ACCEPTED: (("acknowledged_at",), ("responded_at", "closed_at", HOLDER)),
    PetitionStatus.IN_PROGRESS: (("acknowledged_at", HOLDER), ("responded_at", "closed_at")),
    PetitionStatus.ANSWERED: (("acknowledged_at", HOLDER, "responded_at"), ("closed_at",)),
    PetitionStatus.CLOSED: (("closed_at",), ()),
    PetitionStatus.REJECTED: (("acknowledged_at",), ("responded_at", "due_at", HOLDER)),
}
# Facts that only make sense with others, whatever the status: an answer is
# given by a holder after acknowledgement, and the answer deadline is counted
# from acknowledgement.
_IMPLIES = (("responded_at", "acknowledged_at"), ("responded_at", HOLDER),
            ("responded_at", "response_text"), ("response_text", "responded_at"),
            (HOLDER, "acknowledged_at"), ("due_at", "acknowledged_at"))
# (later, earlier): the history must run forwards.
_ORDER = (("acknowledged_at", "submitted_at"), ("responded_at", "acknowledged_at"),
          ("closed_at", "submitted_at"), ("closed_at", "acknowledged_at"),
          ("closed_at", "responded_at"))


class ImportRejected(Exception):
    """The file cannot be read as a table of records at all."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Record:
    """One row, checked and resolved to the portal's own objects."""

    line: int
    external_id: str
    kind: PetitionKind
    title: str
    body: str
    category: Category
    unit: Unit
    channel: Channel
    status: PetitionStatus
    submitted_at: datetime
    acknowledged_at: datetime | None = None
    due_at: datetime | None = None
    responded_at: datetime | None = None
    closed_at: datetime | None = None
    office: Office | None = None
    person: User | None = None
    response_text: str | None = None


@dataclass
class Plan:
    """What a file would change: the records to write, how many are already
    in the portal, and every problem found."""

    records: list[Record] = field(default_factory=list)
    already_present: int = 0
    errors: list[str] = field(default_factory=list)


# --- Reading the file -------------------------------------------------------

def parse_moment(text: str) -> datetime | None:
    """An ISO 8601 date or date and time as aware UTC, or None if it is not
    one. Without an offset it is Vietnam time, as written in the office."""
    try:
        if _BARE_DATE.fullmatch(text):
            day = date.fromisoformat(text)
            return datetime.combine(day, BARE_DATE_TIME, tzinfo=clock.VIETNAM).astimezone(UTC)
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=clock.VIETNAM)
    return value.astimezone(UTC)


def _header(cells: list[str]) -> list[str]:
    names = [vietnamese.nfc(cell).strip().lower() for cell in cells]
    while names and not names[-1]:
        names.pop()  # a spreadsheet's empty cells past the last column
    problems = []
    missing = [name for name in COLUMNS if name not in names]
    unknown = [name for name in names if name not in COLUMNS]
    twice = sorted({name for name in names if names.count(name) > 1})
    if missing:
        problems.append(_("Dòng 1: thiếu cột %(names)s.", names=", ".join(missing)))
    if unknown:
        # A misspelt optional column would otherwise be dropped without a word.
        problems.append(_("Dòng 1: cột không biết %(names)s.", names=", ".join(unknown)))
    if twice:
        problems.append(_("Dòng 1: cột trùng tên %(names)s.", names=", ".join(twice)))
    if problems:
        raise ImportRejected(problems)
    return names


def read_table(path: Path) -> list[tuple[int, dict[str, str] | None]]:
    """The data rows as ``(line, {column: text})``; lines are counted like a
    spreadsheet's rows (the header is line 1), and a row whose cells do not
    line up with the header comes as ``None``."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError as exc:
        raise ImportRejected([_("Tệp không phải văn bản UTF-8: hãy lưu bảng tính dưới dạng "
                                "«CSV UTF-8».")]) from exc
    except csv.Error as exc:
        raise ImportRejected([_("Tệp không đọc được như CSV: %(error)s", error=str(exc))]) from exc
    if not rows:
        raise ImportRejected([_("Tệp trống: dòng đầu phải là tên các cột.")])
    names = _header(rows[0])
    table: list[tuple[int, dict[str, str] | None]] = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines between blocks of a spreadsheet
        while len(cells) > len(names) and not cells[-1].strip():
            cells = cells[:-1]  # empty cells a spreadsheet left past the last column
        table.append((line, dict(zip(names, cells, strict=True)) if len(cells) == len(names)
                      else None))
    return table


# --- Checking the rows --------------------------------------------------------

class Directory:
    """The portal's own records the rows name, each looked up once per file."""

    def __init__(self) -> None:
        self._categories = {c.code.lower(): c for c in db.session.scalars(sa.select(Category))}
        self._units: dict[str, Unit | None] = {}
        self._offices: dict[int, list[Office]] = {}
        self._staff: dict[int, list[User]] = {}

    def category(self, code: str) -> Category | None:
        return self._categories.get(code.lower())

    def unit(self, code: str) -> Unit | None:
        if code not in self._units:
            self._units[code] = db.session.scalar(sa.select(Unit).where(Unit.code == code))
        return self._units[code]

    def offices_named(self, commune: Unit, name: str) -> list[Office]:
        """Offices of the commune's province (its communes included) with
        that name; when names repeat, the commune's own office wins."""
        province = commune.province
        if province.id not in self._offices:
            self._offices[province.id] = list(db.session.scalars(
                sa.select(Office).join(Unit, Office.unit_id == Unit.id)
                .where(sa.or_(Unit.id == province.id, Unit.parent_id == province.id))))
        key = vietnamese.match_key(name)
        found = [o for o in self._offices[province.id] if vietnamese.match_key(o.name) == key]
        own = [o for o in found if o.unit_id == commune.id]
        return own or found

    def staff_matching(self, office: Office, who: str) -> list[User]:
        """Officials and leaders of the office known by that e-mail or name."""
        if office.id not in self._staff:
            self._staff[office.id] = list(db.session.scalars(
                sa.select(User).join(RoleGrant, RoleGrant.user_id == User.id)
                .where(RoleGrant.office_id == office.id, RoleGrant.role.in_(HANDLING_ROLES))
            ).unique())
        if "@" in who:
            return [u for u in self._staff[office.id] if (u.email or "") == who.lower()]
        key = vietnamese.match_key(who)
        return [u for u in self._staff[office.id] if vietnamese.match_key(u.full_name) == key]


@dataclass
class _Cells:
    """One data row being checked; problems pile up rather than stop it."""

    line: int
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)

    def report(self, problem: str) -> None:
        self.problems.append(problem)

    def text(self, column: str, *, multiline: bool = False) -> str | None:
        raw = self.values.get(column, "")
        # NUL and the like break PostgreSQL text and mean a damaged file.
        if vietnamese.has_control_characters(raw, allow_newlines=True):
            self.report(_("cột %(column)s có ký tự điều khiển không hợp lệ.", column=column))
            return None
        value = vietnamese.clean(raw, multiline=multiline) or None
        if value is None and column in REQUIRED:
            self.report(_("cột %(column)s để trống.", column=column))
        return value

    def moment(self, column: str) -> datetime | None:
        raw = self.text(column)
        if raw is None:
            return None
        value = parse_moment(raw)
        if value is None:
            self.report(_("%(column)s '%(value)s' không phải ngày giờ ISO 8601 (ví dụ 2026-03-02, "
                          "2026-03-02 09:00 hoặc 2026-03-02T09:00+07:00).", column=column, value=raw))
        elif column != "due_at" and value > clock.now():
            # A deadline may lie ahead; what happened cannot.
            self.report(_("%(column)s '%(value)s' là thời điểm chưa đến.", column=column, value=raw))
            return None
        return value


def _kind(cells: _Cells) -> PetitionKind | None:
    raw = cells.text("kind")
    if raw is None:
        return None
    kind = _KIND_NAMES.get(vietnamese.fold(raw))
    if kind is None:
        cells.report(_("loại '%(value)s' không có (feedback, recommendation, complaint, "
                       "denunciation; hoặc phản ánh, kiến nghị, khiếu nại, tố cáo).", value=raw))
    return kind


def _choice(cells: _Cells, column: str, choices: tuple, default=None):
    raw = cells.text(column)
    if raw is None:
        return default
    for choice in choices:
        if raw.lower() == choice.value:
            return choice
    cells.report(_("%(column)s '%(value)s' không có (%(choices)s).", column=column, value=raw,
                   choices=", ".join(c.value for c in choices)))
    return None


def _category(cells: _Cells, directory: Directory) -> Category | None:
    code = cells.text("category")
    category = directory.category(code) if code else None
    if code and category is None:
        cells.report(_("lĩnh vực '%(code)s' không có.", code=code))
    return category


def _commune(cells: _Cells, directory: Directory) -> Unit | None:
    code = cells.text("commune_code")
    if code is None:
        return None
    unit = directory.unit(code)
    if unit is None:
        cells.report(_("mã xã '%(code)s' không có.", code=code))
    elif unit.kind not in COMMUNE_KINDS:
        cells.report(_("mã '%(code)s' là của %(name)s; cần mã xã, phường hoặc đặc khu.",
                       code=code, name=unit.full_name))
        return None
    return unit


def _holder(cells: _Cells, directory: Directory,
            commune: Unit | None) -> tuple[Office | None, User | None]:
    name, who = cells.text("office"), cells.text("responsible_person")
    if bool(name) != bool(who):
        cells.report(_("cần ghi cả office và responsible_person."))
    if not (name and who) or commune is None:
        return None, None
    offices = directory.offices_named(commune, name)
    if not offices:
        cells.report(_("cơ quan '%(name)s' không có ở %(province)s.", name=name,
                       province=commune.province.full_name))
        return None, None
    if len(offices) > 1:
        cells.report(_("có %(n)d cơ quan tên '%(name)s' ở %(province)s.", n=len(offices),
                       name=name, province=commune.province.full_name))
        return None, None
    office = offices[0]
    people = directory.staff_matching(office, who)
    if not people:
        cells.report(_("'%(who)s' không phải cán bộ của %(office)s.", who=who, office=office.name))
        return office, None
    if len(people) > 1:
        cells.report(_("%(office)s có %(n)d cán bộ tên '%(who)s'; hãy ghi e-mail.",
                       office=office.name, n=len(people), who=who))
        return office, None
    return office, people[0]


def _given(cells: _Cells) -> set[str]:
    """The facts the row states (even wrongly: its status is judged on them)."""
    given = {column for column in (*DATE_COLUMNS, "response_text")
             if cells.values.get(column, "").strip()}
    if any(cells.values.get(column, "").strip() for column in ("office", "responsible_person")):
        given.add(HOLDER)
    return given


def _check_status(cells: _Cells, status: PetitionStatus, given: set[str],
                  moments: dict[str, datetime | None]) -> None:
    """The status must be where the recorded dates lead."""
    needs, forbids = _STATUS_RULES[status]
    reported = set()
    for column in needs:
        if column not in given:
            reported.add(column)
            cells.report(_("trạng thái %(status)s cần %(column)s.", status=status.value,
                           column=column))
    for having, column in _IMPLIES:
        if having in given and column not in given and column not in reported:
            reported.add(column)
            cells.report(_("có %(given)s thì cần %(column)s.", given=having, column=column))
    for column in forbids:
        if column in given:
            cells.report(_("trạng thái %(status)s thì %(column)s phải để trống.",
                           status=status.value, column=column))
    # Declining ends the record at once: closed_at can only repeat that moment.
    closed, acknowledged = moments.get("closed_at"), moments.get("acknowledged_at")
    if status == PetitionStatus.REJECTED and closed is not None and closed != acknowledged:
        cells.report(_("trạng thái rejected thì closed_at để trống hoặc bằng acknowledged_at."))


def _check_order(cells: _Cells, moments: dict[str, datetime | None]) -> None:
    for later, earlier in _ORDER:
        if moments[later] is not None and moments[earlier] is not None \
                and moments[later] < moments[earlier]:
            cells.report(_("%(later)s phải bằng hoặc sau %(earlier)s.", later=later,
                           earlier=earlier))
    due, acknowledged = moments["due_at"], moments["acknowledged_at"]
    if due is not None and acknowledged is not None \
            and clock.local_date(due) < clock.local_date(acknowledged):
        cells.report(_("due_at phải từ ngày của acknowledged_at trở đi."))


def check_row(cells: _Cells, external_id: str, directory: Directory) -> Record | None:
    """The row as a record, or None with its problems in ``cells``."""
    kind = _kind(cells)
    title = cells.text("title")
    if title and len(title) > TITLE_MAX:
        cells.report(_("tiêu đề dài quá %(n)d ký tự.", n=TITLE_MAX))
    body = cells.text("body", multiline=True)
    category = _category(cells, directory)
    unit = _commune(cells, directory)
    channel = _choice(cells, "channel", tuple(Channel), default=Channel.MAIL)
    status = _choice(cells, "status", IMPORTABLE_STATUSES)
    moments = {column: cells.moment(column) for column in DATE_COLUMNS}
    response_text = cells.text("response_text", multiline=True)
    office, person = _holder(cells, directory, unit)
    if status is not None:
        _check_status(cells, status, _given(cells), moments)
    _check_order(cells, moments)
    if cells.problems:
        return None
    return Record(line=cells.line, external_id=external_id, kind=kind, title=title, body=body,
                  category=category, unit=unit, channel=channel, status=status,
                  response_text=response_text, office=office, person=person, **moments)


def existing_external_ids(ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), BATCH):
        found.update(db.session.scalars(sa.select(Petition.external_id)
                                        .where(Petition.external_id.in_(ids[start:start + BATCH]))))
    return found


def _external_id(cells: _Cells, seen: dict[str, int]) -> str | None:
    external_id = cells.text("external_id")
    if external_id is None:
        return None
    if len(external_id) > EXTERNAL_ID_MAX:
        cells.report(_("external_id dài quá %(n)d ký tự.", n=EXTERNAL_ID_MAX))
    elif external_id in seen:
        cells.report(_("external_id '%(value)s' trùng với dòng %(other)d.", value=external_id,
                       other=seen[external_id]))
    else:
        seen[external_id] = cells.line
    return external_id


def plan_import(path: Path) -> Plan:
    """Read and check a whole file; nothing is written."""
    plan = Plan()
    try:
        table = read_table(path)
    except ImportRejected as exc:
        plan.errors = exc.errors
        return plan
    rows: list[tuple[_Cells, str | None]] = []
    seen: dict[str, int] = {}
    for line, values in table:
        if values is None:
            plan.errors.append(_("Dòng %(line)d: số ô không khớp với %(n)d cột của dòng tiêu đề "
                                 "(kiểm tra dấu phẩy và dấu ngoặc kép).", line=line, n=len(COLUMNS)))
            continue
        cells = _Cells(line, values)
        rows.append((cells, _external_id(cells, seen)))
    present = existing_external_ids(list(seen))
    directory = Directory()
    for cells, external_id in rows:
        if external_id in present and not cells.problems:
            # Imported before: its content is not checked again, so a file
            # that went in once still does after an official has left.
            plan.already_present += 1
            continue
        record = check_row(cells, external_id, directory)
        if record is not None:
            plan.records.append(record)
        plan.errors += [_("Dòng %(line)d: %(problem)s", line=cells.line, problem=problem)
                        for problem in cells.problems]
    return plan


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

"""Importing petition records kept in spreadsheets before the portal
(``flask --app wsgi petitions import FILE.csv``; see docs/import.md).

Each record becomes a petition carrying the history it would have had if it
had been handled in the portal, every line stamped with the recorded time,
because the inspection figures are read from the history (docs/metrics.md):
that is the only way an imported record counts exactly like a native one.
The use-case services are not called: they stamp "now", check the actor's
permissions and notify people, none of which fits a record of the past.

``import_reading`` reads the file, this module checks it (``plan_import``)
and ``import_writing`` writes the records and holds the command. A file is all or nothing: every
row is checked before anything is written, and the rows are written in one
transaction committed at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import HANDLING_ROLES, RoleGrant, User
from portal.extensions import db
from portal.inspection.import_reading import COLUMNS, ImportRejected, parse_moment, read_table
from portal.petitions.models import (
    Category,
    Channel,
    Petition,
    PetitionKind,
    PetitionStatus,
)
from portal.petitions.services import TITLE_MAX
from portal.units.models import COMMUNE_KINDS, Office, Unit

REQUIRED = ("external_id", "kind", "title", "body", "category", "commune_code",
            "submitted_at", "status")
DATE_COLUMNS = ("submitted_at", "acknowledged_at", "due_at", "responded_at", "closed_at")
EXTERNAL_ID_MAX = 100  # the width of petitions.external_id
BATCH = 500  # ids per IN (...) look-up
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

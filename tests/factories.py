"""Plain factory functions with keyword overrides, and the standard personas."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

from flask import current_app

from portal.accounts.models import Role, RoleGrant, User
from portal.accounts.services import hash_password
from portal.deadlines.defaults import seed_calendar, seed_deadline_rules
from portal.dialogues.rules import seed_dialogue_rules
from portal.extensions import db
from portal.petitions import services as petition_services
from portal.petitions.models import Category, Petition, PetitionKind
from portal.units.models import Office, Unit, UnitKind

PASSWORD = "mat-khau-thu-nghiem"


@cache
def _password_hash(method: str) -> str:
    # Every test account shares one password: hash it once per method, not
    # once per account (seven accounts a world, thousands of worlds).
    return hash_password(PASSWORD)
_sequence = itertools.count(1)


def unit(**overrides) -> Unit:
    n = next(_sequence)
    values = {
        "code": f"{90000 + n}",
        "name": f"Đơn vị {n}",
        "full_name": f"Xã Đơn vị {n}",
        "kind": UnitKind.COMMUNE,
    }
    values.update(overrides)
    record = Unit(**values)
    db.session.add(record)
    db.session.flush()
    return record


def province(**overrides) -> Unit:
    n = next(_sequence)
    values = {"code": f"{n % 100:02d}", "name": f"Tỉnh {n}", "full_name": f"Tỉnh {n}",
              "kind": UnitKind.PROVINCE}
    values.update(overrides)
    return unit(**values)


def category(**overrides) -> Category:
    n = next(_sequence)
    values = {"code": f"cat-{n}", "name": f"Lĩnh vực {n}", "name_en": f"Topic {n}"}
    values.update(overrides)
    record = Category(**values)
    db.session.add(record)
    db.session.flush()
    return record


def office(at: Unit, name: str | None = None) -> Office:
    record = Office(unit=at, name=name or f"UBND {at.full_name}")
    db.session.add(record)
    db.session.flush()
    return record


def user(*, role: Role | None = Role.RESIDENT, unit_scope: Unit | None = None,
         office_scope: Office | None = None, **overrides) -> User:
    n = next(_sequence)
    values = {"email": f"user{n}@example.com", "full_name": f"Người dùng {n}",
              "password_hash": _password_hash(current_app.config["PASSWORD_HASH_METHOD"])}
    values.update(overrides)
    record = User(**values)
    if role is not None:
        record.grants.append(RoleGrant(role=role, unit=unit_scope, office=office_scope))
    db.session.add(record)
    db.session.flush()
    return record


def petition(*, at: Unit, topic: Category, submitter: User | None = None, **overrides) -> Petition:
    values = {
        "title": "Đèn đường hỏng trước ngõ 5",
        "body": "Đèn chiếu sáng trước ngõ 5 hỏng đã hai tuần, buổi tối đi lại rất nguy hiểm.",
        "kind": PetitionKind.FEEDBACK,
        "contact_name": "Nguyễn Văn An",
        "contact_phone": "0912345678",
        "contact_email": "an@example.com",
    }
    values.update(overrides)
    draft = petition_services.PetitionDraft(category=topic, unit=at, **values)
    record = petition_services.submit_petition(draft, actor=submitter)
    db.session.flush()
    return record


@dataclass
class World:
    """Two communes (A, B) in one province, a commune C in another, and the
    personas of ARCHITECTURE §6."""

    province: Unit
    commune_a: Unit
    commune_b: Unit
    other_province: Unit
    commune_c: Unit
    category: Category
    office_a: Office
    office_b: Office
    resident: User
    other_resident: User
    official: User
    other_official: User
    leader: User
    inspector: User
    admin: User

    def petition(self, at: Unit | None = None, **overrides) -> Petition:
        record = petition(at=at or self.commune_a, topic=self.category, **overrides)
        db.session.commit()
        return record


def build_world() -> World:
    seed_deadline_rules()
    seed_calendar()
    seed_dialogue_rules()
    hanoi = province(code="01", name="Hà Nội", full_name="Thành phố Hà Nội", kind=UnitKind.CITY)
    hoan_kiem = unit(code="00070", name="Hoàn Kiếm", full_name="Phường Hoàn Kiếm",
                     kind=UnitKind.WARD, parent=hanoi)
    ba_dinh = unit(code="00004", name="Ba Đình", full_name="Phường Ba Đình",
                   kind=UnitKind.WARD, parent=hanoi)
    unit(code="00331", name="Hoàng Mai", full_name="Phường Hoàng Mai", kind=UnitKind.WARD,
         parent=hanoi)
    khanh_hoa = province(code="56", name="Khánh Hoà", full_name="Tỉnh Khánh Hoà")
    dien_khanh = unit(code="22660", name="Diên Khánh", full_name="Xã Diên Khánh",
                      kind=UnitKind.COMMUNE, parent=khanh_hoa)
    topic = category(code="chieu-sang", name="Chiếu sáng, hạ tầng công cộng",
                     name_en="Street lighting and public facilities")
    category(code="moi-truong", name="Môi trường, vệ sinh", name_en="Environment and sanitation")
    office_a = office(hoan_kiem, "UBND phường Hoàn Kiếm")
    office_b = office(ba_dinh, "UBND phường Ba Đình")
    world = World(
        province=hanoi,
        commune_a=hoan_kiem,
        commune_b=ba_dinh,
        other_province=khanh_hoa,
        commune_c=dien_khanh,
        category=topic,
        office_a=office_a,
        office_b=office_b,
        resident=user(email="lan@example.com", full_name="Nguyễn Thị Lan", phone="+84912000001"),
        other_resident=user(email="binh@example.com", full_name="Trần Văn Bình"),
        official=user(role=Role.OFFICIAL, unit_scope=hoan_kiem, office_scope=office_a,
                      email="minh@example.com", full_name="Trần Văn Minh"),
        other_official=user(role=Role.OFFICIAL, unit_scope=ba_dinh, office_scope=office_b,
                            email="hoa@example.com", full_name="Lê Thị Hoa"),
        leader=user(role=Role.LEADER, unit_scope=hoan_kiem, office_scope=office_a,
                    email="hung@example.com", full_name="Phạm Quốc Hùng"),
        inspector=user(role=Role.INSPECTOR, unit_scope=hanoi, email="thang@example.com",
                       full_name="Vũ Đức Thắng"),
        admin=user(role=Role.ADMIN, email="admin@example.com", full_name="Quản trị"),
    )
    db.session.commit()
    return world

"""Writes for accounts: registration, scripted creation, role grants, login."""

from __future__ import annotations

import phonenumbers
import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import gettext as _
from werkzeug.security import check_password_hash, generate_password_hash

from portal import clock, vietnamese
from portal.accounts.models import Role, RoleGrant, User
from portal.errors import RuleViolation
from portal.extensions import db
from portal.units.models import Office, Unit
from portal.units.services import get_or_create_office

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 128
# The most common choices in Vietnamese and international leaks; longer lists
# belong in a breach-check service, which an intranet may not reach.
_COMMON_PASSWORDS = {
    "1234567890", "0123456789", "12345678910", "123456789a", "a123456789",
    "matkhau123", "matkhau1234", "password123", "password1234", "qwertyuiop",
    "iloveyou123", "abc1234567", "1111111111", "0000000000", "admin12345",
}

# A real hash to compare against when the account does not exist, so a failed
# login takes as long whether or not the account is there.
_DUMMY_HASH_CACHE: dict[str, str] = {}


def normalise_email(raw: str, *, field: str = "email") -> str:
    try:
        result = validate_email(vietnamese.clean(raw) or "", check_deliverability=False)
    except EmailNotValidError as exc:
        raise RuleViolation(_("Địa chỉ email không hợp lệ."), field=field) from exc
    return result.normalized.lower()


def normalise_phone(raw: str, *, field: str = "phone") -> str:
    """Vietnamese numbers as typed (0912 345 678, +84 912…) to E.164."""
    try:
        number = phonenumbers.parse(vietnamese.clean(raw) or "", "VN")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise RuleViolation(_("Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."), field=field)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_password_strength(password: str, *, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise RuleViolation(
            _("Mật khẩu cần ít nhất %(n)d ký tự.", n=MIN_PASSWORD_LENGTH), field=field
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise RuleViolation(
            _("Mật khẩu dài tối đa %(n)d ký tự.", n=MAX_PASSWORD_LENGTH), field=field
        )
    if password.lower() in _COMMON_PASSWORDS or len(set(password)) < 4:
        raise RuleViolation(_("Mật khẩu này quá dễ đoán, vui lòng chọn mật khẩu khác."), field=field)


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def _find_by_identifier(identifier: str) -> User | None:
    identifier = vietnamese.clean(identifier) or ""
    try:
        if "@" in identifier:
            return db.session.scalar(sa.select(User).where(User.email == normalise_email(identifier)))
        return db.session.scalar(sa.select(User).where(User.phone == normalise_phone(identifier)))
    except RuleViolation:
        return None


def authenticate(identifier: str, password: str) -> User | None:
    """The account for these credentials, or None, taking the same time either way."""
    user = _find_by_identifier(identifier)
    if user is None:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        if method not in _DUMMY_HASH_CACHE:
            _DUMMY_HASH_CACHE[method] = generate_password_hash("not-a-password", method=method)
        check_password_hash(_DUMMY_HASH_CACHE[method], password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.is_active:
        return None
    user.last_login_at = clock.now()
    return user


def _ensure_free(email: str | None, phone: str | None) -> None:
    if email and db.session.scalar(sa.select(User.id).where(User.email == email)):
        raise RuleViolation(
            _("Email này đã có tài khoản. Vui lòng đăng nhập."), field="email"
        )
    if phone and db.session.scalar(sa.select(User.id).where(User.phone == phone)):
        raise RuleViolation(
            _("Số điện thoại này đã có tài khoản. Vui lòng đăng nhập."), field="phone"
        )


def register_resident(
    *, email: str | None, phone: str | None, password: str, full_name: str = ""
) -> User:
    email = normalise_email(email) if email else None
    phone = normalise_phone(phone) if phone else None
    if not email and not phone:
        raise RuleViolation(_("Vui lòng nhập email hoặc số điện thoại."), field="email")
    check_password_strength(password)
    _ensure_free(email, phone)
    user = User(
        email=email,
        phone=phone,
        full_name=vietnamese.clean(full_name) or "",
        password_hash=hash_password(password),
    )
    user.grants.append(RoleGrant(role=Role.RESIDENT))
    db.session.add(user)
    db.session.flush()
    return user


def grant_role(
    user: User,
    role: Role,
    *,
    unit: Unit | None = None,
    office: Office | None = None,
    actor: User | None = None,
) -> RoleGrant | None:
    """Give ``user`` a role over ``unit``; None when they already hold it."""
    if role in (Role.OFFICIAL, Role.LEADER) and unit is None:
        raise RuleViolation(_("Cán bộ và lãnh đạo cần được gắn với một đơn vị."), field="unit")
    if office is not None and unit is not None and office.unit_id != unit.id:
        raise RuleViolation(_("Cơ quan không thuộc đơn vị đã chọn."), field="office")
    for grant in user.grants:
        same_unit = grant.unit_id == (unit.id if unit else None)
        same_office = grant.office_id == (office.id if office else None)
        if grant.role == role and same_unit and same_office:
            return None
    grant = RoleGrant(role=role, unit=unit, office=office, granted_by_id=actor.id if actor else None)
    user.grants.append(grant)
    db.session.flush()
    return grant


def create_account(
    *,
    email: str | None,
    password: str,
    role: Role,
    unit: Unit | None = None,
    office_name: str | None = None,
    full_name: str = "",
    phone: str | None = None,
    actor: User | None = None,
) -> tuple[User, bool, RoleGrant | None]:
    """Scripted set-up: the account (created if new) and the grant (if new).

    An existing account keeps its password; only the role is added.
    """
    email = normalise_email(email) if email else None
    phone = normalise_phone(phone) if phone else None
    if not email and not phone:
        raise RuleViolation(_("Vui lòng nhập email hoặc số điện thoại."), field="email")
    clauses = [User.email == email] if email else []
    clauses += [User.phone == phone] if phone else []
    user = db.session.scalar(sa.select(User).where(sa.or_(*clauses)))
    created = user is None
    if created:
        check_password_strength(password)
        user = User(
            email=email,
            phone=phone,
            full_name=vietnamese.clean(full_name) or "",
            password_hash=hash_password(password),
        )
        db.session.add(user)
    office = get_or_create_office(unit, office_name) if (unit and office_name) else None
    if office_name and unit is None:
        raise RuleViolation(_("Cần chọn đơn vị cho cơ quan."), field="unit")
    grant = grant_role(user, role, unit=unit, office=office, actor=actor)
    return user, created, grant

"""Registration, scripted account creation, role grants, authentication."""

import pytest
from werkzeug.security import check_password_hash

from portal.accounts import services
from portal.accounts.models import Role
from portal.errors import RuleViolation


def test_resident_registers_with_email(db):
    user = services.register_resident(email="Lan@Example.com", phone=None,
                                      password="mua-thu-ha-noi", full_name="Nguyễn Thị Lan")
    db.session.commit()
    assert user.email == "lan@example.com"
    assert user.roles() == {Role.RESIDENT}
    assert user.password_hash.startswith("scrypt:")
    assert check_password_hash(user.password_hash, "mua-thu-ha-noi")


def test_resident_registers_with_phone_only(db):
    user = services.register_resident(email=None, phone="0912 345 678", password="mua-thu-ha-noi")
    assert user.phone == "+84912345678"
    assert user.email is None


def test_email_or_phone_is_needed(db):
    with pytest.raises(RuleViolation):
        services.register_resident(email=None, phone=None, password="mua-thu-ha-noi")


@pytest.mark.parametrize("password", ["ngan", "1234567890", "aaaaaaaaaaaa", "x" * 129])
def test_weak_passwords_are_refused(db, password):
    with pytest.raises(RuleViolation) as caught:
        services.register_resident(email="a@example.com", phone=None, password=password)
    assert caught.value.field == "password"


def test_the_same_email_cannot_register_twice(db):
    services.register_resident(email="lan@example.com", phone=None, password="mua-thu-ha-noi")
    with pytest.raises(RuleViolation) as caught:
        services.register_resident(email="LAN@example.com", phone=None, password="mua-dong-ha-noi")
    assert caught.value.field == "email"


def test_authenticate_by_email_or_phone(world):
    from tests.factories import PASSWORD

    assert services.authenticate("lan@example.com", PASSWORD) is world.resident
    assert services.authenticate("0912 000 001", PASSWORD) is world.resident
    assert services.authenticate("lan@example.com", "wrong-password") is None
    assert services.authenticate("nobody@example.com", PASSWORD) is None
    assert services.authenticate("not a login", PASSWORD) is None


def test_disabled_account_cannot_log_in(world):
    from tests.factories import PASSWORD

    world.resident.is_active_account = False
    assert services.authenticate("lan@example.com", PASSWORD) is None


def test_create_account_then_add_a_role_keeps_the_password(world):
    user, created, grant = services.create_account(
        email="new.official@example.com", password="mat-khau-can-bo", role=Role.OFFICIAL,
        unit=world.commune_a, office_name="Công an phường Hoàn Kiếm")
    assert created and grant.office.name == "Công an phường Hoàn Kiếm"
    again, created_again, second = services.create_account(
        email="new.official@example.com", password="another-password", role=Role.LEADER,
        unit=world.commune_a)
    assert again is user and not created_again and second.role == Role.LEADER
    assert check_password_hash(user.password_hash, "mat-khau-can-bo")
    _, _, none = services.create_account(
        email="new.official@example.com", password="x", role=Role.LEADER, unit=world.commune_a)
    assert none is None


def test_officials_need_a_unit(db):
    with pytest.raises(RuleViolation) as caught:
        services.create_account(email="x@example.com", password="mat-khau-can-bo", role=Role.OFFICIAL)
    assert caught.value.field == "unit"


def test_existing_office_is_reused(world):
    _, _, grant = services.create_account(
        email="x@example.com", password="mat-khau-can-bo", role=Role.OFFICIAL,
        unit=world.commune_a, office_name="UBND phường Hoàn Kiếm")
    assert grant.office == world.office_a

"""Scripted set-up: accounts create, setup, demo load."""

import sqlalchemy as sa
from werkzeug.security import check_password_hash

from portal.accounts.models import Role, User
from portal.dialogues.models import DialogueSession
from portal.extensions import db
from portal.petitions.models import Category, Petition, PetitionEvent
from portal.units.models import Office, Unit


def invoke(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_accounts_create_official_with_unit_and_office(app, world):
    result = invoke(app, "accounts", "create", "--email", "Tuan@Example.com", "--password",
                    "mat-khau-can-bo", "--role", "official", "--unit", "00070",
                    "--office", "Công an phường Hoàn Kiếm", "--name", "Ngô Văn Tuấn")
    assert result.exit_code == 0, result.output
    assert "Đã tạo tài khoản tuan@example.com với quyền official tại Phường Hoàn Kiếm." in result.output
    user = db.session.scalar(sa.select(User).where(User.email == "tuan@example.com"))
    [grant] = user.grants
    assert (grant.role, grant.unit.code, grant.office.name) == (
        Role.OFFICIAL, "00070", "Công an phường Hoàn Kiếm")
    assert check_password_hash(user.password_hash, "mat-khau-can-bo")


def test_accounts_create_twice_adds_nothing(app, world):
    args = ("accounts", "create", "--email", "x@example.com", "--password", "mat-khau-can-bo",
            "--role", "inspector", "--unit", "01")
    invoke(app, *args)
    again = invoke(app, *args)
    assert again.exit_code == 0
    assert "không thay đổi gì" in again.output


def test_accounts_create_explains_mistakes(app, world):
    unknown_unit = invoke(app, "accounts", "create", "--email", "y@example.com", "--password",
                          "mat-khau-can-bo", "--role", "official", "--unit", "99999")
    assert unknown_unit.exit_code != 0 and "Không có đơn vị mã '99999'" in unknown_unit.output
    no_unit = invoke(app, "accounts", "create", "--email", "y@example.com", "--password",
                     "mat-khau-can-bo", "--role", "leader")
    assert no_unit.exit_code != 0 and "gắn với một đơn vị" in no_unit.output
    weak = invoke(app, "accounts", "create", "--email", "y@example.com", "--password", "123",
                  "--role", "resident")
    assert weak.exit_code != 0 and "ít nhất 10 ký tự" in weak.output
    bad_role = invoke(app, "accounts", "create", "--email", "y@example.com", "--password",
                      "mat-khau-can-bo", "--role", "king")
    assert bad_role.exit_code != 0
    assert db.session.scalar(sa.select(User).where(User.email == "y@example.com")) is None


def table_counts() -> dict:
    return {model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for model in (Unit, Office, User, Category, Petition, PetitionEvent)}


def test_demo_load_is_idempotent_and_prints_the_logins(app, db):
    first = invoke(app, "demo", "load")
    assert first.exit_code == 0, first.output
    assert "canbo.hoankiem@example.com" in first.output and "doithoai-2026" in first.output
    after_first = table_counts()
    # 13 petitions to work on, and 400 records of the last two quarters
    # (imported as old records) for the inspection figures.
    assert after_first["Unit"] == 3355 and after_first["Petition"] == 413
    assert "hồ sơ cũ (hai quý gần nhất): thêm 400" in first.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DialogueSession)) == 1
    states = dict(db.session.execute(sa.select(Petition.title, Petition.status)).all())

    second = invoke(app, "demo", "load")
    assert second.exit_code == 0, second.output
    assert table_counts() == after_first
    assert dict(db.session.execute(sa.select(Petition.title, Petition.status)).all()) == states
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DialogueSession)) == 1
    assert "Phản ánh mẫu: thêm 0; hồ sơ cũ (hai quý gần nhất): thêm 0." in second.output


def test_demo_official_can_sign_in_and_sees_the_demo_petitions(app, db):
    invoke(app, "demo", "load")
    client = app.test_client()
    from tests.conftest import post_form

    response = post_form(client, "/account/login", {"identifier": "canbo.hoankiem@example.com",
                                                    "password": "doithoai-2026"})
    assert response.headers["Location"] == "/staff/petitions"
    page = client.get("/staff/petitions").get_data(as_text=True)
    assert "Đèn chiếu sáng ngõ 12 Hàng Bạc hỏng nhiều ngày" in page
    assert "Nước sinh hoạt đục" not in page, "Ba Đình's petitions are not theirs"


def test_setup_loads_reference_data_only(app, db):
    result = invoke(app, "setup")
    assert result.exit_code == 0, result.output
    counts = table_counts()
    assert counts["Unit"] == 3355 and counts["Category"] == 13
    assert counts["User"] == 0 and counts["Petition"] == 0

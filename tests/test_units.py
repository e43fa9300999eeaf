"""The two-tier list of units: import (service and command) and the API."""

import json
from collections import Counter

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.units.models import Unit, UnitKind
from portal.units.services import BUNDLED_UNITS_FILE


def kinds() -> Counter:
    return Counter(db.session.scalars(sa.select(Unit.kind)))


def run(app, *args):
    return app.test_cli_runner().invoke(args=["units", "import", *args])


def test_import_loads_34_provinces_and_3321_communes_idempotently(app, db):
    first = run(app, str(BUNDLED_UNITS_FILE))
    assert first.exit_code == 0, first.output
    assert "Thêm mới: 34 tỉnh/thành phố, 3321 xã/phường/đặc khu." in first.output
    counts = kinds()
    assert counts[UnitKind.PROVINCE] + counts[UnitKind.CITY] == 34
    assert (counts[UnitKind.COMMUNE], counts[UnitKind.WARD], counts[UnitKind.SPECIAL_ZONE]) == (
        2611, 697, 13)
    hoan_kiem = db.session.scalar(sa.select(Unit).where(Unit.code == "00070"))
    assert (hoan_kiem.full_name, hoan_kiem.parent.code) == ("Phường Hoàn Kiếm", "01")

    second = run(app, str(BUNDLED_UNITS_FILE))
    assert second.exit_code == 0
    assert "Thêm mới: 0 tỉnh/thành phố, 0 xã/phường/đặc khu." in second.output
    assert "Thay đổi: 0 thông tin." in second.output
    assert "Không đổi: 3355 đơn vị." in second.output
    assert sum(kinds().values()) == 3355


def small_list(tmp_path, communes, name="units.json"):
    data = [{"Code": "01", "Name": "Hà Nội", "FullName": "Thành phố Hà Nội", "NameEn": "Hanoi",
             "AdministrativeUnitShortName": "Thành phố", "Wards": communes}]
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def commune(code, name, kind="Phường"):
    return {"Code": code, "Name": name, "FullName": f"{kind} {name}", "ProvinceCode": "01",
            "AdministrativeUnitShortName": kind}


def test_import_reports_what_changed_and_keeps_units_no_longer_listed(app, db, tmp_path):
    run(app, str(small_list(tmp_path, [commune("00070", "Hoàn Kiếm"), commune("00004", "Ba Đình")])))
    changed = small_list(tmp_path, [commune("00070", "Hoàn Kiếm Mới"), commune("00100", "Mới", "Xã")],
                         name="changed.json")
    result = run(app, str(changed), "--verbose")
    assert result.exit_code == 0, result.output
    assert "+ 00100 Xã Mới" in result.output
    assert "~ 00070 name: 'Hoàn Kiếm' -> 'Hoàn Kiếm Mới'" in result.output
    assert "giữ nguyên): 1: 00004" in result.output
    assert db.session.scalar(sa.select(Unit).where(Unit.code == "00004")) is not None


def test_names_are_stored_composed(app, db, tmp_path):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Hoàn Kiếm")
    run(app, str(small_list(tmp_path, [commune("00070", decomposed)])))
    unit = db.session.scalar(sa.select(Unit).where(Unit.code == "00070"))
    assert unit.name == "Hoàn Kiếm" and unicodedata.is_normalized("NFC", unit.full_name)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not valid UTF-8 JSON"),
        ('{"a": 1}', "expected a list of provinces"),
        ('[{"Code": "01"}]', "missing field"),
        ('[{"Code": "01", "Name": "X", "FullName": "X", "AdministrativeUnitShortName": "Huyện"}]',
         "unknown unit type"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_written(app, db, tmp_path,
                                                                       content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run(app, str(path))
    assert result.exit_code != 0
    assert message in result.output
    assert sum(kinds().values()) == 0


def test_a_missing_file_is_a_clear_error(app, db, tmp_path):
    result = run(app, str(tmp_path / "nowhere.json"))
    assert result.exit_code != 0 and "cannot read" in result.output


def test_api_lists_provinces_and_the_communes_of_one(client, world):
    provinces = client.get("/api/v1/units").json
    assert [u["code"] for u in provinces["items"]] == ["01", "56"]
    communes = client.get("/api/v1/units", query_string={"parent": "01"}).json
    assert communes["meta"] == {"total": 3, "page": 1, "per_page": 500}
    assert {u["full_name"] for u in communes["items"]} == {
        "Phường Ba Đình", "Phường Hoàn Kiếm", "Phường Hoàng Mai"}


@pytest.mark.parametrize("typed", ["hoan kiem", "Hoàn Kiếm", "HOAN", "phuong hoan k"])
def test_api_type_ahead_accepts_names_without_diacritics(client, world, typed):
    found = client.get("/api/v1/units", query_string={"parent": "01", "q": typed}).json["items"]
    assert found[0]["code"] == "00070"


def test_names_spelled_as_typed_come_first():
    from portal.units.queries import match_units

    units = [Unit(code=c, name=n, full_name=f"Xã {n}") for c, n in
             [("1", "Bàn Thạch"), ("2", "Bán Đảo"), ("3", "Ban Mê")]]
    assert [u.name for u in match_units(units, "bán")][0] == "Bán Đảo"
    assert [u.name for u in match_units(units, "Bàn")][0] == "Bàn Thạch"
    # Typed without diacritics: all three match, the one spelled "ban" first.
    assert [u.name for u in match_units(units, "ban")] == ["Ban Mê", "Bán Đảo", "Bàn Thạch"]
    assert match_units(units, "thach") == [units[0]]


def test_api_accepts_both_tone_placements(client, world):
    old = client.get("/api/v1/units", query_string={"q": "Khánh Hòa"}).json["items"]
    new = client.get("/api/v1/units", query_string={"q": "Khánh Hoà"}).json["items"]
    assert [u["code"] for u in old] == [u["code"] for u in new] == ["56"]


def test_api_pages(client, world):
    page = client.get("/api/v1/units", query_string={"parent": "01", "per_page": 2, "page": 2}).json
    assert len(page["items"]) == 1 and page["meta"]["total"] == 3

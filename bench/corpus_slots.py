"""Slot vocabularies for the synthetic petitions: streets, hamlets, people,
landmarks, projects, durations.

Each slot is a function ``(rng, unit) -> str``; templates name slots as
``{duong}``, ``{thon}``... The lists are deliberately long: the search
benchmark's cost follows posting-list lengths, and a corpus built from a few
hundred distinct words would make every list either huge or empty.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from portal.vietnamese import nfc

UNITS_FILE = Path(__file__).resolve().parent.parent / "portal" / "data" / "vn_admin_units_2025.json"


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str  # "Ba Đình"
    full_name: str  # "phường Ba Đình", lower-case prefix for use mid-sentence
    province_code: str
    province: str  # "thành phố Hà Nội"
    urban: bool
    region: str  # north, mountain, central, highland, south: picks hamlet and alley words


def load_units() -> tuple[Unit, ...]:
    """Every commune of the bundled 2025 list, in the file's order (stable)."""
    provinces = json.loads(UNITS_FILE.read_text(encoding="utf-8"))
    units = []
    for province in provinces:
        prefix = province["AdministrativeUnitShortName"].lower()
        province_name = nfc(f"{prefix} {province['Name']}")
        region = region_of(province["Code"])
        for ward in province["Wards"]:
            kind = ward["AdministrativeUnitShortName"]
            units.append(Unit(
                code=ward["Code"], name=nfc(ward["Name"]), full_name=nfc(f"{kind.lower()} {ward['Name']}"),
                province_code=province["Code"], province=province_name,
                urban=kind == "Phường", region=region,
            ))
    return tuple(units)


def _words(text: str) -> tuple[str, ...]:
    return tuple(nfc(w.strip()) for w in text.split(",") if w.strip())


# Regions only choose local words (ngõ/kiệt/hẻm, thôn/bản/buôn/ấp); by the
# 2025 province codes.
_REGIONS = {
    "mountain": {"04", "08", "11", "12", "14", "15", "19", "20"},
    "north": {"01", "22", "24", "25", "31", "33", "37"},
    "central": {"38", "40", "42", "44", "46", "48", "51", "56"},
    "highland": {"52", "66", "68"},
}


def region_of(province_code: str) -> str:
    for region, codes in _REGIONS.items():
        if province_code in codes:
            return region
    return "south"


FAMILY = _words(
    "Nguyễn, Nguyễn, Nguyễn, Trần, Trần, Lê, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ,"
    "Ngô, Dương, Lý, Đinh, Lâm, Mai, Trịnh, Tạ, Cao, Lương, Hà, Kiều, Chu, Triệu, Quách, Thái, Tô"
)
MIDDLE_MALE = _words("Văn, Văn, Đức, Minh, Quang, Hữu, Công, Xuân, Thanh, Ngọc, Đình, Bá, Trọng, Quốc")
MIDDLE_FEMALE = _words("Thị, Thị, Thu, Ngọc, Thanh, Minh, Hồng, Kim, Bích, Mỹ, Thúy, Phương")
GIVEN_MALE = _words(
    "Hùng, Dũng, Tuấn, Nam, Hải, Sơn, Long, Thắng, Cường, Bình, Phúc, Lộc, Tài, Quý, Toàn, Khánh,"
    "Hưng, Trung, Hiếu, Nghĩa, Tín, Thành, Đạt, Vinh, Hòa, Kiên, Lâm, Tú, Tâm, Phong, Quân, Hậu,"
    "Tiến, Định, Chiến, Thịnh, Trọng, Bảo, Khoa, Duy, Hoàng, Sang, Nhân, Lực, Thái, Tùng, Quyết"
)
GIVEN_FEMALE = _words(
    "Lan, Hương, Hoa, Mai, Hạnh, Hằng, Nga, Thảo, Trang, Linh, Yến, Nhung, Thủy, Loan, Huệ, Phượng,"
    "Dung, Tuyết, Vân, Oanh, Thoa, Xuân, Ngân, Liên, Cúc, Đào, Diệp, Hiền, Lụa, Tươi, Sen, Gấm, Nhàn"
)
STREET_NAMES = _words(
    "Lê Lợi, Trần Hưng Đạo, Nguyễn Trãi, Lý Thường Kiệt, Hai Bà Trưng, Quang Trung, Nguyễn Huệ,"
    "Phan Bội Châu, Phan Chu Trinh, Hùng Vương, Lê Duẩn, Võ Thị Sáu, Nguyễn Thị Minh Khai,"
    "Điện Biên Phủ, Cách Mạng Tháng Tám, Trần Phú, Lê Hồng Phong, Hoàng Hoa Thám, Nguyễn Du,"
    "Tô Hiến Thành, Ngô Quyền, Lê Thánh Tông, Nguyễn Văn Cừ, Trường Chinh, Võ Nguyên Giáp, Bà Triệu,"
    "Lý Tự Trọng, Nguyễn Chí Thanh, Tôn Đức Thắng, Phạm Văn Đồng, Lạc Long Quân, Âu Cơ,"
    "Nguyễn Đình Chiểu, Hàm Nghi, Đinh Tiên Hoàng, Lê Đại Hành, Yết Kiêu, Phan Đình Phùng, Chu Văn An,"
    "Nguyễn Khuyến, Hoàng Diệu, Kim Đồng, Nguyễn Công Trứ, Bạch Đằng, Mạc Đĩnh Chi, Trần Quang Khải,"
    "Trần Nhân Tông, Nguyễn An Ninh, Thủ Khoa Huân, Trương Định, 30 Tháng 4, 3 Tháng 2, Mậu Thân,"
    "Huỳnh Thúc Kháng, Phạm Ngũ Lão, Nguyễn Thái Học, Tăng Bạt Hổ, Lê Quý Đôn, Nguyễn Bỉnh Khiêm,"
    "Hồ Tùng Mậu, Nguyễn Văn Linh, Lê Văn Lương, Tố Hữu, Xuân Diệu, Hàn Mặc Tử, Nguyễn Tất Thành,"
    "Trần Cao Vân, Ông Ích Khiêm, Lê Lai, Nguyễn Lương Bằng, Đội Cấn, Văn Cao, Cù Chính Lan"
)
ROAD_CODES = _words("1A, 1K, 5, 6, 10, 14, 18, 20, 21B, 26, 32, 37, 38, 45, 51, 57, 61, 91, 279")
PROVINCIAL_ROADS = _words("295, 392, 741, 8B, 9A, 830, 639, 176, 244, 420, 19B, 623, 865, 943")
HAMLET_NAMES = _words(
    "Đông, Tây, Nam, Bắc, Thượng, Hạ, Trung, Tân Lập, Tân Sơn, Phú Lợi, Đồng Tâm, An Thịnh, Hòa Bình,"
    "Quyết Tiến, Đoàn Kết, Thống Nhất, Yên Thịnh, Vĩnh Phú, Bình An, Làng Mới, Đồng Xuân, Cầu Đá,"
    "Gò Mít, Bến Lội, Cây Da, Xuân Trung, Phú Thọ, Mỹ Lộc, Tân Hưng, Long Điền, Hậu Lộc, Đình Bảng,"
    "Thanh Xuân, Đồng Cói, Bãi Sậy, Rạch Miễu, Cầu Kè, Phước Hòa, Kim Sơn, Ngọc Lâm, Đầm Xuyên"
)
BAN_NAMES = _words(
    "Nà Sài, Pá Khoang, Huổi Lèng, Co Muông, Nà Hẩu, Bó Củng, Phiêng Luông, Nậm Pồ, Khuổi Nọi, Lũng Cú,"
    "Tà Xùa, Hua Pan, Nà Tấu, Pác Ngòi, Mường Khoa"
)
BUON_NAMES = _words("Ko Siêr, Ea Tu, Đôn, Ma Lăng, Kon Klor, Plei Ốp, Đắk Rơ Wa, Ea Kmát, Tơ Nia, Jun")
VILLAGE_WORDS = {
    "north": ("thôn", "thôn", "xóm"),
    "mountain": ("bản", "bản", "thôn", "xóm"),
    "central": ("thôn", "thôn", "xóm"),
    "highland": ("buôn", "làng", "thôn"),
    "south": ("ấp", "ấp", "ấp"),
}
URBAN_WORDS = {
    "north": ("tổ dân phố", "tổ dân phố", "tổ"),
    "mountain": ("tổ dân phố", "tổ"),
    "central": ("tổ dân phố", "khối", "tổ"),
    "highland": ("tổ dân phố", "tổ"),
    "south": ("khu phố", "khu phố", "tổ"),
}
ALLEY_WORDS = {"north": "ngõ", "mountain": "ngõ", "central": "kiệt", "highland": "hẻm", "south": "hẻm"}
ROLES = _words(
    "trưởng thôn, tổ trưởng tổ dân phố, cán bộ địa chính xã, công an xã, cán bộ văn hóa – xã hội,"
    "chủ tịch UBND xã, phó chủ tịch UBND xã, cán bộ tư pháp – hộ tịch, cán bộ một cửa,"
    "bí thư chi bộ, chủ tịch Hội Nông dân, chủ tịch Mặt trận Tổ quốc xã, đội trật tự đô thị,"
    "cán bộ phòng Kinh tế, cán bộ môi trường, trưởng ban công tác Mặt trận"
)
LANDMARKS = _words(
    "chợ, trường Tiểu học, trường THCS, trường Mầm non, trạm y tế, ngã ba, ngã tư, cầu, bến đò,"
    "đình làng, chùa, nhà thờ, bến xe, sân vận động, khu công nghiệp, cụm công nghiệp, công viên"
)
PROJECT_VERBS = _words("xây dựng, mở rộng, nâng cấp, cải tạo, đầu tư xây dựng")
PROJECT_OBJECTS = _words(
    "khu công nghiệp, khu đô thị mới, khu dân cư, cụm công nghiệp, trường THCS, hồ chứa nước,"
    "khu tái định cư, nghĩa trang nhân dân, bãi xử lý rác, trạm biến áp 110 kV, chợ đầu mối,"
    "khu thể thao, trung tâm hành chính xã"
)
WATERWAYS = _words("kênh, mương thủy lợi, sông, rạch, suối, kênh tiêu")
BUSINESSES = _words(
    "cơ sở sản xuất nhựa, xưởng chế biến gỗ, lò giết mổ gia súc, xưởng cơ khí, cơ sở tái chế phế liệu,"
    "lò gạch thủ công, trại nuôi lợn, xưởng may, cơ sở chế biến thủy sản, bãi tập kết cát, xưởng mộc,"
    "cơ sở rửa xe, nhà hàng tiệc cưới, quán karaoke, xưởng sơn tĩnh điện, cửa hàng vật liệu xây dựng"
)
UNITS_OF_TIME = (("ngày", 3, 28), ("tuần", 2, 8), ("tháng", 2, 11), ("năm", 1, 6))
HEDGES = _words("hơn, gần, khoảng, đã, suốt")
TIMES = _words("22 giờ, 23 giờ, 21 giờ 30, nửa đêm, 5 giờ sáng, sáng sớm, chiều tối")

UNITS = load_units()
# Landmarks (chợ X, cầu X, kênh X) are named after real communes so the
# vocabulary of place names is as wide as the country's.
PLACE_NAMES = tuple(sorted({unit.name for unit in UNITS}))

Slot = Callable[[random.Random, Unit], str]


def _person(rng: random.Random, unit: Unit) -> str:
    if rng.random() < 0.55:
        return f"ông {rng.choice(FAMILY)} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    return f"bà {rng.choice(FAMILY)} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"


def _hamlet(rng: random.Random, unit: Unit) -> str:
    if unit.urban:
        word = rng.choice(URBAN_WORDS[unit.region])
        return f"{word} {rng.randint(1, 28)}" if word != "khu phố" or rng.random() < 0.7 else (
            f"khu phố {rng.choice(HAMLET_NAMES)}"
        )
    word = rng.choice(VILLAGE_WORDS[unit.region])
    if word == "bản":
        return f"bản {rng.choice(BAN_NAMES)}"
    if word == "buôn":
        return f"buôn {rng.choice(BUON_NAMES)}"
    if rng.random() < 0.35:
        return f"{word} {rng.randint(1, 15)}"
    return f"{word} {rng.choice(HAMLET_NAMES)}"


def _street(rng: random.Random, unit: Unit) -> str:
    roll = rng.random()
    if unit.urban or roll < 0.35:
        word = "phố" if unit.region == "north" and rng.random() < 0.5 else "đường"
        return f"{word} {rng.choice(STREET_NAMES)}"
    if roll < 0.55:
        return f"quốc lộ {rng.choice(ROAD_CODES)}"
    if roll < 0.7:
        return f"đường tỉnh {rng.choice(PROVINCIAL_ROADS)}"
    return rng.choice(("đường liên thôn", "đường liên xã", "đường bê tông nội đồng", "đường đê",
                       "đường trục xã", "đường ven kênh"))


def _alley(rng: random.Random, unit: Unit) -> str:
    return f"{ALLEY_WORDS[unit.region]} {rng.randint(2, 480)}"


def _duration(rng: random.Random, unit: Unit) -> str:
    word, low, high = rng.choice(UNITS_OF_TIME)
    return f"{rng.choice(HEDGES)} {rng.randint(low, high)} {word}"


def _date(rng: random.Random, unit: Unit) -> str:
    return f"ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}"


def _place(rng: random.Random, unit: Unit) -> str:
    return rng.choice(PLACE_NAMES)


def _landmark(rng: random.Random, unit: Unit) -> str:
    return f"{rng.choice(LANDMARKS)} {rng.choice(PLACE_NAMES)}"


def _project(rng: random.Random, unit: Unit) -> str:
    roll = rng.random()
    verb = rng.choice(PROJECT_VERBS)
    if roll < 0.3:
        return f"dự án {verb} quốc lộ {rng.choice(ROAD_CODES)}"
    if roll < 0.5:
        return f"dự án {verb} đường tỉnh {rng.choice(PROVINCIAL_ROADS)}"
    if roll < 0.6:
        return f"dự án đường vành đai {rng.randint(2, 5)}"
    return f"dự án {verb} {rng.choice(PROJECT_OBJECTS)} {rng.choice(PLACE_NAMES)}"


def _waterway(rng: random.Random, unit: Unit) -> str:
    return f"{rng.choice(WATERWAYS)} {rng.choice(PLACE_NAMES)}"


def _business(rng: random.Random, unit: Unit) -> str:
    return f"{rng.choice(BUSINESSES)} {rng.choice(PLACE_NAMES)}"


SLOTS: dict[str, Slot] = {
    "xa": lambda rng, unit: unit.full_name,
    "tinh": lambda rng, unit: unit.province,
    "thon": _hamlet,
    "duong": _street,
    "ngo": _alley,
    "noi": _landmark,
    "place": _place,
    "nguoi": _person,
    "chucdanh": lambda rng, unit: rng.choice(ROLES),
    "thoigian": _duration,
    "ngay": _date,
    "sohos": lambda rng, unit: f"{rng.randint(5, 180)} hộ dân",
    "so": lambda rng, unit: str(rng.randint(2, 9)),
    "songuoi": lambda rng, unit: str(rng.randint(10, 300)),
    "dientich": lambda rng, unit: f"{rng.randint(3, 120) * 10} m²",
    "tien": lambda rng, unit: f"{rng.randint(2, 90) * (10 if rng.random() < 0.4 else 1)} triệu đồng",
    "phi": lambda rng, unit: f"{rng.randint(12, 300) * 10_000:,} đồng".replace(",", "."),
    "duan": _project,
    "kenh": _waterway,
    "gio": lambda rng, unit: rng.choice(TIMES),
    "coso": _business,
    "nam": lambda rng, unit: str(rng.randint(2012, 2025)),
    "tuoi": lambda rng, unit: str(rng.randint(62, 93)),
}

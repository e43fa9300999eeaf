"""Reference data a new portal starts with; admins edit it afterwards."""

from __future__ import annotations

import sqlalchemy as sa

from portal.extensions import db
from portal.petitions.models import Category

# (code, Vietnamese name, English name): the topics communes receive most.
DEFAULT_CATEGORIES = (
    ("dat-dai", "Đất đai, giải phóng mặt bằng", "Land and site clearance"),
    ("moi-truong", "Môi trường, vệ sinh", "Environment and sanitation"),
    ("giao-thong", "Giao thông, đường sá", "Roads and traffic"),
    ("xay-dung", "Xây dựng, trật tự đô thị", "Construction and urban order"),
    ("dien-nuoc", "Điện, nước sinh hoạt", "Electricity and water supply"),
    ("chieu-sang", "Chiếu sáng, hạ tầng công cộng", "Street lighting and public facilities"),
    ("an-sinh", "An sinh xã hội, chính sách", "Social welfare and allowances"),
    ("y-te", "Y tế", "Health"),
    ("giao-duc", "Giáo dục", "Education"),
    ("an-ninh", "An ninh, trật tự", "Public order and safety"),
    ("thu-tuc", "Thủ tục hành chính", "Administrative procedures"),
    ("can-bo", "Thái độ, trách nhiệm cán bộ", "Conduct of officials"),
    ("khac", "Khác", "Other"),
)


def seed_categories() -> list[Category]:
    """Add the default categories that are missing; never overwrite edits."""
    known = set(db.session.scalars(sa.select(Category.code)))
    added = []
    for order, (code, name, name_en) in enumerate(DEFAULT_CATEGORIES):
        if code in known:
            continue
        category = Category(code=code, name=name, name_en=name_en, sort_order=order * 10)
        db.session.add(category)
        added.append(category)
    db.session.flush()
    return added

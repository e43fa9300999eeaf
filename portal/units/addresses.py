"""A commune from an address typed as free text by a program or a person:
"Số 5 Hàng Bông, Phường Hoàn Kiếm, Thành phố Hà Nội", "hoan kiem, ha noi",
"P. Hoàn Kiếm". Matching folds case, diacritics and đ/Đ and accepts either
tone placement; a name written with the diacritics as typed wins a tie."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from portal import vietnamese
from portal.extensions import db
from portal.units.models import COMMUNE_KINDS, Unit
from portal.units.queries import PlaceNotFound, provinces

_SEPARATORS = re.compile(r"[,;\n]+")
_NOT_WORD = re.compile(r"[^\w]+")
# Abbreviations people write before a name, as folded text.
_ABBREVIATIONS = ((re.compile(r"^tp\.?\s*"), "thanh pho "), (re.compile(r"^p\.\s*"), "phuong "),
                  (re.compile(r"^x\.\s*"), "xa "))
_COMMUNE_WORDS = ("phuong ", "xa ", "dac khu ")
_PROVINCE_WORDS = ("thanh pho ", "tinh ")


def _key(text: str) -> str:
    """Folded, abbreviations spelled out, punctuation as single spaces."""
    folded = vietnamese.fold(text).strip()
    for pattern, replacement in _ABBREVIATIONS:
        folded = pattern.sub(replacement, folded)
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def _names_match(part: str, unit: Unit, kind_words: tuple[str, ...]) -> bool:
    """``part`` names ``unit``: its full name ("phuong hoan kiem"), or its bare
    name when no kind word was written (a written kind must be the unit's)."""
    if part == _key(unit.full_name):
        return True
    return not part.startswith(kind_words) and part == _key(unit.name)


def _prefer_typed_diacritics(found: list[Unit], typed: str) -> list[Unit]:
    typed_key = vietnamese.match_key(typed)
    exact = [u for u in found if vietnamese.match_key(u.name) in typed_key
             or vietnamese.match_key(u.full_name) in typed_key]
    return exact if len(exact) == 1 else found


def _find(parts: list[str], candidates: list[Unit], kind_words) -> tuple[list[Unit], int | None]:
    """Units named by one of ``parts``, trying the last part first (addresses
    run from the street to the province); with the index of that part."""
    for index in range(len(parts) - 1, -1, -1):
        part = _key(parts[index])
        found = [u for u in candidates if _names_match(part, u, kind_words)]
        if found:
            return _prefer_typed_diacritics(found, parts[index]), index
    return [], None


def _find_within(text: str, candidates: list[Unit]) -> list[Unit]:
    """Units whose full name (with its kind: "phuong hoan kiem") appears in
    ``text`` as whole words, for addresses written without commas. Bare names
    are not searched: a street named after a person would match a commune."""
    padded = f" {_key(text)} "
    found = [u for u in candidates if f" {_key(u.full_name)} " in padded]
    if len(found) > 1:
        # "Phường Tân An" inside "Phường Tân An Hội": the longer name is meant.
        longest = max(len(u.full_name) for u in found)
        found = [u for u in found if len(u.full_name) == longest]
    return found


def _all_communes() -> list[Unit]:
    return list(db.session.scalars(
        sa.select(Unit).where(Unit.kind.in_(COMMUNE_KINDS)).options(joinedload(Unit.parent))))


def _communes_of(province: Unit) -> list[Unit]:
    return list(db.session.scalars(sa.select(Unit).where(Unit.parent_id == province.id)))


def commune_from_address(text: str) -> Unit:
    """The commune an address names, or PlaceNotFound (field "commune") with
    ``suggestions`` when it names several and no province tells them apart."""
    parts = [part for part in (vietnamese.clean(p) for p in _SEPARATORS.split(text or "")) if part]
    if not parts:
        raise PlaceNotFound(_("Vui lòng ghi tên xã, phường nơi xảy ra sự việc."), field="commune")
    found, index = _find(parts, provinces(), _PROVINCE_WORDS)
    if len(found) != 1:
        found = _find_within(" ".join(parts), provinces())
        index = None
    province = found[0] if len(found) == 1 else None
    rest = parts if index is None else parts[:index] + parts[index + 1:]
    candidates = _communes_of(province) if province else _all_communes()
    communes, _index = _find(rest, candidates, _COMMUNE_WORDS)
    if not communes:
        communes = _find_within(" ".join(rest), candidates)
    if len(communes) == 1:
        return communes[0]
    if communes:
        raise PlaceNotFound(
            _("Có nhiều đơn vị khớp với tên này, vui lòng chọn một trong danh sách."),
            field="commune", suggestions=sorted(communes, key=lambda u: u.code))
    if province is not None:
        raise PlaceNotFound(_("Không tìm thấy xã, phường nào có tên này ở %(province)s.",
                              province=province.full_name), field="commune")
    raise PlaceNotFound(_("Không tìm thấy xã, phường, đặc khu nào trong địa chỉ này."),
                        field="commune")

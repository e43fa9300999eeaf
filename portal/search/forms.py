"""The search form: what a person may ask for, checked before it reaches the
index. Units and categories are named by their codes, as in the API."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional, ValidationError

from portal.forms import BaseForm
from portal.petitions.models import PetitionKind, PetitionStatus
from portal.petitions.queries import active_categories
from portal.search.analysis import ParsedQuery, parse_query
from portal.search.documents import PETITION, SESSION
from portal.search.engine import Filters
from portal.units import queries as unit_queries

TYPES = {PETITION: _l("Phản ánh, kiến nghị"), SESSION: _l("Hội nghị đối thoại")}
SORTS = {"": _l("Phù hợp nhất"), "date": _l("Mới nhất")}
FIRST_YEAR = 2025


class SearchForm(BaseForm):
    class Meta:
        csrf = False  # a GET search that changes nothing

    q = StringField(_l("Tìm kiếm"), validators=[Optional(), Length(max=200)])
    type = SelectField(_l("Loại"), validators=[Optional()])
    province = SelectField(_l("Tỉnh, thành phố"), validators=[Optional()])
    unit = SelectField(_l("Xã, phường"), validators=[Optional()])
    category = SelectField(_l("Lĩnh vực"), validators=[Optional()])
    kind = SelectField(_l("Hình thức"), validators=[Optional()])
    status = SelectField(_l("Trạng thái"), validators=[Optional()])
    year = SelectField(_l("Năm"), validators=[Optional()])
    overdue = BooleanField(_l("Chỉ hồ sơ quá hạn"))
    sort = SelectField(_l("Sắp xếp"), validators=[Optional()],
                       choices=[SelectChoice(k, v) for k, v in SORTS.items()])

    def __init__(self, *args, this_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [SelectChoice("", _l("Tất cả"))]
        self.type.choices = everything + [SelectChoice(k, v) for k, v in TYPES.items()]
        provinces = unit_queries.provinces()
        self._provinces = {u.code: u for u in provinces}
        self.province.choices = everything + [SelectChoice(u.code, u.full_name) for u in provinces]
        province = self._provinces.get(self.province.data or "")
        communes = unit_queries.communes_of(province) if province else []
        self._communes = {u.code: u for u in communes}
        self.unit.choices = everything + [SelectChoice(u.code, u.full_name) for u in communes]
        self._categories = {c.code: c for c in active_categories()}
        self.category.choices = everything + [SelectChoice(c.code, c.label)
                                              for c in self._categories.values()]
        self.kind.choices = everything + [SelectChoice(k.value, k.label) for k in PetitionKind]
        self.status.choices = everything + [SelectChoice(s.value, s.label) for s in PetitionStatus]
        self.year.choices = everything + [SelectChoice(str(y), str(y))
                                          for y in range(this_year, FIRST_YEAR - 1, -1)]

    def validate_unit(self, field):
        if field.data and not self.province.data:
            raise ValidationError(_l("Chọn tỉnh, thành phố trước khi chọn xã, phường."))

    def parsed(self, *, prefix: bool = False) -> ParsedQuery:
        return parse_query(self.q.data or "", prefix=prefix)

    def filters(self) -> Filters:
        province = self._provinces.get(self.province.data or "")
        commune = self._communes.get(self.unit.data or "")
        category = self._categories.get(self.category.data or "")
        return Filters(
            type=self.type.data or None,
            province=province.id if province else None,
            unit=commune.id if commune else None,
            category=category.id if category else None,
            kind=self.kind.data or None, status=self.status.data or None,
            year=int(self.year.data) if self.year.data else None,
            overdue=bool(self.overdue.data))

    @property
    def by_date(self) -> bool:
        return self.sort.data == "date"

    def facets_by_code(self, facets: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
        """Facet counts keyed by the values this form (and the API) take:
        codes for categories and provinces, index values otherwise."""
        codes = {"category": {str(c.id): c.code for c in self._categories.values()},
                 "province": {str(u.id): u.code for u in self._provinces.values()}}
        return {name: {codes.get(name, {}).get(value, value): count
                       for value, count in values.items()}
                for name, values in facets.items()}

"""Pages of a query, from a ``page`` argument nobody can turn into an error."""

from __future__ import annotations

import math
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app, request
from flask_sqlalchemy.pagination import Pagination

from portal.extensions import db

MAX_PAGE = 10_000


def page_number() -> int:
    raw = request.args.get("page", "")
    if not (raw.isascii() and raw.isdecimal()) or len(raw) > 6:
        return 1
    return min(max(int(raw), 1), MAX_PAGE)


def paginate(query: sa.Select) -> Pagination:
    return db.paginate(query, page=page_number(), per_page=current_app.config["PER_PAGE"],
                       max_per_page=current_app.config["PER_PAGE"], error_out=False)


def page_args(page: int, keep: tuple[str, ...]) -> dict:
    """Query arguments for a link to ``page``: only the filters named in
    ``keep`` are carried over, so no argument can reach ``url_for``'s own."""
    args = {name: request.args[name] for name in keep if request.args.get(name)}
    args["page"] = page
    return args


class PageNumbers:
    """The pager's questions, for pages not made by Flask-SQLAlchemy: needs
    ``page``, ``per_page`` and ``total``."""

    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def next_num(self) -> int:
        return self.page + 1


@dataclass
class ListPage(PageNumbers):
    """A page of records picked from a list of ids computed in Python (the
    petitions behind a figure)."""

    items: list
    page: int
    per_page: int
    total: int


def load_by_ids(model, ids: list[int]) -> list:
    """Records of ``model`` with these ids, in the same order. Queried in
    chunks: SQLite takes at most 32,766 bound values in one statement."""
    found = []
    for start in range(0, len(ids), 1000):
        chunk = ids[start:start + 1000]
        by_id = {r.id: r for r in db.session.scalars(sa.select(model).where(model.id.in_(chunk)))
                 .unique()}
        found += [by_id[i] for i in chunk if i in by_id]
    return found


def paginate_ids(model, ids: list[int]) -> ListPage:
    per_page = current_app.config["PER_PAGE"]
    page = min(page_number(), max(1, math.ceil(len(ids) / per_page)))
    chosen = ids[(page - 1) * per_page:page * per_page]
    return ListPage(load_by_ids(model, chosen), page, per_page, len(ids))

"""Pages of a query, from a ``page`` argument nobody can turn into an error."""

from __future__ import annotations

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

"""Language choice and the date formats shown to people."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import format_date, format_datetime, get_locale


def select_locale() -> str:
    # Vietnamese unless the person chose otherwise: the browser's language is
    # deliberately ignored, an official's English browser still gets Vietnamese.
    if not has_request_context():
        return "vi"  # the command line speaks Vietnamese
    languages = current_app.config["LANGUAGES"]
    if request.path.startswith("/api/"):
        # A program has no language cookie: it asks with Accept-Language.
        return request.accept_languages.best_match(languages, default="vi")
    chosen = session.get("lang")
    return chosen if chosen in languages else "vi"


def local_datetime(value: datetime | None) -> str:
    return format_datetime(value, "dd/MM/yyyy HH:mm") if value else ""


def local_date(value: date | datetime | None) -> str:
    return format_date(value, "dd/MM/yyyy") if value else ""


def iso_date(value: str | None) -> str:
    """A date kept as ISO text (in history data) as people read it."""
    try:
        return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""
    except (TypeError, ValueError):
        return ""


def register_template_helpers(app: Flask) -> None:
    app.add_template_filter(local_datetime, "datetime")
    app.add_template_filter(local_date, "date")
    app.add_template_filter(iso_date, "isodate")

    @app.context_processor
    def _language():
        locale = get_locale()
        return {"current_language": locale.language if locale else "vi"}

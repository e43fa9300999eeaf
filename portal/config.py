"""Settings, read from the environment when the app is created.

Three environments, chosen by ``PORTAL_ENV``:

- ``development`` (the default, used by ``make run``): embedded SQLite under
  ``instance/``, a random secret key kept in ``instance/secret_key``.
- ``test``: what the test suite passes to ``create_app``.
- ``production`` (``make serve``): every secret comes from the environment and
  the app refuses to start without a real ``SECRET_KEY``.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = ROOT / "instance"

# Values that must never reach production as a secret key: the empty string
# and the placeholders people copy out of documentation.
_PLACEHOLDER_KEYS = {"", "change-me", "changeme", "secret", "dev", "development", "xxx"}
MIN_SECRET_KEY_LENGTH = 32


class ConfigError(RuntimeError):
    """The environment does not describe a usable configuration."""


def database_url(raw: str) -> str:
    """Point plain PostgreSQL URLs at psycopg 3, the driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


def _flag(environ: Mapping[str, str], name: str, default: bool) -> bool:
    value = environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from exc


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _base(environ: Mapping[str, str]) -> dict:
    return {
        "SQLALCHEMY_DATABASE_URI": database_url(
            environ.get("DATABASE_URL") or _sqlite_url(INSTANCE_DIR / "portal.db")
        ),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SEARCH_INDEX_DIR": environ.get("SEARCH_INDEX_DIR") or str(ROOT / "search_index"),
        # Apply the search log to the index after each commit (after the
        # response is sent, in a request). Off, changes wait for
        # `flask search sync`; the log is written either way.
        "SEARCH_APPLY_AFTER_COMMIT": _flag(environ, "SEARCH_APPLY_AFTER_COMMIT", True),
        # Mail: without MAIL_SERVER, messages go to OUTBOX_DIR as .eml files.
        "MAIL_SERVER": environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": _int(environ, "MAIL_PORT", 587),
        "MAIL_USERNAME": environ.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": environ.get("MAIL_PASSWORD", ""),
        "MAIL_USE_TLS": _flag(environ, "MAIL_USE_TLS", True),
        "MAIL_FROM": environ.get("MAIL_FROM", "no-reply@localhost"),
        "OUTBOX_DIR": environ.get("OUTBOX_DIR") or str(INSTANCE_DIR / "outbox"),
        # Language and time: Vietnamese first, dates shown in Vietnam's zone.
        "BABEL_DEFAULT_LOCALE": "vi",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
        "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "portal" / "translations"),
        "LANGUAGES": ("vi", "en"),
        # Rate limits on public writes; storage is per process unless a shared
        # backend (e.g. redis://) is configured for several workers.
        "RATELIMIT_STORAGE_URI": environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        # A moving window: "5 per minute" means any 60 seconds, not 5 before
        # and 5 after the minute turns (a fixed window lets bursts of twice
        # the limit through, and made the limit tests fail at a boundary).
        "RATELIMIT_STRATEGY": "moving-window",
        "RATELIMIT_ENABLED": _flag(environ, "RATELIMIT_ENABLED", True),
        "RATE_LIMIT_SUBMIT": environ.get("RATE_LIMIT_SUBMIT", "5 per minute;40 per day"),
        "RATE_LIMIT_LOGIN": environ.get("RATE_LIMIT_LOGIN", "10 per minute;100 per day"),
        # Per account tried, from any address: slows password guessing spread
        # over many machines.
        "RATE_LIMIT_LOGIN_ACCOUNT": environ.get("RATE_LIMIT_LOGIN_ACCOUNT", "20 per hour"),
        "RATE_LIMIT_REGISTER": environ.get("RATE_LIMIT_REGISTER", "5 per hour"),
        "RATE_LIMIT_TRACK": environ.get("RATE_LIMIT_TRACK", "30 per minute"),
        # Open311: a program relays many residents from one address, so its
        # petitions are counted per key rather than per address.
        "RATE_LIMIT_OPEN311_SUBMIT": environ.get("RATE_LIMIT_OPEN311_SUBMIT",
                                                 "30 per minute;2000 per day"),
        "RATE_LIMIT_OPEN311_READ": environ.get("RATE_LIMIT_OPEN311_READ", "120 per minute"),
        # Who answers questions about the Open311 interface (its discovery file).
        "OPEN311_CONTACT": environ.get("OPEN311_CONTACT", ""),
        "PASSWORD_HASH_METHOD": "scrypt",
        # Forms: a resident may take a long time to write a petition.
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "TRUSTED_PROXY_COUNT": _int(environ, "TRUSTED_PROXY_COUNT", 0),
        "PER_PAGE": 25,
        # A unit enters the league table of on-time rates once it answered this many.
        "LEAGUE_MIN_ANSWERED": _int(environ, "LEAGUE_MIN_ANSWERED", 20),
        # Days a resident has to rate a published answer before it closes.
        "RATING_WINDOW_DAYS": _int(environ, "RATING_WINDOW_DAYS", 15),
        # Where links in e-mails point, e.g. https://phananh.example.gov.vn
        "PUBLIC_BASE_URL": environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:5000"),
    }


def _development_secret_key() -> str:
    """A random key kept on disk so development sessions survive restarts."""
    path = INSTANCE_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def check_production_environment(environ: Mapping[str, str] = os.environ) -> None:
    key = environ.get("SECRET_KEY", "")
    if key.strip().lower() in _PLACEHOLDER_KEYS or len(key) < MIN_SECRET_KEY_LENGTH:
        raise ConfigError(
            "SECRET_KEY must be set to a random value of at least "
            f"{MIN_SECRET_KEY_LENGTH} characters in production, e.g.\n"
            "  export SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
        )


def load_config(env: str | None = None, environ: Mapping[str, str] = os.environ) -> dict:
    env = env or environ.get("PORTAL_ENV", "development")
    config = _base(environ)
    config["PORTAL_ENV"] = env
    if env == "production":
        check_production_environment(environ)
        if config["RATELIMIT_STORAGE_URI"].startswith("memory://"):
            logging.getLogger(__name__).warning(
                "RATELIMIT_STORAGE_URI is memory://: each gunicorn worker counts on its own; "
                "set a shared store (e.g. redis://) so rate limits hold across workers"
            )
        config["SECRET_KEY"] = environ["SECRET_KEY"]
        config["SESSION_COOKIE_SECURE"] = _flag(environ, "SESSION_COOKIE_SECURE", True)
        config["REMEMBER_COOKIE_SECURE"] = config["SESSION_COOKIE_SECURE"]
    elif env == "development":
        config["SECRET_KEY"] = environ.get("SECRET_KEY") or _development_secret_key()
    elif env == "test":
        config.update(
            TESTING=True,
            SECRET_KEY="test-secret-key-not-for-production",  # noqa: S106 - tests only
            # Limits stay on (a test lowers one to prove it bites) but are
            # high enough that ordinary tests never meet them.
            RATE_LIMIT_SUBMIT="1000 per minute",
            RATE_LIMIT_LOGIN="1000 per minute",
            RATE_LIMIT_LOGIN_ACCOUNT="1000 per minute",
            RATE_LIMIT_REGISTER="1000 per minute",
            RATE_LIMIT_TRACK="1000 per minute",
            RATE_LIMIT_OPEN311_SUBMIT="1000 per minute",
            RATE_LIMIT_OPEN311_READ="1000 per minute",
            RATELIMIT_STORAGE_URI="memory://",
            # Whoosh writes cost ~15 ms per commit; tests of search turn
            # them on with the ``search`` fixture.
            SEARCH_APPLY_AFTER_COMMIT=False,
            # Cheap but real scrypt so hundreds of logins stay fast in tests.
            PASSWORD_HASH_METHOD="scrypt:1024:8:1",  # noqa: S106 - a hash method, not a password
            SQLALCHEMY_DATABASE_URI="sqlite://",
        )
    else:
        raise ConfigError(f"PORTAL_ENV must be development, test or production, got {env!r}")
    return config


def main() -> None:
    """Check the production environment before serving (``make serve``)."""
    try:
        check_production_environment()
    except ConfigError as exc:
        sys.exit(f"Refusing to start: {exc}")


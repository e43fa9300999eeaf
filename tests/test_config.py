"""Configuration from the environment, and production's refusal to start unsafely."""

import subprocess
import sys
from pathlib import Path

import pytest

from portal.config import ConfigError, database_url, load_config

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("key", ["", "change-me", "short-key", "secret"])
def test_production_refuses_a_missing_or_weak_secret_key(key):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config("production", {"SECRET_KEY": key})


def test_production_reads_its_settings_from_the_environment():
    config = load_config("production", {
        "SECRET_KEY": "k" * 48,
        "DATABASE_URL": "postgresql://portal@db.internal/portal",
        "SEARCH_INDEX_DIR": "/srv/portal/index",
        "MAIL_SERVER": "smtp.internal", "MAIL_PORT": "25", "MAIL_USE_TLS": "0",
    })
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://portal@db.internal/portal"
    assert config["SEARCH_INDEX_DIR"] == "/srv/portal/index"
    assert (config["MAIL_SERVER"], config["MAIL_PORT"], config["MAIL_USE_TLS"]) == (
        "smtp.internal", 25, False)
    assert config["SESSION_COOKIE_SECURE"] is True


def test_bad_numbers_are_reported_by_name():
    with pytest.raises(ConfigError, match="MAIL_PORT"):
        load_config("production", {"SECRET_KEY": "k" * 48, "MAIL_PORT": "smtp"})


def test_unknown_environment_is_refused():
    with pytest.raises(ConfigError, match="PORTAL_ENV"):
        load_config("staging", {})


def test_postgres_urls_use_psycopg3():
    assert database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert database_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_the_server_command_refuses_to_start_without_a_secret_key():
    env = {"PATH": "/usr/bin:/bin", "PORTAL_ENV": "production"}
    result = subprocess.run([sys.executable, "-c", "from portal.config import main; main()"],
                            cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "Refusing to start" in result.stderr
    booted = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert booted.returncode != 0 and "SECRET_KEY" in booted.stderr

"""Registers every ``flask --app wsgi …`` command group."""

from __future__ import annotations

from flask import Flask

from portal.accounts.cli import accounts_cli
from portal.demo import demo_cli, setup_cli
from portal.inspection.cli import inspection_cli
from portal.notifications.cli import notify_cli, petitions_cli
from portal.open311.cli import open311_cli
from portal.search.cli import search_cli
from portal.units.cli import units_cli


def register_commands(app: Flask) -> None:
    for command in (units_cli, accounts_cli, demo_cli, setup_cli, notify_cli, petitions_cli,
                    search_cli, inspection_cli, open311_cli):
        app.cli.add_command(command)

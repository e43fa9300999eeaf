"""docs/api.md is run, not just read: its shell blocks, in order, against a
live server holding the demo data, with curl as a reader would. Each
journey's outcome is checked in what the script printed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_browser import live_server  # noqa: F401 - the same live server

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def _script() -> str:
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return "set -euo pipefail\n" + "\n".join(blocks)


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_curl_journeys_in_the_api_guide_work(app, db, live_server):  # noqa: F811
    result = CliRunner().invoke(app.cli, ["demo", "load"], obj=None,
                                standalone_mode=False)
    assert result.exception is None, result.output
    env = {**os.environ, "BASE": live_server,
           # python3 in the guide is whichever the reader has; here, ours.
           "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    # The guide's own shell blocks, run by the bash on the PATH as a reader would.
    run = subprocess.run(["bash", "-c", _script()], capture_output=True,  # noqa: S603, S607
                         text=True, env=env, timeout=120)
    out = run.stdout
    assert run.returncode == 0, run.stderr + out
    assert "'name_en': 'Land and site clearance'" in out and "\n00070\n" in out
    assert re.search(r"Mã theo dõi: KN-\d\d-[0-9A-Z]{4}-[0-9A-Z]{4}", out)
    assert "'code': 'received'" in out
    assert "'title': ['" in out and "'body': ['" in out  # the mistake, named by field
    assert "accepted" in out and "Trần Văn Minh" in out
    assert "pending_approval" in out and "answered" in out
    assert "Phường đã thay bóng đèn ngõ 12" in out and "closed" in out
    assert "'on_time_rate'" in out
    assert out.endswith("204\n204\n204\n")  # every token revoked

"""``dialdesk --self-test``: what the installers run on a fresh install to prove it works."""

import os
import subprocess
import sys


def test_self_test_claims_a_company_and_prints_one_line() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DIALDESK_DSN"}
    done = subprocess.run(
        [sys.executable, "-m", "dialdesk.cli.main", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert "self-test passed" in lines[0] and "claimed «" in lines[0]

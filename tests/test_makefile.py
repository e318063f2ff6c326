"""`make run` and `make install` as a newcomer meets them: another port, and progress
while the packages install. pip is stood in for by a script, so nothing is installed."""

import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")


def make(*args, cwd=PROJECT_ROOT):
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_make_run_serves_on_the_port_given_with_port():
    result = make("-n", "run", "PORT=8123")
    assert "runserver 127.0.0.1:8123" in result.stdout
    assert "http://127.0.0.1:8123/" in result.stdout
    assert "runserver 127.0.0.1:8000" in make("-n", "run").stdout


def fake_venv(tmp_path, pip_script):
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, script in [("python", "exit 0"), ("pip", pip_script)]:
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\n{script}\n")
        path.chmod(0o755)
    return tmp_path / "venv"


def test_make_install_prints_what_it_is_doing(tmp_path):
    venv = fake_venv(
        tmp_path,
        'echo "Obtaining file:///project"; echo "Collecting Django>=5.2"; sleep 0; '
        'echo "  Downloading django-5.2.whl (8.3 MB)"; echo "Collecting django-htmx>=1.19"; '
        'echo "Successfully installed Django-5.2 django-htmx-1.19"',
    )
    result = make("install", f"VENV={venv}")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("==> Installing Matchningskollen's packages")
    assert "    Django" in lines and "    django-htmx" in lines
    assert lines[-1] == "==> Installed."
    assert (venv / ".installed").exists()


def test_a_failing_install_shows_everything_pip_said(tmp_path):
    venv = fake_venv(
        tmp_path, 'echo "Collecting Django>=5.2"; echo "ERROR: No matching distribution"; exit 1'
    )
    result = make("install", f"VENV={venv}")
    assert result.returncode != 0
    assert "ERROR: No matching distribution" in result.stdout
    assert not (venv / ".installed").exists()

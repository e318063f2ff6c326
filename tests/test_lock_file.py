"""requirements.lock pins what `make install` and the Docker image install: every package
pyproject.toml asks for is pinned there, at a version its range allows, and the pins are
what the tests run with."""

import importlib.metadata
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def pins():
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    requirements = [Requirement(line) for line in lines if line and not line.startswith("#")]
    return {canonicalize_name(r.name): r for r in requirements}


def declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = project["dependencies"] + project["optional-dependencies"]["test"]
    return [Requirement(name) for name in names]


def test_every_pin_is_exact():
    loose = [str(r) for r in pins().values() if [s.operator for s in r.specifier] != ["=="]]
    assert loose == []


def test_every_dependency_is_pinned_within_its_range():
    locked = pins()
    missing = [r.name for r in declared() if canonicalize_name(r.name) not in locked]
    assert missing == [], "run `make lock` after changing pyproject.toml"
    outside = [
        f"{r.name} {version}"
        for r in declared()
        if (version := next(iter(locked[canonicalize_name(r.name)].specifier)).version)
        not in r.specifier
    ]
    assert outside == []


def test_the_tests_run_with_the_pinned_versions():
    differs = {}
    for name, pin in pins().items():
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = None
        if version is None or version not in pin.specifier:
            differs[name] = (version, str(pin.specifier))
    assert differs == {}

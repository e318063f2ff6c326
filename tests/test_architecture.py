"""The house: imports point down, from the pages at the top to the shared pieces at the
bottom. An import upwards is a design bug; this test names it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lower numbers sit lower. Apps on one level may use each other.
LEVELS = {
    "krom": 0,
    "places": 1,
    "suppliers": 2,
    "offices": 2,
    "grades": 3,
    "reviews": 3,
    "afsync": 4,
    "demo": 5,
    "opendata": 5,
}
# krom also holds the site's top: the root URLs and the views and helpers that span apps.
TOP_OF_THE_HOUSE = {"krom.urls", "krom.views", "krom.sitemaps", "krom.admin_index"}


def imported_apps(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def upward_imports():
    for app, level in LEVELS.items():
        for path in sorted((ROOT / app).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            own = max(LEVELS.values()) + 1 if module in TOP_OF_THE_HOUSE else level
            for name in imported_apps(path):
                other = name.split(".")[0]
                if other in LEVELS and other != app and LEVELS[other] > own:
                    yield f"{path.relative_to(ROOT)} imports {name}"


def test_no_app_imports_from_an_app_above_it():
    assert list(upward_imports()) == []


def test_every_app_of_the_project_has_a_level():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps <= set(LEVELS), apps - set(LEVELS)


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    (tmp_path / "krom").mkdir()
    (tmp_path / "krom" / "helper.py").write_text("from reviews.models import Review\n")
    monkeypatch.setattr("tests.test_architecture.ROOT", tmp_path)
    monkeypatch.setattr("tests.test_architecture.LEVELS", {"krom": 0, "reviews": 3})
    assert list(upward_imports()) == ["krom/helper.py imports reviews.models"]

"""README's layout table matches the tree: every folder of the project once, nothing that
is not there."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def layout_paths():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return [path for row in rows for path in re.findall(r"`([^`]+)`", row.split(" | ")[0])]


def tracked_top_level():
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return {name.split("/")[0] + ("/" if "/" in name else "") for name in files}


def test_every_path_in_the_layout_table_exists():
    assert [path for path in layout_paths() if not (ROOT / path).exists()] == []


def test_every_folder_is_in_the_layout_table_once():
    listed = [path.rstrip("/").split("/")[0] + "/" for path in layout_paths() if "/" in path]
    folders = {name for name in tracked_top_level() if name.endswith("/")}
    assert sorted(name for name in folders if listed.count(name) != 1) == []

"""Files stay short enough to read in one go, or say at their top why not (issue 13)."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONGEST_WITHOUT_A_REASON = 300
# "Longer than 300 lines because …", "(long because …)", "… on purpose".
A_REASON = re.compile(r"\blong(er than 300 lines)?\W{0,3}(because|on purpose)", re.IGNORECASE)


def python_files():
    for path in sorted(ROOT.glob("**/*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "node_modules", "staticfiles"} or "migrations" in parts:
            continue
        yield path


def test_a_file_over_300_lines_says_why_at_its_top():
    unexplained = []
    for path in python_files():
        text = path.read_text()
        if text.count("\n") <= LONGEST_WITHOUT_A_REASON:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if not A_REASON.search(" ".join(docstring.split())):
            unexplained.append(str(path.relative_to(ROOT)))
    assert unexplained == []

"""Numbers and codes read left to right, and Swedish texts keep their own direction, inside
right-to-left (Arabic) pages: krom/bidi.py's filters, and every template using them."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template

TEMPLATE_DIRS = [
    path
    for path in Path(__file__).resolve().parent.parent.glob("**/templates")
    if ".venv" not in path.parts
]
# A number or code shown as it is: phone, organisation number, postcode, KA-number, address.
NUMBER_OR_CODE = re.compile(
    r"\{\{\s*[\w.]*\.(phone|organisation_number_display|postal_code_display|ka_number|"
    r"legacy_ka_number|full_address)\s*\}\}"
)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ value|ltr }}", '<bdi dir="ltr">010-904 41 36</bdi>'),
        ("{{ value|sv }}", '<bdi lang="sv" dir="auto">010-904 41 36</bdi>'),
        ("{{ empty|ltr }}{{ empty|sv }}", ""),
        ("{{ evil|ltr }}", '<bdi dir="ltr">&lt;b&gt;</bdi>'),
    ],
)
def test_filters_isolate_and_escape(template, expected):
    context = Context({"value": "010-904 41 36", "empty": "", "evil": "<b>"})
    assert Template(template).render(context) == expected


def test_every_number_and_code_in_the_public_templates_is_isolated():
    """The Django admin is Swedish only; every other template wraps these values in the
    ltr or sv filter, or in a <bdi dir="ltr"> of its own."""
    bare = []
    for directory in TEMPLATE_DIRS:
        for path in directory.glob("**/*.html"):
            if "admin" in path.relative_to(directory).parts:
                continue
            text = path.read_text()
            for match in NUMBER_OR_CODE.finditer(text):
                before = text[max(0, match.start() - 120) : match.start()]
                if re.search(r'<bdi dir="ltr"[^>]*>$', before) or "visually-hidden" in before:
                    continue
                line = text.count("\n", 0, match.start()) + 1
                bare.append(f"{path.relative_to(directory.parent)}:{line}: {match.group(0)}")
    assert bare == []

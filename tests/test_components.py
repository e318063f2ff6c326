"""The component kit: one list join, colours only through custom properties, one script."""

import re
from pathlib import Path

from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

ROOT = Path(__file__).resolve().parent.parent
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(")


def render(source, **context):
    return Template("{% load components %}" + source).render(Context(context))


def test_list_join_uses_the_page_language_s_separator():
    items = ["svenska", "arabiska"]
    assert render("{{ items|list_join }}", items=items) == "svenska, arabiska"
    with translation.override("ar"):
        assert render("{{ items|list_join }}", items=items) == "svenska، arabiska"


def test_list_join_escapes_text_keeps_markup_and_says_nothing_for_no_items():
    items = ["<b>", mark_safe('<span lang="ar">العربية</span>')]
    assert render("{{ items|list_join }}", items=items) == (
        '&lt;b&gt;, <span lang="ar">العربية</span>'
    )
    assert render('{{ items|list_join|default:"Inga" }}', items=[]) == "Inga"


def test_list_join_shows_an_attribute_of_each_item():
    class Item:
        def __init__(self, label):
            self.label = label

    rendered = render('{{ items|list_join:"label" }}', items=[Item("a"), Item("b")])
    assert rendered == "a, b"


def test_colours_are_set_only_as_custom_properties():
    css = (ROOT / "static" / "css" / "site.css").read_text(encoding="utf-8")
    outside = [
        line.strip()
        for line in css.splitlines()
        if COLOUR.search(line) and not re.match(r"\s*--[\w-]+\s*:", line)
    ]
    assert outside == []


def test_one_script_for_the_whole_site():
    assert sorted(p.name for p in (ROOT / "static" / "js").iterdir()) == ["app.js"]
    templates = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]
    scripts = {
        src
        for template in templates
        for src in re.findall(r"<script[^>]*src=\"([^\"]+)\"", template.read_text("utf-8"))
    }
    ours = {src for src in scripts if "'vendor/" not in src}
    assert ours == {"{% static 'js/app.js' %}"}

"""Languages and industries named in every UI language, and lists joined as each writes them."""

import csv

import pytest
from django.conf import settings
from django.utils import translation

from krom.list_join import join_names
from places.reference_data import REFERENCE_DIR
from suppliers.models import Industry, Language
from tests.offices.factories import OfficeFactory, municipality
from tests.suppliers.factories import SupplierFactory

UI_LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("filename", ["languages.csv", "industries.csv"])
def test_every_reference_file_has_a_name_in_every_ui_language(filename):
    with open(REFERENCE_DIR / filename, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    missing = [
        (row.get("code") or row["slug"], language)
        for row in rows
        for language in UI_LANGUAGES
        if not row.get(f"name_{language}", "").strip()
    ]
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_every_language_and_industry_is_named_in_the_ui_language_itself(language):
    """No English (or Swedish) stand-in in any UI language: each name is in the page's."""
    for item in [*Language.objects.all(), *Industry.objects.all()]:
        name, name_language = item.name_in(language)
        assert name.strip(), (item, language)
        expected = item.code if isinstance(item, Language) and item.code == language else language
        assert name_language == expected, (item, language, name)
    assert Language.objects.count() == 63
    assert Industry.objects.count() == 21


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ui_language", "code", "name"),
    [
        ("ar", "so", "الصومالية"),
        ("fa", "prs", "دری"),
        ("uk", "sv", "Шведська"),
        ("so", "ar", "Af-Carabi"),
        ("ti", "am", "ኣምሓርኛ"),
        ("ti", "ti", "ትግርኛ"),
    ],
)
def test_a_language_is_named_as_the_ui_language_writes_it(ui_language, code, name):
    with translation.override(ui_language):
        assert Language.objects.get(code=code).display_name == name


@pytest.mark.django_db
def test_industries_show_in_arabic_on_arabic_pages(client):
    html = client.get("/ar/leverantorer/").text
    assert "الحاسوب وتقنية المعلومات</label>" in html
    assert "Data/IT</label>" not in html


@pytest.mark.parametrize(
    ("language", "names", "joined"),
    [
        ("sv", ["Arabiska", "Svenska"], "Arabiska, Svenska"),
        ("ar", ["العربية", "السويدية"], "العربية، السويدية"),
        ("fa", ["عربی", "سوئدی"], "عربی، سوئدی"),
        ("ti", ["ዓረብኛ", "ሽወደንኛ"], "ዓረብኛ፣ ሽወደንኛ"),
        ("uk", ["Арабська", "Шведська"], "Арабська, Шведська"),
        (
            "sv",
            ["Data/IT", "Transport, distribution, lager"],
            "Data/IT; Transport, distribution, lager",
        ),
        ("fa", ["فرهنگ، رسانه، طراحی", "آموزش"], "فرهنگ، رسانه، طراحی؛ آموزش"),
        ("ti", ["ባህሊ፣ ሚድያ፣ ዲዛይን", "ትምህርቲ"], "ባህሊ፣ ሚድያ፣ ዲዛይን፤ ትምህርቲ"),
    ],
)
def test_lists_are_joined_with_the_languages_own_separator(language, names, joined):
    assert join_names(names, language) == joined


@pytest.mark.django_db
def test_search_cards_join_names_as_the_ui_language_does(client):
    OfficeFactory(
        supplier=SupplierFactory(
            language_codes=["sv", "ar"], industry_slugs=["data-it", "kultur-media-design"]
        ),
        municipality=municipality("0180"),
    )
    persian = client.get("/fa/leverantorer/").text
    assert "<dd>سوئدی، عربی</dd>" in persian or "<dd>عربی، سوئدی</dd>" in persian
    assert "فرهنگ، رسانه، طراحی؛ " in persian or "؛ فرهنگ، رسانه، طراحی" in persian
    swedish = client.get("/leverantorer/").text
    assert "<dd>Data/IT; Kultur, media, design</dd>" in swedish

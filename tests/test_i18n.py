"""Swedish at the root, the other UI languages under /en/, /ar/, /so/, /ti/, /fa/ and /uk/:
catalogues, switcher, labels, the notice that the Swedish version counts (long because
each of the seven languages has the same promises)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from suppliers.models import Language
from suppliers.search_choices import forget_search_reference
from tests.offices.factories import OfficeFactory, municipality
from tests.suppliers.factories import SupplierFactory

LOCALE = Path(__file__).resolve().parent.parent / "locale"
UI_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%%|%\(\w+\)[sd]")


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy_or_obsolete(language):
    po = catalogue(language)
    assert len(po) > 400
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_translations_keep_the_placeholders_of_the_swedish_text(language):
    for entry in catalogue(language).translated_entries():
        expected = set(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) == expected, (entry.msgid, text)


@pytest.mark.integration
def test_the_catalogues_hold_every_string_in_the_source(tmp_path):
    """Runs makemessages (as `make messages` does) on a copy of the code: a new or changed
    text without a catalogue entry fails here. Needs GNU gettext, which only this test does."""
    if not shutil.which("xgettext"):
        message = "GNU gettext is not installed (apt-get install gettext)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}: CI must check the catalogues.")
        pytest.skip(message)
    root = LOCALE.parent
    apps = [name for name in settings.INSTALLED_APPS if (root / name).is_dir()]
    for name in dict.fromkeys(["krom", *apps, "templates", "locale"]):
        shutil.copytree(root / name, tmp_path / name, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(root / "manage.py", tmp_path)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "en",
            "--add-location",
            "file",
            "--ignore=templates/pages/design.html",
        ],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_SECRET_KEY": "makemessages", "DJANGO_DEBUG": "1"},
        check=True,
        capture_output=True,
    )
    remade = polib.pofile(str(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"))

    def messages(po):
        return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}

    assert messages(remade) == messages(catalogue("en")), "run `make messages` and translate"


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_committed_mo_file_is_compiled_from_the_current_po_file(language):
    """The site reads the committed .mo files: a .po edit without `make messages` fails here."""

    def messages(entries):
        return {
            (entry.msgctxt, entry.msgid, entry.msgid_plural): (
                entry.msgstr,
                tuple(sorted(entry.msgstr_plural.items())),
            )
            for entry in entries
            if entry.msgid
        }

    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    assert messages(mo) == messages(po.translated_entries())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "heading"),
    [
        ("", "sv", "ltr", "Sök leverantör"),
        ("/en", "en", "ltr", "Find a supplier"),
        ("/ar", "ar", "rtl", "ابحث عن مقدّم خدمة"),
    ],
)
def test_each_ui_language_sets_lang_and_direction_and_translates_the_page(
    client, prefix, lang, direction, heading
):
    html = client.get(f"{prefix}/leverantorer/").text
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert f"<h1>{heading}</h1>" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_every_language_has_its_pages_with_lang_and_direction(client, language):
    direction = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
    response = client.get(f"/{language}/leverantorer/")
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in response.text


def test_persian_is_right_to_left_like_arabic():
    assert {"ar", "fa"} <= set(settings.LANGUAGES_BIDI)
    assert not {"sv", "en", "so", "ti", "uk"} & set(settings.LANGUAGES_BIDI)
    for code in ["so", "ti"]:
        assert translation.get_language_info(code)["name_local"] == dict(settings.LANGUAGES)[code]


@pytest.mark.django_db
@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_translated_pages_say_the_swedish_version_counts_and_how_to_report_errors(client, language):
    html = client.get(f"/{language}/fragor-och-svar/").text
    with translation.override(language):
        counts = translation.gettext(
            "Den här sidan är översatt från svenska. Det är den svenska versionen som gäller."
        )
        dari = translation.gettext(
            "Texten är skriven så att den som läser dari också ska förstå den."
        )
    assert counts in html
    assert '<a href="/fragor-och-svar/">' in html
    assert f'href="/{language}/rapportera-fel/?sida=/{language}/fragor-och-svar/"' in html
    assert (dari in html) is (language == "fa")


@pytest.mark.django_db
def test_swedish_pages_have_no_translation_notice(client):
    assert "translation-notice" not in client.get("/fragor-och-svar/").text


@pytest.mark.django_db
def test_a_translation_error_is_reported_with_its_page_and_language(client):
    from suppliers.models import ErrorReport

    form = client.get("/fa/rapportera-fel/?sida=/fa/fragor-och-svar/")
    assert form.status_code == 200
    assert 'name="sida" value="/fa/fragor-och-svar/"' in form.text
    empty = client.post("/fa/rapportera-fel/", {"sida": "/fa/fragor-och-svar/"})
    assert empty.status_code == 200
    assert 'class="error-summary"' in empty.text
    assert ErrorReport.objects.count() == 0
    response = client.post(
        "/fa/rapportera-fel/",
        {"sida": "/fa/fragor-och-svar/", "what_is_wrong": "Ett ord är fel.", "website": ""},
    )
    assert response.status_code == 302
    assert response.url == "/fa/rapportera-fel/tack/?sida=%2Ffa%2Ffragor-och-svar%2F"
    report = ErrorReport.objects.get()
    assert (report.supplier, report.page, report.language) == (None, "/fa/fragor-och-svar/", "fa")
    assert client.get(response.url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["https://example.com/", "//example.com/", "/\\example.com", "x"])
def test_a_text_error_report_only_names_pages_of_this_site(client, page):
    html = client.get("/rapportera-fel/", {"sida": page}).text
    assert 'name="sida" value="/"' in html
    assert '<a href="/"><code>/</code></a>' in html
    main = html[html.index("<main") : html.index("</main>")]
    assert not re.search(r'(href|value)="(https?:|//|/\\)', main)


@pytest.mark.django_db
def test_english_pages_show_no_swedish_interface_text(client):
    supplier = SupplierFactory(name="Steg AB", with_offices=1)
    for url in ["/en/", "/en/leverantorer/", f"/en/leverantorer/{supplier.slug}/", "/en/ka/"]:
        html = client.get(url).text
        for swedish in [">Sök leverantör<", "Välj leverantör", ">Språk<", ">Kontor<", "Hoppa"]:
            assert swedish not in html, (url, swedish)


@pytest.mark.django_db
def test_language_switcher_keeps_the_page_and_its_filters(client):
    html = client.get("/en/leverantorer/?kommun=0380&sprak=ar").text
    query = "?kommun=0380&amp;sprak=ar"
    assert f'href="/leverantorer/{query}" lang="sv" hreflang="sv"' in html
    assert f'href="/en/leverantorer/{query}" lang="en" hreflang="en"' in html
    assert f'href="/ar/leverantorer/{query}" lang="ar" hreflang="ar" dir="rtl"' in html
    assert re.search(r'hreflang="en" dir="ltr" aria-current="true"[^>]*>English<', html)


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "text"), [("/en/finns-inte/", "We cannot find the page")])
def test_error_pages_are_translated_and_have_the_switcher(client, url, text):
    response = client.get(url)
    assert response.status_code == 404
    assert text in response.text
    assert 'href="/ar/finns-inte/" lang="ar"' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ui_language", "code", "label"),
    [
        ("sv", "ar", "Arabiska — العربية"),
        ("en", "ar", "Arabic — العربية"),
        ("ar", "ar", "العربية"),
        ("ar", "sv", "السويدية — Svenska"),
        ("ar", "so", "الصومالية — Soomaali"),
        ("fa", "so", "سومالیایی — Soomaali"),
        ("sv", "sv", "Svenska"),
        ("en", "en", "English"),
    ],
)
def test_language_label_is_the_ui_languages_name_beside_the_languages_own(ui_language, code, label):
    with translation.override(ui_language):
        assert Language.objects.get(code=code).label == label


@pytest.mark.django_db
def test_search_filters_name_languages_and_ratings_in_the_ui_language(client):
    html = client.get("/en/leverantorer/").text
    assert 'Arabic — <span lang="ar" dir="auto">العربية</span></label>' in html
    assert "at least 4 of 5" in html
    html = client.get("/leverantorer/").text
    assert 'Arabiska — <span lang="ar" dir="auto">العربية</span></label>' in html
    assert "minst 4 av 5" in html


@pytest.mark.django_db
def test_names_in_another_language_than_the_page_are_marked_with_it(client):
    html = client.get("/ar/leverantorer/").text
    # Each name in Arabic, with the language's own name beside it, marked as such.
    assert 'السويدية — <span lang="sv" dir="auto">Svenska</span></label>' in html
    assert 'الصومالية — <span lang="so" dir="auto">Soomaali</span></label>' in html
    assert '<span lang="ar" dir="auto">العربية</span></label>' in html
    assert "الحاسوب وتقنية المعلومات</label>" in html
    assert "Computing/IT</label>" in client.get("/en/leverantorer/").text
    # A name that a language lacks would fall back to English, marked as English.
    Language.objects.filter(code="so").update(names={})
    forget_search_reference()  # update() sends no signal; a save would
    html = client.get("/ar/leverantorer/").text
    assert '<span lang="en" dir="auto">Somali</span> — <span lang="so"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "note"), [("/en", True), ("/ar", True), ("", False)])
def test_supplier_texts_are_marked_swedish_with_a_note_in_other_languages(client, prefix, note):
    supplier = SupplierFactory(short_description="Vi hjälper dig.", with_offices=1)
    html = client.get(f"{prefix}/leverantorer/{supplier.slug}/").text
    assert '<p class="lead" lang="sv" dir="auto">Vi hjälper dig.</p>' in html
    assert '<div lang="sv" dir="auto"><p>Du träffar' in html
    with translation.override(prefix.strip("/") or "sv"):
        assert (
            translation.gettext("Leverantörernas egna texter finns bara på svenska.") in html
        ) is note


@pytest.mark.django_db
def test_search_card_names_languages_in_the_ui_language(client):
    OfficeFactory(
        supplier=SupplierFactory(language_codes=["sv", "ar"]), municipality=municipality("0180")
    )
    assert "<dd>Arabic, Swedish</dd>" in client.get("/en/leverantorer/").text
    assert "<dd>العربية، السويدية</dd>" in client.get("/ar/leverantorer/").text
    assert "<dd>Arabiska, Svenska</dd>" in client.get("/leverantorer/").text


def test_the_docker_image_gets_the_compiled_catalogues():
    dockerfile = (LOCALE.parent / "Dockerfile").read_text()
    assert "COPY locale ./locale" in dockerfile


@pytest.mark.django_db
def test_the_500_page_speaks_the_language_of_the_page_that_failed(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("suppliers.views.SupplierFilter", broken)
    client.raise_request_exception = False
    response = client.get("/ar/leverantorer/")
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "حدث خطأ عندنا" in response.text
    assert 'href="/en/leverantorer/" lang="en"' in response.text

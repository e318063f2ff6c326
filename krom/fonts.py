"""Self-hosted font subsets for the scripts that many systems lack: Ethiopic and Syriac.

The site uses the system fonts. Tigrinya (Ethiopic script) and the Syriac name of Assyrian
show as boxes on systems without such fonts (Debian's Chromium among them), so the site
serves small subsets of Noto Sans from static/fonts/. The stylesheet declares them with
`unicode-range`, so a browser fetches one only for a page that shows such characters:

- ethiopic.woff2: every Ethiopic character of the Tigrinya catalogue and the reference
  names, used on Tigrinya pages;
- ethiopic-names.woff2 and syriac-names.woff2: only the characters of the languages' own
  names (ትግርኛ, አማርኛ, ܣܘܪܝܬ), for the switcher and the language filter on other pages.

Re-make them after the Tigrinya catalogue or a name changes (tests/test_fonts.py fails
until then): `make fonts`, which needs Debian's fonts-noto-core and fontTools.
"""

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = ROOT / "static" / "fonts"
REFERENCE_DIR = ROOT / "fixtures" / "reference"
NOTO_DIR = Path(os.environ.get("NOTO_DIR", "/usr/share/fonts/truetype/noto"))

ETHIOPIC = [(0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)]
SYRIAC = [(0x0700, 0x074F), (0x0860, 0x086F)]


def in_ranges(ranges):
    return lambda character: any(low <= ord(character) <= high for low, high in ranges)


def native_names():
    """The languages' own names: the switcher's and the reference data's."""
    with open(REFERENCE_DIR / "languages.csv", encoding="utf-8", newline="") as file:
        names = [row["native_name"] for row in csv.DictReader(file)]
    return "".join(names) + "".join(name for _code, name in settings.LANGUAGES)


def tigrinya_texts():
    """Everything a Tigrinya page can show: the catalogue and the reference names."""
    import polib

    texts = []
    po_file = ROOT / "locale" / "ti" / "LC_MESSAGES" / "django.po"
    if po_file.exists():
        for entry in polib.pofile(str(po_file)):
            texts += [entry.msgstr, *entry.msgstr_plural.values()]
    for filename in ["languages.csv", "industries.csv"]:
        texts.append((REFERENCE_DIR / filename).read_text(encoding="utf-8"))
    # The list separators of krom.list_join.
    texts.append("፣፤")
    return "".join(texts) + native_names()


@dataclass(frozen=True)
class Subset:
    filename: str
    source: str
    ranges: list
    texts: object  # a function returning the text whose characters the subset must hold

    @property
    def path(self):
        return FONT_DIR / self.filename

    def characters(self):
        return {c for c in self.texts() if in_ranges(self.ranges)(c)}


SUBSETS = [
    Subset("ethiopic.woff2", "NotoSansEthiopic-Regular.ttf", ETHIOPIC, tigrinya_texts),
    Subset("ethiopic-names.woff2", "NotoSansEthiopic-Regular.ttf", ETHIOPIC, native_names),
    Subset("syriac-names.woff2", "NotoSansSyriac-Regular.ttf", SYRIAC, native_names),
]


def build(subset):
    """Write the subset's woff2 from Debian's Noto font: its characters and the shaping
    (joining, marks) they need; no hinting, which phones do not use."""
    from fontTools import subset as fonttools_subset
    from fontTools.ttLib import TTFont

    options = fonttools_subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.hinting = False
    options.desubroutinize = True
    font = TTFont(NOTO_DIR / subset.source)
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(subset.characters())))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(subset.path)
    return subset.path.stat().st_size


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "krom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    django.setup()
    for subset in SUBSETS:
        size = build(subset)
        print(f"{subset.path.relative_to(ROOT)}: {len(subset.characters())} characters, {size} B")

"""The self-hosted font subsets hold every character the pages need of their scripts."""

import pytest
from fontTools.ttLib import TTFont

from krom.fonts import SUBSETS, native_names


@pytest.mark.parametrize("subset", SUBSETS, ids=lambda subset: subset.filename)
def test_each_font_subset_holds_every_character_its_pages_show(subset):
    cmap = TTFont(subset.path).getBestCmap()
    missing = sorted(c for c in subset.characters() if ord(c) not in cmap)
    assert missing == [], "run `make fonts` (krom/fonts.py)"
    assert subset.characters(), "a subset for characters no page shows"


def test_the_tigrinya_subset_covers_the_catalogue_and_the_names():
    characters = {subset.filename: subset.characters() for subset in SUBSETS}
    assert len(characters["ethiopic.woff2"]) > 150
    assert set("ትግርኛ") <= characters["ethiopic-names.woff2"] <= characters["ethiopic.woff2"]
    assert set("ܣܘܪܝܬ") <= characters["syriac-names.woff2"]
    assert "ትግርኛ" in native_names()


@pytest.mark.parametrize("subset", SUBSETS, ids=lambda subset: subset.filename)
def test_font_subsets_stay_small(subset):
    """They count in a page's weight: 20 KB for all of Tigrinya, a few KB for a name."""
    limit = 20_000 if subset.filename == "ethiopic.woff2" else 5_000
    assert subset.path.stat().st_size < limit

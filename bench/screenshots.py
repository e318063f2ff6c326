"""Screenshots for a person to look at: the search page and the 'Välj leverantör' dialog,
in every UI language at 320 and 1280 CSS pixels, and the open language menu at 320.

    .venv/bin/python bench/screenshots.py [--languages sv ti fa] [--widths 320]

Writes docs/screenshots/{search,dialog,languages}-<language>-<width>.png (git-ignored),
from the site started as in production (bench/production_server.py).
"""

import argparse
from pathlib import Path

from production_server import ROOT, chromium, production_server

OUT = ROOT / "docs" / "screenshots"
# The UI languages of krom/settings.py, Swedish at the root.
LANGUAGES = ["sv", "en", "ar", "so", "ti", "fa", "uk"]
WIDTHS = [320, 1280]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--languages", nargs="+", default=LANGUAGES, choices=LANGUAGES)
    parser.add_argument("--widths", nargs="+", type=int, default=WIDTHS)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with production_server() as base, chromium() as browser:
        for language in args.languages:
            prefix = "" if language == "sv" else f"/{language}"
            for width in args.widths:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.goto(f"{base}{prefix}/leverantorer/?kommun=0180")
                page.evaluate("document.fonts.ready.then(() => true)")
                save(page, f"search-{language}-{width}.png", full_page=True)
                if width == 320:
                    page.locator("[data-language-menu] summary").click()
                    save(page, f"languages-{language}-{width}.png", full_page=False)
                    page.locator("[data-language-menu] summary").click()
                page.locator(".card__title a").first.click()
                page.locator(".choose-button").first.click()
                page.locator("dialog[open] #choose-heading").wait_for()
                save(page, f"dialog-{language}-{width}.png", full_page=False)
                context.close()


def save(page, name, full_page):
    path = OUT / name
    page.screenshot(path=path, full_page=full_page)
    print(Path(path).relative_to(ROOT))


if __name__ == "__main__":
    main()

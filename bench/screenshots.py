"""Screenshots for a person to look at: the search page and the 'Välj leverantör' dialog,
in Swedish and Arabic, at 320 and 1280 CSS pixels.

    .venv/bin/python bench/screenshots.py

Writes docs/screenshots/{search,dialog}-{sv,ar}-{320,1280}.png (git-ignored), from the site
started as in production (bench/production_server.py).
"""

from pathlib import Path

from production_server import ROOT, chromium, production_server

OUT = ROOT / "docs" / "screenshots"
PREFIXES = {"sv": "", "ar": "/ar"}
WIDTHS = [320, 1280]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with production_server() as base, chromium() as browser:
        for language, prefix in PREFIXES.items():
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.goto(f"{base}{prefix}/leverantorer/?kommun=0180")
                save(page, f"search-{language}-{width}.png", full_page=True)
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

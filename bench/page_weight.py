"""The first load of the search page in every UI language: bytes transferred, and
requests to other origins.

    .venv/bin/python bench/page_weight.py [--path /leverantorer/] [--languages sv ti]

Starts the site as in production (bench/production_server.py), loads the page once per
language (under its prefix) in a fresh Chromium with an empty cache, and adds up what went
over the wire for every request (headers plus the body as encoded, i.e. compressed),
fonts included. Prints each request and the total per language; exits 1 if any total is
over the budget (100 KB) or if any request left 127.0.0.1.
"""

import argparse
import sys
from urllib.parse import urlsplit

from production_server import chromium, production_server

BUDGET_BYTES = 100 * 1000
# The UI languages of krom/settings.py, Swedish at the root.
LANGUAGES = ["sv", "en", "ar", "so", "ti", "fa", "uk"]


def measure(base, path):
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        requested, finished = [], []
        page.on("request", lambda request: requested.append(request.url))
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(base + path, wait_until="networkidle")
        rows = []
        for request in finished:
            sizes = request.sizes()
            response = request.response()
            rows.append(
                (
                    request.url,
                    response.headers.get("content-encoding", "-") if response else "-",
                    sizes["responseHeadersSize"] + sizes["responseBodySize"],
                )
            )
        context.close()
    return requested, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", default="/leverantorer/")
    parser.add_argument("--languages", nargs="+", default=LANGUAGES, choices=LANGUAGES)
    args = parser.parse_args()
    failed = False
    with production_server() as base:
        for language in args.languages:
            prefix = "" if language == "sv" else f"/{language}"
            requested, rows = measure(base, prefix + args.path)
            failed |= report(base, language, requested, rows)
    if failed:
        sys.exit(1)


def report(base, language, requested, rows):
    """Prints one language's requests; True if it is over the budget or left the site."""
    origin = urlsplit(base).netloc
    foreign = [url for url in requested if urlsplit(url).netloc != origin]
    total = sum(size for _url, _encoding, size in rows)
    print(f"[{language}]")
    for url, encoding, size in rows:
        print(f"{size:>8} B  {encoding:<5} {url.removeprefix(base)}")
    print(f"{total:>8} B  total, {total / 1000:.1f} KB over {len(rows)} requests")
    print(f"budget {BUDGET_BYTES / 1000:.0f} KB; requests to other origins: {len(foreign)}")
    for url in foreign:
        print(f"  other origin: {url}")
    return total > BUDGET_BYTES or bool(foreign)


if __name__ == "__main__":
    main()

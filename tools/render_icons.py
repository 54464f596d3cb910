"""Render the app icon (screening/static/screening/icons/icon.svg) to the PNG sizes phones ask for.

Run from the project root with Playwright and the system Chromium:
    python tools/render_icons.py
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parent.parent / "screening/static/screening/icons"
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "apple-touch-icon.png": 180}


def main() -> None:
    svg = (ICONS / "icon.svg").read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for name, size in SIZES.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            sized = svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            page.set_content(f"<html><body style='margin:0'>{sized}</body></html>")
            box = {"x": 0, "y": 0, "width": size, "height": size}
            page.screenshot(path=str(ICONS / name), clip=box)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()

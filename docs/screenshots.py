"""The web page's screenshots in docs/, made with headless Chromium over the sample corpus.

    python docs/screenshots.py          # needs chromium and chromium-driver (apt-get install)

Arabic text is drawn with the fonts the machine has: Debian's fonts-noto-core gives
the stylesheet's first choices (Noto Naskh Arabic, Noto Sans Arabic).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from tests.web.browser import chromium, chromium_paths, full_page  # noqa: E402
from tests.web.serving import start  # noqa: E402

SHOTS = [
    ("web-search.png", "?q=مخيم", 1280),
    ("web-article.png", "article/reports/hol-camp-repatriation.md?q=مخيم&rank=2", 1280),
    ("web-search-phone.png", "?q=مخيم", 390),
    ("web-article-phone.png", "article/reports/hol-camp-repatriation.md?q=مخيم&rank=2", 390),
]


def main() -> None:
    if chromium_paths() is None:
        sys.exit("screenshots: chromium and chromium-driver are needed (apt-get install chromium chromium-driver)")
    with tempfile.TemporaryDirectory(prefix="archive-search-shots-") as tmp:
        served = start("--index", Path(tmp) / "index", "--corpus", DOCS.parent / "corpus", "serve", "--port", "0")
        driver = chromium(Path(tmp) / "profile")
        try:
            for name, path, width in SHOTS:
                driver.set_window_size(width, 900)
                driver.get(served.url + path)
                full_page(driver, width, most=2400 if width < 600 else 1600)
                driver.save_screenshot(str(DOCS / name))
                print(f"wrote docs/{name}")
        finally:
            driver.quit()
            served.stop()


if __name__ == "__main__":
    main()

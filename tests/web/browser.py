"""Headless Chromium through Selenium, for the browser test and the screenshots in docs/.

Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them);
the driver is named to Selenium, so that it never looks for one to download.
"""

from __future__ import annotations

import shutil

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver",)


def chromium_paths() -> tuple[str, str] | None:
    """(browser, driver) paths, or None where either is missing."""
    browser = next(filter(None, map(shutil.which, BROWSERS)), None)
    driver = next(filter(None, map(shutil.which, DRIVERS)), None) or (
        "/usr/lib/chromium/chromedriver" if shutil.which("/usr/lib/chromium/chromedriver") else None)
    return (browser, driver) if browser and driver else None


def chromium(profile_dir, width: int = 1280, height: int = 900):
    """A headless Chromium driven by Selenium, its console log kept; quit it when done."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-proxy-server", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                     f"--user-data-dir={profile_dir}", f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(driver))


def full_page(driver, width: int, most: int = 3000) -> None:
    """Make the window as tall as the page (at most ``most`` pixels), for a whole-page screenshot."""
    driver.set_window_size(width, 900)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(most, height))

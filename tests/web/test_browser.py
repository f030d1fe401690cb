"""A person in a real browser: headless Chromium against ``archive-search serve`` on the sample corpus.

Types a query, sees the highlighted hits laid out right to left, opens an
article, applies a speaker filter, and reads it all at a phone's width.
Skips where Chromium, its driver or Selenium is absent.
"""

import pytest

from tests.conftest import SAMPLE_CORPUS
from tests.web.browser import chromium, chromium_paths
from tests.web.serving import start

pytestmark = pytest.mark.slow

if chromium_paths() is None:
    pytest.skip("Chromium and chromium-driver are not installed", allow_module_level=True)
pytest.importorskip("selenium")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as shown  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SPEAKER = "ديلان إبراهيم"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server the test starts on 127.0.0.1, over an index it builds from the sample corpus."""
    index = tmp_path_factory.mktemp("browser") / "index"
    served = start("--index", index, "--corpus", SAMPLE_CORPUS, "serve", "--port", "0")
    assert served.url and served.url.startswith("http://127.0.0.1:"), served.stderr
    yield served
    assert served.stop() == 0, served.stderr


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


def wait_for(driver, css: str):
    return WebDriverWait(driver, 20).until(shown.presence_of_element_located((By.CSS_SELECTOR, css)))


def rect(driver, element) -> dict:
    return driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                                 "return {left: r.left, right: r.right, top: r.top, width: r.width};", element)


def no_csp_violations(driver) -> None:
    problems = [entry["message"] for entry in driver.get_log("browser")
                if "Content Security Policy" in entry["message"] or entry["level"] == "SEVERE"]
    assert not problems


def test_search_read_an_article_filter_by_speaker(server, browser):
    browser.set_window_size(1280, 900)
    browser.get(server.url)
    box = wait_for(browser, "input[name=q]")
    box.send_keys("مخيم الهول", Keys.ENTER)
    wait_for(browser, "li.hit")

    # the hits, their words highlighted as written
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    assert len(hits) == 2
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "li.hit mark")]
    assert "مخيم" in marks and "الهول" in marks
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor",
                                  browser.find_element(By.CSS_SELECTOR, "li.hit mark")) != "rgba(0, 0, 0, 0)"

    # laid out right to left: the document, the titles against the right edge, the facets on the left
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    assert browser.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    title = hits[0].find_element(By.CSS_SELECTOR, "h2 a")
    card, link = rect(browser, hits[0]), rect(browser, title)
    assert card["right"] - link["right"] < 40 and link["left"] - card["left"] > 100
    facets = browser.find_element(By.CSS_SELECTOR, "aside.facets")
    assert rect(browser, facets)["right"] <= rect(browser, hits[0])["left"]
    assert browser.find_element(By.CSS_SELECTOR, "svg.timeline")
    no_csp_violations(browser)

    # open the first hit: the whole article, its words highlighted, its neighbours in the results
    first_title = title.text
    title.click()
    heading = wait_for(browser, "article.article h1")
    assert heading.text == first_title
    assert browser.find_elements(By.CSS_SELECTOR, "article.article .body mark")
    assert len(browser.find_elements(By.CSS_SELECTOR, "aside.neighbours li")) == 2
    assert browser.find_element(By.CSS_SELECTOR, "aside.neighbours li.current").text.startswith(first_title)
    no_csp_violations(browser)

    # back to the results, and narrow them to one speaker with the form's filter
    browser.find_element(By.CSS_SELECTOR, "nav.crumbs a").click()
    wait_for(browser, "li.hit")
    browser.find_element(By.CSS_SELECTOR, "details.filters summary").click()
    speaker = browser.find_element(By.CSS_SELECTOR, "input[name=speaker]")
    speaker.send_keys(SPEAKER, Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda d: "speaker=" in d.current_url)
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    assert len(hits) == 1
    assert SPEAKER in [a.text for a in hits[0].find_elements(By.CSS_SELECTOR, "a.speaker")]
    assert browser.find_element(By.CSS_SELECTOR, "input[name=speaker]").get_attribute("value") == SPEAKER
    assert browser.find_element(By.CSS_SELECTOR, "input[name=q]").get_attribute("value") == "مخيم الهول"


def test_a_phone_width_reads_without_sideways_scrolling(server, browser):
    browser.set_window_size(390, 844)
    for path in ("?q=مخيم", "article/reports/hol-camp-repatriation.md?q=مخيم&rank=2", "stats"):
        browser.get(server.url + path)
        wait_for(browser, "main")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - "
                                          "document.documentElement.clientWidth")
        assert overflow <= 0, path
    # the facets go under the hits, one column
    browser.get(server.url + "?q=مخيم")
    hits, facets = (browser.find_element(By.CSS_SELECTOR, css) for css in ("section.hits", "aside.facets"))
    assert rect(browser, facets)["top"] > rect(browser, hits)["top"]
    no_csp_violations(browser)

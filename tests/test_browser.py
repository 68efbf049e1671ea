"""End to end in headless Chromium (Debian's /usr/bin/chromium, driven by playwright): the page loads,
filters, opens an article with the right words highlighted, shows markup in articles as text, and fetches
nothing from outside 127.0.0.1.

Without Chromium these tests skip, unless EVENTWIRE_REQUIRE_BROWSER=1 (CI), where they fail.
"""
from __future__ import annotations

from urllib.parse import urlparse

import httpx
import pytest

from web_support import (ARTIFACTS, ARTICLES, XSS_IMG, XSS_SCRIPT, Server, build_record, build_store, launched_chromium,
                         require_browser)

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_browser()
    db = build_store(tmp_path_factory.mktemp("browser") / "browser.db", [build_record(d) for d in ARTICLES])
    with Server(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser(server):
    with launched_chromium() as b:
        yield b


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request it makes and every script error.

    The server's Content-Security-Policy is bypassed here on purpose: the page must show article markup
    as text by how it builds the DOM, not only because CSP would block an injected script."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _open(page, server, fragment: str = "") -> None:
    page.goto(f"{server.url}/{fragment}")
    page.wait_for_selector("body[data-loaded='events']")


def _only_local(page, server) -> None:
    hosts = {urlparse(u).netloc for u in page.requests if urlparse(u).scheme in ("http", "https")}
    assert hosts <= {urlparse(server.url).netloc}, hosts
    assert not page.errors, page.errors


def test_filter_open_article_and_highlight(page, server):
    _open(page, server)
    assert page.locator("#events tbody tr[data-id]").count() == 9
    page.select_option("#filters select[name=type]", "REQUEST")
    page.fill("#filters input[name=country]", "egy")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#events tbody tr[data-id]').length === 1")
    row = page.locator("#events tbody tr[data-id]")
    assert row.get_attribute("data-id") == "test-egypt-dam#E1"
    assert row.locator("td.type").inner_text().startswith("REQUEST")
    assert "type=REQUEST" in page.url and "country=EGY" in page.url

    row.click()
    page.wait_for_selector("#doc-text .hl-trigger")
    assert "open" in row.get_attribute("class")
    texts = lambda sel: [t.strip() for t in page.locator(f"#doc-text {sel}").all_inner_texts()]
    assert "".join(texts(".hl-trigger")) == "called on"
    assert set(texts(".hl-source")) == {"Egypt"} and set(texts(".hl-target")) == {"Ethiopia"}
    assert texts(".hl-place") == ["Cairo"]
    evidence = "".join(page.locator("#doc-text .hl-evidence").all_text_contents())
    assert evidence.startswith("Egypt on Tuesday called on Ethiopia") and evidence.endswith("binding deal.")
    assert page.locator("#doc-title").inner_text() == "Egypt urges Ethiopia to halt filling of Nile dam"

    # choosing the other event of the article moves the highlight
    page.click("#doc-events li[data-event=E2] button")
    page.wait_for_function("document.querySelector('#doc').dataset.selected === 'E2'")
    assert "".join(texts(".hl-trigger")) == "accused"
    assert set(texts(".hl-source")) == {"Sudan"}

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explore-article.png"), full_page=True)
    _only_local(page, server)


def test_markup_in_an_article_is_shown_as_text_and_never_run(page, server):
    _open(page, server, "#doc=test-markup&event=E1")
    page.wait_for_selector("#doc-text .hl-trigger")
    assert page.evaluate("window.__pwned") is None
    body = page.locator("#doc-text").text_content()
    assert XSS_SCRIPT in body and XSS_IMG in body
    assert page.locator("#doc-text script, #doc-text img, #doc-title b").count() == 0
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1   # only app.js
    assert page.locator("#doc-title").inner_text() == "Hackers post <b>defaced</b> page on ministry site"
    cell = page.locator("#events tbody tr[data-doc='test-markup'] td.title")
    assert cell.inner_text() == "Hackers post <b>defaced</b> page on ministry site"
    page.wait_for_timeout(300)                          # an onerror handler would have fired by now
    assert page.evaluate("window.__pwned") is None
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explore-markup.png"), full_page=True)
    _only_local(page, server)


def test_articles_tab_searches_and_opens_an_article(page, server):
    _open(page, server)
    page.click("#tabs button[data-tab=articles]")
    page.wait_for_selector("#documents tbody tr[data-doc]")
    assert page.locator("#documents tbody tr[data-doc]").count() == len(ARTICLES)
    page.fill("#doc-search input[name=q]", "Belarus")
    page.click("#doc-search button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#documents tbody tr[data-doc]').length === 1")
    page.click("#documents tbody tr[data-doc='test-sanctions']")
    page.wait_for_selector("#doc[data-doc-id='test-sanctions'] #doc-text .hl-trigger")
    assert page.locator("#doc-text .hl-trigger").inner_text() == "imposed sanctions"
    assert page.locator("#tab-events").is_visible()
    assert "doc=test-sanctions" in page.url and "event=" not in page.url
    page.fill("#filters input[name=country]", "BLR")      # filtering keeps the open article in the URL
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#events tbody tr[data-id]').length === 2")
    assert "country=BLR" in page.url and "doc=test-sanctions" in page.url
    _only_local(page, server)


def test_a_refused_filter_shows_the_api_message(page, server):
    _open(page, server)
    page.fill("#filters input[name=since]", "2023-01-01")
    page.fill("#filters input[name=until]", "2022-01-01")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert "after until" in page.locator("#error").inner_text()
    page.click("#filters button[type=reset]")              # clearing the form clears the error
    page.wait_for_selector("#error", state="hidden")
    assert page.locator("#events tbody tr[data-id]").count() == 9
    _only_local(page, server)


def test_network_map_and_timeline_are_drawn(page, server):
    net = httpx.get(server.url + "/api/network", timeout=30).json()
    _open(page, server)
    page.click("#tabs button[data-tab=network]")
    page.wait_for_selector("#network .node")
    assert page.locator("#network .node").count() == len(net["nodes"])
    assert page.locator("#network line.edge-backs").count() == 1

    page.click("#tabs button[data-tab=map]")
    page.wait_for_selector("#map .place")
    assert page.locator("#map .countries path").count() > 150
    assert sorted(page.locator("#map .place").evaluate_all("els => els.map(e => e.dataset.place)")) == \
        ["Cairo", "Gao", "Tbilisi"]
    page.screenshot(path=str(ARTIFACTS / "explore-map.png"))

    page.click("#tabs button[data-tab=timeline]")
    page.wait_for_selector("#timeline .bar")
    counts = page.locator("#timeline .bar").evaluate_all("els => els.map(e => +e.dataset.count)")
    assert sum(counts) == 7
    assert page.locator("#timeline-note").inner_text() == "Not drawn: 1 dated only to a month or year, 1 undated."

    # clicking an actor filters the table to it
    page.click("#tabs button[data-tab=network]")
    page.locator("#network .node", has_text="Georgian police").click()
    page.wait_for_function("document.querySelectorAll('#events tbody tr[data-id]').length === 1")
    assert page.locator("#events tbody tr[data-id]").get_attribute("data-id") == "test-tbilisi-protest#E2"
    _only_local(page, server)


def test_missing_chromium_skips_locally_and_fails_in_ci(monkeypatch, tmp_path):
    import web_support as me

    monkeypatch.setattr(me, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("EVENTWIRE_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-chromium is missing"):
        me.require_browser()
    monkeypatch.setenv("EVENTWIRE_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="EVENTWIRE_REQUIRE_BROWSER=1"):
        me.require_browser()

"""Issue 17 point 6 and issue 15 point 4 in headless Chromium: the table takes the full width and sorts by
any column; tab, filters, view, sort and page live in the URL so Back works; Download CSV exports the
current filter; the dashboard; the network merges one actor's duplicate nodes and has a legend; the fused
view keeps "not"/"maybe"; the map clusters dense points and draws countries and admin areas as areas.

The store is built from records written here (no parse), so each check knows its answer. Screenshots go to
tests/artifacts/analyst-*.png.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from eventwire.record import Actor, Count, Event, Place, Record, Sentence, Span
from web_support import ARTIFACTS, Server, build_store, launched_chromium, require_browser

# Towns a few kilometres apart (they crowd into one cluster at the scale of the whole map) and one far away.
TOWNS = [("Dergachi", 50.11, 36.12), ("Chuhuiv", 49.84, 36.69), ("Zolochiv", 50.28, 35.98),
         ("Vovchansk", 50.29, 36.94), ("Bohodukhiv", 50.16, 35.53), ("Pechenihy", 50.04, 36.92)]
FAR = ("Lviv", 49.84, 24.03)
BULK = 56                       # events in one long article: more than a page (50) of the table


def _record(doc_id: str, text: str, *, publisher: str = "Wire A", published: str = "2024-03-04") -> Record:
    return Record(doc_id=doc_id, text=text, source=publisher, title=text.split(".")[0], published=published,
                  language="en", sentences=[Sentence(0, len(text))])


def _span(text: str, words: str) -> Span:
    i = text.index(words)
    return Span.of(text, i, i + len(words))


def _counted(rec: Record, event_id: str, dead: int) -> None:
    c = Count("killed", dead, evidence=_span(rec.text, str(dead)))
    c.event = event_id                       # Count.event (analyst-core's field), set as linked records carry it
    rec.counts.append(c)


def _army(rec: Record, *, kb: bool) -> Actor:
    """The same actor under two keys: with a knowledge-base id in some articles and without in others."""
    return Actor("A1", "Russian army", "RUS", "MIL", "org:russian-army" if kb else None,
                 [_span(rec.text, "Russian army")])


def analyst_records() -> list[Record]:
    recs = []
    for n, (town, lat, lon) in enumerate(TOWNS + [FAR]):
        text = f"Russian army shelled {town} on Monday. Officials said {n + 3} people were killed."
        r = _record(f"town-{n}", text, publisher="Wire A" if n % 2 else "Wire B")
        r.actors = [_army(r, kb=n % 2 == 0), Actor("A2", "Ukrainian forces", "UKR", "MIL", None,
                                                   [Span.of(text, len(text), len(text))])]
        r.places = [Place("P1", town, "UKR", "city", lat, lon, None, [_span(text, town)])]
        r.events = [Event("E1", "ASSAULT", cameo="195", source="A1", target="A2", date="2024-03-04", place="P1",
                          confidence=0.9,
                          trigger=_span(text, "shelled"), evidence=Span.of(text, 0, text.index(".") + 1))]
        _counted(r, "E1", n + 3)
        recs.append(r)
    # One event told by two publishers (fused), a denied one and a possible one.
    for doc, pub in (("retold-1", "Wire A"), ("retold-2", "Wire B")):
        text = "Ukraine accused Russia of the strike. Russia did not attack the dam. Russia could attack the port."
        r = _record(doc, text, publisher=pub, published="2024-02-10")
        r.actors = [Actor("A1", "Ukraine", "UKR", "GOV", "country:UKR", [_span(text, "Ukraine")]),
                    Actor("A2", "Russia", "RUS", "GOV", "country:RUS", [_span(text, "Russia")])]
        # a country named only as an actor is a metonymic place: on record, but not drawn on the map
        r.places = [Place("P1", "Russia", "RUS", "country", 61.5, 105.3, 2017370, [_span(text, "Russia")],
                          role="metonymic")]
        r.events = [Event("E1", "ACCUSE", cameo="112", source="A1", target="A2", date="2024-02-10",
                          trigger=_span(text, "accused"), evidence=_span(text, "Ukraine accused Russia of the strike.")),
                    Event("E2", "ASSAULT", source="A2", date="2024-02-10", negated=True,
                          trigger=_span(text, "attack the dam"), evidence=_span(text, "Russia did not attack the dam.")),
                    Event("E3", "ASSAULT", source="A2", date="2024-02-10", hypothetical=True,
                          trigger=_span(text, "attack the port"), evidence=_span(text, "Russia could attack the port."))]
        recs.append(r)
    # A country-precision place and an admin-1 area.
    text = "Protesters rallied across Ukraine. Fighting went on in Donetsk Oblast."
    r = _record("areas", text, published="2024-01-15")
    r.actors = [Actor("A1", "protesters", "UKR", "CIV", None, [_span(text, "Protesters")])]
    country = Place("P1", "Ukraine", "UKR", "country", 49.0, 32.0, 690791, [_span(text, "Ukraine")])
    oblast = Place("P2", "Donetsk Oblast", "UKR", "region", 48.0, 37.8, None, [_span(text, "Donetsk Oblast")])
    oblast.precision, oblast.admin1, oblast.admin1_name = "admin1", "UA-14", "Donetska oblast"
    r.places = [country, oblast]
    r.events = [Event("E1", "PROTEST", source="A1", date="2024-01-15", place="P1", trigger=_span(text, "rallied"),
                      evidence=_span(text, "Protesters rallied across Ukraine.")),
                Event("E2", "ASSAULT", date="2024-01", place="P2", trigger=_span(text, "Fighting"),
                      evidence=_span(text, "Fighting went on in Donetsk Oblast."))]
    recs.append(r)
    # A long article: more events than one page of the table.
    text = " ".join(f"Shelling hit village {i}." for i in range(BULK))
    r = _record("bulk", text, publisher="Wire C", published="2023-12-01")
    sentences = [_span(text, f"Shelling hit village {i}.") for i in range(BULK)]
    r.events = [Event(f"E{i + 1}", "ASSAULT", date="2023-12-01", trigger=Span.of(text, s.start, s.start + 8),
                      evidence=s) for i, s in enumerate(sentences)]
    recs.append(r)
    return recs


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_browser()
    db = build_store(tmp_path_factory.mktemp("analyst") / "analyst.db", analyst_records())
    with Server(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser(server):
    with launched_chromium() as b:
        yield b


@pytest.fixture
def page(browser, server):
    # CSP bypassed only so that wait_for_function may evaluate its predicate (the page itself never evals)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True, bypass_csp=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    assert not pg.errors, pg.errors
    context.close()


def _open(page, server, fragment: str = "", loaded: str = "events") -> None:
    page.goto(f"{server.url}/{fragment}")
    page.wait_for_selector(f"body[data-loaded='{loaded}']")


def _rows(page) -> int:
    return page.locator("#events tbody tr[data-id]").count()


def _column(page, n: int) -> list[str]:
    return page.locator(f"#events tbody tr[data-id] td:nth-child({n})").all_inner_texts()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"analyst-{name}.png"), full_page=True)


def test_table_uses_the_full_width_and_sorts_by_any_column(page, server):
    _open(page, server)
    table = page.locator("#events").bounding_box()["width"]
    main = page.locator("main").bounding_box()["width"]
    assert table > 0.9 * main, (table, main)
    page.click("#events th[data-sort=place] button")
    page.wait_for_function("location.hash.includes('sort=place')")
    page.wait_for_selector("#events th[data-sort=place][aria-sort=ascending]")
    places = [p for p in _column(page, 6) if p]
    assert places == sorted(places) and places[0] == "Bohodukhiv"
    page.click("#events th[data-sort=place] button")                 # again: descending
    page.wait_for_selector("#events th[data-sort=place][aria-sort=descending]")
    assert _column(page, 6)[0] == "Zolochiv" and "sort=-place" in page.url
    page.click("#events th[data-sort=fatalities] button")
    page.click("#events th[data-sort=fatalities] button")
    page.wait_for_selector("#events th[data-sort=fatalities][aria-sort=descending]")
    assert _column(page, 7)[:3] == ["9", "8", "7"]
    _shot(page, "sorted")


def test_back_and_forward_replay_tab_filters_and_page(page, server):
    _open(page, server)
    assert page.locator("#page-info").inner_text().startswith("1–50 of")
    page.click("#next")
    page.wait_for_function("document.querySelector('#page-info').textContent.startsWith('51–')")
    assert "offset=50" in page.url
    page.select_option("#filters select[name=type]", "PROTEST")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#page-info').textContent.startsWith('1–1 of')")
    page.click("#tabs button[data-tab=dashboard]")
    page.wait_for_selector("body[data-loaded='dashboard']")
    assert "tab=dashboard" in page.url and "type=PROTEST" in page.url

    page.go_back()                                                     # the filtered table
    page.wait_for_function("!document.querySelector('#tab-events').hidden && "
                           "document.querySelector('#page-info').textContent.startsWith('1–1 of')")
    assert page.locator("#filters select[name=type]").input_value() == "PROTEST"
    page.go_back()                                                     # page 2, no filter
    page.wait_for_function("document.querySelector('#page-info').textContent.startsWith('51–')")
    assert page.locator("#filters select[name=type]").input_value() == ""
    page.go_back()                                                     # page 1
    page.wait_for_function("document.querySelector('#page-info').textContent.startsWith('1–50')")
    page.go_forward()
    page.wait_for_function("document.querySelector('#page-info').textContent.startsWith('51–')")
    # a link to a view opens that view
    _open(page, server, "#tab=dashboard&country=Ukraine", loaded="dashboard")
    assert page.locator("#tab-dashboard").is_visible() and page.locator("#filters input[name=country]").input_value() == "Ukraine"


def test_download_exports_the_current_filter_as_csv(page, server):
    _open(page, server)
    page.fill("#filters input[name=place]", "Lviv")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#events tbody tr[data-id]').length === 1")
    with page.expect_download() as info:
        page.click("#download")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert [(r["place"], r["fatalities"], r["publisher"]) for r in rows] == [("Lviv", "9", "Wire B")]
    assert info.value.suggested_filename == "eventwire-events.csv"
    page.check("#fused-view")                                          # the fused view downloads fused rows
    page.wait_for_function("location.hash.includes('view=fused')")
    with page.expect_download() as info:
        page.click("#download")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("fused_id,n_articles,") and len(text.splitlines()) == 2


def test_fused_view_keeps_not_and_maybe_and_counts_articles(page, server):
    _open(page, server, "#view=fused&type=ASSAULT,ACCUSE&since=2024-02-01&until=2024-02-28")
    types = page.locator("#events tbody td.type").all_inner_texts()
    assert sorted(types) == ["ACCUSE", "maybe ASSAULT", "not ASSAULT"]
    assert set(page.locator("#events tbody td.articles").all_inner_texts()) == {"2"}
    assert page.locator("#fused-view").is_checked()
    assert page.locator("#filters select[name=type]").input_value() == "ASSAULT,ACCUSE"
    _shot(page, "fused")
    # the per-article view marks them the same way
    page.uncheck("#fused-view")
    page.wait_for_function("document.querySelectorAll('#events tbody tr[data-id]').length === 6")
    assert sorted(set(page.locator("#events tbody td.type").all_inner_texts())) == ["ACCUSE", "maybe ASSAULT", "not ASSAULT"]


def test_dashboard_counts_per_country_and_series_per_type(page, server):
    _open(page, server, "#tab=dashboard", loaded="dashboard")
    bars = page.locator("#dash-countries .country-bar")
    counts = dict(zip(bars.evaluate_all("els => els.map(e => e.dataset.country)"),
                      bars.evaluate_all("els => els.map(e => +e.dataset.count)")))
    assert counts == {"UKR": 11, "RUS": 4}    # 7 towns, 2 areas, 2 Ukrainian accusations; 4 Russian events, no place
    series = page.locator("#dash-series .series").evaluate_all("els => els.map(e => [e.dataset.type, +e.dataset.total])")
    assert series[0] == ["ASSAULT", 7 + 1 + 4 + BULK] and ["PROTEST", 1] in series
    assert page.locator("#dash-note").inner_text() == ""
    _shot(page, "dashboard")
    page.locator("#dash-countries .country-bar[data-country=RUS]").click()
    # the table then shows every event Russia takes part in: 7 shellings and 6 events of the retold story
    page.wait_for_function("document.querySelectorAll('#events tbody tr[data-id]').length === 13")
    assert "country=RUS" in page.url and page.locator("#tab-events").is_visible()


def test_network_merges_one_actors_duplicate_nodes_and_has_a_legend(page, server):
    _open(page, server, "#tab=network", loaded="network")
    names = page.locator("#network .node text").evaluate_all("els => els.map(e => e.textContent)")
    assert names.count("Russian army") == 1                # stored under two keys (with and without a kb id)
    title = page.locator("#network .node", has_text="Russian army").locator("title").text_content()
    assert "under 2 keys" in title
    legend = page.locator("#network-legend").inner_text()
    for words in ("government", "military", "rebels", "opposes", "backs", "event"):
        assert words in legend
    _shot(page, "network")


def test_map_clusters_dense_points_and_draws_countries_and_admin_areas_as_areas(page, server):
    _open(page, server, "#tab=map", loaded="map")
    cluster = page.locator("#map .cluster")
    sizes = cluster.evaluate_all("els => els.map(e => +e.dataset.count)")
    assert sum(sizes) == len(TOWNS) and len(sizes) < len(TOWNS) / 2      # six crowded towns, a few clusters
    assert page.locator("#map .place[data-precision=point]").evaluate_all("els => els.map(e => e.dataset.place)") == ["Lviv"]
    country = page.locator("#map .place-country[data-place=Ukraine]")
    assert country.locator("path.country-area").count() == 1           # the country's outline, not a pin
    assert "precision: country" in country.locator("title").text_content()
    oblast = page.locator("#map .place-area[data-place='Donetsk Oblast']")
    assert oblast.get_attribute("data-precision") == "admin1" and oblast.locator("circle.area").count() == 1
    assert "precision: admin1" in oblast.locator("title").text_content()
    assert page.locator("#map [data-place=Russia]").count() == 0          # named only as an actor
    _shot(page, "map")
    members = cluster.first.locator("title").text_content().split(": ", 1)[1].split(" — ")[0].split(", ")
    cluster.first.click()                                              # zoom in: the towns come apart
    page.wait_for_selector("#map[data-zoomed=true]")
    shown = page.locator("#map .place[data-precision=point]").evaluate_all("els => els.map(e => e.dataset.place)")
    assert len(members) == sizes[0] and set(members) <= set(shown)
    _shot(page, "map-zoomed")
    page.click("#map-reset")
    page.wait_for_selector("#map[data-zoomed=false]")

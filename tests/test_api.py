"""The HTTP API against a real `eventwire serve` process and a real SQLite store of articles we wrote."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from urllib.parse import quote

import httpx
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.record import Record, span_errors
from web_support import ARTICLES, ROOT, Server, build_record, build_store

SEED = ROOT.parent / "shared" / "seed"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("api") / "api.db", [build_record(d) for d in ARTICLES])
    with Server(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


def assert_error(resp: httpx.Response, status: int, *words: str) -> None:
    """The one error shape, with a message that names what was wrong."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    for w in words:
        assert w in body["error"]["message"], body


# ---- page and OpenAPI ------------------------------------------------------------------------------------

def test_index_is_html_with_only_local_assets(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<table id="events">' in r.text
    refs = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert refs and all(ref.startswith(("/static/", "/api/")) for ref in refs), refs   # this server only
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_static_files_are_served(client):
    for name in ("app.js", "article.js", "charts.js", "dom.js", "topo.js", "style.css"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and len(r.content) > 200, name
        assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(", r.text), \
            f"{name} must build the DOM from text nodes, never from HTML strings"
    topo = client.get("/static/vendor/countries-110m.json").json()
    assert topo["type"] == "Topology" and len(topo["objects"]["countries"]["geometries"]) > 150


def test_openapi_lists_every_endpoint(client):
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    paths = set(doc["paths"])
    for p in ("/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/actors", "/api/network",
              "/api/places", "/api/timeline", "/api/code", "/api/documents", "/api/quotes"):
        assert p in paths, p
    params = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "type", "since", "until", "place", "text", "limit", "offset"} <= params
    assert client.get("/docs").status_code == 404      # the Swagger page would load scripts from a CDN
    events = doc["paths"]["/api/events"]["get"]["responses"]
    assert events["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/EventsPage")
    assert events["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert "422" not in events                              # validation errors are 400 in the one shape
    assert {"EventRow", "Span", "Network", "Timeline", "ErrorBody"} <= set(doc["components"]["schemas"])


# ---- events ----------------------------------------------------------------------------------------------

def test_type_filter_returns_only_that_type(client):
    body = client.get("/api/events", params={"type": "REQUEST"}).json()
    assert body["total"] == 2
    assert {e["type"] for e in body["items"]} == {"REQUEST"}
    assert {e["event_id"] for e in body["items"]} == {"test-egypt-dam#E1", "test-gao-attack#E2"}


@pytest.mark.parametrize("params, expected", [
    ({"country": "GEO"}, {"test-tbilisi-protest#E1", "test-tbilisi-protest#E2"}),
    ({"actor": "Egypt"}, {"test-egypt-dam#E1"}),
    ({"actor": "ETH"}, {"test-egypt-dam#E1", "test-egypt-dam#E2"}),
    ({"place": "Gao"}, {"test-gao-attack#E1"}),
    ({"since": "2022-10-01", "until": "2022-10-03"}, {"test-gao-attack#E1", "test-gao-attack#E2"}),
    ({"text": "reservoir"}, {"test-egypt-dam#E1"}),
    ({"type": "ACCUSE", "until": "2021-12-31"}, {"test-egypt-dam#E2"}),
    ({"actor": "x' OR 1=1 --"}, set()),                 # a quote in a filter is a value, not SQL
    ({"since": "2022-11-20"}, {"test-sanctions#E1", "test-tbilisi-protest#E1", "test-tbilisi-protest#E2"}),
    ({"type": "THREATEN"}, {"test-sanctions#E2"}),
])
def test_filters(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert {e["event_id"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_large_answers_are_compressed(client):
    r = client.get("/api/events", params={"limit": 500}, headers={"accept-encoding": "gzip"})
    assert r.status_code == 200 and r.headers.get("content-encoding") == "gzip"
    assert r.json()["total"] == 9                           # httpx undoes the gzip


def test_paging_is_stable_and_bounded(client):
    first = client.get("/api/events", params={"limit": 3, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == 9
    assert len(first["items"]) == 3 and not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    assert_error(client.get("/api/events", params={"limit": 501}), 400, "limit")
    assert_error(client.get("/api/events", params={"limit": 0}), 400, "limit")
    assert_error(client.get("/api/events", params={"offset": -1}), 400, "offset")
    assert_error(client.get("/api/events", params={"limit": "ten"}), 400, "limit")


def test_bad_parameters_are_400_with_the_error_shape(client):
    assert_error(client.get("/api/events", params={"since": "not-a-date"}), 400, "since", "YYYY-MM-DD")
    assert_error(client.get("/api/events", params={"type": "PARTY"}), 400, "PARTY", "REQUEST")
    assert_error(client.get("/api/events", params={"since": "2023-01-01", "until": "2022-01-01"}), 400, "after")
    assert_error(client.get("/api/events", params={"text": "x" * 201}), 400, "text")
    assert_error(client.get("/api/timeline", params={"until": "31/12/2022"}), 400, "until")
    # full-text syntax in the text filter is taken as words, not as a query that fails
    assert client.get("/api/events", params={"text": 'dam" OR (NEAR'}).status_code == 200


def test_unknown_parameters_are_400_naming_the_ones_taken(client):
    assert_error(client.get("/api/events", params={"contry": "EGY"}), 400, "unknown parameter contry", "country")
    assert_error(client.get("/api/timeline", params={"limit": "5"}), 400, "unknown parameter limit")
    assert_error(client.get("/api/types", params={"x": "1"}), 400, "no parameters")
    assert client.get("/api/events", params={"country": "EGY", "limit": 5}).status_code == 200


@pytest.mark.parametrize("given", ["Egypt", "egypt", "EGY", "EG", "Egyptian"])
def test_country_filter_takes_names_and_codes(client, given):
    assert {e["event_id"] for e in client.get("/api/events", params={"country": given}).json()["items"]} == \
        {"test-egypt-dam#E1"}


def test_events_sort_by_any_column_both_ways(client):
    names = lambda sort: [e["place_name"] for e in client.get("/api/events", params={"sort": sort}).json()["items"]]
    assert names("place")[:4] == ["Cairo", "Gao", "Tbilisi", "Tbilisi"] and names("place")[-1] is None
    assert names("-place")[:4] == ["Tbilisi", "Tbilisi", "Gao", "Cairo"]
    sources = [e["source_name"] for e in client.get("/api/events", params={"sort": "source"}).json()["items"]]
    assert sources == sorted(sources, key=str.casefold) or sources == sorted(sources)
    assert_error(client.get("/api/events", params={"sort": "evidence; DROP"}), 400, "cannot sort by")


def test_fused_page_keeps_negation_and_hypothesis(client):
    body = client.get("/api/fused", params={"limit": 50}).json()
    assert body["total"] == 9 and {f["polarity"] for f in body["items"]} == {"asserted"}
    assert all(f["n_articles"] == 1 and f["publishers"] == ["eventwire tests"] for f in body["items"])


def test_export_csv_downloads_the_filtered_events(client):
    r = client.get("/api/export.csv", params={"country": "Georgia"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    lines = r.text.splitlines()
    assert lines[0].startswith("event_id,") and len(lines) == 3 and all("test-tbilisi-protest" in x for x in lines[1:])
    fused = client.get("/api/export.csv", params={"fused": "true", "type": "ASSAULT"}).text.splitlines()
    assert fused[0].startswith("fused_id,n_articles,") and len(fused) == 2


def test_dashboard_counts_per_country_and_series_per_type(client):
    d = client.get("/api/dashboard").json()
    by_country = {c["country"]: c["events"] for c in d["countries"]}
    assert by_country["MLI"] == 3 and by_country["GEO"] == 2 and sum(by_country.values()) + d["no_country"] == 9
    series = {s["type"]: {p["period"]: p["count"] for p in s["points"]} for s in d["series"]}
    assert series["COERCE"] == {"2023-03": 1} and series["SANCTION"] == {"2022-11": 1} and d["undated"] == 1
    assert d["periods"][0] == "2021-07" and d["periods"][-1] == "2023-03" and len(d["periods"]) == 21
    only = client.get("/api/dashboard", params={"type": "ACCUSE"}).json()
    assert [s["type"] for s in only["series"]] == ["ACCUSE"]


FILTER_NAMES = ("actor", "country", "type", "since", "until", "place", "text", "limit", "offset")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(FILTER_NAMES),
                              st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), max_size=4))
def test_any_filter_values_answer_200_or_400_never_500(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code in (200, 400), (params, r.text)
    body = r.json()
    assert ("items" in body) if r.status_code == 200 else set(body["error"]) == {"code", "message"}
    r = client.get("/api/timeline", params=params)
    assert r.status_code in (200, 400), (params, r.text)


def test_unknown_ids_and_paths_are_404(client):
    assert_error(client.get("/api/events/" + quote("test-egypt-dam#E99", safe="")), 404, "test-egypt-dam#E99")
    assert_error(client.get("/api/documents/no-such-doc"), 404, "no-such-doc")
    assert_error(client.get("/api/nothing-here"), 404)
    assert_error(client.delete("/api/events"), 405)


def test_one_event_by_id(client):
    e = client.get("/api/events/" + quote("test-egypt-dam#E1", safe="")).json()
    assert (e["type"], e["source_name"], e["target_name"]) == ("REQUEST", "Egypt", "Ethiopia")
    assert e["trigger"]["text"] == "called on" and "called on" in e["evidence"]["text"]


SCHEMA = json.loads((ROOT / "eventwire" / "schema" / "eventwire-1.schema.json").read_text(encoding="utf-8"))


def test_document_is_the_whole_record_with_valid_spans(client):
    d = client.get("/api/documents/test-gao-attack").json()
    jsonschema.validate(d, SCHEMA)
    rec = Record.from_dict(d)
    assert span_errors(rec) == []
    assert [e.type for e in rec.events] == ["ASSAULT", "REQUEST"]
    assert rec.relations[0].kind == "backs"
    t = rec.events[0].trigger
    assert rec.text[t.start:t.end] == "attacked"


def test_document_list_and_search(client):
    all_docs = client.get("/api/documents").json()["items"]
    assert {d["doc_id"] for d in all_docs} == {d.doc_id for d in ARTICLES}
    assert {d["doc_id"]: d["n_events"] for d in all_docs}["test-gao-attack"] == 2
    found = client.get("/api/documents", params={"q": "reservoir Nile"}).json()["items"]
    assert [d["doc_id"] for d in found] == ["test-egypt-dam"]
    assert len(client.get("/api/documents", params={"limit": 2, "offset": 1}).json()["items"]) == 2


def test_quotes_endpoint_filters_by_document(client):
    body = client.get("/api/quotes", params={"doc_id": "test-gao-attack"}).json()
    assert body == {"items": []}                          # the hand-built records carry no quotes
    assert_error(client.get("/api/quotes", params={"limit": 10_000}), 400, "limit")


# ---- network, places, timeline, summary ------------------------------------------------------------------

def test_network_shape(client):
    net = client.get("/api/network").json()
    keys = {n["actor_key"] for n in net["nodes"]}
    assert {"name", "country", "sector", "n_events"} <= set(net["nodes"][0])
    assert all(e["source"] in keys and e["target"] in keys and e["weight"] >= 1 for e in net["edges"])
    names = {n["actor_key"]: n["name"] for n in net["nodes"]}
    kinds = {(names[e["source"]], names[e["target"]], e["kind"]) for e in net["edges"]}
    assert ("jihadist group", "Coordination of Azawad Movements", "backs") in kinds
    assert ("Egypt", "Ethiopia", "REQUEST") in kinds


def test_places_have_coordinates(client):
    places = {p["name"]: p for p in client.get("/api/places").json()["items"]}
    assert set(places) == {"Cairo", "Tbilisi", "Gao"}
    assert places["Cairo"]["lat"] == pytest.approx(30.06) and places["Cairo"]["lon"] == pytest.approx(31.25)
    assert places["Tbilisi"]["n_events"] == 2


def test_timeline_counts_events_per_day(client):
    tl = client.get("/api/timeline").json()
    dates = [d["date"] for d in tl["items"]]
    assert dates == sorted(dates)
    assert sum(d["count"] for d in tl["items"]) == 7 and (tl["coarse"], tl["undated"]) == (1, 1)
    assert {d["date"]: d["count"] for d in tl["items"]}["2022-10-02"] == 2
    only = client.get("/api/timeline", params={"type": "REQUEST"}).json()
    assert {d["date"]: d["count"] for d in only["items"]} == {"2021-07-06": 1, "2022-10-02": 1}


def test_summary_and_types(client):
    s = client.get("/api/summary").json()
    assert (s["documents"], s["events"]) == (5, 9)
    assert "path" not in s                                  # no server file paths to clients
    assert "ASSAULT" in client.get("/api/types").json()["items"]


# ---- POST /api/code ---------------------------------------------------------------------------------------

def test_body_over_the_limit_is_413(client, server):
    big = b'{"text": "' + b"a" * (1024 * 1024) + b'"}'
    assert_error(client.post("/api/code", content=big, headers={"content-type": "application/json"}), 413)

    def chunks():                                           # no Content-Length: counted as it streams in
        yield b'{"text": "'
        for _ in range(20):
            yield b"b" * 65536
        yield b'"}'
    assert_error(client.post("/api/code", content=chunks(), headers={"content-type": "application/json"}), 413)
    assert client.get("/api/summary").status_code == 200   # the server is still up


@pytest.mark.parametrize("body, words", [
    ({}, ["text", "html"]),
    ({"text": "Egypt called on Ethiopia.", "html": "<p>x</p>"}, ["exactly one"]),
    ({"text": "Egypt called on Ethiopia.", "published": "5 May 2020"}, ["published", "YYYY-MM-DD"]),
    ({"text": "   "}, ["empty"]),
    ({"text": "Egypt called on Ethiopia.", "colour": "red"}, ["colour"]),
])
def test_code_rejects_bad_bodies(client, body, words):
    assert_error(client.post("/api/code", json=body), 400, *words)


def test_code_needs_a_json_body(client):
    assert_error(client.post("/api/code", content=b'{"text": "Egypt', headers={"content-type": "application/json"}),
                 400, "not valid JSON")
    # a form or plain-text post (what another site could send without a CORS preflight) is refused
    assert_error(client.post("/api/code", content=b'{"text": "Egypt called on Ethiopia."}',
                             headers={"content-type": "text/plain"}), 400, "JSON object")


def test_other_host_names_are_refused(client, server):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example."""
    assert_error(client.get("/api/events", headers={"host": f"evil.example:{server.port}"}), 400, "evil.example")
    assert client.get("/api/summary", headers={"host": f"localhost:{server.port}"}).status_code == 200
    assert "access-control-allow-origin" not in client.get("/api/events", headers={"origin": "http://evil.example"}).headers


def test_code_takes_html_and_never_keeps_its_scripts(client):
    html = ("<html><head><title>Niger closes border with Benin</title><script>var tracker = 1;</script></head>"
            "<body><nav>Home | World</nav><article><h1>Niger closes border with Benin</h1>"
            "<p>Niger's military government closed its border with Benin on Friday, officials in Niamey said, "
            "accusing Cotonou of hosting foreign troops.</p><p>Benin rejected the accusation and called for "
            "talks between the two governments.</p></article></body></html>")
    r = client.post("/api/code", json={"html": html, "published": "2023-08-04"})
    assert r.status_code == 200, r.text
    rec = Record.from_dict(r.json())
    assert "closed its border with Benin" in rec.text
    assert "tracker" not in rec.text and "<script" not in rec.text
    assert span_errors(rec) == []


def test_code_returns_a_record_without_storing_it(client):
    before = client.get("/api/summary").json()["documents"]
    text = ("Chad asks Niger to reopen border crossing\n\nChad's foreign minister on Monday asked Niger to "
            "reopen the border crossing at Nguigmi, officials said in N'Djamena.")
    r = client.post("/api/code", json={"text": text, "published": "2024-02-05", "source": "tests",
                                       "doc_id": "posted-1"})
    assert r.status_code == 200, r.text
    jsonschema.validate(r.json(), SCHEMA)
    rec = Record.from_dict(r.json())
    assert rec.doc_id == "posted-1" and rec.published == "2024-02-05" and "Nguigmi" in rec.text
    assert span_errors(rec) == []
    assert client.get("/api/summary").json()["documents"] == before
    assert client.get("/api/documents/posted-1").status_code == 404


# ---- the serve command ------------------------------------------------------------------------------------

def _serve(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", "serve", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_serve_refuses_a_missing_store(tmp_path):
    out = _serve("--db", str(tmp_path / "nope.db"), "--port", "0")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "no such store" in lines[0] and "nope.db" in lines[0]


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("not a database at all " * 100)
    out = _serve("--db", str(junk), "--port", "0")
    assert out.returncode != 0 and len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_serve_refuses_a_port_in_use(server):
    out = _serve("--db", str(server.db), "--port", str(server.port))
    assert out.returncode == 2 and "cannot listen on 127.0.0.1:" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_serve_help_has_an_example():
    out = subprocess.run([sys.executable, "-m", "eventwire.cli", "serve", "--help"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "--db" in out.stdout and "example:" in out.stdout


# ---- the seed article, coded by the real pipeline ---------------------------------------------------------

@pytest.mark.skipif(not (SEED / "article.txt").exists(), reason="shared/seed is not beside the checkout")
def test_seed_record_round_trips_through_the_api(tmp_path, seed_record):
    db = build_store(tmp_path / "seed.db", [seed_record])
    with Server(db) as srv:
        d = httpx.get(f"{srv.url}/api/documents/{seed_record.doc_id}", timeout=30).json()
        events = httpx.get(f"{srv.url}/api/events", params={"limit": 500}, timeout=30).json()
    rec = Record.from_dict(d)
    assert rec.text == seed_record.text and span_errors(rec) == []
    assert len(rec.events) == len(seed_record.events) == events["total"]
    assert len(rec.actors) == len(seed_record.actors)

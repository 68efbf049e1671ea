// The explore page: filters and the events table (or its fused view), the article view, and the
// dashboard / network / map / timeline tabs.
//
// Everything a reader would want back lives in the URL hash: tab, filters, view, sort, page, open article
// (#tab=events&type=REQUEST&sort=-date&offset=50&doc=...&event=E2). Each step a reader takes pushes a new
// history entry, and `render` rebuilds the page from the hash, so Back and Forward replay the steps and a
// link reopens the same view.

import { el, clear, getJSON } from "./dom.js";
import { showDocument } from "./article.js";
import { drawNetwork, drawTimeline } from "./charts.js";
import { drawMap } from "./map.js";
import { drawCountries, drawSeries } from "./dashboard.js";
import { drawHead, drawRow, columnsFor } from "./table.js";

const FILTERS = ["type", "country", "actor", "place", "since", "until", "text"];
const TABS = ["events", "dashboard", "articles", "network", "map", "timeline"];
const PAGE = 50;
const $ = (sel) => document.querySelector(sel);
const state = { topology: null, shownDoc: null, mapZoom: null, seq: 0 };
// Each render takes a number; an answer that arrives after a newer render started is dropped, so quick
// Back/Forward steps can never leave an older view's rows on screen.
const stale = (seq) => seq !== state.seq;

function readHash() {
  return new URLSearchParams(location.hash.replace(/^#/, ""));
}

/** A new history entry with `changes` applied to the current hash (null/"" removes a key), then render. */
function go(changes, { replace = false } = {}) {
  const p = readHash();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "" || v === false) p.delete(k); else p.set(k, String(v));
  }
  const url = "#" + p.toString();
  if (url === location.hash || (url === "#" && !location.hash)) return render();
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  return render();
}

function formFilters() {
  const form = $("#filters"), out = {};
  for (const name of FILTERS) out[name] = form.elements[name].value.trim() || null;
  if (out.country && out.country.length <= 3) out.country = out.country.toUpperCase();   // a code; names stay as typed
  return out;
}

/** The API query for the filters in the hash (what the table, charts and download all use). */
function filterQuery(hash = readHash()) {
  const q = new URLSearchParams();
  for (const name of FILTERS) if (hash.get(name)) q.set(name, hash.get(name));
  return q;
}

function showError(message) {
  const box = $("#error");
  box.textContent = message || "";
  box.hidden = !message;
}

// ---- events table --------------------------------------------------------------------------------------

async function loadEvents(hash, seq) {
  const fused = hash.get("view") === "fused";
  const sort = hash.get("sort");
  const offset = Math.max(0, parseInt(hash.get("offset") || "0", 10) || 0);
  const q = filterQuery(hash);
  $("#download").href = "/api/export.csv?" + new URLSearchParams([...q, ...(fused ? [["fused", "true"]] : [])]).toString();
  q.set("limit", PAGE);
  q.set("offset", offset);
  if (sort) q.set("sort", sort);
  $("#fused-view").checked = fused;
  const body = $("#events tbody");
  try {
    const data = await getJSON((fused ? "/api/fused?" : "/api/events?") + q.toString());
    if (stale(seq)) return;
    showError("");
    // the header changes with the rows, never before them: a sort mark always describes the rows shown
    drawHead($("#events thead"), fused, sort, (next) => go({ sort: next, offset: null }));
    clear(body).append(...data.items.map((item) => drawRow(item, fused, (doc, ev) => go({ doc, event: ev }))));
    if (!data.items.length) {
      body.append(el("tr", {}, el("td", { colspan: columnsFor(fused).length, class: "muted", text: "No events match." })));
    }
    const last = Math.min(offset + data.items.length, data.total);
    const what = fused ? "fused events" : "events";
    $("#page-info").textContent = data.total ? `${offset + 1}–${last} of ${data.total} ${what}` : `0 ${what}`;
    $("#prev").disabled = offset === 0;
    $("#next").disabled = last >= data.total;
    $("#prev").onclick = () => go({ offset: Math.max(0, offset - PAGE) || null });
    $("#next").onclick = () => go({ offset: offset + PAGE });
    markOpenRow();
    document.body.dataset.loaded = "events";
  } catch (err) {
    if (!stale(seq)) showError(err.message);
  }
}

function markOpenRow() {
  const hash = readHash();
  for (const tr of document.querySelectorAll("#events tbody tr[data-doc]")) {
    tr.classList.toggle("open", tr.dataset.doc === hash.get("doc") && tr.dataset.event === (hash.get("event") || tr.dataset.event));
  }
}

async function openDocument(docId, eventId) {
  try {
    const record = await getJSON("/api/documents/" + encodeURIComponent(docId));
    showDocument($("#doc"), record, eventId);
    state.shownDoc = docId + "#" + (eventId || "");
    markOpenRow();
  } catch (err) {
    showError(err.message);
  }
}

// ---- articles ------------------------------------------------------------------------------------------

function documentRow(d) {
  const open = () => go({ tab: null, doc: d.doc_id, event: null });
  return el("tr", { "data-doc": d.doc_id, tabindex: 0, onclick: open,
                    onkeydown: (ev) => { if (ev.key === "Enter") open(); } },
    el("td", { class: "date", text: d.published || "—" }), el("td", { text: d.source || "" }),
    el("td", { text: d.title || d.doc_id }), el("td", { text: d.n_events }));
}

async function loadDocuments(q) {
  $("#doc-search").elements.q.value = q || "";
  const data = await getJSON("/api/documents?limit=500" + (q ? "&q=" + encodeURIComponent(q) : ""));
  const body = clear($("#documents tbody"));
  body.append(...data.items.map(documentRow));
  if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: 4, class: "muted", text: "No articles match." })));
  if (data.items.length === 500) {
    body.append(el("tr", {}, el("td", { colspan: 4, class: "muted", text: "Showing the first 500; search to narrow." })));
  }
}

// ---- tabs ----------------------------------------------------------------------------------------------

async function drawTab(tab, hash, seq = state.seq) {
  const q = filterQuery(hash).toString();
  try {
    if (tab === "articles") {
      await loadDocuments(hash.get("q"));
    } else if (tab === "dashboard") {
      const data = await getJSON("/api/dashboard?" + q);
      if (stale(seq)) return;
      drawCountries($("#dash-countries"), data, (country) => go({ tab: null, country, offset: null }));
      drawSeries($("#dash-series"), data);
      $("#dash-note").textContent = data.undated ? `Not in the series: ${data.undated} undated events.` : "";
    } else if (tab === "network") {
      const data = await getJSON("/api/network?" + q);
      if (stale(seq)) return;
      drawNetwork($("#network"), data,
                  (a) => go({ tab: null, actor: a.name, offset: null }));
    } else if (tab === "map") {
      if (!state.topology) state.topology = await getJSON("/static/vendor/countries-110m.json");
      // the map shows where things happen: places named as locations (or datelines) somewhere, or placing
      // an event; a country named only as an actor or a modifier ("Russia's envoy") is not drawn
      const places = (await getJSON("/api/places")).items
        .filter((p) => !p.roles || /locative|dateline/.test(p.roles) || p.n_events > 0);
      if (stale(seq)) return;
      const redraw = (zoom) => {
        state.mapZoom = zoom;
        drawMap($("#map"), state.topology, places, (pl) => go({ tab: null, place: pl.name, offset: null }),
                { zoomTo: zoom, onZoom: redraw });
        $("#map-reset").hidden = !zoom;
      };
      redraw(null);
    } else if (tab === "timeline") {
      const data = await getJSON("/api/timeline?" + q);
      if (stale(seq)) return;
      drawTimeline($("#timeline"), data.items, (since, until) => go({ tab: null, since, until, offset: null }));
      const apart = [data.coarse ? `${data.coarse} dated only to a month or year` : "",
                     data.undated ? `${data.undated} undated` : ""].filter(Boolean).join(", ");
      $("#timeline-note").textContent = apart ? `Not drawn: ${apart}.` : "";
    }
    if (stale(seq)) return;
    showError("");
    document.body.dataset.loaded = tab;
  } catch (err) {
    if (!stale(seq)) showError(err.message);
  }
}

// ---- render: the page from the hash --------------------------------------------------------------------

async function render() {
  const seq = ++state.seq;
  const hash = readHash();
  const tab = TABS.includes(hash.get("tab")) ? hash.get("tab") : "events";
  const form = $("#filters");
  const type = form.elements.type;
  if (hash.get("type") && ![...type.options].some((o) => o.value === hash.get("type"))) {
    type.append(el("option", { value: hash.get("type"), text: hash.get("type") }));   // several types, from a link
  }
  for (const name of FILTERS) form.elements[name].value = hash.get(name) || "";
  for (const b of document.querySelectorAll("#tabs button")) b.setAttribute("aria-selected", String(b.dataset.tab === tab));
  for (const s of document.querySelectorAll(".tab")) s.hidden = s.id !== "tab-" + tab;
  if (tab === "events") {
    await loadEvents(hash, seq);
    if (stale(seq)) return;
    const doc = hash.get("doc");
    if (!doc) { $("#doc").hidden = true; state.shownDoc = null; }
    else if (state.shownDoc !== doc + "#" + (hash.get("event") || "")) await openDocument(doc, hash.get("event"));
  } else {
    await drawTab(tab, hash, seq);
  }
}

async function start() {
  const form = $("#filters");
  try {
    const [summary, types] = await Promise.all([getJSON("/api/summary"), getJSON("/api/types")]);
    $("#summary").textContent = `${summary.documents} articles · ${summary.events} events · `
      + `${summary.fused_events} after fusing · ${summary.actors} actors · ${summary.places} places`;
    form.elements.type.append(...types.items.map((t) => el("option", { value: t, text: t })));
  } catch (err) {
    showError(err.message);
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go({ ...formFilters(), offset: null });        // the tab, view, sort and open article stay
  });
  form.addEventListener("reset", () => setTimeout(() => go({ ...Object.fromEntries(FILTERS.map((f) => [f, null])),
                                                             offset: null }), 0));
  $("#doc-search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    go({ q: $("#doc-search").elements.q.value.trim() || null });
  });
  $("#fused-view").addEventListener("change", (ev) => go({ view: ev.target.checked ? "fused" : null, offset: null, sort: null }));
  $("#map-reset").addEventListener("click", () => drawTab("map", readHash()));
  for (const b of document.querySelectorAll("#tabs button")) {
    b.addEventListener("click", () => go({ tab: b.dataset.tab === "events" ? null : b.dataset.tab }));
  }
  window.addEventListener("popstate", () => render());
  await render();
}

start();

// The explore page: filters and the events table, the article view, and the network / map / timeline tabs.
// State lives in the URL hash (#type=REQUEST&doc=...&event=E2), so a view can be bookmarked and shared.

import { el, clear, getJSON } from "./dom.js";
import { showDocument } from "./article.js";
import { drawMap, drawNetwork, drawTimeline } from "./charts.js";

const FILTERS = ["type", "country", "actor", "place", "since", "until", "text"];
const PAGE = 50;
const $ = (sel) => document.querySelector(sel);
const state = { offset: 0, total: 0, tab: "events", topology: null };

function readHash() {
  return new URLSearchParams(location.hash.replace(/^#/, ""));
}

function setHash(params) {
  history.replaceState(null, "", "#" + params.toString());
}

/** Put the filters in the URL hash, keeping the open article (doc, event) that is already there. */
function writeHash(filters) {
  const clean = new URLSearchParams([...filters].filter(([, v]) => v !== ""));
  const current = readHash();
  for (const key of ["doc", "event"]) if (current.get(key)) clean.set(key, current.get(key));
  setHash(clean);
}

function filterParams() {
  const form = $("#filters"), p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = form.elements[name].value.trim();
    if (v) p.set(name, name === "country" ? v.toUpperCase() : v);
  }
  return p;
}

function showError(message) {
  const box = $("#error");
  box.textContent = message || "";
  box.hidden = !message;
}

// ---- events table --------------------------------------------------------------------------------------

function actorCell(name, country, sector) {
  if (!name) return el("td", { class: "muted", text: "—" });
  return el("td", { title: [country, sector].filter(Boolean).join(" ") }, name);
}

function eventRow(e) {
  const flags = (e.negated ? " (not)" : "") + (e.hypothetical ? " (if)" : "");
  const open = () => openDocument(e.doc_id, e.local_id);
  return el("tr", { "data-id": e.event_id, "data-doc": e.doc_id, "data-event": e.local_id, tabindex: 0,
                    onclick: open, onkeydown: (ev) => { if (ev.key === "Enter") open(); } },
    e.date ? el("td", { class: "date", text: e.date })
      : el("td", { class: "date muted", title: "event date unknown; this is the article's publication date",
                   text: e.published ? `(${e.published})` : "—" }),
    el("td", { class: "type", title: e.cameo ? `CAMEO ${e.cameo}` : "" }, e.type + (e.mode ? "/" + e.mode : "") + flags),
    actorCell(e.source_name, e.source_country, e.source_sector),
    actorCell(e.target_name, e.target_country, e.target_sector),
    el("td", { class: "trigger", text: e.trigger ? e.trigger.text : "" }),
    el("td", { text: e.place_name || "" }),
    el("td", { class: "title", text: e.title || e.doc_id }));
}

async function loadEvents() {
  const p = filterParams();
  p.set("limit", PAGE);
  p.set("offset", state.offset);
  const body = $("#events tbody");
  try {
    const data = await getJSON("/api/events?" + p.toString());
    showError("");
    state.total = data.total;
    clear(body).append(...data.items.map(eventRow));
    if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "muted", text: "No events match." })));
    const last = Math.min(state.offset + data.items.length, data.total);
    $("#page-info").textContent = data.total ? `${state.offset + 1}–${last} of ${data.total}` : "0 events";
    $("#prev").disabled = state.offset === 0;
    $("#next").disabled = last >= data.total;
    document.body.dataset.loaded = "events";
  } catch (err) {
    showError(err.message);
  }
}

async function openDocument(docId, eventId) {
  try {
    const record = await getJSON("/api/documents/" + encodeURIComponent(docId));
    showDocument($("#doc"), record, eventId);
    for (const tr of document.querySelectorAll("#events tbody tr[data-id]")) {
      tr.classList.toggle("open", tr.dataset.doc === docId && tr.dataset.event === eventId);
    }
    const p = readHash();
    p.set("doc", docId);
    if (eventId) p.set("event", eventId); else p.delete("event");
    setHash(p);
  } catch (err) {
    showError(err.message);
  }
}

// ---- articles ------------------------------------------------------------------------------------------

function documentRow(d) {
  const open = () => { selectTab("events"); openDocument(d.doc_id, null); };
  return el("tr", { "data-doc": d.doc_id, tabindex: 0, onclick: open,
                    onkeydown: (ev) => { if (ev.key === "Enter") open(); } },
    el("td", { class: "date", text: d.published || "—" }), el("td", { text: d.source || "" }),
    el("td", { text: d.title || d.doc_id }), el("td", { text: d.n_events }));
}

async function loadDocuments() {
  const q = $("#doc-search").elements.q.value.trim();
  const data = await getJSON("/api/documents?limit=500" + (q ? "&q=" + encodeURIComponent(q) : ""));
  const body = clear($("#documents tbody"));
  body.append(...data.items.map(documentRow));
  if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: 4, class: "muted", text: "No articles match." })));
  if (data.items.length === 500) {
    body.append(el("tr", {}, el("td", { colspan: 4, class: "muted", text: "Showing the first 500; search to narrow." })));
  }
}

// ---- tabs and drawings ---------------------------------------------------------------------------------

async function drawTab(tab) {
  try {
    if (tab === "articles") {
      await loadDocuments();
    } else if (tab === "network") {
      drawNetwork($("#network"), await getJSON("/api/network?" + filterParams().toString()),
                  (a) => applyFilter("actor", a.name));
    } else if (tab === "map") {
      if (!state.topology) state.topology = await getJSON("/static/vendor/countries-110m.json");
      const places = await getJSON("/api/places");
      drawMap($("#map"), state.topology, places.items, (pl) => applyFilter("place", pl.name));
    } else if (tab === "timeline") {
      const data = await getJSON("/api/timeline?" + filterParams().toString());
      drawTimeline($("#timeline"), data.items, (since, until) => { setFilter("since", since); applyFilter("until", until); });
      const apart = [data.coarse ? `${data.coarse} dated only to a month or year` : "",
                     data.undated ? `${data.undated} undated` : ""].filter(Boolean).join(", ");
      $("#timeline-note").textContent = apart ? `Not drawn: ${apart}.` : "";
    }
    showError("");
  } catch (err) {
    showError(err.message);
  }
}

function selectTab(tab) {
  state.tab = tab;
  for (const b of document.querySelectorAll("#tabs button")) b.setAttribute("aria-selected", String(b.dataset.tab === tab));
  for (const s of document.querySelectorAll(".tab")) s.hidden = s.id !== "tab-" + tab;
  if (tab !== "events") drawTab(tab);
}

function setFilter(name, value) {
  $("#filters").elements[name].value = value;
}

function applyFilter(name, value) {
  setFilter(name, value);
  state.offset = 0;
  writeHash(filterParams());
  selectTab("events");
  loadEvents();
}

// ---- start ---------------------------------------------------------------------------------------------

async function start() {
  const form = $("#filters");
  try {
    const [summary, types] = await Promise.all([getJSON("/api/summary"), getJSON("/api/types")]);
    $("#summary").textContent = `${summary.documents} articles · ${summary.events} events · `
      + `${summary.actors} actors · ${summary.places} places`;
    form.elements.type.append(...types.items.map((t) => el("option", { value: t, text: t })));
  } catch (err) {
    showError(err.message);
  }
  const hash = readHash();
  for (const name of FILTERS) if (hash.get(name)) setFilter(name, hash.get(name));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.offset = 0;
    writeHash(filterParams());
    loadEvents();
    if (state.tab !== "events") drawTab(state.tab);
  });
  form.addEventListener("reset", () => setTimeout(() => form.requestSubmit(), 0));
  $("#doc-search").addEventListener("submit", (ev) => { ev.preventDefault(); drawTab("articles"); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => selectTab(b.dataset.tab));
  await loadEvents();
  if (hash.get("doc")) await openDocument(hash.get("doc"), hash.get("event"));
}

start();

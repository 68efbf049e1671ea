// The events table and its fused view: columns, sortable headers, and one row per event (or per fused event).
// Sorting is done by the API (the table is paged), so a header click only changes the `sort` in the URL.

import { el, clear } from "./dom.js";

/** "not " and "maybe " before the type: a denied or possible event must never read as a fact. */
export function marks(negated, hypothetical) {
  return (negated ? "not " : "") + (hypothetical ? "maybe " : "");
}

// [heading, sort key (null: not sortable), cell builder]
const EVENT_COLUMNS = [
  ["Date", "date", (e) => e.date ? el("td", { class: "date", text: e.date, title: `date precision: ${e.date_precision || "?"}` })
    : el("td", { class: "date muted", title: "event date unknown; this is the article's publication date",
                 text: e.published ? `(${e.published})` : "—" })],
  ["Type", "type", (e) => el("td", { class: "type", title: e.cameo ? `CAMEO ${e.cameo}` : "" },
    marks(e.negated, e.hypothetical) + e.type + (e.mode ? "/" + e.mode : ""))],
  ["Source", "source", (e) => actorCell(e.source_name, e.source_country, e.source_sector)],
  ["Target", "target", (e) => actorCell(e.target_name, e.target_country, e.target_sector)],
  ["Trigger", "trigger", (e) => el("td", { class: "trigger", text: e.trigger ? e.trigger.text : "" })],
  ["Place", "place", (e) => placeCell(e.place_name, e.geo_precision, e.admin1_name)],
  ["Fatalities", "fatalities", (e) => el("td", { class: "num", text: e.fatalities ?? "" })],
  ["Article", "article", (e) => el("td", { class: "title", text: e.title || e.doc_id, title: e.publisher || "" })],
];

const FUSED_COLUMNS = [
  ["Date", "date", (f) => el("td", { class: "date", text: f.date || "—",
                                     title: f.date ? `date precision: ${f.date_precision || "?"}` : "" })],
  ["Type", "type", (f) => el("td", { class: "type", title: f.cameo ? `CAMEO ${f.cameo}` : "" },
    marks(f.polarity.includes("negated"), f.polarity.includes("hypothetical")) + f.type + (f.mode ? "/" + f.mode : ""))],
  ["Source", "source", (f) => actorCell(f.source_name, f.source_country, f.source_sector)],
  ["Target", "target", (f) => actorCell(f.target_name, f.target_country, f.target_sector)],
  ["Place", "place", (f) => placeCell(f.place_name, f.geo_precision, f.admin1_name)],
  ["Fatalities", "fatalities", (f) => el("td", { class: "num", text: f.fatalities ?? "" })],
  ["Articles", "articles", (f) => el("td", { class: "num articles", text: f.n_articles })],
  ["Publishers", null, (f) => el("td", { class: "title", text: (f.publishers || []).join("; ") })],
];

function actorCell(name, country, sector) {
  if (!name) return el("td", { class: "muted", text: "—" });
  return el("td", { title: [country, sector].filter(Boolean).join(" ") }, name);
}

function placeCell(name, precision, admin1) {
  if (!name) return el("td", { text: "" });
  return el("td", { title: [precision ? `precision: ${precision}` : "", admin1 || ""].filter(Boolean).join(" · ") }, name);
}

export function columnsFor(fused) {
  return fused ? FUSED_COLUMNS : EVENT_COLUMNS;
}

/** The header row: each sortable heading is a button; the current sort shows as ▲/▼ and aria-sort. */
export function drawHead(thead, fused, sort, onSort) {
  const [key, desc] = sort ? (sort.startsWith("-") ? [sort.slice(1), true] : [sort, false]) : [null, false];
  const row = el("tr");
  for (const [heading, sortKey] of columnsFor(fused)) {
    if (!sortKey) { row.append(el("th", { text: heading })); continue; }
    const active = key === sortKey;
    const next = active && !desc ? "-" + sortKey : sortKey;
    row.append(el("th", { "aria-sort": active ? (desc ? "descending" : "ascending") : "none", "data-sort": sortKey },
      el("button", { type: "button", class: "sort", onclick: () => onSort(next),
                     title: `sort by ${heading.toLowerCase()}` },
         heading, active ? (desc ? " ▼" : " ▲") : "")));
  }
  clear(thead).append(row);
}

/** One table row; `onOpen(docId, localEventId)` opens the article. */
export function drawRow(item, fused, onOpen) {
  const [docId, eventId] = fused ? splitId(item.event_ids[0]) : [item.doc_id, item.local_id];
  const open = () => onOpen(docId, eventId);
  const attrs = fused ? { "data-id": `fused-${item.fused_id}`, "data-fused": item.fused_id }
                      : { "data-id": item.event_id };
  return el("tr", { ...attrs, "data-doc": docId, "data-event": eventId, tabindex: 0, onclick: open,
                    onkeydown: (ev) => { if (ev.key === "Enter") open(); } },
    ...columnsFor(fused).map(([, , cell]) => cell(item)));
}

function splitId(eventId) {
  const at = eventId.lastIndexOf("#");
  return [eventId.slice(0, at), eventId.slice(at + 1)];
}

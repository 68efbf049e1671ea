// The article view: the cleaned text with the selected event's evidence, trigger and actors highlighted.
// Highlights come from span offsets in the record; the text is cut at every span boundary and each piece
// becomes a text node or a <span> whose classes name the layers covering it.

import { el, clear } from "./dom.js";

/** Pieces of `text` between span boundaries, each with the classes of the layers that cover it. */
export function segments(text, layers) {
  const cuts = new Set([0, text.length]);
  const valid = layers.filter((l) => l && Number.isInteger(l.start) && Number.isInteger(l.end)
    && l.start >= 0 && l.end <= text.length && l.start < l.end);
  for (const l of valid) { cuts.add(l.start); cuts.add(l.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = valid.filter((l) => l.start <= a && l.end >= b);
    out.push({ start: a, end: b, classes: [...new Set(covering.map((l) => l.cls))],
               event: covering.find((l) => l.event)?.event, note: covering.find((l) => l.note)?.note });
  }
  return out;
}

function actorLayers(record, actorId, cls) {
  const actor = (record.actors || []).find((a) => a.id === actorId);
  return actor ? (actor.mentions || []).map((m) => ({ start: m.start, end: m.end, cls })) : [];
}

/** The layers for one event: its evidence, its trigger, its source and target actors' mentions, its place. */
export function eventLayers(record, event) {
  if (!event) return [];
  const layers = [];
  if (event.evidence) layers.push({ ...event.evidence, cls: "hl-evidence" });
  if (event.trigger) layers.push({ ...event.trigger, cls: "hl-trigger" });
  layers.push(...actorLayers(record, event.source, "hl-source"));
  layers.push(...actorLayers(record, event.target, "hl-target"));
  const place = (record.places || []).find((p) => p.id === event.place);
  if (place) layers.push(...(place.mentions || []).map((m) => ({ start: m.start, end: m.end, cls: "hl-place" })));
  return layers;
}

function actorName(record, id) {
  const a = (record.actors || []).find((x) => x.id === id);
  return a ? a.name : "—";
}

function eventLabel(record, e) {
  const flags = [e.negated ? "negated" : "", e.hypothetical ? "hypothetical" : ""].filter(Boolean).join(", ");
  return `${e.id} ${e.type}${e.mode ? "/" + e.mode : ""}: ${actorName(record, e.source)} → `
    + `${actorName(record, e.target)} “${e.trigger ? e.trigger.text : ""}”${flags ? " (" + flags + ")" : ""}`;
}

function placeName(record, id) {
  const p = (record.places || []).find((x) => x.id === id);
  return p ? p.name : null;
}

/** One line that says where the selected event came from, so a reader can audit it. */
function eventDetails(record, e) {
  if (!e) return "";
  return [e.cameo ? `CAMEO ${e.cameo}` : "", e.date ? `date ${e.date}` : "date unknown",
          placeName(record, e.place) ? `place ${placeName(record, e.place)}` : "",
          `confidence ${Number(e.confidence).toFixed(2)}`, e.reason ? `rule: ${e.reason}` : ""]
    .filter(Boolean).join(" · ");
}

/** Quotes as a faint layer under the event highlights: who said what stays visible while reading. */
function quoteLayers(record) {
  return (record.quotes || []).filter((q) => q.content).map((q) => ({
    ...q.content, cls: "hl-quote",
    note: `quote ${q.id}${q.speaker_text ? " — " + q.speaker_text : ""}${q.medium ? " (" + q.medium + ")" : ""}` }));
}

/** Show `record` in the article pane, with event `selectedId` (a local id such as "E2") highlighted. */
export function showDocument(pane, record, selectedId) {
  pane.hidden = false;
  pane.dataset.docId = record.doc_id;
  pane.querySelector("#doc-title").textContent = record.title || record.doc_id;
  pane.querySelector("#doc-meta").textContent =
    [record.source, record.published, record.url].filter(Boolean).join(" · ");
  const events = record.events || [];
  const selected = events.find((e) => e.id === selectedId) || events[0];

  const list = clear(pane.querySelector("#doc-events"));
  for (const e of events) {
    const item = el("li", { class: e === selected ? "selected" : "", "data-event": e.id },
      el("button", { type: "button", text: eventLabel(record, e),
                     onclick: () => showDocument(pane, record, e.id) }));
    list.append(item);
  }

  pane.querySelector("#doc-detail").textContent = eventDetails(record, selected);

  const body = clear(pane.querySelector("#doc-text"));
  const triggers = events.filter((e) => e.trigger)
    .map((e) => ({ ...e.trigger, cls: "hl-anytrigger", event: e.id }));
  for (const seg of segments(record.text, [...quoteLayers(record), ...triggers, ...eventLayers(record, selected)])) {
    const piece = record.text.slice(seg.start, seg.end);
    if (!seg.classes.length) { body.append(document.createTextNode(piece)); continue; }
    const node = el("span", { class: seg.classes.join(" "), title: seg.note || null }, piece);
    if (seg.event) {
      node.title = [`event ${seg.event}`, seg.note].filter(Boolean).join(" · ");
      node.addEventListener("click", () => showDocument(pane, record, seg.event));
    }
    body.append(node);
  }
  pane.dataset.selected = selected ? selected.id : "";
  const first = body.querySelector(".hl-trigger");
  if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest" });
}

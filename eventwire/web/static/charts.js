// Two drawings: the actor network (a small force layout) and events per day. All SVG, all built with
// createElementNS; labels go in through textContent. The map is in map.js, the dashboard in dashboard.js.

import { svg, clear } from "./dom.js";

// Edge kinds are PLOVER event types or relation kinds; relations get their own colours.
const EDGE_CLASS = { backs: "edge-backs", allied_with: "edge-backs", opposes: "edge-opposes", member_of: "edge-member" };

// ---- network -------------------------------------------------------------------------------------------

/** Positions for the nodes (Fruchterman–Reingold): start on a circle (deterministic), then repulsion
 *  between all nodes, springs along edges and a pull to the centre strong enough to keep unconnected
 *  groups on screen; the step size cools from a tenth of the width to nothing. */
export function layout(nodes, edges, width, height, steps = 300) {
  const n = nodes.length;
  const cx = width / 2, cy = height / 2, r0 = Math.min(width, height) * 0.35;
  const pos = nodes.map((_, i) => ({ x: cx + r0 * Math.cos((2 * Math.PI * i) / Math.max(n, 1)),
                                     y: cy + r0 * Math.sin((2 * Math.PI * i) / Math.max(n, 1)) }));
  const index = new Map(nodes.map((d, i) => [d.actor_key, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = Math.min(Math.sqrt((width * height) / Math.max(n, 1)) * 0.6, 160);   // ideal edge length
  for (let step = 0; step < steps; step++) {
    const temp = (width / 10) * (1 - step / steps) + 0.5;
    const f = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d = Math.max(Math.hypot(dx, dy), 1);
      const push = (k * k) / d / d;
      f[i].x += dx * push; f[i].y += dy * push; f[j].x -= dx * push; f[j].y -= dy * push;
    }
    for (const [a, b] of links) {
      const dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y, d = Math.max(Math.hypot(dx, dy), 1);
      const pull = d / k;
      f[a].x += dx * pull; f[a].y += dy * pull; f[b].x -= dx * pull; f[b].y -= dy * pull;
    }
    for (let i = 0; i < n; i++) {
      const dx = cx - pos[i].x, dy = cy - pos[i].y, d = Math.hypot(dx, dy);
      f[i].x += (dx * d) / (2.5 * k); f[i].y += (dy * d) / (2.5 * k);           // gravity grows like a spring
      const len = Math.max(Math.hypot(f[i].x, f[i].y), 1e-9), move = Math.min(len, temp);
      pos[i].x += (f[i].x / len) * move;
      pos[i].y += (f[i].y / len) * move;
    }
  }
  return fit(pos, width, height);
}

/** Scale the positions into the drawing (room on the right for labels), keeping their proportions;
 *  clamping during the simulation would pile nodes up along the edges instead. */
function fit(pos, width, height) {
  if (!pos.length) return pos;
  const [left, right, top, bottom] = [30, 160, 25, 25];
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - left - right) / Math.max(x1 - x0, 1), (height - top - bottom) / Math.max(y1 - y0, 1), 1.5);
  const dx = left + (width - left - right - (x1 - x0) * scale) / 2, dy = top + (height - top - bottom - (y1 - y0) * scale) / 2;
  return pos.map((p) => ({ x: dx + (p.x - x0) * scale, y: dy + (p.y - y0) * scale }));
}

// The layout is quadratic in nodes, and past a few hundred labels nobody can read the drawing anyway.
export const MAX_NODES = 120;

/** One node per actor: nodes whose names agree (case, "the", a possessive and spacing aside) and whose
 *  countries agree are one actor stored under several keys (a knowledge-base id in one article, country|
 *  sector|name in another). The most active key stands for all; their edges are re-pointed and summed, and
 *  edges that the merge turns into loops are dropped. Each kept node lists the keys it merged (`merged`). */
export function mergeDuplicates(data) {
  const norm = (name) => (name || "").toLowerCase().replace(/^the\s+/, "").replace(/[’']s?$/, "").replace(/\s+/g, " ").trim();
  const groups = new Map();
  for (const n of data.nodes || []) {
    const k = norm(n.name) + "|" + (n.country || "");
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(n);
  }
  const keyOf = new Map(), nodes = [];
  for (const members of groups.values()) {
    members.sort((a, b) => (b.n_events || 0) - (a.n_events || 0));
    const head = { ...members[0], n_events: members.reduce((t, m) => t + (m.n_events || 0), 0),
                   merged: members.map((m) => m.actor_key) };
    for (const m of members) keyOf.set(m.actor_key, head.actor_key);
    nodes.push(head);
  }
  const edges = new Map();
  for (const e of data.edges || []) {
    const [s, t] = [keyOf.get(e.source) || e.source, keyOf.get(e.target) || e.target];
    if (s === t) continue;
    const k = `${s}\u0000${t}\u0000${e.kind}`;
    if (edges.has(k)) edges.get(k).weight += e.weight || 1;
    else edges.set(k, { ...e, source: s, target: t, weight: e.weight || 1 });
  }
  return { nodes, edges: [...edges.values()] };
}

/** The MAX_NODES most active actors and the edges among them. */
export function trimNetwork(data, max = MAX_NODES) {
  const nodes = [...(data.nodes || [])].sort((a, b) => (b.n_events || 0) - (a.n_events || 0)).slice(0, max);
  const keep = new Set(nodes.map((d) => d.actor_key));
  const edges = (data.edges || []).filter((e) => keep.has(e.source) && keep.has(e.target));
  return { nodes, edges, hidden: (data.nodes || []).length - nodes.length };
}

export function drawNetwork(root, data, onActor) {
  clear(root);
  const [w, h] = [900, 600];
  const { nodes, edges, hidden } = trimNetwork(mergeDuplicates(data));
  if (!nodes.length) { root.append(svg("text", { x: 20, y: 40, class: "muted empty", text: "No actors to show." })); return; }
  const pos = layout(nodes, edges, w, h);
  const at = new Map(nodes.map((d, i) => [d.actor_key, pos[i]]));
  const maxW = Math.max(1, ...edges.map((e) => e.weight || 1));
  const gEdges = svg("g"), gNodes = svg("g");
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    if (!a || !b) continue;
    const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge ${EDGE_CLASS[e.kind] || "edge-event"}`,
                               "stroke-width": 1 + (4 * (e.weight || 1)) / maxW });
    line.append(svg("title", { text: `${e.kind} ×${e.weight || 1}` }));
    gEdges.append(line);
  }
  const maxN = Math.max(1, ...nodes.map((d) => d.n_events || 1));
  nodes.forEach((d, i) => {
    const g = svg("g", { class: "node", transform: `translate(${pos[i].x.toFixed(1)},${pos[i].y.toFixed(1)})`,
                         "data-actor": d.actor_key, onclick: () => onActor(d) });
    g.append(svg("circle", { r: 5 + (9 * (d.n_events || 1)) / maxN, class: `sector-${(d.sector || "none").toLowerCase()}` }),
             svg("text", { x: 12, y: 4, text: d.name }),
             svg("title", { text: `${d.name} — ${d.country || "?"} ${d.sector || ""}`
                                  + (d.merged && d.merged.length > 1 ? ` (one actor under ${d.merged.length} keys)` : "") }));
    gNodes.append(g);
  });
  root.append(gEdges, gNodes);
  if (hidden > 0) {
    root.append(svg("text", { x: 10, y: h - 10, class: "tick",
                              text: `showing the ${nodes.length} most active actors; ${hidden} more — filter to narrow` }));
  }
}

// ---- timeline ------------------------------------------------------------------------------------------

const DAY = 86400000;
// Above this many days the bars are months: a day's bar would be thinner than a pixel.
const MAX_DAY_BARS = 180;

/** Bars for the timeline: one per day from the first to the last date (0 for days without events), or
 *  one per month when the range is longer than MAX_DAY_BARS days. Each bar knows its first and last day. */
export function bars(items) {
  const known = items.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date)).sort((a, b) => a.date.localeCompare(b.date));
  if (!known.length) return [];
  const t0 = Date.parse(known[0].date), t1 = Date.parse(known[known.length - 1].date);
  const byMonth = (t1 - t0) / DAY + 1 > MAX_DAY_BARS;
  const key = (date) => (byMonth ? date.slice(0, 7) : date);
  const counts = new Map();
  for (const d of known) counts.set(key(d.date), (counts.get(key(d.date)) || 0) + d.count);
  const out = [];
  for (let t = t0; t <= t1; t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10), k = key(date);
    const last = out[out.length - 1];
    if (last && last.label === k) { last.until = date; continue; }
    out.push({ label: k, since: date, until: date, count: counts.get(k) || 0 });
  }
  return out;
}

export function drawTimeline(root, items, onRange) {
  clear(root);
  const days = bars(items);
  if (!days.length) { root.append(svg("text", { x: 20, y: 40, class: "muted empty", text: "No events dated to a day." })); return; }
  const [w, h, left, bottom, top] = [960, 260, 40, 30, 10];
  const max = Math.max(...days.map((d) => d.count), 1);
  const bw = (w - left - 10) / days.length;
  root.append(svg("line", { x1: left, y1: h - bottom, x2: w - 10, y2: h - bottom, class: "axis" }),
              svg("text", { x: left - 6, y: top + 10, "text-anchor": "end", class: "tick", text: max }),
              svg("text", { x: left - 6, y: h - bottom, "text-anchor": "end", class: "tick", text: 0 }));
  const every = Math.max(1, Math.ceil(days.length / 8));
  days.forEach((d, i) => {
    const bh = ((h - bottom - top) * d.count) / max, x = left + i * bw;
    const bar = svg("rect", { x: x + bw * 0.1, y: h - bottom - bh, width: Math.max(bw * 0.8, 1), height: bh,
                              class: "bar", "data-date": d.label, "data-count": d.count,
                              onclick: () => onRange(d.since, d.until) });
    bar.append(svg("title", { text: `${d.label}: ${d.count} event${d.count === 1 ? "" : "s"}` }));
    root.append(bar);
    if (i % every === 0) root.append(svg("text", { x: x + bw / 2, y: h - 10, "text-anchor": "middle", class: "tick", text: d.label }));
  });
}

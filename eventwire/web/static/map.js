// The map of places: Natural Earth outlines, and each place drawn as what it is (issue 15 point 4):
// a city or site is a dot; an admin area or region a large translucent circle; a country is its own
// outline shaded (never a pin on its capital). Dots closer than CLUSTER_PX on screen merge into one
// cluster that shows how many places it holds; clicking it zooms to them.

import { svg, clear } from "./dom.js";
import { featurePaths, featureRings, contains } from "./topo.js";

const MAP_W = 960, MAP_H = 480;
export const CLUSTER_PX = 22;           // on-screen distance (in drawing units at full width) that merges dots
const project = (lon, lat) => [((lon + 180) / 360) * MAP_W, ((90 - lat) / 180) * MAP_H];
const AREA = new Set(["admin1", "admin2", "region"]);

/** The viewBox around the places (at least `minDeg` degrees wide), or the whole world when there are none. */
function frame(places, minDeg = 30) {
  const pts = places.map((p) => project(p.lon, p.lat));
  if (!pts.length) return [0, 0, MAP_W, MAP_H];
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  const minSpan = (minDeg / 360) * MAP_W;
  let w = Math.max(Math.max(...xs) - Math.min(...xs), minSpan) * 1.4;
  let h = Math.max(Math.max(...ys) - Math.min(...ys), minSpan / 2) * 1.4;
  if (w / h > 2) h = w / 2; else w = h * 2;               // keep the drawing's 2:1 shape
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return [cx - w / 2, cy - h / 2, w, h];
}

/** Clusters of points in drawing units: biggest places first, a dot joins the first cluster within
 *  `radius`; then clusters whose drawn circles (`drawn(n)` for n members) would overlap merge, until none
 *  do. A cluster sits at the mean of its members. */
export function cluster(points, radius, drawn = () => radius / 2) {
  let out = [];
  for (const p of points) {
    const c = out.find((k) => Math.hypot(k.x - p.x, k.y - p.y) <= radius);
    if (c) c.members.push(p);
    else out.push({ x: p.x, y: p.y, members: [p] });
  }
  const centre = (c) => ({ ...c, x: mean(c.members.map((m) => m.x)), y: mean(c.members.map((m) => m.y)) });
  out = out.map(centre);
  for (let merged = true; merged;) {
    merged = false;
    search: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const [a, b] = [out[i], out[j]];
        if (Math.hypot(a.x - b.x, a.y - b.y) < drawn(a.members.length) + drawn(b.members.length)) {
          out[i] = centre({ members: [...a.members, ...b.members] });
          out.splice(j, 1);
          merged = true;
          break search;
        }
      }
    }
  }
  return out;
}

const mean = (xs) => xs.reduce((t, x) => t + x, 0) / xs.length;

const weight = (p) => (p.n_events || 0) + (p.n_documents || 0);
const precisionOf = (p) => p.precision || (p.kind === "country" ? "country" : p.kind === "region" ? "admin1" : "point");

function popup(p) {
  return `${p.name} (${p.country || "?"}) — precision: ${precisionOf(p)} — ${p.n_events} events in ${p.n_documents} articles`;
}

/** Draw `places`; `zoomTo` (a list of places) frames those instead of all; `onZoom(list|null)` re-draws. */
export function drawMap(root, topology, places, onPlace, { zoomTo = null, onZoom = () => {} } = {}) {
  clear(root);
  const located = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const box = zoomTo ? frame(zoomTo, 2) : frame(located);
  root.setAttribute("viewBox", box.map((v) => v.toFixed(1)).join(" "));
  root.dataset.zoomed = zoomTo ? "true" : "false";
  const scale = box[2] / MAP_W;                           // keep dots and labels readable when zoomed
  root.append(svg("rect", { x: box[0], y: box[1], width: box[2], height: box[3], class: "sea",
                            onclick: () => zoomTo && onZoom(null) }));
  const land = svg("g", { class: "countries", "stroke-width": 0.6 * scale });
  const shapes = topology ? featurePaths(topology, "countries", project) : [];
  const rings = topology ? featureRings(topology, "countries") : [];
  const byId = new Map(shapes.map((c) => [c.id, c]));
  for (const c of shapes) {
    const path = svg("path", { d: c.d, "data-name": c.name });
    path.append(svg("title", { text: c.name }));
    land.append(path);
  }
  root.append(land);

  const maxM = Math.max(1, ...located.map(weight));
  const size = (p) => (2.5 + 5.5 * Math.sqrt(weight(p) / maxM)) * scale;
  const countries = located.filter((p) => precisionOf(p) === "country");
  const areas = located.filter((p) => AREA.has(precisionOf(p)));
  const points = located.filter((p) => !countries.includes(p) && !areas.includes(p));

  // countries: their outline shaded (found by the place's own coordinates), and a ring marker to click
  const gCountries = svg("g", { class: "country-places" });
  for (const p of countries) {
    const hit = rings.find((f) => contains(f, p.lon, p.lat));
    const g = svg("g", { class: "place place-country", "data-place": p.name, "data-precision": "country",
                         onclick: () => onPlace(p) });
    if (hit && byId.get(hit.id)) {
      g.append(svg("path", { d: byId.get(hit.id).d, class: "country-area", "stroke-width": 1.2 * scale }));
    }
    const [x, y] = project(p.lon, p.lat);
    g.append(svg("circle", { cx: x, cy: y, r: 6 * scale, class: "country-mark", "stroke-width": 2 * scale }),
             svg("text", { x: x + 9 * scale, y: y + 4 * scale, "font-size": 12 * scale, "stroke-width": 3 * scale,
                           class: "area-label", text: p.name }),
             svg("title", { text: popup(p) }));
    gCountries.append(g);
  }
  root.append(gCountries);

  // admin areas and regions: a translucent disc that says "somewhere in here"
  for (const p of areas) {
    const [x, y] = project(p.lon, p.lat);
    const g = svg("g", { class: "place place-area", "data-place": p.name, "data-precision": precisionOf(p),
                         onclick: () => onPlace(p) });
    g.append(svg("circle", { cx: x, cy: y, r: 16 * scale + size(p), class: "area", "stroke-width": 1.5 * scale }),
             svg("text", { x: x, y: y + 4 * scale, "text-anchor": "middle", "font-size": 12 * scale,
                           "stroke-width": 3 * scale, class: "area-label", text: p.name }),
             svg("title", { text: popup(p) }));
    root.append(g);
  }

  // points: dots, clustered where they crowd each other at this zoom
  const projected = [...points].sort((a, b) => weight(b) - weight(a))
    .map((p) => { const [x, y] = project(p.lon, p.lat); return { ...p, x, y }; });
  const taken = [];                                        // label boxes drawn so far, biggest places first
  const clusterR = (n) => (n > 1 ? 9 + 3 * Math.log2(n) : 4) * scale;
  for (const c of cluster(projected, CLUSTER_PX * scale, clusterR)) {
    if (c.members.length > 1) {
      const n = c.members.length;
      const g = svg("g", { class: "cluster", "data-count": n, onclick: () => onZoom(c.members) });
      g.append(svg("circle", { cx: c.x, cy: c.y, r: clusterR(n), "stroke-width": 1.5 * scale }),
               svg("text", { x: c.x, y: c.y + 4 * scale, "text-anchor": "middle", "font-size": 12 * scale, text: n }),
               svg("title", { text: `${n} places: ${c.members.map((m) => m.name).join(", ")} — click to zoom in` }));
      root.append(g);
      continue;
    }
    const p = c.members[0];
    const g = svg("g", { class: "place", "data-place": p.name, "data-precision": precisionOf(p), onclick: () => onPlace(p) });
    g.append(svg("circle", { cx: p.x, cy: p.y, r: size(p), "stroke-width": scale }), svg("title", { text: popup(p) }));
    // a label that would overlap one already drawn is left out; the dot keeps its tooltip
    const lb = { x0: p.x + 8 * scale, x1: p.x + (10 + 7.5 * p.name.length) * scale, y0: p.y - 8 * scale, y1: p.y + 6 * scale };
    if (!taken.some((t) => lb.x0 < t.x1 && t.x0 < lb.x1 && lb.y0 < t.y1 && t.y0 < lb.y1)) {
      taken.push(lb);
      g.append(svg("text", { x: p.x + 9 * scale, y: p.y + 4 * scale, "font-size": 13 * scale, "stroke-width": 3 * scale, text: p.name }));
    }
    root.append(g);
  }
  if (!located.length) root.append(svg("text", { x: 20, y: 40, class: "muted", text: "No located places." }));
}

// The dashboard: events per country (bars, with fatalities) and, for each PLOVER type, events per month
// (small multiples on one shared month axis, so types can be compared at a glance). All SVG, our own code.

import { svg, clear } from "./dom.js";

const TOP_COUNTRIES = 15;

export function drawCountries(root, data, onCountry) {
  clear(root);
  const rows = data.countries.slice(0, TOP_COUNTRIES);
  const [w, rowH, left, right] = [460, 22, 150, 110];
  root.setAttribute("viewBox", `0 0 ${w} ${Math.max(rows.length, 1) * rowH + 30}`);
  if (!rows.length) { root.append(svg("text", { x: 10, y: 30, class: "muted empty", text: "No events." })); return; }
  const max = Math.max(...rows.map((r) => r.events), 1);
  rows.forEach((r, i) => {
    const y = 10 + i * rowH, bw = ((w - left - right) * r.events) / max;
    const g = svg("g", { class: "country-bar", "data-country": r.country, "data-count": r.events,
                         onclick: () => onCountry(r.country) });
    g.append(svg("text", { x: left - 8, y: y + 14, "text-anchor": "end", class: "label",
                           text: r.name ? `${r.name} (${r.country})` : r.country }),
             svg("rect", { x: left, y: y + 3, width: Math.max(bw, 1), height: rowH - 8, class: "bar" }),
             svg("text", { x: left + bw + 6, y: y + 14, class: "tick",
                           text: `${r.events}${r.fatalities ? ` · ${r.fatalities} killed` : ""}` }),
             svg("title", { text: `${r.name || r.country}: ${r.events} events, ${r.fatalities} fatalities` }));
    root.append(g);
  });
  const rest = data.countries.length - rows.length;
  const notes = [rest > 0 ? `${rest} more countries` : "", data.no_country ? `${data.no_country} events without a country` : ""]
    .filter(Boolean).join("; ");
  if (notes) root.append(svg("text", { x: 10, y: rows.length * rowH + 24, class: "tick", text: notes }));
}

export function drawSeries(root, data) {
  clear(root);
  const periods = data.periods, series = data.series;
  const [w, rowH, left, right] = [900, 46, 110, 40];
  root.setAttribute("viewBox", `0 0 ${w} ${Math.max(series.length, 1) * rowH + 34}`);
  if (!series.length || !periods.length) {
    root.append(svg("text", { x: 10, y: 30, class: "muted empty", text: "No dated events." }));
    return;
  }
  const index = new Map(periods.map((p, i) => [p, i]));
  const bw = (w - left - right) / periods.length;
  const max = Math.max(...series.flatMap((s) => s.points.map((p) => p.count)), 1);   // one scale for all rows
  series.forEach((s, row) => {
    const y0 = 8 + row * rowH, base = y0 + rowH - 10;
    const g = svg("g", { class: "series", "data-type": s.type, "data-total": s.total });
    g.append(svg("text", { x: left - 8, y: base - 4, "text-anchor": "end", class: "label", text: s.type }),
             svg("text", { x: w - right + 6, y: base - 4, class: "tick", text: s.total }),
             svg("line", { x1: left, y1: base, x2: w - right, y2: base, class: "axis" }));
    for (const p of s.points) {
      const h = ((rowH - 14) * p.count) / max;
      const bar = svg("rect", { x: left + index.get(p.period) * bw + bw * 0.1, y: base - h, width: Math.max(bw * 0.8, 1),
                                height: h, class: "bar", "data-period": p.period, "data-count": p.count });
      bar.append(svg("title", { text: `${s.type} ${p.period}: ${p.count}` }));
      g.append(bar);
    }
    root.append(g);
  });
  const every = Math.max(1, Math.ceil(periods.length / 10));
  const y = series.length * rowH + 22;
  periods.forEach((p, i) => {
    if (i % every === 0) root.append(svg("text", { x: left + i * bw + bw / 2, y, "text-anchor": "middle", class: "tick", text: p }));
  });
}

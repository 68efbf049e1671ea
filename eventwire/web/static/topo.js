// A small TopoJSON reader (our own): turns the quantized, delta-encoded arcs of a topology into SVG path
// strings under a given projection. Enough for the Polygon/MultiPolygon country outlines we ship.

/** Absolute [lon, lat] coordinates of every arc, undoing quantization and delta encoding. */
function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      if (!t) return [dx, dy];
      x += dx; y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/** One ring's points: arc i read forwards, ~i (negative) read backwards; shared end points dropped. */
function ring(arcs, indexes) {
  const points = [];
  for (const i of indexes) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

/** Longitudes made continuous along a ring: a step of more than 180° is the ring crossing the
 *  antimeridian, so the rest of the ring is shifted by 360° instead of drawing a line across the world
 *  (the part beyond ±180° falls outside the map and is clipped). */
function unwrap(points) {
  let offset = 0, prev = null;
  return points.map(([lon, lat]) => {
    let x = lon + offset;
    if (prev !== null && x - prev > 180) { offset -= 360; x -= 360; }
    else if (prev !== null && x - prev < -180) { offset += 360; x += 360; }
    prev = x;
    return [x, lat];
  });
}

function ringPath(points, project) {
  return unwrap(points).map((p, k) => {
    const [x, y] = project(p[0], p[1]);
    return `${k ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

/** [{name, id, d}] for every geometry of `objectName`, with `project(lon, lat) -> [x, y]`. */
export function featurePaths(topology, objectName, project) {
  const arcs = decodeArcs(topology);
  const out = [];
  for (const g of topology.objects[objectName].geometries) {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    const d = polygons.flatMap((poly) => poly.map((r) => ringPath(ring(arcs, r), project))).join("");
    if (d) out.push({ id: g.id, name: (g.properties || {}).name || "", d });
  }
  return out;
}

/** [{id, name, rings}] for every geometry of `objectName`: rings of [lon, lat] points, for hit tests. */
export function featureRings(topology, objectName) {
  const arcs = decodeArcs(topology);
  return topology.objects[objectName].geometries.map((g) => {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { id: g.id, name: (g.properties || {}).name || "", rings: polygons.flatMap((poly) => poly.map((r) => ring(arcs, r))) };
  });
}

/** Whether [lon, lat] lies inside the feature (even-odd rule over all its rings, so holes are holes). */
export function contains(feature, lon, lat) {
  let inside = false;
  for (const pts of feature.rings) {
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i], [xj, yj] = pts[j];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

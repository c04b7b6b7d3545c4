import type { NetworkScenario } from '../../scenarios/schema';

/**
 * Where the topology view draws things: the scenario's own x/y, scaled uniformly to fit a fixed
 * drawing box (so a lecture topology and a 50-node one both fill the view). A pure function of
 * the topology, tested in Node; the component only draws it.
 */

export const VIEW_W = 800;
export const VIEW_H = 440;
const MARGIN = 48;
/** A LAN segment is drawn as a bar (an Ethernet cable): half its width and half its height. */
export const LAN_HALF_W = 46;
export const LAN_HALF_H = 10;

export type NodeKind = 'lan' | 'router' | 'host';

export interface NodeGeom {
  id: string;
  kind: NodeKind;
  x: number;
  y: number;
}

export interface LinkGeom {
  id: string;
  a: string;
  b: string;
  latency: number;
  /** End points on the drawing: at a LAN, where the line meets its bar. */
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Where packets travel: the line minus the nodes at its ends, so a packet never covers a node's label. */
  pax: number;
  pay: number;
  pbx: number;
  pby: number;
}

/** The fit from scenario coordinates to the drawing: drawn = off + (scenario − min) × k. */
export interface Fit {
  k: number;
  minX: number;
  minY: number;
  offX: number;
  offY: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: NodeGeom[];
  links: LinkGeom[];
  fit: Fit;
}

/**
 * Half the width of a host's box: 14 for a short id, wider for a long one (`STB1`), so the label
 * stays inside at presenter mode's larger type (about 11 drawing units a character).
 */
export function hostHalfWidth(id: string): number {
  return Math.max(14, (id.length * 11 + 8) / 2);
}

/** Half the room a node's mark takes along a line, plus a packet's radius and a gap. */
function clearance(n: NodeGeom): number {
  return n.kind === 'router' ? 17 + 8 : n.kind === 'host' ? hostHalfWidth(n.id) + 10 : 8;
}

type Topology = NetworkScenario['topology'];

/** The scenario's link id: its own, else `a-b` (the simulation's default). */
export const linkId = (l: Topology['links'][number]): string => l.id ?? `${l.a}-${l.b}`;

/** Where the segment from a LAN's centre toward (tx, ty) leaves its bar. */
function leaveBar(cx: number, cy: number, tx: number, ty: number): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const s = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : LAN_HALF_W / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : LAN_HALF_H / Math.abs(dy),
  );
  return s >= 1 ? [cx, cy] : [cx + dx * s, cy + dy * s];
}

export function topologyLayout(t: Topology, width = VIEW_W, height = VIEW_H): TopologyLayout {
  const raw: NodeGeom[] = [
    ...t.lans.map((n) => ({ id: n.id, kind: 'lan' as const, x: n.x, y: n.y })),
    ...t.routers.map((n) => ({ id: n.id, kind: 'router' as const, x: n.x, y: n.y })),
    ...t.hosts.map((n) => ({ id: n.id, kind: 'host' as const, x: n.x, y: n.y })),
  ];
  const xs = raw.map((n) => n.x);
  const ys = raw.map((n) => n.y);
  const minX = raw.length ? Math.min(...xs) : 0;
  const minY = raw.length ? Math.min(...ys) : 0;
  const spanX = Math.max(1, (raw.length ? Math.max(...xs) : 0) - minX);
  const spanY = Math.max(1, (raw.length ? Math.max(...ys) : 0) - minY);
  // One scale for both axes keeps the author's angles; the drawing is centred in the spare room.
  const k = Math.min((width - 2 * MARGIN) / spanX, (height - 2 * MARGIN) / spanY);
  const offX = (width - spanX * k) / 2;
  const offY = (height - spanY * k) / 2;
  const nodes = raw.map((n) => ({ ...n, x: offX + (n.x - minX) * k, y: offY + (n.y - minY) * k }));
  const links = linkGeoms(
    nodes,
    t.links.map((l) => ({ id: linkId(l), a: l.a, b: l.b, latency: l.latency })),
  );
  return { width, height, nodes, links, fit: { k, minX, minY, offX, offY } };
}

function linkGeoms(
  nodes: readonly NodeGeom[],
  list: readonly { id: string; a: string; b: string; latency: number }[],
): LinkGeom[] {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const links: LinkGeom[] = [];
  for (const l of list) {
    const a = at.get(l.a);
    const b = at.get(l.b);
    if (!a || !b) continue;
    const [ax, ay] = a.kind === 'lan' ? leaveBar(a.x, a.y, b.x, b.y) : [a.x, a.y];
    const [bx, by] = b.kind === 'lan' ? leaveBar(b.x, b.y, a.x, a.y) : [b.x, b.y];
    const len = Math.hypot(bx - ax, by - ay);
    const ca = clearance(a);
    const cb = clearance(b);
    // A link too short to clear both ends carries its packets at its middle.
    const fa = len > ca + cb ? ca / len : 0.5;
    const fb = len > ca + cb ? 1 - cb / len : 0.5;
    links.push({
      ...l,
      ax,
      ay,
      bx,
      by,
      pax: ax + (bx - ax) * fa,
      pay: ay + (by - ay) * fa,
      pbx: ax + (bx - ax) * fb,
      pby: ay + (by - ay) * fb,
    });
  }
  return links;
}

/** A drawn point back in scenario coordinates (where a dragged node is dropped). */
export function toScenario(fit: Fit, x: number, y: number): { x: number; y: number } {
  return { x: fit.minX + (x - fit.offX) / fit.k, y: fit.minY + (y - fit.offY) / fit.k };
}

/** The layout with one node drawn elsewhere (while it is dragged), its links following it. */
export function withNodeAt(layout: TopologyLayout, id: string, x: number, y: number): TopologyLayout {
  const nodes = layout.nodes.map((n) => (n.id === id ? { ...n, x, y } : n));
  return { ...layout, nodes, links: linkGeoms(nodes, layout.links) };
}

/** The link joining two nodes (in either direction), if there is one. */
export function linkBetween(layout: TopologyLayout, u: string, v: string): LinkGeom | undefined {
  return layout.links.find((l) => (l.a === u && l.b === v) || (l.a === v && l.b === u));
}

/** A point a fraction `f` of the way along a link's packet path, going from node `from` to the other end. */
export function pointOn(link: LinkGeom, from: string, f: number): [number, number] {
  const [sx, sy, tx, ty] =
    from === link.a ? [link.pax, link.pay, link.pbx, link.pby] : [link.pbx, link.pby, link.pax, link.pay];
  return [sx + (tx - sx) * f, sy + (ty - sy) * f];
}

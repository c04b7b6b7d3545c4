import type { PimCopyKind, PimFieldValue } from '../../protocols/pim/messages';
import type { CopyRecord, Trace, TraceEvent } from '../../sim/trace';

/**
 * The space-time diagram of PIM control messages (issue 5 §4), as pure functions of the trace:
 * a lane per router, an arrow per message hop between two routers, and a time axis that
 * squeezes the long quiet stretches between bursts of control traffic so a burst stays readable.
 */

/** The copy kinds, plus the (S,G,rpt) Prune told apart from a plain Prune (RFC 7761 §4.5.9). */
export type ControlKind = PimCopyKind | 'pim-prune-rpt';

export interface ControlArrow {
  /** The copy id of the hop's last leg: unique per arrow. */
  id: string;
  msg: string;
  kind: ControlKind;
  /** The short header, `Prune (S,G)`. */
  label: string;
  /** The router that put it on the wire, and the router (or, for a frame lost on a LAN, the LAN) it was for. */
  from: string;
  to: string;
  /** The point-to-point link or LAN it crossed. */
  on: string;
  sentAt: number;
  arriveAt: number;
  sentStep: number;
  arriveStep: number | null;
  lost: string | null;
  /** The RFC's fields (router.ts records them), and the IP destination and TTL. */
  fields: Record<string, PimFieldValue>;
  dst: string;
  ttl: number | null;
}

const kindOfNode = (trace: Trace, n: string) => (trace.initial[n] as { kind?: string } | undefined)?.kind;

interface SendDetail {
  on?: string;
  dst?: string;
  ttl?: number;
  fields?: Record<string, PimFieldValue>;
}

function controlKind(kind: string, label: string, fields: Record<string, PimFieldValue>): ControlKind {
  if (kind !== 'pim-prune') return kind as ControlKind;
  const prunes = typeof fields.prunes === 'string' ? fields.prunes : label;
  return prunes.includes(',rpt)') ? 'pim-prune-rpt' : 'pim-prune';
}

/**
 * One arrow per PIM message hop from a router to a router. A frame put on a LAN reaches every
 * station: the LAN's relayed copies become arrows from the sender to each router that took the
 * frame in (a router whose card filtered a unicast frame for another is left out).
 */
export function controlArrows(trace: Trace): ControlArrow[] {
  const sends = new Map<string, TraceEvent>();
  const filtered = new Set<string>();
  for (const e of trace.events) {
    if (!e.msg) continue;
    if (e.type === 'send' && e.kind?.startsWith('pim-')) sends.set(`${e.msg}|${e.node}`, e);
    else if (e.type === 'filter') filtered.add(`${e.msg}|${e.node}`);
  }
  const relays = new Map<string, CopyRecord[]>();
  for (const c of trace.copies) {
    if (!c.kind.startsWith('pim-') || kindOfNode(trace, c.src) !== 'lan') continue;
    const k = `${c.msg}|${c.src}`;
    const l = relays.get(k) ?? [];
    l.push(c);
    relays.set(k, l);
  }
  const out: ControlArrow[] = [];
  for (const c of trace.copies) {
    if (!c.kind.startsWith('pim-') || kindOfNode(trace, c.src) !== 'router') continue;
    const d = (sends.get(`${c.msg}|${c.src}`)?.detail ?? {}) as SendDetail;
    const fields = d.fields ?? {};
    const base = {
      msg: c.msg,
      kind: controlKind(c.kind, c.label ?? '', fields),
      label: c.label ?? c.msg,
      from: c.src,
      on: d.on ?? c.to,
      sentAt: c.sentAt,
      sentStep: c.sentStep,
      fields,
      dst: d.dst ?? '',
      ttl: d.ttl ?? null,
    };
    const toKind = kindOfNode(trace, c.to);
    if (toKind === 'router') {
      out.push({ ...base, id: c.id, to: c.to, arriveAt: c.arriveAt, arriveStep: c.arriveStep, lost: c.lost });
      continue;
    }
    if (toKind !== 'lan') continue;
    if (c.lost) {
      out.push({ ...base, id: c.id, to: c.to, arriveAt: c.arriveAt, arriveStep: c.arriveStep, lost: c.lost });
      continue;
    }
    for (const r of relays.get(`${c.msg}|${c.to}`) ?? []) {
      if (kindOfNode(trace, r.to) !== 'router' || r.to === c.src) continue;
      if (!r.lost && filtered.has(`${r.msg}|${r.to}`)) continue;
      out.push({ ...base, id: r.id, to: r.to, arriveAt: r.arriveAt, arriveStep: r.arriveStep, lost: r.lost });
    }
  }
  return out.sort((a, b) => a.sentStep - b.sentStep || (a.id < b.id ? -1 : 1));
}

/** The routers, one lane each, in their ids' natural order (R2 before R10). */
export function routerLanes(trace: Trace): string[] {
  return trace.nodes
    .filter((n) => kindOfNode(trace, n) === 'router')
    .map(String)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Where an arrow is at a cursor: not yet sent, on its way (a fraction along), or arrived. */
export type ArrowPhase = { phase: 'future' } | { phase: 'flight'; f: number } | { phase: 'done' };

/**
 * The cursor counts events shown (store/lab.ts), so a copy is on its way once its send is shown
 * and until its arrival is; in between it is drawn RaftScope's way, (now − sentAt) / (arriveAt −
 * sentAt) along, which makes stepping back just a smaller fraction.
 */
export function arrowPhase(a: ControlArrow, cursor: number, now: number): ArrowPhase {
  if (a.sentStep >= cursor) return { phase: 'future' };
  if (a.arriveStep !== null && a.arriveStep < cursor) return { phase: 'done' };
  const span = a.arriveAt - a.sentAt;
  const f = span > 0 ? (now - a.sentAt) / span : 1;
  return { phase: 'flight', f: Math.max(0, Math.min(1, f)) };
}

/** A stretch of the time axis: drawn to scale (`active`), or a quiet gap squeezed into a break. */
export interface TimeSpan {
  t0: number;
  t1: number;
  x0: number;
  x1: number;
  active: boolean;
}

export interface TimeScale {
  spans: TimeSpan[];
  /** Pixels per tick inside the spans drawn to scale. */
  pxPerTick: number;
  width: number;
  x(t: number): number;
}

export interface TimeScaleOptions {
  /** Width the axis should fill (it grows beyond it only when `minPx` demands). */
  width: number;
  /** Quiet stretches longer than this many ticks become breaks. */
  gap: number;
  /** Ticks of margin kept around each message. */
  pad: number;
  breakPx: number;
  minPx: number;
  maxPx: number;
}

export const DEFAULT_TIME_SCALE: TimeScaleOptions = {
  width: 800,
  gap: 6,
  pad: 1,
  breakPx: 34,
  minPx: 14,
  maxPx: 48,
};

/**
 * A piecewise-linear time axis from 0 to `end`: the intervals in which messages travel (padded,
 * merged when closer than `gap`) drawn to one scale, every quiet stretch between them as a
 * fixed-width break. Monotone, so earlier is always further left.
 */
export function controlTimeScale(
  intervals: readonly { from: number; to: number }[],
  end: number,
  o: TimeScaleOptions = DEFAULT_TIME_SCALE,
): TimeScale {
  const sorted = intervals
    .map((i) => ({ from: Math.max(0, i.from - o.pad), to: Math.min(Math.max(end, i.to), i.to + o.pad) }))
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.from - last.to <= o.gap) last.to = Math.max(last.to, i.to);
    else merged.push({ ...i });
  }
  const stop = Math.max(end, merged[merged.length - 1]?.to ?? 0);
  const raw: { t0: number; t1: number; active: boolean }[] = [];
  let t = 0;
  for (const m of merged) {
    if (m.from - t > o.gap) raw.push({ t0: t, t1: m.from, active: false });
    else if (m.from > t) m.from = t;
    raw.push({ t0: m.from, t1: m.to, active: true });
    t = m.to;
  }
  if (stop - t > o.gap || (raw.length === 0 && stop > t)) raw.push({ t0: t, t1: stop, active: false });
  else if (stop > t && raw.length > 0) raw[raw.length - 1]!.t1 = stop;
  const activeTicks = raw.filter((s) => s.active).reduce((n, s) => n + (s.t1 - s.t0), 0);
  const breaks = raw.filter((s) => !s.active).length;
  const fit = activeTicks > 0 ? (o.width - breaks * o.breakPx) / activeTicks : o.maxPx;
  const pxPerTick = Math.max(o.minPx, Math.min(o.maxPx, fit));
  const spans: TimeSpan[] = [];
  let x = 0;
  for (const s of raw) {
    const w = s.active ? (s.t1 - s.t0) * pxPerTick : o.breakPx;
    spans.push({ ...s, x0: x, x1: x + w });
    x += w;
  }
  const width = Math.max(x, 1);
  const xOf = (time: number): number => {
    if (spans.length === 0) return 0;
    if (time <= spans[0]!.t0) return spans[0]!.x0;
    for (const s of spans)
      if (time <= s.t1) return s.t1 === s.t0 ? s.x0 : s.x0 + ((time - s.t0) / (s.t1 - s.t0)) * (s.x1 - s.x0);
    return spans[spans.length - 1]!.x1;
  };
  return { spans, pxPerTick, width, x: xOf };
}

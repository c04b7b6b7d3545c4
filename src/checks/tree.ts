import type { CopyRecord, Trace, TraceEvent } from '../sim/trace';

/**
 * Tree correctness of multicast routing, checked from the trace alone (never from the routers'
 * own state, so a buggy protocol cannot vouch for itself):
 *
 * - `no-data-loops`: no node forwards a data packet that has already passed through it (one that
 *   comes back and is dropped by the RPF check is RPF doing its work, not a loop);
 * - `exactly-once`: every member delivers each packet of its group exactly once;
 * - `one-forwarder-per-lan`: at most one router puts a given packet on a given LAN;
 * - `only-toward-members`: every copy a router forwards leads to a member that delivered it.
 *
 * Causality is read from the engine's steps: a node handles one input in consecutive steps, and
 * the engine stamps each copy with the step its handling began; so the copy that made a node
 * send is the last copy to reach that node at or before the send (if it is the same packet).
 */

export type TreeCheck = 'no-data-loops' | 'exactly-once' | 'one-forwarder-per-lan' | 'only-toward-members';

export interface TreeViolation {
  /** Machine-readable: `data-loop`, `missing`, `duplicate`, `two-forwarders`, `useless-copy`. */
  rule: string;
  msg: string;
  node: string;
  step: number;
  /** The link or LAN concerned, and the nodes involved (the loop's path, the forwarders). */
  on?: string;
  nodes?: string[];
}

export interface TreeCheckResult {
  check: TreeCheck;
  holds: boolean;
  violation?: TreeViolation;
  /** Nothing was there to check (no data packet in the window). */
  vacuous?: boolean;
}

/** Only packets first sent at or after `from` (a time) are checked: the network has converged by then. */
export interface Window {
  from?: number;
}

interface Causal {
  parent: Map<CopyRecord, CopyRecord | null>;
  /** The data copies of each message. */
  byMsg: Map<string, CopyRecord[]>;
  /** When each data message was first sent, and its group. */
  origin: Map<string, { time: number; group: string | undefined; source: string }>;
}

function causal(trace: Trace): Causal {
  const byMsg = new Map<string, CopyRecord[]>();
  // Every copy that reached each node, in order: the latest one before a send is the input being handled.
  const arrivals = new Map<string, CopyRecord[]>();
  for (const c of trace.copies) {
    if (c.kind === 'data') {
      const l = byMsg.get(c.msg) ?? [];
      l.push(c);
      byMsg.set(c.msg, l);
    }
    if (c.arriveStep === null || c.lost) continue;
    const a = arrivals.get(c.to) ?? [];
    a.push(c);
    arrivals.set(c.to, a);
  }
  for (const a of arrivals.values()) a.sort((x, y) => x.arriveStep! - y.arriveStep!);
  const handled = (node: string, step: number): CopyRecord | null => {
    const a = arrivals.get(node) ?? [];
    let lo = 0;
    let hi = a.length - 1;
    let best: CopyRecord | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid]!.arriveStep! <= step) {
        best = a[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
  const parent = new Map<CopyRecord, CopyRecord | null>();
  for (const list of byMsg.values())
    for (const c of list) {
      const p = handled(c.src, c.sentStep);
      const sameRun =
        p !== null && trace.events.slice(p.arriveStep!, c.sentStep + 1).every((e) => e.node === c.src);
      parent.set(c, p && sameRun && p.msg === c.msg && p.kind === 'data' ? p : null);
    }
  const origin = new Map<string, { time: number; group: string | undefined; source: string }>();
  for (const e of trace.events)
    if (e.type === 'send' && e.kind === 'data' && e.msg && !origin.has(e.msg))
      origin.set(e.msg, {
        time: e.time,
        group: (e.detail as { group?: string }).group,
        source: (e.from ?? e.node) as string,
      });
  return { parent, byMsg, origin };
}

const inWindow = (c: Causal, msg: string, w: Window) => (c.origin.get(msg)?.time ?? 0) >= (w.from ?? 0);

export function checkNoDataLoops(trace: Trace, w: Window = {}): TreeCheckResult {
  const c = causal(trace);
  let any = false;
  for (const [msg, list] of c.byMsg) {
    if (!inWindow(c, msg, w)) continue;
    any = true;
    for (const copy of list) {
      // The nodes that sent this copy and its ancestors: a node that appears twice forwarded the packet again.
      const path: string[] = [];
      for (let x: CopyRecord | null | undefined = copy; x; x = c.parent.get(x)) {
        if (path.includes(x.src)) {
          return {
            check: 'no-data-loops',
            holds: false,
            violation: {
              rule: 'data-loop',
              msg,
              node: copy.src,
              step: copy.sentStep,
              nodes: [x.src, ...path.reverse()],
            },
          };
        }
        path.push(x.src);
      }
    }
  }
  return any
    ? { check: 'no-data-loops', holds: true }
    : { check: 'no-data-loops', holds: true, vacuous: true };
}

/** Which hosts belong to which group at time t, from the hosts' initial views and their join/leave events. */
function membership(trace: Trace): (host: string, group: string, t: number) => boolean {
  const spans = new Map<string, { at: number; in: boolean }[]>();
  for (const n of trace.nodes) {
    const v = trace.initial[n] as { kind?: string; joined?: string[] } | undefined;
    if (v?.kind === 'host') for (const g of v.joined ?? []) spans.set(`${n}|${g}`, [{ at: -1, in: true }]);
  }
  for (const e of trace.events) {
    if (e.type !== 'join' && e.type !== 'leave') continue;
    const g = (e.detail as { group?: string }).group;
    const k = `${e.node}|${g}`;
    const l = spans.get(k) ?? [];
    l.push({ at: e.time, in: e.type === 'join' });
    spans.set(k, l);
  }
  return (host, group, t) => {
    let state = false;
    for (const s of spans.get(`${host}|${group}`) ?? []) if (s.at <= t) state = s.in;
    return state;
  };
}

/**
 * Every host that was a member of the packet's group from `settle` ticks before it was sent
 * until the end delivers it exactly once (and records no duplicate).
 */
export function checkExactlyOnce(trace: Trace, w: Window & { settle?: number } = {}): TreeCheckResult {
  const c = causal(trace);
  const member = membership(trace);
  const hosts = trace.nodes.filter(
    (n) => (trace.initial[n] as { kind?: string } | undefined)?.kind === 'host',
  );
  const delivered = new Map<string, number>();
  for (const e of trace.events)
    if (
      (e.type === 'deliver' ||
        (e.type === 'discard' && (e.detail as { reason?: string }).reason === 'duplicate')) &&
      e.msg
    )
      delivered.set(`${e.node}|${e.msg}`, (delivered.get(`${e.node}|${e.msg}`) ?? 0) + 1);
  let any = false;
  for (const [msg, o] of c.origin) {
    if (!inWindow(c, msg, w) || !o.group) continue;
    const since = o.time - (w.settle ?? 0);
    for (const h of hosts) {
      if (h === o.source || !member(h, o.group, since) || !member(h, o.group, trace.endTime)) continue;
      const stayed = trace.events.every(
        (e) =>
          !(
            e.node === h &&
            e.type === 'leave' &&
            e.time >= since &&
            (e.detail as { group?: string }).group === o.group
          ),
      );
      if (!stayed) continue;
      any = true;
      const n = delivered.get(`${h}|${msg}`) ?? 0;
      if (n !== 1) {
        const step = trace.events.find((e) => e.msg === msg)?.step ?? 0;
        return {
          check: 'exactly-once',
          holds: false,
          violation: { rule: n === 0 ? 'missing' : 'duplicate', msg, node: h, step },
        };
      }
    }
  }
  return any ? { check: 'exactly-once', holds: true } : { check: 'exactly-once', holds: true, vacuous: true };
}

const kindOf = (trace: Trace, n: string) => (trace.initial[n] as { kind?: string } | undefined)?.kind;

/** RFC 3973 §4.6 / RFC 7761 §4.6: after an Assert only the winner forwards onto a LAN. */
export function checkOneForwarderPerLan(trace: Trace, w: Window = {}): TreeCheckResult {
  const c = causal(trace);
  const by = new Map<string, Set<string>>();
  let any = false;
  for (const e of trace.events) {
    if (e.type !== 'send' || e.kind !== 'data' || !e.msg || !inWindow(c, e.msg, w)) continue;
    const d = e.detail as { role?: string; on?: string };
    if (d.role !== 'forward' || !d.on || kindOf(trace, d.on) !== 'lan') continue;
    any = true;
    const k = `${e.msg}|${d.on}`;
    const s = by.get(k) ?? new Set<string>();
    s.add(e.node);
    by.set(k, s);
    if (s.size > 1)
      return {
        check: 'one-forwarder-per-lan',
        holds: false,
        violation: {
          rule: 'two-forwarders',
          msg: e.msg,
          node: e.node,
          step: e.step,
          on: d.on,
          nodes: [...s].sort(),
        },
      };
  }
  return any
    ? { check: 'one-forwarder-per-lan', holds: true }
    : { check: 'one-forwarder-per-lan', holds: true, vacuous: true };
}

/** Lecture, "Flooding: Dense Mode": after pruning, a router forwards only onto links that lead to members. */
export function checkOnlyTowardMembers(trace: Trace, w: Window = {}): TreeCheckResult {
  const c = causal(trace);
  const useful = new Set<CopyRecord>();
  const ev: TraceEvent[] = trace.events;
  for (const e of ev) {
    if (e.type !== 'deliver' || !e.msg || kindOf(trace, e.node) !== 'host') continue;
    let best: CopyRecord | null = null;
    for (const x of c.byMsg.get(e.msg) ?? [])
      if (
        x.to === e.node &&
        x.arriveStep !== null &&
        x.arriveStep <= e.step &&
        (!best || x.arriveStep > best.arriveStep!)
      )
        best = x;
    for (let x: CopyRecord | null | undefined = best; x; x = c.parent.get(x)) useful.add(x);
  }
  let any = false;
  for (const [msg, list] of c.byMsg) {
    if (!inWindow(c, msg, w)) continue;
    for (const x of list) {
      if (kindOf(trace, x.src) !== 'router') continue;
      any = true;
      if (!useful.has(x))
        return {
          check: 'only-toward-members',
          holds: false,
          violation: { rule: 'useless-copy', msg, node: x.src, step: x.sentStep, on: x.to },
        };
    }
  }
  return any
    ? { check: 'only-toward-members', holds: true }
    : { check: 'only-toward-members', holds: true, vacuous: true };
}

/** Every tree check at once (the UI shows them side by side). */
export function treeChecks(trace: Trace, w: Window & { settle?: number } = {}): TreeCheckResult[] {
  return [
    checkNoDataLoops(trace, w),
    checkExactlyOnce(trace, w),
    checkOneForwarderPerLan(trace, w),
    checkOnlyTowardMembers(trace, w),
  ];
}

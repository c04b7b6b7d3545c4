import type { Bilingual } from '../../protocols/address/text';
import type { Trace, TraceEvent } from '../../sim/trace';

/**
 * What the IGMP panel shows, as pure functions of (trace, cursor): each LAN's groups as its
 * querier sees them and the data frames of each group on the segment, every Leave with the time
 * the router took to stop the group (the leave latency of RFC 2236 §3: Last Member Query Count
 * group-specific queries, Last Member Query Interval apart), and the IGMP messages a receiver
 * ignored (RFC 2236 §2.3: short, or a bad checksum). The cursor counts events shown.
 */

interface Detail {
  role?: string;
  on?: string;
  group?: string;
  machine?: string;
  lan?: string;
  from?: string;
  to?: string;
  why?: Bilingual;
  reason?: string;
}

const detail = (e: TraceEvent) => (e.detail ?? {}) as Detail;
const shown = (trace: Trace, cursor: number) =>
  trace.events.slice(0, Math.max(0, Math.min(cursor, trace.events.length)));

/** The group each data message was sent to (its originating send says), for frames that do not repeat it. */
function groupOfMsg(trace: Trace): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of trace.events)
    if (e.type === 'send' && e.kind === 'data' && e.msg && detail(e).group && !m.has(e.msg))
      m.set(e.msg, detail(e).group!);
  return m;
}

/** A LAN segment putting a data frame of a group on the wire. */
function isDataFrame(e: TraceEvent): boolean {
  return e.type === 'send' && e.kind === 'data' && detail(e).role === 'medium';
}

export interface LanGroupRow {
  lan: string;
  group: string;
  /** The querier's per-group state (RFC 2236 §7): No Members Present, Members Present, …; null if no router records it. */
  state: string | null;
  /** Hosts on the LAN that have joined the group. */
  members: string[];
  /** Data frames of the group the segment carried so far, and the time of the last. */
  frames: number;
  lastFrameAt: number | null;
}

interface RouterSnap {
  kind?: string;
  querier?: Record<string, string>;
  groups?: Record<string, Record<string, { state: string }>>;
}
interface HostSnap {
  kind?: string;
  joined?: string[];
}

function snapshotsAt(trace: Trace, cursor: number): Map<string, unknown> {
  const m = new Map<string, unknown>(Object.entries(trace.initial));
  for (const s of trace.states) {
    if (s.step >= cursor) break;
    m.set(s.node, s.state);
  }
  return m;
}

/** Which LAN each host sits on, read from the frames the trace shows reaching it. */
function hostLans(trace: Trace): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of trace.copies) {
    const k = (trace.initial[c.to] as { kind?: string } | undefined)?.kind;
    const ks = (trace.initial[c.src] as { kind?: string } | undefined)?.kind;
    if (k === 'host' && ks === 'lan') m.set(c.to, c.src);
    if (ks === 'host' && k === 'lan') m.set(c.src, c.to);
  }
  return m;
}

/** Each LAN's groups at the cursor, as its querier records them, with the group's frames on the LAN. */
export function lanGroups(
  trace: Trace,
  cursor: number,
  lanOfHost: Map<string, string> = hostLans(trace),
): LanGroupRow[] {
  const snaps = snapshotsAt(trace, cursor);
  const rows = new Map<string, LanGroupRow>();
  const key = (lan: string, g: string) => `${lan}\u0000${g}`;
  const row = (lan: string, group: string): LanGroupRow => {
    const k = key(lan, group);
    let r = rows.get(k);
    if (!r) {
      r = { lan, group, state: null, members: [], frames: 0, lastFrameAt: null };
      rows.set(k, r);
    }
    return r;
  };
  // A LAN with an IGMP router: a group it has no record of is in No Members Present (RFC 2236 §7).
  const igmpLans = new Set<string>();
  for (const node of trace.nodes) {
    const st = snaps.get(node) as RouterSnap | undefined;
    if (st?.kind === 'router') for (const lan of Object.keys(st.querier ?? {})) igmpLans.add(lan);
  }
  // The querier's view wins over a Non-Querier's: it is the one that acts on Leaves (RFC 2236 §3).
  const chosen = new Map<string, boolean>();
  for (const node of trace.nodes) {
    const st = snaps.get(node) as RouterSnap | undefined;
    if (st?.kind !== 'router') continue;
    for (const [lan, groups] of Object.entries(st.groups ?? {})) {
      const querier = st.querier?.[lan] === 'Querier';
      for (const [g, v] of Object.entries(groups)) {
        const k = key(lan, g);
        if (chosen.get(k) && !querier) continue;
        row(lan, g).state = v.state;
        chosen.set(k, querier);
      }
    }
  }
  for (const node of trace.nodes) {
    const st = snaps.get(node) as HostSnap | undefined;
    const lan = lanOfHost.get(node);
    if (st?.kind !== 'host' || !lan) continue;
    for (const g of st.joined ?? []) row(lan, g).members.push(node);
  }
  const groups = groupOfMsg(trace);
  for (const e of shown(trace, cursor)) {
    if (!isDataFrame(e) || !e.msg) continue;
    const g = groups.get(e.msg);
    if (!g) continue;
    const r = row(e.node, g);
    r.frames++;
    r.lastFrameAt = e.time;
  }
  for (const r of rows.values()) if (r.state === null && igmpLans.has(r.lan)) r.state = 'No Members Present';
  return [...rows.values()].sort((a, b) => a.lan.localeCompare(b.lan) || a.group.localeCompare(b.group));
}

export interface LeaveRow {
  host: string;
  lan: string;
  group: string;
  leftAt: number;
  /** When the querier moved the group to No Members Present; null while it is still checking. */
  removedAt: number | null;
  /** Another member answered the group-specific query, so the group stayed. */
  kept: boolean;
  /** Group-specific queries the querier sent for it (RFC 2236 §3: Last Member Query Count). */
  queries: number;
  /** Frames of the group the LAN still carried after the Leave: the cost of the leave latency. */
  framesAfter: number;
}

/** Every Leave shown so far, with what the LAN's querier did about it up to the cursor. */
export function leaveLatencies(trace: Trace, cursor: number): LeaveRow[] {
  const events = shown(trace, cursor);
  const groups = groupOfMsg(trace);
  const out: LeaveRow[] = [];
  events.forEach((e, i) => {
    const d = detail(e);
    if (e.type !== 'send' || e.kind !== 'leave' || d.role !== 'originate' || !d.on || !d.group) return;
    const row: LeaveRow = {
      host: e.node,
      lan: d.on,
      group: d.group,
      leftAt: e.time,
      removedAt: null,
      kept: false,
      queries: 0,
      framesAfter: 0,
    };
    for (let j = i + 1; j < events.length; j++) {
      const x = events[j]!;
      const xd = detail(x);
      if (x.type === 'send' && x.kind === 'data' && xd.role === 'medium' && x.node === row.lan) {
        if (row.removedAt === null && x.msg && groups.get(x.msg) === row.group) row.framesAfter++;
        continue;
      }
      if (row.removedAt !== null || row.kept) continue;
      if (
        x.type === 'send' &&
        x.kind === 'query' &&
        xd.role === 'originate' &&
        xd.on === row.lan &&
        xd.group === row.group
      )
        row.queries++;
      else if (
        x.type === 'transition' &&
        xd.machine === 'group' &&
        xd.lan === row.lan &&
        xd.group === row.group
      ) {
        if (xd.to === 'No Members Present') row.removedAt = x.time;
        else if (xd.from === 'Checking Membership' && xd.to === 'Members Present') row.kept = true;
      }
    }
    out.push(row);
  });
  return out;
}

export interface IgnoredRow {
  step: number;
  time: number;
  node: string;
  msg: string;
  why: Bilingual | null;
}

/** IGMP messages a host or router received and ignored (RFC 2236 §2.3), shown so far. */
export function ignoredIgmp(trace: Trace, cursor: number): IgnoredRow[] {
  return shown(trace, cursor)
    .filter((e) => e.type === 'ignored' && e.msg)
    .map((e) => ({ step: e.step, time: e.time, node: e.node, msg: e.msg!, why: detail(e).why ?? null }));
}

import type { Trace, TraceEvent } from '../../sim/trace';

/**
 * Numbers a student compares between communication modes, read from a network run's trace
 * alone (every node's initial view says whether it is a host, router or LAN).
 */
export interface ModeStats {
  msg: string;
  /** The node that first sent it. */
  source: string;
  /** Packets the source itself put on the wire. */
  sentBySource: number;
  /** Transmissions: frames on LAN segments plus copies on point-to-point links. */
  linkTraversals: number;
  /** Transmissions per LAN (frames on the segment) and per point-to-point link (copies). */
  perLink: Record<string, number>;
  /** Hosts that delivered it to the application. */
  received: string[];
  /** Hosts that took it in and then discarded it (driver, IP or application), never delivering it. */
  discarded: string[];
  /** Hosts whose card dropped it, costing the host nothing. */
  filteredByCard: string[];
  /** Hosts that delivered it more than once (should never happen). */
  duplicates: string[];
}

const kindOf = (trace: Trace, node: string) => (trace.initial[node] as { kind?: string } | undefined)?.kind;

/** Statistics per message id, in the order messages were first sent (or only `msg`'s). */
export function modeStats(trace: Trace, msg?: string): ModeStats[] {
  const by = new Map<string, TraceEvent[]>();
  for (const e of trace.events) {
    if (!e.msg || (msg !== undefined && e.msg !== msg)) continue;
    const list = by.get(e.msg) ?? [];
    list.push(e);
    by.set(e.msg, list);
  }
  const out: ModeStats[] = [];
  for (const [id, events] of by) {
    const source = (events[0]!.from ?? events[0]!.node) as string;
    const perLink: Record<string, number> = {};
    let sentBySource = 0;
    const received = new Set<string>();
    const delivered = new Map<string, number>();
    const discarded = new Set<string>();
    const filtered = new Set<string>();
    for (const e of events) {
      const d = (e.detail ?? {}) as { role?: string; on?: string; stage?: string };
      const host = kindOf(trace, e.node) === 'host';
      if (e.type === 'send' && d.role !== 'medium' && d.on) {
        perLink[d.on] = (perLink[d.on] ?? 0) + 1;
        if (e.node === source && d.role === 'originate') sentBySource++;
      } else if (e.type === 'deliver' && host) {
        received.add(e.node);
        delivered.set(e.node, (delivered.get(e.node) ?? 0) + 1);
      } else if (e.type === 'discard' && host && e.node !== source) discarded.add(e.node);
      else if (e.type === 'filter' && host) filtered.add(e.node);
    }
    const sorted = (s: Iterable<string>) => [...s].sort();
    out.push({
      msg: id,
      source,
      sentBySource,
      linkTraversals: Object.values(perLink).reduce((a, b) => a + b, 0),
      perLink,
      received: sorted(received),
      discarded: sorted([...discarded].filter((h) => !received.has(h))),
      filteredByCard: sorted([...filtered].filter((h) => !received.has(h) && !discarded.has(h))),
      duplicates: sorted([...delivered].filter(([, n]) => n > 1).map(([h]) => h)),
    });
  }
  return out;
}

/** A querier's handling of one Leave: from the Leave to "notify routing -" (or to a report that kept the group). */
export interface LeaveLatency {
  router: string;
  lan: string;
  group: string;
  leaveAt: number;
  /** When the router stopped counting the group as present; null if a member answered. */
  goneAt: number | null;
  latency: number | null;
}

/** Every Leave a querier acted on, and how long until the group was gone (Last Member Query Count × Interval). */
export function leaveLatencies(trace: Trace): LeaveLatency[] {
  const open = new Map<string, LeaveLatency>();
  const out: LeaveLatency[] = [];
  for (const e of trace.events) {
    const d = (e.detail ?? {}) as {
      machine?: string;
      lan?: string;
      group?: string;
      event?: string;
      to?: string;
      change?: string;
    };
    const key = `${e.node}|${d.lan}|${d.group}`;
    if (e.type === 'transition' && d.machine === 'group' && d.event === 'leave received') {
      const l: LeaveLatency = {
        router: e.node,
        lan: d.lan!,
        group: d.group!,
        leaveAt: e.time,
        goneAt: null,
        latency: null,
      };
      open.set(key, l);
      out.push(l);
    } else if (e.type === 'transition' && d.machine === 'group' && d.to === 'Members Present')
      open.delete(key);
    else if (e.type === 'notify' && d.change === '-') {
      const l = open.get(key);
      if (l) {
        l.goneAt = e.time;
        l.latency = e.time - l.leaveAt;
        open.delete(key);
      }
    }
  }
  return out;
}

/** Times at which data frames of `group` went onto LAN `lan` (the stream as the LAN sees it). */
export function streamOnLan(trace: Trace, lan: string, group: string): number[] {
  return trace.events
    .filter((e) => {
      const d = (e.detail ?? {}) as { role?: string; on?: string; group?: string };
      return (
        e.type === 'send' && e.kind === 'data' && d.role !== 'medium' && d.on === lan && d.group === group
      );
    })
    .map((e) => e.time);
}

export interface ChannelChange {
  host: string;
  from: string;
  to: string;
  /** When the host left the old channel's group and joined the new one. */
  at: number;
  /** First packet of the new channel the host delivered, and how long after the change. */
  firstNew: number | null;
  joinLatency: number | null;
  /** Last frame of the old channel on the host's LAN after the change: the leave latency as the LAN sees it. */
  lastOldOnLan: number | null;
  /** Old-channel frames that still reached the LAN after the change. */
  oldFramesAfter: number;
}

/** What one set-top box's channel change looked like (lecture, "IP Multicast in use: IPTV"). */
export function channelChange(
  trace: Trace,
  o: { host: string; lan: string; from: string; to: string },
): ChannelChange | null {
  const leave = trace.events.find(
    (e) => e.type === 'leave' && e.node === o.host && (e.detail as { group?: string }).group === o.from,
  );
  if (!leave) return null;
  const at = leave.time;
  const firstNew = trace.events.find(
    (e) =>
      e.type === 'deliver' &&
      e.node === o.host &&
      e.time >= at &&
      (e.detail as { group?: string }).group === o.to,
  );
  const old = streamOnLan(trace, o.lan, o.from).filter((t) => t >= at);
  return {
    host: o.host,
    from: o.from,
    to: o.to,
    at,
    firstNew: firstNew?.time ?? null,
    joinLatency: firstNew ? firstNew.time - at : null,
    lastOldOnLan: old.length > 0 ? old[old.length - 1]! : null,
    oldFramesAfter: old.length,
  };
}

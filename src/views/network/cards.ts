import type { Trace } from '../../sim/trace';

/**
 * Each host's Ethernet card and what it did with the frames on its LAN, up to the cursor — the
 * lecture's "software filters incoming multicast address" made countable. A frame is dropped by
 * the card (no exact-match entry, hash bit clear), or passes it (exact match, the 4,096-bit hash
 * filter, broadcast, promiscuous mode); the driver's final check then drops a frame whose MAC the
 * host never asked for (a hash false positive, promiscuous mode), and IP drops one for a group it
 * has not joined (32 groups share each MAC, RFC 1112 §6.4). The last two cost the host work for
 * nothing: they are the frames that got through the card but were not wanted.
 */
export interface CardRow {
  host: string;
  /** Exact-match entries in use (own MAC, all-systems, joined groups) and the card's table size. */
  exactUsed: number;
  exactSize: number;
  hashBitsSet: number;
  hashSize: number;
  promiscuous: string;
  /** Frames the card looked at. */
  seen: number;
  droppedByCard: number;
  passedExact: number;
  passedHash: number;
  passedPromiscuous: number;
  passedBroadcast: number;
  droppedByDriver: number;
  droppedByIp: number;
  /** Taken in and then dropped by IP or the application for another reason (not for this host, a duplicate, not in the group). */
  droppedOther: number;
  /** Frames handed on for delivery or for IGMP. */
  accepted: number;
  /** Passed the card but not wanted: driver + IP drops. */
  unwanted: number;
}

interface HostSnap {
  kind?: string;
  nic?: { exact: string[]; hashSet: number[]; promiscuous?: string };
}

export interface CardConfig {
  exactEntries?: number;
  hashBits?: number;
}

/** The Intel 82546EB's filters, the lecture's example card and the schema's defaults. */
const EXACT = 16;
const HASH = 4096;

export function cardRows(
  trace: Trace,
  cursor: number,
  config: Record<string, CardConfig | undefined> = {},
): CardRow[] {
  const state = new Map<string, HostSnap>();
  for (const [n, v] of Object.entries(trace.initial)) state.set(n, v as HostSnap);
  for (const s of trace.states) {
    if (s.step >= cursor) break;
    state.set(s.node, s.state as HostSnap);
  }
  const rows = new Map<string, CardRow>();
  for (const n of trace.nodes) {
    const st = state.get(n);
    if (st?.kind !== 'host') continue;
    rows.set(n, {
      host: n,
      exactUsed: st.nic?.exact.length ?? 0,
      exactSize: config[n]?.exactEntries ?? EXACT,
      hashBitsSet: st.nic?.hashSet.length ?? 0,
      hashSize: config[n]?.hashBits ?? HASH,
      promiscuous: st.nic?.promiscuous ?? 'off',
      seen: 0,
      droppedByCard: 0,
      passedExact: 0,
      passedHash: 0,
      passedPromiscuous: 0,
      passedBroadcast: 0,
      droppedByDriver: 0,
      droppedByIp: 0,
      droppedOther: 0,
      accepted: 0,
      unwanted: 0,
    });
  }
  const end = Math.min(cursor, trace.events.length);
  for (let i = 0; i < end; i++) {
    const e = trace.events[i]!;
    const r = rows.get(e.node);
    if (!r) continue;
    const d = (e.detail ?? {}) as { stage?: string; by?: string };
    if (e.type === 'filter' && d.stage === 'nic') {
      r.seen++;
      r.droppedByCard++;
    } else if (e.type === 'receive' && d.by) {
      r.seen++;
      r.accepted++;
      if (d.by === 'exact') r.passedExact++;
      else if (d.by === 'hash') r.passedHash++;
      else if (d.by === 'promiscuous') r.passedPromiscuous++;
      else if (d.by === 'broadcast') r.passedBroadcast++;
    } else if (e.type === 'discard' && d.stage) {
      // A discard follows its frame's receive: move the frame from accepted to where it died.
      r.accepted = Math.max(0, r.accepted - 1);
      if (d.stage === 'driver') r.droppedByDriver++;
      else if (d.stage === 'ip' && (e.detail as { reason?: string }).reason === 'group-not-joined')
        r.droppedByIp++;
      else r.droppedOther++;
    }
  }
  for (const r of rows.values()) r.unwanted = r.droppedByDriver + r.droppedByIp;
  return [...rows.values()];
}

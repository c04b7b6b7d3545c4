import { MACHINES } from './machines';
import { denseOlist, inheritedOlist, inheritedOlistRpt, joins, starImmediateOlist } from './olist';
import type { EntryState, PimState } from './state';

/**
 * A router's multicast routing table as a student reads it (`show ip mroute`): one row per
 * (*,G), (S,G) and (S,G,rpt) entry with its incoming interface, RPF neighbour, outgoing
 * interface list, upstream state and running timers. A pure function of the router's recorded
 * PIM state (the `pim` field of its trace view).
 */
export interface PimTableRow {
  entry: '(*,G)' | '(S,G)' | '(S,G,rpt)';
  source: string;
  group: string;
  /** Incoming interface (a link id); null at the RP for (*,G) and at nobody's upstream. */
  iif: string | null;
  rpfNeighbour: string | null;
  oil: string[];
  /** The upstream machine's state (dense Upstream(S,G), sparse Upstream(*,G)/(S,G)/(S,G,rpt)). */
  upstream: string;
  /** Per interface: the downstream (and, dense, Assert) machines not in NoInfo. */
  interfaces: { link: string; downstream?: string; assert?: string; winner?: string }[];
  /** Sparse: SPTbit; at the source's DR, the Register state. */
  spt?: boolean;
  register?: string;
  /** Dense, at the first-hop router: the State Refresh originator's state. */
  originator?: string;
  /** Running timers of this entry: name (with interface), and when it fires. */
  timers: { name: string; iface: string | null; at: number }[];
}

const timersOf = (st: PimState, e: EntryState, rpt: boolean) => {
  const out: PimTableRow['timers'] = [];
  for (const [key, at] of Object.entries(st.timers)) {
    const [name, kindOrEntry, source, group, link] = key.split('|');
    if (source !== e.source || Number(group) !== e.group) continue;
    if (kindOrEntry === 'entry') {
      if (!rpt) out.push({ name: name!, iface: null, at });
      continue;
    }
    if (!(kindOrEntry! in MACHINES)) continue;
    if (kindOrEntry!.startsWith('sm-rpt') !== rpt) continue;
    out.push({ name: name!, iface: link || null, at });
  }
  return out.sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : 1));
};

const ifaceRows = (states: Record<string, string>, e?: EntryState) =>
  Object.keys({ ...states, ...(e?.assert ?? {}) })
    .sort()
    .map((link) => ({
      link,
      ...(states[link] && states[link] !== 'NoInfo' ? { downstream: states[link] } : {}),
      ...(e?.assert[link] && e.assert[link] !== 'NoInfo' ? { assert: e.assert[link] } : {}),
      ...(e?.winners[link] ? { winner: e.winners[link]!.router } : {}),
    }))
    .filter((r) => r.downstream || r.assert);

export function pimTable(st: PimState): PimTableRow[] {
  const rows: PimTableRow[] = [];
  const star = (g: number) => st.entries.find((x) => x.source === '*' && x.group === g);
  for (const e of st.entries) {
    if (st.mode === 'dense') {
      const r = st.rpf[e.source];
      rows.push({
        entry: '(S,G)',
        source: e.source,
        group: e.groupLabel,
        iif: r?.iface ?? null,
        rpfNeighbour: e.rpfWinner?.router ?? r?.neighbour ?? null,
        oil: denseOlist(st, e),
        upstream: e.up,
        interfaces: ifaceRows(e.down, e),
        ...(e.originator ? { originator: e.originator } : {}),
        timers: timersOf(st, e, false),
      });
      continue;
    }
    if (e.source === '*') {
      const r = st.rp ? st.rpf[st.rp] : undefined;
      rows.push({
        entry: '(*,G)',
        source: '*',
        group: e.groupLabel,
        iif: r?.iface ?? null,
        rpfNeighbour: r?.neighbour ?? null,
        oil: starImmediateOlist(st, e, e.group),
        upstream: e.up,
        interfaces: ifaceRows(e.down),
        timers: timersOf(st, e, false),
      });
      continue;
    }
    const r = st.rpf[e.source];
    const s = star(e.group);
    rows.push({
      entry: '(S,G)',
      source: e.source,
      group: e.groupLabel,
      iif: r?.iface ?? null,
      rpfNeighbour: r?.neighbour ?? null,
      oil:
        joins(e).length > 0 || e.spt ? inheritedOlist(st, s, e, e.group).filter((l) => l !== r?.iface) : [],
      upstream: e.up,
      interfaces: ifaceRows(e.down),
      spt: !!e.spt,
      ...(e.register ? { register: e.register } : {}),
      timers: timersOf(st, e, false),
    });
    if (Object.values(e.rptDown).some((x) => x !== 'NoInfo') || (e.rptUp && e.rptUp !== 'RPTNotJoined')) {
      const rr = st.rp ? st.rpf[st.rp] : undefined;
      rows.push({
        entry: '(S,G,rpt)',
        source: e.source,
        group: e.groupLabel,
        iif: rr?.iface ?? null,
        rpfNeighbour: rr?.neighbour ?? null,
        oil: inheritedOlistRpt(st, s, e, e.group),
        upstream: e.rptUp ?? 'RPTNotJoined',
        interfaces: ifaceRows(e.rptDown),
        timers: timersOf(st, e, true),
      });
    }
  }
  return rows;
}

/** How much state a router holds: its (*,G), (S,G) and (S,G,rpt) rows. */
export function stateCount(st: PimState): { starG: number; sg: number; sgRpt: number; total: number } {
  const rows = pimTable(st);
  const n = (k: PimTableRow['entry']) => rows.filter((r) => r.entry === k).length;
  const out = { starG: n('(*,G)'), sg: n('(S,G)'), sgRpt: n('(S,G,rpt)') };
  return { ...out, total: out.starG + out.sg + out.sgRpt };
}

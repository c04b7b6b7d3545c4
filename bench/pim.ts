import type { PimState } from '../src/protocols/pim/state';
import { stateCount } from '../src/protocols/pim/tables';
import { simulate } from '../src/scenarios/simulate';
import type { Trace } from '../src/sim/trace';
import { fmt, medians, rates, thousands, timeRuns } from './measure';
import { ISSUE5, PACKET_EVERY, pimScenario, RP, SOURCE } from './network-workloads';

/**
 * Issue 5's benchmark: PIM dense and sparse mode on a 200-router network with 50 receivers
 * (bench/network-workloads.ts), one source streaming a packet every 20 ticks.
 *
 * Convergence, read from the trace:
 * - the routers' tree state settles: the last step that changes any router's entries — upstream
 *   and downstream machines, (S,G,rpt) machines, SPT bit, Assert machines. Timers are left out,
 *   and so are the states that cycle by design in a converged network: the DR's Register state
 *   (a Register-Stop is re-probed every Register_Suppression_Time, RFC 7761 §4.4.1) and the State
 *   Refresh originator (RFC 3973 §4.5.1);
 * - the data follows its final tree: the first packet from which every complete packet is put on
 *   the same links by the same routers as the last one.
 * The network has converged at the later of the two. Throughput is measured on the run cut at
 * that time (`maxTime`), and on the whole stream for comparison.
 */

const PACKETS = 60;

/** The parts of a router's entries that make up the distribution tree (see above). */
function treeState(pim: PimState): string {
  return JSON.stringify(
    pim.entries.map((e) => [e.source, e.group, e.up, e.down, e.rptDown, e.rptUp ?? null, !!e.spt, e.assert]),
  );
}

const pimOf = (state: unknown) => (state as { pim?: PimState } | undefined)?.pim;

export interface Convergence {
  /** Virtual time of the last change to any router's tree state. */
  stateSettledAt: number;
  /** The first packet on the final tree, and when the source sent it; null if no packet completed. */
  finalTreeFrom: { msg: string; at: number } | null;
  convergedAt: number;
  /** When the last receiver delivered its first packet; null if one never did. */
  allReceiversAt: number | null;
  /** Data copies routers and the source put on links per packet, on the final tree. */
  copiesPerPacket: number;
}

export function convergence(trace: Trace, source: string, receivers: readonly string[]): Convergence {
  const last = new Map<string, string>();
  let stateSettledAt = 0;
  for (const [node, view] of Object.entries(trace.initial)) {
    const pim = pimOf(view);
    if (pim) last.set(node, treeState(pim));
  }
  for (const s of trace.states) {
    const pim = pimOf(s.state);
    if (!pim) continue;
    const t = treeState(pim);
    if (last.get(s.node) === t) continue;
    last.set(s.node, t);
    stateSettledAt = trace.events[s.step]!.time;
  }

  // A packet's tree: every link a router or the source put it on (a LAN's relaying is not a send).
  const tree = new Map<string, string[]>();
  const sentAt = new Map<string, number>();
  const firstDelivery = new Map<string, number>();
  for (const e of trace.events) {
    if (e.type === 'deliver' && e.msg && !firstDelivery.has(e.node)) firstDelivery.set(e.node, e.time);
    if (e.type !== 'send' || e.kind !== 'data' || !e.msg) continue;
    const d = e.detail as { role?: string; on?: string };
    if (d.role === 'medium') continue;
    if (e.node === source && !sentAt.has(e.msg)) sentAt.set(e.msg, e.time);
    const l = tree.get(e.msg) ?? [];
    l.push(`${e.node}>${d.on}`);
    tree.set(e.msg, l);
  }
  const incomplete = new Set<string>(
    trace.copies.filter((c) => c.kind === 'data' && c.arriveStep === null).map((c) => c.msg),
  );
  const packets = [...sentAt.keys()]
    .filter((m) => !incomplete.has(m))
    .map((m) => ({ msg: m, at: sentAt.get(m)!, tree: tree.get(m)!.sort().join(' ') }));
  let from = packets.length - 1;
  while (from > 0 && packets[from - 1]!.tree === packets.at(-1)!.tree) from--;
  const finalTree = packets[from];
  const finalTreeFrom = finalTree ? { msg: finalTree.msg, at: finalTree.at } : null;
  const firsts = receivers.map((r) => firstDelivery.get(r));
  return {
    stateSettledAt,
    finalTreeFrom,
    convergedAt: Math.max(stateSettledAt, finalTreeFrom?.at ?? 0),
    allReceiversAt: firsts.every((t) => t !== undefined) ? Math.max(...(firsts as number[])) : null,
    copiesPerPacket: finalTree ? tree.get(finalTree.msg)!.length : 0,
  };
}

export interface StateTotals {
  starG: number;
  sg: number;
  sgRpt: number;
  total: number;
  /** Routers holding at least one entry. */
  routers: number;
}

/** The (*,G), (S,G) and (S,G,rpt) entries summed over routers, as they stand at virtual time `at`. */
export function stateTotals(trace: Trace, at: number): StateTotals {
  const current = new Map<string, PimState>();
  for (const [node, view] of Object.entries(trace.initial)) {
    const pim = pimOf(view);
    if (pim) current.set(node, pim);
  }
  for (const s of trace.states) {
    if (trace.events[s.step]!.time > at) break;
    const pim = pimOf(s.state);
    if (pim) current.set(s.node, pim);
  }
  const out: StateTotals = { starG: 0, sg: 0, sgRpt: 0, total: 0, routers: 0 };
  for (const pim of current.values()) {
    const c = stateCount(pim);
    out.starG += c.starG;
    out.sg += c.sg;
    out.sgRpt += c.sgRpt;
    out.total += c.total;
    if (c.total > 0) out.routers++;
  }
  return out;
}

/** PIM control messages routers sent up to virtual time `at`, by kind. */
function controlMessages(trace: Trace, at: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of trace.events) {
    if (e.time > at) break;
    if (e.type === 'send' && e.kind?.startsWith('pim-')) out[e.kind] = (out[e.kind] ?? 0) + 1;
  }
  return out;
}

const ticks = (t: number, perSecond: number) => `${thousands(t)} (${fmt(t / perSecond, 1)} s)`;

export function benchPim(): void {
  const perSecond = 8;
  console.log(
    `\n## PIM (issue 5): ${ISSUE5.routers} routers, ${ISSUE5.lans} LANs, ${ISSUE5.receivers} receivers, one source, a packet every ${PACKET_EVERY} ticks\n`,
  );
  const whole = { dense: pimScenario('dense', PACKETS), sparse: pimScenario('sparse', PACKETS) };
  const t0 = whole.dense.topology;
  console.log(
    `Network: ${t0.routers.length} routers, ${t0.lans.length} LANs, ${t0.hosts.length} hosts, ${thousands(t0.links.length)} links; IGMPv2; ` +
      `sparse mode's RP is ${RP}; classroom time ${perSecond} ticks per RFC second.\n`,
  );
  const found: { mode: 'dense' | 'sparse'; trace: Trace; c: Convergence }[] = [];
  for (const mode of ['dense', 'sparse'] as const) {
    const s = whole[mode];
    const trace = simulate(s);
    const receivers = s.groups[0]!.members;
    found.push({ mode, trace, c: convergence(trace, SOURCE, receivers) });
  }

  console.log(
    '| mode | run | virtual time | events | runs | median ms (wall / CPU) | events/s (wall) | events/s (CPU) |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const { mode, trace, c } of found) {
    // Time 0 alone is the fixed cost of a run: the network model, routing, every router's machines.
    const start = pimScenario(mode, PACKETS, 0);
    const untilConverged = pimScenario(mode, PACKETS, c.convergedAt);
    for (const [name, s, t] of [
      ['time 0 only (set-up, IGMP joins)', start, simulate(start)],
      ['until convergence', untilConverged, simulate(untilConverged)],
      [`whole stream (${PACKETS} packets)`, whole[mode], trace],
    ] as const) {
      const runs = timeRuns(() => simulate(s), 5);
      const m = medians(runs);
      const r = rates(t.events.length, runs);
      console.log(
        `| ${mode} | ${name} | ${ticks(t.endTime, perSecond)} | ${thousands(t.events.length)} | ${runs.length} | ${fmt(m.wall, 0)} / ${fmt(m.cpu, 0)} | ${thousands(r.wall)} | ${thousands(r.cpu)} |`,
      );
    }
  }

  console.log(
    '\n| mode | converged at | tree state settled | final tree from | all receivers have the stream | data copies per packet (final tree) | PIM messages until converged |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const { mode, trace, c } of found) {
    const msgs = controlMessages(trace, c.convergedAt);
    const text = Object.entries(msgs)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${k.slice(4)} ${n}`)
      .join(', ');
    console.log(
      `| ${mode} | ${ticks(c.convergedAt, perSecond)} | ${ticks(c.stateSettledAt, perSecond)} | ${c.finalTreeFrom ? `${c.finalTreeFrom.msg}, sent at ${thousands(c.finalTreeFrom.at)}` : 'no complete packet'} | ${c.allReceiversAt === null ? 'not all' : ticks(c.allReceiversAt, perSecond)} | ${c.copiesPerPacket} | ${text} |`,
    );
  }

  console.log('\n| mode | when | (*,G) | (S,G) | (S,G,rpt) | state entries in all | routers holding state |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const { mode, trace, c } of found)
    for (const [when, at] of [
      ['at convergence', c.convergedAt],
      ['end of the stream', trace.endTime],
    ] as const) {
      const s = stateTotals(trace, at);
      console.log(
        `| ${mode} | ${when} (t = ${thousands(at)}) | ${s.starG} | ${s.sg} | ${s.sgRpt} | ${s.total} | ${s.routers} |`,
      );
    }
}

import { describe, expect, it } from 'vitest';
import { checkAtomicity } from '../../checks/atomicity';
import { checkReliableDelivery } from '../../checks/reliability';
import { checkVirtualSynchrony } from '../../checks/vsync';
import example1 from '../../scenarios/examples/atomic-example1.json';
import crashExample from '../../scenarios/examples/atomic-example1-crash.json';
import lostLogExample from '../../scenarios/examples/atomic-example1-lost-log.json';
import receiverCrashExample from '../../scenarios/examples/atomic-example1-receiver-crash.json';
import removeExample from '../../scenarios/examples/atomic-vsync-remove.json';
import takeoverExample from '../../scenarios/examples/atomic-vsync-sender-crash.json';
import { simulate } from '../../scenarios/simulate';
import { msgId, nodeId } from '../../sim/ids';
import type { Trace } from '../../sim/trace';
import { type AtomicContext, rebuild } from './atomic';
import { allDeliverOnce, events, scenario } from './testkit';

const load = (data: object) => {
  const s = scenario(data as Record<string, unknown>);
  return { s, t: simulate(s) };
};
const members = (s: { processes: string[] }) => ({ members: s.processes.map(nodeId) });

/** Step of the first "go" for `msg` its sender put on the wire. */
const goStep = (t: Trace, msg: string) =>
  events(t, 'send', undefined, `${msg}:go`)[0]?.step ?? Number.POSITIVE_INFINITY;

describe('atomic multicast, example 1 (lecture: "Achieving atomicity – example 1")', () => {
  it('no receiver passes a message to the application before the sender sends "go", and then all do', () => {
    const { s, t } = load(example1);
    for (const a of s.actions) {
      const go = goStep(t, a.msg);
      const received = events(t, 'deliver', undefined, a.msg).filter((e) => e.node !== a.node);
      expect(received.length).toBe(s.processes.length - 1);
      for (const d of received) expect(d.step).toBeGreaterThan(go);
      // Each receiver logged and held it first.
      for (const d of received) expect(events(t, 'holdback', d.node, a.msg)[0]!.step).toBeLessThan(go);
    }
    expect(allDeliverOnce(s, t)).toBeNull();
  });

  it('the sender sends "go" only once it has logged an ACK from every member', () => {
    const { s, t } = load(example1);
    for (const a of s.actions) {
      const go = goStep(t, a.msg);
      const ackers = new Set(
        events(t, 'ack', a.node)
          .filter(
            (e) => e.detail?.phase === 'msg' && (e.detail.acked as string[]).includes(a.msg) && e.step < go,
          )
          .map((e) => e.from),
      );
      expect([...ackers].sort()).toEqual(s.processes.filter((p) => p !== a.node).sort());
    }
  });

  it('a retransmission after a lost ACK is discarded by its unique id and acknowledged again', () => {
    const { s, t } = load({
      ...receiverCrashExample,
      faults: [],
      interventions: [{ copy: 'ack:P1:1@P0', drop: true }],
    });
    const dup = events(t, 'discard', 'P1', 'm1');
    expect(dup.map((e) => e.detail?.reason)).toEqual(['duplicate']);
    expect(events(t, 'holdback', 'P1', 'm1')).toHaveLength(1);
    expect(t.copies.filter((c) => c.kind === 'ack' && c.src === 'P1')).toHaveLength(2);
    expect(allDeliverOnce(s, t)).toBeNull();
  });

  it('the sender crashes between the ACKs and "go", restarts from its log and finishes where it left off', () => {
    const { s, t } = load(crashExample);
    const crash = events(t, 'crash', 'P0')[0]!;
    const restart = events(t, 'restart', 'P0')[0]!;
    // Before the crash it had logged P1's ACK but not P2's (lost), so no "go" yet.
    expect(
      events(t, 'ack', 'P0')
        .filter((e) => e.step < crash.step)
        .map((e) => e.from),
    ).toEqual(['P1']);
    expect(goStep(t, 'm1')).toBeGreaterThan(restart.step);
    const log = (
      t.states.filter((x) => x.node === 'P0' && x.step < crash.step).at(-1)!.state as {
        reliability: { log: { t: string; by?: string }[] };
      }
    ).reliability.log;
    expect(log.map((l) => l.t)).toEqual(['msg', 'ack']);
    // After the restart it asks only the member whose ACK it has not logged.
    expect(events(t, 'retransmit', 'P0')[0]!.detail).toMatchObject({ to: ['P2'], reason: 'restart' });
    expect(allDeliverOnce(s, t)).toBeNull();
    expect(checkAtomicity(t, members(s)).holds).toBe(true);
  });

  it('a receiver crashes between its ACK and "go", restarts from its log and delivers', () => {
    const { s, t } = load(receiverCrashExample);
    const ignoredGo = events(t, 'ignored', 'P1').filter((e) => e.kind === 'go');
    expect(ignoredGo.length).toBeGreaterThan(0);
    const restart = events(t, 'restart', 'P1')[0]!;
    const d = events(t, 'deliver', 'P1', 'm1');
    expect(d).toHaveLength(1);
    expect(d[0]!.step).toBeGreaterThan(restart.step);
    expect(allDeliverOnce(s, t)).toBeNull();
    expect(checkAtomicity(t, members(s)).holds).toBe(true);
  });

  it('a receiver that restarts without its log cannot deliver, and the checker sees atomicity broken', () => {
    const { s, t } = load(lostLogExample);
    expect(events(t, 'deliver', 'P2', 'm1')).toHaveLength(1);
    expect(events(t, 'deliver', 'P1', 'm1')).toHaveLength(0);
    expect(events(t, 'discard', 'P1').some((e) => e.detail?.reason === 'unknown')).toBe(true);
    // Never give up: the sender is still asking when the run stops.
    expect(events(t, 'retransmit', 'P0').length).toBeGreaterThan(3);
    const r = checkAtomicity(t, members(s));
    expect(r.holds).toBe(false);
    expect(r.violation).toMatchObject({ rule: 'not-all', node: 'P1', first: 'm1', other: 'P2' });
  });

  it("rebuilds a process's state from its log alone", () => {
    const pkt = (msg: string) => ({ msg: msgId(msg), from: nodeId('P0'), kind: 'data', h: {} });
    const c: AtomicContext = {
      cfg: { self: nodeId('P0'), timeout: 5 },
      log: [
        {
          t: 'msg',
          id: 'a',
          msg: msgId('a'),
          from: nodeId('P0'),
          role: 'sender',
          to: [nodeId('P1'), nodeId('P2')],
          packet: pkt('a'),
        },
        { t: 'ack', id: 'a', by: nodeId('P1') },
        { t: 'msg', id: 'b', msg: msgId('b'), from: nodeId('P9'), role: 'receiver', packet: pkt('b') },
        { t: 'msg', id: 'c', msg: msgId('c'), from: nodeId('P9'), role: 'receiver', packet: pkt('c') },
        { t: 'go', id: 'c' },
      ],
      sending: [],
      held: [],
      delivered: [],
      n: 0,
    };
    const r = rebuild(c);
    expect(r.sending.map((x) => [x.id, x.phase, x.acked])).toEqual([['a', 'collect', ['P1']]]);
    expect(r.held.map((p) => p.msg)).toEqual(['b']);
    expect(r.delivered).toEqual(['c']);
  });
});

describe('atomic multicast, example 2: virtual synchrony (lecture: "Achieving atomicity – example 2")', () => {
  it('removes the member that did not receive, in a new view, and the survivors deliver', () => {
    const { s, t } = load(removeExample);
    const views = events(t, 'view').filter((e) => e.detail?.id === 2);
    expect(views.map((e) => e.node).sort()).toEqual(['P0', 'P1', 'P2']);
    for (const v of views) expect(v.detail).toMatchObject({ members: ['P0', 'P1', 'P2'], excluded: ['P3'] });
    // P3 was given up on, then removed; it never delivered m1, everyone else did.
    expect(events(t, 'giveup', 'P0', 'm1')[0]!.detail?.to).toEqual(['P3']);
    expect(allDeliverOnce(s, t, ['P0', 'P1', 'P2'])).toBeNull();
    expect(events(t, 'deliver', 'P3')).toHaveLength(0);
    for (const c of [checkAtomicity, checkVirtualSynchrony, checkReliableDelivery])
      expect(c(t, members(s)).holds).toBe(true);
  });

  it('when the sender dies partway, a survivor forwards the message so every member of the new view gets it', () => {
    const { s, t } = load(takeoverExample);
    // P3 never got m1 from P0, which crashed.
    expect(
      t.copies.filter((c) => c.msg === 'm1' && c.to === 'P3' && c.src === 'P0').every((c) => c.lost !== null),
    ).toBe(true);
    const fwd = events(t, 'forward').filter((e) => e.detail?.role === 'survivor');
    expect(fwd).toHaveLength(1);
    const survivor = fwd[0]!.node;
    expect(
      t.copies.some((c) => c.msg === 'm1' && c.src === survivor && c.to === 'P3' && c.lost === null),
    ).toBe(true);
    for (const p of ['P1', 'P2', 'P3']) {
      const view = events(t, 'view', p).find((e) => e.detail?.id === 2)!;
      expect(view.detail).toMatchObject({ members: ['P1', 'P2', 'P3'], excluded: ['P0'] });
      // Delivered before moving to the new view: the same set in the old one.
      expect(events(t, 'deliver', p, 'm1')[0]!.step).toBeLessThan(view.step);
    }
    for (const c of [checkAtomicity, checkVirtualSynchrony]) expect(c(t, members(s)).holds).toBe(true);
  });
});

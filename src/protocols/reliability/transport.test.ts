import { describe, expect, it } from 'vitest';
import { events, run } from './testkit';

const three = { seed: 1, processes: ['P0', 'P1', 'P2'], ordering: 'unordered' };
const m = (at: number, msg: string, node = 'P0') => ({ type: 'multicast', at, node, msg });
const copiesOf = (t: ReturnType<typeof run>['t'], msg: string, to?: string) =>
  t.copies.filter((c) => c.msg === msg && (to === undefined || c.to === to));

describe('reliable multicast (lecture: "Reliable multicast")', () => {
  it('retransmits only to the member that has not acknowledged, and gives up after `tries` transmissions', () => {
    const { t } = run({
      ...three,
      network: { latency: [2, 2], loss: 0 },
      reliability: { scheme: 'reliable', timeout: 10, tries: 3 },
      actions: [m(0, 'm1')],
      faults: [{ type: 'receive-omission', at: 0, node: 'P2' }],
    });
    expect(copiesOf(t, 'm1', 'P1')).toHaveLength(1);
    expect(copiesOf(t, 'm1', 'P2')).toHaveLength(3);
    expect(copiesOf(t, 'm1', 'P2').every((c) => c.lost === 'receive-omission')).toBe(true);
    for (const r of events(t, 'retransmit', 'P0', 'm1')) expect(r.detail?.to).toEqual(['P2']);
    const giveup = events(t, 'giveup', 'P0', 'm1');
    expect(giveup).toHaveLength(1);
    expect(giveup[0]!.detail).toMatchObject({ to: ['P2'], tries: 3 });
    // Timeouts, not ACKs, pace the retries: one timeout apart.
    const sends = events(t, 'send', 'P0', 'm1').map((e) => e.time);
    expect(sends).toEqual([0, 10, 20]);
  });

  it('discards a retransmitted duplicate and acknowledges it again (the first ACK was lost)', () => {
    const { t } = run({
      ...three,
      network: { latency: [2, 2], loss: 0 },
      reliability: { scheme: 'reliable', timeout: 10, tries: 3 },
      actions: [m(0, 'm1')],
      interventions: [{ copy: 'ack:P1:1@P0', drop: true }],
    });
    expect(events(t, 'deliver', 'P1', 'm1')).toHaveLength(1);
    const dup = events(t, 'discard', 'P1', 'm1');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.detail?.reason).toBe('duplicate');
    expect(copiesOf(t, 'ack:P1:2', 'P0')).toHaveLength(1);
    expect(events(t, 'giveup')).toHaveLength(0);
  });

  it('without pipelining waits for every ACK of a message before sending the next', () => {
    const { t } = run({
      ...three,
      network: { latency: [2, 4], loss: 0 },
      reliability: { scheme: 'reliable', timeout: 20 },
      actions: [m(0, 'm1'), m(0, 'm2'), m(0, 'm3')],
    });
    for (const [a, b] of [
      ['m1', 'm2'],
      ['m2', 'm3'],
    ] as const) {
      const acks = events(t, 'ack', 'P0').filter((e) => ((e.detail?.acked ?? []) as string[]).includes(a));
      // Both other members (P1 and P2) acknowledged `a`; without this, Math.max of no ACKs is
      // -Infinity and the comparison below would hold vacuously.
      expect([...new Set(acks.map((e) => e.from))].sort(), a).toEqual(['P1', 'P2']);
      const lastAck = Math.max(...acks.map((e) => e.step));
      const next = events(t, 'send', 'P0', b)[0]!.step;
      expect(next).toBeGreaterThan(lastAck);
    }
  });

  it('with pipelining sends up to `window` messages before any ACK comes back', () => {
    const { t } = run({
      ...three,
      network: { latency: [2, 4], loss: 0 },
      reliability: { scheme: 'reliable', timeout: 20, window: 2 },
      actions: [m(0, 'm1'), m(0, 'm2'), m(0, 'm3')],
    });
    const firstAck = events(t, 'ack', 'P0')[0]!.step;
    const sentBefore = events(t, 'send', 'P0')
      .filter((e) => e.step < firstAck && e.kind === 'data')
      .map((e) => e.msg);
    expect(sentBefore).toEqual(['m1', 'm2']);
    expect(events(t, 'queued', 'P0', 'm3')[0]!.detail).toMatchObject({ reason: 'window', window: 2 });
  });

  it('with cumulative ACKs each receiver sends one ACK covering every message received within the delay', () => {
    const { t } = run({
      ...three,
      network: { latency: [3, 3], loss: 0 },
      reliability: { scheme: 'reliable', timeout: 30, window: 3, cumulative: true, ackDelay: 5 },
      actions: [m(0, 'm1'), m(1, 'm2'), m(2, 'm3')],
    });
    // Two receivers, each with all three messages in hand when its delay ends: two ACKs in all.
    const acks = t.copies.filter((c) => c.kind === 'ack');
    expect(acks.map((c) => c.src).sort()).toEqual(['P1', 'P2']);
    for (const a of events(t, 'ack', 'P0'))
      expect(a.detail).toMatchObject({ upTo: 3, acked: ['m1', 'm2', 'm3'] });
  });

  it("with piggybacked ACKs a pending ACK rides on the receiver's own next message", () => {
    const { t } = run({
      ...three,
      network: { latency: [2, 2], loss: 0 },
      reliability: { scheme: 'reliable', timeout: 30, piggyback: true, ackDelay: 5 },
      actions: [m(0, 'm1'), m(3, 'm2', 'P1')],
    });
    // P1 has m1 at 2 and multicasts m2 at 3, within its 5-tick delay: no ACK of its own for m1.
    expect(t.copies.filter((c) => c.kind === 'ack' && c.src === 'P1' && c.to === 'P0')).toHaveLength(0);
    const rode = events(t, 'ack', 'P0').find((e) => e.from === 'P1');
    expect(rode?.detail).toMatchObject({ piggyback: true, on: 'm2', acked: ['m1'] });
    // P2 sends nothing in time, so its ACK travels alone when the delay ends (2 + 5).
    const alone = t.copies.find((c) => c.kind === 'ack' && c.src === 'P2');
    expect(alone?.sentAt).toBe(7);
  });

  it('with negative ACKs a receiver asks for the missing number and the sender keeps every message buffered', () => {
    const { t } = run({
      ...three,
      network: { latency: [2, 2], loss: 0 },
      reliability: { scheme: 'reliable', timeout: 30, nack: true },
      actions: [m(0, 'm1'), m(1, 'm2'), m(2, 'm3')],
      interventions: [{ copy: 'm2@P1', drop: true }],
    });
    expect(t.copies.filter((c) => c.kind === 'ack')).toHaveLength(0);
    const nack = events(t, 'nack', 'P1');
    expect(nack).toHaveLength(1);
    expect(nack[0]!.detail).toMatchObject({ to: 'P0', missing: [2] });
    const re = events(t, 'retransmit', 'P0');
    expect(re.map((e) => [e.msg, e.detail?.to])).toEqual([['m2', ['P1']]]);
    expect(
      events(t, 'deliver', 'P1')
        .map((e) => e.msg)
        .sort(),
    ).toEqual(['m1', 'm2', 'm3']);
    // "Requires sender to buffer messages indefinitely": all three stay in the buffer.
    const last = t.states.filter((s) => s.node === 'P0').at(-1)!.state as {
      reliability: { buffered: number };
    };
    expect(last.reliability.buffered).toBe(3);
  });

  it('best effort sends each copy once and never acknowledges', () => {
    const { t } = run({
      ...three,
      network: { latency: [2, 2], loss: 0 },
      reliability: { scheme: 'unreliable' },
      actions: [m(0, 'm1')],
      interventions: [{ copy: 'm1@P2', drop: true }],
    });
    expect(copiesOf(t, 'm1')).toHaveLength(2);
    expect(t.copies.filter((c) => c.kind !== 'data')).toHaveLength(0);
    expect(events(t, 'deliver', 'P2')).toHaveLength(0);
  });
});
